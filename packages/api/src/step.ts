import { createRoute, z } from "@hono/zod-openapi";
import type { Context, Env } from "hono";
import { bearer, body, json, pathParam, problems } from "./openapi.ts";

/** What the steps of one kind of record share: the id in the path, and the record they reply with. */
export interface StepKind<Id extends string, Reply extends z.ZodType> {
  id: Id;
  example: string;
  tags: string[];
  reply: Reply;
  /** The 200 reply's description. */
  replied: string;
}

/**
 * The steps of one kind of record: `POST /{<id>}/<path>` under the router's prefix, each calling
 * one core function with the body and the id from the path, and replying with the record after
 * the step. The body's schema is the core function's own, less the id, so a limit is written
 * once and the document follows it:
 *
 * ```ts
 * const step = steps({ id: "ticketID", example: "ticket_01jd…", tags: ["tickets"], reply: TicketSchema, replied: "…" });
 * router().openapi(...step("verify", "verifyTicket", "核查结案: …", Ticket.verify.schema.omit({ ticketID: true }), Ticket.verify));
 * ```
 *
 * `.openapi()` checks the core function against the body where the types are known: a body the
 * function does not take is a type error at the route.
 */
export function steps<Id extends string, Reply extends z.ZodType>(kind: StepKind<Id, Reply>) {
  // A computed key is typed `string`: say it is the id's own name.
  const params = z.object({ [kind.id]: pathParam(kind.id, kind.example) } as Record<Id, ReturnType<typeof pathParam>>);
  return function step<Body extends z.ZodObject, Result>(
    path: string,
    operationId: string,
    summary: string,
    input: Body,
    run: (input: z.output<Body> & Record<Id, string>) => Promise<Result>,
  ) {
    const route = createRoute({
      method: "post",
      path: `/{${kind.id}}/${path}`,
      operationId,
      tags: kind.tags,
      summary,
      security: bearer,
      request: { params, ...body(input) },
      responses: { 200: json(kind.reply, kind.replied), ...problems(400, 401, 403, 404, 409) },
    });
    /** What the route's validators hand on: the body, and the id from the path. */
    type Validated = { out: { json: z.output<Body>; param: Record<Id, string> } };
    const handler = async (c: Context<Env, string, Validated>) =>
      c.json(await run(Object.assign({}, c.req.valid("json"), c.req.valid("param"))), 200);
    return [route, handler] as const;
  };
}
