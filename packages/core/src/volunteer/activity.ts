import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useTenant } from "../actor.ts";
import { requireMechanism } from "../config/index.ts";
import { NotFoundError } from "../error.ts";
import { placeOfGrid } from "../grid/place.ts";
import { gridScopes, Tally } from "../counter/tally.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { Day, Month } from "../util/schemas.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal } from "../util/record.ts";
import { VolunteerActivityEntity, VolunteerTeamEntity } from "./volunteer.entity.ts";
import { RECORDERS, atOf, changed, checkKind, notAfterToday, prefixOf } from "./shared.ts";

// ─── activities ─────────────────────────────────────────────────────────────

/** A volunteer activity (志愿服务活动). */
export const Activity = z.object({
  activityID: z.string(),
  kind: z.string(),
  title: z.string(),
  date: z.string(),
  gridID: z.string(),
  gridPath: z.array(z.string()),
  organisers: z.array(z.string()),
  teamIDs: z.array(z.string()),
  served: z.number(),
  createdAt: z.string(),
});
export type Activity = z.infer<typeof Activity>;

/** An activity as stored; callers see it without its keys (and month) and its author. */
type ActivityItem = EntityItem<typeof VolunteerActivityEntity>;
type _Activity = Assert<Equal<Activity, Omit<ActivityItem, "tenantID" | "month" | "gridPathKey" | "createdBy">>>;

const toActivity = (item: ActivityItem): Activity => ({
  activityID: item.activityID,
  kind: item.kind,
  title: item.title,
  date: item.date,
  gridID: item.gridID,
  gridPath: item.gridPath ?? [],
  organisers: item.organisers ?? [],
  teamIDs: item.teamIDs ?? [],
  served: item.served,
  createdAt: item.createdAt,
});

export const CreateActivityInput = z.object({
  /** A key of the district's `governance.activityKinds` (政策宣讲, 家电维修, 健康义诊 …). */
  kind: z.string().min(1).max(40),
  title: z.string().trim().min(2).max(120),
  date: Day,
  gridID: z.string().min(1).max(80),
  /** Organising units (社区, 区卫健局, 国网建阳供电公司 …). */
  organisers: z.array(z.string().trim().min(1).max(80)).min(1).max(20),
  /** Volunteer teams of the district that took part. */
  teamIDs: z.array(z.string().min(1).max(80)).max(10).default([]),
  /** People served (服务群众人次). */
  served: z.number().int().min(0).max(100_000),
});

/** Records an activity held on a grid: counted as held, and its people served added up, in one transaction. */
export const createActivity = fn(CreateActivityInput, async (input) => {
  const config = await requireMechanism("volunteers");
  assertRole(...RECORDERS);
  checkKind(config.governance.activityKinds, input.kind, "kind", "activity kind");
  notAfterToday(input.date, "date");
  const tenantID = useTenant();
  const place = await placeOfGrid(input.gridID);
  const teamIDs = [...new Set(input.teamIDs)];
  if (teamIDs.length) {
    const teams = await VolunteerTeamEntity.get(teamIDs.map((teamID) => ({ tenantID, teamID }))).go();
    const found = new Set(teams.data.map((team) => team.teamID));
    const missing = teamIDs.filter((teamID) => !found.has(teamID));
    if (missing.length)
      throw new NotFoundError("volunteer.team_not_found", `There is no volunteer team ${missing.join(", ")} in this district.`);
  }
  const activityID = newID("activity");
  const activity = {
    tenantID,
    activityID,
    kind: input.kind,
    title: input.title,
    date: input.date,
    month: input.date.slice(0, 7),
    ...place,
    gridPathKey: `${place.gridPath.join("/")}/${input.date}/${activityID}`,
    organisers: input.organisers,
    teamIDs,
    served: input.served,
    createdAt: now().toISOString(),
    createdBy: actorID(),
  };
  const at = atOf(input.date);
  const scopes = gridScopes(place.gridPath);
  const tally = new Tally().add(scopes, at, "activities.held").add(scopes, at, "activities.served", 1, input.served);
  const result = await writeTransaction({ volunteerActivity: VolunteerActivityEntity, ...Tally.entities }, (ops) => [
    ops.volunteerActivity.create(activity).commit(),
    ...tally.operations(ops),
  ]).go();
  if (result.canceled) throw changed();
  return toActivity(activity);
});

export const ListActivitiesInput = PageInput.extend({
  /** A grid's activities with those of every grid below it. */
  gridID: z.string().min(1).max(80).optional(),
  /** One month's activities, newest first. */
  month: Month.optional(),
});

/** Activities of a month (newest first, optionally of a grid and below), of a grid and below, or the latest recorded. */
export const listActivities = fn(ListActivitiesInput, async (input) => {
  await requireMechanism("volunteers");
  const tenantID = useTenant();
  const prefix = input.gridID ? await prefixOf(input.gridID) : undefined;
  let query;
  if (input.month) {
    const base = VolunteerActivityEntity.query.byMonth({ tenantID, month: input.month });
    query = prefix ? base.where((attr, op) => op.begins(attr.gridPathKey, prefix)) : base;
  } else if (prefix) query = VolunteerActivityEntity.query.byGrid({ tenantID }).begins({ gridPathKey: prefix });
  else query = VolunteerActivityEntity.query.primary({ tenantID });
  const result = await page(query, input, input.month || !prefix ? "desc" : "asc");
  return { items: result.items.map(toActivity), cursor: result.cursor };
});
