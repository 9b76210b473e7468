/**
 * Who may call each operation of the API, and on what (权限表): role × operation × scope.
 * A role missing from an operation's row may not call it: the API answers 403
 * `access.role` before it reads the request. A role present may call it on the records its
 * scope names; the core then refuses a record outside that scope (403 `scope.grid`, or 404
 * for a record the caller may not see) and enforces the record's own rules (only the
 * reporter rates, only the claimant fulfils…). `docs/permissions.md` is generated from this
 * table (`npm run docs:permissions`), and `permissions.test.ts` checks every cell against the
 * running API.
 */
// The core's own modules, not its index: every route group loads this table (app.ts loads them on first use).
import type * as Actor from "@wangge/core/actor";
import { useActor } from "@wangge/core/actor";
import { ForbiddenError } from "@wangge/core/error";
import type { MiddlewareHandler } from "hono";

/** The roles the table speaks of: a district's six, and the platform's two. */
export const Roles = [
  "resident", // 居民
  "grid_worker", // 网格员
  "grid_leader", // 网格长
  "department_staff", // 职能部门
  "cadre", // 网格助理 (下沉干部)
  "district_admin", // 区级管理员
  "provincial_admin", // 省级管理员
  "platform_operator", // 平台运营
] as const;
export type Role = (typeof Roles)[number];

/**
 * What a role may act on through an operation:
 * - `district`: anything of their own district;
 * - `grid`: their own grid and the grids below it (grid workers and leaders);
 * - `department`: their department's tickets;
 * - `seconded`: the grid a cadre is seconded to (and their own ledger);
 * - `own`: what they reported, posted, claimed or hold themselves;
 * - `self`: their own account;
 * - `province`: the districts of their province (aggregates only);
 * - `platform`: every district.
 */
export type Scope = "district" | "grid" | "department" | "seconded" | "own" | "self" | "province" | "platform";

/** An operation's row: the roles that may call it, each with its scope; `public` for routes without a sign-in. */
export type Permission = "public" | Partial<Record<Role, Scope>>;

const everyone = (scope: Scope = "district"): Partial<Record<Role, Scope>> => ({
  resident: scope,
  grid_worker: scope,
  grid_leader: scope,
  department_staff: scope,
  cadre: scope,
  district_admin: scope,
});
const admin = { district_admin: "district" } as const;
const operator = { platform_operator: "platform" } as const;
/** Grid staff on their grids, admins on the district. */
const gridStaff = { grid_worker: "grid", grid_leader: "grid", district_admin: "district" } as const;
const leaders = { grid_leader: "grid", district_admin: "district" } as const;
/** Everyone who works for the district (not residents): on the district. */
const districtStaff = {
  grid_worker: "district",
  grid_leader: "district",
  department_staff: "district",
  cadre: "district",
  district_admin: "district",
} as const;
/** Who reports tickets, posts wishes: on what they reported or posted. */
const reporters = { resident: "own", grid_worker: "own", grid_leader: "own" } as const;

