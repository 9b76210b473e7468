import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useActor, useTenant, type DistrictRole } from "../actor.ts";
import type { NamedKind } from "../config/index.ts";
import { requireMechanism } from "../config/index.ts";
import { ConflictError, InputError, NotFoundError } from "../error.ts";
import { pathPrefix, placeOfGrid } from "../grid/place.ts";
import { compareTallies, ExpectedTallies } from "../counter/recount.ts";
import { MetricCounterEntity } from "../counter/metric-counter.entity.ts";
import { gridScopes, Tally } from "../counter/tally.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { maskPhone } from "../user/index.ts";
import { Day, Month, Phone } from "../util/schemas.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal, Nullable } from "../util/record.ts";
import { OwnersRecordEntity, VolunteerActivityEntity, VolunteerMemberEntity, VolunteerProblemEntity, VolunteerTeamEntity } from "./volunteer.entity.ts";

export { OwnersRecordEntity, VolunteerActivityEntity, VolunteerMemberEntity, VolunteerProblemEntity, VolunteerTeamEntity };

/**
 * Volunteers and activities (志愿服务 "1+X", 零距离服务, 多元化治理): volunteer teams with their
 * members and the problems they solve, volunteer activities and the people they serve, and "red
 * property management" (红色物业): grid workers on owners' committees, consultations held and
 * livelihood projects completed. Every write counts itself in the mechanism counters
 * (`volunteers.*`, `activities.*`, `owners.*`) in its own transaction.
 */

const Name = z.string().trim().min(1).max(40);

/** Who may set up teams, their members and the owners'-committee records. */
const ORGANISERS: DistrictRole[] = ["district_admin", "grid_leader"];
/** Who may also record activities and problems solved: grid workers run them on their grids. */
const RECORDERS: DistrictRole[] = ["district_admin", "grid_leader", "grid_worker"];

/** Staff who call volunteers need whole phone numbers; everyone else sees 138****5678. */
function seesPhones(): boolean {
  const actor = useActor();
  if (actor.type === "system") return true;
  return actor.type === "user" && actor.roles.some((role) => ["district_admin", "grid_leader", "grid_worker"].includes(role));
}

