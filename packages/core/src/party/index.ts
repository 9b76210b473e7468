import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useTenant } from "../actor.ts";
import { InputError, NotFoundError } from "../error.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { Tally } from "../counter/tally.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal, Nullable } from "../util/record.ts";
import { PartyOrgEntity, PartyRecordEntity } from "./party.entity.ts";

/** The chain from the top down; each kind hangs under the one before it. */
export const OrgKind = z.enum(["community_committee", "grid_branch", "building_group", "central_household"]);
export type OrgKind = z.infer<typeof OrgKind>;
const chain = OrgKind.options;

export const PartyOrg = z.object({
  orgID: z.string(),
  kind: OrgKind,
  name: z.string(),
  parentOrgID: z.string().nullable(),
  path: z.array(z.string()),
  gridIDs: z.array(z.string()),
  headName: z.string().nullable(),
  headTitle: z.string().nullable(),
  members: z.number().nullable(),
  createdAt: z.string(),
});
export type PartyOrg = z.infer<typeof PartyOrg>;

/** A link of the chain as stored. */
type PartyOrgItem = EntityItem<typeof PartyOrgEntity>;

/** What callers see of it: without the tenant and its author, absent attributes as null; a chain's head (`root`) has a null parent. */
type PartyOrgView = Nullable<Omit<PartyOrgItem, "tenantID" | "createdBy" | "parentOrgID">> & { parentOrgID: string | null };
type _PartyOrg = Assert<Equal<PartyOrg, PartyOrgView>>;

function toOrg(item: PartyOrgItem): PartyOrg {
  return {
    orgID: item.orgID,
    kind: item.kind,
    name: item.name,
    parentOrgID: item.parentOrgID === "root" ? null : item.parentOrgID,
    path: item.path ?? [],
    gridIDs: item.gridIDs ?? [],
    headName: item.headName ?? null,
    headTitle: item.headTitle ?? null,
    members: item.members ?? null,
    createdAt: item.createdAt,
  };
}

async function load(orgID: string) {
  const result = await PartyOrgEntity.get({ tenantID: useTenant(), orgID }).go();
  if (!result.data) throw new NotFoundError("party.not_found", `There is no party organisation ${orgID} in this district.`);
  return toOrg(result.data);
}

export const CreateOrgInput = z.object({
  kind: OrgKind,
  name: z.string().trim().min(1).max(60),
  parentOrgID: z.string().optional(),
  /** The grid(s) it serves. */
  gridIDs: z.array(z.string()).min(1).max(50),
  headName: z.string().trim().max(40).optional(),
  headTitle: z.string().trim().max(40).optional(),
  members: z.number().int().min(0).max(100_000).optional(),
});

/** Adds a link to the chain: under the kind above it, serving grids of this district. */
export const createOrg = fn(CreateOrgInput, async (input) => {
  assertRole("district_admin");
  const tenantID = useTenant();
  const level = chain.indexOf(input.kind);
  let parent: PartyOrg | null = null;
  if (level === 0) {
    if (input.parentOrgID)
      throw new InputError("party.parent", "A community committee heads its chain: it has no parent.", [
        { path: "parentOrgID", message: "must be empty" },
      ]);
  } else {
    if (!input.parentOrgID)
      throw new InputError("party.parent", `A ${input.kind} hangs under a ${chain[level - 1]}.`, [
        { path: "parentOrgID", message: "required" },
      ]);
    parent = await load(input.parentOrgID);
    if (parent.kind !== chain[level - 1])
      throw new InputError("party.parent", `A ${input.kind} hangs under a ${chain[level - 1]}, not a ${parent.kind}.`, [
        { path: "parentOrgID", message: "wrong kind" },
      ]);
  }
  const grids = await GridEntity.get(input.gridIDs.map((gridID) => ({ tenantID, gridID }))).go();
  const found = new Set(grids.data.filter((grid) => grid.status === "active").map((grid) => grid.gridID));
  const missing = input.gridIDs.filter((gridID) => !found.has(gridID));
  if (missing.length) throw new NotFoundError("grid.not_found", `No active grid ${missing.join(", ")} in this district.`);
  const item = {
    tenantID,
    orgID: newID("org"),
    kind: input.kind,
    name: input.name,
    parentOrgID: parent?.orgID ?? "root",
    path: parent ? [...parent.path, parent.orgID] : [],
    gridIDs: input.gridIDs,
    headName: input.headName,
    headTitle: input.headTitle,
    members: input.members,
    createdBy: actorID(),
  };
  const created = await PartyOrgEntity.create(item).go();
  return toOrg(created.data);
});

