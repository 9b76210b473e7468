/**
 * Who may sign in at the local OpenID provider, and what its tokens say about them. An account
 * is a district user (`<tenant>:<user>`) or platform staff (`:<user>`); its ID token carries the
 * claims `tenant` and `user` (`claimsOf`), nothing the caller may change.
 */
import { Actor, NotFoundError, User, withActor } from "@wangge/core";
import { claimsOf } from "@wangge/core/identity/claims";
import { signedOutSince } from "@wangge/core/identity/sessions";

export interface AccountKey {
  tenantID: string | null;
  userID: string;
}

/** The provider's account ID (the token's `sub`): `<tenant>:<user>`, or `:<user>` for platform staff. */
export const accountID = (key: AccountKey) => `${key.tenantID ?? ""}:${key.userID}`;

export function accountKey(id: string): AccountKey {
  const at = id.indexOf(":");
  return at < 0 ? { tenantID: null, userID: id } : { tenantID: id.slice(0, at) || null, userID: id.slice(at + 1) };
}

const noDistrict = (tenantID: string) => new NotFoundError("district.not_found", `There is no district "${tenantID}".`);

/**
 * The account a sign-in names — a district user by ID or phone, or platform staff by ID — if it
 * may sign in: a pending resident gets `user.pending` (waiting for approval), a disabled user
 * `user.disabled`, nobody `user.not_found`.
 */
export async function signInAccount(by: AccountKey | { tenantID: string; phone: string }): Promise<AccountKey> {
  const { tenantID } = by;
  if (tenantID === null) {
    const staff = await User.findStaff((by as AccountKey).userID);
    if (!staff) throw new NotFoundError("user.not_found", `No platform account "${(by as AccountKey).userID}".`);
    return { tenantID: null, userID: staff.userID };
  }
  if (!Actor.isSlug(tenantID)) throw noDistrict(tenantID);
  const user = await withActor({ type: "system", tenantID }, () =>
    User.signIn("phone" in by ? { phone: by.phone } : { userID: by.userID }),
  );
  return { tenantID, userID: user.userID };
}

/** The record behind an account, as stored (district user or staff), or undefined. */
async function recordOf(key: AccountKey) {
  if (key.tenantID === null) {
    const staff = await User.findStaff(key.userID);
    return staff && { ...staff, status: "active" as const };
  }
  if (!Actor.isSlug(key.tenantID)) return undefined;
  const tenantID = key.tenantID;
  return withActor(
    { type: "system", tenantID },
    async () => (await User.UserEntity.get({ tenantID, userID: key.userID }).go()).data ?? undefined,
  );
}

/** The claims a token for `key` carries: who the caller is, nothing of what they may do (the API reads that from the records). */
export function tokenClaims(key: AccountKey): Record<string, string> {
  return claimsOf(key);
}

/**
 * oidc-provider's `findAccount`: the account while it may still sign in. Refused (undefined,
 * so no token is issued or refreshed) when the record is gone, not active, or when its
 * `sessionsValidAfter` (a "sign out everywhere") is later than the token in hand was issued.
 */
export async function findAccount(_ctx: unknown, id: string, token?: { iat?: number }) {
  const key = accountKey(id);
  const record = await recordOf(key);
  if (record?.status !== "active") return undefined;
  if (token?.iat !== undefined && signedOutSince(token.iat, record.sessionsValidAfter)) return undefined;
  return {
    accountId: id,
    claims: () => ({ sub: id, ...claimsOf(key) }),
  };
}
