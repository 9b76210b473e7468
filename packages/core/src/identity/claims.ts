/**
 * Who a verified token says the caller is — and nothing more. A token names the district
 * (absent for platform staff) and the user's ID in it; what the caller may do (roles, grid,
 * department, status) is read from the district's records on each request (`user/access.ts`),
 * never from the token.
 *
 * The local OpenID provider writes the claims `tenant` and `user`; a Cognito user pool writes
 * them as the custom attributes `custom:tenant` and `custom:user`, which only administrators
 * set (the portal's client may read but never write them). Any other OIDC issuer maps its own
 * claims onto these two.
 */
import { AuthError } from "../error.ts";

export const IdentityClaim = { tenant: "tenant", user: "user" } as const;
/** The same claims as a Cognito user pool's custom attributes. */
export const CognitoAttribute = { tenant: "custom:tenant", user: "custom:user" } as const;

export interface Identity {
  /** The district's slug; null for platform staff (the operator, provincial admins). */
  tenantID: string | null;
  /** The user's ID in the district's records (or the staff record's ID). */
  userID: string;
  /** When the token was issued (seconds since the epoch): tokens older than a sign-out everywhere are refused. */
  issuedAt: number;
}

/** A claim that names something: a non-empty string, when present. */
const named = (value: unknown): value is string | undefined => value === undefined || (typeof value === "string" && value.length > 0);

/**
 * The identity a verified token's claims name; a token without a subject or issue time names
 * nobody. (Checked by hand, not with zod: the sign-in is in every cold start, zod is not.)
 */
export function identityFromClaims(payload: unknown): Identity {
  const claims = (payload ?? {}) as Record<string, unknown>;
  const { sub, iat } = claims;
  const tenant = [IdentityClaim.tenant, CognitoAttribute.tenant].map((name) => claims[name]);
  const user = [IdentityClaim.user, CognitoAttribute.user].map((name) => claims[name]);
  const valid =
    typeof payload === "object" &&
    typeof sub === "string" &&
    sub.length > 0 &&
    Number.isInteger(iat) &&
    (iat as number) >= 0 &&
    [...tenant, ...user].every(named);
  if (!valid) throw new AuthError("auth.invalid_claims", "The token does not say who you are.");
  return {
    tenantID: (tenant[0] ?? tenant[1] ?? null) as string | null,
    userID: (user[0] ?? user[1] ?? sub) as string,
    issuedAt: iat as number,
  };
}

/** The claims an issuer writes for an identity (the local provider; tests that mint tokens). */
export function claimsOf(identity: Pick<Identity, "tenantID" | "userID">): Record<string, string> {
  return identity.tenantID
    ? { [IdentityClaim.tenant]: identity.tenantID, [IdentityClaim.user]: identity.userID }
    : { [IdentityClaim.user]: identity.userID };
}
