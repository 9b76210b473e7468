import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertOperator, assertRole, useActor, useTenant } from "../actor.ts";
import { AccessRole, DistrictRole } from "../actor-schemas.ts";
import { auditEntities, auditOperation, provideUserNames, type AuditInput } from "../audit/index.ts";
import { get as currentConfig } from "../config/index.ts";
import { DistrictEntity } from "../district/district.entity.ts";
import { AuthError, ConflictError, ForbiddenError, InputError, NotFoundError, type ErrorDetail } from "../error.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { checkCode, CodeLifetimeMs, sendCode } from "../identity/one-time-codes.ts";
import { CodeLimits, consume } from "../identity/rate-limit.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { PageInput, type Page } from "../util/page.ts";
import type { Assert, Equal, Nullable } from "../util/record.ts";
import { Phone as MobilePhone } from "../util/schemas.ts";
import { forgetAccess } from "./access.ts";
import { accountOfStaff, accountOfUser, bestEffort, follow } from "./accounts.ts";
import { claimOf, StaffEntity, UserClaimEntity, UserEntity } from "./user.entity.ts";
// Registers the user names the configuration's history shows (see config/domains.ts).
import "./config-lookups.ts";

/** Phones are masked wherever people are listed: 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : "****";
}

/** E-mail addresses are masked like phones: z***@example.cn. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

export const Profile = z.object({
  userID: z.string(),
  name: z.string(),
  phoneMasked: z.string().nullable(),
  roles: z.array(AccessRole),
  tenantID: z.string().nullable(),
  provinceID: z.string().nullable(),
});
export type Profile = z.infer<typeof Profile>;

/** The signed-in person's own profile. */
export async function me(): Promise<Profile> {
  const actor = useActor();
  if (actor.type === "user") {
    const result = await UserEntity.get({ tenantID: useTenant(), userID: actor.userID }).go();
    if (!result.data) throw new NotFoundError("user.not_found", "Your account is not known to this district.");
    return {
      userID: actor.userID,
      name: result.data.name,
      phoneMasked: result.data.phone ? maskPhone(result.data.phone) : null,
      roles: actor.roles,
      tenantID: actor.tenantID,
      provinceID: null,
    };
  }
  if (actor.type === "province" || actor.type === "operator") {
    const result = await StaffEntity.get({ userID: actor.userID }).go();
    if (!result.data) throw new NotFoundError("user.not_found", "Your account is not known to the platform.");
    return {
      userID: actor.userID,
      name: result.data.name,
      phoneMasked: null,
      roles: [actor.type === "province" ? "provincial_admin" : "platform_operator"],
      tenantID: null,
      provinceID: actor.type === "province" ? actor.provinceID : null,
    };
  }
  throw new NotFoundError("user.not_found", "Only signed-in people have a profile.");
}

/** A district user by ID, for the token issuer (system actor, inside the tenant). */
export async function find(userID: string) {
  const result = await UserEntity.get({ tenantID: useTenant(), userID }).go();
  if (result.data?.status !== "active") return undefined;
  return { ...result.data, roles: z.array(DistrictRole).parse(result.data.roles) };
}

/** Platform staff (operator, provincial admin) by ID. */
export async function findStaff(userID: string) {
  const result = await StaffEntity.get({ userID }).go();
  return result.data ?? undefined;
}

export { UserEntity, StaffEntity, UserClaimEntity };

// ─── users and access (用户与权限) ─────────────────────────────────────────────

/** A mainland mobile number: what residents and staff sign in with. */
export const Phone = z.string().trim().pipe(MobilePhone);
export const Email = z.string().trim().toLowerCase().max(120).pipe(z.email("an e-mail address such as name@example.cn"));

/** `pending`: a self-registered resident waiting for staff approval; `disabled`: may not sign in. */
export const UserStatus = z.enum(["active", "pending", "disabled"]);
export type UserStatus = z.infer<typeof UserStatus>;

