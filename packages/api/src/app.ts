import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { createVerifier, type AuthOptions } from "./auth.ts";
import { docsPage } from "./docs.ts";
import { authenticate } from "./middleware.ts";
import { LocalPortalClientID, LocalProviderPath } from "./oidc/settings.ts";
import { open311Routes } from "./open311/index.ts";
import { router } from "./openapi.ts";
import { onError, problem } from "./problem.ts";
import { auditRoutes } from "./routes/audit.ts";
import { cadreAssignmentRoutes, cadreCoverageRoutes, cadreRoutes, homeUnitRoutes, ledgerRoutes } from "./routes/cadres.ts";
import { configRoutes } from "./routes/config.ts";
import { devRoutes, type DemoTools } from "./routes/dev.ts";
import { districtRoutes } from "./routes/districts.ts";
import { emergencyRoutes } from "./routes/emergency.ts";
import { gridRoutes } from "./routes/grids.ts";
import { healthRoutes } from "./routes/health.ts";
import { meRoutes } from "./routes/me.ts";
import { meetingsRoutes } from "./routes/meetings.ts";
import { metricsRoutes } from "./routes/metrics.ts";
import { needsRoutes } from "./routes/needs.ts";
import { partyRoutes } from "./routes/party.ts";
import { peopleRoutes } from "./routes/people.ts";
import { provinceRoutes } from "./routes/provinces.ts";
import { signInRoutes } from "./routes/sign-in.ts";
import { ticketRoutes } from "./routes/tickets.ts";
import { usersRoutes } from "./routes/users.ts";
import { volunteersRoutes } from "./routes/volunteers.ts";
import { registerRoutes } from "./routes/register.ts";
import { wishesRoutes } from "./routes/wishes.ts";

export interface ApiOptions {
  /** `local`: the local server runs the OpenID provider (`oidc/`) and `/dev`; `aws`: tokens of the configured issuer only. */
  mode: "local" | "aws";
  auth: AuthOptions;
  /** Origins allowed by CORS (`*` for any). */
  corsOrigins: string[];
  /** Where the docs page loads Swagger UI from. */
  docsAssets: string;
  /** Local mode: the demo's accounts and progress for `/dev` (the local server hands them in). */
  demo?: DemoTools;
  /** The path the app is mounted under (`/api` when it shares a server with the portal). */
  basePath?: string;
  /** The scopes the portal asks the issuer for (`openid` unless the issuer needs more). */
  signInScope?: string;
}

/** Where the API answers on AWS: `/api` of the portal's own origin (infra/web.ts, lambda.ts). */
export const ApiBasePath = "/api";

/** The local OpenID provider's settings: it answers under the API's own URL (`<api>/oidc`), its ID tokens are for the portal. */
export function localAuth(apiUrl: string): AuthOptions {
  const issuer = `${apiUrl}${LocalProviderPath}`;
  return { jwksUrl: `${issuer}/jwks`, issuer, audience: LocalPortalClientID };
}

/**
 * The HTTP API: a thin layer that validates, authorises and calls the core. One router per
 * path prefix, mounted at it. Public routes come before the authentication middleware (and run
 * as the public actor of the district their URL names); everything after it needs a verified
 * token, and runs inside the actor context the token resolves to.
 */
export function createApp(options: ApiOptions) {
  const app = router();
  app.onError(onError);
  app.notFound(notFound);
  app.use(
    "*",
    cors({
      origin: options.corsOrigins.includes("*") ? "*" : options.corsOrigins,
      allowHeaders: ["authorization", "content-type", "idempotency-key"],
      allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
      maxAge: 600,
    }),
  );
  app.use(
    "*",
    bodyLimit({
      maxSize: 1024 * 1024,
      // The rest of the body is not read: the connection cannot carry another request, so say it closes.
      onError: (c) => {
        c.header("connection", "close");
        return problem(c, 413, "input.too_large", "The request body is larger than 1 MB; upload files through a presigned URL.");
      },
    }),
  );

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  app.route("/health", healthRoutes(options.mode));
  app.route("/sign-in", signInRoutes(options.auth, options.signInScope));
  if (options.mode === "local") app.route("/dev", devRoutes(options.demo));
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Wangge 网格 API",
      version: "0.1.0",
      description: "Multi-tenant neighbourhood grid governance. Every route but health, docs and local sign-in needs a bearer token.",
    },
    servers: [{ url: options.basePath ?? "/" }],
  });
  app.get("/docs", (c) => c.html(docsPage({ specUrl: `${options.basePath ?? ""}/openapi.json`, assetsBase: options.docsAssets })));

  const signedIn = authenticate(createVerifier(options.auth));
  // Open311 GeoReport v2: public per district (jurisdiction_id), API keys for submissions; its key admin routes sign in.
  app.route("/open311/v2", open311Routes({ signedIn }));
  // Public registration routes, then the signed-in district routes behind `signedIn`.
  app.route("/districts", districtRoutes(signedIn));
  // Everything from here on needs a sign-in, and runs as the actor the token resolves to.
  app.use("*", signedIn);
  app.route("/me", meRoutes);
  app.route("/provinces", provinceRoutes);
  app.route("/users", usersRoutes);
  app.route("/config", configRoutes);
  app.route("/grids", gridRoutes);
  app.route("/people", peopleRoutes);
  app.route("/party", partyRoutes);
  app.route("/tickets", ticketRoutes);
  // The governance mechanisms (治理机制).
  app.route("/home-units", homeUnitRoutes);
  app.route("/cadres", cadreRoutes);
  app.route("/cadre-coverage", cadreCoverageRoutes);
  app.route("/cadre-assignments", cadreAssignmentRoutes);
  app.route("/ledger", ledgerRoutes);
  app.route("/wishes", wishesRoutes);
  app.route("/register", registerRoutes);
  app.route("/needs", needsRoutes);
  app.route("/meetings", meetingsRoutes);
  app.route("/volunteers", volunteersRoutes);
  app.route("/emergency", emergencyRoutes);
  app.route("/audit", auditRoutes);
  app.route("/metrics", metricsRoutes);
  return app;
}

export function notFound(c: Context) {
  return problem(c, 404, "route.not_found", `There is no route ${c.req.method} ${c.req.path}.`);
}
