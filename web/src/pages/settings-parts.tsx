import { createSignal, For, Match, Show, Switch, type Accessor, type JSX } from "solid-js";
import { ApiError, fieldName } from "../data/api.ts";
import { KEY_PATTERN, type ConfigApi, type DistrictConfig, type NamedKind, type SectionChanges } from "../data/config.ts";
import { fieldErrorsOf, type FieldErrors } from "../data/field-errors.ts";
import type { PagedList } from "../data/paged-list.ts";
import { useSettingsLocale, type SettingsLocale } from "../i18n/settings.ts";
import { errorMessage } from "../ui/errors.ts";
import { Field, SelectInput } from "../ui/field.tsx";
import { AlertIcon, CheckIcon, PlusIcon } from "../ui/icons.tsx";

/** What every settings section gets from the page: the configuration as loaded, and how to save it. */
export interface SettingsFrame {
  slug: string;
  config: Accessor<DistrictConfig>;
  api: ConfigApi;
  /** A save went through: the page, and the portal's cached district, hold the new configuration. */
  saved: (config: DistrictConfig) => void;
  /** Loads the configuration again and starts the section's form afresh (after a version conflict). */
  reload: () => void;
}

/** Field errors keyed by path within the settings (`tickets.categories.2.key`). */
export type { FieldErrors };

export const clone = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** JSON with object keys in order, so that equal settings compare equal whatever the key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value;
}
export const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** A 400's details as field errors, with the body's `changes.` prefix taken off. */
export const configFieldErrors = (error: unknown): FieldErrors => fieldErrorsOf(error, "changes", 400);

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; version: number }
  | { kind: "unchanged" }
  | { kind: "invalid"; count: number }
  | { kind: "failed"; error: unknown };

export interface SectionSave {
  state: Accessor<SaveState>;
  errors: Accessor<FieldErrors>;
  error: (path: string) => string | undefined;
  note: Accessor<string>;
  setNote: (note: string) => void;
  /** Checks (`check` gives field errors), then sends `changes` with the version loaded. */
  save: (changes: SectionChanges, options?: { check?: () => FieldErrors; unchanged?: boolean }) => Promise<void>;
  /** Forgets the last outcome (after the form changed). */
  clear: () => void;
  /** Makes a change to the form, forgetting the last outcome. */
  edit: (change: () => void) => void;
}

/** The save of one section: `PATCH /config` with `expectedVersion`, and what came of it. */
export function createSectionSave(frame: SettingsFrame): SectionSave {
  const [state, setState] = createSignal<SaveState>({ kind: "idle" });
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [note, setNote] = createSignal("");
  const clear = () => {
    if (state().kind !== "saving") setState({ kind: "idle" });
  };
  return {
    state,
    errors,
    error: (path) => errors()[path],
    note,
    setNote,
    clear,
    edit: (change) => {
      clear();
      change();
    },
    async save(changes, options = {}) {
      if (state().kind === "saving") return;
      const local = options.check?.() ?? {};
      setErrors(local);
      if (Object.keys(local).length) return void setState({ kind: "invalid", count: Object.keys(local).length });
      if (options.unchanged) return void setState({ kind: "unchanged" });
      setState({ kind: "saving" });
      try {
        const next = await frame.api.update({ expectedVersion: frame.config().version, changes, note: note().trim() || undefined });
        frame.saved(next);
        setNote("");
        setState({ kind: "saved", version: next.version });
      } catch (error) {
        setErrors(configFieldErrors(error));
        setState({ kind: "failed", error });
      }
    },
  };
}

