import createClient, { type Client } from "openapi-fetch";
import { createSignal } from "solid-js";
import type { components, paths } from "./api-schema";
import type { DemoAccount, DistrictConfig, DistrictDetail, Me, OnboardInput, OnboardResult, Page } from "./types.ts";

/** One field's complaint in a problem response (`errors[]`). */
export interface FieldError {
  path: string;
  message: string;
}

/** An RFC 9457 problem (`application/problem+json`), as the API sends every error. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code?: string;
  detail?: string;
  errors?: FieldError[];
}

/** The API answered with an error. `problem.detail` is meant for people. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly fieldErrors: FieldError[];
  constructor(
    readonly problem: Problem,
    /** A 429's `Retry-After`: the seconds to wait before trying again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = "ApiError";
    this.status = problem.status;
    this.code = problem.code;
    this.fieldErrors = problem.errors ?? [];
  }
}

/** The API could not be reached at all (offline, server down, CORS). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super("network error", { cause });
    this.name = "NetworkError";
  }
}

let base: Promise<string> | undefined;

/**
 * Where the API lives: `VITE_API_URL` baked in at build time; else, in a production build,
 * the `apiUrl` of `/config.json` deployed beside index.html (see infra/web.ts); else `/api`
 * (the dev server's and preview's proxy).
 */
export function apiBase(): Promise<string> {
  base ??= resolveBase();
  return base;
}

async function resolveBase(): Promise<string> {
  const baked = import.meta.env.VITE_API_URL;
  if (baked) return baked.replace(/\/+$/, "");
  if (import.meta.env.PROD) {
    try {
      const response = await fetch("/config.json", { cache: "no-cache" });
      if (response.ok && (response.headers.get("content-type") ?? "").includes("json")) {
        const config = (await response.json()) as { apiUrl?: unknown };
        if (typeof config.apiUrl === "string" && config.apiUrl) return config.apiUrl.replace(/\/+$/, "");
      }
    } catch {
      // No config.json: the API sits behind /api.
    }
  }
  return "/api";
}

export interface ApiOptions {
  /** The bearer token to send, if signed in. */
  token: () => string | null;
  /** Called when the API answers 401 to a signed-in call: the token is dead. */
  onUnauthorized: () => void;
}

/** The API's paths, as `npm run types:api` generates them from its OpenAPI document. */
export type { components, operations, paths } from "./api-schema";
/** A schema of the API's OpenAPI document (`Schema<"Ticket">`). */
export type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];
type Operation<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends infer O ? O : never;
/** The JSON reply of a path's method on success (`Reply<"/tickets/{ticketID}", "get">`). */
export type Reply<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends {
    responses:
      | { 200: { content: { "application/json": infer Data } } }
      | { responses: { 201: { content: { "application/json": infer Data } } } };
  }
    ? Data
    : never;
/** The JSON body a path's method takes (`Body<"/tickets", "post">`). */
export type Body<P extends keyof paths, M extends keyof paths[P]> =
  NonNullable<Operation<P, M>> extends {
    requestBody?: { content: { "application/json": infer Data } };
  }
    ? Data
    : never;
/** The typed client over every path of the API (openapi-fetch): `api.client.GET("/tickets/{ticketID}", …)`. */
export type ApiClient = Client<paths>;

/** Where openapi-fetch builds its requests; `send` swaps it for the real base (known only asynchronously). */
const PLACEHOLDER = "http://api.invalid";

/**
 * The answer's body once the call succeeded: `send` below has already turned every failure into
 * an `ApiError` or a `NetworkError`, so only the success side of openapi-fetch's reply is left.
 */
export async function ok<Data>(pending: Promise<{ data?: Data; error?: unknown }>): Promise<Data> {
  const { data } = await pending;
  return data as Data;
}

type Compact<V> = V extends true ? "true" : V extends null | false | undefined ? never : V;

/**
 * A query without the parameters that say nothing (`undefined`, `null`, `false`, `""`), as the API
 * reads their absence; `true` becomes the API's `"true"` flag.
 */
export function compact<T extends Record<string, unknown>>(params: T): { [K in keyof T]?: Compact<T[K]> } {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== false && value !== "") kept[key] = value === true ? "true" : value;
  return kept as { [K in keyof T]?: Compact<T[K]> };
}

/** Every item of a cursor-paginated list, following at most `maxPages` cursors (a safety stop for lists that should be short). */
export async function allPages<T>(load: (cursor: string | null) => Promise<Page<T>>, maxPages = 50): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  for (let index = 0; index < maxPages; index++) {
    const page: Page<T> = await load(cursor);
    all.push(...page.items);
    cursor = page.cursor;
    if (!cursor) break;
  }
  return all;
}

export type Api = ReturnType<typeof createApi>;

