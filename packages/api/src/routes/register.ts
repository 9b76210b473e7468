import { createRoute, z } from "@hono/zod-openapi";
import { Register } from "@wangge/core";
import { body, bearer, json, PageQuery, pageOf, pathParam, problems, router } from "../openapi.ts";

const HouseSchema = Register.House.meta({ id: "House" });
const HouseholdSchema = Register.Household.meta({ id: "Household" });
const ResidentRecordSchema = Register.ResidentRecord.meta({ id: "ResidentRecord" });
const OrganisationSchema = Register.Organisation.meta({ id: "Organisation" });
const AccessEntrySchema = Register.AccessEntry.meta({ id: "RegisterAccessEntry" });
const RecordParam = z.object({ recordID: pathParam("recordID", "person_01jd…") });
const HouseholdParam = z.object({ householdID: pathParam("householdID", "household_01jd…") });
const tags = ["register"];
const RegisterImportSchema = Register.RegisterImportView.meta({ id: "RegisterImport" });
const RegisterExportSchema = Register.RegisterExportView.meta({ id: "RegisterExport" });
const ImportMappingSchema = Register.ImportMapping.meta({ id: "RegisterImportMapping" });
const UploadSlot = z.object({
  uploadKey: z.string(),
  url: z.string(),
  method: z.literal("PUT"),
  maxBytes: z.number(),
  expiresAt: z.string(),
});

/**
 * The grid register (数据平台), mounted at `/register`: houses, households, people and
 * organisations on the grids. Lists show masked values; a full field is revealed one at a time
 * with a purpose, and every reading is in the access log.
 */
