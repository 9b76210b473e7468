import { createRoute, z } from "@hono/zod-openapi";
import { Actor, NotFoundError, User, withActor } from "@wangge/core";
import type { DevIssuer } from "../dev-issuer.ts";
import { body, json, problems, router } from "../openapi.ts";

const DemoAccount = z
  .object({
    userID: z.string(),
    tenantID: z.string().nullable(),
    name: z.string(),
    role: z.string(),
    descriptionZh: z.string(),
    descriptionEn: z.string(),
  })
  .openapi("DemoAccount");

const TokenRequest = z
  .object({
    userID: z.string().min(1).max(80).optional(),
    tenantID: z.string().min(1).max(40).nullable().default(null),
    /** Sign in by phone instead of ID: a district user (with `tenantID`). */
    phone: User.Phone.optional(),
  })
  .refine((request) => request.userID || (request.phone && request.tenantID), {
    path: ["userID"],
    message: "give a userID, or a tenantID and a phone",
  })
  .openapi("DevTokenRequest");

const DemoStatus = z
  .object({
    older: z.boolean(),
    districts: z.array(z.object({ district: z.string(), done: z.number().int(), total: z.number().int(), loading: z.boolean() })),
  })
  .openapi("DemoStatus");

/**
 * The demo's accounts and progress, handed in by the local server (the demo is not part of the
 * Lambda bundle: see server.ts).
 */
export interface DemoTools {
  accounts: z.infer<typeof DemoAccount>[];
  status(): Promise<z.infer<typeof DemoStatus>>;
}

/** No demo (an app made without the local server's): no accounts, nothing loading. */
export const NoDemo: DemoTools = { accounts: [], status: async () => ({ older: false, districts: [] }) };

/** Local mode only: the demo accounts and tokens for them, signed by the local issuer. */
export function devRoutes(issuer: DevIssuer, demo: DemoTools = NoDemo) {
  return router()
    .openapi(
      createRoute({
        method: "get",
        path: "/accounts",
        operationId: "listDevAccounts",
        tags: ["local"],
        summary: "The seeded demo accounts (local mode only)",
        responses: { 200: json(z.object({ accounts: z.array(DemoAccount) }), "Demo accounts") },
      }),
      (c) => c.json({ accounts: demo.accounts }, 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/demo",
        operationId: "getDemoStatus",
        tags: ["local"],
        summary: "How far the demo year's replay is, per district (local mode only)",
        description:
          "`npm start` replays the demo year in the background; a district is `loading` until its steps are done (`done` of `total` items).",
        responses: { 200: json(DemoStatus, "The demo's progress") },
      }),
      async (c) => c.json(await withActor({ type: "system" }, () => demo.status()), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/token",
        operationId: "issueDevToken",
        tags: ["local"],
        summary: "A signed token for a district user (by ID or phone) or platform staff (local mode only)",
        description: "A pending resident (waiting for approval) gets 403 `user.pending`, a disabled user 403 `user.disabled`.",
        request: body(TokenRequest),
        responses: {
          200: json(z.object({ token: z.string(), expiresAt: z.string() }), "A token"),
          ...problems(400, 403, 404),
        },
      }),
      async (c) => {
        const { userID, tenantID, phone } = c.req.valid("json");
        const slug = tenantID === null ? null : Actor.Slug.safeParse(tenantID);
        if (slug && !slug.success) throw new NotFoundError("district.not_found", `There is no district "${tenantID}".`);
        const claims = tenantID
          ? await withActor({ type: "system", tenantID }, async () => {
              const user = await User.signIn(phone ? { phone } : { userID: userID! });
              return { sub: user.userID, tenant: tenantID, roles: user.roles, department: user.departmentKey };
            })
          : await User.findStaff(userID!).then(
              (staff) =>
                staff && {
                  sub: staff.userID,
                  roles: [staff.kind === "operator" ? "platform_operator" : "provincial_admin"],
                  province: staff.provinceID,
                },
            );
        if (!claims) throw new NotFoundError("user.not_found", `No active user "${userID}"${tenantID ? ` in "${tenantID}"` : ""}.`);
        return c.json(await issuer.sign(claims), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/jwks.json",
        operationId: "getDevJwks",
        tags: ["local"],
        summary: "The local issuer's public keys (local mode only)",
        responses: { 200: json(z.object({ keys: z.array(z.record(z.string(), z.unknown())) }), "JWKS") },
      }),
      async (c) => c.json(await issuer.jwks(), 200),
    );
}