/** Today in China Standard Time (YYYY-MM-DD). */
function today(): string {
  return new Date(now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The moment a dated record counts at: noon of its day, China Standard Time. */
function atOf(date: string): string {
  return new Date(`${date}T12:00:00+08:00`).toISOString();
}

function notAfterToday(date: string, path: string) {
  if (date > today()) throw new InputError("volunteer.future_date", `${date} has not come yet; record what has happened.`, [{ path, message: "in the future" }]);
}

function checkKind(kinds: NamedKind[], key: string, path: string, what: string) {
  if (!kinds.some((kind) => kind.key === key))
    throw new InputError("volunteer.unknown_kind", `There is no ${what} "${key}" in this district.`, [
      { path, message: `one of ${kinds.map((kind) => kind.key).join(", ")}` },
    ]);
}

/** The key prefix of a grid and everything below it. */
const prefixOf = async (gridID: string) => pathPrefix(await placeOfGrid(gridID));

/** A transaction that lost a race (a counter or the team written at the same time): nothing was written. */
const changed = () => new ConflictError("volunteer.changed", "Someone else wrote to the same records at the same time; nothing was saved, try again.");

// ─── teams ──────────────────────────────────────────────────────────────────

/** A volunteer team (志愿服务队) as callers see it; the leader's phone is masked unless the caller's role needs it. */
export const VolunteerTeam = z.object({
  teamID: z.string(),
  kind: z.string(),
  name: z.string(),
  gridID: z.string(),
  gridPath: z.array(z.string()),
  leaderName: z.string(),
  leaderPhone: z.string().nullable(),
  memberCount: z.number(),
  problemsSolved: z.number(),
  createdAt: z.string(),
});
export type VolunteerTeam = z.infer<typeof VolunteerTeam>;

export const VolunteerMember = z.object({
  memberID: z.string(),
  teamID: z.string(),
  name: z.string(),
  phone: z.string(),
  joinedAt: z.string(),
});
export type VolunteerMember = z.infer<typeof VolunteerMember>;

/** A team and a member as stored. */
type TeamItem = EntityItem<typeof VolunteerTeamEntity>;
type MemberItem = EntityItem<typeof VolunteerMemberEntity>;

/** What callers see of a team: without its keys and author, an absent leader's phone as null (masked by `toTeam`). */
type _VolunteerTeam = Assert<Equal<VolunteerTeam, Nullable<Omit<TeamItem, "tenantID" | "gridPathKey" | "createdBy">>>>;
/** What callers see of a member: without the tenant and who added or removed them (the phone masked by `toMember`). */
type _VolunteerMember = Assert<Equal<VolunteerMember, Omit<MemberItem, "tenantID" | "addedBy" | "removedAt" | "removedBy">>>;

function toTeam(item: TeamItem, whole = seesPhones()): VolunteerTeam {
  return {
    teamID: item.teamID,
    kind: item.kind,
    name: item.name,
    gridID: item.gridID,
    gridPath: item.gridPath ?? [],
    leaderName: item.leaderName,
    leaderPhone: item.leaderPhone ? (whole ? item.leaderPhone : maskPhone(item.leaderPhone)) : null,
    memberCount: item.memberCount ?? 0,
    problemsSolved: item.problemsSolved ?? 0,
    createdAt: item.createdAt,
  };
}

function toMember(item: MemberItem, whole = seesPhones()): VolunteerMember {
  return { memberID: item.memberID, teamID: item.teamID, name: item.name, phone: whole ? item.phone : maskPhone(item.phone), joinedAt: item.joinedAt };
}

async function loadTeam(teamID: string): Promise<VolunteerTeam> {
  const result = await VolunteerTeamEntity.get({ tenantID: useTenant(), teamID }).go();
  if (!result.data) throw new NotFoundError("volunteer.team_not_found", `There is no volunteer team ${teamID} in this district.`);
  return toTeam(result.data, true);
}

const MemberInput = z.object({ name: Name, phone: Phone });

export const CreateTeamInput = z.object({
  /** A key of the district's `governance.volunteerTeamKinds` (宣传, 环境整治, 治安巡逻, 调解 …). */
  kind: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(60),
  gridID: z.string().min(1).max(80),
  leaderName: Name,
  leaderPhone: Phone.optional(),
  /** Members joining with the team (more are added one by one). */
  members: z.array(MemberInput).max(40).default([]),
});

/** Sets up a volunteer team on a grid, with its first members: one transaction, counted. */
export const createTeam = fn(CreateTeamInput, async (input) => {
  const config = await requireMechanism("volunteers");
  assertRole(...ORGANISERS);
  checkKind(config.governance.volunteerTeamKinds, input.kind, "kind", "volunteer team kind");
  const tenantID = useTenant();
  const place = await placeOfGrid(input.gridID);
  const at = now().toISOString();
  const teamID = newID("team");
  const by = actorID();
  const team = {
    tenantID,
    teamID,
    kind: input.kind,
    name: input.name,
    ...place,
    gridPathKey: `${place.gridPath.join("/")}/${teamID}`,
    leaderName: input.leaderName,
    leaderPhone: input.leaderPhone,
    memberCount: input.members.length,
    problemsSolved: 0,
    createdAt: at,
    createdBy: by,
  };
  const members = input.members.map((member) => ({ tenantID, teamID, memberID: newID("member"), ...member, joinedAt: at, addedBy: by }));
  const tally = new Tally().add(gridScopes(place.gridPath), at, "volunteers.teams");
  if (members.length) tally.add([...gridScopes(place.gridPath), `team:${teamID}`], at, "volunteers.members", members.length);
  const result = await writeTransaction({ volunteerMember: VolunteerMemberEntity, volunteerTeam: VolunteerTeamEntity, ...Tally.entities }, (ops) => [
      ops.volunteerTeam.create(team).commit(),
      ...members.map((member) => ops.volunteerMember.create(member).commit()),
      ...tally.operations(ops),
    ])
    .go();
  if (result.canceled) throw changed();
  return toTeam(team);
});

export const ListTeamsInput = PageInput.extend({
  /** A grid's teams with the teams of every grid below it. */
  gridID: z.string().min(1).max(80).optional(),
  kind: z.string().min(1).max(40).optional(),
});

/** Teams of the district, of a grid and below, or of a kind (with their member counts): one query a page. */
export const listTeams = fn(ListTeamsInput, async (input) => {
  await requireMechanism("volunteers");
  const tenantID = useTenant();
  const prefix = input.gridID ? await prefixOf(input.gridID) : undefined;
  const base = input.kind ? VolunteerTeamEntity.query.byKind({ tenantID, kind: input.kind }) : VolunteerTeamEntity.query.byGrid({ tenantID });
  const query = prefix ? base.begins({ gridPathKey: prefix }) : base;
  const result = await page(query, input);
  const whole = seesPhones();
  return { items: result.items.map((item) => toTeam(item, whole)), cursor: result.cursor };
});

/** A team with its members. */
export const getTeam = fn(z.string().min(1).max(80), async (teamID) => {
  await requireMechanism("volunteers");
  const team = await loadTeam(teamID);
  const members = await VolunteerMemberEntity.query.primary({ tenantID: useTenant(), teamID }).go({ pages: "all" });
  const whole = seesPhones();
  return { team: whole ? team : { ...team, leaderPhone: team.leaderPhone ? maskPhone(team.leaderPhone) : null }, members: members.data.filter((item) => !item.removedAt).map((item) => toMember(item, whole)) };
});

export const AddMemberInput = MemberInput.extend({ teamID: z.string().min(1).max(80) });

/** Adds a member to a team; the team's member count and the counters move in the same transaction. */
export const addMember = fn(AddMemberInput, async (input) => {
  await requireMechanism("volunteers");
  assertRole(...ORGANISERS);
  const tenantID = useTenant();
  const team = await loadTeam(input.teamID);
  const at = now().toISOString();
  const member = { tenantID, teamID: team.teamID, memberID: newID("member"), name: input.name, phone: input.phone, joinedAt: at, addedBy: actorID() };
  const tally = new Tally().add([...gridScopes(team.gridPath), `team:${team.teamID}`], at, "volunteers.members");
  const result = await writeTransaction({ volunteerMember: VolunteerMemberEntity, volunteerTeam: VolunteerTeamEntity, ...Tally.entities }, (ops) => [
      ops.volunteerMember.create(member).commit(),
      ops.volunteerTeam.patch({ tenantID, teamID: team.teamID }).add({ memberCount: 1 }).commit(),
      ...tally.operations(ops),
    ])
    .go();
  if (result.canceled) throw changed();
  return toMember(member);
});

export const RemoveMemberInput = z.object({ teamID: z.string().min(1).max(80), memberID: z.string().min(1).max(80) });

/** Takes a member off a team (counted down in the same transaction; a second removal is a 404). */
export const removeMember = fn(RemoveMemberInput, async (input) => {
  await requireMechanism("volunteers");
  assertRole(...ORGANISERS);
  const tenantID = useTenant();
  const team = await loadTeam(input.teamID);
  const found = await VolunteerMemberEntity.get({ tenantID, teamID: team.teamID, memberID: input.memberID }).go();
  if (!found.data || found.data.removedAt) throw new NotFoundError("volunteer.member_not_found", `Team ${team.teamID} has no member ${input.memberID}.`);
  const at = now().toISOString();
  const tally = new Tally().add([...gridScopes(team.gridPath), `team:${team.teamID}`], at, "volunteers.members", -1);
  const result = await writeTransaction({ volunteerMember: VolunteerMemberEntity, volunteerTeam: VolunteerTeamEntity, ...Tally.entities }, (ops) => [
      ops.volunteerMember
        .patch({ tenantID, teamID: team.teamID, memberID: input.memberID })
        .set({ removedAt: at, removedBy: actorID() })
        .where((attr, op) => op.notExists(attr.removedAt))
        .commit(),
      ops.volunteerTeam.patch({ tenantID, teamID: team.teamID }).add({ memberCount: -1 }).commit(),
      ...tally.operations(ops),
    ])
    .go();
  if (result.canceled) throw new ConflictError("volunteer.changed", "The member was removed at the same time; reload the team.");
  return { removed: input.memberID };
});

// ─── problems solved ────────────────────────────────────────────────────────

export const ProblemSolved = z.object({
  problemID: z.string(),
  teamID: z.string(),
  gridID: z.string(),
  date: z.string(),
  title: z.string(),
  createdAt: z.string(),
});
export type ProblemSolved = z.infer<typeof ProblemSolved>;

/** A problem solved as stored; callers see it without the tenant, the grid's path and its author. */
type ProblemItem = EntityItem<typeof VolunteerProblemEntity>;
type _ProblemSolved = Assert<Equal<ProblemSolved, Omit<ProblemItem, "tenantID" | "gridPath" | "createdBy">>>;

const toProblem = (item: ProblemItem): ProblemSolved => ({
  problemID: item.problemID,
  teamID: item.teamID,
  gridID: item.gridID,
  date: item.date,
  title: item.title,
  createdAt: item.createdAt,
});

export const RecordProblemInput = z.object({
  teamID: z.string().min(1).max(80),
  /** Where it was solved; the team's own grid when left out. */
  gridID: z.string().min(1).max(80).optional(),
  date: Day,
  title: z.string().trim().min(2).max(120),
});

/** Records a problem a team solved (counted for the district, the grids and the team). */
export const recordProblem = fn(RecordProblemInput, async (input) => {
  await requireMechanism("volunteers");
  assertRole(...RECORDERS);
  notAfterToday(input.date, "date");
  const tenantID = useTenant();
  const team = await loadTeam(input.teamID);
  const place = input.gridID ? await placeOfGrid(input.gridID) : { gridID: team.gridID, gridPath: team.gridPath };
  const problem = { tenantID, problemID: newID("problem"), teamID: team.teamID, ...place, date: input.date, title: input.title, createdAt: now().toISOString(), createdBy: actorID() };
  const tally = new Tally().add([...gridScopes(place.gridPath), `team:${team.teamID}`], atOf(input.date), "volunteers.problemsSolved");
  const result = await writeTransaction({ volunteerProblem: VolunteerProblemEntity, volunteerTeam: VolunteerTeamEntity, ...Tally.entities }, (ops) => [
      ops.volunteerProblem.create(problem).commit(),
      ops.volunteerTeam.patch({ tenantID, teamID: team.teamID }).add({ problemsSolved: 1 }).commit(),
      ...tally.operations(ops),
    ])
    .go();
  if (result.canceled) throw changed();
  return toProblem(problem);
});

export const ListProblemsInput = PageInput.extend({ teamID: z.string().min(1).max(80) });

/** A team's problems solved, newest first. */
export const listProblems = fn(ListProblemsInput, async (input) => {
  await requireMechanism("volunteers");
  const team = await loadTeam(input.teamID);
  const result = await page(VolunteerProblemEntity.query.byTeam({ tenantID: useTenant(), teamID: team.teamID }), input, "desc");
  return { items: result.items.map(toProblem), cursor: result.cursor };
});

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
    if (missing.length) throw new NotFoundError("volunteer.team_not_found", `There is no volunteer team ${missing.join(", ")} in this district.`);
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
  const result = await writeTransaction({ volunteerActivity: VolunteerActivityEntity, ...Tally.entities }, (ops) => [ops.volunteerActivity.create(activity).commit(), ...tally.operations(ops)]).go();
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
  z.object({ kind: z.literal("committee_worker"), gridID: z.string().min(1).max(80), date: Day, personName: Name, personID: z.string().max(80).optional(), estate: Estate }),
  /** A consultation held (协商议事). */
  z.object({ kind: z.literal("consultation"), gridID: z.string().min(1).max(80), date: Day, topic: z.string().trim().min(2).max(120), estate: Estate.optional() }),
  /** A livelihood project completed (民生项目: 加装电梯, 风扇, 立面改造 …). */
  z.object({ kind: z.literal("livelihood_project"), gridID: z.string().min(1).max(80), date: Day, projectKind: ProjectKind, topic: z.string().trim().min(2).max(120), estate: Estate.optional() }),
]);
export type CreateOwnersRecordInput = z.input<typeof CreateOwnersRecordInput>;

