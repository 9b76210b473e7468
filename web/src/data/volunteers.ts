/**
 * The volunteer API (志愿服务 1+X, 红色物业) as the portal's volunteer page uses it, and who may
 * record what. Types come from core as types only; requests go through the session's API client.
 */
import type { CreateOwnersRecordInput, Figures, OwnersKind } from "@wangge/core/volunteer/index";
import { compact, ok, type Api, type Body } from "./api.ts";
import type { SignedInActor } from "./types.ts";

export type {
  Activity,
  CreateOwnersRecordInput,
  Figures,
  OwnersKind,
  OwnersRecord,
  ProblemSolved,
  Summary,
  VolunteerMember,
  VolunteerTeam,
} from "@wangge/core/volunteer/index";

export const ownersKinds: OwnersKind[] = ["committee_worker", "consultation", "livelihood_project"];
export const projectKinds = ["lift", "fans", "facade", "other"] as const;
export type ProjectKind = (typeof projectKinds)[number];

/** The headline figures in the order the page shows them. */
export const figureKeys: (keyof Figures)[] = [
  "teams",
  "members",
  "problemsSolved",
  "activities",
  "served",
  "committeeWorkers",
  "consultations",
  "livelihoodProjects",
];
/** The figures the monthly chart can show. */
export const chartKeys: (keyof Figures)[] = ["activities", "served", "problemsSolved", "consultations"];

export type CreateTeamInput = Body<"/volunteers/teams", "post">;
export type CreateActivityInput = Body<"/volunteers/activities", "post">;

export function volunteersApi(api: Api) {
  const { client } = api;
  const team = (teamID: string) => ({ params: { path: { teamID } } });
  return {
    summary: (input: { year?: string; gridID?: string } = {}) =>
      ok(client.GET("/volunteers/summary", { params: { query: compact(input) } })),
    teams: (input: { kind?: string; gridID?: string; cursor?: string | null; limit?: number } = {}) =>
      ok(client.GET("/volunteers/teams", { params: { query: compact({ limit: 50, ...input }) } })),
    team: (teamID: string) => ok(client.GET("/volunteers/teams/{teamID}", team(teamID))),
    createTeam: (input: CreateTeamInput) => ok(client.POST("/volunteers/teams", { body: input })),
    addMember: (teamID: string, input: { name: string; phone: string }) =>
      ok(client.POST("/volunteers/teams/{teamID}/members", { ...team(teamID), body: input })),
    removeMember: (teamID: string, memberID: string) =>
      ok(client.DELETE("/volunteers/teams/{teamID}/members/{memberID}", { params: { path: { teamID, memberID } } })),
    problems: (teamID: string) =>
      ok(client.GET("/volunteers/teams/{teamID}/problems", { params: { path: { teamID }, query: { limit: 5 } } })),
    recordProblem: (teamID: string, input: { date: string; title: string; gridID?: string }) =>
      ok(client.POST("/volunteers/teams/{teamID}/problems", { ...team(teamID), body: input })),
    activities: (input: { month?: string; gridID?: string; cursor?: string | null; limit?: number } = {}) =>
      ok(client.GET("/volunteers/activities", { params: { query: compact({ limit: 50, ...input }) } })),
    createActivity: (input: CreateActivityInput) => ok(client.POST("/volunteers/activities", { body: input })),
    ownersRecords: (input: { kind: OwnersKind; cursor?: string | null; limit?: number }) =>
      ok(client.GET("/volunteers/owners", { params: { query: { ...compact({ limit: 50, ...input }), kind: input.kind } } })),
    createOwnersRecord: (input: CreateOwnersRecordInput) => ok(client.POST("/volunteers/owners", { body: input })),
  };
}
export type VolunteersApi = ReturnType<typeof volunteersApi>;

const roles = (actor: SignedInActor | undefined) => (actor?.type === "user" ? actor.roles : []);

/** District admins and grid leaders set up teams, members and red-property records. */
export const mayOrganise = (actor: SignedInActor | undefined) =>
  roles(actor).some((role) => role === "district_admin" || role === "grid_leader");
/** Grid workers also record activities and problems solved. */
export const mayRecord = (actor: SignedInActor | undefined) =>
  roles(actor).some((role) => role === "district_admin" || role === "grid_leader" || role === "grid_worker");

/** Today in China Standard Time, YYYY-MM-DD (the default date of a record). */
export function todayInChina(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

/** "社区居委会、区卫健局, 团区委" → ["社区居委会", "区卫健局", "团区委"]. */
export function splitNames(text: string): string[] {
  return text
    .split(/[、,，;；\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}
