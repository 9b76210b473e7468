import { createRoute, z } from "@hono/zod-openapi";
import type { AuthOptions } from "../auth.ts";
import { json, router } from "../openapi.ts";

const SignInConfig = z
  .object({
    issuer: z.string().openapi({ example: "https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_AbCdEf123" }),
    clientID: z.string().openapi({ example: "wangge-portal" }),
    scope: z.string().openapi({ example: "openid" }),
  })
  .openapi("SignInConfig");

/**
 * Where the portal signs in: the OpenID issuer whose ID tokens this API accepts and the
 * portal's client ID there (the tokens' audience). The same route answers locally (the local
 * provider) and on AWS (Cognito, or any issuer the deployment names), so the portal's build
 * names no issuer.
 */
export function signInRoutes(auth: AuthOptions, scope = "openid") {
  return router().openapi(
    createRoute({
      method: "get",
      path: "/config",
      operationId: "getSignInConfig",
      tags: ["platform"],
      summary: "The OpenID issuer and client the portal signs in with",
      responses: { 200: json(SignInConfig, "The issuer, client ID and scopes") },
    }),
    (c) => c.json({ issuer: auth.issuer, clientID: auth.audience, scope }, 200),
  );
}
