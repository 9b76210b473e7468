import { z } from "zod";
import { useTenant } from "../actor.ts";
import { NotFoundError } from "../error.ts";
import type { WriteOps } from "../storage/transaction.ts";
import { fn } from "../util/fn.ts";
import type { Boundary } from "./geometry.ts";
import { GridEntity, GridSetEntity } from "./grid.entity.ts";
import { GridIndex } from "./locate.ts";
import { refOf, toGrid, type GridRef } from "./model.ts";
import { type GridSetVersion, type GridSnapshot, readSnapshotBytes, unpack, writeSnapshot } from "./snapshot.ts";
import { SEARCH_LIMIT, searchGrids } from "./search.ts";

type Entry = GridSnapshot;

/** Per district, the spatial index of its active grids, kept in this process's memory. */
const cache = new Map<string, Promise<Entry>>();

/** The version of the district's grids: its grid set's stamp, bumped in the same transaction as every grid change. */
async function versionOf(tenantID: string, consistent = false): Promise<GridSetVersion> {
  const set = (await GridSetEntity.get({ tenantID }).go({ consistent, attributes: ["stamp", "updatedAt"] })).data;
  return { stamp: set?.stamp ?? 0, updatedAt: set?.updatedAt ?? "" };
}

const sameVersion = (a: GridSetVersion, b: GridSetVersion) => a.stamp === b.stamp && a.updatedAt === b.updatedAt;

/**
 * The index from the district's grids (a Query of every one), then written as the district's
 * snapshot for the next cold process: only if the stamp read again after the Query (both read
 * consistently) is still the one asked for, so that a snapshot never holds grids of another stamp
 * than its own. A snapshot that cannot be written is left for the next build.
 */
async function build(tenantID: string, version: GridSetVersion): Promise<Entry> {
  const result = await GridEntity.query.primary({ tenantID }).go({ pages: "all", consistent: true });
  const grids = result.data.map(toGrid).filter((grid) => grid.status === "active");
  const entry: Entry = {
    tenantID,
    ...version,
    index: GridIndex.build(grids.map((grid) => ({ gridID: grid.gridID, level: grid.tier, boundary: grid.boundary as Boundary }))),
    grids: new Map(grids.map((grid) => [grid.gridID, { ...refOf(grid), path: grid.path }])),
  };
  try {
    if (sameVersion(await versionOf(tenantID, true), version)) await writeSnapshot(entry);
  } catch (error) {
    console.warn(`The grid index snapshot of ${tenantID} could not be written: ${(error as Error).name}`);
  }
  return entry;
}

/** The district's index at this version: from its snapshot (its bytes, if already read), else from its grids. */
async function load(tenantID: string, version: GridSetVersion, snapshotBytes?: Uint8Array | null): Promise<Entry> {
  const bytes = snapshotBytes === undefined ? await readSnapshotBytes(tenantID) : snapshotBytes;
  return (bytes && unpack(bytes, { tenantID, ...version })) || build(tenantID, version);
}

/**
 * The index for the current district, rebuilt when the district's grid set stamp (bumped by
 * every grid change, in the same transaction) differs from the one it was built at. A process
 * without it (a cold instance) reads the stamp and the district's snapshot at once, two requests
 * (a GetItem, an S3 GET) when the snapshot is at the stamp, and the calls that come meanwhile
 * wait for the same; otherwise the grids are queried.
 */
export async function indexFor(): Promise<Entry> {
  const tenantID = useTenant();
  const cached = cache.get(tenantID);
  if (!cached) {
    const loading = Promise.all([versionOf(tenantID), readSnapshotBytes(tenantID)]).then(([version, bytes]) =>
      load(tenantID, version, bytes),
    );
    cache.set(tenantID, loading);
    return loading;
  }
  const version = await versionOf(tenantID);
  const entry = await cached.catch(() => undefined);
  if (entry && sameVersion(entry, version)) return entry;
  // Another call may have started loading this version meanwhile.
  const current = cache.get(tenantID);
  if (current && current !== cached) {
    const other = await current.catch(() => undefined);
    if (other && sameVersion(other, version)) return other;
  }
  const loading = load(tenantID, version);
  cache.set(tenantID, loading);
  return loading;
}

/** Forgets every district's index: the next locate is a cold instance's (tests and benchmarks). */
export function forgetIndexes(): void {
  cache.clear();
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
