import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useTenant } from "../actor.ts";
import * as Config from "../config/index.ts";
import { ConflictError, InputError, NotFoundError, type ErrorDetail } from "../error.ts";
import { writeTransaction, type WriteOps } from "../storage/transaction.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import { areaSquareMetres, bboxOf, validateBoundary, type Boundary } from "./geometry.ts";
import { GridCodeEntity, GridEntity, GridSetEntity, GridVersionEntity } from "./grid.entity.ts";
import { countFieldOf, type Grid, GridCode, refOf, ROOT, tierKeyOf, toGrid, type GridCountField } from "./model.ts";

export * from "./model.ts";
export type { Boundary } from "./geometry.ts";
export { guardStamp, locate, locateForWrite, LocateInput, search, SearchInput } from "./locate-cache.ts";
export { matchRank, searchGrids, type SearchableGrid } from "./search.ts";
export {
  importCollection,
  exportCollection,
  startExport,
  getExport,
  type GridExport,
  createUpload,
  importUpload,
  ImportUploadInput,
  getImport,
  importWorker,
  type GridImport,
  ImportFeatureCollection,
  MAX_IMPORT_BYTES,
} from "./import.ts";
// Registers the check of configuration changes against this domain's records (see config/domains.ts).
import "./breaking.ts";

const Counts = {
  households: z.number().int().min(0).max(10_000_000).optional(),
  population: z.number().int().min(0).max(100_000_000).optional(),
};

/** Parses and checks a boundary; problems are reported under `boundary.<where>`. */
export function parseBoundary(input: unknown, path = "boundary"): Boundary {
  const result = validateBoundary(input);
  if (!result.ok)
    throw new InputError(
      "grid.invalid_boundary",
      `The boundary is not a valid polygon: ${result.problems.map((problem) => problem.message).join("; ")}`,
      result.problems.map((problem) => ({ path: problem.path ? `${path}.${problem.path}` : path, message: problem.message })),
    );
  return result.boundary;
}

// ─── reading ────────────────────────────────────────────────────────────────

/** A superseded version of a grid, as stored. */
type GridVersionItem = EntityItem<typeof GridVersionEntity>;

async function load(gridID: string): Promise<Grid> {
  const result = await GridEntity.get({ tenantID: useTenant(), gridID }).go();
  if (!result.data) throw new NotFoundError("grid.not_found", `There is no grid ${gridID} in this district.`);
  return toGrid(result.data);
}

async function loadMany(gridIDs: string[]): Promise<Grid[]> {
  if (gridIDs.length === 0) return [];
  const tenantID = useTenant();
  const result = await GridEntity.get(gridIDs.map((gridID) => ({ tenantID, gridID }))).go();
  const byID = new Map(result.data.map((item) => [item.gridID, toGrid(item)]));
  return gridIDs.map((id) => byID.get(id)).filter((grid): grid is Grid => Boolean(grid));
}

const withoutBoundary = [
  "gridID",
  "code",
  "name",
  "tierKey",
  "dedicatedKind",
  "parentID",
  "path",
  "bbox",
  "areaM2",
  "households",
  "population",
  "status",
  "version",
  "change",
  "note",
  "updatedAt",
  "updatedBy",
] as const;

/** A grid with its ancestors (one read for the grid, one batch read for the chain). */
export const get = fn(z.string(), async (gridID) => {
  const grid = await load(gridID);
  const ancestors = (await loadMany(grid.path)).map(refOf);
  return { grid, ancestors };
});

export const ListInput = PageInput.extend({
  /** A grid's children (`root` for the first tier). */
  parentID: z.string().optional(),
  /** A whole tier (1…5), or `dedicated` for every dedicated grid. */
  tier: z.union([z.coerce.number().int().min(1).max(5), z.literal("dedicated")]).optional(),
  /** Include boundaries (larger replies: for maps and exports). */
  boundary: z.boolean().default(false),
  /** Include retired grids. */
  retired: z.boolean().default(false),
}).refine((input) => (input.parentID === undefined) !== (input.tier === undefined), {
  message: "give either parentID (children) or tier (a whole tier)",
  path: ["parentID"],
});

