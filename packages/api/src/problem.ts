import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { TooManyRequestsError, VisibleError, type ErrorDetail, type ErrorKind } from "@wangge/core/error";
import { log } from "./log.ts";

/**
 * RFC 9457 problem details, the body of every error the API returns. Its schema, for the
 * document, is openapi.ts's `Problem`: this module is in every cold start, the OpenAPI tools are not.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: ErrorDetail[];
}

const statusOf: Record<ErrorKind, ContentfulStatusCode> = {
  input: 400,
  auth: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

const titles: Partial<Record<number, string>> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  408: "Request timeout",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  431: "Request header fields too large",
  429: "Too many requests",
  500: "Internal error",
  503: "Service unavailable",
};

/** The problem document itself, for the places that answer without a Hono context (server.ts). */
export function problemOf(status: number, code: string, detail: string, errors?: ErrorDetail[]): Problem {
  return {
    type: `https://wangge.dev/problems/${code}`,
    title: titles[status] ?? "Error",
    status,
    code,
    detail,
    ...(errors?.length ? { errors } : {}),
  };
}

export const ProblemContentType = "application/problem+json; charset=utf-8";

export function problem(c: Context, status: ContentfulStatusCode, code: string, detail: string, errors?: ErrorDetail[]) {
  return c.body(JSON.stringify(problemOf(status, code, detail, errors)), status, { "content-type": ProblemContentType });
}

/**
 * Whether `error` is zod's validation error. Told by its name and issues rather than
 * `instanceof`, so that the error mapping (in every cold start) does not load zod, which the
 * routes load with their schemas.
 */
function isZodError(error: unknown): error is ZodError {
  return error instanceof Error && error.name === "ZodError" && Array.isArray((error as Partial<ZodError>).issues);
}

export function zodDetails(error: ZodError, prefix?: string): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    message: issue.message,
  }));
}

const UnavailableNames = new Set([
  "TimeoutError",
  "RequestTimeout",
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "ServiceUnavailable",
  "InternalServerError",
  "SlowDown",
]);
const UnavailableCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ECONNABORTED"]);

/**
 * Whether an error says a store (DynamoDB, S3) is out of reach or overloaded rather than that
 * the code is wrong: refused or dropped connections, timeouts, throttling, the service's 5xx —
 * looked for through ElectroDB's wrapping (`cause`).
 */
export function storeUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const candidate = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown; errors?: unknown[] };
  if (candidate.name && UnavailableNames.has(candidate.name)) return true;
  if (candidate.code && UnavailableCodes.has(candidate.code)) return true;
  if ((candidate.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  // Node's fetch and AggregateErrors (a refused connection on IPv4 and IPv6) carry theirs inside.
  if (candidate.errors?.some((inner) => storeUnavailable(inner, depth + 1))) return true;
  return storeUnavailable(candidate.cause, depth + 1);
}

/** One place maps every error to a problem response; anything unexpected is a logged 500 with no internals. */
export function onError(error: Error, c: Context) {
  if (error instanceof TooManyRequestsError) c.header("retry-after", String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  if (error instanceof VisibleError) return problem(c, statusOf[error.kind], error.code, error.message, error.details);
  if (isZodError(error)) return problem(c, 400, "input.invalid", "The request is not valid.", zodDetails(error));
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const code = status === 413 ? "input.too_large" : status === 401 ? "auth.required" : status < 500 ? "input.malformed" : "internal";
    return problem(c, status, code, error.message || titles[status] || "Error");
  }
  if (storeUnavailable(error)) {
    log.warn("store unavailable", { method: c.req.method, path: c.req.path, error: String(error) });
    c.header("retry-after", "5");
    return problem(
      c,
      503,
      "storage.unavailable",
      "The data store could not be reached just now; nothing was changed. Try again in a moment.",
    );
  }
  log.error("unhandled error", error, { method: c.req.method, path: c.req.path });
  return problem(c, 500, "internal", "Something went wrong on our side; it has been logged.");
}
