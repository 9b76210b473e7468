/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) for every district, mounted at
 * `/open311/v2`. Public: no bearer token; the district is `jurisdiction_id` (its slug), and
 * creating a request takes an `api_key` the district issued. Replies are XML (the default and
 * `.xml`) or JSON (`.json`); errors are the spec's `errors` document with the HTTP status as
 * the code. The one bearer-authenticated part is `/keys`, where district admins manage keys
 * (problem+json errors, like the rest of the API).
 *
 * Mount it before the app's authentication middleware, passing that middleware for `/keys`.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { ForbiddenError, InputError, NotFoundError, VisibleError, withActor, type ErrorKind } from "@wangge/core";
import * as Open311 from "@wangge/core/open311/index";
import type { Context, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import { asPublic } from "../middleware.ts";
import { bearer, json, pathParam, problems, router } from "../openapi.ts";
import { onError, storeUnavailable } from "../problem.ts";
import { errorReply, formatOf, reply, stripFormat } from "./format.ts";
import { log } from "../log.ts";

export interface Open311Options {
  /** The app's sign-in middleware (`authenticate`), for the key admin routes. */
  signedIn: MiddlewareHandler;
  /** The discovery document's contact. */
  contact?: string;
}

export const SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
/** When this endpoint's behaviour last changed (the discovery document's changeset). */
export const CHANGESET = "2026-11-29T00:00:00+08:00";

const statusOf: Record<ErrorKind, ContentfulStatusCode> = {
  input: 400,
  auth: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 400,
  rate_limited: 429,
  unavailable: 503,
};

/**
 * Reads as the reporter of an `api_key` when one is given (a client reading back what it
 * reported sees it whole), else as the public (public categories, numbers hidden, places
 * rounded: core's open311 `viewOf`). A key that is not valid is a 403, as for reports.
 */
async function asReader<T>(apiKey: string | undefined, read: () => Promise<T>): Promise<T> {
  if (!given(apiKey)) return read();
  return asReporter(apiKey!, read);
}

/** Runs `body` as the reporter of a valid `api_key` of the jurisdiction; any other key is a 403. */
async function asReporter<T>(apiKey: string, body: () => Promise<T>): Promise<T> {
  const key = await Open311.verifyApiKey(apiKey.trim());
  if (!key) throw new ForbiddenError("open311.api_key_invalid", "The api_key is not valid in this jurisdiction.");
  return withActor(Open311.reporter(key), body);
}

/** Any error as a GeoReport error document in the format the path asked for. */
function open311Error(error: Error, c: Context) {
  if (error instanceof VisibleError) {
    const details =
      error.details?.length && error.kind === "input"
        ? ` (${error.details.map((detail) => `${detail.path}: ${detail.message}`).join("; ")})`
        : "";
    return errorReply(c, statusOf[error.kind], `${error.message}${details}`);
  }
  if (error instanceof ZodError)
    return errorReply(c, 400, error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; "));
  if (error instanceof HTTPException)
    return errorReply(c, error.status as ContentfulStatusCode, error.message || "The request could not be read.");
  if (storeUnavailable(error)) return errorReply(c, 503, "The data store could not be reached just now; try again in a moment.");
  log.error("unhandled error", error, { method: c.req.method, path: c.req.path });
  return errorReply(c, 500, "Something went wrong on our side; it has been logged.");
}

/** `/services`, `/services.xml`, `/services.json`. */
const withFormats = (path: string) => [path, `${path}.xml`, `${path}.json`];

/** Empty parameters count as absent. */
const given = (value: string | undefined) => (value?.trim() ? value : undefined);

/**
 * Runs `body` as the public actor of the district named by `jurisdiction_id` (no role: it reads
 * what GeoReport publishes and checks API keys). An unknown district is a 404.
 */
async function inJurisdiction<T>(jurisdictionID: string | undefined, body: () => Promise<T>): Promise<T> {
  if (!given(jurisdictionID))
    throw new InputError("open311.jurisdiction_required", "jurisdiction_id is required: the district's slug, e.g. jianyang.", [
      { path: "jurisdiction_id", message: "required" },
    ]);
  const tenantID = jurisdictionID!.trim();
  const unknown = () => new NotFoundError("open311.unknown_jurisdiction", `There is no jurisdiction "${tenantID}" here.`);
  return asPublic(tenantID, unknown, async () => {
    await Open311.assertOpen();
    return body();
  });
}

/** POST parameters: the form body (the spec's encoding), falling back to the query string. */
async function postFields(c: Context): Promise<Record<string, string | undefined>> {
  const fields: Record<string, string | undefined> = { ...c.req.query() };
  const body = await c.req.parseBody().catch(() => {
    throw new InputError("open311.body", "The body could not be read: send application/x-www-form-urlencoded.");
  });
  for (const [name, value] of Object.entries(body)) if (typeof value === "string") fields[name] = value;
  return fields;
}

// ─── documentation ───

const FormatParam = z.enum(["xml", "json"]).openapi({ param: { name: "format", in: "path" }, example: "json" });
const Jurisdiction = z.string().openapi({ param: { name: "jurisdiction_id", in: "query" }, example: "jianyang" });
const Open311Errors = z.array(z.object({ code: z.number(), description: z.string() })).meta({ id: "Open311Errors" });
const ServiceSchema = Open311.Service.meta({ id: "Open311Service" });
const ServiceRequestSchema = Open311.ServiceRequest.meta({ id: "Open311ServiceRequest" });
const both = <T extends z.ZodType>(schema: T, description: string) => ({
  description: `${description} (JSON shown; the XML document has the same fields)`,
  content: { "application/json": { schema }, "text/xml": { schema: z.string() } },
});
const errorsOf = (...statuses: number[]) => Object.fromEntries(statuses.map((status) => [status, both(Open311Errors, "Errors")]));

const ApiKeySchema = Open311.ApiKey.meta({ id: "Open311ApiKey" });
const KeyParam = z.object({ keyID: pathParam("keyID", "key_01jd…") });

/** Requests whose errors are the API's problem documents (the admin routes), not GeoReport's. */
const adminRequests = new WeakSet<Request>();

export function open311Routes(options: Open311Options) {
  const app = router();
  app.onError((error, c) => (adminRequests.has(c.req.raw) ? onError(error, c) : open311Error(error, c)));

  const admin: MiddlewareHandler = (c, next) => {
    adminRequests.add(c.req.raw);
    return options.signedIn(c, next);
  };
  app.use("/keys", admin);
  app.use("/keys/*", admin);

  documentGeoReport(app);

  return app
    .openapi(
      createRoute({
        method: "post",
        path: "/keys",
        operationId: "createOpen311Key",
        tags: ["open311"],
        summary: "Issue an Open311 API key for the district (district admins); the key is shown this once",
        security: bearer,
        request: { body: { required: true, content: { "application/json": { schema: Open311.CreateApiKeyInput } } } },
        responses: { 201: json(ApiKeySchema.extend({ key: z.string() }), "The new key"), ...problems(400, 401, 403) },
      }),
      async (c) => c.json(await Open311.createApiKey(c.req.valid("json")), 201),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/keys",
        operationId: "listOpen311Keys",
        tags: ["open311"],
        summary: "The district's Open311 API keys (labels and dates only)",
        security: bearer,
        responses: { 200: json(z.object({ items: z.array(ApiKeySchema) }), "Keys"), ...problems(401, 403) },
      }),
      async (c) => c.json({ items: await Open311.listApiKeys() }, 200),
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/keys/{keyID}",
        operationId: "revokeOpen311Key",
        tags: ["open311"],
        summary: "Revoke an Open311 API key",
        security: bearer,
        request: { params: KeyParam },
        responses: { 200: json(ApiKeySchema, "Revoked"), ...problems(401, 403, 404) },
      }),
      async (c) => c.json(await Open311.revokeApiKey(c.req.valid("param").keyID), 200),
    )
    .on("GET", withFormats("/discovery"), (c) => {
      const url = new URL(c.req.url);
      const base = `${url.origin}${url.pathname.replace(/\/discovery(\.(xml|json))?$/, "")}`;
      return reply(c, formatOf(c.req.path), "discovery", {
        changeset: CHANGESET,
        contact: options.contact ?? "Each district's grid governance centre (网格化服务管理中心).",
        key_service: `API keys are issued per district by its administrators (POST ${base}/keys with a district admin's sign-in); ask the district for one.`,
        endpoints: [
          { specification: SPECIFICATION, url: base, changeset: CHANGESET, type: "production", formats: ["text/xml", "application/json"] },
        ],
      });
    })
    .on("GET", withFormats("/services"), async (c) =>
      reply(c, formatOf(c.req.path), "services", await inJurisdiction(c.req.query("jurisdiction_id"), () => Open311.services())),
    )
    .get("/services/:file", async (c) =>
      reply(
        c,
        formatOf(c.req.path),
        "service_definition",
        await inJurisdiction(c.req.query("jurisdiction_id"), () => Open311.service(stripFormat(c.req.param("file")))),
      ),
    )
    .on("POST", withFormats("/requests"), async (c) => {
      const fields = await postFields(c);
      const created = await inJurisdiction(fields.jurisdiction_id, async () => {
        if (!given(fields.api_key))
          throw new ForbiddenError("open311.api_key_required", "api_key is required to create a request; the district issues keys.");
        return asReporter(fields.api_key!, () =>
          Open311.submit({
            service_code: fields.service_code!,
            lat: fields.lat!,
            long: fields.long!,
            address_string: given(fields.address_string),
            description: given(fields.description),
            token: given(fields.token),
          }),
        );
      });
      return reply(c, formatOf(c.req.path), "service_requests", [created], 201);
    })
    .on("GET", withFormats("/requests"), async (c) => {
      const query = c.req.query();
      const found = await inJurisdiction(query.jurisdiction_id, () =>
        asReader(query.api_key, () =>
          Open311.requests({
            service_request_id: given(query.service_request_id),
            service_code: given(query.service_code),
            start_date: given(query.start_date),
            end_date: given(query.end_date),
            status: given(query.status),
          }),
        ),
      );
      return reply(c, formatOf(c.req.path), "service_requests", found);
    })
    .get("/requests/:file", async (c) =>
      reply(c, formatOf(c.req.path), "service_requests", [
        await inJurisdiction(c.req.query("jurisdiction_id"), () =>
          asReader(c.req.query("api_key"), () => Open311.request(stripFormat(c.req.param("file")))),
        ),
      ]),
    )
    .get("/tokens/:file", async (c) =>
      reply(c, formatOf(c.req.path), "service_requests", [
        await inJurisdiction(c.req.query("jurisdiction_id"), () => Open311.token(stripFormat(c.req.param("file")))),
      ]),
    )
    .all("*", (c) => errorReply(c, 404, `There is no GeoReport resource ${c.req.method} ${c.req.path}.`));
}

