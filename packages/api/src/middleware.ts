/**
 * Who is calling, decided once per request. Signed-in routes run as the actor a verified bearer
 * token resolves to (`authenticate`); public routes run as the public actor of the district
 * their URL names (`asPublic`), which holds no role. The core reads the tenant from either.
 */
// From the core's own modules, not its index: the sign-in is in every cold start (app.ts), the whole core is not.
import * as Actor from "@wangge/core/actor";
import { AuthError, type NotFoundError } from "@wangge/core/error";
import type { RateLimit } from "@wangge/core/identity/rate-limit";
import type { Context, MiddlewareHandler } from "hono";
import { getConnInfo } from "hono/aws-lambda";
import { annotate } from "./log.ts";

/** Turns a bearer token into the caller's actor: the app's verifier (`createVerifier`). */
export type Verify = (token: string) => Promise<Actor.Actor>;

/** Requires `Authorization: Bearer <token>` and runs the rest of the request as its actor. */
export function authenticate(verify: Verify): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (!header) throw new AuthError("auth.required", "Sign in first: send `Authorization: Bearer <token>`.");
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AuthError("auth.malformed", "The Authorization header must be `Bearer <token>`.");
    const actor = await verify(match[1]);
    annotate(actorFields(actor));
    await Actor.withActor(actor, () => next());
  };
}

/** What the request log says about the caller: its kind, its district or province, its user. */
function actorFields(actor: Actor.Actor): Record<string, string> {
  return {
    actor: actor.type,
    ...("tenantID" in actor && actor.tenantID ? { tenant: actor.tenantID } : {}),
    ...("provinceID" in actor ? { province: actor.provinceID } : {}),
    ...("userID" in actor ? { user: actor.userID } : {}),
  };
}

/**
 * Runs `body` as the public actor of the district `slug` names: the one place a request's input
 * picks a tenant, as a token does elsewhere. A malformed slug names no district: `notFound`.
 */
export function asPublic<T>(slug: string, notFound: () => NotFoundError, body: () => Promise<T>): Promise<T> {
  if (!Actor.isSlug(slug)) throw notFound();
  annotate({ actor: "public", tenant: slug });
  return Actor.withActor({ type: "public", tenantID: slug }, body);
}

/**
 * The address a request comes from, for rate limits. On Lambda behind the portal's CloudFront:
 * `x-viewer-address`, which a CloudFront Function sets from the viewer's IP, overwriting what the
 * caller sent (infra/web.ts); else API Gateway's source IP. Under the local server: the socket's
 * peer. Never X-Forwarded-For, which would let a flood pick a fresh address per request.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { event?: unknown; incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  if (env?.event) return c.req.header("x-viewer-address") || (getConnInfo(c).remote.address ?? "unknown");
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}

/** Counts the request against `limit` for its client address (all districts together); over it → 429 with Retry-After. */
export function limitPerAddress(limit: RateLimit): MiddlewareHandler {
  return async (c, next) => {
    // Loaded with the routes that limit (registration codes): not part of every cold start.
    const { consume } = await import("@wangge/core/identity/rate-limit");
    await consume(limit, "address", clientAddress(c));
    await next();
  };
}
