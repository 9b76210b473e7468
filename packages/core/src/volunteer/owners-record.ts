import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useTenant } from "../actor.ts";
import { requireMechanism } from "../config/index.ts";
import { placeOfGrid } from "../grid/place.ts";
import { gridScopes, Tally } from "../counter/tally.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { Day } from "../util/schemas.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal, Nullable } from "../util/record.ts";
import { OwnersRecordEntity } from "./volunteer.entity.ts";
import { Name, ORGANISERS, atOf, changed, notAfterToday, prefixOf } from "./shared.ts";

// ─── red property management (红色物业) ─────────────────────────────────────

export const OwnersKind = z.enum(["committee_worker", "consultation", "livelihood_project"]);
export type OwnersKind = z.infer<typeof OwnersKind>;
/** 加装电梯, 风扇, 立面改造, other. */
export const ProjectKind = z.enum(["lift", "fans", "facade", "other"]);

export const OwnersRecord = z.object({
  recordID: z.string(),
  kind: OwnersKind,
  gridID: z.string(),
  gridPath: z.array(z.string()),
  /** Since when (a committee worker), held (a consultation), completed (a project). */
  date: z.string(),
  personName: z.string().nullable(),
  estate: z.string().nullable(),
  /** A consultation's topic or a project's title. */
  topic: z.string().nullable(),
  projectKind: ProjectKind.nullable(),
  createdAt: z.string(),
});
export type OwnersRecord = z.infer<typeof OwnersRecord>;

/**
 * A red-property-management record as stored; callers see it without its keys, the person's ID
 * and its author, absent attributes as null.
 */
type OwnersRecordItem = EntityItem<typeof OwnersRecordEntity>;
type _OwnersRecord = Assert<Equal<OwnersRecord, Nullable<Omit<OwnersRecordItem, "tenantID" | "gridPathKey" | "personID" | "createdBy">>>>;

const toOwnersRecord = (item: OwnersRecordItem): OwnersRecord => ({
  recordID: item.recordID,
  kind: item.kind,
  gridID: item.gridID,
  gridPath: item.gridPath ?? [],
  date: item.date,
  personName: item.personName ?? null,
  estate: item.estate ?? null,
  topic: item.topic ?? null,
  projectKind: item.projectKind ?? null,
  createdAt: item.createdAt,
});

const Estate = z.string().trim().min(1).max(60);
export const CreateOwnersRecordInput = z.discriminatedUnion("kind", [
  /** A grid worker elected to an estate's owners' committee (网格员进业委会), since `date`. */
  z.object({
    kind: z.literal("committee_worker"),
    gridID: z.string().min(1).max(80),
    date: Day,
    personName: Name,
    personID: z.string().max(80).optional(),
    estate: Estate,
  }),
  /** A consultation held (协商议事). */
  z.object({
    kind: z.literal("consultation"),
    gridID: z.string().min(1).max(80),
    date: Day,
    topic: z.string().trim().min(2).max(120),
    estate: Estate.optional(),
  }),
  /** A livelihood project completed (民生项目: 加装电梯, 风扇, 立面改造 …). */
  z.object({
    kind: z.literal("livelihood_project"),
    gridID: z.string().min(1).max(80),
    date: Day,
    projectKind: ProjectKind,
    topic: z.string().trim().min(2).max(120),
    estate: Estate.optional(),
  }),
]);
export type CreateOwnersRecordInput = z.input<typeof CreateOwnersRecordInput>;

export const ownersMetric: Record<OwnersKind, string> = {
  committee_worker: "owners.committeeWorkers",
  consultation: "owners.consultations",
  livelihood_project: "owners.livelihoodProjects",
};

/** Records a red-property-management item on a grid, counted in the same transaction. */
export const createOwnersRecord = fn(CreateOwnersRecordInput, async (input) => {
  await requireMechanism("volunteers");
  assertRole(...ORGANISERS);
  notAfterToday(input.date, "date");
  const tenantID = useTenant();
  const place = await placeOfGrid(input.gridID);
  const recordID = newID("owners");
  const record = {
    tenantID,
    recordID,
    ...input,
    ...place,
    gridPathKey: `${place.gridPath.join("/")}/${recordID}`,
    createdAt: now().toISOString(),
    createdBy: actorID(),
  };
  const tally = new Tally().add(gridScopes(place.gridPath), atOf(input.date), ownersMetric[input.kind]);
  const result = await writeTransaction({ ownersRecord: OwnersRecordEntity, ...Tally.entities }, (ops) => [
    ops.ownersRecord.create(record).commit(),
    ...tally.operations(ops),
  ]).go();
  if (result.canceled) throw changed();
  return toOwnersRecord(record);
});

export const ListOwnersRecordsInput = PageInput.extend({ kind: OwnersKind, gridID: z.string().min(1).max(80).optional() });

/** One kind of red-property-management record, newest first, optionally of a grid and below. */
export const listOwnersRecords = fn(ListOwnersRecordsInput, async (input) => {
  await requireMechanism("volunteers");
  const tenantID = useTenant();
  const prefix = input.gridID ? await prefixOf(input.gridID) : undefined;
  const base = OwnersRecordEntity.query.byKind({ tenantID, kind: input.kind });
  const query = prefix ? base.where((attr, op) => op.begins(attr.gridPathKey, prefix)) : base;
  const result = await page(query, input, "desc");
  return { items: result.items.map(toOwnersRecord), cursor: result.cursor };
});