/** A user of the district as its admin sees them (phone and e-mail masked). */
export const DistrictUser = z.object({
  userID: z.string(),
  name: z.string(),
  phoneMasked: z.string().nullable(),
  emailMasked: z.string().nullable(),
  roles: z.array(DistrictRole),
  gridID: z.string().nullable(),
  departmentKey: z.string().nullable(),
  status: UserStatus,
  createdAt: z.string(),
});
export type DistrictUser = z.infer<typeof DistrictUser>;

/** A user as stored. */
type UserRecord = EntityItem<typeof UserEntity>;
/** The attributes of a user read here (and written by `createUser`, with the tenant and the stamps). */
type UserItem = Pick<UserRecord, "userID" | "name" | "phone" | "email" | "roles" | "gridID" | "departmentKey" | "status" | "createdAt">;

/**
 * What a district admin sees of a user: without the tenant and the stamps of who invited them
 * and when they changed or were signed out, absent attributes as null, the phone and e-mail only masked, the roles
 * that are district roles.
 */
type DistrictUserView = Nullable<
  Omit<UserRecord, "tenantID" | "updatedAt" | "invitedBy" | "phone" | "email" | "roles" | "sessionsValidAfter">
> & {
  phoneMasked: string | null;
  emailMasked: string | null;
  roles: DistrictRole[];
};
type _DistrictUser = Assert<Equal<DistrictUser, DistrictUserView>>;

function rolesOf(roles: string[]): DistrictRole[] {
  return roles.filter((role): role is DistrictRole => DistrictRole.safeParse(role).success);
}

/** The audit trail names its actors: one batch read of the page's users. */
provideUserNames(async (userIDs) => {
  const tenantID = useTenant();
  const found = await UserEntity.get(userIDs.map((userID) => ({ tenantID, userID }))).go({ attributes: ["userID", "name", "roles"] });
  return new Map(found.data.map((user) => [user.userID, { name: user.name, roles: rolesOf(user.roles) }]));
});

function toDistrictUser(item: UserItem): DistrictUser {
  return {
    userID: item.userID,
    name: item.name,
    phoneMasked: item.phone ? maskPhone(item.phone) : null,
    emailMasked: item.email ? maskEmail(item.email) : null,
    roles: rolesOf(item.roles),
    gridID: item.gridID ?? null,
    departmentKey: item.departmentKey ?? null,
    status: item.status,
    createdAt: item.createdAt,
  };
}

const Roles = z
  .array(DistrictRole)
  .min(1, "give at least one role")
  .max(6)
  .transform((roles) => [...new Set(roles)]);

const gridRoles: DistrictRole[] = ["grid_worker", "grid_leader"];

/**
 * Checks that department staff have a department of the district's ticket settings and grid
 * workers and leaders an active grid of the district; a 400 naming the field otherwise.
 */
async function checkPlacement(roles: DistrictRole[], gridID: string | undefined, departmentKey: string | undefined) {
  const details: ErrorDetail[] = [];
  if (roles.includes("department_staff") || departmentKey) {
    const departments = (await currentConfig()).tickets.departments;
    if (!departmentKey) details.push({ path: "departmentKey", message: "department staff need a department: choose one" });
    else if (!departments.some((department) => department.key === departmentKey))
      details.push({
        path: "departmentKey",
        message: departments.length
          ? `there is no department "${departmentKey}"; the district's departments are ${departments.map((department) => department.key).join(", ")}`
          : `there is no department "${departmentKey}"; add the district's departments in the ticket settings first`,
      });
  }
  if (roles.some((role) => gridRoles.includes(role)) || gridID) {
    if (!gridID) details.push({ path: "gridID", message: "grid workers and leaders work on a grid: choose one" });
    else {
      const grid = await GridEntity.get({ tenantID: useTenant(), gridID }).go();
      if (grid.data?.status !== "active") details.push({ path: "gridID", message: `there is no active grid ${gridID} in this district` });
    }
  }
  if (details.length) throw new InputError("user.placement", "The roles need a department or a grid that this district has.", details);
}

