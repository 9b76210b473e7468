import { createRoute, z } from "@hono/zod-openapi";
import { Metrics } from "@wangge/core";
import { body, bearer, json, pathParam, problems, router } from "../openapi.ts";

const Values = Metrics.Values.meta({ id: "MetricValues" });
const Named = z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string() });

const DistrictMetrics = z
  .object({
    tenantID: z.string(),
    period: z.string(),
    values: Values,
    trend: z.object({ year: z.string(), months: z.array(z.string()), values: z.record(z.string(), z.array(z.number().nullable())) }),
    tiers: z.array(z.object({ level: z.number(), nameZh: z.string(), nameEn: z.string(), grids: z.number() })),
    dedicatedGrids: z.number(),
    roles: z.array(Named.extend({ people: z.number() })),
    categories: z.array(Named.extend({ values: Values })),
    departments: z.array(Named.extend({ values: Values })),
    reads: z.number().describe("DynamoDB requests this reply took"),
  })
  .meta({ id: "DistrictMetrics" });

const GridRef = z.object({ gridID: z.string(), code: z.string(), name: z.string(), tier: z.number().nullable() });
const GridMetrics = z
  .object({
    grid: GridRef.nullable(),
    period: z.string(),
    values: Values,
    children: z.array(GridRef.extend({ values: Values })),
    reads: z.number(),
  })
  .meta({ id: "GridMetrics" });

const Comparison = z
  .object({
    provinceID: z.string(),
    period: z.string(),
    definitions: z.array(
      z.object({
        key: z.string(),
        group: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        unit: z.string(),
        higherIsBetter: z.boolean(),
      }),
    ),
    rows: z.array(
      z.object({ tenantID: z.string(), nameZh: z.string(), nameEn: z.string(), cityZh: z.string(), cityEn: z.string(), values: Values }),
    ),
    rankings: z.record(z.string(), z.array(z.string())),
    reads: z.number(),
  })
  .meta({ id: "DistrictComparison" });

const PeriodQuery = z.object({ period: Metrics.Period.optional().openapi({ example: "2022" }) });
/** The core's fields; its rules across fields (a period or a range, at most 60 months) are checked by the core. */
const CompareQuery = z.object(Metrics.compareDistricts.schema.shape).extend({
  from: Metrics.compareDistricts.schema.shape.from.meta({ example: "2022-01" }),
  to: Metrics.compareDistricts.schema.shape.to.meta({ example: "2022-12" }),
});

const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Dashboards (看板) and the provincial comparison, mounted at `/metrics`: counters only, bounded reads. */
export const metricsRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/district",
      operationId: "getDistrictMetrics",
      tags: ["metrics"],
      summary: "The caller's district: every metric for a period, the monthly trend, and breakdowns",
      security: bearer,
      request: { query: PeriodQuery },
      responses: { 200: json(DistrictMetrics, "The dashboard"), ...problems(400, 401, 403) },
    }),
    async (c) => c.json(await Metrics.getDistrictMetrics(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/grids/{gridID}",
      operationId: "getGridMetrics",
      tags: ["metrics"],
      summary: "A grid's figures and each child grid's (`root`: the first tier), for drill-down and the map",
      security: bearer,
      request: { params: z.object({ gridID: pathParam("gridID", "root") }), query: PeriodQuery },
      responses: { 200: json(GridMetrics, "The grid and its children"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Metrics.getGridMetrics({ gridID: c.req.valid("param").gridID, ...c.req.valid("query") }), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/compare",
      operationId: "compareDistricts",
      tags: ["metrics"],
      summary: "The districts of the caller's province side by side, with rankings (aggregates only)",
      security: bearer,
      request: { query: CompareQuery },
      responses: { 200: json(Comparison, "The comparison"), ...problems(400, 401, 403) },
    }),
    async (c) => c.json(await Metrics.compareDistricts(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/compare/export",
      operationId: "exportComparison",
      tags: ["metrics"],
      summary: "The comparison as an .xlsx workbook or CSV, with Chinese headings",
      security: bearer,
      request: { query: CompareQuery.extend({ format: z.enum(["xlsx", "csv"]).default("xlsx") }) },
      responses: {
        200: {
          description: "The file",
          content: { [xlsx]: { schema: z.string().meta({ format: "binary" }) }, "text/csv": { schema: z.string() } },
        },
        ...problems(400, 401, 403),
      },
    }),
    async (c) => {
      const { format, ...query } = c.req.valid("query");
      const comparison = await Metrics.compareDistricts(query);
      const name = `comparison-${comparison.provinceID}-${comparison.period.replace("..", "_")}`;
      if (format === "csv")
        return c.body(Metrics.comparisonCsv(comparison), 200, {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${name}.csv"`,
        });
      const file = await Metrics.comparisonWorkbook(comparison);
      // A copy typed as backed by an ArrayBuffer, which is what a response body takes.
      return c.body(new Uint8Array(file), 200, { "content-type": xlsx, "content-disposition": `attachment; filename="${name}.xlsx"` });
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/recount",
      operationId: "recountMetrics",
      tags: ["metrics"],
      summary: "Rebuild the district's counters from its records and report any drift (district admin)",
      security: bearer,
      request: body(Metrics.RecountInput),
      responses: {
        200: json(
          z.object({
            tickets: z.number(),
            grids: z.number(),
            people: z.number(),
            drift: z.array(
              z.object({ scope: z.string(), period: z.string(), field: z.string(), stored: z.number(), recounted: z.number() }),
            ),
            repaired: z.boolean(),
          }),
          "The recount",
        ),
        ...problems(400, 401, 403),
      },
    }),
    async (c) => c.json(await Metrics.recountMetrics(c.req.valid("json")), 200),
  );
