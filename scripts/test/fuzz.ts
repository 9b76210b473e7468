/**
 * Fuzzing the API from its own OpenAPI document (issue 16): for every operation, fast-check
 * arbitraries derived from the operation's JSON schemas (path and query parameters, JSON and
 * form bodies) give requests that look valid and requests that are hostile (wrong types, huge
 * numbers, NaN-ish and very long strings, unicode and lone surrogates, `__proto__` keys, deep
 * nesting, malformed JSON, wrong content types, malformed percent-encoding), sent as a mix of
 * callers over real HTTP. The oracle: no 5xx, and every error is problem+json, except
 * GeoReport's (Open311) routes, whose errors are its `errors` document in the asked format.
 *
 * Used by `packages/api/src/fuzz.test.ts` (CI's short run) and `npm run fuzz` (long runs).
 * A failure throws fast-check's report: the seed and path of the run and the shrunk batch of
 * requests (method, path, caller, headers, body), with the status and reply that broke the rule.
 */
import fc from "fast-check";
import { As, type startTestApi } from "./api.ts";

export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  prefixItems?: Schema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  example?: unknown;
}

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: Schema;
  example?: unknown;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { operationId: string; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  operationId: string;
  method: string;
  template: string;
  parameters: Parameter[];
  /** The body's media type and schema, when the operation takes one. */
  body?: { type: string; schema: Schema };
}

/** Every operation of the document. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const [type, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      return {
        operationId: operation.operationId,
        method: method.toUpperCase(),
        template,
        parameters: operation.parameters ?? [],
        body: type ? { type, schema: content!.schema } : undefined,
      };
    }),
  );
}

// ─── values from schemas ───

/** JSON text spliced as is into a body (deep nesting that would overflow a recursive serialiser here). */
class Raw {
  constructor(readonly text: string) {}
}

/** JSON text of a value; `Raw` goes in verbatim, own `__proto__` keys stay keys. */
function toJson(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${toJson((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

/** An object with these own keys, `__proto__` included (a literal would set the prototype instead). */
const objectOf = (entries: [string, unknown][]) => Object.fromEntries(entries);

const SpecialStrings = [
  "",
  " ",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-0",
  "0x1F",
  "9007199254740993",
  "-1",
  "0",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "../../etc/passwd",
  "%00",
  "\u0000",
  "\uD800",
  "\uDFFF\uD800",
  "\u202Eevil",
  "\uFEFF",
  "ǅ̴̧̛",
  "👨‍👩‍👧‍👦",
  "٣٤",
  "<script>alert(1)</script>",
  "<?xml?><!DOCTYPE x [<!ENTITY y SYSTEM 'file:///etc/passwd'>]>",
  "' OR '1'='1",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell-style lookup, sent as text.
  "${jndi:ldap://x}",
  "{{7*7}}",
  "2026-02-30T25:61:61Z",
  "2026-13",
  "0000-00",
  "9999-12",
  "jianyang",
  "yanping",
  "root",
];

/** Strings chosen to break parsers and lookups, up to `longest` characters. */
function hostileText(longest: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...SpecialStrings) },
    { weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 4, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer({ min: 81, max: Math.max(81, longest / 40) }).map((length) => "字".repeat(length)) },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: longest }).map((length) => "x".repeat(length)) },
  );
}

/** Hostile strings for bodies: up to 200,000 characters. */
export const hostileString = hostileText(200_000);

/** Hostile strings for URLs: some over Node's 16 KB limit for the request line, most well under it. */
const hostileUrlString = hostileText(20_000);

const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 1, -(2 ** 63), 1e21, -0, 0.5, 1e-7, 2 ** 31, -1),
  fc.double(),
  fc.integer(),
);

/** JSON nested `depth` levels deep, as text. */
const deepNesting = fc
  .tuple(fc.integer({ min: 20, max: 50_000 }), fc.boolean())
  .map(([depth, arrays]) => new Raw(arrays ? `${"[".repeat(depth)}${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`));

const PollutionKeys = ["__proto__", "constructor", "prototype", "__defineGetter__", "toString", "valueOf", "hasOwnProperty"];

/** A key for an extra property: prototype pollution, odd unicode, or any string. */
const extraKey = fc.oneof(
  fc.constantFrom(...PollutionKeys),
  fc.string({ maxLength: 12 }),
  hostileString.filter((key) => key.length < 100),
);

