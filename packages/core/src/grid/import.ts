import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { z } from "zod";
import type { EntityItem } from "electrodb";
import { actorID, assertRole, useTenant } from "../actor.ts";
import * as Config from "../config/index.ts";
import { ConflictError, InputError, NotFoundError, VisibleError, type ErrorDetail } from "../error.ts";
import * as Job from "../job/index.ts";
import { batchPut, type BatchStats } from "../storage/batch.ts";
import { bucketName, downloadLink, headObject, presignedUpload, s3 } from "../storage/bucket.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { fn } from "../util/fn.ts";
import { newID, scopedID } from "../util/id.ts";
import { areaSquareMetres, bboxOf, validateBoundary, type Boundary } from "./geometry.ts";
import { GridCodeEntity, GridEntity, GridExportEntity, GridImportEntity, GridSetEntity } from "./grid.entity.ts";
import { countFieldOf, GridCode, ROOT, tierKeyOf, toGrid, type Grid } from "./model.ts";
import { ExportPrefix, PendingUploadPrefix } from "../storage/keys.ts";
import { consume, type RateLimit } from "../identity/rate-limit.ts";

/** The largest grid file accepted (a district's whole tree is a few megabytes). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const ImportFeatureCollection = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(z.unknown()).min(1).max(20_000),
});

const FeatureProperties = z
  .object({
    code: GridCode,
    name: z.string().trim().min(1).max(60),
    tier: z.number().int().min(1).max(5).nullable().optional(),
    dedicatedKind: z.string().max(40).nullable().optional(),
    parentCode: z.string().nullable().optional(),
    households: z.number().int().min(0).nullable().optional(),
    population: z.number().int().min(0).nullable().optional(),
  })
  // Neither: a regular grid one tier below its parent (the first tier with no parent).
  .refine((props) => props.tier == null || props.dedicatedKind == null, {
    message: "give either tier or dedicatedKind, not both",
    path: ["tier"],
  });
type FeatureProperties = z.infer<typeof FeatureProperties>;

interface Candidate {
  index: number;
  props: FeatureProperties;
  boundary: Boundary | null;
  tier: number | null;
  /** No tier nor kind given: the tier is the parent's plus one (1 without a parent). */
  derived: boolean;
  grid?: Grid;
}

export type ImportProgress = (phase: "validating" | "writing", done: number, total: number) => void | Promise<void>;

const m2 = (area: number) => `${Math.round(area).toLocaleString("en")} m²`;

interface PlanOptions {
  onProgress?: ImportProgress;
  /**
   * The ID of the grid made from the feature at `index`. A background import derives them from
   * its own ID, so that a run again makes the same grids, and the grids it wrote before are
   * neither taken for the district's (codes used, overlaps) nor written twice.
   */
  idOf?: (index: number) => string;
  /** When the grids are recorded as changed (default: now). */
  at?: string;
}

/**
 * Validates a GeoJSON FeatureCollection of grids against itself and the district, reporting
 * every problem (feature index and code) at once, and returns the grids to write, parents first.
 */
