/**
 * Structured logs: one JSON object a line, written straight to stdout/stderr so that Lambda's
 * text prefix does not wrap it and CloudWatch Logs Insights reads every field
 * (`fields requestId, tenant, operation, status`). Powertools for AWS Lambda's Logger does the
 * same; this is the part of it the API needs, without another dependency.
 *
 * `requestLog()` opens a record per request (request id, operation, and the tenant once the
 * actor is known: `annotate`), and writes it when the response is ready; `log.error` inside a
 * request carries the same fields.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { Console } from "node:console";
import type { MiddlewareHandler } from "hono";
import type { LambdaContext, LambdaEvent } from "hono/aws-lambda";
import { matchedRoutes } from "hono/route";

type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, unknown>;

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
/** `LOG_LEVEL` (debug, info, warn, error), default info. */
const threshold = () => order[(process.env.LOG_LEVEL?.toLowerCase() as Level) ?? "info"] ?? order.info;
const out = new Console({ stdout: process.stdout, stderr: process.stderr });
const requestFields = new AsyncLocalStorage<Fields>();

function errorFields(error: unknown): Fields {
  if (!(error instanceof Error)) return { error: String(error) };
  return { error: { name: error.name, message: error.message, stack: error.stack } };
}

function write(level: Level, message: string, fields: Fields = {}) {
  if (order[level] < threshold()) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...requestFields.getStore(), ...fields });
  if (level === "error" || level === "warn") out.error(line);
  else out.log(line);
}

export const log = {
  debug: (message: string, fields?: Fields) => write("debug", message, fields),
  info: (message: string, fields?: Fields) => write("info", message, fields),
  warn: (message: string, fields?: Fields) => write("warn", message, fields),
  /** An error with the request's fields and the error's name, message and stack. */
  error: (message: string, error?: unknown, fields?: Fields) =>
    write("error", message, { ...(error === undefined ? {} : errorFields(error)), ...fields }),
};

/** Adds fields to the current request's record (the tenant once the actor is known). Outside a request: nothing. */
export function annotate(fields: Fields) {
  const store = requestFields.getStore();
  if (store) Object.assign(store, fields);
}

/** The ids a request is known by: Lambda's (its START/END/REPORT lines) and API Gateway's (the access log). */
function requestIDs(env: unknown): Fields {
  const lambda = env as { lambdaContext?: LambdaContext; event?: LambdaEvent } | undefined;
  const apiRequestId = (lambda?.event?.requestContext as { requestId?: string } | undefined)?.requestId;
  return {
    requestId: lambda?.lambdaContext?.awsRequestId ?? randomUUID(),
    ...(apiRequestId ? { apiRequestId } : {}),
  };
}

/**
 * One `request` line per request: ids, operation (`GET /api/tickets/:ticketID`, the route that
 * answered), tenant (when the caller has one), status and duration. 5xx are errors, 4xx warnings.
 */
export function requestLog(): MiddlewareHandler {
  return (c, next) => {
    const fields: Fields = requestIDs(c.env);
    const started = performance.now();
    return requestFields.run(fields, async () => {
      await next();
      // The handler that answered (middleware are registered for ALL methods); none: the path asked for.
      // A route group loaded on first use names its own route (`annotate`, app.ts).
      const route = matchedRoutes(c).findLast((matched) => matched.method !== "ALL");
      fields.operation ??= `${c.req.method} ${route?.path ?? c.req.path}`;
      const status = c.res.status;
      write(status >= 500 ? "error" : status >= 400 ? "warn" : "info", "request", {
        status,
        durationMs: Math.round(performance.now() - started),
      });
    });
  };
}
