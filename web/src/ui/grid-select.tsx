import { createEffect, createSignal, createUniqueId, For, on, Show } from "solid-js";
import { gridsApi, type GridRef } from "../data/grids.ts";
import type { Tier } from "../data/types.ts";
import { useNamesLocale } from "../i18n/names.ts";
import { useSession } from "../providers/session.tsx";
import { errorMessage } from "./errors.ts";
import { Field } from "./field.tsx";
import "./grid-select.css";

/** How many matches a search asks for. */
const SHOWN = 20;

/** Where the list stands: the matches of what was typed, or one grid's children (browsing tier by tier). */
type Listing = { kind: "search"; query: string } | { kind: "browse"; parent: GridRef | null; trail: GridRef[] };

/**
 * Chooses one grid (选择网格): type a few characters of its name or its code's start and pick
 * from the matches, or browse tier by tier from the first tier. Each match reads
 * "名称 · 编码 · 层级". A combobox: ↑/↓ move, Enter chooses, → opens the tier below the grid
 * shown, ← goes back up, Esc closes. `value` is the chosen grid's ID ("" for none); its name is
 * read once when the select starts with one. `testid` names the input; each option is
 * `${testid}-option`.
 */
export function GridSelect(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (grid: GridRef | null) => void;
  /** The district's tiers, for the tier names (第N级 without them). */
  tiers?: Tier[];
  testid: string;
}) {
  const { t, pick } = useNamesLocale();
  const grids = gridsApi(useSession().api);
  const listID = createUniqueId();
  const [chosen, setChosen] = createSignal<GridRef | null>(null);
  const [text, setText] = createSignal("");
  const [editing, setEditing] = createSignal(false);
  const [open, setOpen] = createSignal(false);
  const [listing, setListing] = createSignal<Listing>({ kind: "browse", parent: null, trail: [] });
  const [options, setOptions] = createSignal<GridRef[]>([]);
  const [more, setMore] = createSignal(false);
  const [loading, setLoading] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  const [active, setActive] = createSignal(0);
  /** Each load's number: only the latest one's answer is shown. */
  let latest = 0;

  // The chosen grid's name, when the select starts with an ID (a user's grid, a routing rule's).
  createEffect(
    on(
      () => props.value,
      (gridID) => {
        if (!gridID) return setChosen(null);
        if (chosen()?.gridID === gridID) return;
        grids.grid(gridID).then(
          (detail) => {
            if (props.value === gridID) setChosen(refOf(detail.grid));
          },
          () => setChosen({ gridID, code: gridID, name: gridID, tier: null }),
        );
      },
    ),
  );

  const refOf = (grid: GridRef): GridRef => ({ gridID: grid.gridID, code: grid.code, name: grid.name, tier: grid.tier });
  const tierName = (tier: number | null) => {
    if (tier === null) return t("gridSelect.dedicated");
    const named = props.tiers?.find((level) => level.level === tier);
    return named ? pick(named) : t("gridSelect.tier", { level: tier });
  };
  const label = (grid: GridRef) => t("gridSelect.option", { name: grid.name, code: grid.code, tier: tierName(grid.tier) });
  const optionID = (index: number) => `${listID}-${index}`;

  async function load(next: Listing) {
    setListing(next);
    const mine = ++latest;
    setLoading(true);
    setFailure(undefined);
    try {
      const found =
        next.kind === "search"
          ? await grids.search(next.query, { limit: SHOWN })
          : { items: (await grids.children(next.parent?.gridID ?? "root")).map(refOf), more: false };
      if (mine !== latest) return;
      setOptions(found.items);
      setMore(found.more);
      setActive(0);
    } catch (error) {
      if (mine === latest) setFailure(() => error);
    } finally {
      if (mine === latest) setLoading(false);
    }
  }

  function show() {
    if (open()) return;
    setOpen(true);
    const words = editing() ? text().trim() : "";
    void load(
      words ? { kind: "search", query: words } : listing().kind === "browse" ? listing() : { kind: "browse", parent: null, trail: [] },
    );
  }

  function type(value: string) {
    setText(value);
    setEditing(true);
    setOpen(true);
    const words = value.trim();
    void load(words ? { kind: "search", query: words } : { kind: "browse", parent: null, trail: [] });
  }

  function choose(grid: GridRef | null) {
    setChosen(grid);
    setEditing(false);
    setText("");
    setOpen(false);
    props.onChange(grid);
  }

  function down(grid: GridRef) {
    const now = listing();
    const trail = now.kind === "browse" ? [...now.trail, ...(now.parent ? [now.parent] : [])] : [];
    setEditing(false);
    setText("");
    void load({ kind: "browse", parent: grid, trail });
  }

  function up() {
    const now = listing();
    if (now.kind !== "browse" || !now.parent) return;
    const trail = [...now.trail];
    const parent = trail.pop() ?? null;
    void load({ kind: "browse", parent, trail });
  }

  function keydown(event: KeyboardEvent) {
    const count = options().length;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open()) return show();
        if (count) setActive((index) => (index + 1) % count);
        return;
      case "ArrowUp":
        event.preventDefault();
        if (!open()) return show();
        if (count) setActive((index) => (index - 1 + count) % count);
        return;
      case "Enter":
        if (!open()) return;
        event.preventDefault();
        if (options()[active()]) choose(options()[active()]);
        return;
      case "ArrowRight":
        if (open() && !editing() && options()[active()]) {
          event.preventDefault();
          down(options()[active()]);
        }
        return;
      case "ArrowLeft":
        if (open() && !editing() && listing().kind === "browse") {
          event.preventDefault();
          up();
        }
        return;
      case "Escape":
        if (open()) {
          event.preventDefault();
          setOpen(false);
        }
        return;
    }
  }

  const shown = () => (editing() ? text() : chosen() ? `${chosen()!.name} · ${chosen()!.code}` : "");

  return (
    <Field id={props.id} label={props.label} hint={props.hint ?? t("gridSelect.help")} error={props.error}>
      {(attributes) => (
        <div
          class="grid-select"
          data-testid={`${props.testid}-select`}
          onFocusOut={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
              setOpen(false);
              setEditing(false);
            }
          }}
        >
          <div class="grid-select-control">
            <input
              {...attributes}
              class="input"
              role="combobox"
              autocomplete="off"
              aria-autocomplete="list"
              aria-expanded={open()}
              aria-controls={listID}
              aria-activedescendant={open() && options().length ? optionID(active()) : undefined}
              placeholder={t("gridSelect.placeholder")}
              value={shown()}
              data-testid={props.testid}
              data-grid={chosen()?.gridID ?? ""}
              onInput={(event) => type(event.currentTarget.value)}
              onFocus={show}
              onClick={show}
              onKeyDown={keydown}
            />
            <Show when={chosen()}>
              <button
                type="button"
                class="grid-select-clear"
                aria-label={t("gridSelect.clear")}
                data-testid={`${props.testid}-clear`}
                onClick={() => choose(null)}
              >
                ×
              </button>
            </Show>
          </div>
          <Show when={open()}>
            <div class="grid-select-popup">
              <Show when={listing().kind === "browse"}>
                <div class="grid-select-trail">
                  <span>{t("gridSelect.browse")}</span>
                  <Show when={(listing() as Extract<Listing, { kind: "browse" }>).parent} fallback={<strong>{t("gridSelect.top")}</strong>}>
                    {(parent) => (
                      <>
                        <button type="button" class="link-button" tabIndex={-1} data-testid={`${props.testid}-up`} onClick={up}>
                          ‹ {t("gridSelect.up")}
                        </button>
                        <strong>{label(parent())}</strong>
                      </>
                    )}
                  </Show>
                </div>
              </Show>
              <div class="grid-select-list" id={listID} role="listbox" aria-label={props.label}>
                <For each={options()}>
                  {(grid, index) => (
                    // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the combobox's (↓/↑/Enter/→/←, aria-activedescendant); options never take focus
                    <div
                      id={optionID(index())}
                      role="option"
                      tabIndex={-1}
                      class="grid-select-option"
                      classList={{ "is-active": index() === active() }}
                      aria-selected={grid.gridID === chosen()?.gridID}
                      data-testid={`${props.testid}-option`}
                      data-grid={grid.gridID}
                      onMouseDown={(event) => event.preventDefault()}
                      onMouseEnter={() => setActive(index())}
                      onClick={() => choose(grid)}
                    >
                      <span class="grid-select-name">{grid.name}</span>
                      <span class="grid-select-meta">
                        {grid.code} · {tierName(grid.tier)}
                      </span>
                      <Show when={listing().kind === "browse" && grid.tier !== null}>
                        <button
                          type="button"
                          class="grid-select-down"
                          tabIndex={-1}
                          aria-label={t("gridSelect.down", { name: grid.name })}
                          onClick={(event) => {
                            event.stopPropagation();
                            down(grid);
                          }}
                        >
                          ›
                        </button>
                      </Show>
                    </div>
                  )}
                </For>
              </div>
              <Show when={loading()}>
                <p class="grid-select-note">{t("gridSelect.loading")}</p>
              </Show>
              <Show when={!loading() && !failure() && !options().length}>
                <p class="grid-select-note">{t("gridSelect.none")}</p>
              </Show>
              <Show when={more()}>
                <p class="grid-select-note">{t("gridSelect.more", { count: options().length })}</p>
              </Show>
              <Show when={failure()}>
                {(error) => (
                  <p class="field-error" role="alert">
                    {errorMessage(error(), t)}
                  </p>
                )}
              </Show>
            </div>
          </Show>
        </div>
      )}
    </Field>
  );
}