async function plan(input: unknown, options: PlanOptions = {}): Promise<Grid[]> {
  const { outsideOf, overlapOf } = await import("./clipping.ts");
  const collection = ImportFeatureCollection.safeParse(input);
  if (!collection.success)
    throw new InputError("import.not_a_collection", "The file must be a GeoJSON FeatureCollection of 1 to 20,000 features.", [
      { path: "features", message: collection.error.issues[0]?.message ?? "invalid" },
    ]);
  const features = collection.data.features;
  const problems: ErrorDetail[] = [];
  const report = (index: number, code: string | undefined, message: string) =>
    problems.push({ path: `features[${index}]`, message: code ? `${code}: ${message}` : message });

  const config = await Config.get();
  const kinds = new Set(config.dedicatedKinds.map((kind) => kind.key));
  const tenantID = useTenant();
  const ours = new Set(options.idOf ? features.map((_, index) => options.idOf!(index)) : []);
  const [existing, reserved] = await Promise.all([
    GridEntity.query
      .primary({ tenantID })
      .go({ pages: "all" })
      .then((result) => result.data.map(toGrid).filter((grid) => grid.status === "active" && !ours.has(grid.gridID))),
    GridCodeEntity.query
      .primary({ tenantID })
      .go({ pages: "all" })
      .then((result) => new Set(result.data.filter((item) => !ours.has(item.gridID)).map((item) => item.code))),
  ]);
  const existingByCode = new Map(existing.map((grid) => [grid.code, grid]));

  // 1. Each feature on its own: properties, geometry, tier, kind, code.
  const candidates: Candidate[] = [];
  const byCode = new Map<string, Candidate>();
  features.forEach((feature, index) => {
    const raw = feature as { type?: unknown; properties?: unknown; geometry?: unknown };
    const code = typeof (raw?.properties as { code?: unknown })?.code === "string" ? (raw.properties as { code: string }).code : undefined;
    if (raw?.type !== "Feature") {
      report(index, code, "not a GeoJSON Feature");
      return;
    }
    const props = FeatureProperties.safeParse(raw.properties);
    if (!props.success) {
      for (const issue of props.error.issues) report(index, code, `properties.${issue.path.join(".")}: ${issue.message}`);
      return;
    }
    const geometry = validateBoundary(raw.geometry);
    if (!geometry.ok)
      for (const problem of geometry.problems) report(index, code, `geometry${problem.path ? `.${problem.path}` : ""}: ${problem.message}`);
    const tier = props.data.tier ?? null;
    if (props.data.dedicatedKind && !kinds.has(props.data.dedicatedKind))
      report(index, code, `unknown dedicated kind "${props.data.dedicatedKind}"`);
    if (byCode.has(props.data.code)) report(index, code, `duplicate code (also feature ${byCode.get(props.data.code)!.index})`);
    else if (reserved.has(props.data.code)) report(index, code, "the code is already used in this district");
    const derived = tier === null && props.data.dedicatedKind == null;
    const candidate = { index, props: props.data, boundary: geometry.ok ? geometry.boundary : null, tier, derived };
    candidates.push(candidate);
    if (!byCode.has(props.data.code)) byCode.set(props.data.code, candidate);
  });

  // Tiers not given (a spreadsheet without a tier column): one below the parent's, in the file or the district.
  const tierOf = (candidate: Candidate, seen: Set<Candidate>): number | null | undefined => {
    if (!candidate.derived) return candidate.tier;
    const { parentCode } = candidate.props;
    if (!parentCode) return 1;
    if (seen.has(candidate)) return undefined;
    seen.add(candidate);
    const inFile = byCode.get(parentCode);
    const parentTier = inFile ? tierOf(inFile, seen) : existingByCode.get(parentCode)?.tier;
    return typeof parentTier === "number" ? parentTier + 1 : parentTier;
  };
  const looped = new Set<Candidate>();
  for (const candidate of candidates.filter((each) => each.derived)) {
    const tier = tierOf(candidate, new Set());
    if (tier === undefined && byCode.has(candidate.props.parentCode ?? "")) {
      report(candidate.index, candidate.props.code, "its line of parents loops back to it (no tier to take)");
      looped.add(candidate);
      continue;
    }
    // A parent that is not there, or a dedicated one: told in step 2 (as a tier-2 grid's parent).
    candidate.tier = typeof tier === "number" ? tier : 2;
  }
  for (const candidate of candidates)
    if (candidate.tier !== null && candidate.tier > config.tiers.length)
      report(candidate.index, candidate.props.code, `tier ${candidate.tier} does not exist (this district has ${config.tiers.length})`);

  // 2. Parents: the right tier, found in the file or among the district's grids.
  const parentOf = new Map<
    Candidate,
    { code: string; tier: number | null; boundary: Boundary | null; candidate?: Candidate; grid?: Grid } | null
  >();
  for (const candidate of candidates) {
    const { parentCode, code } = candidate.props;
    if (looped.has(candidate)) continue;
    if (candidate.tier === 1) {
      if (parentCode) report(candidate.index, code, "a first-tier grid has no parent");
      parentOf.set(candidate, null);
      continue;
    }
    if (!parentCode) {
      report(
        candidate.index,
        code,
        candidate.tier === null
          ? "a dedicated grid needs parentCode (a regular grid)"
          : `a tier-${candidate.tier} grid needs parentCode (tier ${candidate.tier - 1})`,
      );
      continue;
    }
    const inFile = byCode.get(parentCode);
    const inDistrict = existingByCode.get(parentCode);
    const parent = inFile
      ? { code: parentCode, tier: inFile.tier, boundary: inFile.boundary, candidate: inFile }
      : inDistrict
        ? { code: parentCode, tier: inDistrict.tier, boundary: inDistrict.boundary as Boundary, grid: inDistrict }
        : undefined;
    if (!parent) {
      report(candidate.index, code, `parent ${parentCode} is neither in the file nor in the district`);
      continue;
    }
    const expected = candidate.tier === null ? "a regular grid" : `tier ${candidate.tier - 1}`;
    if (candidate.tier === null ? parent.tier === null : parent.tier !== candidate.tier - 1)
      report(candidate.index, code, `parent ${parentCode} is of tier ${parent.tier ?? "dedicated"}, expected ${expected}`);
    else parentOf.set(candidate, parent);
  }

  // 3. The drawing rules: inside the parent, no overlap with siblings of the same tier.
  await options.onProgress?.("validating", 0, candidates.length);
  const siblings = new Map<string, { code: string; index?: number; boundary: Boundary; bbox: number[] }[]>();
  for (const grid of existing) {
    const key = `${grid.parentID ?? ROOT}|${tierKeyOf(grid.tier)}`;
    siblings.set(key, [...(siblings.get(key) ?? []), { code: grid.code, boundary: grid.boundary as Boundary, bbox: grid.bbox }]);
  }
  let checked = 0;
  for (const candidate of candidates) {
    const parent = parentOf.get(candidate);
    if (!candidate.boundary || parent === undefined) continue;
    if (parent?.boundary) {
      const outside = outsideOf(candidate.boundary, parent.boundary);
      if (outside.geometry)
        report(candidate.index, candidate.props.code, `sticks out of its parent ${parent.code} by ${m2(outside.areaM2)}`);
    }
    const parentKey = parent ? (parent.grid?.gridID ?? `file:${parent.code}`) : ROOT;
    const key = `${parentKey}|${tierKeyOf(candidate.tier)}`;
    const bbox = bboxOf(candidate.boundary);
    const group = siblings.get(key) ?? [];
    for (const other of group) {
      if (other.bbox[0] > bbox[2] || other.bbox[2] < bbox[0] || other.bbox[1] > bbox[3] || other.bbox[3] < bbox[1]) continue;
      const overlap = overlapOf(candidate.boundary, other.boundary);
      if (overlap.geometry)
        report(
          candidate.index,
          candidate.props.code,
          `overlaps ${other.code}${other.index !== undefined ? ` (feature ${other.index})` : ""} by ${m2(overlap.areaM2)}`,
        );
    }
    group.push({ code: candidate.props.code, index: candidate.index, boundary: candidate.boundary, bbox });
    siblings.set(key, group);
    if (++checked % 500 === 0) await options.onProgress?.("validating", checked, candidates.length);
  }
  if (problems.length) throw new InputError("import.invalid", `${problems.length} problem(s) in the file; nothing was written.`, problems);

  // 4. Parents before children: assign IDs and paths.
  const by = actorID();
  const at = options.at ?? new Date().toISOString();
  const ordered = [...candidates].sort((a, b) => (a.tier ?? 99) - (b.tier ?? 99));
  for (const candidate of ordered) {
    const parent = parentOf.get(candidate)!;
    const parentGrid = parent?.grid ?? parent?.candidate?.grid;
    const boundary = candidate.boundary!;
    candidate.grid = {
      gridID: options.idOf ? options.idOf(candidate.index) : newID("grid"),
      code: candidate.props.code,
      name: candidate.props.name,
      tier: candidate.tier,
      dedicatedKind: candidate.props.dedicatedKind ?? null,
      parentID: parentGrid?.gridID ?? null,
      path: parentGrid ? [...parentGrid.path, parentGrid.gridID] : [],
      boundary,
      bbox: bboxOf(boundary),
      areaM2: Math.round(areaSquareMetres(boundary)),
      households: candidate.props.households ?? null,
      population: candidate.props.population ?? null,
      status: "active",
      version: 1,
      change: "import",
      note: null,
      updatedAt: at,
      updatedBy: by,
    };
  }
  return ordered.map((candidate) => candidate.grid!);
}

