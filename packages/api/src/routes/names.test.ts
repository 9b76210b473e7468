import { rect } from "@wangge/core/onboarding/test-district.test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, startTestApi } from "../../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  const make = async (code: string, name: string, tier: number, parentID: string | undefined, box: [number, number, number, number]) => {
    const made = await api.call("POST", "/grids", {
      ...admin,
      body: { code, name, tier, ...(parentID ? { parentID } : {}), boundary: rect(...box, [118.3, 27.5]) },
    });
    expect(made.status).toBe(201);
    ids[code] = made.body.gridID;
  };
  await make("SX-28", "桃园社区", 1, undefined, [0, 0, 10, 10]);
  await make("SX-28-01", "桃园一组", 2, ids["SX-28"], [0, 0, 5, 10]);
  await make("SX-28-02", "桃园二组", 2, ids["SX-28"], [5, 0, 10, 10]);
  await make("SX-29", "梨园社区", 1, undefined, [20, 0, 30, 10]);
  // Another district holds a grid of the same name: never found from Jianyang.
  const other = await api.call("POST", "/grids", {
    as: As.yanpingAdmin,
    body: { code: "SX-28-09", name: "桃园外区", tier: 1, boundary: rect(0, 0, 5, 5, [118.1, 26.6]) },
  });
  expect(other.status).toBe(201);
});
afterAll(() => api?.close());

const codes = (body: { items: { code: string }[] }) => body.items.map((item) => item.code);

describe("searching grids by name or code", () => {
  it("finds grids by code prefix and by a part of the name, best first, within the caller's district only", async () => {
    const byCode = await api.call("GET", "/grids/search?q=sx-28", admin);
    expect(byCode.status).toBe(200);
    expect(codes(byCode.body)).toEqual(["SX-28", "SX-28-01", "SX-28-02"]);
    expect(byCode.body.items[1]).toEqual({ gridID: ids["SX-28-01"], code: "SX-28-01", name: "桃园一组", tier: 2 });

    const exact = await api.call("GET", "/grids/search?q=SX-28-02", admin);
    expect(codes(exact.body)).toEqual(["SX-28-02"]);

    const byName = await api.call("GET", `/grids/search?q=${encodeURIComponent("桃园")}`, admin);
    expect(codes(byName.body)).toEqual(["SX-28", "SX-28-01", "SX-28-02"]);
    const inName = await api.call("GET", `/grids/search?q=${encodeURIComponent("二组")}`, admin);
    expect(codes(inName.body)).toEqual(["SX-28-02"]);

    const tier = await api.call("GET", `/grids/search?q=${encodeURIComponent("园")}&tier=1`, admin);
    expect(codes(tier.body)).toEqual(["SX-28", "SX-29"]);

    const limited = await api.call("GET", "/grids/search?q=SX&limit=2", admin);
    expect(limited.body).toMatchObject({ more: true });
    expect(codes(limited.body)).toEqual(["SX-28", "SX-29"]);

    // A resident may look grids up too (the map shows the same names and codes).
    const forResident = await api.call("GET", "/grids/search?q=SX-29", { as: As.jianyangResident });
    expect(codes(forResident.body)).toEqual(["SX-29"]);

    const otherDistrict = await api.call("GET", `/grids/search?q=${encodeURIComponent("外区")}`, admin);
    expect(otherDistrict.body).toEqual({ items: [], more: false });
  });

  it("refuses a bad query with a problem naming the field", async () => {
    const tooLong = await api.call("GET", `/grids/search?q=${"x".repeat(41)}`, admin);
    expect(tooLong.status).toBe(400);
    expect(tooLong.type).toContain("application/problem+json");
    expect(tooLong.body.errors[0].path).toBe("query.q");
    const badLimit = await api.call("GET", "/grids/search?limit=500", admin);
    expect(badLimit.status).toBe(400);
  });

  it("answers an unknown grid in an invitation or a routing rule with a 400 naming the field, never a 500", async () => {
    const byCode = await api.call("POST", "/users", {
      ...admin,
      body: { name: "黄晓梅", phone: "13911112222", roles: ["grid_worker"], gridID: "SX-28-02" },
    });
    expect(byCode.status).toBe(400);
    expect(byCode.body.code).toBe("user.placement");
    expect(byCode.body.errors).toEqual([{ path: "gridID", message: expect.stringContaining("SX-28-02") }]);

    const ofAnotherDistrict = await api.call("GET", `/grids/search?q=SX-28-09`, { as: As.yanpingAdmin });
    const invited = await api.call("POST", "/users", {
      ...admin,
      body: { name: "黄晓梅", phone: "13911112222", roles: ["grid_worker"], gridID: ofAnotherDistrict.body.items[0].gridID },
    });
    expect(invited.status).toBe(400);
    expect(invited.body.errors[0].path).toBe("gridID");

    const picked = await api.call("POST", "/users", {
      ...admin,
      body: { name: "黄晓梅", phone: "13911112222", roles: ["grid_worker"], gridID: ids["SX-28-02"] },
    });
    expect(picked.status).toBe(201);
    expect(picked.body.gridID).toBe(ids["SX-28-02"]);

    const config = (await api.call("GET", "/config", admin)).body;
    const rule = (gridID: string) => ({
      categoryKey: config.tickets.categories[0].key,
      gridID,
      departmentKey: config.tickets.departments[0].key,
    });
    const routed = await api.call("PATCH", "/config", {
      ...admin,
      body: {
        expectedVersion: config.version,
        note: "按网格分派",
        changes: { tickets: { ...config.tickets, routingRules: [rule("SX-28-01")] } },
      },
    });
    expect(routed.status).toBe(400);
    expect(routed.body.errors).toContainEqual({
      path: "changes.tickets.routingRules.0.gridID",
      message: expect.stringContaining("SX-28-01"),
    });
    const routedByID = await api.call("PATCH", "/config", {
      ...admin,
      body: {
        expectedVersion: config.version,
        note: "按网格分派",
        changes: { tickets: { ...config.tickets, routingRules: [rule(ids["SX-28-01"])] } },
      },
    });
    expect(routedByID.body).toMatchObject({ version: config.version + 1 });
  });
});

describe("the audit trail names people", () => {
  it("lists who acted by name and role, with the details its sentences need (the invited person's name)", async () => {
    const trail = await api.call("GET", "/audit?limit=50", admin);
    expect(trail.status).toBe(200);
    const invited = trail.body.items.find((event: { action: string }) => event.action === "user.invited");
    expect(invited).toMatchObject({
      actorID: "admin",
      actorRoles: ["district_admin"],
      details: { name: "黄晓梅", roles: ["grid_worker"] },
    });
    expect(invited.actorName).toEqual(expect.any(String));
    expect(invited.actorName).not.toBe("admin");
    const worker = await api.call("GET", "/audit", { as: As.jianyangWorker });
    expect(worker.status).toBe(403);
  });
});