/** Why a change was refused, reason by reason; for a version conflict, the way to reload. */
export function ConfigError(props: { error: unknown; onReload?: () => void }) {
  const { t } = useSettingsLocale();
  const api = () => (props.error instanceof ApiError ? props.error : undefined);
  const reasons = () => api()?.fieldErrors ?? [];
  return (
    <div class="notice notice-error settings-error" role="alert" data-testid="config-error">
      <Switch fallback={<p>{errorMessage(props.error, t)}</p>}>
        <Match when={api()?.code === "config.version"}>
          <p>{t("error.version")}</p>
          <Show when={props.onReload}>
            {(reload) => (
              <button type="button" class="button button-secondary" data-testid="config-reload" onClick={() => reload()()}>
                {t("error.reload")}
              </button>
            )}
          </Show>
        </Match>
        <Match when={api()?.status === 409}>
          <p>{t("error.breaking")}</p>
          <ul class="settings-reasons">
            <For each={reasons().length ? reasons() : [{ path: "", message: api()!.message }]}>
              {(reason) => <li data-testid="config-error-reason">{reason.message}</li>}
            </For>
          </ul>
        </Match>
        <Match when={api()?.status === 400 && reasons().length}>
          <p>{t("error.invalid")}</p>
          <ul class="settings-reasons">
            <For each={reasons()}>
              {(reason) => (
                <li data-testid="config-error-reason">
                  <Show when={reason.path}>
                    <code>{fieldName(reason.path).replace(/^changes\./, "")}</code>{" "}
                  </Show>
                  {reason.message}
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </div>
  );
}

/** The foot of a section's form: an optional note for the history, save, and the outcome. */
export function SaveBar(props: { save: SectionSave; frame: SettingsFrame; onSave: () => void; onDiscard?: () => void; dirty?: boolean }) {
  const { t } = useSettingsLocale();
  const state = () => props.save.state();
  return (
    <div class="settings-savebar">
      <Switch>
        <Match when={state().kind === "saved" && (state() as { version: number })}>
          {(saved) => (
            <p class="notice notice-info settings-saved" role="status" data-testid="config-saved">
              <CheckIcon size={16} /> {t("save.saved", { version: saved().version })}
            </p>
          )}
        </Match>
        <Match when={state().kind === "unchanged"}>
          <p class="notice notice-info" role="status">
            {t("save.unchanged")}
          </p>
        </Match>
        <Match when={state().kind === "invalid" && (state() as { count: number })}>
          {(invalid) => (
            <div class="notice notice-error settings-error" role="alert" data-testid="config-error">
              <p>
                <AlertIcon size={16} /> {t("error.fix", { count: invalid().count })}
              </p>
            </div>
          )}
        </Match>
        <Match when={state().kind === "failed" && (state() as { error: unknown })}>
          {(failed) => <ConfigError error={failed().error} onReload={props.frame.reload} />}
        </Match>
      </Switch>
      <div class="settings-savebar-row">
        <input
          class="input settings-note"
          aria-label={t("save.note")}
          placeholder={t("save.notePlaceholder")}
          maxLength={200}
          value={props.save.note()}
          onInput={(event) => props.save.setNote(event.currentTarget.value)}
        />
        <Show when={props.onDiscard && props.dirty}>
          <button type="button" class="button button-ghost" onClick={() => props.onDiscard!()}>
            {t("save.discard")}
          </button>
        </Show>
        <button
          type="button"
          class="button button-primary"
          data-testid="config-save"
          disabled={state().kind === "saving"}
          onClick={() => props.onSave()}
        >
          {state().kind === "saving" ? t("save.saving") : t("save.button")}
        </button>
      </div>
    </div>
  );
}

/** A labelled text or number input with its error beneath. */
export function InputField(props: {
  id: string;
  label: string;
  value: string | number;
  onValue: (value: string) => void;
  error?: string;
  hint?: string;
  testid?: string;
  type?: "text" | "number" | "tel" | "email";
  min?: number;
  max?: number;
  placeholder?: string;
  class?: string;
}) {
  return (
    <div class={props.class}>
      <Field id={props.id} label={props.label} error={props.error} hint={props.hint}>
        {(attributes) => (
          <input
            {...attributes}
            class="input"
            type={props.type ?? "text"}
            inputMode={props.type === "number" ? "numeric" : undefined}
            min={props.min}
            max={props.max}
            placeholder={props.placeholder}
            data-testid={props.testid}
            value={props.value}
            onInput={(event) => props.onValue(event.currentTarget.value)}
          />
        )}
      </Field>
    </div>
  );
}

/** A labelled select with its error beneath. */
export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string;
  hint?: string;
  testid?: string;
  class?: string;
}) {
  return (
    <div class={props.class}>
      <Field id={props.id} label={props.label} error={props.error} hint={props.hint}>
        {(attributes) => (
          <SelectInput {...attributes} data-testid={props.testid} value={props.value} onValue={props.onValue} options={props.options} />
        )}
      </Field>
    </div>
  );
}

