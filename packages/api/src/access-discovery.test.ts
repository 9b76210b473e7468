import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, it } from "vitest";
import { As, startTestApi } from "../../../scripts/test/api.ts";
import { districtFixtures } from "../../../scripts/test/district-fixtures.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
let params: Record<string, string>;
let bodies: Record<string, unknown>;
const callers: Record<string, { userID: string; tenantID: string | null }> = {
  district_admin: As.yanpingAdmin,
  provincial_admin: As.fujian,
  platform_operator: As.operator,
};
beforeAll(async () => {
  api = await startTestApi();
  ({ params, bodies } = await districtFixtures(api, {
    slug: "yanping",
    admin: As.yanpingAdmin,
    residentID: "yp-resident",
    workerID: "yp-worker",
    name: "延平",
    code: "YP",
    categoryKey: "environment",
    origin: [118, 26.6],
  }));
  const roles = ["resident", "grid_worker", "grid_leader", "department_staff", "cadre"];
  for (const [index, role] of roles.entries()) {
    const invited = await api.call("POST", "/users", {
      as: As.yanpingAdmin,
      body: {
        name: `角色${index}`,
        phone: `1360000000${index}`,
        roles: [role],
        ...(role === "department_staff" ? { departmentKey: "urban_management" } : {}),
        ...(role.startsWith("grid_") ? { gridID: params.gridID } : {}),
      },
    });
    if (invited.status !== 201) throw new Error(JSON.stringify(invited.body));
    callers[role] = { userID: invited.body.userID, tenantID: "yanping" };
  }

  params.version = "1";
  params.service_code = "environment";
  params.service_request_id = "x";
  params.token = "x";
  params.format = "json";
}, 120_000);
afterAll(() => api?.close());

it("discovers", async () => {
  const doc = (await api.call("GET", "/openapi.json")).body as { paths: Record<string, Record<string, { operationId: string }>> };
  const out: Record<string, Record<string, string>> = {};
  for (const [template, methods] of Object.entries(doc.paths))
    for (const [method, operation] of Object.entries(methods)) {
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? "x"));
      out[operation.operationId] = {};
      for (const [role, caller] of Object.entries(callers)) {
        const body = bodies[operation.operationId];
        const r = await api.call(method.toUpperCase(), path, { as: caller, body: method === "get" ? undefined : (body ?? {}) });
        out[operation.operationId][role] = `${r.status} ${r.body?.code ?? ""}`;
      }
    }
  writeFileSync("/tmp/matrix.json", JSON.stringify(out, null, 1));
}, 300_000);
