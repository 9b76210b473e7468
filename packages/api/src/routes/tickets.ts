import { createRoute, z } from "@hono/zod-openapi";
import * as Ticket from "@wangge/core/ticket/index";
import { body, bearer, Flag, json, PageQuery, pageOf, pathParam, problems, router } from "../openapi.ts";
import { steps } from "../step.ts";

const TicketSchema = Ticket.Ticket.meta({ id: "Ticket" });
const Timeline = Ticket.TimelineEntry.meta({ id: "TimelineEntry" });
const NearbyTicket = Ticket.NearbyTicket.meta({ id: "NearbyTicket" });
/** A coordinate in a query string: a number in range (an empty or non-numeric value is a 400). */
const Coordinate = (min: number, max: number) => z.string().trim().min(1).pipe(z.coerce.number<string>().finite().min(min).max(max));
const PublicTicketSchema = Ticket.PublicTicket.meta({ id: "PublicTicket" });
const Following = z.object({ ticketID: z.string(), following: z.boolean() }).meta({ id: "Following" });
const TicketParam = z.object({ ticketID: pathParam("ticketID", "ticket_01jd…") });
const step = steps({
  id: "ticketID",
  example: "ticket_01jd…",
  tags: ["tickets"],
  reply: TicketSchema,
  replied: "The ticket after the step",
});