/** Children of a grid, or a whole tier: one DynamoDB query a page. */
export const list = fn(ListInput, async (input) => {
  const tenantID = useTenant();
  const query =
    input.parentID !== undefined
      ? GridEntity.query.byParent({ tenantID, parentID: input.parentID || ROOT })
      : GridEntity.query.byTier({ tenantID, tierKey: String(input.tier) });
  const filtered = input.retired ? query : query.where((attr, op) => op.eq(attr.status, "active"));
  const result = input.boundary
    ? await page(filtered, input)
    : await page({ go: (options) => filtered.go({ ...options, attributes: [...withoutBoundary] }) }, input);
  // No children: say so only of a grid the district has (one read, on empty pages only).
  if (!result.items.length && !input.cursor && input.parentID && input.parentID !== ROOT) await load(input.parentID);
  return { items: result.items.map(toGrid), cursor: result.cursor };
});

/** Every grid of the district (paged internally): for the locate index, exports and coverage. */
export async function all(options: { boundary?: boolean; retired?: boolean } = {}): Promise<Grid[]> {
  const result = await GridEntity.query
    .primary({ tenantID: useTenant() })
    .go({ pages: "all", ...(options.boundary === false ? { attributes: [...withoutBoundary] } : {}) });
  return result.data.map(toGrid).filter((grid) => options.retired || grid.status === "active");
}

async function activeChildren(parentID: string, boundary = true): Promise<Grid[]> {
  const result = await GridEntity.query
    .byParent({ tenantID: useTenant(), parentID })
    .where((attr, op) => op.eq(attr.status, "active"))
    .go({ pages: "all", ...(boundary ? {} : { attributes: [...withoutBoundary] }) });
  return result.data.map(toGrid);
}

/** Every active descendant of a grid, top-down. */
async function descendants(gridID: string): Promise<Grid[]> {
  const found: Grid[] = [];
  let frontier = [gridID];
  while (frontier.length) {
    const children = (await Promise.all(frontier.map((id) => activeChildren(id)))).flat();
    found.push(...children);
    frontier = children.map((child) => child.gridID);
  }
  return found;
}

/** The versions of a grid, oldest first: the superseded ones kept by each change, then the current one. */
export const versions = fn(z.object({ gridID: z.string() }).extend(PageInput.shape), async (input) => {
  const current = await load(input.gridID);
  const result = await page(GridVersionEntity.query.primary({ tenantID: useTenant(), gridID: input.gridID }), input);
  type Entry = Pick<GridVersionItem, "version" | "by" | "at"> & { change: string; note?: string | null };
  const entry = (grid: Entry, snapshot: Record<string, unknown>) => ({
    version: grid.version,
    change: grid.change,
    note: grid.note ?? null,
    by: grid.by,
    at: grid.at,
    snapshot,
  });
  const items = result.items.map((item) => entry(item, item.snapshot));
  if (!result.cursor) items.push(entry({ ...current, by: current.updatedBy, at: current.updatedAt }, snapshotOf(current)));
  return { items, cursor: result.cursor };
});

// ─── the drawing rules ──────────────────────────────────────────────────────

interface Placement {
  tier: number | null;
  dedicatedKind: string | null;
  parent: Grid | null;
}

