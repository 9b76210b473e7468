import { createSignal } from "solid-js";
import { fieldErrorsOf, type FieldErrors } from "../data/field-errors.ts";
import type { Locale } from "../providers/locale.tsx";
import { errorMessage } from "./errors.ts";

/**
 * A form's submission: saving state, field errors from the form's own checks or from the API
 * (`body.kind` → `kind`), and a message for anything else.
 */
export function createSubmission(t: Locale["t"]) {
  const [saving, setSaving] = createSignal(false);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal<string>();
  /** Checks, then (unless `blocked` says why not) sends, then calls `done`. */
  async function submit(
    check: () => FieldErrors,
    send: () => Promise<unknown>,
    done: () => void,
    blocked: () => string | undefined = () => undefined,
  ) {
    const found = check();
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length) return;
    const reason = blocked();
    if (reason) return void setFailure(reason);
    setSaving(true);
    try {
      await send();
      done();
    } catch (error) {
      setErrors(fieldErrorsOf(error, "body"));
      setFailure(errorMessage(error, t));
    } finally {
      setSaving(false);
    }
  }
  return { saving, errors, failure, submit };
}