/** Tickets (随手拍): report, read, and every step of the lifecycle. */
export const ticketRoutes = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/photos",
      operationId: "requestPhotoUpload",
      tags: ["tickets"],
      summary: "A presigned upload for one photo (JPEG, PNG, WebP or HEIC, at most 10 MB; checked when attached)",
      security: bearer,
      request: body(z.object({ contentType: Ticket.Photo.PhotoType })),
      responses: {
        201: json(
          z.object({
            photoKey: z.string(),
            url: z.string(),
            method: z.literal("PUT"),
            headers: z.record(z.string(), z.string()),
            maxBytes: z.number(),
            expiresAt: z.string(),
          }),
          "Upload here",
        ),
        ...problems(400, 401),
      },
    }),
    async (c) => c.json(await Ticket.Photo.requestUpload(c.req.valid("json").contentType), 201),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "createTicket",
      tags: ["tickets"],
      summary:
        "Report a ticket (随手拍): located to its grid, photos checked; a retry with the same Idempotency-Key returns the first ticket",
      security: bearer,
      request: {
        headers: z.object({ "idempotency-key": Ticket.create.schema.shape.idempotencyKey }),
        ...body(Ticket.CreateInput.omit({ idempotencyKey: true })),
      },
      responses: {
        201: json(z.object({ ticket: TicketSchema, created: z.boolean() }), "Created"),
        200: json(z.object({ ticket: TicketSchema, created: z.boolean() }), "Already created by an earlier try with this Idempotency-Key"),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const result = await Ticket.create({ ...c.req.valid("json"), idempotencyKey: c.req.valid("header")["idempotency-key"] });
      return c.json(result, result.created ? 201 : 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listTickets",
      tags: ["tickets"],
      summary: "Queues, one query each: mine=true (own reports); a state across the district (a grid with its descendants); a department's",
      security: bearer,
      request: {
        query: PageQuery.extend({
          mine: Flag,
          state: Ticket.TicketState.optional(),
          gridID: z.string().optional(),
          categoryKey: z.string().optional(),
          departmentKey: z.string().optional(),
          overdue: Flag,
        }),
      },
      responses: { 200: json(pageOf(TicketSchema), "One page of tickets"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Ticket.list(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/nearby",
      operationId: "listNearbyTickets",
      tags: ["tickets"],
      summary:
        "Is it already reported? Open tickets within 300 m of a point, nearest first (at most 20), in the public view: no private categories, phone and ID numbers hidden, places rounded to ~100 m",
      security: bearer,
      request: { query: z.object({ lon: Coordinate(-180, 180), lat: Coordinate(-90, 90) }) },
      responses: {
        200: json(z.object({ items: z.array(NearbyTicket), radiusM: z.number() }), "The open tickets near the point"),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await Ticket.nearby(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{ticketID}",
      operationId: "getTicket",
      tags: ["tickets"],
      summary: "A ticket with its timeline (one query) and links to its photos",
      security: bearer,
      request: { params: TicketParam },
      responses: {
        200: json(
          z.object({ ticket: TicketSchema, timeline: z.array(Timeline), photoUrls: z.record(z.string(), z.string()) }),
          "The ticket",
        ),
        ...problems(401, 404),
      },
    }),
    async (c) => c.json(await Ticket.get(c.req.valid("param").ticketID), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{ticketID}/reporter",
      operationId: "getTicketReporter",
      tags: ["tickets"],
      summary: "上报人: the reporter's name and masked phone, for the staff handling the ticket",
      security: bearer,
      request: { params: TicketParam },
      responses: { 200: json(Ticket.ReporterContact.meta({ id: "ReporterContact" }), "The reporter"), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await Ticket.reporterContact(c.req.valid("param").ticketID), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{ticketID}/reporter/reveal",
      operationId: "revealTicketReporter",
      tags: ["tickets"],
      summary: "The reporter's whole phone number, with the purpose stated; each reading goes to the audit trail",
      security: bearer,
      request: { params: TicketParam, ...body(Ticket.RevealReporterInput.omit({ ticketID: true }).meta({ id: "RevealReporterInput" })) },
      responses: {
        200: json(z.object({ name: z.string(), phone: z.string() }), "The reporter's name and whole phone"),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await Ticket.revealReporterContact({ ...c.req.valid("json"), ticketID: c.req.valid("param").ticketID }), 200),
  )
  .openapi(
    ...step(
      "photos",
      "attachPhoto",
      "Attach an uploaded photo to an open ticket (checked: size, type, magic bytes)",
      Ticket.attachPhoto.schema.omit({ ticketID: true }),
      Ticket.attachPhoto,
    ),
  )
  .openapi(
    ...step(
      "accept",
      "acceptTicket",
      "立案: accept a collected ticket; its deadline starts",
      Ticket.accept.schema.omit({ ticketID: true }),
      Ticket.accept,
    ),
  )
  .openapi(
    ...step(
      "reject",
      "rejectTicket",
      "不予立案: do not accept, with a reason (closed, not solved)",
      Ticket.reject.schema.omit({ ticketID: true }),
      Ticket.reject,
    ),
  )
  .openapi(
    ...step(
      "dispatch",
      "dispatchTicket",
      "派遣: send to a department (routed when not named)",
      Ticket.dispatch.schema.omit({ ticketID: true }),
      Ticket.dispatch,
    ),
  )
  .openapi(
    ...step(
      "handling",
      "reportHandling",
      "处置反馈: the department reports what it did, with photos",
      Ticket.reportHandling.schema.omit({ ticketID: true }),
      Ticket.reportHandling,
    ),
  )
  .openapi(
    ...step(
      "verify",
      "verifyTicket",
      "核查结案: another person checks and closes (solved, not ours, duplicate)",
      Ticket.verify.schema.omit({ ticketID: true }),
      Ticket.verify,
    ),
  )
  .openapi(
    ...step(
      "send-back",
      "sendBackTicket",
      "The check failed: back to the department",
      Ticket.sendBack.schema.omit({ ticketID: true }),
      Ticket.sendBack,
    ),
  )
  .openapi(
    ...step(
      "reopen",
      "reopenTicket",
      "The reporter reopens a closed ticket within the reopen window",
      Ticket.reopen.schema.omit({ ticketID: true }),
      Ticket.reopen,
    ),
  )
  .openapi(
    ...step(
      "requests",
      "requestTicketChange",
      "Ask for a change that needs an approval: extend the deadline, send up, transfer, void",
      // Its rules span fields, and zod cannot omit from such a schema: the core's body schema holds the same rules.
      Ticket.RequestChangeBody,
      Ticket.requestChange,
    ),
  )
  .openapi(
    ...step(
      "decision",
      "decideTicketChange",
      "Approve or refuse the pending change (district admin or grid leader, not the requester)",
      Ticket.decideChange.schema.omit({ ticketID: true }),
      Ticket.decideChange,
    ),
  )
  .openapi(
    ...step(
      "rating",
      "rateTicket",
      "综合评价: the reporter rates a closed ticket, 1–5",
      Ticket.rate.schema.omit({ ticketID: true }),
      Ticket.rate,
    ),
  )
  .openapi(
    ...step(
      "duplicate",
      "markTicketDuplicate",
      "重复件: close a ticket as a duplicate of another of the district (by ID or number); its reporter follows the original",
      Ticket.markDuplicate.schema.omit({ ticketID: true }),
      Ticket.markDuplicate,
    ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{ticketID}/public",
      operationId: "getPublicTicket",
      tags: ["tickets"],
      summary:
        "A ticket as anyone in the district may see it (public categories; numbers hidden, place rounded), and whether the caller follows it",
      security: bearer,
      request: { params: TicketParam },
      responses: { 200: json(PublicTicketSchema, "The public view"), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await Ticket.publicView(c.req.valid("param").ticketID), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{ticketID}/follow",
      operationId: "followTicket",
      tags: ["tickets"],
      summary: "关注: follow a ticket the caller may see, to be told of its steps; following again changes nothing",
      security: bearer,
      request: { params: TicketParam },
      responses: { 200: json(Following, "Following"), ...problems(401, 403, 404, 409) },
    }),
    async (c) => c.json(await Ticket.follow({ ticketID: c.req.valid("param").ticketID }), 200),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{ticketID}/follow",
      operationId: "unfollowTicket",
      tags: ["tickets"],
      summary: "Stop following a ticket; when the caller does not follow it, nothing changes",
      security: bearer,
      request: { params: TicketParam },
      responses: { 200: json(Following, "Not following"), ...problems(401, 403) },
    }),
    async (c) => c.json(await Ticket.unfollow({ ticketID: c.req.valid("param").ticketID }), 200),
  );
