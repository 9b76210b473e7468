import { createRoute, z } from "@hono/zod-openapi";
import { withActor } from "@wangge/core";
import { json, router } from "../openapi.ts";

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

/** Local mode only: the demo accounts (the local OpenID provider's sign-in page offers them too) and the demo's progress. */
export function devRoutes(demo: DemoTools = NoDemo) {
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
    );
}
