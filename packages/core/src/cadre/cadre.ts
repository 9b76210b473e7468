import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useActor, useTenant } from "../actor.ts";
import { auditEntities, auditOperation } from "../audit/index.ts";
import { requireMechanism, type DistrictConfig } from "../config/index.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "../error.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { gridScopes, Tally } from "../counter/tally.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { maskPhone } from "../user/index.ts";
import { UserEntity } from "../user/user.entity.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal, Nullable } from "../util/record.ts";
import { Day, Phone } from "../util/schemas.ts";
import { CadreEntity } from "./cadre.entity.ts";
import { loadUnit } from "./home-unit.ts";
import { MECHANISM, has, today } from "./shared.ts";

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

export function toCadre(item: CadreItem): Cadre {
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

export async function loadCadreItem(cadreID: string): Promise<CadreItem> {
  const result = await CadreEntity.get({ tenantID: useTenant(), cadreID }).go();
  if (!result.data) throw new NotFoundError("cadre.not_found", `There is no cadre ${cadreID} in this district.`);
  return result.data;
}

/** The caller's own assignments, if the caller is a cadre (newest first). */
export async function assignmentsOf(userID: string): Promise<CadreItem[]> {
  const result = await CadreEntity.query.byUser({ tenantID: useTenant(), userID }).go({ pages: "all", order: "desc" });
  return result.data;
}

/**
 * A cadre acts on the grid they are seconded to and the grids below it (claiming its wishes and
 * needs items): 403 `scope.seconded` for a record elsewhere, or with no secondment under way.
 * Anyone else is left to their own scope (district admins, grid staff's `assertGridScope`).
 */
export async function assertSecondedScope(gridPath: readonly string[]): Promise<void> {
  const actor = useActor();
  if (actor.type !== "user" || !actor.roles.includes("cadre")) return;
  // District admins act everywhere; grid staff are held to their own grid (assertGridScope).
  if (actor.roles.some((role) => role === "district_admin" || role === "grid_worker" || role === "grid_leader")) return;
  const own = await assignmentsOf(actor.userID);
  if (own.some((cadre) => cadre.status === "active" && gridPath.includes(cadre.gridID))) return;
  throw new ForbiddenError(
    "scope.seconded",
    own.some((cadre) => cadre.status === "active")
      ? "This belongs to a grid outside the one you are seconded to: you act on that grid and the grids below it."
      : "You are not seconded to a grid now; ask the district to assign you.",
  );
}

const isOwn = (cadre: CadreItem) => {
  const actor = useActor();
  return actor.type === "user" && cadre.userID === actor.userID;
};

/** Admins and grid leaders see every cadre; a cadre sees their own assignment. */
export async function readableCadre(cadreID: string): Promise<CadreItem> {
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
  if (grid.data?.status !== "active")
    throw new NotFoundError("grid.not_found", `There is no active grid ${input.gridID} in this district.`);
  const tier = lowestTier(config);
  if (grid.data.tierKey !== String(tier))
    throw new InputError(
      "cadre.grid_tier",
      `A grid assistant serves a grid of the lowest tier (${config.tiers[tier - 1]?.nameEn ?? tier}); ${grid.data.name} is not one.`,
      [{ path: "gridID", message: `must be a tier-${tier} grid` }],
    );
  if (input.userID) {
    const user = await UserEntity.get({ tenantID, userID: input.userID }).go();
    if (user.data?.status !== "active") throw new NotFoundError("user.not_found", `There is no account ${input.userID} in this district.`);
    if (!user.data.roles.includes("cadre"))
      throw new InputError("cadre.user_role", "The linked account must hold the role cadre.", [
        { path: "userID", message: "not a cadre account" },
      ]);
    const overlapping = (await assignmentsOf(input.userID)).find(
      (other) => other.status === "active" && other.from <= input.to && input.from <= other.to,
    );
    if (overlapping)
      throw new ConflictError(
        "cadre.already_assigned",
        `This account is already a grid assistant on ${overlapping.gridName} from ${overlapping.from} to ${overlapping.to}.`,
      );
  }
  const cadreID = newID("cadre");
  const at = now().toISOString();
  const gridPath = [...grid.data.path, grid.data.gridID];
  const item = {
    tenantID,
    cadreID,
    name: input.name,
    phone: input.phone,
    unitID: unit.unitID,
    unitName: unit.name,
    userID: input.userID ?? "none",
    gridID: grid.data.gridID,
    gridName: grid.data.name,
    gridPath,
    gridPathKey: `${gridPath.join("/")}/${cadreID}`,
    from: input.from,
    to: input.to,
    status: "active" as const,
    createdAt: at,
    createdBy: actorID(),
  };
  const tally = new Tally().add([...gridScopes(gridPath), `unit:${unit.unitID}`], at, "cadres.assigned");
  await writeTransaction({ cadre: CadreEntity, user: UserEntity, ...Tally.entities, ...auditEntities }, (ops) => [
    ops.cadre.create(item).commit(),
    ...tally.operations(ops),
    auditOperation(ops, {
      action: "cadre.assign",
      subjectID: cadreID,
      summary: `${input.name}（${unit.name}）下沉到 ${grid.data!.name} 任网格助理 ${input.from}–${input.to}`,
      details: {
        name: input.name,
        gridName: grid.data!.name,
        unitID: unit.unitID,
        gridID: grid.data!.gridID,
        from: input.from,
        to: input.to,
        userID: input.userID ?? null,
      },
    }),
    ...(input.userID ? [ops.user.patch({ tenantID, userID: input.userID }).set({ gridID: grid.data!.gridID }).commit()] : []),
  ]).go();
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
    auditOperation(ops, {
      action: "cadre.end",
      subjectID: cadre.cadreID,
      summary: `${cadre.name} 在 ${cadre.gridName} 的下沉结束`,
      details: { name: cadre.name, gridName: cadre.gridName, gridID: cadre.gridID },
    }),
  ]).go();
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
    query = CadreEntity.query
      .byGrid({ tenantID, status: input.status })
      .begins({ gridPathKey: `${[...grid.data.path, grid.data.gridID].join("/")}/` });
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
    (prefix
      ? CadreEntity.query.byGrid({ tenantID, status: "active" }).begins({ gridPathKey: prefix })
      : CadreEntity.query.byGrid({ tenantID, status: "active" })
    ).go({
      pages: "all",
      attributes: ["cadreID", "name", "unitName", "gridID"],
    }),
  ]);
  const byGrid = new Map<string, { cadreID: string; name: string; unitName: string }[]>();
  for (const cadre of cadres.data)
    byGrid.set(cadre.gridID!, [
      ...(byGrid.get(cadre.gridID!) ?? []),
      { cadreID: cadre.cadreID!, name: cadre.name!, unitName: cadre.unitName! },
    ]);
  const under = grids.data.filter((grid) => !prefix || `${[...(grid.path ?? []), grid.gridID].join("/")}/`.startsWith(prefix));
  const items = under
    .map((grid) => ({ gridID: grid.gridID!, code: grid.code!, name: grid.name!, assistants: byGrid.get(grid.gridID!) ?? [] }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const covered = items.filter((grid) => grid.assistants.length > 0).length;
  return {
    tier,
    grids: items.length,
    covered,
    uncovered: items.length - covered,
    assistants: cadres.data.length,
    items,
  } satisfies Coverage;
});