/** A link with its chain above it and the links directly under it. */
export const getOrg = fn(z.string(), async (orgID) => {
  const org = await load(orgID);
  const tenantID = useTenant();
  const [above, below] = await Promise.all([
    org.path.length ? PartyOrgEntity.get(org.path.map((id) => ({ tenantID, orgID: id }))).go() : Promise.resolve({ data: [] }),
    PartyOrgEntity.query.byParent({ tenantID, parentOrgID: org.orgID }).go({ pages: "all" }),
  ]);
  const byID = new Map(above.data.map((item) => [item.orgID, toOrg(item)]));
  return { org, chain: org.path.map((id) => byID.get(id)).filter(Boolean) as PartyOrg[], children: below.data.map(toOrg) };
});

export const ListOrgsInput = PageInput.extend({ parentOrgID: z.string().default("root") });

export const listOrgs = fn(ListOrgsInput, async (input) => {
  const result = await page(PartyOrgEntity.query.byParent({ tenantID: useTenant(), parentOrgID: input.parentOrgID }), input);
  return { items: result.items.map(toOrg), cursor: result.cursor };
});

export const RecordKind = z.enum(["joint_meeting", "co_building_project"]);
export const PartyRecord = z.object({
  recordID: z.string(),
  orgID: z.string(),
  kind: RecordKind,
  title: z.string(),
  date: z.string(),
  units: z.array(z.string()),
  status: z.enum(["held", "claimed", "done"]),
  notes: z.string().nullable(),
});
export type PartyRecord = z.infer<typeof PartyRecord>;

/** A party record as stored. */
type PartyRecordItem = EntityItem<typeof PartyRecordEntity>;

/** What callers see of it: without the tenant and its authorship, absent notes as null. */
type PartyRecordView = Nullable<Omit<PartyRecordItem, "tenantID" | "createdAt" | "createdBy">>;
type _PartyRecord = Assert<Equal<PartyRecord, PartyRecordView>>;

const toRecord = (item: PartyRecordItem): PartyRecord => PartyRecord.parse({ ...item, notes: item.notes ?? null });

export const CreateRecordInput = z
  .object({
    orgID: z.string(),
    kind: RecordKind,
    title: z.string().trim().min(1).max(120),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD"),
    units: z.array(z.string().trim().min(1).max(80)).min(1).max(30),
    status: z.enum(["held", "claimed", "done"]).optional(),
    notes: z.string().max(2000).optional(),
  })
  .refine((input) => !input.status || (input.kind === "joint_meeting") === (input.status === "held"), {
    message: "a meeting is held; a project is claimed or done",
    path: ["status"],
  });

/** The counter a record adds to: 党建联席会 held, 共建项目 claimed. */
export const partyMetric = { joint_meeting: "party.jointMeetings", co_building_project: "party.coBuildingProjects" } as const;

/** Records a joint party-building meeting (党建联席会) or a co-building project claimed by units (共建项目). */
export const createRecord = fn(CreateRecordInput, async (input) => {
  assertRole("district_admin", "grid_leader");
  await load(input.orgID);
  const item = {
    tenantID: useTenant(),
    recordID: newID("record"),
    ...input,
    status: input.status ?? (input.kind === "joint_meeting" ? ("held" as const) : ("claimed" as const)),
    createdBy: actorID(),
  };
  const tally = new Tally().add(["district", `org:${input.orgID}`], `${input.date}T04:00:00Z`, partyMetric[input.kind]);
  await writeTransaction({ partyRecord: PartyRecordEntity, ...Tally.entities }, (ops) => [
    ops.partyRecord.create(item).commit(),
    ...tally.operations(ops),
  ]).go();
  return PartyRecord.parse({ ...item, notes: item.notes ?? null });
});

export const ListRecordsInput = PageInput.extend({ orgID: z.string().optional(), kind: RecordKind.optional() }).refine(
  (input) => !(input.orgID && input.kind),
  { message: "filter by orgID or kind", path: ["orgID"] },
);

export const listRecords = fn(ListRecordsInput, async (input) => {
  const tenantID = useTenant();
  const query = input.orgID
    ? PartyRecordEntity.query.byOrg({ tenantID, orgID: input.orgID })
    : input.kind
      ? PartyRecordEntity.query.byKind({ tenantID, kind: input.kind })
      : PartyRecordEntity.query.primary({ tenantID });
  const result = await page(query, input);
  return { items: result.items.map(toRecord), cursor: result.cursor };
});

export { PartyOrgEntity, PartyRecordEntity };
