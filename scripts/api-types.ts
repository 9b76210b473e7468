/**
 * `npm run types:api`: writes web/src/data/api-schema.d.ts, the portal's types of every API
 * path, from the OpenAPI document the API builds (in process: no server, no database).
 * A test keeps the committed file equal to a fresh generation (scripts/api-types.test.ts).
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { localSettings, root } from "./lib/env.ts";

export const apiSchemaPath = join(root, "web", "src", "data", "api-schema.d.ts");

const header = [
  "/**",
  " * The API's paths, parameters, bodies and replies as types, for the portal's typed client (data/api.ts).",
  " * Generated from the API's OpenAPI document by `npm run types:api` (scripts/api-types.ts): do not edit by hand.",
  " */",
  "",
].join("\n");

/** The API's OpenAPI document, as `GET /openapi.json` serves it in local mode (with the dev sign-in routes). */
export async function apiDocument(): Promise<Record<string, unknown>> {
  localSettings();
  const { createApp, localAuth } = await import("../packages/api/src/app.ts");
  const app = createApp({ mode: "local", auth: localAuth("http://127.0.0.1:3000"), corsOrigins: ["*"], docsAssets: "/" });
  const response = await app.request("/openapi.json");
  if (!response.ok) throw new Error(`GET /openapi.json answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** The text of web/src/data/api-schema.d.ts. */
export async function apiTypes(): Promise<string> {
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  const ast = await openapiTS((await apiDocument()) as never, { alphabetize: true });
  return header + astToString(ast);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await writeFile(apiSchemaPath, await apiTypes());
  console.log(`wrote ${apiSchemaPath}`);
}