/** Any hostile JSON value, possibly nested. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    hostileNumber,
    hostileString,
    deepNesting,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.array(fc.tuple(extraKey, tie("value")), { maxLength: 4 }).map(objectOf),
    fc.constantFrom(...PollutionKeys).map((key) => objectOf([[key, { polluted: true, isAdmin: true, roles: ["district_admin"] }]])),
  ),
})).value;

/** Resolves `$ref`s and merges `allOf` into one schema. */
function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`No schema ${schema.$ref} in the document`);
    return resolve(doc, { ...target, ...schema, $ref: undefined });
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolve(doc, part));
    const merged: Schema = { ...schema, allOf: undefined, properties: {}, required: [] };
    for (const part of parts) {
      const { properties, required, ...rest } = part;
      Object.assign(merged, rest);
      Object.assign(merged.properties!, properties);
      merged.required!.push(...(required ?? []));
    }
    return merged;
  }
  return schema;
}

const isoDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString());

function stringOf(schema: Schema): fc.Arbitrary<string> {
  if (schema.pattern) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(schema.pattern);
    } catch {
      return fc.string();
    }
    return fc.stringMatching(pattern).filter((value) => value.length <= (schema.maxLength ?? 10_000));
  }
  switch (schema.format) {
    case "date-time":
      return isoDate;
    case "date":
      return isoDate.map((value) => value.slice(0, 10));
    case "email":
      return fc.emailAddress();
    case "uri":
    case "url":
      return fc.webUrl();
    case "uuid":
      return fc.uuid();
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? Math.max(minLength, 30), minLength + 60);
  // Words the demo uses (slugs, category keys), where they fit: a filter none passes would never end.
  const words = ["jianyang", "garbage", "road", "网格员", "城管"].filter((word) => word.length >= minLength && word.length <= maxLength);
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ minLength, maxLength, unit: "grapheme" }),
    ...(words.length ? [fc.constantFrom(...words)] : []),
  );
}

function numberOf(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : schema.minimum;
  const max = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-9) : schema.maximum;
  if (integer) return fc.integer({ min: Math.ceil(min ?? -1_000_000), max: Math.floor(max ?? 1_000_000) });
  return fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: true, noDefaultInfinity: true });
}

/** Values that a schema accepts, or nearly: what a careful client would send. */
export function validOf(doc: OpenApiDocument, input: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, input);
  if (depth > 8) return fc.constant(null);
  if ("const" in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => validOf(doc, choice, depth + 1)));
  const types = Array.isArray(schema.type)
    ? schema.type
    : schema.type
      ? [schema.type]
      : schema.properties
        ? ["object"]
        : schema.items
          ? ["array"]
          : [];
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  if (types.length > 1) return fc.oneof(...types.map((type) => validOf(doc, { ...schema, type }, depth + 1)));
  switch (types[0]) {
    case "string":
      return stringOf(schema);
    case "integer":
      return numberOf(schema, true);
    case "number":
      return fc.oneof(numberOf(schema, true), numberOf(schema, false));
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((item) => validOf(doc, item, depth + 1)));
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? minLength + 4, minLength + 4);
      return fc.array(schema.items ? validOf(doc, schema.items, depth + 1) : fc.jsonValue({ maxDepth: 1 }), { minLength, maxLength });
    }
    case "object": {
      const properties = schema.properties ?? {};
      const names = Object.keys(properties);
      if (names.length === 0) {
        if (schema.additionalProperties && typeof schema.additionalProperties === "object")
          return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), validOf(doc, schema.additionalProperties, depth + 1), {
            maxKeys: 3,
          });
        return fc.constant({});
      }
      const model = Object.fromEntries(names.map((name) => [name, validOf(doc, properties[name]!, depth + 1)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) }) as fc.Arbitrary<unknown>;
    }
  }
  return fc.jsonValue({ maxDepth: 2 });
}

