import { createSignal } from "solid-js";
import type {
  DemoAccount,
  DemoStatus,
  DevToken,
  DistrictConfig,
  DistrictDetail,
  District,
  Me,
  OnboardInput,
  OnboardResult,
  Page,
  Province,
} from "./types.ts";

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
  constructor(readonly problem: Problem) {
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

export type Api = ReturnType<typeof createApi>;

export function createApi(options: ApiOptions) {
  const cache = new Map<string, Promise<unknown>>();
  // Bumped when a settings save replaces a district's configuration: district queries reload.
  const [districtRevision, setDistrictRevision] = createSignal(0);

  /** One call; `extra` adds headers (such as `Idempotency-Key`). */
  async function request<T>(method: string, path: string, body?: unknown, extra?: { headers?: Record<string, string> }): Promise<T> {
    const token = options.token();
    const headers: Record<string, string> = { accept: "application/json, application/problem+json", ...extra?.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(`${await apiBase()}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new NetworkError(error);
    }
    if (response.status === 401 && token) options.onUnauthorized();
    if (!response.ok) throw new ApiError(await readProblem(response));
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

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

  return {
    request,
    /** Shares a read for the session (cleared on sign-in and sign-out). */
    cached,
    clearCache: () => cache.clear(),
    devAccounts: () => request<{ accounts: DemoAccount[] }>("GET", "/dev/accounts"),
    /** How far the local demo year's replay is (local mode only: elsewhere a 404). */
    demoStatus: () => request<DemoStatus>("GET", "/dev/demo"),
    devToken: (input: { userID: string; tenantID: string | null } | { tenantID: string; phone: string }) =>
      request<DevToken>("POST", "/dev/token", input),
    me: () => request<Me>("GET", "/me"),
    districts: (input: { limit?: number; cursor?: string | null } = {}) => {
      const query = new URLSearchParams();
      if (input.limit) query.set("limit", String(input.limit));
      if (input.cursor) query.set("cursor", input.cursor);
      const search = query.toString();
      return request<Page<District>>("GET", `/districts${search ? `?${search}` : ""}`);
    },
    district: (slug: string) =>
      cached(`district:${slug}`, () => request<DistrictDetail>("GET", `/districts/${encodeURIComponent(slug)}`)),
    /** Changes with every `setDistrictConfig`: pass it as a district query's `refresh`. */
    districtRevision,
    /** After a settings save: the cached district carries the new configuration (and ticket lists reload). */
    setDistrictConfig: (slug: string, config: DistrictConfig) => {
      const known = cache.get(`district:${slug}`) as Promise<DistrictDetail> | undefined;
      if (known) cache.set(`district:${slug}`, known.then((detail) => ({ ...detail, config }), () => request<DistrictDetail>("GET", `/districts/${encodeURIComponent(slug)}`)));
      for (const key of [...cache.keys()]) if (key.startsWith("ticket-")) cache.delete(key);
      setDistrictRevision((revision) => revision + 1);
    },
    /** Every province (they are few: the pages are followed). */
    provinces: () =>
      cached("provinces", async () => {
        const all: Province[] = [];
        let cursor: string | null = null;
        for (let pageIndex = 0; pageIndex < 20; pageIndex++) {
          const query: string = cursor ? `?limit=200&cursor=${encodeURIComponent(cursor)}` : "?limit=200";
          const page: Page<Province> = await request<Page<Province>>("GET", `/provinces${query}`);
          all.push(...page.items);
          cursor = page.cursor;
          if (!cursor) break;
        }
        return all;
      }),
    onboard: async (input: OnboardInput) => {
      const result = await request<OnboardResult>("POST", "/districts", input);
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