export function createApi(options: ApiOptions) {
  const cache = new Map<string, Promise<unknown>>();
  // Bumped when a settings save replaces a district's configuration: district queries reload.
  const [districtRevision, setDistrictRevision] = createSignal(0);

  /** Sends one request openapi-fetch built: the real base URL, the bearer token, failures as errors. */
  async function send(built: Request): Promise<Response> {
    const token = options.token();
    const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
    built.headers.forEach((value, name) => {
      headers[name] = value;
    });
    if (token) headers.authorization = `Bearer ${token}`;
    const url = new URL(built.url);
    const body = built.method === "GET" || built.method === "HEAD" ? "" : await built.text();
    if (!body) delete headers["content-type"];
    let response: Response;
    try {
      response = await fetch(`${await apiBase()}${url.pathname}${url.search}`, { method: built.method, headers, body: body || undefined });
    } catch (error) {
      throw new NetworkError(error);
    }
    if (response.status === 401 && token) options.onUnauthorized();
    if (!response.ok) {
      const retryAfter = Number(response.headers.get("retry-after"));
      throw new ApiError(await readProblem(response), Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
    }
    return response;
  }

  const client: ApiClient = createClient<paths>({ baseUrl: PLACEHOLDER, fetch: send });

  /** Reads that rarely change are shared for the session; a failure is not remembered. */
  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    let hit = cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = load();
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
    }
    return hit;
  }

  // The document says `number[]` where core's configuration says `[lon, lat]`: core's (narrower) type, checked for overlap.
  const loadDistrict = (slug: string) =>
    ok(client.GET("/districts/{slug}", { params: { path: { slug } } })).then((detail) => detail as DistrictDetail);

  return {
    /** Every path of the API, typed from its OpenAPI document; unwrap a call with `ok(…)`. */
    client,
    /** Shares a read for the session (cleared on sign-in and sign-out). */
    cached,
    clearCache: () => cache.clear(),
    // The document says `role: string`; core names the roles.
    devAccounts: () => ok(client.GET("/dev/accounts")).then((reply) => reply as { accounts: DemoAccount[] }),
    /** How far the local demo year's replay is (local mode only: elsewhere a 404). */
    demoStatus: () => ok(client.GET("/dev/demo")),
    // The document's actor is any actor; `/me` answers only for the signed-in ones.
    me: () => ok(client.GET("/me")).then((reply) => reply as Me),
    districts: (input: { limit?: number; cursor?: string | null } = {}) =>
      ok(client.GET("/districts", { params: { query: compact(input) } })),
    district: (slug: string) => cached(`district:${slug}`, () => loadDistrict(slug)),
    /** Changes with every `setDistrictConfig`: pass it as a district query's `refresh`. */
    districtRevision,
    /** After a settings save: the cached district carries the new configuration (and ticket lists reload). */
    setDistrictConfig: (slug: string, config: DistrictConfig) => {
      const known = cache.get(`district:${slug}`) as Promise<DistrictDetail> | undefined;
      if (known)
        cache.set(
          `district:${slug}`,
          known.then(
            (detail) => ({ ...detail, config }),
            () => loadDistrict(slug),
          ),
        );
      for (const key of [...cache.keys()]) if (key.startsWith("ticket-")) cache.delete(key);
      setDistrictRevision((revision) => revision + 1);
    },
    /** Every province (they are few: the pages are followed). */
    provinces: () =>
      cached("provinces", () =>
        allPages((cursor) => ok(client.GET("/provinces", { params: { query: compact({ limit: 200, cursor }) } })), 20),
      ),
    onboard: async (input: OnboardInput) => {
      // The document says `roles: string[]` and `number[]` where core names the roles and `[lon, lat]`.
      const result = (await ok(client.POST("/districts", { body: input }))) as OnboardResult;
      cache.set(`district:${result.district.tenantID}`, Promise.resolve({ district: result.district, config: result.config }));
      return result;
    },
  };
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = { status: response.status, title: response.statusText || undefined };
  try {
    const text = await response.text();
    if (!text) return fallback;
    const body = JSON.parse(text) as Partial<Problem>;
    if (typeof body !== "object" || body === null) return fallback;
    return {
      ...fallback,
      ...body,
      status: typeof body.status === "number" ? body.status : response.status,
      errors: Array.isArray(body.errors) ? body.errors : undefined,
    };
  } catch {
    return fallback;
  }
}

/**
 * A field error's path as a form field name: `admin.phone` from `admin.phone`,
 * `/admin/phone`, `$.admin.phone` or `["admin","phone"]`-style paths.
 */
export function fieldName(path: string | Array<string | number>): string {
  const parts = Array.isArray(path) ? path.map(String) : path.replace(/^\$\.?/, "").split(/[./]/);
  return parts.filter(Boolean).join(".");
}