/** Puts the GeoReport endpoints in the API's OpenAPI document (their handlers are plain: errors are GeoReport's). */
function documentGeoReport(app: ReturnType<typeof router>) {
  type PathConfig = Parameters<typeof app.openAPIRegistry.registerPath>[0];
  const documented = (
    method: "get" | "post",
    path: string,
    operationId: string,
    summary: string,
    request: PathConfig["request"],
    responses: PathConfig["responses"],
  ) => app.openAPIRegistry.registerPath({ method, path, operationId, summary, tags: ["open311"], request, responses });
  const format = z.object({ format: FormatParam });
  const inDistrict = z.object({ jurisdiction_id: Jurisdiction });

  documented(
    "get",
    "/discovery.{format}",
    "open311Discovery",
    "GeoReport discovery document",
    { params: format },
    {
      200: both(z.record(z.string(), z.unknown()), "Discovery"),
    },
  );
  documented(
    "get",
    "/services.{format}",
    "open311Services",
    "A district's ticket categories as services",
    { params: format, query: inDistrict },
    {
      200: both(z.array(ServiceSchema), "Services"),
      ...errorsOf(400, 404),
    },
  );
  documented(
    "get",
    "/services/{service_code}.{format}",
    "open311ServiceDefinition",
    "A service definition (no attributes)",
    {
      params: format.extend({ service_code: pathParam("service_code", "garbage") }),
      query: inDistrict,
    },
    {
      200: both(
        z.object({ service_code: z.string(), attributes: z.array(z.object({})).describe("always empty: categories take no attributes") }),
        "Definition",
      ),
      ...errorsOf(400, 404),
    },
  );
  documented(
    "post",
    "/requests.{format}",
    "open311CreateRequest",
    "Report a ticket (form-encoded; `token` optional: a retry key that GET tokens resolves for a day)",
    {
      params: format,
      body: {
        required: true,
        content: {
          "application/x-www-form-urlencoded": { schema: Open311.SubmitInput.extend({ jurisdiction_id: z.string(), api_key: z.string() }) },
        },
      },
    },
    {
      201: both(z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string() })), "Created"),
      ...errorsOf(400, 403, 404),
    },
  );
  documented(
    "get",
    "/requests.{format}",
    "open311Requests",
    "Service requests: explicit ids, or a window of at most 90 days (the last 90 by default), newest first, at most 1000",
    {
      params: format,
      query: inDistrict.extend({
        service_request_id: z.string().optional().describe("comma-delimited; overrides every other parameter"),
        service_code: z.string().optional().describe("comma-delimited"),
        start_date: z.string().optional(),
        end_date: z.string().optional(),
        status: z.string().optional().describe("open, closed or both, comma-delimited"),
      }),
    },
    {
      200: both(z.array(ServiceRequestSchema), "Requests"),
      ...errorsOf(400, 404),
    },
  );
  documented(
    "get",
    "/requests/{service_request_id}.{format}",
    "open311Request",
    "One service request",
    {
      params: format.extend({ service_request_id: pathParam("service_request_id", "ticket_01jd…") }),
      query: inDistrict,
    },
    {
      200: both(z.array(ServiceRequestSchema), "The request"),
      ...errorsOf(400, 404),
    },
  );
  documented(
    "get",
    "/tokens/{token}.{format}",
    "open311Token",
    "The request a POST's token created",
    {
      params: format.extend({ token: pathParam("token", "my-retry-key-1") }),
      query: inDistrict,
    },
    {
      200: both(z.array(z.object({ service_request_id: z.string(), token: z.string() })), "The request's id"),
      ...errorsOf(400, 404),
    },
  );
}
