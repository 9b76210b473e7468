import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useTenant } from "../actor.ts";
import { requireMechanism } from "../config/index.ts";
import { ConflictError, InputError, NotFoundError } from "../error.ts";
import { compareTallies, ExpectedTallies } from "../counter/recount.ts";
import { gridScopes, readTallies, Tally } from "../counter/tally.ts";
import { NeedItem, NeedItemEntity, NeedOutcome, newNeedItem } from "../need/index.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal, Nullable } from "../util/record.ts";
import { pathPrefix, placeOfGrid } from "../grid/place.ts";
import { MeetingEntity } from "./meeting.entity.ts";

export { MeetingEntity };

/** A meeting as callers see it. */
export const Meeting = z.object({
  meetingID: z.string(),
  typeKey: z.string(),
  gridID: z.string(),
  gridPath: z.array(z.string()),
  scheduledAt: z.string(),
  place: z.string(),
  topic: z.string(),
  status: z.enum(["scheduled", "held"]),
  heldAt: z.string().nullable(),
  attendanceCount: z.number().nullable(),
  attendees: z.array(z.string()),
  minutes: z.string().nullable(),
  outcomeItemIDs: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

/** A meeting as stored. */
type MeetingItem = EntityItem<typeof MeetingEntity>;

/** What callers see of it: without its keys and last update, an absent attribute as null, an absent list as empty. */
type MeetingView = Nullable<Omit<MeetingItem, "tenantID" | "gridPathKey" | "updatedAt" | "attendees" | "outcomeItemIDs">> &
  Required<Pick<MeetingItem, "attendees" | "outcomeItemIDs">>;
type _Meeting = Assert<Equal<Meeting, MeetingView>>;

function toMeeting(item: MeetingItem): Meeting {
  return {
    meetingID: item.meetingID,
    typeKey: item.typeKey,
    gridID: item.gridID,
    gridPath: item.gridPath,
    scheduledAt: item.scheduledAt,
    place: item.place,
    topic: item.topic,
    status: item.status,
    heldAt: item.heldAt ?? null,
    attendanceCount: item.attendanceCount ?? null,
    attendees: item.attendees ?? [],
    minutes: item.minutes ?? null,
    outcomeItemIDs: item.outcomeItemIDs ?? [],
    createdBy: item.createdBy,
    createdAt: item.createdAt,
  };
}

/** Who organises meetings: district admins, grid leaders, grid workers. */
const organisers = ["district_admin", "grid_leader", "grid_worker"] as const;

export const CreateMeetingInput = z.object({
  /** One of the district's meeting types (`config.governance.meetingTypes`). */
  typeKey: z.string().max(40),
  gridID: z.string().max(80),
  scheduledAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().min(2).max(120),
  topic: z.string().trim().min(2).max(200),
});

/** Schedules a meeting of one of the district's types on a grid. */
export const createMeeting = fn(CreateMeetingInput, async (input) => {
  const config = await requireMechanism("meetings");
  assertRole(...organisers);
  const types = config.governance.meetingTypes;
  if (!types.some((type) => type.key === input.typeKey))
    throw new InputError("meeting.unknown_type", `There is no meeting type "${input.typeKey}" in this district.`, [
      { path: "typeKey", message: `one of ${types.map((type) => type.key).join(", ")}` },
    ]);
  const place = await placeOfGrid(input.gridID);
  const at = now().toISOString();
  const meetingID = newID("meeting");
  const item = {
    tenantID: useTenant(),
    meetingID,
    typeKey: input.typeKey,
    gridID: place.gridID,
    gridPath: place.gridPath,
    gridPathKey: `${pathPrefix(place)}${meetingID}`,
    scheduledAt: new Date(input.scheduledAt).toISOString(),
    place: input.place,
    topic: input.topic,
    status: "scheduled" as const,
    createdBy: actorID(),
    createdAt: at,
    updatedAt: at,
  };
  const tally = new Tally().add(gridScopes(place.gridPath), at, "meetings.scheduled");
  const result = await writeTransaction({ meeting: MeetingEntity, ...Tally.entities }, (ops) => [
    ops.meeting.create(item).commit(),
    ...tally.operations(ops),
  ]).go();
  if (result.canceled) throw new ConflictError("meeting.not_created", "The meeting could not be saved; try again.");
  return toMeeting(item);
});

/** Outcomes per record: their items and counters share the meeting's one transaction (at most 100 writes). */
export const MAX_OUTCOMES = 20;

const OutcomeFields = z.object({
  minutes: z.string().trim().min(2, "write the minutes").max(10_000),
  attendanceCount: z.number().int().min(0).max(100_000).optional(),
  attendees: z.array(z.string().trim().min(1).max(40)).max(500).default([]),
  /** Each becomes an item of the grid's problem list or project list. */
  outcomes: z.array(NeedOutcome).max(MAX_OUTCOMES).default([]),
});
function outcomeRules<T extends z.ZodType<z.output<typeof OutcomeFields>>>(schema: T) {
  return schema
    .refine((input) => input.attendanceCount !== undefined || input.attendees.length > 0, {
      message: "give the number of people who came, or their names",
      path: ["attendanceCount"],
    })
    .refine((input) => input.attendanceCount === undefined || input.attendanceCount >= input.attendees.length, {
      message: "fewer than the names given",
      path: ["attendanceCount"],
    });
}
/** The request body (the meeting comes from the path). */
export const RecordOutcomeBody = outcomeRules(OutcomeFields);
export const RecordOutcomeInput = outcomeRules(OutcomeFields.extend({ meetingID: z.string().max(80) }));

/**
 * Records that a meeting was held — attendance, minutes — and turns its outcomes into needs
 * items, all in one transaction with the counters. A meeting is recorded once (again: 409).
 */
export const recordMeetingOutcome = fn(RecordOutcomeInput, async (input) => {
  await requireMechanism("meetings");
  assertRole(...organisers);
  if (input.outcomes.length) await requireMechanism("needsLists");
  const tenantID = useTenant();
  const result = await MeetingEntity.get({ tenantID, meetingID: input.meetingID }).go();
  if (!result.data) throw new NotFoundError("meeting.not_found", `There is no meeting ${input.meetingID} in this district.`);
  const meeting = toMeeting(result.data);
  const recorded = () => new ConflictError("meeting.recorded", "This meeting's outcome has been recorded already.");
  if (meeting.status !== "scheduled") throw recorded();
  const place = { gridID: meeting.gridID, gridPath: meeting.gridPath };
  const at = now().toISOString();
  const attendance = input.attendanceCount ?? input.attendees.length;
  const scopes = gridScopes(meeting.gridPath);
  const tally = new Tally()
    .add(scopes, at, "meetings.held")
    .add(scopes, at, "meetings.attendance", 1, attendance)
    .add(scopes, at, `meetings.${meeting.typeKey}`);
  const items = input.outcomes.map((outcome) => newNeedItem(place, outcome, { meetingID: meeting.meetingID }, tally));
  if (1 + items.length + tally.size > 100)
    throw new InputError("meeting.too_many_outcomes", "Too many outcomes to record at once for this grid; record fewer.", [
      { path: "outcomes", message: "too many" },
    ]);
  const outcomeItemIDs = items.map((item) => item.itemID);
  const written = await writeTransaction({ meeting: MeetingEntity, needItem: NeedItemEntity, ...Tally.entities }, (ops) => [
    ops.meeting
      .patch({ tenantID, meetingID: meeting.meetingID })
      .set({
        status: "held",
        heldAt: at,
        attendanceCount: attendance,
        attendees: input.attendees,
        minutes: input.minutes,
        outcomeItemIDs,
        updatedAt: at,
      })
      .where((attr, op) => op.eq(attr.status, "scheduled"))
      .commit(),
    ...items.map((item) => ops.needItem.create(item).commit()),
    ...tally.operations(ops),
  ]).go();
  if (written.canceled) throw recorded();
  return {
    meeting: toMeeting({
      ...result.data,
      status: "held",
      heldAt: at,
      attendanceCount: attendance,
      attendees: input.attendees,
      minutes: input.minutes,
      outcomeItemIDs,
    }),
    items: items.map((item) =>
      NeedItem.parse({
        ...item,
        description: item.description ?? null,
        meetingID: item.meetingID ?? null,
        claimantID: null,
        claimantName: null,
        claimantUnit: null,
        claimedAt: null,
        closedBy: null,
        closedAt: null,
        closeNote: null,
        confirmedAt: null,
      }),
    ),
  };
});

/** A meeting with the needs items its outcomes became. */
export const getMeeting = fn(z.string().max(80), async (meetingID) => {
  await requireMechanism("meetings");
  const tenantID = useTenant();
  const result = await MeetingEntity.get({ tenantID, meetingID }).go();
  if (!result.data) throw new NotFoundError("meeting.not_found", `There is no meeting ${meetingID} in this district.`);
  const meeting = toMeeting(result.data);
  const items = meeting.outcomeItemIDs.length
    ? (await NeedItemEntity.get(meeting.outcomeItemIDs.map((itemID) => ({ tenantID, itemID }))).go()).data
    : [];
  const byID = new Map(items.map((item) => [item.itemID, item]));
  return {
    meeting,
    items: meeting.outcomeItemIDs
      .map((id) => byID.get(id))
      .filter(Boolean)
      .map((item) => ({ itemID: item!.itemID, kind: item!.kind, title: item!.title, status: item!.status })),
  };
});

export const ListMeetingsInput = PageInput.extend({
  /** A grid's meetings with its descendants'; without it the district's schedule by time. */
  gridID: z.string().max(80).optional(),
  status: z.enum(["scheduled", "held"]).optional(),
  typeKey: z.string().max(40).optional(),
  /** The schedule from this time on (district schedule only). */
  from: z.iso.datetime({ offset: true }).optional(),
});

/** The schedule (soonest first) or a grid's meetings; status and type filter the same query. */
export const listMeetings = fn(ListMeetingsInput, async (input) => {
  await requireMechanism("meetings");
  const tenantID = useTenant();
  let query;
  if (input.gridID) query = MeetingEntity.query.byGrid({ tenantID }).begins({ gridPathKey: pathPrefix(await placeOfGrid(input.gridID)) });
  else {
    const base = MeetingEntity.query.bySchedule({ tenantID });
    query = input.from ? base.gte({ scheduledAt: new Date(input.from).toISOString() }) : base;
  }
  const filtered = query.where((attr, op) =>
    [input.status ? op.eq(attr.status, input.status) : "", input.typeKey ? op.eq(attr.typeKey, input.typeKey) : ""]
      .filter(Boolean)
      .join(" AND "),
  );
  const result = await page(filtered, input, input.gridID ? "desc" : "asc");
  return { items: result.items.map(toMeeting), cursor: result.cursor };
});

/** Meetings held, attendance and per type, of a grid (with its descendants) or the district: one read. */
export const meetingStats = fn(
  z.object({
    gridID: z.string().max(80).optional(),
    period: z
      .string()
      .regex(/^(all|\d{4}(-\d{2})?)$/)
      .default("all"),
  }),
  async (input) => {
    const config = await requireMechanism("meetings");
    const scope = input.gridID ? `grid:${(await placeOfGrid(input.gridID)).gridID}` : "district";
    const tallies = await readTallies(scope, input.period);
    return {
      scheduled: tallies["meetings.scheduled"]?.count ?? 0,
      held: tallies["meetings.held"]?.count ?? 0,
      attendance: tallies["meetings.attendance"]?.sum ?? 0,
      byType: Object.fromEntries(config.governance.meetingTypes.map((type) => [type.key, tallies[`meetings.${type.key}`]?.count ?? 0])),
    };
  },
);

/**
 * Rebuilds the `meetings.*` counters from the district's meetings, the way the steps above add
 * them: scheduled when created; held, attendance (its sum) and the meeting's type when its
 * outcome was recorded. (The needs items its outcomes became count in `needs.*`: see
 * `Need.recount`.) Returns the drift; with `repair`, writes the recounted values.
 */
export async function recount(options: { repair?: boolean } = {}) {
  const expected = new ExpectedTallies();
  const meetings = await MeetingEntity.query.bySchedule({ tenantID: useTenant() }).go({ pages: "all" });
  for (const meeting of meetings.data) {
    const scopes = gridScopes(meeting.gridPath);
    expected.add(scopes, meeting.createdAt, "meetings.scheduled");
    if (meeting.status === "held" && meeting.heldAt)
      expected
        .add(scopes, meeting.heldAt, "meetings.held")
        .add(scopes, meeting.heldAt, "meetings.attendance", 1, meeting.attendanceCount ?? 0)
        .add(scopes, meeting.heldAt, `meetings.${meeting.typeKey}`);
  }
  return compareTallies(expected, ["meetings."], options);
}