function exists(path: "phone" | "email", value: string) {
  return new ConflictError(
    "user.exists",
    `${path === "phone" ? "The phone number" : "The e-mail address"} ${value} already belongs to a user of this district.`,
    [{ path, message: "already taken in this district" }],
  );
}

/**
 * Creates a user with their phone and e-mail claims and the audit entries, in one transaction:
 * a number or address already taken (claimed, or held by a user from before claims) is a 409.
 */
async function createUser(
  user: Omit<UserItem, "userID" | "createdAt" | "phone"> & { phone?: string; invitedBy?: string },
  audit: (userID: string) => AuditInput[],
): Promise<UserItem> {
  const tenantID = useTenant();
  if (user.phone) {
    const held = await UserEntity.query.byPhone({ tenantID, phone: user.phone }).go({ limit: 1 });
    if (held.data.length) throw exists("phone", user.phone);
  }
  const at = now().toISOString();
  const item: UserItem & { invitedBy?: string } = { ...user, phone: user.phone ?? "", userID: newID("user"), createdAt: at };
  const claims = [
    ...(user.phone ? [{ path: "phone" as const, value: user.phone, claim: claimOf.phone(user.phone) }] : []),
    ...(user.email ? [{ path: "email" as const, value: user.email, claim: claimOf.email(user.email) }] : []),
  ];
  const result = await writeTransaction({ user: UserEntity, userClaim: UserClaimEntity, ...auditEntities }, (ops) => [
    ops.user.create({ tenantID, ...item, updatedAt: at }).commit(),
    ...claims.map((claim) => ops.userClaim.create({ tenantID, claim: claim.claim, userID: item.userID, createdAt: at }).commit()),
    ...audit(item.userID).map((entry) => auditOperation(ops, entry)),
  ]).go();
  if (result.canceled) {
    const reasons = result.data as { code?: string }[];
    const failed = claims.find((_, index) => reasons[index + 1]?.code === "ConditionalCheckFailed");
    if (failed) throw exists(failed.path, failed.value);
    throw new ConflictError("user.changed", "The user could not be created; try again.");
  }
  const account = accountOfUser(tenantID, item);
  if (account)
    await follow(
      `creating the account of ${item.userID}`,
      (directory) => directory.put(account),
      () =>
        writeTransaction({ user: UserEntity, userClaim: UserClaimEntity, ...auditEntities }, (ops) => [
          ops.user.delete({ tenantID, userID: item.userID }).commit(),
          ...claims.map((claim) => ops.userClaim.delete({ tenantID, claim: claim.claim }).commit()),
          auditOperation(ops, {
            action: "user.creation_undone",
            subjectID: item.userID,
            summary: `${item.name} was not added: the sign-in directory could not create their account`,
            details: { name: item.name, roles: item.roles },
          }),
        ]).go(),
    );
  return item;
}

export const InviteInput = z
  .object({
    name: z.string().trim().min(1).max(40),
    phone: Phone.optional(),
    email: Email.optional(),
    roles: Roles,
    /** For grid workers and leaders (and optionally cadres): the grid they work on. */
    gridID: z.string().min(1).max(80).optional(),
    /** For department staff: their department (a key of the ticket settings' departments). */
    departmentKey: z.string().min(1).max(40).optional(),
  })
  .refine((input) => input.phone || input.email, { path: ["phone"], message: "give a phone number or an e-mail address" });
export type InviteInput = z.input<typeof InviteInput>;

/** A district admin adds a member of staff (or a resident) by phone or e-mail, active at once. */
export const inviteUser = fn(InviteInput, async (input): Promise<DistrictUser> => {
  assertRole("district_admin");
  await checkPlacement(input.roles, input.gridID, input.departmentKey);
  const item = await createUser(
    {
      name: input.name,
      phone: input.phone,
      email: input.email,
      roles: input.roles,
      gridID: input.gridID,
      departmentKey: input.departmentKey,
      status: "active",
      invitedBy: actorID(),
    },
    (userID) => [
      {
        action: "user.invited",
        subjectID: userID,
        summary: `Invited ${input.name} as ${input.roles.join(", ")}`,
        details: {
          name: input.name,
          roles: input.roles,
          gridID: input.gridID ?? null,
          departmentKey: input.departmentKey ?? null,
          by: input.phone ? "phone" : "email",
        },
      },
    ],
  );
  return toDistrictUser(item);
});

