import { createRoute, z } from "@hono/zod-openapi";
import { Config, District, InputError } from "@wangge/core";
import { bearer, body, json, PageQuery, pageOf, pathParam, problems, router } from "../openapi.ts";
import { zodDetails } from "../problem.ts";

const ConfigSchema = Config.DistrictConfig.meta({ id: "DistrictConfig" });
const Version = Config.ConfigVersion.meta({ id: "ConfigVersion" });
const VersionDetail = Config.ConfigVersionDetail.meta({ id: "ConfigVersionDetail" });

/**
 * Body problems are reported at their own paths (`changes.tickets.categories.2.key`), the same
 * paths the core gives for settings that do not hold together, so a form maps both alike.
 */
function bodyPaths(result: { success: boolean; target: string; error?: unknown }): undefined {
  if (!result.success)
    throw new InputError("input.invalid", "The request is not valid.", zodDetails(result.error as never, result.target === "json" ? undefined : result.target));
  return undefined;
}

/** The district's own configuration, its versions and rollback (配置与版本). Full paths. */
export const configRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/config",
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
      path: "/config",
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
      path: "/config/versions",
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
      path: "/config/versions/{version}",
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
      path: "/config/rollback",
      operationId: "rollbackConfig",
      tags: ["config"],
      summary: "Restore an earlier version's settings as a new version, after the same checks as a change (district admin)",
      security: bearer,
      request: body(Config.RollbackInput.meta({ id: "RollbackConfigInput" })),
      responses: { 200: json(ConfigSchema, "The new version"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Config.rollback(c.req.valid("json")), 200),
    bodyPaths,
  );