const ownersMetric: Record<OwnersKind, string> = {
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
  const result = await writeTransaction({ ownersRecord: OwnersRecordEntity, ...Tally.entities }, (ops) => [ops.ownersRecord.create(record).commit(), ...tally.operations(ops)]).go();
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

// ─── summary ────────────────────────────────────────────────────────────────

/** The figures of the mechanism, named as the summary shows them, with the counter behind each. */
const figures = {
  teams: "volunteers.teams",
  members: "volunteers.members",
  problemsSolved: "volunteers.problemsSolved",
  activities: "activities.held",
  committeeWorkers: "owners.committeeWorkers",
  consultations: "owners.consultations",
  livelihoodProjects: "owners.livelihoodProjects",
} as const;

export const Figures = z.object({
  teams: z.number(),
  members: z.number(),
  problemsSolved: z.number(),
  activities: z.number(),
  /** People served by activities (a sum). */
  served: z.number(),
  committeeWorkers: z.number(),
  consultations: z.number(),
  livelihoodProjects: z.number(),
});
export type Figures = z.infer<typeof Figures>;

export const Summary = z.object({
  /** `district` or `grid:<gridID>`. */
  scope: z.string(),
  totals: Figures,
  /** Years that have any of these figures, oldest first. */
  years: z.array(z.string()),
  /** The year `months` shows: the one asked for, else the latest with figures. */
  year: z.string().nullable(),
  months: z.array(Figures.extend({ month: z.string() })),
});
export type Summary = z.infer<typeof Summary>;

export const SummaryInput = z.object({
  gridID: z.string().min(1).max(80).optional(),
  year: z.string().regex(/^\d{4}$/, "a year YYYY").optional(),
});

/** The headline figures (all time) and the chosen year month by month, from the counters: one query. */
export const getSummary = fn(SummaryInput, async (input) => {
  await requireMechanism("volunteers");
  const scope = input.gridID ? `grid:${(await placeOfGrid(input.gridID)).gridID}` : "district";
  const metrics = new Set<string>([...Object.values(figures), "activities.served"]);
  const result = await MetricCounterEntity.query.primary({ tenantID: useTenant(), scope }).go({ pages: "all" });
  const byPeriod = new Map<string, Map<string, { count: number; sum: number }>>();
  for (const item of result.data) {
    if (!metrics.has(item.metric)) continue;
    const values = byPeriod.get(item.period) ?? new Map();
    values.set(item.metric, { count: item.count ?? 0, sum: item.sum ?? 0 });
    byPeriod.set(item.period, values);
  }
  const figuresOf = (period: string): Figures => {
    const values = byPeriod.get(period);
    const count = (metric: string) => values?.get(metric)?.count ?? 0;
    return {
      ...(Object.fromEntries(Object.entries(figures).map(([name, metric]) => [name, count(metric)])) as Omit<Figures, "served">),
      served: values?.get("activities.served")?.sum ?? 0,
    };
  };
  const years = [...byPeriod.keys()].filter((period) => /^\d{4}$/.test(period)).sort();
  const year = input.year ?? years.at(-1) ?? null;
  const months = year ? Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, "0")}`).map((month) => ({ month, ...figuresOf(month) })) : [];
  return { scope, totals: figuresOf("all"), years, year, months } satisfies Summary;
});

// ─── recount ─────────────────────────────────────────────────────────────────

/**
 * Rebuilds the `volunteers.*`, `activities.*` and `owners.*` tallies from the records and
 * returns the drift (with `repair`, writes the recounted values): teams at `createdAt`; members
 * +1 at `joinedAt` and −1 at `removedAt` (team, its grid path, the district); problems solved,
 * activities (with people served) and owners' records at noon of their day.
 */
export async function recount(options: { repair?: boolean } = {}) {
  const tenantID = useTenant();
  const expected = new ExpectedTallies();
  const [teams, problems, activities, owners] = await Promise.all([
    VolunteerTeamEntity.query.primary({ tenantID }).go({ pages: "all" }),
    VolunteerProblemEntity.query.primary({ tenantID }).go({ pages: "all" }),
    VolunteerActivityEntity.query.primary({ tenantID }).go({ pages: "all" }),
    OwnersRecordEntity.query.primary({ tenantID }).go({ pages: "all" }),
  ]);
  for (const team of teams.data) expected.add(gridScopes(team.gridPath), team.createdAt, "volunteers.teams");
  let next = 0;
  const worker = async () => {
    while (next < teams.data.length) {
      const team = teams.data[next++];
      const scopes = [...gridScopes(team.gridPath), `team:${team.teamID}`];
      const members = await VolunteerMemberEntity.query.primary({ tenantID, teamID: team.teamID }).go({ pages: "all" });
      for (const member of members.data) {
        expected.add(scopes, member.joinedAt, "volunteers.members");
        if (member.removedAt) expected.add(scopes, member.removedAt, "volunteers.members", -1);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  for (const problem of problems.data)
    expected.add([...gridScopes(problem.gridPath), `team:${problem.teamID}`], atOf(problem.date), "volunteers.problemsSolved");
  for (const activity of activities.data) {
    const scopes = gridScopes(activity.gridPath);
    const at = atOf(activity.date);
    expected.add(scopes, at, "activities.held").add(scopes, at, "activities.served", 1, activity.served);
  }
  for (const record of owners.data) expected.add(gridScopes(record.gridPath), atOf(record.date), ownersMetric[record.kind]);
  return compareTallies(expected, ["volunteers.", "activities.", "owners."], options);
}