export const ListUsersInput = PageInput.extend({
  status: UserStatus.optional(),
  role: DistrictRole.optional(),
  /** Part of the name, or the phone number's last digits. */
  q: z.string().trim().min(1).max(40).optional(),
});

const digits = (q: string) => /^\d+$/.test(q);

/** The district's users, newest first, filtered by status, role and a search (district admin). */
export const listUsers = fn(ListUsersInput, async (input): Promise<Page<DistrictUser>> => {
  assertRole("district_admin");
  const query = UserEntity.query.primary({ tenantID: useTenant() }).where((attr, op) => {
    const filters: string[] = [];
    if (input.status) filters.push(op.eq(attr.status, input.status));
    if (input.role) filters.push(op.contains(attr.roles, input.role));
    if (input.q) {
      const q = input.q;
      filters.push(
        digits(q) ? op.contains(attr.phone, q) : `(${op.contains(attr.name, q)} OR ${op.contains(attr.email, q.toLowerCase())})`,
      );
    }
    return filters.join(" AND ");
  });
  try {
    // `count` pages on until a filtered page is full, and the cursor points after its last item.
    const result = await query.go({ cursor: input.cursor ?? null, count: input.limit, order: "desc" });
    // DynamoDB has no ends-with: digits are matched anywhere there, and kept here when the number ends with them.
    const items = result.data.filter((item) => !input.q || !digits(input.q) || item.phone.endsWith(input.q));
    return { items: items.map(toDistrictUser), cursor: result.cursor ?? null };
  } catch (error) {
    if (input.cursor) throw new InputError("page.invalid_cursor", "The cursor does not belong to this list; start again without it.");
    throw error;
  }
});

export const UpdateUserInput = z.object({
  userID: z.string().min(1).max(80),
  roles: Roles.optional(),
  /** The grid they work on; `null` removes it. */
  gridID: z.string().min(1).max(80).nullable().optional(),
  /** Their department; `null` removes it. */
  departmentKey: z.string().min(1).max(40).nullable().optional(),
  /** `active` approves a pending resident or enables a disabled user; `disabled` stops their sign-in. */
  status: z.enum(["active", "disabled"]).optional(),
});
export type UpdateUserInput = z.input<typeof UpdateUserInput>;

const isActiveAdmin = (user: { status: string; roles: string[] }) => user.status === "active" && user.roles.includes("district_admin");

/**
 * A district admin changes a user's roles, grid or department, approves a pending resident,
 * or disables and enables an account. The district always keeps an active district admin.
 */
