/**
 * The volunteer API (志愿服务 1+X, 红色物业) as the portal's volunteer page uses it, and who may
 * record what. Types come from core as types only; requests go through the session's API client.
 */
import type {
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
import type { Api } from "./api.ts";
import type { Page, SignedInActor } from "./types.ts";

export type { Activity, CreateOwnersRecordInput, Figures, OwnersKind, OwnersRecord, ProblemSolved, Summary, VolunteerMember, VolunteerTeam };

export const ownersKinds: OwnersKind[] = ["committee_worker", "consultation", "livelihood_project"];
export const projectKinds = ["lift", "fans", "facade", "other"] as const;
export type ProjectKind = (typeof projectKinds)[number];

/** The headline figures in the order the page shows them. */
export const figureKeys: (keyof Figures)[] = ["teams", "members", "problemsSolved", "activities", "served", "committeeWorkers", "consultations", "livelihoodProjects"];
/** The figures the monthly chart can show. */
export const chartKeys: (keyof Figures)[] = ["activities", "served", "problemsSolved", "consultations"];

export interface CreateTeamInput {
  kind: string;
  name: string;
  gridID: string;
  leaderName: string;
  leaderPhone?: string;
  members?: { name: string; phone: string }[];
}

export interface CreateActivityInput {
  kind: string;
  title: string;
  date: string;
  gridID: string;
  organisers: string[];
  teamIDs?: string[];
  served: number;
}

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

const id = (value: string) => encodeURIComponent(value);

export function volunteersApi(api: Api) {
  return {
    summary: (input: { year?: string; gridID?: string } = {}) => api.request<Summary>("GET", `/volunteers/summary${query(input)}`),
    teams: (input: { kind?: string; gridID?: string; cursor?: string | null; limit?: number } = {}) =>
      api.request<Page<VolunteerTeam>>("GET", `/volunteers/teams${query({ limit: 50, ...input })}`),
    team: (teamID: string) => api.request<{ team: VolunteerTeam; members: VolunteerMember[] }>("GET", `/volunteers/teams/${id(teamID)}`),
    createTeam: (input: CreateTeamInput) => api.request<VolunteerTeam>("POST", "/volunteers/teams", input),
    addMember: (teamID: string, input: { name: string; phone: string }) => api.request<VolunteerMember>("POST", `/volunteers/teams/${id(teamID)}/members`, input),
    removeMember: (teamID: string, memberID: string) => api.request<{ removed: string }>("DELETE", `/volunteers/teams/${id(teamID)}/members/${id(memberID)}`),
    problems: (teamID: string) => api.request<Page<ProblemSolved>>("GET", `/volunteers/teams/${id(teamID)}/problems?limit=5`),
    recordProblem: (teamID: string, input: { date: string; title: string; gridID?: string }) =>
      api.request<ProblemSolved>("POST", `/volunteers/teams/${id(teamID)}/problems`, input),
    activities: (input: { month?: string; gridID?: string; cursor?: string | null; limit?: number } = {}) =>
      api.request<Page<Activity>>("GET", `/volunteers/activities${query({ limit: 50, ...input })}`),
    createActivity: (input: CreateActivityInput) => api.request<Activity>("POST", "/volunteers/activities", input),
    ownersRecords: (input: { kind: OwnersKind; cursor?: string | null; limit?: number }) =>
      api.request<Page<OwnersRecord>>("GET", `/volunteers/owners${query({ limit: 50, ...input })}`),
    createOwnersRecord: (input: CreateOwnersRecordInput) => api.request<OwnersRecord>("POST", "/volunteers/owners", input),
  };
}
export type VolunteersApi = ReturnType<typeof volunteersApi>;

const roles = (actor: SignedInActor | undefined) => (actor?.type === "user" ? actor.roles : []);

/** District admins and grid leaders set up teams, members and red-property records. */
export const mayOrganise = (actor: SignedInActor | undefined) => roles(actor).some((role) => role === "district_admin" || role === "grid_leader");
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
