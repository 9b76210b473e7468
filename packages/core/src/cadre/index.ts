import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useActor, useTenant, type DistrictRole } from "../actor.ts";
import { auditEntities, auditOperation } from "../audit/index.ts";
import { requireMechanism, type DistrictConfig } from "../config/index.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "../error.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { compareTallies, ExpectedTallies } from "../counter/recount.ts";
import { gridScopes, Tally } from "../counter/tally.ts";
import { writeTransaction } from "../storage/transaction.ts";
import * as Photo from "../ticket/photo.ts";
import { maskPhone } from "../user/index.ts";
import { UserEntity } from "../user/user.entity.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal, Nullable } from "../util/record.ts";
import { Day, Month, Phone } from "../util/schemas.ts";
import { CadreEntity, CadreEvaluationEntity, HomeUnitEntity, LedgerEntryEntity } from "./cadre.entity.ts";

export { CadreEntity, CadreEvaluationEntity, HomeUnitEntity, LedgerEntryEntity };

const MECHANISM = "cadreSecondment";


/** Today in China Standard Time, as the domain clock sees it. */
const today = () => new Date(now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
/** A counter time inside a CST day (or month): its noon. */
const noonOf = (day: string) => new Date(`${day}T12:00:00+08:00`).toISOString();

function roles(): DistrictRole[] {
  const actor = useActor();
  return actor.type === "user" ? actor.roles : actor.type === "system" ? ["district_admin"] : [];
}
const has = (...wanted: DistrictRole[]) => roles().some((role) => wanted.includes(role));

// ─── home units ─────────────────────────────────────────────────────────────

export const UnitKind = z.enum(["government", "state_enterprise", "other"]);

/** A home unit (派出单位): a government body or state enterprise that seconds cadres. */
export const HomeUnit = z.object({ unitID: z.string(), name: z.string(), kind: UnitKind, createdAt: z.string() });
export type HomeUnit = z.infer<typeof HomeUnit>;

/** A home unit as stored; callers see it without the tenant and its author. */
type HomeUnitItem = EntityItem<typeof HomeUnitEntity>;
type _HomeUnit = Assert<Equal<HomeUnit, Omit<HomeUnitItem, "tenantID" | "createdBy">>>;

const toUnit = (item: HomeUnitItem): HomeUnit => ({ unitID: item.unitID, name: item.name, kind: item.kind, createdAt: item.createdAt });

async function loadUnit(unitID: string): Promise<HomeUnit> {
  const result = await HomeUnitEntity.get({ tenantID: useTenant(), unitID }).go();
  if (!result.data) throw new NotFoundError("cadre.unit_not_found", `There is no home unit ${unitID} in this district.`);
  return toUnit(result.data);
}

/** Every home unit of the district (a district has tens, not thousands). */
export async function allHomeUnits(): Promise<HomeUnit[]> {
  const result = await HomeUnitEntity.query.primary({ tenantID: useTenant() }).go({ pages: "all" });
  return result.data.map(toUnit).sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

export const CreateHomeUnitInput = z.object({
  name: z.string().trim().min(1).max(60),
  kind: UnitKind.default("government"),
});

/** Adds a home unit; the name is unique in the district. */
export const createHomeUnit = fn(CreateHomeUnitInput, async (input) => {
  assertRole("district_admin");
  await requireMechanism(MECHANISM);
  if ((await allHomeUnits()).some((unit) => unit.name === input.name))
    throw new ConflictError("cadre.unit_exists", `There is already a home unit named ${input.name}.`);
  const item = { tenantID: useTenant(), unitID: newID("unit"), name: input.name, kind: input.kind, createdAt: now().toISOString(), createdBy: actorID() };
  await HomeUnitEntity.create(item).go();
  return toUnit(item);
});

export const listHomeUnits = fn(PageInput, async (input) => {
  assertRole("district_admin", "grid_leader", "grid_worker", "cadre");
  await requireMechanism(MECHANISM);
  const result = await page(HomeUnitEntity.query.primary({ tenantID: useTenant() }), input);
  return { items: result.items.map(toUnit), cursor: result.cursor };
});

// ─── assignments ────────────────────────────────────────────────────────────

/** A cadre seconded to a lowest-tier grid as its grid assistant (网格助理) for a period. */
export const Cadre = z.object({
  cadreID: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  unitID: z.string(),
  unitName: z.string(),
  userID: z.string().nullable(),
  gridID: z.string(),
  gridName: z.string(),
  gridPath: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  status: z.enum(["active", "ended"]),
  endedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Cadre = z.infer<typeof Cadre>;

/** An assignment as stored. */
type CadreItem = EntityItem<typeof CadreEntity>;

/**
 * What callers see of it: without its keys and author, an absent end as null, the phone only
 * masked (`phoneMasked`), and no account (`none`) as a null user.
 */
type CadreView = Nullable<Omit<CadreItem, "tenantID" | "gridPathKey" | "createdBy" | "phone" | "userID">> & {
  phoneMasked: string;
  userID: string | null;
};
type _Cadre = Assert<Equal<Cadre, CadreView>>;

function toCadre(item: CadreItem): Cadre {
  return {
    cadreID: item.cadreID,
    name: item.name,
    phoneMasked: maskPhone(item.phone),
    unitID: item.unitID,
    unitName: item.unitName,
    userID: item.userID === "none" ? null : item.userID,
    gridID: item.gridID,
    gridName: item.gridName,
    gridPath: item.gridPath,
    from: item.from,
    to: item.to,
    status: item.status,
    endedAt: item.endedAt ?? null,
    createdAt: item.createdAt,
  };
}

async function loadCadreItem(cadreID: string): Promise<CadreItem> {
  const result = await CadreEntity.get({ tenantID: useTenant(), cadreID }).go();
  if (!result.data) throw new NotFoundError("cadre.not_found", `There is no cadre ${cadreID} in this district.`);
  return result.data;
}

/** The caller's own assignments, if the caller is a cadre (newest first). */
async function assignmentsOf(userID: string): Promise<CadreItem[]> {
  const result = await CadreEntity.query.byUser({ tenantID: useTenant(), userID }).go({ pages: "all", order: "desc" });
  return result.data;
}

const isOwn = (cadre: CadreItem) => {
  const actor = useActor();
  return actor.type === "user" && cadre.userID === actor.userID;
};

/** Admins and grid leaders see every cadre; a cadre sees their own assignment. */
async function readableCadre(cadreID: string): Promise<CadreItem> {
  const cadre = await loadCadreItem(cadreID);
  if (has("district_admin", "grid_leader", "grid_worker") || isOwn(cadre)) return cadre;
  throw new NotFoundError("cadre.not_found", `There is no cadre ${cadreID} that you can see.`);
}

const lowestTier = (config: DistrictConfig) => config.tiers.length;

export const AssignCadreInput = z
  .object({
    name: z.string().trim().min(1).max(40),
    phone: Phone,
    unitID: z.string().min(1).max(80),
    gridID: z.string().min(1).max(80),
    /** The cadre's sign-in account (role `cadre`), if they have one. */
    userID: z.string().min(1).max(80).optional(),
    from: Day,
    to: Day,
  })
  .refine((input) => input.from <= input.to, { message: "the period ends before it starts", path: ["to"] });

/**
 * Assigns a cadre of a home unit to a lowest-tier grid as its grid assistant, for a period:
 * the assignment, the counters (`cadres.assigned` in the district, the grid's path and the
 * unit), the audit entry and the account's grid in one transaction.
 */
export const assignCadre = fn(AssignCadreInput, async (input) => {
  assertRole("district_admin", "grid_leader");
  const config = await requireMechanism(MECHANISM);
  const tenantID = useTenant();
  const [unit, grid] = await Promise.all([loadUnit(input.unitID), GridEntity.get({ tenantID, gridID: input.gridID }).go()]);
  if (!grid.data || grid.data.status !== "active") throw new NotFoundError("grid.not_found", `There is no active grid ${input.gridID} in this district.`);
  const tier = lowestTier(config);
  if (grid.data.tierKey !== String(tier))
    throw new InputError("cadre.grid_tier", `A grid assistant serves a grid of the lowest tier (${config.tiers[tier - 1]?.nameEn ?? tier}); ${grid.data.name} is not one.`, [
      { path: "gridID", message: `must be a tier-${tier} grid` },
    ]);
  if (input.userID) {
    const user = await UserEntity.get({ tenantID, userID: input.userID }).go();
    if (!user.data || user.data.status !== "active") throw new NotFoundError("user.not_found", `There is no account ${input.userID} in this district.`);
    if (!user.data.roles.includes("cadre"))
      throw new InputError("cadre.user_role", "The linked account must hold the role cadre.", [{ path: "userID", message: "not a cadre account" }]);
    const overlapping = (await assignmentsOf(input.userID)).find((other) => other.status === "active" && other.from <= input.to && input.from <= other.to);
    if (overlapping)
      throw new ConflictError("cadre.already_assigned", `This account is already a grid assistant on ${overlapping.gridName} from ${overlapping.from} to ${overlapping.to}.`);
  }
  const cadreID = newID("cadre");
  const at = now().toISOString();
  const gridPath = [...grid.data.path, grid.data.gridID];
  const item = {
    tenantID, cadreID, name: input.name, phone: input.phone, unitID: unit.unitID, unitName: unit.name,
    userID: input.userID ?? "none", gridID: grid.data.gridID, gridName: grid.data.name, gridPath,
    gridPathKey: `${gridPath.join("/")}/${cadreID}`, from: input.from, to: input.to, status: "active" as const,
    createdAt: at, createdBy: actorID(),
  };
  const tally = new Tally().add([...gridScopes(gridPath), `unit:${unit.unitID}`], at, "cadres.assigned");
  await writeTransaction({ cadre: CadreEntity, user: UserEntity, ...Tally.entities, ...auditEntities }, (ops) => [
      ops.cadre.create(item).commit(),
      ...tally.operations(ops),
      auditOperation(ops, {
        action: "cadre.assign", subjectID: cadreID,
        summary: `${input.name}（${unit.name}）下沉到 ${grid.data!.name} 任网格助理 ${input.from}–${input.to}`,
        details: { unitID: unit.unitID, gridID: grid.data!.gridID, from: input.from, to: input.to, userID: input.userID ?? null },
      }),
      ...(input.userID ? [ops.user.patch({ tenantID, userID: input.userID }).set({ gridID: grid.data!.gridID }).commit()] : []),
    ])
    .go();
  return toCadre(item);
});

/** Ends an assignment (the grid then has one assistant fewer); ending twice is a 409. */
export const endAssignment = fn(z.object({ cadreID: z.string().min(1).max(80) }), async (input) => {
  assertRole("district_admin", "grid_leader");
  await requireMechanism(MECHANISM);
  const tenantID = useTenant();
  const cadre = await loadCadreItem(input.cadreID);
  if (cadre.status !== "active") throw new ConflictError("cadre.ended", "This assignment has already ended.");
  const at = now().toISOString();
  const tally = new Tally().add([...gridScopes(cadre.gridPath), `unit:${cadre.unitID}`], at, "cadres.ended");
  const result = await writeTransaction({ cadre: CadreEntity, ...Tally.entities, ...auditEntities }, (ops) => [
      ops.cadre
        .patch({ tenantID, cadreID: cadre.cadreID })
        .set({ status: "ended", endedAt: at })
        .composite({ gridPathKey: cadre.gridPathKey })
        .where((attr, op) => op.eq(attr.status, "active"))
        .commit(),
      ...tally.operations(ops),
      auditOperation(ops, { action: "cadre.end", subjectID: cadre.cadreID, summary: `${cadre.name} 在 ${cadre.gridName} 的下沉结束`, details: { gridID: cadre.gridID } }),
    ])
    .go();
  if (result.canceled) throw new ConflictError("cadre.ended", "This assignment has already ended.");
  return toCadre({ ...cadre, status: "ended", endedAt: at });
});

export const ListCadresInput = PageInput.extend({
  unitID: z.string().max(80).optional(),
  /** A grid: its assistants and those of every grid under it. */
  gridID: z.string().max(80).optional(),
  status: z.enum(["active", "ended"]).default("active"),
}).refine((input) => !(input.unitID && input.gridID), { message: "filter by unitID or gridID", path: ["unitID"] });

/** Cadres by home unit, or under a grid, or across the district (active by default). */
export const listCadres = fn(ListCadresInput, async (input) => {
  assertRole("district_admin", "grid_leader", "grid_worker");
  await requireMechanism(MECHANISM);
  const tenantID = useTenant();
  let query;
  if (input.unitID) {
    await loadUnit(input.unitID);
    query = CadreEntity.query.byUnit({ tenantID, unitID: input.unitID }).where((attr, op) => op.eq(attr.status, input.status));
  } else if (input.gridID) {
    const grid = await GridEntity.get({ tenantID, gridID: input.gridID }).go();
    if (!grid.data) throw new NotFoundError("grid.not_found", `There is no grid ${input.gridID} in this district.`);
    query = CadreEntity.query.byGrid({ tenantID, status: input.status }).begins({ gridPathKey: `${[...grid.data.path, grid.data.gridID].join("/")}/` });
  } else query = CadreEntity.query.byGrid({ tenantID, status: input.status });
  const result = await page(query, input);
  return { items: result.items.map(toCadre), cursor: result.cursor };
});

export const getCadre = fn(z.string().min(1).max(80), async (cadreID) => {
  await requireMechanism(MECHANISM);
  return toCadre(await readableCadre(cadreID));
});

/** The signed-in cadre's assignments (current first) with the district's ledger kinds. */
export const myAssignments = fn(z.object({}).default({}), async () => {
  assertRole("cadre");
  const config = await requireMechanism(MECHANISM);
  const day = today();
  const items = (await assignmentsOf(actorID())).map(toCadre);
  const current = items.find((cadre) => cadre.status === "active" && cadre.from <= day && day <= cadre.to) ?? null;
  return { current, assignments: items, kinds: config.governance.ledgerActivityKinds };
});

export const CoverageInput = z.object({ gridID: z.string().max(80).optional() });

export const Coverage = z.object({
  tier: z.number(),
  grids: z.number(),
  covered: z.number(),
  uncovered: z.number(),
  assistants: z.number(),
  items: z.array(
    z.object({
      gridID: z.string(),
      code: z.string(),
      name: z.string(),
      assistants: z.array(z.object({ cadreID: z.string(), name: z.string(), unitName: z.string() })),
    }),
  ),
});
export type Coverage = z.infer<typeof Coverage>;

/**
 * Which lowest-tier grids (of the district, or under a grid) have a grid assistant and which
 * have none: two queries, whatever the number of grids (the community's view).
 */
export const coverage = fn(CoverageInput, async (input) => {
  assertRole("district_admin", "grid_leader", "grid_worker");
  const config = await requireMechanism(MECHANISM);
  const tenantID = useTenant();
  const tier = lowestTier(config);
  let prefix = "";
  if (input.gridID) {
    const grid = await GridEntity.get({ tenantID, gridID: input.gridID }).go();
    if (!grid.data) throw new NotFoundError("grid.not_found", `There is no grid ${input.gridID} in this district.`);
    prefix = `${[...grid.data.path, grid.data.gridID].join("/")}/`;
  }
  const [grids, cadres] = await Promise.all([
    GridEntity.query
      .byTier({ tenantID, tierKey: String(tier) })
      .where((attr, op) => op.eq(attr.status, "active"))
      .go({ pages: "all", attributes: ["gridID", "code", "name", "path"] }),
    (prefix ? CadreEntity.query.byGrid({ tenantID, status: "active" }).begins({ gridPathKey: prefix }) : CadreEntity.query.byGrid({ tenantID, status: "active" })).go({
      pages: "all",
      attributes: ["cadreID", "name", "unitName", "gridID"],
    }),
  ]);
  const byGrid = new Map<string, { cadreID: string; name: string; unitName: string }[]>();
  for (const cadre of cadres.data) byGrid.set(cadre.gridID!, [...(byGrid.get(cadre.gridID!) ?? []), { cadreID: cadre.cadreID!, name: cadre.name!, unitName: cadre.unitName! }]);
  const under = grids.data.filter((grid) => !prefix || `${[...(grid.path ?? []), grid.gridID].join("/")}/`.startsWith(prefix));
  const items = under
    .map((grid) => ({ gridID: grid.gridID!, code: grid.code!, name: grid.name!, assistants: byGrid.get(grid.gridID!) ?? [] }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const covered = items.filter((grid) => grid.assistants.length > 0).length;
  return { tier, grids: items.length, covered, uncovered: items.length - covered, assistants: cadres.data.length, items } satisfies Coverage;
});

// ─── the ledger ─────────────────────────────────────────────────────────────

export const LedgerEntry = z.object({
  entryID: z.string(),
  cadreID: z.string(),
  cadreName: z.string(),
  unitID: z.string(),
  gridID: z.string(),
  kind: z.string(),
  date: z.string(),
  hours: z.number(),
  notes: z.string().nullable(),
  photos: z.array(z.string()),
  createdAt: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** A ledger entry as stored. */
type LedgerEntryItem = EntityItem<typeof LedgerEntryEntity>;

/** What callers see of it: without its keys (the grid's path, the month) and author, absent notes as null, absent photos as none. */
type LedgerEntryView = Nullable<Omit<LedgerEntryItem, "tenantID" | "gridPath" | "month" | "createdBy" | "photos">> &
  Required<Pick<LedgerEntryItem, "photos">>;
type _LedgerEntry = Assert<Equal<LedgerEntry, LedgerEntryView>>;

const toEntry = (item: LedgerEntryItem): LedgerEntry => ({
  entryID: item.entryID,
  cadreID: item.cadreID,
  cadreName: item.cadreName,
  unitID: item.unitID,
  gridID: item.gridID,
  kind: item.kind,
  date: item.date,
  hours: item.hours,
  notes: item.notes ?? null,
  photos: item.photos ?? [],
  createdAt: item.createdAt,
});

export const CreateLedgerEntryInput = z.object({
  /** The grid the work was done on; the cadre's assigned grid if left out. */
  gridID: z.string().min(1).max(80).optional(),
  kind: z.string().min(1).max(40),
  date: Day,
  hours: z.number().min(0.25).max(24),
  notes: z.string().trim().max(2000).optional(),
  photoKeys: z.array(z.string().max(300)).max(Photo.MAX_PHOTOS, `at most ${Photo.MAX_PHOTOS} photos`).default([]),
});

/**
 * A cadre logs work on the grid they are assigned to (another grid is a 403, nothing written).
 * The entry and its counters (`ledger.entries`, `ledger.hours`, `ledger.<kind>` in the district,
 * the grid's path and the home unit, in the month of the work) are one transaction.
 */
export const createLedgerEntry = fn(CreateLedgerEntryInput, async (input) => {
  assertRole("cadre");
  const config = await requireMechanism(MECHANISM);
  const kinds = config.governance.ledgerActivityKinds;
  if (!kinds.some((kind) => kind.key === input.kind))
    throw new InputError("ledger.unknown_kind", `There is no ledger activity kind "${input.kind}" in this district.`, [
      { path: "kind", message: `one of ${kinds.map((kind) => kind.key).join(", ")}` },
    ]);
  if (input.date > today()) throw new InputError("ledger.future", "Work is logged once it is done: the date is in the future.", [{ path: "date", message: "in the future" }]);
  const active = (await assignmentsOf(actorID())).filter((cadre) => cadre.status === "active" && cadre.from <= input.date && input.date <= cadre.to);
  if (active.length === 0) throw new ForbiddenError("ledger.not_assigned", `You are not a grid assistant on any grid on ${input.date}.`);
  const cadre = input.gridID ? active.find((candidate) => candidate.gridID === input.gridID) : active[0];
  if (!cadre) throw new ForbiddenError("ledger.not_your_grid", "You may log work only on the grid you are assigned to as grid assistant.");
  const photos = [];
  for (const [index, key] of input.photoKeys.entries()) photos.push(await Photo.check(key, `photoKeys.${index}`));
  const tenantID = useTenant();
  const entryID = newID("ledger");
  const finalKeys = photos.map((photo) => Photo.finalKey(photo, entryID));
  const item = {
    tenantID, entryID, cadreID: cadre.cadreID, cadreName: cadre.name, unitID: cadre.unitID, gridID: cadre.gridID, gridPath: cadre.gridPath,
    kind: input.kind, date: input.date, month: input.date.slice(0, 7), hours: input.hours, notes: input.notes || undefined, photos: finalKeys,
    createdAt: now().toISOString(), createdBy: actorID(),
  };
  const at = noonOf(input.date);
  const scopes = [...gridScopes(cadre.gridPath), `unit:${cadre.unitID}`];
  const tally = new Tally()
    .add(scopes, at, "ledger.entries")
    .add(scopes, at, "ledger.hours", 1, input.hours)
    .add(scopes, at, `ledger.${input.kind}`, 1, input.hours);
  await writeTransaction({ ledgerEntry: LedgerEntryEntity, ...Tally.entities }, (ops) => [ops.ledgerEntry.create(item).commit(), ...tally.operations(ops)]).go();
  if (photos.length) await Photo.keep(photos, finalKeys);
  return toEntry(item);
});

export const ListLedgerInput = PageInput.extend({
  /** The caller's own entries (a cadre). */
  mine: z.boolean().default(false),
  cadreID: z.string().max(80).optional(),
  gridID: z.string().max(80).optional(),
  unitID: z.string().max(80).optional(),
  /** With unitID: one month of the unit's entries. */
  month: Month.optional(),
}).refine((input) => [input.mine, input.cadreID, input.gridID, input.unitID].filter(Boolean).length === 1, {
  message: "name one of mine, cadreID, gridID or unitID",
  path: ["cadreID"],
});

/** Ledger entries, newest first: a cadre's (their own, for a cadre), a grid's, or a home unit's month. */
export const listLedgerEntries = fn(ListLedgerInput, async (input) => {
  await requireMechanism(MECHANISM);
  const tenantID = useTenant();
  const staff = has("district_admin", "grid_leader");
  let query;
  if (input.mine || (input.cadreID && !staff)) {
    assertRole("cadre", "district_admin", "grid_leader");
    const own = await assignmentsOf(actorID());
    const cadreIDs = own.map((cadre) => cadre.cadreID);
    if (input.cadreID && !cadreIDs.includes(input.cadreID)) throw new NotFoundError("cadre.not_found", `There is no cadre ${input.cadreID} that you can see.`);
    const cadreID = input.cadreID ?? cadreIDs[0];
    if (!cadreID) return { items: [], cursor: null };
    query = LedgerEntryEntity.query.byCadre({ tenantID, cadreID });
  } else {
    assertRole("district_admin", "grid_leader");
    if (input.cadreID) query = LedgerEntryEntity.query.byCadre({ tenantID, cadreID: (await loadCadreItem(input.cadreID)).cadreID });
    else if (input.gridID) query = LedgerEntryEntity.query.byGrid({ tenantID, gridID: input.gridID });
    else {
      await loadUnit(input.unitID!);
      query = input.month ? LedgerEntryEntity.query.byUnit({ tenantID, unitID: input.unitID!, month: input.month }) : LedgerEntryEntity.query.byUnit({ tenantID, unitID: input.unitID! });
    }
  }
  const result = await page(query, input, "desc");
  return { items: result.items.map(toEntry), cursor: result.cursor };
});

// ─── evaluations ────────────────────────────────────────────────────────────

/** 优秀 / 良好 / 一般 / 较差 */
export const Grade = z.enum(["excellent", "good", "fair", "poor"]);
export type Grade = z.infer<typeof Grade>;
export const GradeNames: Record<Grade, string> = { excellent: "优秀", good: "良好", fair: "一般", poor: "较差" };
const Score = z.number().int().min(1).max(5);

export const Evaluation = z.object({
  cadreID: z.string(),
  month: z.string(),
  attitude: z.number(),
  workState: z.number(),
  performance: z.number(),
  grade: Grade,
  comment: z.string().nullable(),
  evaluatedAt: z.string(),
  evaluatedBy: z.string(),
});
export type Evaluation = z.infer<typeof Evaluation>;

/** An evaluation as stored; callers see it without the tenant and the unit, an absent comment as null. */
type EvaluationItem = EntityItem<typeof CadreEvaluationEntity>;
type _Evaluation = Assert<Equal<Evaluation, Nullable<Omit<EvaluationItem, "tenantID" | "unitID">>>>;

const toEvaluation = (item: EvaluationItem): Evaluation => ({
  cadreID: item.cadreID,
  month: item.month,
  attitude: item.attitude,
  workState: item.workState,
  performance: item.performance,
  grade: item.grade,
  comment: item.comment ?? null,
  evaluatedAt: item.evaluatedAt,
  evaluatedBy: item.evaluatedBy,
});

export const EvaluateCadreInput = z.object({
  cadreID: z.string().min(1).max(80),
  month: Month,
  /** 工作态度, 工作状态, 工作成效: 1 (poor) … 5 (excellent). */
  attitude: Score,
  workState: Score,
  performance: Score,
  grade: Grade,
  comment: z.string().trim().max(1000).optional(),
});

/**
 * The community's monthly evaluation of a cadre (district admin or grid leader): one per cadre
 * and month — a second for the same month is a 409 (there is no replace). Counted as
 * `cadres.evaluations` (and `cadres.grade.<grade>`) in the month evaluated; audited.
 */
export const evaluateCadre = fn(EvaluateCadreInput, async (input) => {
  assertRole("district_admin", "grid_leader");
  await requireMechanism(MECHANISM);
  const tenantID = useTenant();
  const cadre = await loadCadreItem(input.cadreID);
  if (input.month < cadre.from.slice(0, 7) || input.month > cadre.to.slice(0, 7))
    throw new InputError("evaluation.month", `The cadre served from ${cadre.from} to ${cadre.to}; ${input.month} is outside that.`, [{ path: "month", message: "outside the assignment" }]);
  if (input.month > today().slice(0, 7)) throw new InputError("evaluation.month", "A month is evaluated once it has begun.", [{ path: "month", message: "in the future" }]);
  const item = {
    tenantID, cadreID: cadre.cadreID, month: input.month, unitID: cadre.unitID, attitude: input.attitude, workState: input.workState,
    performance: input.performance, grade: input.grade, comment: input.comment || undefined, evaluatedAt: now().toISOString(), evaluatedBy: actorID(),
  };
  const scopes = [...gridScopes(cadre.gridPath), `unit:${cadre.unitID}`];
  const at = noonOf(`${input.month}-15`);
  const tally = new Tally().add(scopes, at, "cadres.evaluations").add(scopes, at, `cadres.grade.${input.grade}`);
  const result = await writeTransaction({ cadreEvaluation: CadreEvaluationEntity, ...Tally.entities, ...auditEntities }, (ops) => [
      ops.cadreEvaluation.create(item).commit(),
      ...tally.operations(ops),
      auditOperation(ops, {
        action: "cadre.evaluate", subjectID: cadre.cadreID,
        summary: `${cadre.name} ${input.month} 月度评价：${GradeNames[input.grade]}`,
        details: { month: input.month, grade: input.grade, attitude: input.attitude, workState: input.workState, performance: input.performance },
      }),
    ])
    .go();
  if (result.canceled) throw new ConflictError("evaluation.exists", `${cadre.name} already has an evaluation for ${input.month}.`);
  return toEvaluation(item);
});

/** A cadre's evaluations, newest month first (the cadre sees their own). */
export const listEvaluations = fn(z.object({ cadreID: z.string().min(1).max(80) }).extend(PageInput.shape), async (input) => {
  await requireMechanism(MECHANISM);
  const cadre = await readableCadre(input.cadreID);
  const result = await page(CadreEvaluationEntity.query.primary({ tenantID: useTenant(), cadreID: cadre.cadreID }), input, "desc");
  return { items: result.items.map(toEvaluation), cursor: result.cursor };
});

// ─── the unit feedback report ───────────────────────────────────────────────

export const ExportFeedbackInput = z.object({
  unitID: z.string().min(1).max(80),
  /** The current month if left out. */
  month: Month.optional(),
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
});

/** One row of the feedback report: a cadre of the unit with the month's work and evaluation. */
export interface FeedbackRow {
  cadre: Cadre;
  byKind: Record<string, number>;
  entries: number;
  hours: number;
  evaluation: Evaluation | null;
}

/** The feedback report's rows: every cadre of the unit serving in the month (three queries). */
export async function unitFeedback(unitID: string, month: string) {
  const config = await requireMechanism(MECHANISM);
  const tenantID = useTenant();
  const unit = await loadUnit(unitID);
  const [cadres, entries, evaluations] = await Promise.all([
    CadreEntity.query.byUnit({ tenantID, unitID }).go({ pages: "all" }),
    LedgerEntryEntity.query.byUnit({ tenantID, unitID, month }).go({ pages: "all", attributes: ["cadreID", "kind", "hours"] }),
    CadreEvaluationEntity.query.byUnit({ tenantID, unitID, month }).go({ pages: "all" }),
  ]);
  const [first, last] = [`${month}-01`, `${month}-31`];
  const evaluationOf = new Map(evaluations.data.map((item) => [item.cadreID, toEvaluation(item)]));
  const rows = new Map<string, FeedbackRow>();
  for (const item of cadres.data) {
    const served = item.from <= last && first <= item.to && (item.status === "active" || (item.endedAt ?? "") >= first);
    if (served) rows.set(item.cadreID, { cadre: toCadre(item), byKind: {}, entries: 0, hours: 0, evaluation: evaluationOf.get(item.cadreID) ?? null });
  }
  for (const entry of entries.data) {
    const row = rows.get(entry.cadreID!);
    if (!row) continue;
    row.byKind[entry.kind!] = (row.byKind[entry.kind!] ?? 0) + 1;
    row.entries++;
    row.hours += entry.hours!;
  }
  const sorted = [...rows.values()].sort((a, b) => a.cadre.gridName.localeCompare(b.cadre.gridName, "zh-CN") || a.cadre.name.localeCompare(b.cadre.name, "zh-CN"));
  return { unit, month, kinds: config.governance.ledgerActivityKinds, rows: sorted };
}

/**
 * The feedback report for a home unit and month (反馈表), in Chinese headings: as a real .xlsx
 * workbook (exceljs, loaded only when a report is asked for) or as UTF-8 CSV with a BOM.
 */
export const exportUnitFeedback = fn(ExportFeedbackInput, async (input) => {
  assertRole("district_admin", "grid_leader");
  const month = input.month ?? today().slice(0, 7);
  const report = await unitFeedback(input.unitID, month);
  const headings = [
    "序号", "姓名", "派出单位", "下沉网格", "下沉时段",
    ...report.kinds.map((kind) => `${kind.nameZh}（次）`),
    "台账合计（条）", "工作时长（小时）", "工作态度", "工作状态", "工作成效", "评价等级", "评价意见",
  ];
  const rows = report.rows.map((row, index) => [
    index + 1, row.cadre.name, report.unit.name, row.cadre.gridName, `${row.cadre.from} 至 ${row.cadre.to}`,
    ...report.kinds.map((kind) => row.byKind[kind.key] ?? 0),
    row.entries, Math.round(row.hours * 100) / 100,
    row.evaluation?.attitude ?? "", row.evaluation?.workState ?? "", row.evaluation?.performance ?? "",
    row.evaluation ? GradeNames[row.evaluation.grade] : "未评价", row.evaluation?.comment ?? "",
  ]);
  const [year, monthNumber] = month.split("-");
  const title = `${report.unit.name} 下沉干部双向管理反馈表（${year}年${Number(monthNumber)}月）`;
  const filename = `${report.unit.name}-${month}-反馈表.${input.format}`;
  if (input.format === "csv") {
    const cell = (value: unknown) => {
      const text = String(value);
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const body = `\uFEFF${[headings, ...rows].map((line) => line.map(cell).join(",")).join("\r\n")}\r\n`;
    return { filename, month, contentType: "text/csv; charset=utf-8", body: new TextEncoder().encode(body) };
  }
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "网格 Wangge";
  workbook.created = now();
  const sheet = workbook.addWorksheet(`${month} 反馈表`);
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, headings.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow(headings).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 6 : index <= 4 ? 18 : 12;
  });
  sheet.views = [{ state: "frozen", ySplit: 2 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    filename,
    month,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: new Uint8Array(buffer as ArrayBuffer),
  };
});

// ─── recount ─────────────────────────────────────────────────────────────────

/**
 * Rebuilds the `cadres.*` and `ledger.*` tallies from the records and returns the drift (with
 * `repair`, writes the recounted values): each assignment counts as assigned at `createdAt` and,
 * once ended, as ended at `endedAt`; each ledger entry at noon of its day; each evaluation at
 * noon of the 15th of its month, on its cadre's grid path and home unit.
 */
export async function recount(options: { repair?: boolean } = {}) {
  const tenantID = useTenant();
  const expected = new ExpectedTallies();
  const [cadres, entries] = await Promise.all([
    CadreEntity.query.primary({ tenantID }).go({ pages: "all" }),
    LedgerEntryEntity.query.primary({ tenantID }).go({ pages: "all" }),
  ]);
  for (const cadre of cadres.data) {
    const scopes = [...gridScopes(cadre.gridPath), `unit:${cadre.unitID}`];
    expected.add(scopes, cadre.createdAt, "cadres.assigned");
    if (cadre.status === "ended") expected.add(scopes, cadre.endedAt!, "cadres.ended");
  }
  for (const entry of entries.data) {
    const scopes = [...gridScopes(entry.gridPath), `unit:${entry.unitID}`];
    const at = noonOf(entry.date);
    expected.add(scopes, at, "ledger.entries").add(scopes, at, "ledger.hours", 1, entry.hours).add(scopes, at, `ledger.${entry.kind}`, 1, entry.hours);
  }
  let next = 0;
  const worker = async () => {
    while (next < cadres.data.length) {
      const cadre = cadres.data[next++];
      const scopes = [...gridScopes(cadre.gridPath), `unit:${cadre.unitID}`];
      const evaluations = await CadreEvaluationEntity.query.primary({ tenantID, cadreID: cadre.cadreID }).go({ pages: "all" });
      for (const evaluation of evaluations.data) {
        const at = noonOf(`${evaluation.month}-15`);
        expected.add(scopes, at, "cadres.evaluations").add(scopes, at, `cadres.grade.${evaluation.grade}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return compareTallies(expected, ["cadres.", "ledger."], options);
}