export const Permissions = {
  // ─── public (no sign-in; a district's public routes run as its public actor) ───
  getHealth: "public",
  getSignInConfig: "public",
  listDevAccounts: "public",
  getDemoStatus: "public",
  open311Discovery: "public",
  open311Services: "public",
  open311ServiceDefinition: "public",
  open311CreateRequest: "public",
  open311Requests: "public",
  open311Request: "public",
  open311Token: "public",
  getDistrictDirectory: "public",
  getRegistration: "public",
  startRegistration: "public",
  registerResident: "public",

  // ─── the caller, districts, provinces, users ───
  getMe: { ...everyone("self"), provincial_admin: "self", platform_operator: "self" },
  signOutEverywhere: { ...everyone("self"), provincial_admin: "self", platform_operator: "self" },
  listNotifications: everyone("self"),
  markNotificationsRead: everyone("self"),
  listDistricts: { ...everyone(), provincial_admin: "province", platform_operator: "platform" },
  getDistrict: { ...everyone(), provincial_admin: "province", platform_operator: "platform" },
  onboardDistrict: operator,
  listTemplates: operator,
  listProvinces: { ...everyone(), provincial_admin: "province", platform_operator: "platform" },
  createProvince: operator,
  listUsers: admin,
  inviteUser: admin,
  updateUserRoles: admin,
  signOutUser: admin,
  listAuditEvents: admin,

  // ─── configuration ───
  getDistrictConfig: everyone(),
  getTierConfig: everyone(),
  listCategories: everyone(),
  listDepartments: everyone(),
  updateDistrictConfig: admin,
  updateTierConfig: admin,
  listConfigVersions: admin,
  getConfigVersion: admin,
  rollbackConfig: admin,
  createOpen311Key: admin,
  listOpen311Keys: admin,
  revokeOpen311Key: admin,

  // ─── grids, people, party ───
  locateGrid: everyone(),
  searchGrids: everyone(),
  listGrids: everyone(),
  getGrid: everyone(),
  getGridCoverage: everyone(),
  listGridVersions: everyone(),
  exportGrids: districtStaff,
  getGridExport: districtStaff,
  getGridImport: admin,
  createGrid: admin,
  updateGrid: admin,
  splitGrid: admin,
  mergeGrids: admin,
  createGridUpload: admin,
  importGrids: admin,
  /** Everyone sees who serves a grid; grid staff see whole phone numbers on their own grids only. */
  listPeople: { ...everyone(), grid_worker: "grid", grid_leader: "grid" },
  /** The command map's duty layer: names and roles of the grid staff's own grid and below; a district admin's whole district. */
  listOnDuty: gridStaff,
  assignRole: admin,
  listPartyOrgs: everyone(),
  getPartyOrg: everyone(),
  listPartyRecords: everyone(),
  createPartyOrg: admin,
  createPartyRecord: leaders,

  // ─── tickets (随手拍) ───
  requestPhotoUpload: everyone("own"),
  createTicket: reporters,
  listTickets: { ...everyone("own"), ...gridStaff, department_staff: "department" },
  getTicket: { ...everyone("own"), ...gridStaff, department_staff: "department" },
  /** The reporter's contact: staff handling the ticket only; each whole number read is logged. */
  getTicketReporter: { ...gridStaff, department_staff: "department" },
  revealTicketReporter: { ...gridStaff, department_staff: "department" },
  /** The public view of open tickets near a point (the district's own, private categories left out). */
  listNearbyTickets: everyone(),
  attachPhoto: { ...reporters, ...gridStaff, department_staff: "department" },
  acceptTicket: gridStaff,
  rejectTicket: gridStaff,
  dispatchTicket: leaders,
  reportHandling: { grid_worker: "grid", grid_leader: "grid", department_staff: "department" },
  verifyTicket: gridStaff,
  sendBackTicket: gridStaff,
  requestTicketChange: { ...gridStaff, department_staff: "department" },
  decideTicketChange: leaders,
  rateTicket: reporters,
  reopenTicket: reporters,
  /** A ticket of a public category, as the public sees it: anyone of the district. */
  getPublicTicket: everyone(),
  followTicket: everyone(),
  unfollowTicket: everyone("own"),
  markTicketDuplicate: gridStaff,

  // ─── cadres and their ledger (下沉干部 · 双向管理) ───
  listHomeUnits: { grid_worker: "district", grid_leader: "district", cadre: "district", district_admin: "district" },
  createHomeUnit: admin,
  exportUnitFeedback: leaders,
  listCadres: gridStaff,
  getCadre: { ...gridStaff, cadre: "own" },
  listCadreEvaluations: { ...gridStaff, cadre: "own" },
  assignCadre: leaders,
  endCadreAssignment: leaders,
  evaluateCadre: leaders,
  getCadreCoverage: gridStaff,
  getMyCadreAssignments: { cadre: "own" },
  listLedgerEntries: { grid_leader: "grid", cadre: "own", district_admin: "district" },
  createLedgerEntry: { cadre: "seconded" },

  // ─── micro-wishes (微心愿) ───
  createWish: { resident: "own", grid_worker: "grid" },
  listWishes: { ...everyone(), grid_worker: "grid", grid_leader: "grid" },
  getWishProgress: everyone(),
  getWish: everyone(),
  claimWish: { grid_worker: "grid", cadre: "seconded" },
  releaseWish: { grid_worker: "own", cadre: "own" },
  fulfilWish: { grid_worker: "own", cadre: "own" },
  confirmWish: { resident: "own", grid_worker: "own" },
  cancelWish: { resident: "own", grid_worker: "own" },

  // ─── needs lists (需求清单) ───
  createNeedItem: gridStaff,
  listNeedItems: { ...everyone(), grid_worker: "grid", grid_leader: "grid" },
  getNeedsProgress: everyone(),
  getNeedItem: everyone(),
  claimNeedItem: { ...leaders, cadre: "seconded" },
  closeNeedItem: { ...leaders, cadre: "own" },
  confirmNeedItem: { resident: "district" },

  // ─── meetings (议事) ───
  createMeeting: gridStaff,
  recordMeetingOutcome: gridStaff,
  listMeetings: everyone(),
  getMeetingStats: everyone(),
  getMeeting: everyone(),

  // ─── volunteers (志愿服务) ───
  getVolunteerSummary: everyone(),
  listVolunteerTeams: everyone(),
  getVolunteerTeam: everyone(),
  listVolunteerProblems: everyone(),
  listActivities: everyone(),
  listOwnersRecords: everyone(),
  createVolunteerTeam: leaders,
  addVolunteerMember: leaders,
  removeVolunteerMember: leaders,
  createOwnersRecord: leaders,
  recordVolunteerProblem: gridStaff,
  createActivity: gridStaff,

  // ─── emergency mode (平急转换) ───
  getEmergencyMode: everyone(),
  setEmergencyMode: admin,
  createEmergencyTask: admin,
  listEmergencyTasks: { ...gridStaff, department_staff: "district", cadre: "district" },
  listMyEmergencyTasks: { ...gridStaff, department_staff: "own", cadre: "seconded" },
  getEmergencyBoard: { ...gridStaff, department_staff: "district", cadre: "district" },
  reportEmergencyTask: { ...gridStaff, cadre: "seconded" },

  // ─── the grid register (数据平台) ───
  listHouses: gridStaff,
  createHouse: gridStaff,
  listHouseholds: gridStaff,
  createHousehold: gridStaff,
  getHousehold: gridStaff,
  moveHousehold: gridStaff,
  searchRegister: gridStaff,
  createResidentRecord: gridStaff,
  getResidentRecord: gridStaff,
  updateResidentRecord: gridStaff,
  // Who may reveal is narrowed by the district's own setting (register.revealRoles).
  revealField: gridStaff,
  moveOutResident: gridStaff,
  getMyRegisterRecord: everyone("self"),
  listEnterprises: gridStaff,
  createEnterprise: gridStaff,
  getRegisterCounts: gridStaff,
  listRegisterPoints: gridStaff,
  listAccessLog: admin,
  exportAccessLog: admin,
  createRegisterUpload: gridStaff,
  importRegister: gridStaff,
  getRegisterImportMapping: gridStaff,
  getRegisterImport: gridStaff,
  exportRegister: gridStaff,
  getRegisterExport: gridStaff,

  // ─── metrics ───
  getDistrictMetrics: everyone(),
  getGridMetrics: everyone(),
  recountMetrics: admin,
  compareDistricts: { provincial_admin: "province", platform_operator: "platform" },
  exportComparison: { provincial_admin: "province", platform_operator: "platform" },
} satisfies Record<string, Permission>;

