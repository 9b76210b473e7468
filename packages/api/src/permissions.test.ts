import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, type Caller, startTestApi } from "../../../scripts/test/api.ts";
import { districtFixtures, Yanping } from "../../../scripts/test/district-fixtures.ts";
import { type Permission, Permissions, permissionsDoc, type Role, Roles } from "./permissions.ts";

/**
 * The permissions table (permissions.ts) against the running API, cell by cell: every
 * operation the API serves, tried as each of the eight roles on one district's records (its
 * grid staff placed on the grid those records sit on). A role the row names is let through
 * (whatever the record's own rules then say); a role it does not name gets 403 `access.role`.
 * Public operations answer without a sign-in. Whether a role's scope holds is tried record by
 * record in scopes.test.ts.
 */
let api: Awaited<ReturnType<typeof startTestApi>>;
let params: Record<string, string>;
let bodies: Record<string, unknown>;
const callers = {} as Record<Role, Caller>;
type Operation = { operationID: string; method: string; template: string };
let operations: Operation[];

/** Where a role's request differs: a cadre claims a needs item for themself (a unit's claim is a leader's). */
const bodyFor: Partial<Record<string, Partial<Record<Role, unknown>>>> = { claimNeedItem: { cadre: {} } };

/** Refusals that say the caller's role (or scope) is not enough: an allowed cell must never get one. */
const roleRefusals = [
  "access.role",
  "actor.role",
  "actor.operator",
  "actor.province",
  "actor.no_tenant",
  "actor.no_access",
  "scope.grid",
  "scope.no_grid",
];

beforeAll(async () => {
  api = await startTestApi();
  ({ params, bodies } = await districtFixtures(api, Yanping));
  Object.assign(params, { version: "1", service_code: "environment", service_request_id: "x", token: "x", format: "json" });
  Object.assign(callers, { district_admin: As.yanpingAdmin, provincial_admin: As.fujian, platform_operator: As.operator });
  for (const [index, role] of (["resident", "grid_worker", "grid_leader", "department_staff", "cadre"] as const).entries()) {
    const invited = await api.call("POST", "/users", {
      as: As.yanpingAdmin,
      body: {
        name: `权限${index}`,
        phone: `1360000010${index}`,
        roles: [role],
        ...(role === "department_staff" ? { departmentKey: "urban_management" } : {}),
        ...(role === "grid_worker" || role === "grid_leader" ? { gridID: params.gridID } : {}),
      },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    callers[role] = { userID: invited.body.userID, tenantID: "yanping" };
  }
  const doc = (await api.call("GET", "/openapi.json")).body as { paths: Record<string, Record<string, { operationId: string }>> };
  operations = Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ operationID: operation.operationId, method: method.toUpperCase(), template })),
  );
  // Signing out ends sessions: an admin signing out another user, then each caller signing out themself, last.
  const last = (operation: Operation) => (operation.template === "/me/sign-out" ? 2 : operation.template.endsWith("/sign-out") ? 1 : 0);
  operations.sort((a, b) => last(a) - last(b));
}, 120_000);
afterAll(() => api?.close());

const pathOf = (template: string) => template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? "x"));

describe("the permissions table", () => {
  it("is written down in docs/permissions.md, generated from the table", async () => {
    const doc = await readFile(new URL("../../../docs/permissions.md", import.meta.url), "utf8");
    expect(doc === permissionsDoc(), "the table changed: run `npm run docs:permissions` and commit docs/permissions.md").toBe(true);
  });

  it("has one row for every operation the API serves, and no row for one it does not", () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.map((operation) => operation.operationID).sort()).toEqual(Object.keys(Permissions).sort());
  });

  it("holds in every cell: a role the row names is let through, any other gets 403 access.role; public rows need no sign-in", async () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const { operationID, method, template } of operations) {
      const permission: Permission = (Permissions as Record<string, Permission>)[operationID];
      const body = method === "GET" ? undefined : (bodies[operationID] ?? {});
      if (permission === "public") {
        const response = await api.call(method, pathOf(template), { body });
        cells++;
        if (response.status === 401 || response.status === 403) wrong.push(`${operationID} (public) → ${response.status}`);
        continue;
      }
      // The eight roles of a row at once: a refusal comes before the request is read, so it does
      // not depend on the others; a let-through call only must not be refused for its role.
      const responses = await Promise.all(
        Roles.map((role) => api.call(method, pathOf(template), { as: callers[role], body: bodyFor[operationID]?.[role] ?? body })),
      );
      for (const [index, role] of Roles.entries()) {
        const response = responses[index];
        const code = typeof response.body === "object" ? response.body?.code : undefined;
        cells++;
        if (role in permission) {
          if (response.status === 401 || roleRefusals.includes(code))
            wrong.push(`${operationID} as ${role} (allowed) → ${response.status} ${code}`);
        } else if (response.status !== 403 || code !== "access.role")
          wrong.push(`${operationID} as ${role} (not allowed) → ${response.status} ${code}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBeGreaterThan(800);
  }, 240_000);
});
