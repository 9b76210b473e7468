import { createRoute, z } from "@hono/zod-openapi";
import { Config, InputError } from "@wangge/core";
import { bearer, body, json, PageQuery, pageOf, pathParam, problems, router } from "../openapi.ts";
import { zodDetails } from "../problem.ts";
import type { ZodError } from "zod";

const ConfigSchema = Config.DistrictConfig.meta({ id: "DistrictConfig" });
const Version = Config.ConfigVersion.meta({ id: "ConfigVersion" });
const VersionDetail = Config.ConfigVersionDetail.meta({ id: "ConfigVersionDetail" });
const TierConfig = z
  .object({ version: z.number(), tiers: z.array(z.unknown()), dedicatedKinds: z.array(z.unknown()) })
  .meta({ id: "TierConfig" });
const CategorySchema = Config.Category.meta({ id: "Category" });
const DepartmentSchema = Config.Department.meta({ id: "Department" });

/**
 * Body problems are reported at their own paths (`changes.tickets.categories.2.key`), the same
 * paths the core gives for settings that do not hold together, so a form maps both alike.
 */
function bodyPaths(result: { target: string } & ({ success: true } | { success: false; error: ZodError })): undefined {
  if (!result.success) {
    const details = zodDetails(result.error, result.target === "json" ? undefined : result.target);
    throw new InputError("input.invalid", "The request is not valid.", details);
  }
  return undefined;
}

/**
 * The district's own configuration (配置与版本), mounted at `/config`: the whole of it, its
 * versions and rollback, and the parts forms read on their own (grid tiers, ticket categories
 * and departments).
 */
export const configRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "getDistrictConfig",
      tags: ["config"],
      summary: "The district's current configuration (any signed-in user of the district)",
      security: bearer,
      responses: { 200: json(ConfigSchema, "The configuration"), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await Config.get(), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/",
      operationId: "updateDistrictConfig",
      tags: ["config"],
      summary:
        "Replace whole sections of the configuration as a new version (district admin). 409 `config.version` if it changed meanwhile; 409 `config.breaking` with one reason each if it would break existing data",
      security: bearer,
      request: body(Config.UpdateConfigInput.meta({ id: "UpdateConfigInput" })),
      responses: { 200: json(ConfigSchema, "The new version"), ...problems(400, 401, 403, 409) },
    }),
    async (c) => c.json(await Config.update(c.req.valid("json")), 200),
    bodyPaths,
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/versions",
      operationId: "listConfigVersions",
      tags: ["config"],
      summary: "The configuration's versions, newest first: who, when, which sections, why (district admin)",
      security: bearer,
      request: { query: PageQuery },
      responses: { 200: json(pageOf(Version), "One page of versions"), ...problems(400, 401, 403) },
    }),
    async (c) => c.json(await Config.listVersions(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/versions/{version}",
      operationId: "getConfigVersion",
      tags: ["config"],
      summary: "One version with the whole settings it made (district admin)",
      security: bearer,
      request: { params: z.object({ version: pathParam("version", "3") }) },
      responses: { 200: json(VersionDetail, "The version"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Config.getVersion(c.req.valid("param").version), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/rollback",
      operationId: "rollbackConfig",
      tags: ["config"],
      summary: "Restore an earlier version's settings as a new version, after the same checks as a change (district admin)",
      security: bearer,
      request: body(Config.RollbackInput.meta({ id: "RollbackConfigInput" })),
      responses: { 200: json(ConfigSchema, "The new version"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Config.rollback(c.req.valid("json")), 200),
    bodyPaths,
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/tiers",
      operationId: "getTierConfig",
      tags: ["grids"],
      summary: "The district's grid tiers and dedicated-grid kinds",
      security: bearer,
      responses: { 200: json(TierConfig, "Tiers"), ...problems(401) },
    }),
    async (c) => c.json(await Config.tiers(), 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/tiers",
      operationId: "updateTierConfig",
      tags: ["grids"],
      summary: "Change the tiers and dedicated kinds (refused, naming the grids in the way, if it would orphan any)",
      security: bearer,
      request: body(Config.updateTiers.schema),
      responses: { 200: json(TierConfig, "Changed"), ...problems(400, 401, 403, 409) },
    }),
    async (c) => c.json(await Config.updateTiers(c.req.valid("json")), 200),
  )
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