/** A grid as the table holds it. */
function storedOf(grid: Grid) {
  return {
    ...grid,
    boundary: grid.boundary!,
    tenantID: useTenant(),
    tierKey: tierKeyOf(grid.tier),
    parentID: grid.parentID ?? ROOT,
    dedicatedKind: grid.dedicatedKind ?? undefined,
    households: grid.households ?? undefined,
    population: grid.population ?? undefined,
    note: undefined,
  };
}

/**
 * Imports grids from a GeoJSON FeatureCollection in one call (scripts and the demo; the portal's
 * imports run in the background: `importUpload`). Everything is validated first and every
 * problem reported before anything is written; then the grids and their code reservations are
 * written in batches, unprocessed items retried.
 */
export async function importCollection(input: unknown, options: { onProgress?: ImportProgress } = {}) {
  assertRole("district_admin");
  const grids = await plan(input, options);
  const tenantID = useTenant();
  const items = grids.flatMap((grid) => [
    GridEntity.put(storedOf(grid)).params().Item,
    GridCodeEntity.put({ tenantID, code: grid.code, gridID: grid.gridID }).params().Item,
  ]);
  const stats: BatchStats = await batchPut(items, {
    onProgress: (written, total) => options.onProgress?.("writing", Math.floor((written / total) * grids.length), grids.length),
  });
  await GridSetEntity.update({ tenantID })
    .add({ stamp: 1, ...countsOf(grids) })
    .set({ updatedAt: new Date().toISOString() })
    .go();
  return { imported: grids.length, items: items.length, ...stats };
}

