import type { NamesMessageKey } from "./names.zh-CN.ts";

/** English for choosing a grid by name or code. Must have exactly the keys of `namesZhCN`. */
export const namesEn: Record<NamesMessageKey, string> = {
  "gridSelect.placeholder": "Type a grid's name or code, e.g. “Taoyuan” or “JY-28”",
  "gridSelect.tier": "Tier {level}",
  "gridSelect.dedicated": "Dedicated grid",
  "gridSelect.option": "{name} · {code} · {tier}",
  "gridSelect.none": "No grid matches",
  "gridSelect.more": "Many matches: the first {count} are shown; type more to narrow them",
  "gridSelect.loading": "Searching…",
  "gridSelect.browse": "Or pick tier by tier:",
  "gridSelect.top": "All first-tier grids",
  "gridSelect.up": "Up one tier",
  "gridSelect.down": "Show the grids under {name}",
  "gridSelect.clear": "Clear the chosen grid",
  "gridSelect.chosen": "Chosen: {name} ({code})",
  "gridSelect.unknown": "This district has no such grid: choose one from the list (search by name or code).",
  "gridSelect.help": "Up and down arrows to move, Enter to choose; right arrow opens the tier below, left arrow goes back up.",
};