export const updateUserRoles = fn(UpdateUserInput, async (input): Promise<DistrictUser> => {
  assertRole("district_admin");
  const tenantID = useTenant();
  const found = await UserEntity.get({ tenantID, userID: input.userID }).go();
  if (!found.data) throw new NotFoundError("user.not_found", `There is no user ${input.userID} in this district.`);
  const current = found.data;
  const roles = input.roles ?? rolesOf(current.roles);
  const gridID = input.gridID === undefined ? current.gridID : (input.gridID ?? undefined);
  // Someone whose new roles leave department staff keeps no department (unless one is given).
  const departmentKey =
    input.departmentKey !== undefined
      ? (input.departmentKey ?? undefined)
      : input.roles && !roles.includes("department_staff")
        ? undefined
        : current.departmentKey;
  const status = input.status ?? current.status;
  const placementChanged = input.roles !== undefined || input.gridID !== undefined || input.departmentKey !== undefined;
  if (placementChanged) await checkPlacement(roles, gridID, departmentKey);

  // The district keeps an active admin: another one must exist, and still be one when this commits.
  let otherAdmin: string | undefined;
  if (isActiveAdmin(current) && !isActiveAdmin({ status, roles })) {
    const admins = await UserEntity.query
      .primary({ tenantID })
      .where((attr, op) => `${op.eq(attr.status, "active")} AND ${op.contains(attr.roles, "district_admin")}`)
      .go({ pages: "all" });
    otherAdmin = admins.data.find((user) => user.userID !== current.userID)?.userID;
    if (!otherAdmin) throw lastAdmin();
  }

  const sameRoles = JSON.stringify([...roles].sort()) === JSON.stringify(rolesOf(current.roles).sort());
  const audits: AuditInput[] = [];
  if (!sameRoles || gridID !== current.gridID || departmentKey !== current.departmentKey)
    audits.push({
      action: "user.roles_changed",
      subjectID: current.userID,
      summary: `Changed the roles of ${current.name} to ${roles.join(", ")}`,
      details: {
        name: current.name,
        from: { roles: current.roles, gridID: current.gridID ?? null, departmentKey: current.departmentKey ?? null },
        to: { roles, gridID: gridID ?? null, departmentKey: departmentKey ?? null },
      },
    });
  if (status !== current.status) {
    const action =
      current.status === "pending" && status === "active" ? "resident.approved" : status === "disabled" ? "user.disabled" : "user.enabled";
    const verb = { "resident.approved": "Approved", "user.disabled": "Disabled", "user.enabled": "Enabled" }[action];
    audits.push({
      action,
      subjectID: current.userID,
      summary: `${verb} ${current.name}`,
      details: { name: current.name, roles, from: current.status, to: status },
    });
  }
  if (audits.length === 0) return toDistrictUser(current);

  const updatedAt = now().toISOString();
  const removed = [
    ...(gridID === undefined && current.gridID ? ["gridID" as const] : []),
    ...(departmentKey === undefined && current.departmentKey ? ["departmentKey" as const] : []),
  ];
  // Disabling ends their sessions for good: enabling them later does not bring old tokens back.
  const sessionsValidAfter = status === "disabled" && current.status !== "disabled" ? nextSecond() : undefined;
  const result = await writeTransaction({ user: UserEntity, ...auditEntities }, (ops) => {
    let patch = ops.user.patch({ tenantID, userID: current.userID }).set({
      roles,
      status,
      updatedAt,
      ...(gridID ? { gridID } : {}),
      ...(departmentKey ? { departmentKey } : {}),
      ...(sessionsValidAfter ? { sessionsValidAfter } : {}),
    });
    if (removed.length) patch = patch.remove(removed) as typeof patch;
    return [
      patch.where((attr, op) => op.eq(attr.status, current.status)).commit(),
      ...(otherAdmin
        ? [
            ops.user
              .check({ tenantID, userID: otherAdmin })
              .where((attr, op) => `${op.eq(attr.status, "active")} AND ${op.contains(attr.roles, "district_admin")}`)
              .commit(),
          ]
        : []),
      ...audits.map((entry) => auditOperation(ops, entry)),
    ];
  }).go();
  if (result.canceled) {
    const reasons = result.data as { code?: string }[];
    if (otherAdmin && reasons[1]?.code === "ConditionalCheckFailed") throw lastAdmin();
    throw new ConflictError("user.changed", "Someone changed this user meanwhile; reload and try again.");
  }
  // Roles live in the records only; the account follows the status (approved, disabled, enabled).
  const account = accountOfUser(tenantID, { ...current, status });
  if (status !== current.status && account) {
    await follow(
      `${status === "disabled" ? "disabling" : "enabling"} the account of ${current.userID}`,
      (directory) => directory.put(account),
      () => undoUpdate(current, status),
    );
    if (status === "disabled")
      await bestEffort(`signing ${current.userID} out everywhere`, (directory) => directory.signOutEverywhere(account));
  }
  // Their open sessions act with the new roles, grid and status at once in this process (within 30 s elsewhere).
  forgetAccess(tenantID, current.userID);
  return toDistrictUser({ ...current, roles, gridID, departmentKey, status });
});