/** Grids per count field of the grid set (`tier1`…, `dedicated`). */
function countsOf(grids: Grid[]): Record<string, number> {
  const counted: Record<string, number> = {};
  for (const grid of grids) counted[countFieldOf(grid.tier)] = (counted[countFieldOf(grid.tier)] ?? 0) + 1;
  return counted;
}

/** Every active grid of the district as a FeatureCollection (the import format). */
export async function exportCollection() {
  const tenantID = useTenant();
  const grids = (await GridEntity.query.primary({ tenantID }).go({ pages: "all" })).data
    .map(toGrid)
    .filter((grid) => grid.status === "active");
  const codeOf = new Map(grids.map((grid) => [grid.gridID, grid.code]));
  return {
    type: "FeatureCollection" as const,
    features: grids
      .sort((a, b) => (a.tier ?? 99) - (b.tier ?? 99) || a.code.localeCompare(b.code))
      .map((grid) => ({
        type: "Feature" as const,
        geometry: grid.boundary as Boundary,
        properties: {
          code: grid.code,
          name: grid.name,
          tier: grid.tier,
          dedicatedKind: grid.dedicatedKind,
          parentCode: grid.parentID ? (codeOf.get(grid.parentID) ?? null) : null,
          households: grid.households,
          population: grid.population,
        },
      })),
  };
}

// ─── through S3: presigned upload, import job, export file ──────────────────

const pendingPrefix = () => `${PendingUploadPrefix}${useTenant()}/`;

/** A presigned PUT for a grid file: the browser uploads straight to S3, not through the API. */
export async function createUpload() {
  assertRole("district_admin");
  return presignedUpload(`${pendingPrefix()}${newID("upload")}.geojson`, MAX_IMPORT_BYTES);
}

export const ImportUploadInput = z.object({ uploadKey: z.string().min(1).max(300) });

type GridImportItem = EntityItem<typeof GridImportEntity>;

