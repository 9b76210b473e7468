import { type Context, Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { matchedRoutes } from "hono/route";
import { createVerifier, type AuthOptions } from "./auth.ts";
import { annotate } from "./log.ts";
import { authenticate } from "./middleware.ts";
import { LocalPortalClientID, LocalProviderPath } from "./oidc/settings.ts";
import { onError, problem } from "./problem.ts";
import type { DemoTools } from "./routes/dev.ts";

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

/** A router of one path prefix (`routes/*.ts`): an OpenAPIHono (`router()`) whose routes document themselves. */
type Routes = Pick<Hono, "routes">;

/** A route group: the router of one path prefix, and how to load its module. */
interface RouteGroup {
  prefix: string;
  load: () => Promise<Routes>;
}

/**
 * Every route group, in the order they are mounted (and documented). `open` ones answer before
 * the sign-in middleware (each checks what it needs itself); `signedIn` ones after it. A group's
 * module is imported the first time a request reaches its prefix (or the document is asked for),
 * so that a cold start holds the app's shell and the sign-in only: routes are added to a group's
 * module, never listed here.
 */
function routeGroups(options: ApiOptions, signedIn: MiddlewareHandler): { open: RouteGroup[]; signedIn: RouteGroup[] } {
  const group = (prefix: string, load: () => Promise<Routes>): RouteGroup => {
    let loading: Promise<Routes> | undefined;
    const once = () => {
      if (!loading) {
        loading = load();
        // A failed import is tried again by the next request, not remembered.
        loading.catch(() => {
          loading = undefined;
        });
      }
      return loading;
    };
    return { prefix, load: once };
  };
  return {
    open: [
      group("/health", async () => (await import("./routes/health.ts")).healthRoutes(options.mode)),
      group("/sign-in", async () => (await import("./routes/sign-in.ts")).signInRoutes(options.auth, options.signInScope)),
      ...(options.mode === "local" ? [group("/dev", async () => (await import("./routes/dev.ts")).devRoutes(options.demo))] : []),
      // Open311 GeoReport v2: public per district (jurisdiction_id), API keys for submissions; its key admin routes sign in.
      group("/open311/v2", async () => (await import("./open311/index.ts")).open311Routes({ signedIn })),
      // Public registration routes, then the signed-in district routes behind `signedIn`.
      group("/districts", async () => (await import("./routes/districts.ts")).districtRoutes(signedIn)),
    ],
    signedIn: [
      group("/me", async () => (await import("./routes/me.ts")).meRoutes),
      group("/provinces", async () => (await import("./routes/provinces.ts")).provinceRoutes),
      group("/users", async () => (await import("./routes/users.ts")).usersRoutes),
      group("/config", async () => (await import("./routes/config.ts")).configRoutes),
      group("/grids", async () => (await import("./routes/grids.ts")).gridRoutes),
      group("/people", async () => (await import("./routes/people.ts")).peopleRoutes),
      group("/party", async () => (await import("./routes/party.ts")).partyRoutes),
      group("/tickets", async () => (await import("./routes/tickets.ts")).ticketRoutes),
      // The governance mechanisms (治理机制).
      group("/home-units", async () => (await import("./routes/cadres.ts")).homeUnitRoutes),
      group("/cadres", async () => (await import("./routes/cadres.ts")).cadreRoutes),
      group("/cadre-coverage", async () => (await import("./routes/cadres.ts")).cadreCoverageRoutes),
      group("/cadre-assignments", async () => (await import("./routes/cadres.ts")).cadreAssignmentRoutes),
      group("/ledger", async () => (await import("./routes/cadres.ts")).ledgerRoutes),
      group("/wishes", async () => (await import("./routes/wishes.ts")).wishesRoutes),
      group("/register", async () => (await import("./routes/register.ts")).registerRoutes),
      group("/needs", async () => (await import("./routes/needs.ts")).needsRoutes),
      group("/meetings", async () => (await import("./routes/meetings.ts")).meetingsRoutes),
      group("/volunteers", async () => (await import("./routes/volunteers.ts")).volunteersRoutes),
      group("/emergency", async () => (await import("./routes/emergency.ts")).emergencyRoutes),
      group("/audit", async () => (await import("./routes/audit.ts")).auditRoutes),
      group("/metrics", async () => (await import("./routes/metrics.ts")).metricsRoutes),
    ],
  };
}

/** How a group is put in place: at once (its router already loaded), or on first use. */
type Mount = (app: Hono, group: RouteGroup) => void;

/**
 * The HTTP API: a thin layer that validates, authorises and calls the core. One router per
 * path prefix, mounted at it. Public routes come before the authentication middleware (and run
 * as the public actor of the district their URL names); everything after it needs a verified
 * token, and runs inside the actor context the token resolves to.
 *
 * Each router's module is loaded on the first request to its prefix ({@link mountOnFirstUse}):
 * a cold start (Lambda) imports this shell, the sign-in and the error mapping, not the whole core.
 */
export function createApp(options: ApiOptions) {
  return build(options, authenticate(createVerifier(options.auth)), mountOnFirstUse, { loadBeforeSignIn: true });
}

/**
 * The same app with every router loaded and mounted in place (`app.route`): what {@link createApp}
 * serves, route for route, for those who list its routes (routes.test.ts).
 */
export async function createLoadedApp(options: ApiOptions) {
  const signedIn = authenticate(createVerifier(options.auth));
  const groups = routeGroups(options, signedIn);
  const loaded = new Map<string, Routes>();
  for (const group of [...groups.open, ...groups.signedIn]) loaded.set(group.prefix, await group.load());
  return build(options, signedIn, (app, group) => app.route(group.prefix, loaded.get(group.prefix) as Hono), { loadBeforeSignIn: false });
}

function build(options: ApiOptions, signedIn: MiddlewareHandler, mount: Mount, { loadBeforeSignIn }: { loadBeforeSignIn: boolean }) {
  const app = new Hono();
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

  const groups = routeGroups(options, signedIn);
  for (const group of groups.open) mount(app, group);
  let document: Promise<unknown> | undefined;
  app.get("/openapi.json", async (c) => {
    document ??= openApiDocument(options, [...groups.open, ...groups.signedIn]).catch((error) => {
      document = undefined;
      throw error;
    });
    return c.json(await document);
  });
  app.get("/docs", async (c) => {
    const { docsPage } = await import("./docs.ts");
    return c.html(docsPage({ specUrl: `${options.basePath ?? ""}/openapi.json`, assetsBase: options.docsAssets }));
  });
  // A signed-in request's group starts loading before the sign-in, which waits on the network
  // (the token's keys, the caller's records): on a cold start the two overlap.
  if (loadBeforeSignIn) for (const group of groups.signedIn) app.use(`${group.prefix}/*`, startLoading(group));
  // Everything from here on needs a sign-in, and runs as the actor the token resolves to.
  app.use("*", signedIn);
  for (const group of groups.signedIn) mount(app, group);
  return app;
}

/**
 * The OpenAPI 3.1 document, built from the routers themselves (each route declares its schemas):
 * every group is loaded and mounted in order on a router of its own, as `app.route` would.
 */
async function openApiDocument(options: ApiOptions, groups: RouteGroup[]) {
  const { router } = await import("./openapi.ts");
  const routes = router();
  routes.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  for (const group of groups) routes.route(group.prefix, (await group.load()) as Hono);
  return routes.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Wangge 网格 API",
      version: "0.1.0",
      description: "Multi-tenant neighbourhood grid governance. Every route but health, docs and local sign-in needs a bearer token.",
    },
    servers: [{ url: options.basePath ?? "/" }],
  });
}

