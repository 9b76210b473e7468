import { AsyncLocalStorage } from "node:async_hooks";
import { AuthError, ForbiddenError } from "./error.ts";

/*
 * The actor is in every signed-in request's cold start (the sign-in builds it), so this module
 * holds no zod: the roles and the slug's rule are plain values here, and their zod schemas for
 * requests and records are built from them in `actor-schemas.ts`.
 */

/** Access roles the product knows. A district's own role catalogue maps onto these. */
export const AccessRoles = [
  "resident", // 居民
  "grid_worker", // 网格员
  "grid_leader", // 网格长
  "department_staff", // 职能部门工作人员
  "cadre", // 网格助理: a cadre seconded from a home unit (下沉干部)
  "district_admin", // 区级管理员
  "provincial_admin", // 省级管理员
  "platform_operator", // 平台运营
] as const;
export type AccessRole = (typeof AccessRoles)[number];

/** District-level roles (the ones a user of a tenant can hold). */
export const DistrictRoles = [
  "resident",
  "grid_worker",
  "grid_leader",
  "department_staff",
  "cadre",
  "district_admin",
] as const satisfies readonly AccessRole[];
export type DistrictRole = (typeof DistrictRoles)[number];

export function isDistrictRole(role: string): role is DistrictRole {
  return (DistrictRoles as readonly string[]).includes(role);
}

/** A district's or a province's slug: its ID and its address in URLs (`jianyang`). */
export const SlugRule = {
  min: 2,
  max: 40,
  pattern: /^[a-z][a-z0-9-]*[a-z0-9]$/,
  message: "lowercase letters, digits and dashes, starting with a letter",
} as const;

export function isSlug(value: unknown): value is string {
  return typeof value === "string" && value.length >= SlugRule.min && value.length <= SlugRule.max && SlugRule.pattern.test(value);
}

/**
 * Who is calling, resolved from a verified token (never from a request body).
 * The tenant travels with the actor into every core function.
 */
export type Actor =
  | {
      type: "user";
      userID: string;
      tenantID: string;
      roles: DistrictRole[];
      /** For department staff: the department (职能部门) they act for. */
      department?: string;
      /** For grid workers, leaders and cadres: the grid they work on; their grid work is limited to it and below. */
      gridID?: string;
      /** Their name, from their record (read with their roles): timelines keep it beside their ID. */
      name?: string;
    }
  /** 省级管理员: sees the districts of one province, aggregates only. */
  | { type: "province"; userID: string; provinceID: string }
  /** Platform operator: onboards districts. */
  | { type: "operator"; userID: string }
  /** Scripts and jobs (seeding, onboarding from the CLI, the demo); may act inside one tenant. Never a request's caller. */
  | { type: "system"; tenantID?: string }
  /**
   * Not signed in: a caller of a public route (a resident registering, an Open311 client) of the
   * district the URL names. It holds no role: `assertRole` refuses it, as it refuses a resident
   * the staff's functions.
   */
  | { type: "public"; tenantID: string };

/** Throws unless `actor` is a well-formed actor (its district's or province's slug, its roles): code that builds one by mistake fails here. */
function checked(actor: Actor): Actor {
  const fault = faultOf(actor);
  if (fault) throw new Error(`Not an actor: ${fault}`);
  return actor;
}

function faultOf(actor: Actor): string | undefined {
  switch (actor.type) {
    case "user":
      if (!isSlug(actor.tenantID)) return "a user's tenantID must be a slug";
      if (typeof actor.userID !== "string") return "a user needs a userID";
      if (!Array.isArray(actor.roles) || !actor.roles.every(isDistrictRole)) return "a user's roles must be district roles";
      return undefined;
    case "province":
      return isSlug(actor.provinceID) && typeof actor.userID === "string"
        ? undefined
        : "a provincial admin needs a userID and a province's slug";
    case "operator":
      return typeof actor.userID === "string" ? undefined : "an operator needs a userID";
    case "system":
      return actor.tenantID === undefined || isSlug(actor.tenantID) ? undefined : "the system's tenantID must be a slug";
    case "public":
      return isSlug(actor.tenantID) ? undefined : "the public actor's tenantID must be a slug";
    default:
      return "unknown type";
  }
}

