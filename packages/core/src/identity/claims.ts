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
import { z } from "zod";
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

const Claims = z.object({
  sub: z.string().min(1),
  iat: z.number().int().nonnegative(),
  [IdentityClaim.tenant]: z.string().min(1).optional(),
  [IdentityClaim.user]: z.string().min(1).optional(),
  [CognitoAttribute.tenant]: z.string().min(1).optional(),
  [CognitoAttribute.user]: z.string().min(1).optional(),
});

/** The identity a verified token's claims name; a token without a subject or issue time names nobody. */
export function identityFromClaims(payload: unknown): Identity {
  const parsed = Claims.safeParse(payload);
  if (!parsed.success) throw new AuthError("auth.invalid_claims", "The token does not say who you are.");
  const claims = parsed.data;
  return {
    tenantID: claims[IdentityClaim.tenant] ?? claims[CognitoAttribute.tenant] ?? null,
    userID: claims[IdentityClaim.user] ?? claims[CognitoAttribute.user] ?? claims.sub,
    issuedAt: claims.iat,
  };
}

/** The claims an issuer writes for an identity (the local provider; tests that mint tokens). */
export function claimsOf(identity: Pick<Identity, "tenantID" | "userID">): Record<string, string> {
  return identity.tenantID
    ? { [IdentityClaim.tenant]: identity.tenantID, [IdentityClaim.user]: identity.userID }
    : { [IdentityClaim.user]: identity.userID };
}
