import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { matchRank } from "@wangge/core/grid/search";
import { createQuery } from "../data/query.ts";
import type { Tier } from "../data/types.ts";
import { useLocale } from "../providers/locale.tsx";
import { ErrorState, Skeleton } from "./states.tsx";
import "./grid-picker.css";

/** A grid to choose: its ID, code and name. */
export interface GridChoice {
  gridID: string;
  code: string;
  name: string;
}

/** How many matches the list shows; a filter narrows the rest. */
const SHOWN = 50;

/**
 * Chooses grids: a tier, a filter, then ticks (the first 50 matches shown). `load` reads a
 * tier's grids; `testID` names the picker (`${testID}-filter` its filter), each box is `grid-pick`.
 */
export function GridPicker(props: {
  tiers: Tier[];
  load: (tier: number) => Promise<GridChoice[]>;
  chosen: GridChoice[];
  onChange: (grids: GridChoice[]) => void;
  invalid: boolean;
  testID: string;
}) {
  const { t, pick } = useLocale();
  const [tier, setTier] = createSignal(1);
  const [filter, setFilter] = createSignal("");
  const grids = createQuery(tier, (level) => props.load(level));
  const matches = createMemo(() => {
    // The one matching rule of grid searches (a code's start, or part of the name), in its order.
    return (grids.data() ?? []).filter((grid) => matchRank(grid, filter()) >= 0);
  });
  const chosenIDs = createMemo(() => new Set(props.chosen.map((grid) => grid.gridID)));
  const toggle = (grid: GridChoice, on: boolean) =>
    props.onChange(on ? [...props.chosen, grid] : props.chosen.filter((candidate) => candidate.gridID !== grid.gridID));
  return (
    <div class="grid-picker" classList={{ "is-invalid": props.invalid }} data-testid={props.testID}>
      <div class="grid-picker-controls">
        <label class="field">
          <span class="field-label">{t("gridPicker.tier")}</span>
          <select class="input select" value={String(tier())} onChange={(event) => setTier(Number(event.currentTarget.value))}>
            <For each={props.tiers}>{(level) => <option value={String(level.level)}>{pick(level)}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span class="field-label">{t("gridPicker.filter")}</span>
          <input
            class="input"
            value={filter()}
            data-testid={`${props.testID}-filter`}
            onInput={(event) => setFilter(event.currentTarget.value)}
          />
        </label>
      </div>
      <Show when={props.chosen.length}>
        <fieldset class="chips" aria-label={t("gridPicker.count", { count: props.chosen.length })}>
          <For each={props.chosen}>
            {(grid) => (
              <button
                type="button"
                class="chip chip-accent"
                aria-label={t("gridPicker.remove", { name: grid.name })}
                onClick={() => toggle(grid, false)}
              >
                {grid.name} ×
              </button>
            )}
          </For>
        </fieldset>
      </Show>
      <Switch>
        <Match when={grids.error()}>{(error) => <ErrorState error={error()} onRetry={grids.reload} />}</Match>
        <Match when={grids.data()}>
          <Show when={matches().length} fallback={<p class="grid-picker-none">{t("gridPicker.none")}</p>}>
            <ul class="grid-picker-list">
              <For each={matches().slice(0, SHOWN)}>
                {(grid) => (
                  <li>
                    <label class="grid-picker-check">
                      <input
                        type="checkbox"
                        checked={chosenIDs().has(grid.gridID)}
                        data-testid="grid-pick"
                        data-grid={grid.gridID}
                        onChange={(event) => toggle(grid, event.currentTarget.checked)}
                      />
                      <span>
                        {grid.name} <span class="grid-picker-code">{grid.code}</span>
                      </span>
                    </label>
                  </li>
                )}
              </For>
            </ul>
            <Show when={matches().length > SHOWN}>
              <p class="field-hint">{t("gridPicker.more", { count: matches().length - SHOWN })}</p>
            </Show>
          </Show>
        </Match>
        <Match when={true}>
          <Skeleton lines={2} />
        </Match>
      </Switch>
    </div>
  );
}
