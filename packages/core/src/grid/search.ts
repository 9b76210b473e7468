/**
 * Finding a grid by what people know of it: its code (`JY-28-02-02`, by prefix) or a few
 * characters of its name (anywhere in it). Pure (no SDK imports): the API answers a search with
 * it over the district's grids kept in memory, and the portal's pickers filter with it.
 */

/** What a search needs of a grid. */
export interface SearchableGrid {
  gridID: string;
  code: string;
  name: string;
  /** null for a dedicated grid (专属网格). */
  tier: number | null;
}

/** The most matches a search answers. */
export const SEARCH_LIMIT = 50;

/** How well a grid matches: 0 the exact code, 1 a code prefix, 2 a name prefix, 3 a name containing it; -1 none. */
export function matchRank(grid: Pick<SearchableGrid, "code" | "name">, query: string): number {
  const words = query.trim().toLowerCase();
  if (!words) return 3;
  const code = grid.code.toLowerCase();
  const name = grid.name.toLowerCase();
  if (code === words) return 0;
  if (code.startsWith(words)) return 1;
  if (name.startsWith(words)) return 2;
  if (name.includes(words)) return 3;
  return -1;
}

/**
 * The grids matching a query, best first (exact code, code prefix, name prefix, name anywhere;
 * then coarser tiers before finer, then by code), at most `limit`. An empty query matches every
 * grid (optionally one tier's). `tier` narrows to one tier.
 */
export function searchGrids<T extends SearchableGrid>(
  grids: Iterable<T>,
  query: string,
  options: { limit?: number; tier?: number } = {},
): { items: T[]; more: boolean } {
  const limit = options.limit ?? SEARCH_LIMIT;
  const ranked: { grid: T; rank: number }[] = [];
  for (const grid of grids) {
    if (options.tier !== undefined && grid.tier !== options.tier) continue;
    const rank = matchRank(grid, query);
    if (rank >= 0) ranked.push({ grid, rank });
  }
  const tierOrder = (tier: number | null) => (tier === null ? 99 : tier);
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      tierOrder(a.grid.tier) - tierOrder(b.grid.tier) ||
      (a.grid.code < b.grid.code ? -1 : a.grid.code > b.grid.code ? 1 : 0),
  );
  return { items: ranked.slice(0, limit).map((entry) => entry.grid), more: ranked.length > limit };
}
