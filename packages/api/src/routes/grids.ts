import { createRoute, z } from "@hono/zod-openapi";
import { Grid } from "@wangge/core";
import { body, bearer, Flag, json, PageQuery, pageOf, pathParam, problems, router } from "../openapi.ts";

const GridSchema = Grid.Grid.meta({ id: "Grid" });
const GridRef = Grid.GridRef.meta({ id: "GridRef" });
const GridParam = z.object({ gridID: pathParam("gridID", "grid_01jd…") });
const Area = z.object({ areaM2: z.number(), geometry: z.unknown() });
const Coverage = z
  .object({
    grid: GridRef.nullable(),
    children: z.number(),
    ok: z.boolean(),
    parentAreaM2: z.number(),
    childrenAreaM2: z.number(),
    outside: z.array(Area.extend({ gridID: z.string(), code: z.string() })),
    overlaps: z.array(
      Area.extend({ a: z.object({ gridID: z.string(), code: z.string() }), b: z.object({ gridID: z.string(), code: z.string() }) }),
    ),
    gaps: z.array(Area),
  })
  .meta({ id: "GridCoverage" });
const ImportJob = z
  .object({
    importID: z.string(),
    status: z.enum(["queued", "validating", "writing", "done", "failed"]),
    /** Grids to write (known once the file is validated) and grids written so far. */
    total: z.number(),
    written: z.number(),
    /** The file's problems when it was refused (`failure.code` "import.invalid"): nothing was written. */
    problems: z.array(z.object({ path: z.string(), message: z.string() })),
    failure: z.object({ code: z.string(), message: z.string() }).nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "GridImport" });

const ExportJob = z
  .object({
    exportID: z.string(),
    status: z.enum(["queued", "writing", "done", "failed"]),
    count: z.number().nullable(),
    bytes: z.number().nullable(),
    /** The file, for an hour from this reply, once written. */
    url: z.string().nullable(),
    failure: z.object({ code: z.string(), message: z.string() }).nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "GridExport" });