/** Checks where a grid may hang: tier n>1 under tier n-1, tier 1 at the top, dedicated under a regular grid. */
export async function checkPlacement(input: {
  tier?: number | null;
  dedicatedKind?: string | null;
  parentID?: string | null;
}): Promise<Placement> {
  const config = await Config.get();
  const tier = input.dedicatedKind ? null : (input.tier ?? null);
  if (tier === null && !input.dedicatedKind)
    throw new InputError("grid.tier_required", "Give a tier or a dedicated kind.", [{ path: "tier", message: "required" }]);
  if (tier !== null && tier > config.tiers.length)
    throw new InputError("grid.unknown_tier", `This district has ${config.tiers.length} tiers; there is no tier ${tier}.`, [
      { path: "tier", message: `at most ${config.tiers.length}` },
    ]);
  if (input.dedicatedKind && !config.dedicatedKinds.some((kind) => kind.key === input.dedicatedKind))
    throw new InputError("grid.unknown_kind", `There is no dedicated-grid kind "${input.dedicatedKind}" in this district.`, [
      { path: "dedicatedKind", message: `one of ${config.dedicatedKinds.map((kind) => kind.key).join(", ") || "(none configured)"}` },
    ]);
  if (tier === 1) {
    if (input.parentID)
      throw new InputError("grid.parent_tier", "A first-tier grid has no parent.", [
        { path: "parentID", message: "must be empty for tier 1" },
      ]);
    return { tier, dedicatedKind: null, parent: null };
  }
  if (!input.parentID)
    throw new InputError(
      "grid.parent_required",
      tier === null
        ? "A dedicated grid hangs off a regular grid: give its parent."
        : `A tier-${tier} grid needs a parent of tier ${tier - 1}.`,
      [{ path: "parentID", message: "required" }],
    );
  const parent = await load(input.parentID).catch(() => {
    throw new NotFoundError("grid.parent_not_found", `The parent grid ${input.parentID} does not exist in this district.`);
  });
  if (parent.status !== "active")
    throw new InputError("grid.parent_retired", `The parent grid ${parent.code} is retired.`, [{ path: "parentID", message: "retired" }]);
  if (tier === null ? parent.tier === null : parent.tier !== tier - 1)
    throw new InputError(
      "grid.parent_tier",
      tier === null
        ? `A dedicated grid hangs off a regular grid, and ${parent.code} is dedicated.`
        : `A tier-${tier} grid's parent must be of tier ${tier - 1}; ${parent.code} is of tier ${parent.tier ?? "dedicated"}.`,
      [{ path: "parentID", message: "wrong tier" }],
    );
  return { tier, dedicatedKind: input.dedicatedKind ?? null, parent };
}

const m2 = (area: number) => `${Math.round(area).toLocaleString("en")} m²`;

/** A grid lies inside its parent and overlaps none of its siblings (same parent, same tier). */
async function checkShape(boundary: Boundary, placement: Placement, except: string[] = []) {
  // Clipping loads on first use: a ticket's path never needs it (clipping.ts).
  const { outsideOf, overlapOf } = await import("./clipping.ts");
  if (placement.parent?.boundary) {
    const outside = outsideOf(boundary, placement.parent.boundary);
    if (outside.geometry)
      throw new InputError("grid.outside_parent", `The grid sticks out of its parent ${placement.parent.code} by ${m2(outside.areaM2)}.`, [
        { path: "boundary", message: `outside the parent by ${m2(outside.areaM2)}` },
      ]);
  }
  const siblings = (await activeChildren(placement.parent?.gridID ?? ROOT)).filter(
    (sibling) => sibling.tier === placement.tier && !except.includes(sibling.gridID),
  );
  const [minX, minY, maxX, maxY] = bboxOf(boundary);
  const overlaps: ErrorDetail[] = [];
  for (const sibling of siblings) {
    const [sx, sy, ex, ey] = sibling.bbox;
    if (sx > maxX || ex < minX || sy > maxY || ey < minY) continue;
    const overlap = overlapOf(boundary, sibling.boundary as Boundary);
    if (overlap.geometry) overlaps.push({ path: "boundary", message: `overlaps ${sibling.code} by ${m2(overlap.areaM2)}` });
  }
  if (overlaps.length)
    throw new InputError("grid.overlap", `The grid overlaps ${overlaps.length} of its siblings (无缝覆盖: no overlaps).`, overlaps);
}

// ─── writing ────────────────────────────────────────────────────────────────