/** An import as callers see it: its progress, and why it failed. */
function viewOf(item: GridImportItem) {
  return {
    importID: item.importID,
    status: item.status,
    total: item.total,
    written: item.written,
    problems: (item.problems as ErrorDetail[] | undefined) ?? [],
    failure: Job.failureOf(item),
    startedAt: item.startedAt,
    finishedAt: item.finishedAt ?? null,
  };
}
export type GridImport = ReturnType<typeof viewOf>;

/**
 * Starts importing an uploaded file: checks that the upload is there and not too large, records
 * the import (`queued`) and queues the work, then answers at once. The worker (`runImport`)
 * validates and writes; `getImport` follows it.
 */
export const importUpload = fn(ImportUploadInput, async ({ uploadKey }) => {
  assertRole("district_admin");
  if (!uploadKey.startsWith(pendingPrefix()) || uploadKey.includes(".."))
    throw new NotFoundError("import.upload_not_found", "There is no such upload for this district.");
  const head = await headObject(uploadKey);
  if (!head) throw new NotFoundError("import.upload_not_found", "The upload is not there (expired, or never finished).");
  if ((head.ContentLength ?? 0) > MAX_IMPORT_BYTES) {
    await dropUpload(uploadKey);
    throw new InputError(
      "import.too_large",
      `The file is ${((head.ContentLength ?? 0) / 1048576).toFixed(1)} MB; at most ${MAX_IMPORT_BYTES / 1048576} MB is accepted.`,
      [{ path: "uploadKey", message: "file too large" }],
    );
  }
  const tenantID = useTenant();
  const importID = newID("import");
  const created = await GridImportEntity.create({
    tenantID,
    importID,
    status: "queued",
    uploadKey,
    total: 0,
    written: 0,
    by: actorID(),
    startedAt: new Date().toISOString(),
    expiresAt: Math.floor(Date.now() / 1000) + 30 * 86400,
  }).go();
  try {
    await importJob.enqueue({ importID });
  } catch (error) {
    await GridImportEntity.patch({ tenantID, importID })
      .set({ status: "failed", failureCode: "import.not_queued", failureMessage: "The import could not be queued.", finishedAt: now() })
      .go();
    throw error;
  }
  return viewOf(created.data as GridImportItem);
});

/** The progress of an import job. */
export const getImport = fn(z.string(), async (importID) => {
  const result = await GridImportEntity.get({ tenantID: useTenant(), importID }).go();
  if (!result.data) throw new NotFoundError("import.not_found", `There is no import ${importID} in this district.`);
  return viewOf(result.data);
});

const now = () => new Date().toISOString();
const dropUpload = (Key: string) =>
  s3()
    .send(new DeleteObjectCommand({ Bucket: bucketName(), Key }))
    .catch(() => undefined);

/** Settings and test hooks of the background import. */
export const importWorker = {
  /** Grids per transaction: each writes a grid and its code (2 of DynamoDB's 100 items a transaction). */
  chunkGrids: 40,
  /** Boundaries per transaction, in bytes of JSON (a transaction carries at most 4 MB). */
  chunkBytes: 3 * 1024 * 1024,
  /** Called after each written chunk with the grids written so far (tests stop a run here). */
  afterChunk: undefined as ((written: number) => void | Promise<void>) | undefined,
};

const importJob = Job.define("grid.import", z.object({ importID: z.string() }), (input, attempt) => runImport(input.importID, attempt));

/**
 * The worker's side of an import, safe to run again: parse, validate every feature (nothing is
 * written when one is wrong), then write the grids chunk by chunk from the import's checkpoint.
 * Each chunk is one transaction that writes its grids and codes (only if absent), adds them to
 * the district's counts and moves the checkpoint on (only from where this run read it): a chunk
 * is written once whatever the deliveries of the message, and a run again goes on from there.
 * Grid IDs derive from the import's ID and the feature's index, so every run plans the same grids.
 */
