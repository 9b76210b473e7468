import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useTenant } from "../actor.ts";
import { requireMechanism } from "../config/index.ts";
import { ConflictError, NotFoundError } from "../error.ts";
import { placeOfGrid } from "../grid/place.ts";
import { gridScopes, Tally } from "../counter/tally.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { maskPhone } from "../user/index.ts";
import { Phone } from "../util/schemas.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal, Nullable } from "../util/record.ts";
import { VolunteerMemberEntity, VolunteerTeamEntity } from "./volunteer.entity.ts";
import { Name, ORGANISERS, changed, checkKind, prefixOf, seesPhones } from "./shared.ts";

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
  return {
    memberID: item.memberID,
    teamID: item.teamID,
    name: item.name,
    phone: whole ? item.phone : maskPhone(item.phone),
    joinedAt: item.joinedAt,
  };
}

export async function loadTeam(teamID: string): Promise<VolunteerTeam> {
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
  const result = await writeTransaction(
    { volunteerMember: VolunteerMemberEntity, volunteerTeam: VolunteerTeamEntity, ...Tally.entities },
    (ops) => [
      ops.volunteerTeam.create(team).commit(),
      ...members.map((member) => ops.volunteerMember.create(member).commit()),
      ...tally.operations(ops),
    ],
  ).go();
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
  const base = input.kind
    ? VolunteerTeamEntity.query.byKind({ tenantID, kind: input.kind })
    : VolunteerTeamEntity.query.byGrid({ tenantID });
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
  return {
    team: whole ? team : { ...team, leaderPhone: team.leaderPhone ? maskPhone(team.leaderPhone) : null },
    members: members.data.filter((item) => !item.removedAt).map((item) => toMember(item, whole)),
  };
});

export const AddMemberInput = MemberInput.extend({ teamID: z.string().min(1).max(80) });

/** Adds a member to a team; the team's member count and the counters move in the same transaction. */
export const addMember = fn(AddMemberInput, async (input) => {
  await requireMechanism("volunteers");
  assertRole(...ORGANISERS);
  const tenantID = useTenant();
  const team = await loadTeam(input.teamID);
  const at = now().toISOString();
  const member = {
    tenantID,
    teamID: team.teamID,
    memberID: newID("member"),
    name: input.name,
    phone: input.phone,
    joinedAt: at,
    addedBy: actorID(),
  };
  const tally = new Tally().add([...gridScopes(team.gridPath), `team:${team.teamID}`], at, "volunteers.members");
  const result = await writeTransaction(
    { volunteerMember: VolunteerMemberEntity, volunteerTeam: VolunteerTeamEntity, ...Tally.entities },
    (ops) => [
      ops.volunteerMember.create(member).commit(),
      ops.volunteerTeam.patch({ tenantID, teamID: team.teamID }).add({ memberCount: 1 }).commit(),
      ...tally.operations(ops),
    ],
  ).go();
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
  if (!found.data || found.data.removedAt)
    throw new NotFoundError("volunteer.member_not_found", `Team ${team.teamID} has no member ${input.memberID}.`);
  const at = now().toISOString();
  const tally = new Tally().add([...gridScopes(team.gridPath), `team:${team.teamID}`], at, "volunteers.members", -1);
  const result = await writeTransaction(
    { volunteerMember: VolunteerMemberEntity, volunteerTeam: VolunteerTeamEntity, ...Tally.entities },
    (ops) => [
      ops.volunteerMember
        .patch({ tenantID, teamID: team.teamID, memberID: input.memberID })
        .set({ removedAt: at, removedBy: actorID() })
        .where((attr, op) => op.notExists(attr.removedAt))
        .commit(),
      ops.volunteerTeam.patch({ tenantID, teamID: team.teamID }).add({ memberCount: -1 }).commit(),
      ...tally.operations(ops),
    ],
  ).go();
  if (result.canceled) throw new ConflictError("volunteer.changed", "The member was removed at the same time; reload the team.");
  return { removed: input.memberID };
});