/** A section of a settings form: a title, a hint and its body. */
export function Block(props: { title: string; hint?: string; children: JSX.Element; aside?: JSX.Element; testid?: string }) {
  return (
    <section class="card settings-block" data-testid={props.testid}>
      <div class="settings-block-head">
        <div>
          <h2 class="section-title">{props.title}</h2>
          <Show when={props.hint}>
            <p class="section-hint">{props.hint}</p>
          </Show>
        </div>
        {props.aside}
      </div>
      {props.children}
    </section>
  );
}

export function AddButton(props: { label: string; onClick: () => void; testid?: string; disabled?: boolean }) {
  return (
    <button
      type="button"
      class="button button-secondary settings-add"
      data-testid={props.testid}
      disabled={props.disabled}
      onClick={() => props.onClick()}
    >
      <PlusIcon size={16} /> {props.label}
    </button>
  );
}

/** A row's remove button (删除). */
export function RemoveButton(props: { testid: string; onClick: () => void; disabled?: boolean; title?: string }) {
  const { t } = useSettingsLocale();
  return (
    <button
      type="button"
      class="button button-ghost settings-remove"
      data-testid={props.testid}
      disabled={props.disabled}
      title={props.title}
      onClick={() => props.onClick()}
    >
      {t("form.remove")}
    </button>
  );
}

/** Field errors of a keyed list: names required, keys well-formed and unique. */
export function checkKeyed(list: { key: string; nameZh: string; nameEn: string }[], prefix: string, t: SettingsLocale["t"]): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Map<string, number>();
  list.forEach((item, index) => {
    const key = item.key.trim();
    if (!key) errors[`${prefix}.${index}.key`] = t("check.required");
    else if (!KEY_PATTERN.test(key) || key.length > 40) errors[`${prefix}.${index}.key`] = t("check.key");
    else if (seen.has(key)) errors[`${prefix}.${index}.key`] = t("check.duplicate", { index: seen.get(key)! + 1 });
    else seen.set(key, index);
    Object.assign(errors, checkNames(item, `${prefix}.${index}`, t));
  });
  return errors;
}

export function checkNames(item: { nameZh: string; nameEn: string }, prefix: string, t: SettingsLocale["t"]): FieldErrors {
  const errors: FieldErrors = {};
  if (!item.nameZh.trim()) errors[`${prefix}.nameZh`] = t("check.required");
  if (!item.nameEn.trim()) errors[`${prefix}.nameEn`] = t("check.required");
  return errors;
}

/** Trims every name and key of a keyed list before it is sent. */
export const tidyKeyed = <T extends NamedKind>(list: T[]): T[] =>
  list.map((item) => ({ ...item, key: item.key.trim(), nameZh: item.nameZh.trim(), nameEn: item.nameEn.trim() }));

/** The list without the entry at `index` (for a store setter). */
export const without =
  (index: number) =>
  <T,>(list: T[]): T[] =>
    list.filter((_, at) => at !== index);

/**
 * The key (when the entry has one) and both names of a bilingual entry, as inputs with their errors:
 * `<testid>-key-<number>`, `<testid>-name-zh-<number>`, `<testid>-name-en-<number>`; errors at `<path>.key` ….
 */
export function NameFields(props: {
  item: { key?: string; nameZh: string; nameEn: string };
  testid: string;
  number: number;
  path: string;
  errors: (path: string) => string | undefined;
  onChange: (field: "key" | "nameZh" | "nameEn", value: string) => void;
}) {
  const { t } = useSettingsLocale();
  const input = (field: "nameZh" | "nameEn", name: string, label: string) => (
    <InputField
      id={`${props.testid}-${name}-${props.number}`}
      label={label}
      value={props.item[field]}
      onValue={(value) => props.onChange(field, value)}
      error={props.errors(`${props.path}.${field}`)}
      testid={`${props.testid}-${name}-${props.number}`}
    />
  );
  return (
    <>
      <Show when={props.item.key !== undefined}>
        <InputField
          id={`${props.testid}-key-${props.number}`}
          label={t("form.key")}
          value={props.item.key ?? ""}
          onValue={(value) => props.onChange("key", value)}
          error={props.errors(`${props.path}.key`)}
          testid={`${props.testid}-key-${props.number}`}
          class="settings-key"
        />
      </Show>
      {input("nameZh", "name-zh", t("form.nameZh"))}
      {input("nameEn", "name-en", t("form.nameEn"))}
    </>
  );
}