async function runImport(importID: string, attempt: Job.Attempt): Promise<void> {
  const tenantID = useTenant();
  const key = { tenantID, importID };
  const record = (await GridImportEntity.get(key).go()).data;
  if (!record || record.status === "done" || record.status === "failed") return;
  const finish = async (
    set: Partial<Pick<GridImportItem, "status" | "total" | "written" | "failureCode" | "failureMessage" | "problems">>,
  ) => {
    await GridImportEntity.patch(key)
      .set({ ...set, finishedAt: now() })
      .go();
    if (record.uploadKey) await dropUpload(record.uploadKey);
  };
  try {
    const body = await s3()
      .send(new GetObjectCommand({ Bucket: bucketName(), Key: record.uploadKey }))
      .then(
        (object) => object.Body!.transformToString("utf-8"),
        (error) => {
          if ((error as { name?: string }).name === "NoSuchKey")
            throw new NotFoundError("import.upload_not_found", "The upload is not there any more (expired).");
          throw error;
        },
      );
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      throw new InputError("import.invalid_json", `The file is not valid JSON: ${(error as Error).message}`, [
        { path: "uploadKey", message: "not JSON" },
      ]);
    }
    if (record.status === "queued") await GridImportEntity.patch(key).set({ status: "validating" }).go();
    const at = new Date(record.startedAt);
    const grids = await plan(parsed, { idOf: (index) => scopedID(importID, "grid", index, at), at: record.startedAt });
    await GridImportEntity.patch(key).set({ status: "writing", total: grids.length }).go();
    let written = record.written;
    while (written < grids.length) {
      const chunk = chunkFrom(grids, written);
      if (await writeChunk(importID, chunk, written)) written += chunk.length;
      // Another delivery of this import moved the checkpoint: go on from where it is.
      else written = (await GridImportEntity.get(key).go()).data?.written ?? grids.length;
      await importWorker.afterChunk?.(written);
    }
    await finish({ status: "done", total: grids.length, written: grids.length });
  } catch (error) {
    if (error instanceof VisibleError) {
      await finish({
        status: "failed",
        failureCode: error.code,
        failureMessage: error.message,
        problems: (error.details ?? []).slice(0, 1000),
      });
      return;
    }
    if (attempt.last)
      await finish({
        status: "failed",
        failureCode: "internal",
        failureMessage: "The import stopped on an internal error after several attempts.",
        problems: [],
      });
    throw error;
  }
}

/** The next grids to write from `from`: at most `chunkGrids`, and `chunkBytes` of boundaries (at least one). */
function chunkFrom(grids: Grid[], from: number): Grid[] {
  const chunk: Grid[] = [];
  let bytes = 0;
  for (const grid of grids.slice(from, from + importWorker.chunkGrids)) {
    bytes += JSON.stringify(grid.boundary).length;
    if (chunk.length > 0 && bytes > importWorker.chunkBytes) break;
    chunk.push(grid);
  }
  return chunk;
}

const importEntities = { grid: GridEntity, gridCode: GridCodeEntity, gridSet: GridSetEntity, gridImport: GridImportEntity };

/**
 * Writes one chunk and moves the checkpoint from `from`, in one transaction. False when the
 * checkpoint is no longer at `from` (another delivery wrote this chunk); a conflict when a code
 * was taken since the file was validated.
 */
async function writeChunk(importID: string, chunk: Grid[], from: number): Promise<boolean> {
  const tenantID = useTenant();
  const result = await writeTransaction(importEntities, (ops) => [
    ...chunk.flatMap((grid) => [
      ops.grid.create(storedOf(grid)).commit(),
      ops.gridCode.create({ tenantID, code: grid.code, gridID: grid.gridID }).commit(),
    ]),
    ops.gridSet
      .update({ tenantID })
      .add({ stamp: 1, ...countsOf(chunk) })
      .set({ updatedAt: now() })
      .commit(),
    ops.gridImport
      .patch({ tenantID, importID })
      .set({ written: from + chunk.length })
      .where((attr, op) => op.eq(attr.written, from))
      .commit(),
  ]).go();
  if (!result.canceled) return true;
  const reasons = result.data as { rejected: boolean; code?: string }[];
  // Another delivery of this import wrote the chunk (the checkpoint moved), or is writing it now.
  if (reasons[chunk.length * 2 + 1]?.rejected || reasons.some((reason) => reason.code === "TransactionConflict")) return false;
  const rejected = reasons.flatMap((reason, index) => (reason.rejected ? [index] : []));
  const code = rejected.find((index) => index < chunk.length * 2 && index % 2 === 1);
  if (code !== undefined) {
    const grid = chunk[(code - 1) / 2];
    throw new ConflictError("import.code_taken", `The code ${grid.code} was taken while the import ran.`, [
      { path: "features", message: `${grid.code}: the code is already used in this district` },
    ]);
  }
  throw new Error(`Import ${importID}: the transaction from ${from} was refused (${JSON.stringify(result.data)})`);
}

