import { createRoute, z } from "@hono/zod-openapi";
import { Cadre } from "@wangge/core";
import { body, bearer, Flag, json, PageQuery, pageOf, pathParam, problems, router } from "../openapi.ts";

const HomeUnit = Cadre.HomeUnit.meta({ id: "HomeUnit" });
const CadreSchema = Cadre.Cadre.meta({ id: "Cadre" });
const Entry = Cadre.LedgerEntry.meta({ id: "LedgerEntry" });
const Evaluation = Cadre.Evaluation.meta({ id: "CadreEvaluation" });
const Coverage = Cadre.Coverage.meta({ id: "CadreCoverage" });
const Kind = z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string() });
const CadreParam = z.object({ cadreID: pathParam("cadreID", "cadre_01jd…") });
const UnitParam = z.object({ unitID: pathParam("unitID", "unit_01jd…") });

// Cadre secondment (常态化下沉) and the two-way ledger: one router per path prefix, each mounted at it.

/** Home units (派出单位), mounted at `/home-units`: the bodies that second cadres, and their monthly feedback reports. */
export const homeUnitRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listHomeUnits",
      tags: ["cadres"],
      summary: "The district's home units (派出单位): government bodies and state enterprises that second cadres",
      security: bearer,
      request: { query: PageQuery },
      responses: { 200: json(pageOf(HomeUnit), "One page of home units"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Cadre.listHomeUnits(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "createHomeUnit",
      tags: ["cadres"],
      summary: "Add a home unit (district admin)",
      security: bearer,
      request: body(Cadre.CreateHomeUnitInput),
      responses: { 201: json(HomeUnit, "Created"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Cadre.createHomeUnit(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{unitID}/feedback",
      operationId: "exportUnitFeedback",
      tags: ["cadres"],
      summary:
        "The unit's feedback report for a month (every cadre, their ledger totals and evaluation), as .xlsx or CSV with Chinese headings",
      security: bearer,
      request: {
        params: UnitParam,
        query: z.object({ month: Cadre.ExportFeedbackInput.shape.month, format: z.enum(["xlsx", "csv"]).optional() }),
      },
      responses: {
        200: {
          description: "The report file",
          content: {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().openapi({ format: "binary" }) },
            "text/csv": { schema: z.string() },
          },
        },
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const file = await Cadre.exportUnitFeedback({ ...c.req.valid("query"), unitID: c.req.valid("param").unitID });
      const ascii = `feedback-${file.month}.${file.filename.split(".").pop()}`;
      return c.body(file.body, 200, {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        "cache-control": "no-store",
      });
    },
  );

/** Seconded cadres (下沉干部), mounted at `/cadres`: assignments to grids and the community's evaluations. */
export const cadreRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listCadres",
      tags: ["cadres"],
      summary: "Seconded cadres: by home unit, under a grid, or across the district (active by default)",
      security: bearer,
      request: {
        query: PageQuery.extend({
          unitID: z.string().optional(),
          gridID: z.string().optional(),
          status: z.enum(["active", "ended"]).optional(),
        }),
      },
      responses: { 200: json(pageOf(CadreSchema), "One page of cadres"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Cadre.listCadres(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "assignCadre",
      tags: ["cadres"],
      summary: "Assign a cadre of a home unit to a lowest-tier grid as its grid assistant (网格助理) for a period",
      security: bearer,
      request: body(Cadre.AssignCadreInput),
      responses: { 201: json(CadreSchema, "Assigned"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Cadre.assignCadre(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{cadreID}",
      operationId: "getCadre",
      tags: ["cadres"],
      summary: "One cadre's assignment",
      security: bearer,
      request: { params: CadreParam },
      responses: { 200: json(CadreSchema, "The cadre"), ...problems(401, 404) },
    }),
    async (c) => c.json(await Cadre.getCadre(c.req.valid("param").cadreID), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{cadreID}/end",
      operationId: "endCadreAssignment",
      tags: ["cadres"],
      summary: "End an assignment",
      security: bearer,
      request: { params: CadreParam },
      responses: { 200: json(CadreSchema, "Ended"), ...problems(401, 403, 404, 409) },
    }),
    async (c) => c.json(await Cadre.endAssignment({ cadreID: c.req.valid("param").cadreID }), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{cadreID}/evaluations",
      operationId: "listCadreEvaluations",
      tags: ["cadres"],
      summary: "A cadre's monthly evaluations, newest first (a cadre sees their own)",
      security: bearer,
      request: { params: CadreParam, query: PageQuery },
      responses: { 200: json(pageOf(Evaluation), "One page of evaluations"), ...problems(400, 401, 404) },
    }),
    async (c) => c.json(await Cadre.listEvaluations({ ...c.req.valid("query"), cadreID: c.req.valid("param").cadreID }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{cadreID}/evaluations",
      operationId: "evaluateCadre",
      tags: ["cadres"],
      summary: "The community's monthly evaluation of a cadre (district admin or grid leader); one per month, a second is a 409",
      security: bearer,
      request: { params: CadreParam, ...body(Cadre.evaluateCadre.schema.omit({ cadreID: true })) },
      responses: { 201: json(Evaluation, "Recorded"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Cadre.evaluateCadre({ ...c.req.valid("json"), cadreID: c.req.valid("param").cadreID }), 201),
  );

/** Which grids have a grid assistant, mounted at `/cadre-coverage`. */
export const cadreCoverageRoutes = router().openapi(
  createRoute({
    method: "get",
    path: "/",
    operationId: "getCadreCoverage",
    tags: ["cadres"],
    summary: "Which lowest-tier grids (of the district or under a grid) have a grid assistant and which have none",
    security: bearer,
    request: { query: Cadre.coverage.schema },
    responses: { 200: json(Coverage, "Coverage"), ...problems(400, 401, 403, 404) },
  }),
  async (c) => c.json(await Cadre.coverage(c.req.valid("query")), 200),
);

/** The signed-in cadre's own assignments, mounted at `/cadre-assignments`. */
export const cadreAssignmentRoutes = router().openapi(
  createRoute({
    method: "get",
    path: "/mine",
    operationId: "getMyCadreAssignments",
    tags: ["cadres"],
    summary: "The signed-in cadre's assignments (the current one first) and the district's ledger kinds",
    security: bearer,
    responses: {
      200: json(z.object({ current: CadreSchema.nullable(), assignments: z.array(CadreSchema), kinds: z.array(Kind) }), "My assignments"),
      ...problems(401, 403, 404),
    },
  }),
  async (c) => c.json(await Cadre.myAssignments({}), 200),
);

/** The two-way ledger (双向管理·工作台账), mounted at `/ledger`: what cadres log on their grids. */
export const ledgerRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listLedgerEntries",
      tags: ["cadres"],
      summary: "Ledger entries, newest first: mine, a cadre's, a grid's, or a home unit's (optionally one month)",
      security: bearer,
      request: {
        query: PageQuery.extend({
          mine: Flag,
          cadreID: z.string().optional(),
          gridID: z.string().optional(),
          unitID: z.string().optional(),
          month: z.string().optional(),
        }),
      },
      responses: { 200: json(pageOf(Entry), "One page of entries"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Cadre.listLedgerEntries(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "createLedgerEntry",
      tags: ["cadres"],
      summary: "A cadre logs work on their assigned grid (visit, patrol, 小区民情图 …) with date, hours, notes and photos",
      security: bearer,
      request: body(Cadre.CreateLedgerEntryInput),
      responses: { 201: json(Entry, "Logged"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Cadre.createLedgerEntry(c.req.valid("json")), 201),
  );
