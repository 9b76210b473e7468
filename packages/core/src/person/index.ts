import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, inGridScope, useActor, useTenant } from "../actor.ts";
import * as Config from "../config/index.ts";
import { ConflictError, InputError, NotFoundError } from "../error.ts";
import * as Grid from "../grid/index.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { Tally } from "../counter/tally.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { gridPathOf } from "../grid/place.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal, Nullable } from "../util/record.ts";
import { Day, Phone } from "../util/schemas.ts";
import { maskPhone } from "../user/index.ts";
import { heldOn, today } from "./duty.ts";
import { AssignmentEntity, PersonEntity } from "./person.entity.ts";
// Registers the check of configuration changes against this domain's records (see config/domains.ts).
import "./breaking.ts";

/** A role on a grid as lists show it; the phone is masked unless the caller's role needs it. */
export const Assignment = z.object({
  assignmentID: z.string(),
  personID: z.string(),
  name: z.string(),
  phone: z.string(),
  homeUnit: z.string().nullable(),
  gridID: z.string(),
  gridCode: z.string(),
  gridName: z.string(),
  roleKey: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  active: z.boolean(),
});
export type Assignment = z.infer<typeof Assignment>;

/** A role on a grid as stored (as written: its creation stamp may not be read back yet). */
type AssignmentItem = Omit<EntityItem<typeof AssignmentEntity>, "createdAt" | "createdBy">;

/**
 * What lists show of it: without the tenant, absent attributes as null, the person's name and phone
 * (`personName`, `personPhone`, the phone masked by `toAssignment`) as `name` and `phone`, and
 * whether it holds today.
 */
type AssignmentView = Nullable<Omit<AssignmentItem, "tenantID" | "personName" | "personPhone">> & {
  name: string;
  phone: string;
  active: boolean;
};
type _Assignment = Assert<Equal<Assignment, AssignmentView>>;

/**
 * Staff who call grid people need whole phone numbers; everyone else sees 138****5678. Grid
 * workers and leaders see them for the people of their own grid and below (`wholePhonesOf`).
 */
function seesPhones(): boolean {
  const actor = useActor();
  if (actor.type === "system") return true;
  return actor.type === "user" && actor.roles.some((role) => ["district_admin", "grid_leader", "grid_worker"].includes(role));
}

function toAssignment(item: AssignmentItem, whole = seesPhones()): Assignment {
  const to = item.to ?? null;
  const now = today();
  return {
    assignmentID: item.assignmentID,
    personID: item.personID,
    name: item.personName,
    phone: whole ? item.personPhone : maskPhone(item.personPhone),
    homeUnit: item.homeUnit ?? null,
    gridID: item.gridID,
    gridCode: item.gridCode,
    gridName: item.gridName,
    roleKey: item.roleKey,
    from: item.from,
    to,
    active: heldOn(item, now),
  };
}

/** A person new to the district: name, mobile, and for a seconded cadre the home unit. */
const NewPerson = z.object({ name: z.string().trim().min(1).max(40), phone: Phone, homeUnit: z.string().trim().max(80).optional() });

export const AssignInput = z
  .object({
    gridID: z.string().max(80),
    roleKey: z.string().max(40),
    from: Day.optional(),
    to: Day.optional(),
    /** An existing person… */
    personID: z.string().max(80).optional(),
    /** …or a new one. */
    person: NewPerson.optional(),
  })
  .refine((input) => (input.personID === undefined) !== (input.person === undefined), {
    message: "give either personID or person",
    path: ["personID"],
  })
  .refine((input) => !input.to || !input.from || input.from <= input.to, { message: "ends before it starts", path: ["to"] });

type CatalogueRole = Awaited<ReturnType<typeof Config.get>>["roles"][number];

/** The role must exist in the district's catalogue. */
function roleOf(config: Awaited<ReturnType<typeof Config.get>>, roleKey: string, path = "roleKey"): CatalogueRole {
  const role = config.roles.find((candidate) => candidate.key === roleKey);
  if (!role)
    throw new InputError("person.unknown_role", `There is no role "${roleKey}" in this district's catalogue.`, [
      { path, message: `one of ${config.roles.map((candidate) => candidate.key).join(", ")}` },
    ]);
  return role;
}

