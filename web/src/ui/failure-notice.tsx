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