// ─── exports, in the background too ─────────────────────────────────────────

type GridExportItem = EntityItem<typeof GridExportEntity>;

/** Where an export's file is: one key per export, so that writing it again replaces it. */
const exportKeyOf = (exportID: string) => `${ExportPrefix}${useTenant()}/${exportID}.geojson`;

/** An export as callers see it: with a short-lived download link once the file is written. */
async function exportViewOf(item: GridExportItem) {
  const url = item.status === "done" ? await downloadLink(exportKeyOf(item.exportID), `${item.tenantID}-grids.geojson`) : null;
  return {
    exportID: item.exportID,
    status: item.status,
    count: item.count ?? null,
    bytes: item.bytes ?? null,
    url,
    failure: Job.failureOf(item),
    startedAt: item.startedAt,
    finishedAt: item.finishedAt ?? null,
  };
}
export type GridExport = Awaited<ReturnType<typeof exportViewOf>>;

/** How many grid exports one person may start an hour. */
export const ExportsPerPerson: RateLimit = {
  code: "rate.exports",
  counter: "grid-exports",
  points: 10,
  duration: 3600,
  message: "Ten grid exports in an hour is the most; use the last file, or try again later.",
};

/**
 * Starts exporting every active grid to a GeoJSON file (a district's grids exceed a Lambda
 * reply, and reading them all may outlast a request): answers at once; `getExport` follows it
 * and gives the download link when it is done.
 */
export async function startExport() {
  // A file of every grid (1.75 MB for Jianyang) per call: a few an hour per person is plenty.
  await consume(ExportsPerPerson, useTenant(), actorID());
  const exportID = newID("export");
  const created = await GridExportEntity.create({
    tenantID: useTenant(),
    exportID,
    status: "queued",
    by: actorID(),
    startedAt: now(),
    // A day: the file itself lasts two (the bucket's rule on exports/), so a listed export can always be fetched.
    expiresAt: Math.floor(Date.now() / 1000) + 86400,
  }).go();
  await exportJob.enqueue({ exportID });
  return exportViewOf(created.data as GridExportItem);
}

/** An export's progress, and its download link (valid one hour) once written. */
export const getExport = fn(z.string(), async (exportID) => {
  const result = await GridExportEntity.get({ tenantID: useTenant(), exportID }).go();
  if (!result.data) throw new NotFoundError("export.not_found", `There is no export ${exportID} in this district.`);
  return exportViewOf(result.data);
});

const exportJob = Job.define("grid.export", z.object({ exportID: z.string() }), (input, attempt) => runExport(input.exportID, attempt));

/** The worker's side of an export; run again, it writes the same file to the same key. */
async function runExport(exportID: string, attempt: Job.Attempt): Promise<void> {
  const key = { tenantID: useTenant(), exportID };
  const record = (await GridExportEntity.get(key).go()).data;
  if (!record || record.status === "done" || record.status === "failed") return;
  try {
    await GridExportEntity.patch(key).set({ status: "writing" }).go();
    const collection = await exportCollection();
    const body = JSON.stringify(collection);
    await s3().send(
      new PutObjectCommand({ Bucket: bucketName(), Key: exportKeyOf(exportID), Body: body, ContentType: "application/geo+json" }),
    );
    await GridExportEntity.patch(key)
      .set({ status: "done", count: collection.features.length, bytes: Buffer.byteLength(body), finishedAt: now() })
      .go();
  } catch (error) {
    if (attempt.last)
      await GridExportEntity.patch(key)
        .set({ status: "failed", failureCode: "internal", failureMessage: "The export stopped on an internal error.", finishedAt: now() })
        .go();
    throw error;
  }
}