/** The entities a grid change writes. */
const gridEntities = { grid: GridEntity, gridCode: GridCodeEntity, gridVersion: GridVersionEntity, gridSet: GridSetEntity };
type Ops = WriteOps<typeof gridEntities>;

/**
 * The district's active grids per tier and its dedicated grids: one GetItem (kept by every
 * grid write and import, so its cost does not grow with the number of grids).
 */
export async function counts(): Promise<{ tiers: Record<number, number>; dedicated: number }> {
  const set = (await GridSetEntity.get({ tenantID: useTenant() }).go()).data;
  const tiers: Record<number, number> = {};
  for (let level = 1; level <= 5; level++) tiers[level] = set?.[`tier${level}` as GridCountField] ?? 0;
  return { tiers, dedicated: set?.dedicated ?? 0 };
}

/**
 * Runs one transaction of a grid change; bumps the grid set's stamp in the same write, and
 * its count of active grids per tier by `counted` (e.g. a split: −1 and +pieces in one tier).
 */
async function commit(
  build: (ops: Ops) => GridWrite[],
  describe: (index: number) => ConflictError,
  counted: Partial<Record<GridCountField, number>> = {},
) {
  const result = await writeTransaction(gridEntities, (ops) => {
    const adds = Object.fromEntries(Object.entries(counted).filter(([, value]) => value !== 0));
    const operations = [
      ...build(ops),
      ops.gridSet
        .update({ tenantID: useTenant() })
        .add({ stamp: 1, ...adds })
        .set({ updatedAt: new Date().toISOString() })
        .commit(),
    ];
    if (operations.length > 100)
      throw new ConflictError(
        "grid.change_too_large",
        `This change touches ${operations.length} records; one change may touch at most 100. Do it in smaller steps.`,
      );
    return operations;
  }).go();
  if (result.canceled) {
    const index = (result.data as { rejected: boolean }[]).findIndex((item) => item.rejected);
    throw describe(index);
  }
}

function snapshotOf(grid: Grid) {
  const { boundary, ...rest } = grid;
  return { ...rest, boundary };
}

function itemOf(grid: Grid) {
  return {
    tenantID: useTenant(),
    gridID: grid.gridID,
    code: grid.code,
    name: grid.name,
    tierKey: tierKeyOf(grid.tier),
    dedicatedKind: grid.dedicatedKind ?? undefined,
    parentID: grid.parentID ?? ROOT,
    path: grid.path,
    boundary: grid.boundary,
    bbox: grid.bbox,
    areaM2: grid.areaM2,
    households: grid.households ?? undefined,
    population: grid.population ?? undefined,
    status: grid.status,
    version: grid.version,
    updatedAt: grid.updatedAt,
    change: grid.change,
    note: grid.note ?? undefined,
    updatedBy: grid.updatedBy,
  };
}

/** A new grid as stored, with its derived fields. */
export function newGrid(input: {
  gridID?: string;
  code: string;
  name: string;
  tier: number | null;
  dedicatedKind: string | null;
  parent: Pick<Grid, "gridID" | "path"> | null;
  boundary: Boundary;
  households?: number | null;
  population?: number | null;
  change?: "create" | "import" | "split" | "merge";
  note?: string;
}): Grid {
  return {
    gridID: input.gridID ?? newID("grid"),
    code: input.code,
    name: input.name,
    tier: input.tier,
    dedicatedKind: input.dedicatedKind,
    parentID: input.parent?.gridID ?? null,
    path: input.parent ? [...input.parent.path, input.parent.gridID] : [],
    boundary: input.boundary,
    bbox: bboxOf(input.boundary),
    areaM2: Math.round(areaSquareMetres(input.boundary)),
    households: input.households ?? null,
    population: input.population ?? null,
    status: "active",
    version: 1,
    change: input.change ?? "create",
    note: input.note ?? null,
    updatedAt: new Date().toISOString(),
    updatedBy: actorID(),
  };
}