/** Puts a user's roles, grid, department and status back as they were before a change the directory refused. */
async function undoUpdate(previous: UserRecord, changedStatus: UserStatus) {
  const tenantID = previous.tenantID;
  const removed = [...(previous.gridID ? [] : ["gridID" as const]), ...(previous.departmentKey ? [] : ["departmentKey" as const])];
  await writeTransaction({ user: UserEntity, ...auditEntities }, (ops) => {
    let patch = ops.user.patch({ tenantID, userID: previous.userID }).set({
      roles: previous.roles,
      status: previous.status,
      updatedAt: now().toISOString(),
      ...(previous.gridID ? { gridID: previous.gridID } : {}),
      ...(previous.departmentKey ? { departmentKey: previous.departmentKey } : {}),
    });
    if (removed.length) patch = patch.remove(removed) as typeof patch;
    return [
      patch.where((attr, op) => op.eq(attr.status, changedStatus)).commit(),
      auditOperation(ops, {
        action: "user.change_undone",
        subjectID: previous.userID,
        summary: `The change to ${previous.name} was undone: the sign-in directory could not take it`,
        details: { name: previous.name, roles: previous.roles, status: previous.status },
      }),
    ];
  }).go();
}

function lastAdmin() {
  return new ConflictError(
    "user.last_admin",
    "This would leave the district without an active district admin: make someone else a district admin first.",
  );
}

// ─── platform staff (平台人员) ──────────────────────────────────────────────────────

export const AddStaffInput = z
  .object({
    name: z.string().trim().min(1).max(40),
    /** `operator` onboards districts; `province` is a provincial admin (aggregates of one province). */
    kind: z.enum(["operator", "province"]),
    provinceID: z.string().min(1).max(40).optional(),
    phone: Phone.optional(),
    email: Email.optional(),
  })
  .refine((input) => input.phone || input.email, { path: ["email"], message: "give an e-mail address or a phone number to sign in with" })
  .refine((input) => (input.kind === "province") === Boolean(input.provinceID), {
    path: ["provinceID"],
    message: "a provincial admin needs a province, and only they",
  });
export type AddStaffInput = z.input<typeof AddStaffInput>;

/**
 * Adds a member of platform staff (the operator, or a provincial admin) with their sign-in
 * account: the record, then the directory's account (undone if the directory cannot make it).
 * The platform operator or a script (the first operator: `npm run staff:add`).
 */
export const addStaff = fn(AddStaffInput, async (input) => {
  assertOperator();
  const userID = newID("staff");
  const item = {
    userID,
    name: input.name,
    kind: input.kind,
    provinceID: input.provinceID,
    phone: input.phone,
    email: input.email,
    createdAt: now().toISOString(),
  };
  await StaffEntity.create(item).go();
  await follow(
    `creating the account of ${userID}`,
    (directory) => directory.put(accountOfStaff(item)),
    () => StaffEntity.delete({ userID }).go(),
  );
  return { userID, name: item.name, kind: item.kind, provinceID: item.provinceID ?? null };
});

// ─── sessions (会话) ──────────────────────────────────────────────────────────────

export const SignOutInput = z.object({
  /** Whose sessions end; absent: the caller's own. */
  userID: z.string().min(1).max(80).optional(),
});
export type SignOutInput = z.input<typeof SignOutInput>;

export const SignedOut = z.object({
  userID: z.string(),
  /** Tokens issued before this time (ISO) are refused, and so are refresh tokens from before it. */
  sessionsValidAfter: z.string(),
  /** False when the sign-in directory could not be told (its refresh tokens may then still work for a while): try again. */
  directory: z.boolean(),
});
export type SignedOut = z.infer<typeof SignedOut>;

/**
 * Signs a person out everywhere: every token and refresh token issued before now is refused.
 * Anyone may do it for themself; a district admin for any user of the district. The record's
 * `sessionsValidAfter` is what the API and the local OpenID provider check; on AWS the
 * directory also revokes the person's Cognito refresh tokens (AdminUserGlobalSignOut).
 * A sign-out cannot be undone, so a directory failure is reported (`directory: false`), not rolled back.
 */
