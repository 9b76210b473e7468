/**
 * What a signed-in caller may do, read from the district's records on each request — never
 * from the token. A token names who is calling (`identity/claims.ts`); the user's record says
 * their roles, grid, department and status, and the staff record says a provincial admin's
 * province. A warm process keeps what it read for at most `AccessCacheSeconds`, so disabling,
 * demoting or moving someone takes effect within that time everywhere, and at once in the
 * process that made the change (`forgetAccess`).
 */
import { type Actor, type DistrictRole, isDistrictRole } from "../actor.ts";
import { AuthError, ForbiddenError } from "../error.ts";
import type { Identity } from "../identity/claims.ts";
import { signedOutSince } from "../identity/sessions.ts";
import { StaffEntity, UserEntity } from "./user.entity.ts";

/** How long a warm process may act on a user's record without reading it again. */
export const AccessCacheSeconds = 30;

/** What of a record decides access: the user's (a district) or the staff member's (the platform). */
type AccessRecord =
  | {
      kind: "user";
      name?: string;
      roles: string[];
      status: "active" | "pending" | "disabled";
      gridID?: string;
      departmentKey?: string;
      sessionsValidAfter?: string;
    }
  | { kind: "staff"; staffKind: "operator" | "province"; provinceID?: string; sessionsValidAfter?: string }
  | { kind: "missing" };

const cache = new Map<string, { record: AccessRecord; readAt: number }>();
const keyOf = (tenantID: string | null, userID: string) => `${tenantID ?? ""}/${userID}`;

/** Drops what this process holds of a user, after a change to their record (roles, grid, status, sessions). */
export function forgetAccess(tenantID: string | null, userID: string): void {
  cache.delete(keyOf(tenantID, userID));
}

async function read(identity: Identity): Promise<AccessRecord> {
  const key = keyOf(identity.tenantID, identity.userID);
  const held = cache.get(key);
  if (held && Date.now() - held.readAt < AccessCacheSeconds * 1000) return held.record;
  const record = await readRecord(identity);
  cache.set(key, { record, readAt: Date.now() });
  // A long-lived process meets many users: keep the newest few thousand.
  if (cache.size > 5000) cache.delete(cache.keys().next().value as string);
  return record;
}

async function readRecord({ tenantID, userID }: Identity): Promise<AccessRecord> {
  if (tenantID) {
    const user = (await UserEntity.get({ tenantID, userID }).go({ consistent: true })).data;
    if (!user) return { kind: "missing" };
    return {
      kind: "user",
      name: user.name,
      roles: user.roles,
      status: user.status,
      gridID: user.gridID,
      departmentKey: user.departmentKey,
      sessionsValidAfter: user.sessionsValidAfter,
    };
  }
  const staff = (await StaffEntity.get({ userID }).go({ consistent: true })).data;
  if (!staff) return { kind: "missing" };
  return {
    kind: "staff",
    staffKind: staff.kind,
    provinceID: staff.provinceID,
    sessionsValidAfter: staff.sessionsValidAfter,
  };
}

/**
 * The actor a verified identity acts as. A user who no longer exists, or whose sessions were
 * ended after the token was issued → 401; a disabled or pending user, or one with no role → 403.
 */
export async function actorOf(identity: Identity): Promise<Actor> {
  const record = await read(identity);
  if (record.kind === "missing") throw new AuthError("auth.unknown_user", "Your account no longer exists; sign in again.");
  // A disabled user is told so (whatever their sessions); others, whose sessions were ended, sign in again.
  if (record.kind === "user" && record.status === "disabled")
    throw new ForbiddenError("user.disabled", "This account has been disabled by the district; ask a district admin to enable it.");
  if (signedOutSince(identity.issuedAt, record.sessionsValidAfter))
    throw new AuthError("auth.signed_out", "You were signed out everywhere; sign in again.");
  if (record.kind === "staff") {
    if (record.staffKind === "operator") return { type: "operator", userID: identity.userID };
    if (record.provinceID) return { type: "province", userID: identity.userID, provinceID: record.provinceID };
    throw new ForbiddenError("actor.no_access", "This account is not attached to any province.");
  }
  if (record.status === "pending") throw new ForbiddenError("user.pending", "Your registration is waiting for the district's approval.");
  const roles = record.roles.filter((role): role is DistrictRole => isDistrictRole(role));
  if (!roles.length) throw new ForbiddenError("actor.no_access", "This account holds no role in the district.");
  return {
    type: "user",
    userID: identity.userID,
    tenantID: identity.tenantID as string,
    roles,
    ...(record.departmentKey && roles.includes("department_staff") ? { department: record.departmentKey } : {}),
    ...(record.gridID ? { gridID: record.gridID } : {}),
    ...(record.name ? { name: record.name } : {}),
  };
}
