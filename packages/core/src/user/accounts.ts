/**
 * Accounts follow the records (账号随档案): after a user's record changes, the sign-in
 * directory (`identity/directory.ts`: the Cognito user pool on AWS) is brought in step. The
 * record is written first (its transaction decides: a taken phone is a 409 before anything
 * reaches the directory); the directory call is retried, and if it still fails the record
 * change is undone, so that nobody exists in one place only. If the undo fails too, the drift is
 * logged and `npm run identity:reconcile` repairs it.
 *
 * Who has an account: every active or disabled user of a district (disabled accounts cannot sign
 * in) and every member of platform staff; a resident waiting for approval has none yet.
 */
import type { EntityItem } from "electrodb";
import { DistrictEntity } from "../district/district.entity.ts";
import { VisibleError } from "../error.ts";
import {
  type DirectoryAccount,
  DirectoryUnavailableError,
  type IdentityDirectory,
  useDirectory,
  usernameOf,
  withRetry,
} from "../identity/directory.ts";
import { StaffEntity, UserEntity } from "./user.entity.ts";

type UserRecord = Pick<EntityItem<typeof UserEntity>, "userID" | "name" | "phone" | "email" | "status">;
type StaffRecord = Pick<EntityItem<typeof StaffEntity>, "userID" | "name" | "phone" | "email">;

/** The account a district user should have; null for a resident waiting for approval. */
export function accountOfUser(tenantID: string, user: UserRecord): DirectoryAccount | null {
  if (user.status === "pending") return null;
  return {
    tenantID,
    userID: user.userID,
    name: user.name,
    ...(user.phone ? { phone: user.phone } : {}),
    ...(user.email ? { email: user.email } : {}),
    enabled: user.status === "active",
  };
}

/** The account of a member of platform staff. */
export function accountOfStaff(staff: StaffRecord): DirectoryAccount {
  return {
    tenantID: null,
    userID: staff.userID,
    name: staff.name,
    ...(staff.phone ? { phone: staff.phone } : {}),
    ...(staff.email ? { email: staff.email } : {}),
    enabled: true,
  };
}

/**
 * Runs `change` on the directory (retried); when it fails for good, runs `undo` (the record
 * change reversed) and throws: the directory's own refusal when it is one people can act on
 * (`identity.alias_taken`), else a 503 `identity.directory_unavailable`.
 */
export async function follow(
  what: string,
  change: (directory: IdentityDirectory) => Promise<void>,
  undo: () => Promise<unknown>,
): Promise<void> {
  const directory = await useDirectory();
  try {
    await withRetry(() => change(directory));
  } catch (error) {
    console.error(`identity: ${what} failed in the ${directory.kind} directory; undoing the record change`, error);
    try {
      await undo();
    } catch (undoError) {
      console.error(`identity: DRIFT: ${what} could not be undone either; run \`npm run identity:reconcile -- --repair\``, undoError);
    }
    if (error instanceof VisibleError) throw error;
    throw new DirectoryUnavailableError();
  }
}

/** A directory call whose failure leaves nothing to undo (the record already says what matters); retried, then logged. */
export async function bestEffort(what: string, change: (directory: IdentityDirectory) => Promise<void>): Promise<boolean> {
  const directory = await useDirectory();
  try {
    await withRetry(() => change(directory));
    return true;
  } catch (error) {
    console.error(`identity: ${what} failed in the ${directory.kind} directory`, error);
    return false;
  }
}

// ─── reconcile (`npm run identity:reconcile`) ─────────────────────────────────

export type Drift =
  | { kind: "missing"; account: DirectoryAccount }
  | { kind: "extra"; account: DirectoryAccount }
  | { kind: "enabled"; account: DirectoryAccount; directory: DirectoryAccount }
  | { kind: "attributes"; account: DirectoryAccount; directory: DirectoryAccount; fields: string[] };

/** Every account the records call for: each district's active and disabled users, and platform staff. */
export async function* expectedAccounts(): AsyncIterable<DirectoryAccount> {
  const districts = await DistrictEntity.scan.go({ pages: "all" });
  for (const { tenantID } of districts.data) {
    let cursor: string | null = null;
    do {
      const page: { data: UserRecord[]; cursor: string | null } = await UserEntity.query.primary({ tenantID }).go({ cursor });
      for (const user of page.data) {
        const account = accountOfUser(tenantID, user);
        if (account) yield account;
      }
      cursor = page.cursor;
    } while (cursor);
  }
  const staff = await StaffEntity.scan.go({ pages: "all" });
  for (const member of staff.data) yield accountOfStaff(member);
}

const fields = ["name", "phone", "email"] as const;

/**
 * The differences between the records and the directory: accounts missing from it, accounts
 * it holds that no record calls for, enabled states and attributes that differ. Null when the
 * records are the directory (the local one): nothing can drift.
 */
export async function drift(directory: IdentityDirectory): Promise<Drift[] | null> {
  const listing = directory.list();
  if (!listing) return null;
  const held = new Map<string, DirectoryAccount>();
  for await (const account of listing) held.set(usernameOf(account), account);
  const found: Drift[] = [];
  for await (const account of expectedAccounts()) {
    const username = usernameOf(account);
    const there = held.get(username);
    held.delete(username);
    if (!there) {
      found.push({ kind: "missing", account });
      continue;
    }
    if (there.enabled !== account.enabled) found.push({ kind: "enabled", account, directory: there });
    const differing: string[] = fields.filter((field) => (account[field] ?? "") !== (there[field] ?? ""));
    // What its tokens would say: another district or another user is the worst drift of all.
    if (there.claims && (there.claims.tenantID !== account.tenantID || there.claims.userID !== account.userID))
      differing.push("custom:tenant/custom:user");
    if (differing.length) found.push({ kind: "attributes", account, directory: there, fields: differing });
  }
  for (const account of held.values()) found.push({ kind: "extra", account });
  return found;
}

/** Repairs drift: puts what is missing or different, removes what no record calls for. */
export async function repair(directory: IdentityDirectory, drifts: Drift[]): Promise<void> {
  for (const item of drifts) {
    if (item.kind === "extra") await withRetry(() => directory.remove(item.account));
    else await withRetry(() => directory.put(item.account));
  }
}