/** Writes of a brand-new grid: the grid (its first version) and its code reservation. */
function creates(ops: Ops, grid: Grid) {
  return [
    ops.grid.create(itemOf(grid)).commit(),
    ops.gridCode.create({ tenantID: useTenant(), code: grid.code, gridID: grid.gridID }).commit(),
  ];
}

/** The attributes of `value` that are set (an undefined one is left as it is stored). */
function definedOf<T extends object>(value: T): Partial<T> {
  // Object.fromEntries types its result by string keys; the entries are T's own.
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/** A grid's version change, as the version entity types it. */
type VersionChange = GridVersionItem["change"];
const versionChanges: readonly string[] = GridVersionEntity.schema.attributes.change.type;
const isVersionChange = (change: string): change is VersionChange => versionChanges.includes(change);
function versionChange(change: string): VersionChange {
  if (!isVersionChange(change)) throw new Error(`A grid version cannot record the change "${change}".`);
  return change;
}

/** Writes of a changed grid, conditional on the version it was read at; the replaced version is kept. */
function changes(ops: Ops, before: Grid, after: Grid) {
  const { tenantID, gridID, ...all } = itemOf(after);
  return [
    ops.grid
      .patch({ tenantID, gridID })
      .set(definedOf(all))
      .where((attr, op) => op.eq(attr.version, before.version))
      .commit(),
    ops.gridVersion
      .create({
        tenantID,
        gridID,
        version: before.version,
        change: versionChange(before.change),
        note: before.note ?? undefined,
        snapshot: snapshotOf(before),
        by: before.updatedBy,
        at: before.updatedAt,
      })
      .commit(),
  ];
}
/** One write of a grid change (a grid created or changed, its code, its superseded version). */
type GridWrite = ReturnType<typeof creates>[number] | ReturnType<typeof changes>[number];

const ChangeKind = z.enum(["rename", "move", "redraw", "update", "retire", "split", "merge", "reparent"]);

function bumped(grid: Grid, change: z.infer<typeof ChangeKind>, patch: Partial<Grid>, note?: string): Grid {
  return {
    ...grid,
    ...patch,
    change,
    note: note ?? null,
    version: grid.version + 1,
    updatedAt: new Date().toISOString(),
    updatedBy: actorID(),
  };
}

const raced = (what: string) =>
  new ConflictError("grid.changed", `${what} changed while this change was being made; reload and try again.`);

export const CreateInput = z
  .object({
    code: GridCode,
    name: z.string().trim().min(1).max(60),
    tier: z.number().int().min(1).max(5).optional(),
    dedicatedKind: z.string().max(40).optional(),
    parentID: z.string().optional(),
    boundary: z.unknown(),
    ...Counts,
  })
  .refine((input) => (input.tier === undefined) !== (input.dedicatedKind === undefined), {
    message: "give either a tier or a dedicated kind",
    path: ["tier"],
  });

/** Creates a grid, checked against the drawing rules (inside its parent, no overlap with siblings). */
export const create = fn(CreateInput, async (input) => {
  assertRole("district_admin");
  const boundary = parseBoundary(input.boundary);
  const placement = await checkPlacement(input);
  await checkShape(boundary, placement);
  const grid = newGrid({ ...input, ...placement, boundary });
  await commit(
    (ops) => creates(ops, grid),
    (index) =>
      index === 1
        ? new ConflictError("grid.code_exists", `The code ${grid.code} is already used in this district.`)
        : raced("The district's grids"),
    { [countFieldOf(grid.tier)]: 1 },
  );
  return grid;
});

export const UpdateInput = z.object({
  gridID: z.string(),
  /** The version the caller read; the change is refused if the grid moved on since. */
  expectedVersion: z.number().int().optional(),
  name: z.string().trim().min(1).max(60).optional(),
  /** Move under another parent of the right tier. */
  parentID: z.string().optional(),
  /** Redraw the boundary. */
  boundary: z.unknown().optional(),
  status: z.literal("retired").optional(),
  note: z.string().max(500).optional(),
  ...Counts,
});

/** Renames, moves, redraws, recounts or retires a grid: one change, the tree kept valid, a version kept. */
export const update = fn(UpdateInput, async (input) => {
  assertRole("district_admin");
  const before = await load(input.gridID);
  if (before.status === "retired") throw new ConflictError("grid.retired", `${before.code} is retired; it cannot change.`);
  if (input.expectedVersion !== undefined && input.expectedVersion !== before.version)
    throw new ConflictError(
      "grid.version",
      `${before.code} is at version ${before.version}, not ${input.expectedVersion}; reload and try again.`,
    );

  if (input.status === "retired") {
    const children = await activeChildren(before.gridID, false);
    if (children.length)
      throw new ConflictError(
        "grid.has_children",
        `Retire or move the children of ${before.code} first: ${children.map((child) => child.code).join(", ")}.`,
      );
    const after = bumped(before, "retire", { status: "retired" }, input.note);
    await commit(
      (ops) => changes(ops, before, after),
      () => raced(before.code),
      { [countFieldOf(before.tier)]: -1 },
    );
    return after;
  }

  const moving = input.parentID !== undefined && input.parentID !== (before.parentID ?? "");
  const boundary = input.boundary !== undefined ? parseBoundary(input.boundary) : (before.boundary as Boundary);
  const placement = moving
    ? await checkPlacement({ tier: before.tier, dedicatedKind: before.dedicatedKind, parentID: input.parentID })
    : { tier: before.tier, dedicatedKind: before.dedicatedKind, parent: before.parentID ? await load(before.parentID) : null };
  if (moving && placement.parent && (placement.parent.gridID === before.gridID || placement.parent.path.includes(before.gridID)))
    throw new InputError("grid.cycle", "A grid cannot move under itself or its descendants.", [
      { path: "parentID", message: "inside the grid" },
    ]);
  if (moving || input.boundary !== undefined) await checkShape(boundary, placement, [before.gridID]);

  let under: Grid[] = [];
  if (input.boundary !== undefined) {
    const { outsideOf } = await import("./clipping.ts");
    under = await activeChildren(before.gridID);
    const cut = under
      .map((child) => ({ child, outside: outsideOf(child.boundary as Boundary, boundary) }))
      .filter((entry) => entry.outside.geometry);
    if (cut.length)
      throw new InputError(
        "grid.children_outside",
        `The new boundary leaves part of ${cut.length} child grid(s) outside: redraw or move them first.`,
        cut.map((entry) => ({ path: "boundary", message: `${entry.child.code} would stick out by ${m2(entry.outside.areaM2)}` })),
      );
  }

  const change = moving ? "move" : input.boundary !== undefined ? "redraw" : input.name && input.name !== before.name ? "rename" : "update";
  const after = bumped(
    before,
    change,
    {
      name: input.name ?? before.name,
      households: input.households ?? before.households,
      population: input.population ?? before.population,
      ...(input.boundary !== undefined ? { boundary, bbox: bboxOf(boundary), areaM2: Math.round(areaSquareMetres(boundary)) } : {}),
      ...(moving
        ? { parentID: placement.parent?.gridID ?? null, path: placement.parent ? [...placement.parent.path, placement.parent.gridID] : [] }
        : {}),
    },
    input.note,
  );
  const moved = moving ? await rerooted(before, after) : [];
  await commit(
    (ops) => [...changes(ops, before, after), ...moved.flatMap(([old, next]) => changes(ops, old, next))],
    () => raced(before.code),
  );
  return after;
});

/** The descendants of `before`, with their paths rewritten for its new place. */
async function rerooted(before: Grid, after: Grid): Promise<[Grid, Grid][]> {
  const below = await descendants(before.gridID);
  const prefix = [...after.path, after.gridID];
  return below.map((grid) => {
    const at = grid.path.indexOf(before.gridID);
    return [grid, bumped(grid, "reparent", { path: [...prefix, ...grid.path.slice(at + 1)] }, `${before.code} moved`)];
  });
}

export const SplitInput = z.object({
  gridID: z.string(),
  pieces: z
    .array(z.object({ code: GridCode, name: z.string().trim().min(1).max(60), boundary: z.unknown(), ...Counts }))
    .min(2)
    .max(20),
  note: z.string().max(500).optional(),
});

/**
 * Splits a grid into pieces that tile it exactly (no gap, no overlap, nothing outside).
 * The grid retires; each of its children moves under the piece that contains it.
 */
export const split = fn(SplitInput, async (input) => {
  const { coverage, outsideOf } = await import("./clipping.ts");
  assertRole("district_admin");
  const original = await load(input.gridID);
  if (original.status === "retired") throw new ConflictError("grid.retired", `${original.code} is retired.`);
  const boundaries = input.pieces.map((piece, index) => parseBoundary(piece.boundary, `pieces.${index}.boundary`));
  const report = coverage(
    original.boundary as Boundary,
    input.pieces.map((piece, index) => ({ gridID: String(index), code: piece.code, boundary: boundaries[index] })),
  );
  if (!report.ok)
    throw new InputError("grid.split_not_exact", "The pieces must cover the grid exactly (无缝覆盖).", [
      ...report.outside.map((entry) => ({
        path: `pieces.${entry.gridID}.boundary`,
        message: `${entry.code} sticks out by ${m2(entry.areaM2)}`,
      })),
      ...report.overlaps.map((entry) => ({
        path: "pieces",
        message: `${entry.a.code} and ${entry.b.code} overlap by ${m2(entry.areaM2)}`,
      })),
      ...report.gaps.map((gap) => ({ path: "pieces", message: `a gap of ${m2(gap.areaM2)} is left uncovered` })),
    ]);
  const parent = original.parentID ? await load(original.parentID) : null;
  const pieces = input.pieces.map((piece, index) =>
    newGrid({
      ...piece,
      tier: original.tier,
      dedicatedKind: original.dedicatedKind,
      parent,
      boundary: boundaries[index],
      change: "split",
      note: `split from ${original.code}`,
    }),
  );
  const children = await activeChildren(original.gridID);
  const moves: [Grid, Grid][] = [];
  for (const child of children) {
    const home = pieces.find((piece) => !outsideOf(child.boundary as Boundary, piece.boundary as Boundary).geometry);
    if (!home)
      throw new InputError(
        "grid.split_cuts_child",
        `The cut runs through the child grid ${child.code}: every child must fall inside one piece.`,
        [{ path: "pieces", message: `${child.code} is cut` }],
      );
    const moved = bumped(
      child,
      "reparent",
      { parentID: home.gridID, path: [...home.path, home.gridID] },
      `after the split of ${original.code}`,
    );
    moves.push([child, moved], ...(await rerooted(child, moved)));
  }
  const note = input.note ?? `split into ${pieces.map((piece) => piece.code).join(", ")}`;
  const retired = bumped(original, "split", { status: "retired" }, note);
  await commit(
    (ops) => [
      ...changes(ops, original, retired),
      ...pieces.flatMap((piece) => creates(ops, piece)),
      ...moves.flatMap(([old, next]) => changes(ops, old, next)),
    ],
    (index) =>
      index >= 2 ? new ConflictError("grid.code_exists", "One of the new codes is already used in this district.") : raced(original.code),
    { [countFieldOf(original.tier)]: pieces.length - 1 },
  );
  return { retired: refOf(original), pieces };
});

export const MergeInput = z.object({
  gridIDs: z.array(z.string()).min(2).max(20),
  code: GridCode,
  name: z.string().trim().min(1).max(60),
  note: z.string().max(500).optional(),
});

/** Merges sibling grids into one whose boundary is their union; their children move under it. */
export const merge = fn(MergeInput, async (input) => {
  const { unionOf } = await import("./clipping.ts");
  assertRole("district_admin");
  const grids = await loadMany([...new Set(input.gridIDs)]);
  if (grids.length !== new Set(input.gridIDs).size) throw new NotFoundError("grid.not_found", "One of the grids to merge does not exist.");
  const [first] = grids;
  const strangers = grids.filter(
    (grid) => grid.parentID !== first.parentID || grid.tier !== first.tier || grid.dedicatedKind !== first.dedicatedKind,
  );
  if (strangers.length)
    throw new InputError(
      "grid.merge_not_siblings",
      `Only siblings of the same tier merge; ${strangers.map((grid) => grid.code).join(", ")} differ from ${first.code}.`,
      [{ path: "gridIDs", message: "not siblings" }],
    );
  const retiredOnes = grids.filter((grid) => grid.status === "retired");
  if (retiredOnes.length) throw new ConflictError("grid.retired", `${retiredOnes.map((grid) => grid.code).join(", ")} retired already.`);
  const parent = first.parentID ? await load(first.parentID) : null;
  const merged = newGrid({
    code: input.code,
    name: input.name,
    tier: first.tier,
    dedicatedKind: first.dedicatedKind,
    parent,
    boundary: unionOf(grids.map((grid) => grid.boundary as Boundary)),
    households: sum(grids.map((grid) => grid.households)),
    population: sum(grids.map((grid) => grid.population)),
    change: "merge",
    note: `merged from ${grids.map((grid) => grid.code).join(", ")}`,
  });
  const moves: [Grid, Grid][] = [];
  for (const grid of grids)
    for (const child of await activeChildren(grid.gridID)) {
      const moved = bumped(
        child,
        "reparent",
        { parentID: merged.gridID, path: [...merged.path, merged.gridID] },
        `after the merge into ${merged.code}`,
      );
      moves.push([child, moved], ...(await rerooted(child, moved)));
    }
  const note = input.note ?? `merged into ${merged.code}`;
  await commit(
    (ops) => [
      ...grids.flatMap((grid) => changes(ops, grid, bumped(grid, "merge", { status: "retired" }, note))),
      ...creates(ops, merged),
      ...moves.flatMap(([old, next]) => changes(ops, old, next)),
    ],
    (index) =>
      index === grids.length * 2 + 1
        ? new ConflictError("grid.code_exists", `The code ${merged.code} is already used in this district.`)
        : raced("One of the grids"),
    { [countFieldOf(merged.tier)]: 1 - grids.length },
  );
  return { retired: grids.map(refOf), merged };
});

function sum(values: (number | null)[]): number | null {
  return values.every((value) => value === null) ? null : values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

/**
 * The coverage report of a grid (or of the first tier, `root`): children outside it,
 * overlaps between children and gaps it leaves uncovered, each with its area and geometry.
 */
export const getCoverage = fn(z.string(), async (gridID) => {
  const { coverage, unionOf } = await import("./clipping.ts");
  const children = (await activeChildren(gridID === "root" ? ROOT : gridID)).filter((child) => child.tier !== null);
  const shapes = children.map((child) => ({ gridID: child.gridID, code: child.code, boundary: child.boundary as Boundary }));
  if (gridID === "root") {
    // A district without first-tier grids (none drawn yet, or all retired) has nothing to report.
    if (shapes.length === 0)
      return { grid: null, children: 0, ok: true, outside: [], overlaps: [], gaps: [], parentAreaM2: 0, childrenAreaM2: 0 };
    // The first tier has no parent shape: report overlaps among its grids (their union is the district).
    const report = coverage(unionOf(shapes.map((shape) => shape.boundary)), shapes);
    return { grid: null, children: children.length, ...report, gaps: [], outside: [] };
  }
  const grid = await load(gridID);
  return { grid: refOf(grid), children: children.length, ...coverage(grid.boundary as Boundary, shapes) };
});

export { GridEntity, GridCodeEntity, GridVersionEntity, GridSetEntity };