/** Grids (网格): locate, list, draw, split, merge, import and export. */
export const gridRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/locate",
      operationId: "locateGrid",
      tags: ["grids"],
      summary: "The finest grid containing a point, with its ancestors (spatial index kept in memory)",
      security: bearer,
      request: { query: Grid.LocateInput },
      responses: {
        200: json(z.object({ grid: GridRef, ancestors: z.array(GridRef), dedicated: z.array(GridRef) }), "The grid there"),
        ...problems(400, 401, 404),
      },
    }),
    async (c) => c.json(await Grid.locate(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/search",
      operationId: "searchGrids",
      tags: ["grids"],
      summary:
        "Find the district's active grids by code prefix (JY-28) or a few characters of a name (桃园), best first, at most 50 (from the grids kept in memory: no scan)",
      security: bearer,
      request: { query: Grid.SearchInput },
      responses: {
        200: json(z.object({ items: z.array(GridRef), more: z.boolean() }), "The matching grids"),
        ...problems(400, 401),
      },
    }),
    async (c) => c.json(await Grid.search(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/exports",
      operationId: "exportGrids",
      tags: ["grids"],
      summary: "Export every active grid as GeoJSON, in the background: answers at once (queued); getGridExport gives the download link",
      security: bearer,
      responses: { 202: json(ExportJob, "Queued"), ...problems(401, 403) },
    }),
    async (c) => c.json(await Grid.startExport(), 202),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/exports/{exportID}",
      operationId: "getGridExport",
      tags: ["grids"],
      summary: "The progress of an export, and a short-lived download link to its file once written",
      security: bearer,
      request: { params: z.object({ exportID: pathParam("exportID", "export_01jd…") }) },
      responses: { 200: json(ExportJob, "The export"), ...problems(401, 404) },
    }),
    async (c) => c.json(await Grid.getExport(c.req.valid("param").exportID), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/imports/uploads",
      operationId: "createGridUpload",
      tags: ["grids"],
      summary: "A presigned upload URL for a grid file (the file goes to S3, not through the API)",
      security: bearer,
      responses: {
        201: json(
          z.object({ uploadKey: z.string(), url: z.string(), method: z.literal("PUT"), maxBytes: z.number(), expiresAt: z.string() }),
          "Upload here",
        ),
        ...problems(401, 403),
      },
    }),
    async (c) => c.json(await Grid.createUpload(), 201),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/imports",
      operationId: "importGrids",
      tags: ["grids"],
      summary:
        "Import an uploaded GeoJSON FeatureCollection in the background: answers at once (queued); follow it with getGridImport (validated as a whole, then written)",
      security: bearer,
      request: body(Grid.ImportUploadInput),
      responses: { 202: json(ImportJob, "Queued"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Grid.importUpload(c.req.valid("json")), 202),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/imports/{importID}",
      operationId: "getGridImport",
      tags: ["grids"],
      summary: "The progress of an import",
      security: bearer,
      request: { params: z.object({ importID: pathParam("importID", "import_01jd…") }) },
      responses: { 200: json(ImportJob, "The import"), ...problems(401, 404) },
    }),
    async (c) => c.json(await Grid.getImport(c.req.valid("param").importID), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/merge",
      operationId: "mergeGrids",
      tags: ["grids"],
      summary: "Merge sibling grids into one (their children move under it)",
      security: bearer,
      request: body(Grid.MergeInput),
      responses: { 201: json(z.object({ retired: z.array(GridRef), merged: GridSchema }), "Merged"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Grid.merge(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listGrids",
      tags: ["grids"],
      summary: "A grid's children (parentID, `root` for the first tier) or a whole tier (tier, or `dedicated`)",
      security: bearer,
      request: {
        query: PageQuery.extend({
          parentID: z.string().optional(),
          tier: z
            .string()
            .regex(/^([1-5]|dedicated)$/)
            .optional(),
          boundary: Flag,
          retired: Flag,
        }),
      },
      responses: { 200: json(pageOf(GridSchema), "One page of grids"), ...problems(400, 401) },
    }),
    async (c) => {
      const { tier, ...query } = c.req.valid("query");
      return c.json(await Grid.list({ ...query, tier: tier === "dedicated" ? "dedicated" : tier ? Number(tier) : undefined }), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "createGrid",
      tags: ["grids"],
      summary: "Create a grid, checked against the drawing rules",
      security: bearer,
      request: body(Grid.CreateInput),
      responses: { 201: json(GridSchema, "Created"), ...problems(400, 401, 403, 409) },
    }),
    async (c) => c.json(await Grid.create(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{gridID}",
      operationId: "getGrid",
      tags: ["grids"],
      summary: "A grid with its ancestors",
      security: bearer,
      request: { params: GridParam },
      responses: { 200: json(z.object({ grid: GridSchema, ancestors: z.array(GridRef) }), "The grid"), ...problems(401, 404) },
    }),
    async (c) => c.json(await Grid.get(c.req.valid("param").gridID), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{gridID}",
      operationId: "updateGrid",
      tags: ["grids"],
      summary: "Rename, move, redraw, recount or retire a grid (one change, a version kept)",
      security: bearer,
      request: { params: GridParam, ...body(Grid.UpdateInput.omit({ gridID: true })) },
      responses: { 200: json(GridSchema, "Changed"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Grid.update({ ...c.req.valid("json"), gridID: c.req.valid("param").gridID }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{gridID}/split",
      operationId: "splitGrid",
      tags: ["grids"],
      summary: "Split a grid into pieces that cover it exactly",
      security: bearer,
      request: { params: GridParam, ...body(Grid.SplitInput.omit({ gridID: true })) },
      responses: { 201: json(z.object({ retired: GridRef, pieces: z.array(GridSchema) }), "Split"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Grid.split({ ...c.req.valid("json"), gridID: c.req.valid("param").gridID }), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{gridID}/coverage",
      operationId: "getGridCoverage",
      tags: ["grids"],
      summary: "Coverage report (无缝覆盖): children outside, overlaps and gaps with area and geometry; `root` for the first tier",
      security: bearer,
      request: { params: GridParam },
      responses: { 200: json(Coverage, "The report"), ...problems(401, 404) },
    }),
    async (c) => c.json(await Grid.getCoverage(c.req.valid("param").gridID), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{gridID}/versions",
      operationId: "listGridVersions",
      tags: ["grids"],
      summary: "The kept versions of a grid: who changed what, when",
      security: bearer,
      request: { params: GridParam, query: PageQuery },
      responses: {
        200: json(
          pageOf(
            z.object({
              version: z.number(),
              change: z.string(),
              note: z.string().nullable(),
              by: z.string(),
              at: z.string(),
              snapshot: z.record(z.string(), z.unknown()),
            }),
          ),
          "Versions",
        ),
        ...problems(400, 401),
      },
    }),
    async (c) => c.json(await Grid.versions({ ...c.req.valid("query"), gridID: c.req.valid("param").gridID }), 200),
  );