export const registerRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/houses",
      operationId: "listHouses",
      tags,
      summary: "Houses (房屋) of a grid and below: the caller's grid by default, a district admin's whole district",
      security: bearer,
      request: { query: PageQuery.extend(Register.listHouses.schema.pick({ gridID: true }).shape) },
      responses: { 200: json(pageOf(HouseSchema), "One page of houses"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Register.listHouses(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/houses",
      operationId: "createHouse",
      tags,
      summary: "Add a house on a grid of the caller's (by its point, or the grid named)",
      security: bearer,
      request: body(Register.CreateHouseInput),
      responses: { 201: json(HouseSchema, "Added"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Register.createHouse(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/households",
      operationId: "listHouseholds",
      tags,
      summary:
        "Households (住户) of a house, or of a grid and below; `q` finds them by a part of the address or the start of the head's name",
      security: bearer,
      request: { query: PageQuery.extend(Register.listHouseholds.schema.pick({ houseID: true, gridID: true, q: true }).shape) },
      responses: { 200: json(pageOf(HouseholdSchema), "One page of households"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Register.listHouseholds(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/households",
      operationId: "createHousehold",
      tags,
      summary: "Open a household in a house of the caller's grid",
      security: bearer,
      request: body(Register.CreateHouseholdInput),
      responses: { 201: json(HouseholdSchema, "Opened"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Register.createHousehold(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/households/{householdID}",
      operationId: "getHousehold",
      tags,
      summary: "A household with its members (masked) and its move history",
      security: bearer,
      request: { params: HouseholdParam },
      responses: {
        200: json(z.object({ household: HouseholdSchema, members: z.array(ResidentRecordSchema) }), "The household"),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => c.json(await Register.getHousehold(c.req.valid("param").householdID), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/households/{householdID}/move",
      operationId: "moveHousehold",
      tags,
      summary: "A household moves to another house (maybe another grid) with its people; the move joins its history",
      security: bearer,
      request: { params: HouseholdParam, ...body(Register.MoveHouseholdInput.omit({ householdID: true })) },
      responses: { 200: json(HouseholdSchema, "Moved"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Register.moveHousehold({ ...c.req.valid("json"), householdID: c.req.valid("param").householdID }), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/people",
      operationId: "searchRegister",
      tags,
      summary:
        "People of the register, masked: by a name's start, a full ID number or phone (matched by keyed hash), or everyone of a grid with a tag",
      security: bearer,
      request: { query: PageQuery.extend(Register.searchRegister.schema.pick({ q: true, gridID: true, tag: true, status: true }).shape) },
      responses: { 200: json(pageOf(ResidentRecordSchema), "One page of people"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Register.searchRegister(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/people",
      operationId: "createResidentRecord",
      tags,
      summary: "Add a person: ID number checked (GB 11643), unique in the district (409); ID number, phone and sensitive tags sealed",
      security: bearer,
      request: body(Register.CreateResidentRecordInput),
      responses: { 201: json(ResidentRecordSchema, "Added"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Register.createResidentRecord(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/people/{recordID}",
      operationId: "getResidentRecord",
      tags,
      summary: "One person's record (masked; sensitive tags for those who may reveal); the reading is logged",
      security: bearer,
      request: { params: RecordParam },
      responses: {
        200: json(Register.ResidentRecordDetail.meta({ id: "ResidentRecordDetail" }), "The record"),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => c.json(await Register.getResidentRecord(c.req.valid("param").recordID), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/people/{recordID}",
      operationId: "updateResidentRecord",
      tags,
      summary:
        "Keep a person's record up to date: name, phone (its lookup key follows), relation, tags (the counters follow); 409 if changed meanwhile",
      security: bearer,
      request: { params: RecordParam, ...body(Register.UpdateResidentRecordInput.omit({ recordID: true })) },
      responses: { 200: json(ResidentRecordSchema, "Updated"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Register.updateResidentRecord({ ...c.req.valid("json"), recordID: c.req.valid("param").recordID }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/people/{recordID}/reveal",
      operationId: "revealField",
      tags,
      summary: "One full field (ID number, phone or date of birth) of one person, with a stated purpose; written to the access log",
      security: bearer,
      request: { params: RecordParam, ...body(Register.RevealFieldInput.omit({ recordID: true })) },
      responses: {
        200: json(z.object({ recordID: z.string(), field: Register.RevealableField, value: z.string().nullable() }), "The value"),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await Register.revealField({ ...c.req.valid("json"), recordID: c.req.valid("param").recordID }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/people/{recordID}/move-out",
      operationId: "moveOutResident",
      tags,
      summary: "A person moves out (迁出): kept as moved out, no longer counted",
      security: bearer,
      request: { params: RecordParam, ...body(Register.MoveOutInput.omit({ recordID: true })) },
      responses: { 200: json(ResidentRecordSchema, "Moved out"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Register.moveOutResident({ ...c.req.valid("json"), recordID: c.req.valid("param").recordID }), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/me",
      operationId: "getMyRegisterRecord",
      tags,
      summary: "What the register holds about the caller (their own records, in full; PIPL right of access); the reading is logged",
      security: bearer,
      responses: {
        200: json(z.object({ records: z.array(Register.MyRegisterRecord.meta({ id: "MyRegisterRecord" })) }), "The caller's records"),
        ...problems(401, 403),
      },
    }),
    async (c) => c.json(await Register.getMyRegisterRecord(), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/enterprises",
      operationId: "listEnterprises",
      tags,
      summary: "Enterprises, institutions and managed objects (企事业单位 / 管理对象) of a grid and below",
      security: bearer,
      request: { query: PageQuery.extend(Register.listEnterprises.schema.pick({ gridID: true, kind: true }).shape) },
      responses: { 200: json(pageOf(OrganisationSchema), "One page of organisations"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Register.listEnterprises(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/enterprises",
      operationId: "createEnterprise",
      tags,
      summary: "Add an enterprise, institution or managed object; a credit code is checked (GB 32100) and unique in the district",
      security: bearer,
      request: body(Register.CreateEnterpriseInput),
      responses: { 201: json(OrganisationSchema, "Added"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Register.createEnterprise(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/counts",
      operationId: "getRegisterCounts",
      tags,
      summary: "Houses, households, people, organisations and each special group of a grid and of each of its children, from the counters",
      security: bearer,
      request: { query: Register.registerCounts.schema },
      responses: {
        200: json(
          z.object({
            gridID: z.string().nullable(),
            counts: Register.RegisterCounts,
            children: z.array(z.object({ gridID: z.string(), code: z.string(), name: z.string(), counts: Register.RegisterCounts })),
          }),
          "The counts",
        ),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await Register.registerCounts(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/points",
      operationId: "listRegisterPoints",
      tags,
      summary: "Houses and organisations of a grid and below as map points (no personal data), for the command map",
      security: bearer,
      request: { query: Register.registerPoints.schema },
      responses: {
        200: json(
          z.object({
            houses: z.array(
              z.object({
                houseID: z.string(),
                lon: z.number(),
                lat: z.number(),
                kind: Register.HouseKind,
                households: z.number(),
                gridID: z.string(),
                address: z.string(),
              }),
            ),
            organisations: z.array(
              z.object({
                organisationID: z.string(),
                lon: z.number(),
                lat: z.number(),
                kind: Register.OrganisationKind,
                name: z.string(),
                gridID: z.string(),
              }),
            ),
            truncated: z.boolean(),
          }),
          "The points",
        ),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await Register.registerPoints(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/access-log",
      operationId: "listAccessLog",
      tags,
      summary: "The register's access log, newest first (one person's with recordID): district admins",
      security: bearer,
      request: { query: PageQuery.extend(Register.listAccessLog.schema.pick({ recordID: true }).shape) },
      responses: { 200: json(pageOf(AccessEntrySchema), "One page of the log"), ...problems(400, 401, 403) },
    }),
    async (c) => c.json(await Register.listAccessLog(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/imports/uploads",
      operationId: "createRegisterUpload",
      tags,
      summary: "A presigned upload URL for a register spreadsheet (.xlsx or CSV); the file goes to S3, not through the API",
      security: bearer,
      responses: { 201: json(UploadSlot, "Where to PUT the file (15 minutes)"), ...problems(401, 403) },
    }),
    async (c) => c.json(await Register.createRegisterUpload(), 201),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/imports",
      operationId: "importRegister",
      tags,
      summary:
        "Import an uploaded spreadsheet of people in the background: every row checked first, all or nothing, a report of rejected rows; follow it with getRegisterImport",
      security: bearer,
      request: body(Register.ImportRegisterInput),
      responses: { 202: json(RegisterImportSchema, "Queued"), ...problems(400, 401, 403, 404, 429) },
    }),
    async (c) => c.json(await Register.importRegister(c.req.valid("json")), 202),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/imports/mapping",
      operationId: "getRegisterImportMapping",
      tags,
      summary: "The district's saved column mapping of register spreadsheets (null before an import named one)",
      security: bearer,
      responses: { 200: json(z.object({ mapping: ImportMappingSchema.nullable() }), "The mapping"), ...problems(401, 403) },
    }),
    async (c) => c.json({ mapping: await Register.getImportMapping() }, 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/imports/{importID}",
      operationId: "getRegisterImport",
      tags,
      summary: "The progress of a register import (rows checked, people written), its rejected rows and the report's link",
      security: bearer,
      request: { params: z.object({ importID: pathParam("importID", "import_01jd…") }) },
      responses: { 200: json(RegisterImportSchema, "The import"), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await Register.getRegisterImport(c.req.valid("param").importID), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/exports",
      operationId: "exportRegister",
      tags,
      summary:
        "Export the people of a grid and below (the caller's grid by default) as .xlsx or CSV in the background: masked values, tags by name, cells defused; logged. Follow it with getRegisterExport",
      security: bearer,
      request: body(Register.ExportRegisterInput),
      responses: { 202: json(RegisterExportSchema, "Queued"), ...problems(400, 401, 403, 404, 429) },
    }),
    async (c) => c.json(await Register.exportRegister(c.req.valid("json")), 202),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/exports/{exportID}",
      operationId: "getRegisterExport",
      tags,
      summary: "An export's progress (people written) and, once done, its download link (one hour); for the one who started it",
      security: bearer,
      request: { params: z.object({ exportID: pathParam("exportID", "export_01jd…") }) },
      responses: { 200: json(RegisterExportSchema, "The export"), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await Register.getRegisterExport(c.req.valid("param").exportID), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/access-log/export",
      operationId: "exportAccessLog",
      tags,
      summary: "The whole access log as CSV (cells defused against formulas); the export is itself logged",
      security: bearer,
      responses: { 200: { description: "The log", content: { "text/csv": { schema: z.string() } } }, ...problems(401, 403) },
    }),
    async (c) =>
      c.body(await Register.exportAccessLog(), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="register-access-log.csv"`,
        "cache-control": "no-store",
      }),
  );
