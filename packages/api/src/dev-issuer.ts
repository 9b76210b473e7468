import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";

/**
 * The local stack's own small token issuer (local mode only): an ES256 key pair made at
 * start-up, its JWKS, and tokens for the seeded demo users. On AWS, Cognito issues tokens.
 */
export function createDevIssuer(options: { issuer: string; audience: string; lifetimeSeconds?: number }) {
  const keyID = `dev-${Date.now().toString(36)}`;
  const pair = generateKeyPair("ES256", { extractable: true });
  const lifetime = options.lifetimeSeconds ?? 12 * 3600;
  return {
    async jwks(): Promise<{ keys: JWK[] }> {
      const jwk = await exportJWK((await pair).publicKey);
      return { keys: [{ ...jwk, kid: keyID, alg: "ES256", use: "sig" }] };
    },
    async sign(claims: { sub: string; tenant?: string; roles: string[]; province?: string; department?: string }) {
      const expiresAt = new Date(Date.now() + lifetime * 1000);
      const token = await new SignJWT({
        tenant: claims.tenant,
        roles: claims.roles,
        province: claims.province,
        department: claims.department,
      })
        .setProtectedHeader({ alg: "ES256", kid: keyID })
        .setSubject(claims.sub)
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setIssuedAt()
        .setExpirationTime(expiresAt)
        .sign((await pair).privateKey);
      return { token, expiresAt: expiresAt.toISOString() };
    },
  };
}
export type DevIssuer = ReturnType<typeof createDevIssuer>;
