import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

const table = { table: tableName(), client: documentClient() };

/**
 * A grid (网格): a cell of the district's grid tree. Regular grids sit on a tier
 * (`tierKey` "1" … "5"); dedicated grids (专属网格) have `tierKey` "dedicated" and a kind.
 * The boundary is GeoJSON (WGS84), `path` the ancestors' IDs from the top.
 */
export const GridEntity = new Entity(
  {
    model: { entity: "grid", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      gridID: { type: "string", required: true, readOnly: true },
      code: { type: "string", required: true },
      name: { type: "string", required: true },
      /** "1"…"5" for a regular tier, "dedicated" for 专属网格. */
      tierKey: { type: "string", required: true },
      dedicatedKind: { type: "string" },
      /** "root" for first-tier grids. */
      parentID: { type: "string", required: true },
      path: { type: "list", items: { type: "string" }, required: true },
      boundary: { type: "any", required: true },
      bbox: { type: "list", items: { type: "number" }, required: true },
      areaM2: { type: "number", required: true },
      households: { type: "number" },
      population: { type: "number" },
      status: { type: ["active", "retired"] as const, required: true, default: "active" },
      version: { type: "number", required: true },
      /** What made this version: create, import, rename, move, redraw, split, merge… */
      change: { type: "string", required: true, default: "create" },
      note: { type: "string" },
      updatedAt: { type: "string", required: true },
      updatedBy: { type: "string", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["gridID"] } },
      /** A grid's children: one query. */
      byParent: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "parentID"] },
        sk: { field: "gsi1sk", composite: ["code"] },
      },
      /** A whole tier (or every dedicated grid): one query. */
      byTier: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["tenantID", "tierKey"] },
        sk: { field: "gsi2sk", composite: ["code"] },
      },
    },
  },
  table,
);

/** Reserves a grid code in its district (codes stay reserved after a grid retires). */
export const GridCodeEntity = new Entity(
  {
    model: { entity: "gridCode", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      code: { type: "string", required: true, readOnly: true },
      gridID: { type: "string", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["code"] } },
    },
  },
  table,
);

/**
 * A superseded version of a grid, kept when a change replaces it: who made that version,
 * how and when (动态调整 leaves a trail). The grid item itself is always the newest version.
 */
export const GridVersionEntity = new Entity(
  {
    model: { entity: "gridVersion", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      gridID: { type: "string", required: true, readOnly: true },
      version: { type: "number", required: true, readOnly: true, padding: { length: 6, char: "0" } },
      change: {
        type: ["create", "import", "rename", "move", "redraw", "update", "retire", "split", "merge", "reparent"] as const,
        required: true,
      },
      note: { type: "string" },
      snapshot: { type: "any", required: true },
      by: { type: "string", required: true },
      at: { type: "string", required: true },
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["tenantID", "gridID"] },
        sk: { field: "sk", composite: ["version"] },
      },
    },
  },
  table,
);

/**
 * Bumped in the same write as any change to a district's grids, so that every process
 * keeping a locate index in memory can tell with one read whether it is stale.
 */
export const GridSetEntity = new Entity(
  {
    model: { entity: "gridSet", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      stamp: { type: "number", required: true },
      updatedAt: { type: "string", required: true },
      /** Active grids per tier (`tier1` … `tier5`) and dedicated grids, kept by every grid write. */
      tier1: { type: "number" },
      tier2: { type: "number" },
      tier3: { type: "number" },
      tier4: { type: "number" },
      tier5: { type: "number" },
      dedicated: { type: "number" },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: [] } },
    },
  },
  table,
);

/**
 * A bulk import of grids, run in the background (`grid/import.ts`): its progress for the portal
 * to follow, and the worker's checkpoint. `written` counts the grids written so far, in the
 * import's order, and moves in the same transaction as they are written: a worker that is run
 * again goes on from there.
 */
export const GridImportEntity = new Entity(
  {
    model: { entity: "gridImport", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      importID: { type: "string", required: true, readOnly: true },
      status: { type: ["queued", "validating", "writing", "done", "failed"] as const, required: true },
      /** The uploaded file (`uploads/pending/<tenant>/…`), removed once the import is over. */
      uploadKey: { type: "string" },
      total: { type: "number", required: true, default: 0 },
      written: { type: "number", required: true, default: 0 },
      /** Why it failed: the error's code and message; `problems` lists the file's problems. */
      failureCode: { type: "string" },
      failureMessage: { type: "string" },
      problems: { type: "any" },
      by: { type: "string", required: true },
      startedAt: { type: "string", required: true },
      finishedAt: { type: "string" },
      expiresAt: { type: "number" },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["importID"] } },
    },
  },
  table,
);

/**
 * An export of the district's grids to a GeoJSON file (`exports/<tenant>/<exportID>.geojson`),
 * written in the background (`grid/import.ts`); a download link is signed when it is read.
 */
export const GridExportEntity = new Entity(
  {
    model: { entity: "gridExport", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      exportID: { type: "string", required: true, readOnly: true },
      status: { type: ["queued", "writing", "done", "failed"] as const, required: true },
      /** Grids in the file and its size, once written. */
      count: { type: "number" },
      bytes: { type: "number" },
      failureCode: { type: "string" },
      failureMessage: { type: "string" },
      by: { type: "string", required: true },
      startedAt: { type: "string", required: true },
      finishedAt: { type: "string" },
      expiresAt: { type: "number" },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["exportID"] } },
    },
  },
  table,
);
