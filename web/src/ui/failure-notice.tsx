import { Show } from "solid-js";
import { useLocale } from "../providers/locale.tsx";
import { errorMessage } from "./errors.ts";

/** A failed call, said in the page's language; nothing while there is no failure. */
export function FailureNotice(props: { error: unknown }) {
  const { t } = useLocale();
  return (
    <Show when={props.error}>
      <p class="notice notice-error" role="alert">
        {errorMessage(props.error, t)}
      </p>
    </Show>
  );
}

/**
 * A message the page already put in its language: an error (`role="alert"`) or what a step did
 * (`role="status"`); nothing while there is none.
 */
export function MessageNotice(props: { text: string | null | undefined; kind?: "error" | "success"; testID?: string }) {
  return (
    <Show when={props.text}>
      {(text) =>
        props.kind === "success" ? (
          <p class="notice notice-success" role="status" data-testid={props.testID}>
            {text()}
          </p>
        ) : (
          <p class="notice notice-error" role="alert" data-testid={props.testID}>
            {text()}
          </p>
        )
      }
    </Show>
  );
}
