import { serve, type ServerType } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono, type MiddlewareHandler } from "hono";
import { createRequire } from "node:module";
import { dirname, relative } from "node:path";
import type { Duplex } from "node:stream";
import * as Demo from "@wangge/core/demo/index";
import { bucketName } from "@wangge/core/storage/bucket";
import { createApp, notFound, type ApiOptions } from "./app.ts";
import { createLocalProvider, type LocalProvider } from "./oidc/index.ts";
import { onError, problemOf, ProblemContentType } from "./problem.ts";

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
export async function startServer(options: ServerOptions): Promise<{
  url: string;
  close(): Promise<void>;
  server: ServerType;
  provider?: LocalProvider;
  /** The same app in process, without the socket (tests that send many requests: the fuzz). */
  fetch: (request: Request) => Response | Promise<Response>;
}> {
  const basePath = options.basePath ?? "";
  const root = new Hono();
  root.notFound(notFound);
  root.onError(onError);
  root.use("*", closeWhenBodyUnread);
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
        fetch: (request) => root.fetch(request),
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
    server.on("clientError", answerClientError);
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

/**
 * A reply sent before the request's body was read (a 401 before a large upload, a 404 for a
 * route that takes no body) closes the connection: @hono/node-server would otherwise drain the
 * body for at most 500 ms and then destroy the socket, which the client may already be reusing
 * for its next request ("other side closed", found by the fuzz).
 */
const closeWhenBodyUnread: MiddlewareHandler = async (c, next) => {
  await next();
  const request = c.req.raw;
  const hasBody = request.headers.has("transfer-encoding") || Number(request.headers.get("content-length") ?? 0) > 0;
  if (hasBody && !request.bodyUsed) c.res.headers.set("connection", "close");
};

/**
 * Requests that Node's HTTP parser refuses before the app sees them (a URL or headers over its
 * 16 KB limit, malformed HTTP) get a problem too, not Node's bare `431`/`400` with no body.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code === "ECONNRESET" || !socket.writable) return socket.destroy();
  const [status, code, detail] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "input.headers_too_large", "The request line or headers are larger than 16 KB."]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "input.timeout", "The request did not arrive in time."]
        : [400, "input.malformed", "The request is not valid HTTP."];
  const body = JSON.stringify(problemOf(status, code, detail));
  const reason = status === 431 ? "Request Header Fields Too Large" : status === 408 ? "Request Timeout" : "Bad Request";
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: ${ProblemContentType}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
