// The core's own modules, not its index: the sign-in is in every cold start (app.ts).
import type * as Actor from "@wangge/core/actor";
import { AuthError } from "@wangge/core/error";
import { identityFromClaims } from "@wangge/core/identity/claims";
import { actorOf } from "@wangge/core/user/access";
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from "jose";

export interface AuthOptions {
  /** Where the signing keys are published: the local OpenID provider's, or the Cognito user pool's. */
  jwksUrl: string;
  issuer: string;
  audience: string;
}

/**
 * Verifies a bearer token against the issuer's keys, then reads what its caller may do from the
 * district's records (`actorOf`): the token says who is calling, the records what they may do.
 */
export function createVerifier(options: AuthOptions) {
  let keys: JWTVerifyGetKey | undefined;
  return async function verify(token: string): Promise<Actor.Actor> {
    keys ??= createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000 });
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ["ES256", "RS256"],
      }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "ERR_JWT_EXPIRED") throw new AuthError("auth.expired", "Your sign-in has expired; sign in again.");
      if (code === "ERR_JWKS_TIMEOUT" || (code === "ERR_JOSE_GENERIC" && String(error).includes("fetch")))
        throw new AuthError("auth.keys_unavailable", "The signing keys could not be fetched; try again.");
      throw new AuthError("auth.invalid_token", "The token is not valid.");
    }
    return actorOf(identityFromClaims(payload));
  };
}
