/**
 * The district's own configuration (区级配置) as the settings pages use it: the versioned
 * configuration, its history and rollback, the district's users and the audit trail. Types
 * come from core as types only; requests go through the session's API client.
 */
import type { DistrictRole } from "@wangge/core/actor";
import type { DistrictConfig, DistrictSettings, GovernanceSettings, MechanismKey } from "@wangge/core/config/settings";
import { compact, ok, type Api, type Body, type Reply } from "./api.ts";

export type { DistrictRole } from "@wangge/core/actor";
export type { AuditEvent } from "@wangge/core/audit/index";
export type {
  AccessSettings,
  Category,
  DedicatedKind,
  Department,
  DistrictConfig,
  DistrictSettings,
  GovernanceSettings,
  Mechanisms,
  MechanismKey,
  NamedKind,
  RoleDefinition,
  RoutingRule,
  Terminology,
  TicketSettings,
  Tier,
} from "@wangge/core/config/settings";

/** One version of the configuration: who changed which sections (`sections`), when and why; `rollbackOf` when it restored one. */
export type ConfigVersion = Reply<"/config/versions", "get">["items"][number];

export type ConfigVersionDetail = ConfigVersion & { settings: DistrictSettings };

export type UserStatus = "active" | "pending" | "disabled";

/** A person of the district as its admin manages them (用户与权限). */
export type DistrictUser = Reply<"/users", "get">["items"][number];
export type InviteInput = Body<"/users", "post">;
export type UserChange = Body<"/users/{userID}", "patch">;

/** The sections a settings save may replace (each one whole). */
export type SectionChanges = Partial<
  Pick<
    DistrictSettings,
    "tiers" | "dedicatedKinds" | "roles" | "mechanisms" | "tickets" | "governance" | "terms" | "access" | "map" | "register"
  >
>;

/** The access roles a district's role catalogue maps onto (the fixed set). */
export const districtRoles: DistrictRole[] = ["resident", "grid_worker", "grid_leader", "department_staff", "cadre", "district_admin"];

/** The mechanisms (治理机制), in the order of the source report: the order pages list them in. */
export const mechanismKeys: MechanismKey[] = [
  "tickets",
  "cadreSecondment",
  "wishes",
  "needsLists",
  "meetings",
  "volunteers",
  "emergencyMode",
  "register",
];

/** The governance lists, in the order the page shows them. */
export const governanceLists = [
  "meetingTypes",
  "volunteerTeamKinds",
  "ledgerActivityKinds",
  "activityKinds",
] as const satisfies readonly (keyof GovernanceSettings)[];

/** The settings sections, in the order the page lists them. */
export const sections = [
  "tiers",
  "roles",
  "mechanisms",
  "tickets",
  "map",
  "governance",
  "terms",
  "access",
  "register",
  "users",
  "history",
  "audit",
] as const;
export type Section = (typeof sections)[number];

/**
 * What each access role lets its holders do, read from core's own checks (`assertRole` in
 * the ticket, wish, need, meeting, volunteer, cadre, emergency, grid and district modules):
 * shown read-only beside the role catalogue, so an admin sees what a role they define implies.
 */
export const permissions: Record<DistrictRole, string[]> = {
  resident: ["ticket.report", "ticket.rateReopen", "wish.post", "need.confirm", "emergency.see"],
  grid_worker: [
    "ticket.report",
    "ticket.accept",
    "ticket.handleTerritorial",
    "ticket.verify",
    "ticket.requestChange",
    "wish.post",
    "wish.claim",
    "need.create",
    "meeting.organise",
    "volunteer.record",
    "cadre.see",
    "emergency.report",
  ],
  grid_leader: [
    "ticket.report",
    "ticket.accept",
    "ticket.dispatch",
    "ticket.handleTerritorial",
    "ticket.verify",
    "ticket.decideChange",
    "need.create",
    "need.claimForUnit",
    "meeting.organise",
    "volunteer.organise",
    "volunteer.record",
    "cadre.assign",
    "cadre.evaluate",
    "party.record",
    "emergency.report",
  ],
  department_staff: ["ticket.handleDepartment", "ticket.requestChange", "ticket.seeDepartment", "emergency.see"],
  cadre: ["wish.claim", "need.claim", "cadre.ledger", "emergency.report"],
  district_admin: [
    "district.configure",
    "district.users",
    "grid.manage",
    "ticket.accept",
    "ticket.dispatch",
    "ticket.verify",
    "ticket.decideChange",
    "cadre.assign",
    "cadre.evaluate",
    "party.manage",
    "emergency.switch",
    "district.audit",
  ],
};

export function configApi(api: Api) {
  const { client } = api;
  // The document says `number[]` where core's configuration says `[lon, lat]`: core's (narrower) type, checked for overlap.
  const config = <Reply extends { version: number; map: { center: number[] | null } }>(pending: Promise<Reply>) =>
    pending.then((reply) => reply as Reply & DistrictConfig);
  return {
    get: () => config(ok(client.GET("/config"))),
    update: (input: { expectedVersion: number; changes: SectionChanges; note?: string }) =>
      config(ok(client.PATCH("/config", { body: input }))),
    versions: (input: { cursor?: string | null; limit?: number } = {}) =>
      ok(client.GET("/config/versions", { params: { query: compact({ cursor: input.cursor, limit: input.limit ?? 20 }) } })),
    version: (version: number) =>
      ok(client.GET("/config/versions/{version}", { params: { path: { version: String(version) } } })).then(
        (reply) => reply as ConfigVersionDetail,
      ),
    rollback: (input: { toVersion: number; expectedVersion: number; note?: string }) =>
      config(ok(client.POST("/config/rollback", { body: input }))),
    users: (input: { status?: UserStatus; role?: DistrictRole; q?: string; cursor?: string | null; limit?: number } = {}) =>
      ok(
        client.GET("/users", {
          params: {
            query: compact({ status: input.status, role: input.role, q: input.q, cursor: input.cursor, limit: input.limit ?? 50 }),
          },
        }),
      ),
    invite: (input: InviteInput) => ok(client.POST("/users", { body: input })),
    updateUser: (userID: string, change: UserChange) => ok(client.PATCH("/users/{userID}", { params: { path: { userID } }, body: change })),
    audit: (input: { cursor?: string | null; limit?: number } = {}) =>
      ok(client.GET("/audit", { params: { query: compact({ cursor: input.cursor, limit: input.limit ?? 30 }) } })),
  };
}
export type ConfigApi = ReturnType<typeof configApi>;

/** The key rule of every list entry (categories, departments, kinds, roles). */
export const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

/** The settings a version holds, section by section, for comparing it with the current configuration. */
export function settingsOf(config: DistrictConfig | DistrictSettings): Record<string, unknown> {
  const { tiers, dedicatedKinds, roles, mechanisms, map, tickets, governance, terms, access } = config;
  return { tiers, dedicatedKinds, roles, mechanisms, map, tickets, governance, terms, access };
}