/** A role works on the grids of its tier (or on dedicated grids), and only on active ones. */
function assertFits(role: CatalogueRole, grid: { code: string; tier: number | null; status: string; gridID: string }, path = "") {
  if (grid.status !== "active")
    throw new InputError("grid.retired", `${grid.code} is retired.`, [{ path: `${path}gridID`, message: "retired" }]);
  const fits = role.dedicated ? grid.tier === null : grid.tier !== null && (role.tier === null || role.tier === grid.tier);
  if (!fits)
    throw new InputError(
      "person.role_tier",
      `${role.nameZh} (${role.nameEn}) works on ${role.dedicated ? "dedicated grids" : role.tier ? `tier-${role.tier} grids` : "regular grids"}; ${grid.code} is ${grid.tier === null ? "a dedicated grid" : `of tier ${grid.tier}`}.`,
      [{ path: `${path}roleKey`, message: "does not fit the grid's tier" }],
    );
}

/** The assignment record of a person on a grid in a role (with the names lists show). */
function assignmentOf(
  person: { personID: string; name: string; phone: string; homeUnit?: string },
  grid: { gridID: string; code: string; name: string },
  roleKey: string,
  period: { from?: string; to?: string },
) {
  return {
    tenantID: useTenant(),
    assignmentID: newID("assignment"),
    personID: person.personID,
    gridID: grid.gridID,
    roleKey,
    from: period.from ?? today(),
    to: period.to,
    personName: person.name,
    personPhone: person.phone,
    homeUnit: person.homeUnit,
    gridCode: grid.code,
    gridName: grid.name,
    createdBy: actorID(),
  };
}

/** Assignments per access role (`people.access.grid_worker` …): what "per grid worker" figures divide by, whatever the district calls its roles. */
export const accessMetric = (role: { accessRole: string }) => `people.access.${role.accessRole}`;

/** Puts a person on a grid in a role of the district's catalogue (the role must fit the grid's tier). */
export const assign = fn(AssignInput, async (input) => {
  assertRole("district_admin");
  const tenantID = useTenant();
  const config = await Config.get();
  const role = roleOf(config, input.roleKey);
  const { grid } = await Grid.get(input.gridID).catch(() => {
    throw new NotFoundError("grid.not_found", `There is no grid ${input.gridID} in this district.`);
  });
  assertFits(role, grid);
  let person: { personID: string; name: string; phone: string; homeUnit?: string };
  let isNew = false;
  if (input.personID) {
    const found = await PersonEntity.get({ tenantID, personID: input.personID }).go();
    if (!found.data) throw new NotFoundError("person.not_found", `There is no person ${input.personID} in this district.`);
    person = found.data;
    const held = await AssignmentEntity.query.primary({ tenantID, personID: person.personID }).go({ pages: "all" });
    if (held.data.some((item) => item.gridID === grid.gridID && item.roleKey === role.key && (!item.to || item.to >= today())))
      throw new ConflictError("person.already_assigned", `${person.name} already holds ${role.nameZh} on ${grid.code}.`);
  } else {
    person = { personID: newID("person"), ...input.person! };
    isNew = true;
  }
  const assignment = assignmentOf(person, grid, role.key, input);
  // People per role (and in all) are standing counts of the district, read by its dashboard.
  const tally = new Tally().addState(["district"], `people.role.${role.key}`, 1).addState(["district"], accessMetric(role), 1);
  if (isNew) tally.addState(["district"], "people.total", 1);
  await writeTransaction({ assignment: AssignmentEntity, person: PersonEntity, ...Tally.entities }, (ops) => [
    ...(isNew ? [ops.person.create({ tenantID, ...person }).commit()] : []),
    ops.assignment.create(assignment).commit(),
    ...tally.operations(ops),
  ]).go();
  return toAssignment(assignment);
});

