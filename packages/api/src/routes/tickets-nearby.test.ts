import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, startTestApi } from "../../../../scripts/test/api.ts";
import { square } from "../../../../scripts/lib/square.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
const resident = { as: As.jianyangResident };
const pin = { lon: 118.405, lat: 27.605 };
const nearby = (query: string, who: { as?: typeof As.jianyangResident } = resident) => api.call("GET", `/tickets/nearby?${query}`, who);

beforeAll(async () => {
  api = await startTestApi();
  const grid = await api.call("POST", "/grids", {
    as: As.jianyangAdmin,
    body: {
      code: "NB",
      name: "附近测试网格",
      tier: 1,
      boundary: square(118.4, 27.6, 0.01),
    },
  });
  expect(grid.status).toBe(201);
});
afterAll(() => api?.close());

describe("GET /tickets/nearby", () => {
  it("lists an open ticket near the pin to another resident and to staff, redacted and rounded", async () => {
    const created = await api.call("POST", "/tickets", {
      as: As.jianyangLeader,
      body: { categoryKey: "street_light", description: "路灯不亮，联系 13912345678", lon: pin.lon + 0.0004, lat: pin.lat },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (const who of [resident, { as: As.jianyangStaff }, { as: As.jianyangAdmin }]) {
      const found = await nearby(`lon=${pin.lon}&lat=${pin.lat}`, who);
      expect(found.status, JSON.stringify(found.body)).toBe(200);
      const item = found.body.items.find((ticket: { ticketID: string }) => ticket.ticketID === created.body.ticket.ticketID);
      expect(item).toMatchObject({
        state: "collected",
        categoryKey: "street_light",
        description: "路灯不亮，联系 ***********",
        lat: 27.605,
      });
      expect(item.reporterID).toBeUndefined();
    }
  });

  it("shows another district nothing of this one", async () => {
    const theirs = await nearby(`lon=${pin.lon}&lat=${pin.lat}`, { as: As.yanpingAdmin });
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);
  });

  it("answers bad coordinates with a 400 problem naming the field, and strangers with a 401", async () => {
    for (const [query, field] of [
      ["lon=abc&lat=27.6", "lon"],
      ["lon=118.4&lat=91", "lat"],
      ["lon=118.4&lat=", "lat"],
      ["lon=118.4", "lat"],
    ]) {
      const refused = await nearby(query);
      expect(refused.status, query).toBe(400);
      expect(refused.type).toBe("application/problem+json; charset=utf-8");
      expect(JSON.stringify(refused.body), query).toContain(field);
    }
    expect((await nearby(`lon=${pin.lon}&lat=${pin.lat}`, {})).status).toBe(401);
  });
});
