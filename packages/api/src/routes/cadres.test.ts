import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { Audit, Config, Tally, withActor } from "@wangge/core";
import { As, square, startTestApi, type Caller } from "../../../../scripts/test/api.ts";
import { onePixelPng } from "@wangge/core/ticket/images.test-support";

let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };
const leader = { as: As.jianyangLeader };
const cadre = { as: As.jianyangCadre };
const grids: Record<string, string> = {};
let unitID: string;
let cadreID: string;
let otherCadreID: string;

/** A square grid boundary near the cadres' test district (offsets from 118.4° E, 27.6° N). */
const near = (x: number, y: number, size: number) => square(118.4 + x, 27.6 + y, size);
const tallies = (scope: string, period = "all") =>
  withActor({ type: "system", tenantID: "jianyang" }, () => Tally.readTallies(scope, period));

async function download(path: string, as: Caller) {
  const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${await api.token(as)}` } });
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    disposition: response.headers.get("content-disposition") ?? "",
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

beforeAll(async () => {
  api = await startTestApi();
  const grid = async (key: string, body: Record<string, unknown>) => {
    const response = await api.call("POST", "/grids", { ...admin, body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    grids[key] = response.body.gridID;
  };
  await grid("community", { code: "CD", name: "下沉测试社区", tier: 1, boundary: near(0, 0, 0.02) });
  await grid("block", { code: "CD-1", name: "下沉测试二级网格", tier: 2, parentID: grids.community, boundary: near(0, 0, 0.02) });
  await grid("a", { code: "CD-1-1", name: "建发一区", tier: 3, parentID: grids.block, boundary: near(0, 0, 0.01) });
  await grid("b", { code: "CD-1-2", name: "建发二区", tier: 3, parentID: grids.block, boundary: near(0.01, 0, 0.01) });
  for (const gridStaff of [As.jianyangWorker, As.jianyangLeader]) await api.place(gridStaff, grids.community);
});
afterAll(() => api?.close());

describe("cadre secondment and the two-way ledger", () => {
  it("a district whose mechanism is off answers 404 mechanism.off", async () => {
    for (const [method, path] of [
      ["GET", "/home-units"],
      ["GET", "/cadres"],
      ["GET", "/cadre-coverage"],
      ["GET", "/ledger?mine=true"],
    ]) {
      const response = await api.call(method, path, { as: As.yanpingAdmin });
      expect(response.status, path).toBe(404);
      expect(response.body.code).toBe("mechanism.off");
    }
  });

  it("home units are the admin's to add, with unique names", async () => {
    const created = await api.call("POST", "/home-units", { ...admin, body: { name: "区财政局", kind: "government" } });
    expect(created.status).toBe(201);
    unitID = created.body.unitID;
    expect((await api.call("POST", "/home-units", { ...admin, body: { name: "区财政局" } })).status).toBe(409);
    const byLeader = await api.call("POST", "/home-units", { ...leader, body: { name: "区教育局" } });
    expect(byLeader.status).toBe(403);
    expect(byLeader.body.code).toBe("access.role");
    const units = await api.call("GET", "/home-units", leader);
    expect(units.body.items.map((unit: { name: string }) => unit.name)).toEqual(["区财政局"]);
  });

  it("assigns cadres to lowest-tier grids only, audited and counted, and shows which grids have none", async () => {
    const base = { unitID, from: "2022-03-01", to: "2030-12-31" };
    const wrongTier = await api.call("POST", "/cadres", {
      ...admin,
      body: { ...base, name: "刘志明", phone: "13900000007", gridID: grids.block },
    });
    expect(wrongTier.status).toBe(400);
    expect(wrongTier.body.code).toBe("cadre.grid_tier");
    const notCadre = await api.call("POST", "/cadres", {
      ...admin,
      body: { ...base, name: "黄晓梅", phone: "13900000005", gridID: grids.a, userID: "worker" },
    });
    expect(notCadre.status).toBe(400);
    const byWorker = await api.call("POST", "/cadres", {
      as: As.jianyangWorker,
      body: { ...base, name: "x", phone: "13900000007", gridID: grids.a },
    });
    expect(byWorker.status).toBe(403);

    const assigned = await api.call("POST", "/cadres", {
      ...admin,
      body: { ...base, name: "刘志明", phone: "13900000007", gridID: grids.a, userID: "cadre" },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
    expect(assigned.body).toMatchObject({
      gridID: grids.a,
      unitName: "区财政局",
      userID: "cadre",
      status: "active",
      phoneMasked: "139****0007",
    });
    cadreID = assigned.body.cadreID;
    const twice = await api.call("POST", "/cadres", {
      ...admin,
      body: { ...base, name: "刘志明", phone: "13900000007", gridID: grids.b, userID: "cadre" },
    });
    expect(twice.status).toBe(409);
    const byLeader = await api.call("POST", "/cadres", {
      ...leader,
      body: { ...base, name: "王丽", phone: "13800001111", gridID: grids.a },
    });
    expect(byLeader.status).toBe(201);
    otherCadreID = byLeader.body.cadreID;

    const coverage = await api.call("GET", `/cadre-coverage?gridID=${grids.community}`, leader);
    expect(coverage.body).toMatchObject({ tier: 3, grids: 2, covered: 1, uncovered: 1, assistants: 2 });
    expect(coverage.body.items.find((grid: { gridID: string }) => grid.gridID === grids.b).assistants).toEqual([]);
    expect(
      coverage.body.items
        .find((grid: { gridID: string }) => grid.gridID === grids.a)
        .assistants.map((one: { name: string }) => one.name)
        .sort(),
    ).toEqual(["刘志明", "王丽"]);

    const byUnit = await api.call("GET", `/cadres?unitID=${unitID}`, admin);
    expect(byUnit.body.items).toHaveLength(2);
    const underB = await api.call("GET", `/cadres?gridID=${grids.b}`, admin);
    expect(underB.body.items).toEqual([]);
    const mine = await api.call("GET", "/cadre-assignments/mine", cadre);
    expect(mine.body.current.cadreID).toBe(cadreID);
    expect(mine.body.kinds.map((kind: { key: string }) => kind.key)).toContain("sentiment_map");

    expect((await tallies("district"))["cadres.assigned"].count).toBe(2);
    expect((await tallies(`grid:${grids.a}`))["cadres.assigned"].count).toBe(2);
    expect((await tallies(`unit:${unitID}`))["cadres.assigned"].count).toBe(2);
    const audit = await withActor({ type: "system", tenantID: "jianyang" }, () => Audit.listAuditEvents({ subjectID: cadreID }));
    expect(audit.items.map((event) => event.action)).toEqual(["cadre.assign"]);
  });

  it("a cadre logs work on their grid, with a photo; another grid is a 403 and nothing is written", async () => {
    const target = await api.call("POST", "/tickets/photos", { ...cadre, body: { contentType: "image/png" } });
    expect((await fetch(target.body.url, { method: "PUT", body: onePixelPng(), headers: { "content-type": "image/png" } })).status).toBe(
      200,
    );
    const visit = await api.call("POST", "/ledger", {
      ...cadre,
      body: { kind: "visit", date: "2024-05-10", hours: 2.5, notes: "走访独居老人", photoKeys: [target.body.photoKey] },
    });
    expect(visit.status, JSON.stringify(visit.body)).toBe(201);
    expect(visit.body).toMatchObject({ cadreID, gridID: grids.a, kind: "visit", hours: 2.5 });
    expect(visit.body.photos[0]).toMatch(new RegExp(`^photos/jianyang/${visit.body.entryID}/`));
    const map = await api.call("POST", "/ledger", {
      ...cadre,
      body: { kind: "sentiment_map", date: "2024-05-20", hours: 4, gridID: grids.a },
    });
    expect(map.status).toBe(201);

    const elsewhere = await api.call("POST", "/ledger", {
      ...cadre,
      body: { kind: "visit", date: "2024-05-11", hours: 1, gridID: grids.b },
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe("ledger.not_your_grid");
    expect((await api.call("GET", `/ledger?gridID=${grids.b}`, admin)).body.items).toEqual([]);
    expect(await tallies(`grid:${grids.b}`)).toEqual({});
    const outside = await api.call("POST", "/ledger", { ...cadre, body: { kind: "visit", date: "2021-05-11", hours: 1 } });
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe("ledger.not_assigned");
    const unknownKind = await api.call("POST", "/ledger", { ...cadre, body: { kind: "karaoke", date: "2024-05-11", hours: 1 } });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.code).toBe("ledger.unknown_kind");
    const byWorker = await api.call("POST", "/ledger", { as: As.jianyangWorker, body: { kind: "visit", date: "2024-05-11", hours: 1 } });
    expect(byWorker.status).toBe(403);

    const mine = await api.call("GET", "/ledger?mine=true", cadre);
    expect(mine.body.items.map((entry: { kind: string }) => entry.kind)).toEqual(["sentiment_map", "visit"]);
    const ofCadre = await api.call("GET", `/ledger?cadreID=${cadreID}`, admin);
    expect(ofCadre.body.items).toHaveLength(2);
    const ofUnit = await api.call("GET", `/ledger?unitID=${unitID}&month=2024-05`, leader);
    expect(ofUnit.body.items).toHaveLength(2);
    expect((await api.call("GET", `/ledger?unitID=${unitID}&month=2024-06`, leader)).body.items).toEqual([]);
    const someoneElses = await api.call("GET", `/ledger?cadreID=${otherCadreID}`, cadre);
    expect(someoneElses.status).toBe(404);

    for (const scope of ["district", `grid:${grids.community}`, `grid:${grids.a}`, `unit:${unitID}`]) {
      const counted = await tallies(scope, "2024-05");
      expect(counted["ledger.entries"].count, scope).toBe(2);
      expect(counted["ledger.hours"].sum).toBe(6.5);
      expect(counted["ledger.visit"].count).toBe(1);
      expect(counted["ledger.sentiment_map"].count).toBe(1);
    }
  });

  it("only the community evaluates, once per cadre and month", async () => {
    const evaluation = { month: "2024-05", attitude: 5, workState: 4, performance: 5, grade: "excellent", comment: "走访扎实，民情图细致" };
    for (const who of [cadre, { as: As.jianyangResident }, { as: As.jianyangWorker }]) {
      const refused = await api.call("POST", `/cadres/${cadreID}/evaluations`, { ...who, body: evaluation });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe("access.role");
    }
    expect((await api.call("GET", `/cadres/${cadreID}/evaluations`, admin)).body.items).toEqual([]);
    const recorded = await api.call("POST", `/cadres/${cadreID}/evaluations`, { ...leader, body: evaluation });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const again = await api.call("POST", `/cadres/${cadreID}/evaluations`, { ...admin, body: { ...evaluation, grade: "good" } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("evaluation.exists");
    const badGrade = await api.call("POST", `/cadres/${cadreID}/evaluations`, {
      ...admin,
      body: { ...evaluation, month: "2024-04", grade: "superb" },
    });
    expect(badGrade.status).toBe(400);
    const own = await api.call("GET", `/cadres/${cadreID}/evaluations`, cadre);
    expect(own.body.items).toMatchObject([{ month: "2024-05", grade: "excellent" }]);
    expect((await tallies("district", "2024-05"))["cadres.evaluations"].count).toBe(1);
    const audit = await withActor({ type: "system", tenantID: "jianyang" }, () => Audit.listAuditEvents({ subjectID: cadreID }));
    expect(audit.items.map((event) => event.action)).toEqual(["cadre.evaluate", "cadre.assign"]);
  });

  it("exports the unit's monthly feedback as a real workbook and as CSV, in Chinese", async () => {
    const xlsx = await download(`/home-units/${unitID}/feedback?month=2024-05&format=xlsx`, As.jianyangAdmin);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toContain("spreadsheetml");
    expect(xlsx.disposition).toContain("attachment");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const headings = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(headings.slice(0, 3)).toEqual(["序号", "姓名", "派出单位"]);
    const column = (heading: string) => headings.indexOf(heading) + 1;
    const rows = [3, 4].map((number) => sheet.getRow(number));
    const liu = rows.find((row) => row.getCell(2).value === "刘志明")!;
    expect(liu.getCell(column("入户走访（次）")).value).toBe(1);
    expect(liu.getCell(column("绘制小区民情图（次）")).value).toBe(1);
    expect(liu.getCell(column("台账合计（条）")).value).toBe(2);
    expect(liu.getCell(column("工作时长（小时）")).value).toBe(6.5);
    expect(liu.getCell(column("评价等级")).value).toBe("优秀");
    expect(liu.getCell(column("工作态度")).value).toBe(5);
    const wang = rows.find((row) => row.getCell(2).value === "王丽")!;
    expect(wang.getCell(column("台账合计（条）")).value).toBe(0);
    expect(wang.getCell(column("评价等级")).value).toBe("未评价");
    expect(sheet.getRow(5).getCell(2).value ?? null).toBeNull();

    const csv = await download(`/home-units/${unitID}/feedback?month=2024-05&format=csv`, As.jianyangLeader);
    expect(csv.type).toContain("text/csv");
    const text = new TextDecoder().decode(csv.bytes);
    const [head, ...lines] = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(head.split(",").slice(0, 2)).toEqual(["序号", "姓名"]);
    expect(lines).toHaveLength(2);
    expect(lines.find((line) => line.includes("刘志明"))).toContain(",2,6.5,5,4,5,优秀,走访扎实，民情图细致");

    const byCadre = await api.call("GET", `/home-units/${unitID}/feedback?month=2024-05`, cadre);
    expect(byCadre.status).toBe(403);
    const badMonth = await api.call("GET", `/home-units/${unitID}/feedback?month=2024-13`, admin);
    expect(badMonth.status).toBe(400);
  });

  it("writes a comment typed as a formula as text in both files (no CSV injection)", async () => {
    const comment = '=HYPERLINK("http://evil.example","点我")';
    const recorded = await api.call("POST", `/cadres/${otherCadreID}/evaluations`, {
      ...leader,
      body: { month: "2024-06", attitude: 3, workState: 3, performance: 3, grade: "good", comment },
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const csv = new TextDecoder().decode(
      (await download(`/home-units/${unitID}/feedback?month=2024-06&format=csv`, As.jianyangAdmin)).bytes,
    );
    const wang = csv.split("\r\n").find((line) => line.includes("王丽"))!;
    expect(wang.endsWith(`,"'=HYPERLINK(""http://evil.example"",""点我"")"`)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await download(`/home-units/${unitID}/feedback?month=2024-06&format=xlsx`, As.jianyangAdmin)).bytes.buffer as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0];
    const row = [3, 4].map((number) => sheet.getRow(number)).find((candidate) => candidate.getCell(2).value === "王丽")!;
    const values = (row.values as unknown[]).slice(1);
    expect(values.at(-1)).toBe(`'${comment}`);
    expect(values.every((value) => typeof value !== "object" || value === null)).toBe(true);
  });

  it("another district's unit is not found, even with the mechanism on there", async () => {
    await withActor({ type: "system", tenantID: "yanping" }, () =>
      Config.change((config) => ({ mechanisms: { ...config.mechanisms, cadreSecondment: true } })),
    );
    const response = await api.call("GET", `/home-units/${unitID}/feedback?month=2024-05`, { as: As.yanpingAdmin });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe("cadre.unit_not_found");
    expect((await api.call("GET", `/cadres/${cadreID}`, { as: As.yanpingAdmin })).status).toBe(404);
    const assign = await api.call("POST", `/cadres/${cadreID}/evaluations`, {
      as: As.yanpingAdmin,
      body: { month: "2024-05", attitude: 1, workState: 1, performance: 1, grade: "poor" },
    });
    expect(assign.status).toBe(404);
  });

  it("ending an assignment uncovers the grid and stops the cadre's logging", async () => {
    const ended = await api.call("POST", `/cadres/${cadreID}/end`, admin);
    expect(ended.status).toBe(200);
    expect((await api.call("POST", `/cadres/${cadreID}/end`, admin)).status).toBe(409);
    const refused = await api.call("POST", "/ledger", { ...cadre, body: { kind: "visit", date: "2024-06-01", hours: 1 } });
    expect(refused.status).toBe(403);
    const coverage = await api.call("GET", `/cadre-coverage?gridID=${grids.a}`, admin);
    expect(coverage.body).toMatchObject({ grids: 1, covered: 1, assistants: 1 });
    expect((await api.call("GET", "/cadres?status=ended", admin)).body.items.map((one: { cadreID: string }) => one.cadreID)).toEqual([
      cadreID,
    ]);
  });
});
