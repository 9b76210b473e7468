import { createRoute, z } from "@hono/zod-openapi";
import { assertOperator, Config, District, Onboarding } from "@wangge/core";
import { body, bearer, json, PageQuery, pageOf, problems, router } from "../openapi.ts";

const DistrictSchema = District.District.meta({ id: "District" });
const ConfigSchema = Config.DistrictConfig.meta({ id: "DistrictConfig" });
const DistrictWithConfig = z.object({ district: DistrictSchema, config: ConfigSchema }).openapi("DistrictWithConfig");
const TemplateList = z
  .object({
    items: z.array(z.object({ name: Config.TemplateName, settings: Config.DistrictSettings })),
  })
  .openapi("DistrictTemplates");
const SlugParam = z.object({
  slug: z.string().openapi({ param: { name: "slug", in: "path" }, example: "jianyang" }),
});

export const districtRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listDistricts",
      tags: ["districts"],
      summary: "Districts the caller may see: all (operator), a province's (provincial admin), its own (district user)",
      security: bearer,
      request: { query: PageQuery },
      responses: { 200: json(pageOf(DistrictSchema), "One page of districts"), ...problems(400, 401) },
    }),
    async (c) => c.json(await District.list(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/templates",
      operationId: "listTemplates",
      tags: ["districts"],
      summary: "The built-in starting configurations a new district may be onboarded from (platform operator)",
      security: bearer,
      responses: { 200: json(TemplateList, "The templates with their settings"), ...problems(401, 403) },
    }),
    async (c) => {
      assertOperator();
      const items = Config.TemplateName.options.map((name) => ({ name, settings: Config.template(name) }));
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{slug}",
      operationId: "getDistrict",
      tags: ["districts"],
      summary: "A district with its configuration (tiers, roles, mechanisms)",
      security: bearer,
      request: { params: SlugParam },
      responses: { 200: json(DistrictWithConfig, "The district"), ...problems(400, 401, 404) },
    }),
    async (c) => c.json(await District.get(c.req.valid("param").slug), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "onboardDistrict",
      tags: ["districts"],
      summary: "Onboard a district: tenant, configuration from a template, first admin — atomically (platform operator)",
      security: bearer,
      request: body(Onboarding.OnboardInput.meta({ id: "OnboardInput" })),
      responses: {
        201: json(
          z.object({
            district: DistrictSchema,
            config: ConfigSchema,
            admin: z.object({ userID: z.string(), name: z.string(), roles: z.array(z.string()) }),
          }),
          "The district is live",
        ),
        ...problems(400, 401, 403, 409),
      },
    }),
    async (c) => c.json(await Onboarding.onboard(c.req.valid("json")), 201),
  );