/** A valid-looking value, one of whose fields (or itself) is replaced, or that gains extra keys. */
function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    // One field of the value (at any depth) becomes hostile.
    fc.tuple(valid, fc.nat(), hostileValue).map(([value, pick, replacement]) => replaceOne(value, pick, replacement)),
    // Extra properties, prototype pollution among them.
    fc
      .tuple(valid, fc.array(fc.tuple(extraKey, hostileValue), { minLength: 1, maxLength: 3 }))
      .map(([value, extra]) =>
        value && typeof value === "object" && !Array.isArray(value) ? objectOf([...Object.entries(value), ...extra]) : objectOf(extra),
      ),
    // A required field missing.
    fc.tuple(valid, fc.nat()).map(([value, pick]) => {
      if (!value || typeof value !== "object" || Array.isArray(value)) return value;
      const keys = Object.keys(value);
      return keys.length ? objectOf(Object.entries(value).filter(([key]) => key !== keys[pick % keys.length])) : value;
    }),
    hostileValue,
  );
}

/** `value` with its `pick`-th node (depth first, itself included) replaced. */
function replaceOne(value: unknown, pick: number, replacement: unknown): unknown {
  const nodes: unknown[] = [];
  const walk = (node: unknown) => {
    nodes.push(node);
    if (node && typeof node === "object") for (const child of Object.values(node)) walk(child);
  };
  walk(value);
  const target = nodes[pick % nodes.length];
  const rebuild = (node: unknown): unknown => {
    if (node === target) return replacement;
    if (Array.isArray(node)) return node.map(rebuild);
    if (node && typeof node === "object") return objectOf(Object.entries(node).map(([key, child]) => [key, rebuild(child)]));
    return node;
  };
  return rebuild(value);
}

// ─── requests ───

export const CallerNames = ["anonymous", "forged", "resident", "worker", "districtAdmin", "provincialAdmin"] as const;
export type CallerName = (typeof CallerNames)[number];

/** One request of the fuzz, printed short (long strings cut) when fast-check reports it. */
export class FuzzRequest {
  constructor(
    readonly operationId: string,
    readonly method: string,
    readonly path: string,
    readonly caller: CallerName,
    readonly headers: Record<string, string>,
    readonly body?: string,
  ) {}
  [fc.toStringMethod]() {
    return `${this.method} ${cut(this.path, 300)} as ${this.caller} (${this.operationId}) headers ${JSON.stringify(this.headers)}${
      this.body === undefined ? "" : ` body ${JSON.stringify(cut(this.body, 600))}`
    }`;
  }
}

