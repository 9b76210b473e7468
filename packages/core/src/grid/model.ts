import type { EntityItem } from "electrodb";
import { z } from "zod";
import type { Boundary } from "./geometry.ts";
import type { GridEntity } from "./grid.entity.ts";

/** A grid code, unique in its district: `JY-01-03`. */
export const GridCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, "letters, digits, dot, dash or underscore, at most 40");

export const GridID = z.string().regex(/^grid_[0-9a-z]{26}$/, "a grid ID (grid_…)");

/** A grid as callers see it. `tier` is null for a dedicated grid (专属网格), which has a kind instead. */
export const Grid = z.object({
  gridID: z.string(),
  code: z.string(),
  name: z.string(),
  tier: z.number().int().nullable(),
  dedicatedKind: z.string().nullable(),
  parentID: z.string().nullable(),
  /** Ancestors' IDs from the top tier down. */
  path: z.array(z.string()),
  boundary: z.unknown().optional(),
  bbox: z.array(z.number()),
  areaM2: z.number(),
  households: z.number().nullable(),
  population: z.number().nullable(),
  status: z.enum(["active", "retired"]),
  version: z.number(),
  /** What made this version (create, import, rename, move, redraw, split, merge, retire…). */
  change: z.string(),
  note: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Grid = z.infer<typeof Grid> & { boundary?: Boundary };

export const tierKeyOf = (tier: number | null) => (tier === null ? "dedicated" : String(tier));
export const ROOT = "root";

/** The grid set's count field a grid counts in (`tier2`, `dedicated`). */
export type GridCountField = "tier1" | "tier2" | "tier3" | "tier4" | "tier5" | "dedicated";
export const countFieldOf = (tier: number | null): GridCountField => (tier === null ? "dedicated" : (`tier${tier}` as GridCountField));

/** A grid as stored (as a read answers it: without its tenant, and without its boundary when a list leaves it out). */
export type GridItem = Omit<EntityItem<typeof GridEntity>, "tenantID" | "boundary"> & { boundary?: unknown };

/** The stored item → the grid callers see. */
export function toGrid(item: GridItem): Grid {
  return {
    gridID: item.gridID,
    code: item.code,
    name: item.name,
    tier: item.tierKey === "dedicated" ? null : Number(item.tierKey),
    dedicatedKind: item.dedicatedKind ?? null,
    parentID: item.parentID === ROOT ? null : item.parentID,
    path: item.path ?? [],
    ...(item.boundary ? { boundary: item.boundary as Boundary } : {}), // stored as `any`; written only from a parsed Boundary
    bbox: item.bbox ?? [],
    areaM2: item.areaM2 ?? 0,
    households: item.households ?? null,
    population: item.population ?? null,
    status: item.status,
    version: item.version,
    change: item.change ?? "create",
    note: item.note ?? null,
    updatedAt: item.updatedAt,
    updatedBy: item.updatedBy,
  };
}

/** A short reference to a grid, for ancestors and error messages. */
export const GridRef = z.object({
  gridID: z.string(),
  code: z.string(),
  name: z.string(),
  tier: z.number().nullable(),
});
export type GridRef = z.infer<typeof GridRef>;
export const refOf = (grid: Pick<Grid, "gridID" | "code" | "name" | "tier">): GridRef => ({
  gridID: grid.gridID,
  code: grid.code,
  name: grid.name,
  tier: grid.tier,
});