/** At most this many people in one `assignMany`: one transaction with their counts. */
export const ASSIGN_MANY_MAX = 40;

export const AssignManyInput = z
  .array(
    z.object({
      gridID: z.string().max(80),
      roleKey: z.string().max(40),
      from: Day.optional(),
      to: Day.optional(),
      person: NewPerson,
    }),
  )
  .min(1)
  .max(ASSIGN_MANY_MAX);

/**
 * Puts new people on grids at once (a district's workforce from its roster): the rules of
 * `assign` for each, all of them and their counts in one transaction.
 */
export const assignMany = fn(AssignManyInput, async (inputs) => {
  assertRole("district_admin");
  const tenantID = useTenant();
  const config = await Config.get();
  const gridIDs = [...new Set(inputs.map((input) => input.gridID))];
  const grids = new Map(
    (await GridEntity.get(gridIDs.map((gridID) => ({ tenantID, gridID }))).go()).data.map((grid) => [grid.gridID, grid]),
  );
  const tally = new Tally().addState(["district"], "people.total", inputs.length);
  const rows = inputs.map((input, index) => {
    const role = roleOf(config, input.roleKey, `${index}.roleKey`);
    const grid = grids.get(input.gridID);
    if (!grid) throw new NotFoundError("grid.not_found", `There is no grid ${input.gridID} in this district.`);
    assertFits(role, { ...grid, tier: grid.tierKey === "dedicated" ? null : Number(grid.tierKey) }, `${index}.`);
    tally.addState(["district"], `people.role.${role.key}`, 1).addState(["district"], accessMetric(role), 1);
    const person = { personID: newID("person"), ...input.person };
    const assignment = assignmentOf(person, grid, role.key, input);
    return { person, assignment };
  });
  await writeTransaction({ assignment: AssignmentEntity, person: PersonEntity, ...Tally.entities }, (ops) => [
    ...rows.flatMap(({ person, assignment }) => [
      ops.person.create({ tenantID, ...person }).commit(),
      ops.assignment.create(assignment).commit(),
    ]),
    ...tally.operations(ops),
  ])
    .go()
    .then((result) => {
      if (result.canceled) throw new ConflictError("person.changed", "The people could not be added at once; try again.");
    });
  return rows.map(({ assignment }) => toAssignment(assignment));
});

export const ListInput = PageInput.extend({
  gridID: z.string().max(80).optional(),
  personID: z.string().max(80).optional(),
  roleKey: z.string().max(40).optional(),
}).refine((input) => [input.gridID, input.personID, input.roleKey].filter(Boolean).length <= 1, {
  message: "filter by one of gridID, personID or roleKey",
  path: ["gridID"],
});

/**
 * The people of a grid with their roles, the grids of a person, or everyone in a role: one query a
 * page. Grid workers and leaders read whole phone numbers only on their own grid and below.
 */
export const list = fn(ListInput, async (input) => {
  const tenantID = useTenant();
  const query = input.gridID
    ? AssignmentEntity.query.byGrid({ tenantID, gridID: input.gridID })
    : input.roleKey
      ? AssignmentEntity.query.byRole({ tenantID, roleKey: input.roleKey })
      : input.personID
        ? AssignmentEntity.query.primary({ tenantID, personID: input.personID })
        : AssignmentEntity.query.primary({ tenantID });
  const result = await page(query, input);
  // Whole phones for those whose role needs them, within their grid scope: a caller bound to a grid
  // (inGridScope([]) is false) has the listed grid's path read; anyone else lists in one request.
  const whole = seesPhones() && (inGridScope([]) || (input.gridID !== undefined && inGridScope(await gridPathOf(input.gridID))));
  return { items: result.items.map((item) => toAssignment(item, whole)), cursor: result.cursor };
});

export { PersonEntity, AssignmentEntity };
export { GridDuty, MAX_GRID_ASSIGNMENTS, onDuty, OnDutyInput, OnDutyPerson } from "./duty.ts";
