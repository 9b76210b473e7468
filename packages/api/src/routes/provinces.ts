import { createRoute } from "@hono/zod-openapi";
import { Province } from "@wangge/core";
import { body, bearer, json, PageQuery, pageOf, problems, router } from "../openapi.ts";

const ProvinceSchema = Province.Province.meta({ id: "Province" });

export const provinceRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listProvinces",
      tags: ["districts"],
      summary: "Provinces (names only)",
      security: bearer,
      request: { query: PageQuery },
      responses: { 200: json(pageOf(ProvinceSchema), "One page of provinces"), ...problems(400, 401) },
    }),
    async (c) => c.json(await Province.list(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "createProvince",
      tags: ["districts"],
      summary: "Add a province (platform operator)",
      security: bearer,
      request: body(ProvinceSchema),
      responses: { 201: json(ProvinceSchema, "Created"), ...problems(400, 401, 403, 409) },
    }),
    async (c) => c.json(await Province.create(c.req.valid("json")), 201),
  );
