import { OpenAPIHono, z } from "@hono/zod-openapi";
import { gate } from "./permissions.ts";
import { type Problem as ProblemDocument, problem, zodDetails } from "./problem.ts";

/**
 * A router whose request validation failures become 400 problems with the field paths, and
 * whose every route passes its operation's gate (`permissions.ts`) before its input is read.
 */
export function router() {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const prefix = result.target === "json" ? "body" : result.target;
        return problem(c, 400, "input.invalid", "The request is not valid.", zodDetails(result.error, prefix));
      }
    },
  });
  const register = app.openapi.bind(app);
  app.openapi = ((route, handler, hook) => {
    if (!route.operationId) throw new Error(`The route ${route.method.toUpperCase()} ${route.path} needs an operationId.`);
    const own = route.middleware ? [route.middleware].flat() : [];
    return register({ ...route, middleware: [...own, gate(route.operationId)] }, handler, hook);
  }) as typeof app.openapi;
  return app;
}

/** RFC 9457 problem details (problem.ts), the body of every error the API returns. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ example: "district.not_found" }),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem") satisfies z.ZodType<ProblemDocument>;

const descriptions: Record<number, string> = {
  400: "Invalid input (field paths in `errors`)",
  401: "Not signed in, or the token is not valid",
  403: "Signed in, but not allowed",
  404: "Not found (or not visible to the caller)",
  409: "Conflicts with the current state",
  422: "The same Idempotency-Key was sent before with another body",
  429: "Too many tries: wait the seconds `Retry-After` gives",
  503: "A dependency is unreachable",
};

/** The problem+json responses a route may give, for its OpenAPI declaration. */
export function problems(...statuses: (400 | 401 | 403 | 404 | 409 | 422 | 429 | 503)[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: descriptions[status], content: { "application/problem+json": { schema: Problem } } }]),
  );
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export const bearer = [{ bearer: [] as string[] }];

/** Cursor pagination query: `?limit=&cursor=`. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ example: 50 }),
  cursor: z.string().min(1).max(4096).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), cursor: z.string().nullable() });
}

/** A `true`/`false` query flag (z.coerce.boolean would read "false" as true). */
export const Flag = z
  .enum(["true", "false"])
  .optional()
  .transform((value) => value === "true");

/** A path parameter, documented. */
export function pathParam(name: string, example: string) {
  return z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name, in: "path" }, example });
}

/** A required JSON request body, for a route's OpenAPI declaration. */
export function body<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { "application/json": { schema } } } };
}