const storage = new AsyncLocalStorage<Actor>();

export function withActor<T>(actor: Actor, body: () => T): T {
  return storage.run(checked(actor), body);
}

export function useActor(): Actor {
  const actor = storage.getStore();
  if (!actor) throw new Error("No actor in context: wrap the call in withActor(...)");
  return actor;
}

/** The tenant of the current actor; district-scoped code reads it from here and nowhere else. */
export function useTenant(): string {
  const actor = useActor();
  if (actor.type === "user" || actor.type === "public") return actor.tenantID;
  if (actor.type === "system" && actor.tenantID) return actor.tenantID;
  throw new ForbiddenError("actor.no_tenant", "This action belongs to a district, and the caller acts for none.");
}

/** Throws unless the actor is a district user holding one of `roles` (the system actor passes; the public actor never). */
export function assertRole(...roles: DistrictRole[]): void {
  const actor = useActor();
  if (actor.type === "system") return;
  if (actor.type === "public") throw new AuthError("auth.required", "Sign in to use this.");
  if (actor.type === "user" && actor.roles.some((role) => roles.includes(role))) return;
  throw new ForbiddenError("actor.role", `This needs one of the roles: ${roles.join(", ")}.`);
}

export function assertOperator(): void {
  const actor = useActor();
  if (actor.type === "operator" || actor.type === "system") return;
  if (actor.type === "public") throw new AuthError("auth.required", "Sign in to use this.");
  throw new ForbiddenError("actor.operator", "Only the platform operator may do this.");
}

/** Who to record as the author of a change. */
export function actorID(): string {
  const actor = useActor();
  return "userID" in actor ? actor.userID : actor.type;
}

/** The caller's name as their record holds it (district users); records that name who acted keep it beside the ID. */
export function actorName(): string | undefined {
  const actor = useActor();
  return actor.type === "user" ? actor.name : undefined;
}

/**
 * Roles whose work on grid records (tickets, queues, people, wishes, needs, reports) is limited
 * to their grid and below. Cadres (网格助理) are bound by their secondment instead (`cadre/`).
 */
const GridBoundRoles: DistrictRole[] = ["grid_worker", "grid_leader"];

/**
 * The grid the caller's grid work is limited to (their own grid and everything below it), or
 * null for the whole district: a district admin, or the system. A grid worker or leader with no
 * grid on their record may act on no grid at all (`scope.no_grid`).
 */
export function gridScope(): string | null {
  const actor = useActor();
  if (actor.type !== "user" || actor.roles.includes("district_admin")) return null;
  if (!actor.roles.some((role) => GridBoundRoles.includes(role))) return null;
  if (!actor.gridID) throw new ForbiddenError("scope.no_grid", "You are not placed on a grid yet; ask a district admin to place you.");
  return actor.gridID;
}

/** Whether a record on the grid `gridPath` names (its ancestors, then itself) lies in the caller's grid scope. */
export function inGridScope(gridPath: readonly string[]): boolean {
  const actor = useActor();
  if (actor.type !== "user" || actor.roles.includes("district_admin")) return true;
  if (!actor.roles.some((role) => GridBoundRoles.includes(role))) return true;
  return Boolean(actor.gridID && gridPath.includes(actor.gridID));
}

/**
 * Throws unless a record on the grid `gridPath` names (its ancestors, then itself) lies in the
 * caller's grid scope: `scope.grid` (403).
 */
export function assertGridScope(gridPath: readonly string[]): void {
  if (gridScope() === null || inGridScope(gridPath)) return;
  throw new ForbiddenError("scope.grid", "This belongs to a grid outside yours: you act on your own grid and the grids below it.");
}
