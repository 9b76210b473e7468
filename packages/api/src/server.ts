import { serve, type ServerType } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { createRequire } from "node:module";
import { dirname, relative } from "node:path";
import * as Demo from "@wangge/core/demo/index";
import { bucketName } from "@wangge/core/storage/bucket";
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
  if (demo && process.env.S3_ENDPOINT) {
    // Photos are shown through this server, as through CloudFront on AWS (core's ticket/photo.ts urls()).
    const origin = `http://${options.hostname ?? "127.0.0.1"}:${options.port}`;
    process.env.PHOTO_ORIGIN = origin;
    root.get(`/${bucketName()}/photos/*`, (c) => photoThrough(c.req.raw, process.env.S3_ENDPOINT!));
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

/**
 * A photo from the bucket, path and presigned query unchanged (the signature holds), answered
 * with the type S3 gives (the one the link fixed) and `nosniff`: what CloudFront's `/photos/*`
 * does on AWS.
 */
export async function photoThrough(request: Request, s3Endpoint: string): Promise<Response> {
  const { pathname, search } = new URL(request.url);
  const answer = await fetch(`${s3Endpoint.replace(/\/$/, "")}${pathname}${search}`);
  const headers = new Headers({ "x-content-type-options": "nosniff", "cache-control": "private, max-age=3600" });
  for (const name of ["content-type", "content-length", "content-disposition", "etag", "last-modified"]) {
    const value = answer.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(answer.body, { status: answer.status, headers });
}
