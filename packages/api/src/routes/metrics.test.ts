import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, square, startTestApi } from "../../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };
const province = { as: As.fujian };
let gridID: string;

beforeAll(async () => {
  api = await startTestApi();
  const grid = await api.call("POST", "/grids", {
    ...admin,
    body: { code: "M1", name: "指标网格", tier: 1, boundary: square(118.3, 27.5, 0.01) },
  });
  expect(grid.status).toBe(201);
  gridID = grid.body.gridID;
  for (const description of ["路灯不亮", "垃圾满了"]) {
    const ticket = await api.call("POST", "/tickets", {
      as: As.jianyangResident,
      body: { categoryKey: "garbage", description, lon: 118.305, lat: 27.505 },
    });
    expect(ticket.status).toBe(201);
  }
});
afterAll(() => api?.close());

describe("dashboards", () => {
  it("gives the district's figures to its people, from counters, with the reads it took", async () => {
    const dashboard = await api.call("GET", "/metrics/district?period=all", admin);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.values).toMatchObject({
      "tickets.collected": 2,
      "tickets.closed": 0,
      "tickets.closureRate": 0,
      "grids.tier1": 1,
      "grids.total": 1,
    });
    expect(dashboard.body.categories.find((category: { key: string }) => category.key === "garbage").values["tickets.collected"]).toBe(2);
    expect(dashboard.body.reads).toBeLessThanOrEqual(6);
    const byGrid = await api.call("GET", "/metrics/grids/root", { as: As.jianyangResident });
    expect(byGrid.body.children).toEqual([
      expect.objectContaining({ gridID, code: "M1", values: expect.objectContaining({ "tickets.collected": 2 }) }),
    ]);
    expect((await api.call("GET", "/metrics/district?period=2022-13", admin)).status).toBe(400);
    expect((await api.call("GET", "/metrics/district", province)).status).toBe(403);
    const yanping = await api.call("GET", "/metrics/district", { as: As.yanpingAdmin });
    expect(yanping.body.values["tickets.collected"]).toBe(0);
  });

  it("recounts the district's counters from the records and finds no drift", async () => {
    const recount = await api.call("POST", "/metrics/recount", { ...admin, body: {} });
    expect(recount.status).toBe(200);
    expect(recount.body).toMatchObject({ tickets: 2, grids: 1, drift: [], repaired: false });
    expect((await api.call("POST", "/metrics/recount", { as: As.jianyangResident, body: {} })).status).toBe(403);
  });
});

describe("the provincial comparison", () => {
  it("shows a provincial admin every district of the province, aggregates only", async () => {
    const comparison = await api.call("GET", "/metrics/compare", province);
    expect(comparison.status).toBe(200);
    expect(comparison.body.rows.map((row: { tenantID: string }) => row.tenantID).sort()).toEqual(["jianyang", "yanping"]);
    expect(comparison.body.rankings["tickets.collected"][0]).toBe("jianyang");
    // No resident's or cadre's personal data: no names of people, no phones, no user ids.
    const text = JSON.stringify(comparison.body);
    for (const personal of ["张秀英", "林建华", "139", "resident", "admin"]) expect(text).not.toContain(personal);
    expect((await api.call("GET", "/metrics/compare?provinceID=zhejiang", province)).status).toBe(403);
    expect((await api.call("GET", "/metrics/compare", admin)).status).toBe(403);
    expect((await api.call("GET", "/metrics/compare?from=2022-05", province)).status).toBe(400);
  });

  it("downloads the comparison as a real workbook and as CSV, in Chinese headings", async () => {
    const authorization = `Bearer ${await api.token(As.fujian)}`;
    const file = await fetch(`${api.url}/metrics/compare/export?format=xlsx`, { headers: { authorization } });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toMatch(/comparison-fujian-all\.xlsx/);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet("区县对比")!;
    const header = sheet.getRow(1).values as unknown[];
    expect(header).toContain("采集事件");
    expect(header).toContain("办结率");
    const rows = [2, 3].map((index) => sheet.getRow(index).values as unknown[]);
    const jianyang = rows.find((row) => row.includes("建阳区"))!;
    expect(jianyang[header.indexOf("采集事件")]).toBe(2);
    expect(workbook.getWorksheet("指标口径")!.rowCount).toBeGreaterThan(20);
    const csv = await fetch(`${api.url}/metrics/compare/export?format=csv`, { headers: { authorization } });
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    // A byte-order mark first, so that Excel reads the Chinese headings as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8").split("\r\n")[0]).toMatch(/^区县,District,网格总数/);
  });
});
