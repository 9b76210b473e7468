import { For, Show, splitProps, type JSX } from "solid-js";

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (attributes: { id: string; "aria-invalid": boolean; "aria-describedby": string | undefined }) => JSX.Element;
}

/** A labelled form control with its hint and, when invalid, its error right beneath. */
/** A mainland mobile number (手机号), as the API checks it. */
export const PHONE = /^1\d{10}$/;

export function Field(props: FieldProps) {
  const hintID = () => (props.hint ? `${props.id}-hint` : undefined);
  const errorID = () => (props.error ? `${props.id}-error` : undefined);
  const describedBy = () => [errorID(), hintID()].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field" classList={{ "is-invalid": Boolean(props.error) }}>
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      {/* Getters: the control follows the error without being made anew (it keeps focus while typing). */}
      {props.children({
        id: props.id,
        get "aria-invalid"() {
          return Boolean(props.error);
        },
        get "aria-describedby"() {
          return describedBy();
        },
      })}
      <Show when={props.error}>
        <p class="field-error" id={errorID()}>
          {props.error}
        </p>
      </Show>
      <Show when={props.hint && !props.error}>
        <p class="field-hint" id={hintID()}>
          {props.hint}
        </p>
      </Show>
    </div>
  );
}

/** A form's submit button that shows a spinner and its busy wording while the form is sent. */
export function SubmitButton(props: { busy: boolean; label: string; busyLabel: string; testid: string; block?: boolean }) {
  return (
    <button
      type="submit"
      class={`button button-primary${props.block ? " button-block" : ""}`}
      data-testid={props.testid}
      disabled={props.busy}
      aria-busy={props.busy}
    >
      <Show when={props.busy}>
        <span class="spinner" aria-hidden="true" />
      </Show>
      {props.busy ? props.busyLabel : props.label}
    </button>
  );
}

export function TextInput(props: JSX.InputHTMLAttributes<HTMLInputElement> & { value: string; onValue: (value: string) => void }) {
  const [own, rest] = splitProps(props, ["value", "onValue"]);
  return <input class="input" {...rest} value={own.value} onInput={(event) => own.onValue(event.currentTarget.value)} />;
}

export function SelectInput(
  props: JSX.SelectHTMLAttributes<HTMLSelectElement> & {
    value: string;
    onValue: (value: string) => void;
    options: { value: string; label: string }[];
    placeholder?: string;
    "data-testid"?: string;
  },
) {
  return (
    <select
      class="input select"
      id={props.id}
      name={props.name}
      disabled={props.disabled}
      aria-invalid={props["aria-invalid"]}
      aria-describedby={props["aria-describedby"]}
      data-testid={props["data-testid"]}
      value={props.value}
      onChange={(event) => props.onValue(event.currentTarget.value)}
    >
      <Show when={props.placeholder !== undefined}>
        <option value="" disabled>
          {props.placeholder}
        </option>
      </Show>
      <For each={props.options}>
        {(option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        )}
      </For>
    </select>
  );
}
