import { createRoute, z } from "@hono/zod-openapi";
import { Meeting, Need } from "@wangge/core";
import { body, bearer, json, PageQuery, pageOf, pathParam, problems, router } from "../openapi.ts";

const MeetingSchema = Meeting.Meeting.meta({ id: "Meeting" });
const MeetingParam = z.object({ meetingID: pathParam("meetingID", "meeting_01jd…") });

/** Meetings of the district's types, mounted at `/meetings`: schedule, then attendance, minutes and outcomes → needs items. */
export const meetingsRoutes = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "createMeeting",
      tags: ["meetings"],
      summary: "Schedule a meeting of one of the district's types on a grid",
      security: bearer,
      request: body(Meeting.CreateMeetingInput),
      responses: { 201: json(MeetingSchema, "Scheduled"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Meeting.createMeeting(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listMeetings",
      tags: ["meetings"],
      summary: "The district's schedule (soonest first, from a time) or a grid's meetings with its descendants'",
      security: bearer,
      request: {
        query: PageQuery.extend(Meeting.listMeetings.schema.pick({ gridID: true, status: true, typeKey: true, from: true }).shape),
      },
      responses: { 200: json(pageOf(MeetingSchema), "One page of meetings"), ...problems(400, 401, 404) },
    }),
    async (c) => c.json(await Meeting.listMeetings(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/stats",
      operationId: "getMeetingStats",
      tags: ["meetings"],
      summary: "Meetings held, attendance and per type, of a grid or the district, in a period (all, YYYY, YYYY-MM)",
      security: bearer,
      request: { query: Meeting.meetingStats.schema },
      responses: {
        200: json(
          z.object({ scheduled: z.number(), held: z.number(), attendance: z.number(), byType: z.record(z.string(), z.number()) }),
          "Counts",
        ),
        ...problems(400, 401, 404),
      },
    }),
    async (c) => c.json(await Meeting.meetingStats(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{meetingID}",
      operationId: "getMeeting",
      tags: ["meetings"],
      summary: "A meeting with the needs items its outcomes became",
      security: bearer,
      request: { params: MeetingParam },
      responses: {
        200: json(
          z.object({
            meeting: MeetingSchema,
            items: z.array(z.object({ itemID: z.string(), kind: Need.NeedKind, title: z.string(), status: Need.NeedState })),
          }),
          "The meeting",
        ),
        ...problems(401, 404),
      },
    }),
    async (c) => c.json(await Meeting.getMeeting(c.req.valid("param").meetingID), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{meetingID}/outcome",
      operationId: "recordMeetingOutcome",
      tags: ["meetings"],
      summary: "Record attendance and minutes, and turn the outcomes into needs items, in one transaction (once: 409 after)",
      security: bearer,
      request: { params: MeetingParam, ...body(Meeting.RecordOutcomeBody) },
      responses: {
        200: json(
          z.object({ meeting: MeetingSchema, items: z.array(Need.NeedItem.meta({ id: "NeedItem" })) }),
          "The meeting, held, and the items created",
        ),
        ...problems(400, 401, 403, 404, 409),
      },
    }),
    async (c) => c.json(await Meeting.recordMeetingOutcome({ ...c.req.valid("json"), meetingID: c.req.valid("param").meetingID }), 200),
  );