export type OperationID = keyof typeof Permissions;

/** The roles an actor holds, as the table names them. */
export function rolesOf(actor: Actor.Actor): Role[] {
  if (actor.type === "user") return actor.roles;
  if (actor.type === "province") return ["provincial_admin"];
  if (actor.type === "operator") return ["platform_operator"];
  return [];
}

/** The permission of an operation; an operation the table does not name fails at start-up. */
export function permissionOf(operationID: string): Permission {
  const permission = (Permissions as Record<string, Permission>)[operationID];
  if (!permission) throw new Error(`The operation ${operationID} has no row in packages/api/src/permissions.ts: add who may call it.`);
  return permission;
}

/**
 * The route's gate: runs after the sign-in and before the request is read, so a caller whose
 * roles the operation's row does not name learns nothing of its input rules (403 `access.role`).
 */
export function gate(operationID: string): MiddlewareHandler {
  const permission = permissionOf(operationID);
  return async (_c, next) => {
    if (permission !== "public") {
      const allowed = rolesOf(useActor()).some((role) => role in permission);
      if (!allowed)
        throw new ForbiddenError(
          "access.role",
          `This needs one of the roles: ${Object.keys(permission).join(", ")} (see docs/permissions.md).`,
        );
    }
    await next();
  };
}

/** Column headings of the generated document: the role and its Chinese name. */
const RoleHeadings: Record<Role, string> = {
  resident: "居民 resident",
  grid_worker: "网格员 grid worker",
  grid_leader: "网格长 grid leader",
  department_staff: "职能部门 department",
  cadre: "网格助理 cadre",
  district_admin: "区管理员 district admin",
  provincial_admin: "省管理员 provincial admin",
  platform_operator: "平台运营 operator",
};

/** `docs/permissions.md`: the table as people read it (`npm run docs:permissions` writes it; a test keeps it current). */
export function permissionsDoc(): string {
  const lines = [
    "# Who may do what (权限表)",
    "",
    "Generated from `packages/api/src/permissions.ts` by `npm run docs:permissions`; do not edit by hand.",
    "A cell names the scope a role acts in; an empty cell means the API answers 403 `access.role`.",
    "Scopes: **district** anything of their district · **grid** their own grid and the grids below it ·",
    "**department** their department's tickets · **seconded** the grid a cadre is seconded to ·",
    "**own** what they reported, posted, claimed or hold · **self** their own account ·",
    "**province** their province's districts (aggregates) · **platform** every district.",
    "Within its scope a caller still meets each record's own rules (only the reporter rates, only the claimant fulfils…).",
    "",
    `| operation | ${Roles.map((role) => RoleHeadings[role]).join(" | ")} |`,
    `|---|${Roles.map(() => "---").join("|")}|`,
  ];
  for (const [operationID, permission] of Object.entries(Permissions) as [string, Permission][]) {
    const cells = permission === "public" ? Roles.map(() => "public") : Roles.map((role) => permission[role] ?? "");
    lines.push(`| \`${operationID}\` | ${cells.join(" | ")} |`);
  }
  return `${lines.join("\n")}\n`;
}
