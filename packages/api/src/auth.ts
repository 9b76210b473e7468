import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import { Actor, AuthError } from "@wangge/core";

export interface AuthOptions {
  /** Where the signing keys are published: the local issuer's, or the Cognito user pool's. */
  jwksUrl: string;
  issuer: string;
  audience: string;
}

/**
 * The claims a token carries. The local issuer writes `tenant`, `roles` (array) and `province`;
 * Cognito ID tokens carry the same as custom attributes (`custom:roles` comma-separated).
 */
const Claims = z.object({
  sub: z.string().min(1),
  tenant: z.string().optional(),
  roles: z.union([z.array(z.string()), z.string()]).optional(),
  province: z.string().optional(),
  department: z.string().optional(),
  "custom:department": z.string().optional(),
  "custom:tenant": z.string().optional(),
  "custom:roles": z.string().optional(),
  "custom:province": z.string().optional(),
});

function rolesOf(claims: z.infer<typeof Claims>): string[] {
  const raw = claims.roles ?? claims["custom:roles"] ?? [];
  const list = Array.isArray(raw) ? raw : raw.split(",");
  return list.map((role) => role.trim()).filter(Boolean);
}

/** Turns verified claims into the actor; a token that names no tenant or province grants nothing. */
export function actorFromClaims(payload: unknown): Actor.Actor {
  const parsed = Claims.safeParse(payload);
  if (!parsed.success) throw new AuthError("auth.invalid_claims", "The token does not say who you are.");
  const claims = parsed.data;
  const roles = rolesOf(claims);
  const tenant = claims.tenant ?? claims["custom:tenant"];
  const province = claims.province ?? claims["custom:province"];
  if (roles.includes("platform_operator")) return { type: "operator", userID: claims.sub };
  if (roles.includes("provincial_admin") && province) return { type: "province", userID: claims.sub, provinceID: province };
  const districtRoles = roles.filter((role) => Actor.DistrictRole.safeParse(role).success) as Actor.DistrictRole[];
  if (tenant && districtRoles.length) {
    const department = claims.department ?? claims["custom:department"];
    const actor = Actor.Actor.safeParse({
      type: "user",
      userID: claims.sub,
      tenantID: tenant,
      roles: districtRoles,
      ...(department ? { department } : {}),
    });
    if (actor.success) return actor.data;
  }
  throw new AuthError("auth.no_access", "The token grants no role in any district or province.");
}

export function createVerifier(options: AuthOptions) {
  let keys: JWTVerifyGetKey | undefined;
  return async function verify(token: string): Promise<Actor.Actor> {
    keys ??= createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000 });
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ["ES256", "RS256"],
      });
      return actorFromClaims(payload);
    } catch (error) {
      if (error instanceof AuthError) throw error;
      const code = (error as { code?: string }).code;
      if (code === "ERR_JWT_EXPIRED") throw new AuthError("auth.expired", "Your sign-in has expired; sign in again.");
      if (code === "ERR_JWKS_TIMEOUT" || (code === "ERR_JOSE_GENERIC" && String(error).includes("fetch")))
        throw new AuthError("auth.keys_unavailable", "The signing keys could not be fetched; try again.");
      throw new AuthError("auth.invalid_token", "The token is not valid.");
    }
  };
}
