import { createEffect, createMemo, createSignal, createUniqueId, For, Match, Show, Switch } from "solid-js";
import { createQuery } from "../data/query.ts";
import { setupApi, type DirectoryEntry } from "../data/setup.ts";
import { useSetupLocale } from "../i18n/setup.ts";
import { useSession } from "../providers/session.tsx";
import { ErrorState, Skeleton } from "./states.tsx";
import "./district-picker.css";

/** Where the district last chosen at sign-in or registration is remembered, for next time. */
export const DISTRICT_KEY = "wangge.district";

/** The district chosen last time on this device (its slug), if any. */
export function rememberedDistrict(): string | undefined {
  try {
    return localStorage.getItem(DISTRICT_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberDistrict(slug: string) {
  try {
    localStorage.setItem(DISTRICT_KEY, slug);
  } catch {
    // Private windows may refuse storage: the choice is simply not remembered.
  }
}

/** How many matches the list shows; typing narrows the rest. */
const SHOWN = 30;

/** Whether an entry matches what was typed: its Chinese or English name, its short link name, city or province. */
export function matchesDistrict(entry: DirectoryEntry, typed: string): boolean {
  const words = typed.trim().toLowerCase().replace(/\s+/g, "");
  if (!words) return true;
  const english = entry.nameEn.toLowerCase().replace(/\s+/g, "");
  return [entry.nameZh, entry.cityZh, entry.provinceZh, entry.slug, english].some((text) => text.toLowerCase().includes(words));
}

/**
 * Chooses a district from the public directory (区县名录): a search box over a list of the live
 * districts' Chinese names with their city and province, found by Chinese name, English name or
 * its link name (`jianyang`), or city. An ARIA combobox: ↓/↑ move, Enter chooses, Esc closes.
 * `value` is the chosen slug; people read names only. `onLoaded` tells the page the directory.
 */
export function DistrictPicker(props: {
  id: string;
  value: string | undefined;
  onChange: (entry: DirectoryEntry) => void;
  onLoaded?: (entries: DirectoryEntry[]) => void;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  disabled?: boolean;
}) {
  const { t, pick } = useSetupLocale();
  const session = useSession();
  const directory = createQuery(
    () => true,
    () => setupApi(session.api).directory(),
  );
  const listID = createUniqueId();
  const chosen = createMemo(() => directory.data()?.find((entry) => entry.slug === props.value));
  const [typed, setTyped] = createSignal<string>();
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(0);
  /** The box shows what is typed, else the chosen district's name. */
  const text = () => typed() ?? (chosen() ? pick(chosen()!) : "");
  const matches = createMemo(() => (directory.data() ?? []).filter((entry) => matchesDistrict(entry, typed() ?? "")));
  const shown = () => matches().slice(0, SHOWN);
  const optionID = (index: number) => `${listID}-${index}`;

  createEffect(() => {
    const entries = directory.data();
    if (entries) props.onLoaded?.(entries);
  });

  function choose(entry: DirectoryEntry) {
    setTyped(undefined);
    setOpen(false);
    props.onChange(entry);
  }

  function onKeyDown(event: KeyboardEvent) {
    const count = shown().length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open()) {
        setOpen(true);
        return;
      }
      if (!count) return;
      setActive((index) => (event.key === "ArrowDown" ? (index + 1) % count : (index - 1 + count) % count));
      document.getElementById(optionID(active()))?.scrollIntoView?.({ block: "nearest" });
    } else if (event.key === "Enter" && open()) {
      event.preventDefault();
      const entry = shown()[active()];
      if (entry) choose(entry);
    } else if (event.key === "Escape" && open()) {
      event.preventDefault();
      setOpen(false);
      setTyped(undefined);
    }
  }

  return (
    <div class="district-picker">
      <Switch>
        <Match when={directory.error()}>{(error) => <ErrorState error={error()} onRetry={directory.reload} />}</Match>
        <Match when={directory.data()}>
          <input
            id={props.id}
            class="input"
            type="search"
            role="combobox"
            autocomplete="off"
            spellcheck={false}
            placeholder={t("districtPicker.placeholder")}
            aria-autocomplete="list"
            aria-expanded={open()}
            aria-controls={listID}
            aria-activedescendant={open() && shown().length ? optionID(active()) : undefined}
            aria-invalid={props["aria-invalid"]}
            aria-describedby={props["aria-describedby"]}
            disabled={props.disabled}
            data-testid="district-picker"
            value={text()}
            onInput={(event) => {
              setTyped(event.currentTarget.value);
              setActive(0);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onClick={() => setOpen(true)}
            onKeyDown={onKeyDown}
            onBlur={(event) => {
              // A click on an option keeps the list until it is chosen.
              if (!(event.relatedTarget instanceof Node && event.currentTarget.parentElement?.contains(event.relatedTarget))) {
                setOpen(false);
                setTyped(undefined);
              }
            }}
          />
          <Show when={open()}>
            <div class="district-picker-list" id={listID} role="listbox" aria-label={t("districtPicker.list")}>
              <For each={shown()} fallback={<p class="district-picker-none">{t("districtPicker.none")}</p>}>
                {(entry, index) => (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the combobox's (↓/↑/Enter, aria-activedescendant); options never take focus
                  <div
                    id={optionID(index())}
                    role="option"
                    tabIndex={-1}
                    class="district-picker-option"
                    classList={{ "is-active": index() === active() }}
                    aria-selected={entry.slug === props.value}
                    data-testid={`district-option-${entry.slug}`}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => choose(entry)}
                  >
                    <span class="district-picker-name">{pick(entry)}</span>
                    <span class="district-picker-place">
                      {entry.provinceZh}
                      {entry.cityZh}
                    </span>
                  </div>
                )}
              </For>
            </div>
            <Show when={matches().length > SHOWN}>
              <p class="field-hint">{t("districtPicker.more", { count: String(matches().length - SHOWN) })}</p>
            </Show>
          </Show>
        </Match>
        <Match when={true}>
          <Skeleton lines={1} />
        </Match>
      </Switch>
    </div>
  );
}