/** One editable row of a list: its fields, what else it shows, and its remove button (删除) last. */
export function EditableRow(props: {
  testid: string;
  fieldsClass?: string;
  children: JSX.Element;
  /** Before the fields (a level). */
  lead?: JSX.Element;
  /** Between the fields and the actions. */
  extra?: JSX.Element;
  /** Actions before the remove button. */
  actions?: JSX.Element;
  /** After the actions (a row's notices). */
  foot?: JSX.Element;
  class?: string;
  remove: { testid: string; onClick: () => void; disabled?: boolean; title?: string };
}) {
  return (
    <li class={props.class ? `settings-row ${props.class}` : "settings-row"} data-testid={props.testid}>
      {props.lead}
      <div class={props.fieldsClass ? `settings-row-fields ${props.fieldsClass}` : "settings-row-fields"}>{props.children}</div>
      {props.extra}
      <div class="settings-row-actions">
        {props.actions}
        <RemoveButton {...props.remove} />
      </div>
      {props.foot}
    </li>
  );
}

/**
 * A block that edits a list: its rows (or, with `empty`, a word that there are none), then the add button
 * and, when given, why adding is not possible now.
 */
export function ListBlock<T>(props: {
  title: string;
  hint?: string;
  testid?: string;
  empty?: string;
  items: T[];
  children: (item: T, index: Accessor<number>) => JSX.Element;
  add: { label: string; testid: string; onClick: () => void; disabled?: boolean };
  addNote?: string | false;
}) {
  const rows = () => (
    <ol class="settings-rows">
      <For each={props.items}>{props.children}</For>
    </ol>
  );
  return (
    <Block title={props.title} hint={props.hint} testid={props.testid}>
      <Show when={props.empty !== undefined} fallback={rows()}>
        <Show when={props.items.length} fallback={<p class="settings-empty">{props.empty}</p>}>
          {rows()}
        </Show>
      </Show>
      <div class="settings-block-foot">
        <AddButton {...props.add} />
        <Show when={props.addNote}>
          <span class="muted">{props.addNote}</span>
        </Show>
      </div>
    </Block>
  );
}

/** A block that edits a list of keyed, bilingual entries (dedicated kinds, departments, meeting types …). */
export function KeyedListBlock(props: {
  title: string;
  hint?: string;
  empty: string;
  add: { label: string; testid: string; onClick: () => void };
  items: NamedKind[];
  path: string;
  /** Prefixes the rows and inputs: `<testid>-row-<index>`, `<testid>-key-<index>` …. */
  testid: string;
  errors: (path: string) => string | undefined;
  onChange: (index: number, field: "key" | "nameZh" | "nameEn", value: string) => void;
  onRemove: (index: number) => void;
}) {
  return (
    <ListBlock title={props.title} hint={props.hint} empty={props.empty} items={props.items} add={props.add}>
      {(item, index) => (
        <EditableRow
          testid={`${props.testid}-row-${index()}`}
          remove={{ testid: `${props.testid}-remove-${index()}`, onClick: () => props.onRemove(index()) }}
        >
          <NameFields
            item={item}
            testid={props.testid}
            number={index()}
            path={`${props.path}.${index()}`}
            errors={props.errors}
            onChange={(field, value) => props.onChange(index(), field, value)}
          />
        </EditableRow>
      )}
    </ListBlock>
  );
}

/** The foot of a paged list: load more, or the failure with a retry. */
export function ListFoot<T>(props: { list: PagedList<T> }) {
  const { t } = useSettingsLocale();
  return (
    <>
      <Show when={props.list.error()}>
        {(error) => (
          <div class="notice notice-error" role="alert">
            <p>{errorMessage(error(), t)}</p>
            <button
              type="button"
              class="button button-secondary"
              onClick={() => (props.list.loaded() ? props.list.more() : props.list.reload())}
            >
              {t("common.retry")}
            </button>
          </div>
        )}
      </Show>
      <Show when={props.list.hasMore() && !props.list.error()}>
        <button type="button" class="button button-secondary load-more" disabled={props.list.loading()} onClick={() => props.list.more()}>
          {props.list.loading() ? t("common.loading") : t("common.loadMore")}
        </button>
      </Show>
    </>
  );
}