const cut = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…(${text.length} chars)` : text);

/** Path segments sent as they are: malformed percent-encoding, dot segments, encoded slashes. */
const rawSegment = fc.constantFrom(
  "%",
  "%zz",
  "%E0%A4%A",
  "%C0%AF",
  "%2e%2e",
  "..%2F..%2F",
  "a%2Fb",
  "%00",
  "%25",
  "%u0041",
  "%F0%9F%98",
  ";",
  "a;b=c",
);

/** Bodies that are not JSON at all, or not the JSON they claim. */
const malformedJson = fc.oneof(
  fc.constantFrom(
    "{",
    '{"a":',
    "[1,2",
    "nul",
    "{'a':1}",
    '{"a":1}}',
    "",
    " ",
    "NaN",
    "{a:1}",
    '{"a":01}',
    '"\\ud800"',
    "\u0000",
    '{"__proto__":',
  ),
  fc.string({ unit: "binary", maxLength: 60 }),
);

const WrongContentTypes = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/json; charset=utf-16",
  "application/json; charset=ascii; boundary=",
  "application/problem+json",
  "",
];

/**
 * Percent-encoding for any string: a lone surrogate (which `encodeURIComponent` refuses) goes
 * as its three WTF-8 bytes, which are not valid UTF-8: what a careless client might send.
 */
export function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {}
  let encoded = "";
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const pair = unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      encoded += encodeURIComponent(text.slice(index, index + 2));
      index++;
    } else if (unit >= 0xd800 && unit <= 0xdfff)
      encoded += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join("");
    else encoded += encodeURIComponent(text[index]!);
  }
  return encoded;
}

/** Real ids as choices (none when there are none: fast-check's weights must not all be zero). */
function knownOf(known: string[], weight: number, as: (id: string) => string = encode) {
  return known.length ? [{ weight, arbitrary: fc.constantFrom(...known).map(as) }] : [];
}

export interface RequestContext {
  /** Real record ids by path or query parameter name (`gridID`, `ticketID`…), so that requests reach past lookups. */
  ids: Record<string, string[]>;
}

/** Requests for one operation. */
export function requestsOf(doc: OpenApiDocument, operation: Operation, context: RequestContext): fc.Arbitrary<FuzzRequest> {
  const pathParameters = [...operation.template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const parameter = (name: string, place: string) => operation.parameters.find((entry) => entry.name === name && entry.in === place);

  const segment = (name: string): fc.Arbitrary<string> => {
    const schema = parameter(name, "path")?.schema ?? { type: "string" };
    // Real ids, and the document's example (`root` for the first tier, `3` for a version).
    const example = parameter(name, "path")?.example ?? schema.example;
    const known = [...(context.ids[name] ?? []), ...(example === undefined ? [] : [String(example)])];
    return fc.oneof(
      { weight: 3, arbitrary: validOf(doc, schema).map((value) => encode(String(value))) },
      ...knownOf(known, 4),
      { weight: 2, arbitrary: hostileUrlString.map(encode) },
      { weight: 1, arbitrary: rawSegment },
    );
  };
  const path = fc.tuple(...pathParameters.map(segment)).map((values) => {
    let index = 0;
    return operation.template.replace(/\{(\w+)\}/g, () => values[index++] ?? "");
  });

  const queryParameters = operation.parameters.filter((entry) => entry.in === "query");
  const queryValue = (entry: Parameter): fc.Arbitrary<string | undefined> => {
    const known = context.ids[entry.name] ?? [];
    return fc.oneof(
      ...(entry.required ? [] : [{ weight: 3, arbitrary: fc.constant(undefined) }]),
      { weight: 4, arbitrary: validOf(doc, entry.schema ?? { type: "string" }).map((value) => encode(String(value))) },
      ...knownOf(known, 2),
      { weight: 2, arbitrary: hostileUrlString.map(encode) },
      { weight: 1, arbitrary: rawSegment },
    );
  };
  const query = fc
    .tuple(
      fc.tuple(...queryParameters.map(queryValue)),
      // Unknown and repeated parameters.
      fc.array(fc.tuple(fc.oneof(extraKey, fc.constantFrom(...queryParameters.map((entry) => entry.name), "limit")), hostileUrlString), {
        maxLength: 2,
      }),
    )
    .map(([values, extra]) => {
      const pairs = queryParameters.flatMap((entry, index) => (values[index] === undefined ? [] : [`${entry.name}=${values[index]}`]));
      for (const [name, value] of extra) pairs.push(`${encode(name)}=${encode(value)}`);
      return pairs.length ? `?${pairs.join("&")}` : "";
    });

  // Header parameters (Idempotency-Key): fetch only carries printable Latin-1.
  const headerParameters = operation.parameters.filter((entry) => entry.in === "header");
  const headers = fc
    .tuple(
      ...headerParameters.map((entry) =>
        fc.oneof(
          fc.constant(undefined),
          validOf(doc, entry.schema ?? { type: "string" }).map((value) => String(value).replace(/[^\x20-\x7e]/g, "-")),
          fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 300 }),
        ),
      ),
    )
    .map((values) =>
      Object.fromEntries(headerParameters.flatMap((entry, index) => (values[index] === undefined ? [] : [[entry.name, values[index]!]]))),
    );

  const body = bodiesOf(doc, operation, context);
  const caller = fc.constantFrom(...CallerNames);
  return fc
    .record({ path, query, headers, body, caller })
    .map(
      ({ path, query, headers, body, caller }) =>
        new FuzzRequest(
          operation.operationId,
          operation.method,
          `${path}${query}`,
          caller,
          { ...headers, ...(body.type === undefined ? {} : { "content-type": body.type }) },
          body.text,
        ),
    );
}

interface Body {
  type?: string;
  text?: string;
}

function bodiesOf(doc: OpenApiDocument, operation: Operation, context: RequestContext): fc.Arbitrary<Body> {
  const junk = fc.oneof(
    { weight: 6, arbitrary: fc.constant<Body>({}) },
    { weight: 1, arbitrary: hostileValue.map((value): Body => ({ type: "application/json", text: toJson(value) })) },
    { weight: 1, arbitrary: malformedJson.map((text): Body => ({ type: "application/json", text })) },
  );
  // fetch sends no body with a GET.
  if (operation.method === "GET" || operation.method === "HEAD") return fc.constant({});
  if (!operation.body) return junk;
  if (operation.body.type === "application/x-www-form-urlencoded") return formBodiesOf(doc, operation.body.schema, context);
  const valid = validOf(doc, operation.body.schema);
  const json = (value: unknown): Body => ({ type: "application/json", text: toJson(value) });
  return fc.oneof(
    { weight: 5, arbitrary: valid.map(json) },
    { weight: 5, arbitrary: mutated(valid).map(json) },
    { weight: 1, arbitrary: malformedJson.map((text): Body => ({ type: "application/json", text })) },
    // Valid-looking JSON cut short.
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.nat())
        .map(([value, at]): Body => ({ type: "application/json", text: toJson(value).slice(0, at % 40) })),
    },
    // Valid-looking JSON under another content type, or none.
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...WrongContentTypes))
        .map(([value, type]): Body => ({ type: type || undefined, text: toJson(value) })),
    },
    // No body at all, or (rarely: it costs a megabyte each) one over the 1 MB limit.
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 0, max: 20 })
        .map((pick): Body => (pick === 0 ? { type: "application/json", text: `{"a":"${"x".repeat(1024 * 1024 + 10)}"}` } : {})),
    },
  );
}

/** Open311's form bodies: the schema's fields as form fields, some hostile, some missing. */
function formBodiesOf(doc: OpenApiDocument, schema: Schema, context: RequestContext): fc.Arbitrary<Body> {
  const resolved = resolve(doc, schema);
  const names = Object.keys(resolved.properties ?? {});
  const field = (name: string) => {
    const known = context.ids[name] ?? [];
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 4, arbitrary: validOf(doc, resolved.properties![name]!).map((value) => String(value)) },
      ...knownOf(known, 4, (id) => id),
      { weight: 2, arbitrary: hostileString },
    );
  };
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.tuple(...names.map(field)).map((values): Body => {
        const form = new URLSearchParams();
        for (const [index, name] of names.entries()) if (values[index] !== undefined) form.append(name, values[index]!);
        return { type: "application/x-www-form-urlencoded", text: form.toString() };
      }),
    },
    { weight: 1, arbitrary: malformedJson.map((text): Body => ({ type: "application/x-www-form-urlencoded", text })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(hostileValue, fc.constantFrom(...WrongContentTypes))
        .map(([value, type]): Body => ({ type: type || undefined, text: toJson(value) })),
    },
  );
}

// ─── the oracle ───

export interface Reply {
  status: number;
  type: string;
  text: string;
}

/** Why a reply breaks the rules, or null: no 5xx; errors are problem+json, or Open311's errors document on its routes. */
export function whatIsWrong(url: URL, reply: Reply): string | null {
  if (reply.status >= 500) return `a ${reply.status}`;
  if (reply.status < 400) return null;
  const pathname = url.pathname;
  // Open311's key admin routes answer with problems; a path under /keys that is none of them is GeoReport's 404.
  const keys = /^\/open311\/v2\/keys(\/|$)/.test(pathname);
  const georeport =
    /^\/open311\/v2\//.test(pathname) && (!keys || (reply.status === 404 && !/^application\/problem\+json\b/.test(reply.type)));
  // Over Node's 16 KB limit for the request line, the server answers before any route is known (server.ts).
  const beforeRouting = reply.status === 431 && /^application\/problem\+json\b/.test(reply.type);
  if (georeport && !beforeRouting) return open311ErrorProblem(pathname, reply);
  if (!/^application\/problem\+json\b/.test(reply.type))
    return `an error of content type ${JSON.stringify(reply.type)}, not application/problem+json`;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return "a problem+json body that is not JSON";
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return "a problem+json body that is not an object";
  if (typeof body.type !== "string" || typeof body.title !== "string") return "a problem without type or title";
  if (body.status !== reply.status) return `a problem whose status ${body.status} is not the response's`;
  if (typeof body.code !== "string" || !/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/.test(body.code))
    return `a problem without a machine-readable code (${JSON.stringify(body.code)})`;
  if (typeof body.detail !== "string") return "a problem without detail";
  return null;
}

