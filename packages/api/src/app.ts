import { AuthError, withActor, type Actor } from "@wangge/core";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { createVerifier, type AuthOptions } from "./auth.ts";
import { createDevIssuer } from "./dev-issuer.ts";
import { docsPage } from "./docs.ts";
import { router } from "./openapi.ts";
import { onError, problem } from "./problem.ts";
import { devRoutes } from "./routes/dev.ts";
import { districtRoutes } from "./routes/districts.ts";
import { healthRoutes } from "./routes/health.ts";
import { meRoutes } from "./routes/me.ts";
import { provinceRoutes } from "./routes/provinces.ts";
import { gridRoutes, tierRoutes } from "./routes/grids.ts";
import { peopleRoutes } from "./routes/people.ts";
import { partyRoutes } from "./routes/party.ts";
import { notificationRoutes, ticketConfigRoutes, ticketRoutes } from "./routes/tickets.ts";
import { open311Routes } from "./open311/index.ts";
import { auditRoutes } from "./routes/audit.ts";
import { metricsRoutes } from "./routes/metrics.ts";
import { cadresRoutes } from "./routes/cadres.ts";
import { wishesRoutes } from "./routes/wishes.ts";
import { needsRoutes } from "./routes/needs.ts";
import { meetingsRoutes } from "./routes/meetings.ts";
import { volunteersRoutes } from "./routes/volunteers.ts";
import { emergencyRoutes } from "./routes/emergency.ts";
import { publicDistrictRoutes, usersRoutes } from "./routes/users.ts"; // issue 7: users
import { configRoutes } from "./routes/config.ts"; // issue 7: config versions

export interface ApiOptions {
  /** `local` runs the dev token issuer; `aws` verifies Cognito tokens only. */
  mode: "local" | "aws";
  auth: AuthOptions;
  /** Origins allowed by CORS (`*` for any). */
  corsOrigins: string[];
  /** Where the docs page loads Swagger UI from. */
  docsAssets: string;
  /** The path the app is mounted under (`/api` when it shares a server with the portal). */
  basePath?: string;
}

/** Local issuer settings: the JWKS lives on the API itself. */
export function localAuth(apiUrl: string): AuthOptions {
  return { jwksUrl: `${apiUrl}/dev/jwks.json`, issuer: "wangge-local", audience: "wangge" };
}

/**
 * The HTTP API: a thin layer that validates, authorises and calls the core.
 * Public routes come before the authentication middleware; everything after it needs a
 * verified token, and runs inside the actor context the token resolves to.
 */
export function createApp(options: ApiOptions) {
  const app = router();
  app.onError(onError);
  app.notFound(notFound);
  app.use("*", cors({
    origin: options.corsOrigins.includes("*") ? "*" : options.corsOrigins,
    allowHeaders: ["authorization", "content-type", "idempotency-key"],
    allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    maxAge: 600,
  }));
  app.use("*", bodyLimit({
    maxSize: 1024 * 1024,
    onError: (c) => problem(c, 413, "input.too_large", "The request body is larger than 1 MB; upload files through a presigned URL."),
  }));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  app.route("/health", healthRoutes(options.mode));
  if (options.mode === "local") app.route("/dev", devRoutes(createDevIssuer(options.auth)));
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Wangge 网格 API",
      version: "0.1.0",
      description: "Multi-tenant neighbourhood grid governance. Every route but health, docs and local sign-in needs a bearer token.",
    },
    servers: [{ url: options.basePath ?? "/" }],
  });
  app.get("/docs", (c) =>
    c.html(docsPage({ specUrl: `${options.basePath ?? ""}/openapi.json`, assetsBase: options.docsAssets })),
  );

  const verify = createVerifier(options.auth);
  // Open311 GeoReport v2: public per district (jurisdiction_id), API keys for submissions.
  app.route("/open311/v2", open311Routes({ verify }));
  // Residents' self-registration (issue 7: users): public, for the district named in the URL.
  app.route("/districts", publicDistrictRoutes);
  app.use("*", async (c, next) => {
    const header = c.req.header("authorization");
    if (!header) throw new AuthError("auth.required", "Sign in first: send `Authorization: Bearer <token>`.");
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AuthError("auth.malformed", "The Authorization header must be `Bearer <token>`.");
    const actor: Actor.Actor = await verify(match[1]);
    await withActor(actor, () => next());
  });
  app.route("/me", meRoutes);
  app.route("/me", notificationRoutes);
  app.route("/districts", districtRoutes);
  app.route("/provinces", provinceRoutes);
  app.route("/grids", gridRoutes);
  app.route("/config/tiers", tierRoutes);
  app.route("/people", peopleRoutes);
  app.route("/party", partyRoutes);
  app.route("/tickets", ticketRoutes);
  app.route("/config", ticketConfigRoutes);
  // The governance mechanisms (治理机制); each router carries its full paths.
  app.route("/", cadresRoutes);
  app.route("/", wishesRoutes);
  app.route("/", needsRoutes);
  app.route("/", meetingsRoutes);
  app.route("/", volunteersRoutes);
  app.route("/", emergencyRoutes);
  app.route("/", auditRoutes);
  app.route("/", metricsRoutes);
  app.route("/", usersRoutes); // issue 7: users
  app.route("/", configRoutes); // issue 7: config versions (full paths beside /config/tiers, /config/categories)
  return app;
}

export type App = ReturnType<typeof createApp>;

export function notFound(c: Context) {
  return problem(c, 404, "route.not_found", `There is no route ${c.req.method} ${c.req.path}.`);
}
