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

type Json = Record<string, unknown>;

/**
 * A request's schemas without their `default`s: a field with a default is one the caller may leave
 * out, while in a reply it is always there. openapi-typescript reads a default as "always there"
 * (right for replies), so the schemas that only requests use lose theirs before it runs.
 */
export function requestsWithoutDefaults(document: Json): Json {
  const copy = structuredClone(document) as Json;
  const schemas = ((copy.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  const refsIn = (node: unknown, into: Set<string>) => {
    if (Array.isArray(node)) for (const item of node) refsIn(item, into);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")) {
          const name = value.slice("#/components/schemas/".length);
          if (!into.has(name)) {
            into.add(name);
            refsIn(schemas[name], into);
          }
        } else refsIn(value, into);
      }
    }
  };
  const operations = Object.values((copy.paths ?? {}) as Record<string, Json>).flatMap((item) => Object.values(item) as Json[]);
  const inRequests = new Set<string>();
  const inReplies = new Set<string>();
  for (const operation of operations) {
    if (!operation || typeof operation !== "object") continue;
    refsIn(operation.requestBody, inRequests);
    refsIn(operation.responses, inReplies);
  }
  const dropDefaults = (node: unknown) => {
    if (Array.isArray(node)) for (const item of node) dropDefaults(item);
    else if (node && typeof node === "object") {
      delete (node as Json).default;
      for (const value of Object.values(node)) dropDefaults(value);
    }
  };
  for (const operation of operations) if (operation && typeof operation === "object") dropDefaults(operation.requestBody);
  for (const name of inRequests) if (!inReplies.has(name)) dropDefaults(schemas[name]);
  return copy;
}

/**
 * A nullable reference as zod-openapi writes it, `allOf: [{$ref}, {type: ["object", "null"]}]`
 * (which strictly allows no null), as what it means: `anyOf: [{$ref}, {type: "null"}]`.
 */
export function nullableReferences(document: Json): Json {
  const copy = structuredClone(document) as Json;
  const visit = (node: unknown) => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    else if (node && typeof node === "object") {
      const schema = node as Json;
      const parts = schema.allOf;
      if (Array.isArray(parts) && parts.length === 2 && (parts[0] as Json).$ref) {
        const second = parts[1] as Json;
        if (Object.keys(second).length === 1 && Array.isArray(second.type) && second.type.includes("null")) {
          delete schema.allOf;
          schema.anyOf = [parts[0], { type: "null" }];
        }
      }
      for (const value of Object.values(schema)) visit(value);
    }
  };
  visit(copy);
  return copy;
}

/** The text of web/src/data/api-schema.d.ts. */
export async function apiTypes(): Promise<string> {
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  const ast = await openapiTS(nullableReferences(requestsWithoutDefaults(await apiDocument())) as never, { alphabetize: true });
  return header + astToString(ast);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await writeFile(apiSchemaPath, await apiTypes());
  console.log(`wrote ${apiSchemaPath}`);
}
