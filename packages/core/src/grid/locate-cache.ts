import { z } from "zod";
import { useTenant } from "../actor.ts";
import { NotFoundError } from "../error.ts";
import type { WriteOps } from "../storage/transaction.ts";
import { fn } from "../util/fn.ts";
import type { Boundary } from "./geometry.ts";
import { GridEntity, GridSetEntity } from "./grid.entity.ts";
import { GridIndex } from "./locate.ts";
import { refOf, toGrid, type GridRef } from "./model.ts";
import { SEARCH_LIMIT, searchGrids } from "./search.ts";

interface Entry {
  stamp: number;
  index: GridIndex;
  grids: Map<string, GridRef & { path: string[] }>;
}

/** Per district, the spatial index of its active grids, kept in this process's memory. */
const cache = new Map<string, Promise<Entry>>();

async function build(tenantID: string, stamp: number): Promise<Entry> {
  const result = await GridEntity.query.primary({ tenantID }).go({ pages: "all" });
  const grids = result.data.map(toGrid).filter((grid) => grid.status === "active");
  return {
    stamp,
    index: GridIndex.build(grids.map((grid) => ({ gridID: grid.gridID, level: grid.tier, boundary: grid.boundary as Boundary }))),
    grids: new Map(grids.map((grid) => [grid.gridID, { ...refOf(grid), path: grid.path }])),
  };
}

/**
 * The index for the current district, rebuilt when the district's grid set stamp (bumped by
 * every grid change, in the same transaction) differs from the one it was built at.
 */
export async function indexFor(): Promise<Entry> {
  const tenantID = useTenant();
  const stamp = (await GridSetEntity.get({ tenantID }).go()).data?.stamp ?? 0;
  const cached = cache.get(tenantID);
  if (cached) {
    const entry = await cached.catch(() => undefined);
    if (entry && entry.stamp === stamp) return entry;
  }
  const building = build(tenantID, stamp);
  cache.set(tenantID, building);
  return building;
}

export const LocateInput = z.object({
  lon: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
});

/** The finest grid containing a point, its ancestors and any dedicated grids there. */
export const locate = fn(LocateInput, async ({ lon, lat }) => placeIn(await indexFor(), lon, lat));

/**
 * `locate` for a write that guards the grid set's stamp in its own transaction (`guardStamp`):
 * `remembered` answers from the index this process holds without reading the stamp (a stale
 * index then cancels the write rather than deciding it); the stamp the answer comes from is
 * returned with it.
 */
export async function locateForWrite(point: { lon: number; lat: number }, options: { remembered: boolean }) {
  const cached = options.remembered ? await cache.get(useTenant())?.catch(() => undefined) : undefined;
  // A point outside every remembered grid may lie in a grid added since: that answer is read afresh.
  const entry = cached?.index.locate(point.lon, point.lat) ? cached : await indexFor();
  return { ...placeIn(entry, point.lon, point.lat), stamp: entry.stamp };
}

/** A ConditionCheck of a write's transaction: the district's grids are still at `stamp` (none if it has no grid set). */
export function guardStamp(ops: WriteOps<{ gridSet: typeof GridSetEntity }>, stamp: number) {
  return stamp === 0
    ? ops.gridSet
        .check({ tenantID: useTenant() })
        .where((attr, op) => op.notExists(attr.stamp))
        .commit()
    : ops.gridSet
        .check({ tenantID: useTenant() })
        .where((attr, op) => op.eq(attr.stamp, stamp))
        .commit();
}

function placeIn(entry: Entry, lon: number, lat: number) {
  const hit = entry.index.locate(lon, lat);
  if (!hit) throw new NotFoundError("grid.outside_district", `The point (${lon}, ${lat}) lies outside every grid of this district.`);
  const grid = entry.grids.get(hit.gridID)!;
  const refs = (ids: string[]) =>
    ids
      .map((id) => entry.grids.get(id))
      .filter((ref): ref is GridRef & { path: string[] } => Boolean(ref))
      .map(refOf);
  return { grid: refOf(grid), ancestors: refs(grid.path), dedicated: refs(hit.dedicated) };
}

export const SearchInput = z.object({
  /** A code's first characters (`JY-28`) or a few characters of a name (`桃园`); empty for all. */
  q: z.string().trim().max(40).default(""),
  /** Only this tier. */
  tier: z.coerce.number().int().min(1).max(5).optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT).default(20),
});

/**
 * The district's active grids whose code starts with, or whose name contains, the query: best
 * first (see `searchGrids`). Answered from the district's grids kept in memory for locating
 * (one read of the grid set's stamp), so no query scans the table, let alone another district.
 */
export const search = fn(SearchInput, async (input) => {
  const entry = await indexFor();
  const found = searchGrids(entry.grids.values(), input.q, { limit: input.limit, tier: input.tier });
  return { items: found.items.map(refOf), more: found.more };
});
