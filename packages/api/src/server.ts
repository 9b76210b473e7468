import { serve, type ServerType } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { createRequire } from "node:module";
import { dirname, relative } from "node:path";
import * as Demo from "@wangge/core/demo/index";
import { createApp, notFound, type ApiOptions } from "./app.ts";
import { createLocalProvider, type LocalProvider } from "./oidc/index.ts";
import { onError } from "./problem.ts";

const require = createRequire(import.meta.url);

export interface ServerOptions extends ApiOptions {
  port: number;
  hostname?: string;
  /** A built portal to serve at `/` (the API then lives under `basePath`). */
  portalDir?: string;
  /**
   * Local mode: the portal's origins, whose `/auth/callback` the local OpenID provider
   * redirects to (default: this server's own, where `portalDir` is served). One host for now:
   * the provider's transitional pairwise subject (oidc/accounts.ts) wants a single sector.
   */
  portalOrigins?: string[];
}

/**
 * The same app under @hono/node-server, for the local stack and tests. Swagger UI's assets
 * are served from the installed `swagger-ui-dist` so the docs work offline.
 */
export async function startServer(
  options: ServerOptions,
): Promise<{ url: string; close(): Promise<void>; server: ServerType; provider?: LocalProvider }> {
  const basePath = options.basePath ?? "";
  const root = new Hono();
  root.notFound(notFound);
  root.onError(onError);
  const swaggerDir = relative(process.cwd(), dirname(require.resolve("swagger-ui-dist/package.json")));
  root.use(
    `${basePath}/docs/assets/*`,
    serveStatic({ root: swaggerDir, rewriteRequestPath: (path) => path.replace(`${basePath}/docs/assets`, "") }),
  );
  // The local server is the only place the demo reaches the API (the Lambda handler does not import it).
  const demo = options.mode === "local" ? { accounts: Demo.DemoAccounts, status: Demo.status } : undefined;
  // Local mode: the OpenID provider the API's verifier trusts (`localAuth`), at its issuer's path.
  let provider: LocalProvider | undefined;
  if (demo) {
    const origin = `http://${options.hostname ?? "127.0.0.1"}:${options.port}`;
    provider = await createLocalProvider({ issuer: options.auth.issuer, portalOrigins: options.portalOrigins ?? [origin], demo });
    root.route(new URL(options.auth.issuer).pathname, provider.routes);
  }
  root.route(basePath || "/", createApp({ ...options, demo, docsAssets: `${basePath}/docs/assets` }));
  if (options.portalDir) {
    const portal = relative(process.cwd(), options.portalDir);
    root.use("*", serveStatic({ root: portal }));
    root.get("*", serveStatic({ root: portal, path: "index.html" }));
  }
  return new Promise((resolve) => {
    const server = serve({ fetch: root.fetch, port: options.port, hostname: options.hostname ?? "127.0.0.1" }, (info) =>
      resolve({
        url: `http://${options.hostname ?? "127.0.0.1"}:${info.port}`,
        server,
        provider,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}
