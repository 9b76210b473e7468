import { createRoute, z } from "@hono/zod-openapi";
import { Config, District, Ticket } from "@wangge/core";
import { body, bearer, Flag, json, PageQuery, pageOf, pathParam, problems, router } from "../openapi.ts";

const TicketSchema = Ticket.Ticket.meta({ id: "Ticket" });
const Timeline = Ticket.TimelineEntry.meta({ id: "TimelineEntry" });
const TicketParam = z.object({ ticketID: pathParam("ticketID", "ticket_01jd…") });
const omitID = <T extends z.ZodObject>(schema: T) => schema.omit({ ticketID: true } as never);

/** One lifecycle step: `POST /tickets/{ticketID}/<path>` → the updated ticket. */
function transition<T extends z.ZodType>(
  path: string,
  operationId: string,
  summary: string,
  input: T,
  run: (input: z.output<T> & { ticketID: string }) => Promise<Ticket.Ticket>,
) {
  return [
    createRoute({
      method: "post",
      path: `/{ticketID}/${path}`,
      operationId,
      tags: ["tickets"],
      summary,
      security: bearer,
      request: { params: TicketParam, ...body(input instanceof z.ZodObject && "ticketID" in input.shape ? omitID(input) : input) },
      responses: { 200: json(TicketSchema, "The ticket after the step"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c: any) => c.json(await run({ ...c.req.valid("json"), ticketID: c.req.valid("param").ticketID }), 200),
  ] as const;
}

const routes = router()
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
        201: json(z.object({ photoKey: z.string(), url: z.string(), method: z.literal("PUT"), headers: z.record(z.string(), z.string()), maxBytes: z.number(), expiresAt: z.string() }), "Upload here"),
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
      summary: "Report a ticket (随手拍): located to its grid, photos checked; a retry with the same Idempotency-Key returns the first ticket",
      security: bearer,
      request: {
        headers: z.object({ "idempotency-key": z.string().min(8).max(100).optional() }),
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
      path: "/{ticketID}",
      operationId: "getTicket",
      tags: ["tickets"],
      summary: "A ticket with its timeline (one query) and links to its photos",
      security: bearer,
      request: { params: TicketParam },
      responses: {
        200: json(z.object({ ticket: TicketSchema, timeline: z.array(Timeline), photoUrls: z.record(z.string(), z.string()) }), "The ticket"),
        ...problems(401, 404),
      },
    }),
    async (c) => c.json(await Ticket.get(c.req.valid("param").ticketID), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{ticketID}/photos",
      operationId: "attachPhoto",
      tags: ["tickets"],
      summary: "Attach an uploaded photo to an open ticket (checked: size, type, magic bytes)",
      security: bearer,
      request: { params: TicketParam, ...body(z.object({ photoKey: z.string().max(300) })) },
      responses: { 200: json(TicketSchema, "The ticket"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Ticket.attachPhoto({ ...c.req.valid("json"), ticketID: c.req.valid("param").ticketID }), 200),
  )
  .openapi(...transition("accept", "acceptTicket", "立案: accept a collected ticket; its deadline starts", Ticket.TransitionInput, Ticket.accept))
  .openapi(...transition("reject", "rejectTicket", "不予立案: do not accept, with a reason (closed, not solved)", Ticket.TransitionInput.extend({ note: z.string().min(2).max(2000) }), Ticket.reject))
  .openapi(...transition("dispatch", "dispatchTicket", "派遣: send to a department (routed when not named)", Ticket.TransitionInput.extend({ departmentKey: z.string().max(40).optional() }), Ticket.dispatch))
  .openapi(...transition("handling", "reportHandling", "处置反馈: the department reports what it did, with photos", Ticket.TransitionInput.extend({ note: z.string().min(2).max(2000), photoKeys: z.array(z.string()).max(6).optional() }), Ticket.reportHandling as never))
  .openapi(...transition("verify", "verifyTicket", "核查结案: another person checks and closes (solved, not ours, duplicate)", Ticket.TransitionInput.extend({ closure: z.enum(["solved", "not_responsible", "duplicate"]).optional() }), Ticket.verify as never))
  .openapi(...transition("send-back", "sendBackTicket", "The check failed: back to the department", Ticket.TransitionInput.extend({ note: z.string().min(2).max(2000) }), Ticket.sendBack))
  .openapi(...transition("reopen", "reopenTicket", "The reporter reopens a closed ticket within the reopen window", Ticket.TransitionInput.extend({ note: z.string().min(2).max(2000) }), Ticket.reopen))
  .openapi(...transition("requests", "requestTicketChange", "Ask for a change that needs an approval: extend the deadline, send up, transfer, void", Ticket.RequestChangeBody, Ticket.requestChange as never))
  .openapi(...transition("decision", "decideTicketChange", "Approve or refuse the pending change (district admin or grid leader, not the requester)", Ticket.DecideChangeInput, Ticket.decideChange))
  .openapi(...transition("rating", "rateTicket", "综合评价: the reporter rates a closed ticket, 1–5", Ticket.TransitionInput.extend({ rating: z.number().int().min(1).max(5) }), Ticket.rate));

export const ticketRoutes = routes;

const CategorySchema = Config.Category.meta({ id: "Category" });
const DepartmentSchema = Config.Department.meta({ id: "Department" });

/** The ticket configuration a reporter's form and a dispatcher's select need. */
export const ticketConfigRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/categories",
      operationId: "listCategories",
      tags: ["tickets"],
      summary: "The district's ticket categories with their default department and deadline",
      security: bearer,
      responses: { 200: json(z.object({ items: z.array(CategorySchema) }), "Categories"), ...problems(401) },
    }),
    async (c) => c.json({ items: (await Config.get()).tickets.categories }, 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/departments",
      operationId: "listDepartments",
      tags: ["tickets"],
      summary: "The district's departments (职能部门)",
      security: bearer,
      responses: { 200: json(z.object({ items: z.array(DepartmentSchema) }), "Departments"), ...problems(401) },
    }),
    async (c) => c.json({ items: (await Config.get()).tickets.departments }, 200),
  );

export const notificationRoutes = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/notifications/read",
      operationId: "markNotificationsRead",
      tags: ["identity"],
      summary: "Mark the caller's notifications read (all, or the ones named)",
      security: bearer,
      request: body(z.object({ notificationIDs: z.array(z.string()).max(200).optional() })),
      responses: { 200: json(z.object({ marked: z.number() }), "Marked"), ...problems(400, 401) },
    }),
    async (c) => c.json(await Ticket.markNotificationsRead(c.req.valid("json")), 200),
  )
  .openapi(
  createRoute({
    method: "get",
    path: "/notifications",
    operationId: "listNotifications",
    tags: ["identity"],
    summary: "The caller's in-app notifications, newest first",
    security: bearer,
    request: { query: PageQuery },
    responses: {
      200: json(pageOf(z.object({ notificationID: z.string(), ticketID: z.string().nullable(), kind: z.string(), state: z.string().nullable(), at: z.string(), read: z.boolean() })), "Notifications"),
      ...problems(401),
    },
  }),
  async (c) => c.json(await Ticket.notifications(c.req.valid("query")), 200),
);