/** GeoReport v2 errors: `[{code, description}]` in JSON (`.json`), `<errors><error>…` in XML otherwise; the code is the status. */
function open311ErrorProblem(pathname: string, reply: Reply): string | null {
  if (pathname.endsWith(".json")) {
    if (!/^application\/json\b/.test(reply.type)) return `an Open311 JSON error of content type ${JSON.stringify(reply.type)}`;
    let body: unknown;
    try {
      body = JSON.parse(reply.text);
    } catch {
      return "an Open311 JSON error that is not JSON";
    }
    if (!Array.isArray(body) || body.length === 0) return "an Open311 JSON error that is not a list of errors";
    for (const error of body)
      if (!error || error.code !== reply.status || typeof error.description !== "string")
        return "an Open311 error without its code (the status) and description";
    return null;
  }
  if (!/^(text|application)\/xml\b/.test(reply.type)) return `an Open311 XML error of content type ${JSON.stringify(reply.type)}`;
  const document =
    /^<\?xml version="1\.0" encoding="utf-8"\?>\s*<errors>((?:<error><code>\d+<\/code><description>[^<]*<\/description><\/error>)+)<\/errors>$/.exec(
      reply.text,
    );
  if (!document) return "an Open311 XML error that is not an errors document";
  for (const [, code] of document[1]!.matchAll(/<code>(\d+)<\/code>/g))
    if (Number(code) !== reply.status) return `an Open311 error whose code ${code} is not the status`;
  return null;
}

