import { describe, expect, it } from "vitest";
import { type ApiOptions, createApp, createLoadedApp, localAuth } from "./app.ts";

/** Served on purpose without being in the document: the document itself and the page that shows it. */
const UNDOCUMENTED = ["GET /openapi.json", "GET /docs"];

/**
 * Registered for every method without being a route: `use()` middleware (CORS and the body limit
 * on `/*`, sign-in on `/districts/*` and Open311's `/keys`) and Open311's GeoReport-shaped 404
 * (`/open311/v2/*`). Anything else registered for every method is a route the document lacks.
 */
const MIDDLEWARE = ["ALL /*", "ALL /districts/*", "ALL /open311/v2/keys", "ALL /open311/v2/keys/*", "ALL /open311/v2/*"];

/**
 * The paths Hono serves for a documented path. GeoReport documents `/services.{format}`, served
 * as `/services`, `/services.xml` and `/services.json`; and `/requests/{id}.{format}`, served as
 * `/requests/:file` (the format read off the file name). Everything else is the same path with
 * `{param}` written `:param`.
 */
function servedAs(path: string): string[] {
  const file = /^(.*)\/\{[^}]+\}\.\{format\}$/.exec(path);
  if (file) return [`${file[1]}/:file`];
  if (path.endsWith(".{format}")) {
    const base = path.slice(0, -".{format}".length);
    return [base, `${base}.xml`, `${base}.json`];
  }
  return [path.replace(/\{([^}]+)\}/g, ":$1")];
}

describe("the OpenAPI document", () => {
  it("documents every route the app serves, and the app serves every documented route", async () => {
    const options: ApiOptions = { mode: "local", auth: localAuth("http://127.0.0.1:9"), corsOrigins: ["*"], docsAssets: "/docs/assets" };
    const response = await createApp(options).request("/openapi.json");
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).flatMap((method) => servedAs(path).map((served) => `${method.toUpperCase()} ${served}`)),
    );

    // The routers the app loads on first use, all mounted in place; a route appears once per
    // handler (validators, then the handler): one entry per method and path.
    const app = await createLoadedApp(options);
    const registered = [...new Set(app.routes.map((route) => `${route.method} ${route.path}`))];
    expect(registered).toEqual(expect.arrayContaining([...UNDOCUMENTED, ...MIDDLEWARE]));
    const served = registered.filter((route) => !UNDOCUMENTED.includes(route) && !MIDDLEWARE.includes(route));

    expect(served.filter((route) => !documented.includes(route)).sort(), "served but not documented").toEqual([]);
    expect(documented.filter((route) => !served.includes(route)).sort(), "documented but not served").toEqual([]);
    expect(new Set(documented).size).toBe(documented.length);
    expect(served.length).toBeGreaterThan(130);
  });
});