/** Starts loading `group`'s router without waiting for it; a failure is the mount's to report (and retry). */
function startLoading(group: RouteGroup): MiddlewareHandler {
  return async (_c, next) => {
    group.load().catch(() => undefined);
    await next();
  };
}

/** What a group's own app answers for a request none of its routes takes: the outer app carries on. */
const Unmatched = "x-wangge-unmatched";

/**
 * Mounts `group` at its prefix by a handler that loads the group's router on the first request
 * and hands every request to it, mounted at the same full path (`/api/tickets`: the request's
 * path, parameters and the 404 text stay as they were). The router's errors become problems by the
 * same `onError`; a path it does not take goes on to the next handler, as an unmatched route did
 * (the sign-in, then the 404). The request log names the route that answered (`GET
 * /api/tickets/:ticketID`), not the prefix.
 */
const mountOnFirstUse: Mount = (app, group) => {
  const mounted = new Map<string, Promise<Hono>>();
  const mountAt = (path: string) => {
    let inner = mounted.get(path);
    if (!inner) {
      inner = group.load().then((routes) => {
        const at = new Hono();
        at.onError(onError);
        at.notFound((c) => c.body(null, 404, { [Unmatched]: "1" }));
        at.use("*", nameOperation);
        return at.route(path, routes as Hono);
      });
      mounted.set(path, inner);
      inner.catch(() => mounted.delete(path));
    }
    return inner;
  };
  app.all(`${group.prefix}/*`, async (c, next) => {
    // The handler's own path with the outer app's base path: `/api/tickets/*` → `/api/tickets`.
    const inner = await mountAt(c.req.routePath.slice(0, -"/*".length));
    const response = await inner.fetch(c.req.raw, c.env, executionContext(c));
    if (response.headers.has(Unmatched)) return next();
    return response;
  });
};

/** Names the request's route for the request log (log.ts), from inside a group mounted on first use. */
const nameOperation: MiddlewareHandler = async (c, next) => {
  await next();
  const route = matchedRoutes(c).findLast((matched) => matched.method !== "ALL");
  if (route) annotate({ operation: `${c.req.method} ${route.path}` });
};

function executionContext(c: Context) {
  try {
    return c.executionCtx;
  } catch {
    return undefined; // Node's server and app.request() have none.
  }
}

export function notFound(c: Context) {
  return problem(c, 404, "route.not_found", `There is no route ${c.req.method} ${c.req.path}.`);
}