// ─── the run ───

export interface FuzzOptions {
  /** The API's base URL (no trailing slash). */
  url: string;
  doc: OpenApiDocument;
  /** A bearer token for each signed-in caller. */
  tokens: Record<Exclude<CallerName, "anonymous" | "forged">, string>;
  context: RequestContext;
  /** Requests to send, at least (rounded up to whole batches). */
  requests: number;
  seed: number;
  /** Requests in flight at once (one batch of fast-check's run). */
  concurrency?: number;
  /** Operations fuzzed after all others (signing the callers out ends their sessions). */
  last?: string[];
  /** Operations left out (none by default). */
  skip?: string[];
  /**
   * The API in process (`app.fetch` of the server at `url`): requests go there rather than over
   * a socket, but for those whose request line is near Node's 16 KB limit, which only the socket
   * answers as Node's parser does (431). The app answers the same; it costs a fraction of the CPU.
   */
  inProcess?: (request: Request) => Response | Promise<Response>;
}

/** Request lines longer than this go over the socket even with `inProcess` (Node's parser refuses those over 16 KB). */
const SocketOnlyUrlLength = 8 * 1024;

export interface FuzzReport {
  requests: number;
  seconds: number;
  byStatus: Record<number, number>;
  byOperation: Record<string, number>;
  /** The slowest requests, slowest first, with their milliseconds. */
  slowest: { ms: number; request: string; status: number }[];
}

