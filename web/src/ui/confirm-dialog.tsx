import { onCleanup, onMount } from "solid-js";
import { useLocale } from "../providers/locale.tsx";
import "./confirm-dialog.css";

/** A modal confirmation: focus goes to its confirm button, Escape cancels. `testID` names it (and `${testID}-submit` its button). */
export function ConfirmDialog(props: {
  title: string;
  body: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testID: string;
}) {
  const { t } = useLocale();
  let confirmButton: HTMLButtonElement | undefined;
  onMount(() => {
    confirmButton?.focus();
    const closeOnEscape = (event: KeyboardEvent) => event.key === "Escape" && props.onCancel();
    document.addEventListener("keydown", closeOnEscape);
    onCleanup(() => document.removeEventListener("keydown", closeOnEscape));
  });
  return (
    <div class="confirm-dialog-backdrop">
      <div
        class="confirm-dialog card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${props.testID}-title`}
        aria-describedby={`${props.testID}-body`}
        data-testid={props.testID}
      >
        <h2 class="section-title" id={`${props.testID}-title`}>
          {props.title}
        </h2>
        <p id={`${props.testID}-body`}>{props.body}</p>
        <div class="confirm-dialog-actions">
          <button type="button" class="button button-secondary" onClick={() => props.onCancel()}>
            {t("common.cancel")}
          </button>
          <button
            ref={confirmButton}
            type="button"
            class="button button-primary"
            disabled={props.busy}
            data-testid={`${props.testID}-submit`}
            onClick={() => props.onConfirm()}
          >
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
