/**
 * How grids look on the map and in the legend. Tiers get calm, distinct colours (none of
 * them red); red is kept for coverage problems, which must stand out.
 */

const tierColours = ["#2f4f86", "#23877a", "#c07f1f", "#6a55a6", "#5b7f35"];
export const dedicatedColour = "#a23c8c";
export const problemColour = "#e3140f";
export const selectionColour = "#15181e";
/** The map's plain background when the district has no tile server. */
export const mapBackground = "#eceee9";

/** A tier's colour (level 1…5), or the dedicated grids' (null). */
export function layerColour(level: number | null): string {
  if (level === null) return dedicatedColour;
  return tierColours[(Math.max(1, level) - 1) % tierColours.length];
}

export interface PathStyle {
  color: string;
  weight: number;
  opacity: number;
  fill: boolean;
  fillColor: string;
  fillOpacity: number;
}

/**
 * Coarser tiers are drawn as heavier outlines over finer ones; only the finest visible tier
 * is tinted, so the tiers read as nested frames rather than stacked washes.
 */
export function layerStyle(level: number | null, finest: boolean): PathStyle {
  const color = layerColour(level);
  if (level === null) return { color, weight: 1.6, opacity: 1, fill: true, fillColor: color, fillOpacity: 0.38 };
  const weight = level <= 1 ? 2.4 : level === 2 ? 1.5 : 0.9;
  return { color, weight, opacity: level <= 2 ? 0.95 : 0.8, fill: finest, fillColor: color, fillOpacity: finest ? 0.1 : 0 };
}