/** Runs the fuzz; throws fast-check's report (seed, path, shrunk requests, what was wrong) at the first broken rule. */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const concurrency = options.concurrency ?? 8;
  const operations = operationsOf(options.doc).filter((operation) => !options.skip?.includes(operation.operationId));
  const last = operations.filter((operation) => options.last?.includes(operation.operationId));
  const first = operations.filter((operation) => !last.includes(operation));
  const report: FuzzReport = { requests: 0, seconds: 0, byStatus: {}, byOperation: {}, slowest: [] };
  const started = performance.now();

  const send = async (request: FuzzRequest): Promise<string | null> => {
    const url = new URL(`${options.url}${request.path}`);
    const headers: Record<string, string> = { ...request.headers };
    if (request.caller === "forged") headers.authorization = "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.";
    else if (request.caller !== "anonymous") headers.authorization = `Bearer ${options.tokens[request.caller]}`;
    let reply: Reply;
    const sent = performance.now();
    try {
      const init = { method: request.method, headers, body: request.body, signal: AbortSignal.timeout(30_000) };
      const response =
        options.inProcess && url.href.length < SocketOnlyUrlLength
          ? await options.inProcess(new Request(url, init))
          : await fetch(url, init);
      reply = { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return `no reply: ${String(error)}${cause ? ` (${cause.code ?? ""} ${cause.message ?? ""})` : ""}`;
    }
    report.requests++;
    const ms = Math.round(performance.now() - sent);
    if (report.slowest.length < 5 || ms > report.slowest.at(-1)!.ms) {
      report.slowest.push({ ms, request: fc.stringify(request).slice(0, 300), status: reply.status });
      report.slowest.sort((a, b) => b.ms - a.ms).splice(5);
    }
    report.byStatus[reply.status] = (report.byStatus[reply.status] ?? 0) + 1;
    report.byOperation[request.operationId] = (report.byOperation[request.operationId] ?? 0) + 1;
    const wrong = whatIsWrong(url, reply);
    return wrong && `${wrong}: ${reply.status} ${reply.type} ${cut(reply.text, 800)}`;
  };

  const run = async (group: Operation[], requests: number, seed: number) => {
    if (group.length === 0 || requests <= 0) return;
    const request = fc.oneof(...group.map((operation) => requestsOf(options.doc, operation, options.context)));
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: concurrency, maxLength: concurrency }), async (batch) => {
        const outcomes = await Promise.all(batch.map(send));
        const broken = outcomes.flatMap((wrong, index) => (wrong ? [`${fc.stringify(batch[index])}\n  → ${wrong}`] : []));
        if (broken.length) throw new Error(`The API answered with\n${broken.join("\n")}`);
      }),
      { numRuns: Math.ceil(requests / concurrency), seed },
    );
  };
  const share = Math.round((options.requests * last.length) / Math.max(1, operations.length));
  await run(first, options.requests - share, options.seed);
  await run(last, share, options.seed + 1);
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** Real ids from what `get` returns for every list of the API (GET routes without path parameters), by field name. */
export async function harvestIds(
  doc: OpenApiDocument,
  get: (path: string) => Promise<unknown>,
  exclude: string[],
): Promise<Record<string, string[]>> {
  const ids: Record<string, Set<string>> = {};
  const walk = (value: unknown, key?: string) => {
    if (Array.isArray(value)) for (const item of value) walk(item, key);
    else if (value && typeof value === "object") for (const [name, child] of Object.entries(value)) walk(child, name);
    else if (key && /(ID|Id|_id|^slug|^version|^token)$/.test(key) && (typeof value === "string" || typeof value === "number")) {
      const text = String(value);
      if (!text || exclude.includes(text)) return;
      ids[key] ??= new Set();
      ids[key].add(text);
    }
  };
  for (const operation of operationsOf(doc))
    if (operation.method === "GET" && !operation.template.includes("{") && !operation.template.startsWith("/open311"))
      walk(await get(operation.template));
  return Object.fromEntries(Object.entries(ids).map(([name, values]) => [name, [...values].slice(0, 40)]));
}

/** Operations that end sessions: fuzzed after all others, so that the callers stay signed in until then. */
export const SignOutOperations = ["signOutEverywhere", "signOutUser"];

/**
 * The callers' tokens (a resident, a grid worker, a district admin, a provincial admin), an
 * Open311 API key, and real ids from every list, for a fuzz of `api` (from `startTestApi`).
 */
export async function fuzzSetup(api: Awaited<ReturnType<typeof startTestApi>>, doc: OpenApiDocument) {
  const callers = { resident: As.jianyangResident, worker: As.jianyangWorker, districtAdmin: As.jianyangAdmin, provincialAdmin: As.fujian };
  const tokens = Object.fromEntries(
    await Promise.all(Object.entries(callers).map(async ([name, caller]) => [name, await api.token(caller)] as const)),
  ) as FuzzOptions["tokens"];
  // An API key, so that some Open311 submissions get past the key check.
  const key = await api.call("POST", "/open311/v2/keys", { as: As.jianyangAdmin, body: { label: "fuzz" } });
  if (key.status !== 201) throw new Error(`Could not make an Open311 key: ${key.status} ${JSON.stringify(key.body)}`);
  // Ids of the callers are left out: a fuzzed PATCH /users/admin could disable the fuzz's own admin.
  const ids = await harvestIds(
    doc,
    async (path) => (await api.call("GET", path, { as: As.jianyangAdmin })).body,
    Object.values(As).map((caller) => caller.userID),
  );
  ids.api_key = [key.body.key];
  ids.jurisdiction_id = ["jianyang", "yanping"];
  // The first tier, which grid routes take for a grid id.
  ids.gridID = [...(ids.gridID ?? []), "root"];
  return { tokens, context: { ids } satisfies RequestContext };
}
