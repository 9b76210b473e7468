import { createSignal } from "solid-js";
import type { Api } from "./api.ts";
import { gridsApi, type Grid } from "./grids.ts";

/**
 * A grid chosen tier by tier (逐级选择网格): the first tier's grids, then the children of the one
 * chosen, and so on; the grid is the deepest one chosen (a record may sit on any level). The
 * pickers of the menu mechanisms and of the volunteers' forms draw it each in their own words.
 */
export function createGridCascade(api: Api, onChange: (gridID: string | null) => void) {
  const grids = gridsApi(api);
  const [levels, setLevels] = createSignal<{ parentID: string; chosen: string | null }[]>([{ parentID: "root", chosen: null }]);
  const [options, setOptions] = createSignal<Record<string, Grid[]>>({});
  const [loading, setLoading] = createSignal(0);
  const [failure, setFailure] = createSignal<unknown>();
  function load(parentID: string) {
    if (options()[parentID]) return;
    setLoading((count) => count + 1);
    setFailure(undefined);
    grids
      .children(parentID)
      .then(
        (children) => setOptions((current) => ({ ...current, [parentID]: children })),
        (error) => setFailure(() => error),
      )
      .finally(() => setLoading((count) => count - 1));
  }
  load("root");
  /** Chooses `gridID` on level `index` (null: none on it), dropping the levels below it. */
  function choose(index: number, gridID: string | null) {
    const next = levels().slice(0, index + 1);
    next[index] = { ...next[index], chosen: gridID };
    if (gridID) {
      next.push({ parentID: gridID, chosen: null });
      load(gridID);
    }
    setLevels(next);
    onChange(gridID ?? (index > 0 ? next[index - 1].chosen : null));
  }
  return {
    levels,
    /** The grids to choose from on a level (undefined while they load). */
    optionsOf: (parentID: string) => options()[parentID],
    choose,
    loading: () => loading() > 0,
    failure,
  };
}