/**
 * Now, rounded up to the second: the time from which sessions count. A token's `iat` is in whole
 * seconds, and one issued earlier in this second is from before the sign-out.
 */
function nextSecond(): string {
  return new Date(Math.ceil(now().getTime() / 1000) * 1000).toISOString();
}

export const signOutEverywhere = fn(SignOutInput, async (input): Promise<SignedOut> => {
  const actor = useActor();
  if (actor.type === "public") throw new AuthError("auth.required", "Sign in to use this.");
  const self = "userID" in actor ? actor.userID : undefined;
  const userID = input.userID ?? self;
  if (!userID) throw new InputError("user.sign_out", "Name the user to sign out.", [{ path: "userID", message: "required" }]);
  const at = nextSecond();

  if (actor.type === "province" || actor.type === "operator") {
    if (userID !== actor.userID) throw new ForbiddenError("actor.role", "Platform staff may sign out only themselves here.");
    const staff = await StaffEntity.get({ userID }).go();
    if (!staff.data) throw new NotFoundError("user.not_found", "Your account is not known to the platform.");
    await StaffEntity.patch({ userID }).set({ sessionsValidAfter: at }).go();
    forgetAccess(null, userID);
    const directory = await bestEffort(`signing ${userID} out everywhere`, (d) => d.signOutEverywhere({ tenantID: null, userID }));
    return { userID, sessionsValidAfter: at, directory };
  }

  if (userID !== self) assertRole("district_admin");
  const tenantID = useTenant();
  const found = await UserEntity.get({ tenantID, userID }).go();
  if (!found.data) throw new NotFoundError("user.not_found", `There is no user ${userID} in this district.`);
  const written = await writeTransaction({ user: UserEntity, ...auditEntities }, (ops) => [
    ops.user.patch({ tenantID, userID }).set({ sessionsValidAfter: at }).commit(),
    auditOperation(ops, {
      action: "user.signed_out_everywhere",
      subjectID: userID,
      summary: userID === self ? `${found.data?.name} signed out everywhere` : `Signed ${found.data?.name} out everywhere`,
      details: { name: found.data?.name, roles: found.data?.roles },
    }),
  ]).go();
  if (written.canceled) throw new ConflictError("user.changed", "The user changed meanwhile; try again.");
  forgetAccess(tenantID, userID);
  const directory = await bestEffort(`signing ${userID} out everywhere`, (d) => d.signOutEverywhere({ tenantID, userID }));
  return { userID, sessionsValidAfter: at, directory };
});

// ─── residents' self-registration (居民注册) and sign-in ─────────────────────────

/** The district named in a public URL, if it is live (unknown and suspended ones are not found). */
async function liveDistrict() {
  const tenantID = useTenant();
  const district = await DistrictEntity.get({ tenantID }).go();
  if (district.data?.status !== "active") throw new NotFoundError("district.not_found", `There is no district "${tenantID}".`);
  return district.data;
}

export const Registration = z.object({
  tenantID: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** Residents may register themselves. */
  selfRegistration: z.boolean(),
  /** A registration waits for staff approval. */
  approval: z.boolean(),
});
export type Registration = z.infer<typeof Registration>;

/** What the registration page of a district shows: its names and whether (and how) residents may register. */
export async function registration(): Promise<Registration> {
  const district = await liveDistrict();
  const { access } = await currentConfig();
  return {
    tenantID: district.tenantID,
    nameZh: district.nameZh,
    nameEn: district.nameEn,
    selfRegistration: access.residentSelfRegistration,
    approval: access.residentApproval,
  };
}

/** What a district's registration needs before a code is sent: it is live and takes registrations. */
async function assertRegistrationOpen() {
  await liveDistrict();
  const { access } = await currentConfig();
  if (!access.residentSelfRegistration)
    throw new ForbiddenError(
      "registration.closed",
      "This district does not take registrations from residents; ask your grid worker to add you.",
    );
  return access;
}

export const StartRegistrationInput = z.object({ name: z.string().trim().min(1).max(40), phone: Phone });
export type StartRegistrationInput = z.input<typeof StartRegistrationInput>;

