import { createRoute } from "@hono/zod-openapi";
import { Audit } from "@wangge/core";
import { bearer, json, PageQuery, pageOf, problems, router } from "../openapi.ts";

const AuditEvent = Audit.ListedAuditEvent.meta({ id: "AuditEvent" });

/** The district's audit trail (操作记录), mounted at `/audit`. */
export const auditRoutes = router().openapi(
  createRoute({
    method: "get",
    path: "/",
    operationId: "listAuditEvents",
    tags: ["audit"],
    summary: "The district's audit trail, newest first (district admin)",
    security: bearer,
    request: { query: PageQuery.extend({ subjectID: Audit.ListAuditInput.shape.subjectID }) },
    responses: { 200: json(pageOf(AuditEvent), "One page of events"), ...problems(400, 401, 403) },
  }),
  async (c) => c.json(await Audit.listAuditEvents(c.req.valid("query")), 200),
);