export const RegistrationStarted = z.object({
  /** Always true: the reply does not say whether the phone already has an account. */
  sent: z.literal(true),
  /** How long the code is valid. */
  expiresInSeconds: z.number().int(),
});
export type RegistrationStarted = z.infer<typeof RegistrationStarted>;

/**
 * Step 1 of a resident's registration (public): sends a one-time code to the phone, with the
 * name kept for step 2. The reply is the same whether or not the phone already has an account
 * (no one learns who is registered); the phone's owner finds out in step 2. At most
 * `CodeLimits.sendsPerPhone` codes per phone per hour (429 `rate.phone`).
 */
export const startRegistration = fn(StartRegistrationInput, async (input): Promise<RegistrationStarted> => {
  await assertRegistrationOpen();
  await consume(CodeLimits.sendsPerPhone, useTenant(), input.phone);
  await sendCode("register", input.phone, { name: input.name });
  return { sent: true, expiresInSeconds: CodeLifetimeMs / 1000 };
});

export const RegisterInput = z.object({
  phone: Phone,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "the 6-digit code from the SMS"),
});
export type RegisterInput = z.input<typeof RegisterInput>;

/**
 * Step 2 (public): the code from the SMS proves the phone, and the resident is registered with
 * the name of step 1 — active at once, or `pending` until staff approve when the district asks
 * for approval. A wrong code → 400 `code.wrong`; ten in a row lock the phone (429 `code.locked`).
 * A phone that has an account already → 409 `user.exists` (told only to whoever holds the phone).
 */
export const registerResident = fn(RegisterInput, async (input): Promise<{ userID: string; status: "active" | "pending" }> => {
  const access = await assertRegistrationOpen();
  const { name } = await checkCode("register", input.phone, input.code);
  const status = access.residentApproval ? "pending" : "active";
  const registeredName = name ?? "居民";
  const item = await createUser({ name: registeredName, phone: input.phone, roles: ["resident"], status }, (userID) => [
    {
      action: "resident.registered",
      subjectID: userID,
      summary: `${registeredName} registered as a resident with a verified phone${status === "pending" ? " (waiting for approval)" : ""}`,
      details: { name: registeredName, status },
    },
  ]);
  return { userID: item.userID, status };
});

export const SignInInput = z.union([z.object({ userID: z.string().min(1).max(80) }), z.object({ phone: Phone })]);

/**
 * The user a token may be issued for (the local issuer's sign-in; system actor inside the
 * tenant): by ID or by phone. Pending and disabled users get a 403 that says why.
 */
export async function signIn(by: z.input<typeof SignInInput>) {
  const tenantID = useTenant();
  const key = SignInInput.parse(by);
  let user: UserItem | undefined;
  if ("userID" in key) {
    user = (await UserEntity.get({ tenantID, userID: key.userID }).go()).data ?? undefined;
  } else {
    const claim = await UserClaimEntity.get({ tenantID, claim: claimOf.phone(key.phone) }).go();
    if (claim.data) user = (await UserEntity.get({ tenantID, userID: claim.data.userID }).go()).data ?? undefined;
    if (!user) {
      // Users from before claims existed: through the phone index.
      const held = (await UserEntity.query.byPhone({ tenantID, phone: key.phone }).go({ pages: "all" })).data;
      user = held.find((item) => item.status === "active") ?? held[0];
    }
  }
  if (!user) throw new NotFoundError("user.not_found", `No user ${"userID" in key ? key.userID : maskPhone(key.phone)} in "${tenantID}".`);
  if (user.status === "pending")
    throw new ForbiddenError(
      "user.pending",
      "Your registration is waiting for approval by district staff; you can sign in once they approve it.",
    );
  if (user.status === "disabled")
    throw new ForbiddenError("user.disabled", "This account has been disabled by the district; ask a district admin to enable it.");
  const roles = rolesOf(user.roles);
  return {
    userID: user.userID,
    name: user.name,
    roles,
    departmentKey: roles.includes("department_staff") ? user.departmentKey : undefined,
  };
}
