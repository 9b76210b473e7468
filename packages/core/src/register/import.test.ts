import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { withActor, type Actor } from "../actor.ts";
import { readTallies } from "../counter/tally.ts";
import * as Grid from "../grid/index.ts";
import { onboardTestDistrict, rect } from "../onboarding/test-district.test-support.ts";
import { documentClient, tableName } from "../storage/table.ts";
import * as Register from "./index.ts";
import { RegisterImportEntity } from "./import.entity.ts";
import { registerImportWorker, runImport } from "./import.ts";

const admin = (tenantID: string): Actor => ({
  type: "user",
  userID: `admin-${tenantID}`,
  tenantID,
  roles: ["district_admin"],
  name: "管理员",
});

// Fictitious ID numbers with valid check characters (GB 11643), from a made-up sequence.
const id = (n: number, born = "19800101") => {
  const first17 = `350784${born}${String(n).padStart(3, "0")}`;
  return `${first17}${Register.residentIDCheck(first17)}`;
};
const bytes = (text: string | Buffer) => () =>
  (async function* () {
    const buffer = typeof text === "string" ? Buffer.from(text) : text;
    // Small chunks: rows and characters cut across chunks must read whole.
    for (let at = 0; at < buffer.length; at += 37) yield buffer.subarray(at, at + 37);
  })();

const header = "地址,户号,与户主关系,姓名,身份证号,手机号,网格编码,标签";
const good = [
  header,
  `榕一路 1 号,H1,户主,张一,${id(1)},13800000001,I-1,独居老人`,
  `榕一路 1 号,H1,配偶,李一,${id(2, "19820202")},,I-1,`,
  `榕一路 2 号,H2,户主,王二,${id(3)},13800000003,I-2,"独居老人、残疾人"`,
  `榕一路 2 号,H3,户主,赵三,${id(4)},,I-2,low_income`,
].join("\n");

const tenants = { main: "imp-a", empty: "imp-b", resume: "imp-c", undo: "imp-d", race: "imp-e" };

/** Every register item of a district in the table (records, keys, houses, households). */
async function registerItems(tenantID: string) {
  const result = await documentClient().send(new ScanCommand({ TableName: tableName() }));
  return (result.Items ?? []).filter(
    (item) =>
      ["residentRecord", "registerKey", "house", "household"].includes(String(item.__edb_e__)) && String(item.pk).includes(tenantID),
  );
}

beforeAll(async () => {
  for (const tenantID of Object.values(tenants)) {
    await onboardTestDistrict(tenantID, `${tenantID}-p`);
    await withActor(admin(tenantID), async () => {
      const top = await Grid.create({ code: "I", name: "导入网格", tier: 1, boundary: rect(0, 0, 10, 10) });
      await Grid.create({ code: "I-1", name: "导入一", tier: 2, parentID: top.gridID, boundary: rect(0, 0, 5, 10) });
      await Grid.create({ code: "I-2", name: "导入二", tier: 2, parentID: top.gridID, boundary: rect(5, 0, 10, 10) });
    });
  }
}, 120_000);

afterEach(() => {
  registerImportWorker.afterBatch = undefined;
  registerImportWorker.batchRows = 200;
});

const as = <T>(tenantID: string, body: () => Promise<T>) => withActor(admin(tenantID), body);

/** An export started, followed to its end (the job runs in this process) and its file fetched. */
async function exported(tenantID: string, format: "csv" | "xlsx", gridID?: string): Promise<Buffer> {
  const started = await as(tenantID, () => Register.exportRegister({ format, gridID }));
  expect(started).toMatchObject({ status: "queued", written: 0, url: null });
  for (let polls = 0; polls < 600; polls++) {
    const current = await as(tenantID, () => Register.getRegisterExport(started.exportID));
    if (current.status === "failed") throw new Error(JSON.stringify(current.failure));
    if (current.status === "done") {
      const response = await fetch(current.url!);
      expect(response.status).toBe(200);
      const body = Buffer.from(await response.arrayBuffer());
      expect(current.bytes).toBe(body.length);
      return body;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`export ${started.exportID} did not finish`);
}

describe("importing the register from a spreadsheet", () => {
  it("writes the people, households and houses of a good file, their keys and exact counters (recount: no drift)", async () => {
    const result = await as(tenants.main, () => Register.importFile(bytes(good)));
    expect(result).toMatchObject({ status: "done", total: 4, written: 4, rejectedCount: 0 });
    const district = await as(tenants.main, () => readTallies("district", "all"));
    expect(district["register.people"].count).toBe(4);
    expect(district["register.households"].count).toBe(3);
    expect(district["register.houses"].count).toBe(2);
    expect(district["register.tag.elderly_alone"].count).toBe(2);
    expect(district["register.tag.disabled"].count).toBe(1);
    expect(district["register.tag.low_income"].count).toBe(1);
    const items = await registerItems(tenants.main);
    // 4 records, 4 ID keys, 2 phone keys, 2 houses, 3 households.
    expect(items.filter((item) => item.__edb_e__ === "registerKey")).toHaveLength(6);
    expect(items.filter((item) => item.__edb_e__ === "household")).toHaveLength(3);
    const found = await as(tenants.main, () => Register.searchRegister({ q: id(1) }));
    expect(found.items).toMatchObject([
      { name: "张一", relation: "户主", idMasked: `350***********${id(1).slice(-4)}`, phoneMasked: "138****0001" },
    ]);
    const households = await as(tenants.main, () => Register.listHouseholds({}));
    const h1 = households.items.find((each) => each.headName === "张一")!;
    expect(h1).toMatchObject({ members: 2, headRecordID: found.items[0].recordID, address: "榕一路 1 号" });
    expect(await as(tenants.main, () => Register.recount())).toEqual([]);
  });

  it("rejects a file with 3 bad rows by their row numbers, in Chinese and English, and writes nothing", async () => {
    const rows = [header];
    for (let n = 0; n < 20; n++) rows.push(`榕二路 ${n} 号,B${n},户主,某${n},${id(100 + n)},,I-1,`);
    rows[5] = `榕二路 4 号,B4,户主,某4,${id(104).slice(0, 17)}0,,I-1,`.replace(/0,,I/, `${id(104)[17] === "0" ? "1" : "0"},,I`);
    rows[9] = `榕二路 8 号,B8,户主,某8,${id(108)},1234,I-1,`;
    rows[15] = `榕二路 14 号,B14,户主,某14,${id(114)},,NOPE,不存在的标签`;
    const result = await as(tenants.empty, () => Register.importFile(bytes(rows.join("\r\n"))));
    expect(result.status).toBe("failed");
    expect(result.failure?.code).toBe("register.import_rejected");
    expect([...new Set(result.rejected.map((each) => each.row))]).toEqual([6, 10, 16]);
    expect(result.rejected.find((each) => each.row === 6)).toMatchObject({
      column: "身份证号",
      reasonZh: expect.stringContaining("校验位"),
      reasonEn: expect.stringContaining("check character"),
    });
    expect(result.rejected.filter((each) => each.row === 16).map((each) => each.column)).toEqual(["标签", "网格编码"]);
    expect(result.reportUrl).toMatch(/rejected\.csv/);
    const report = await fetch(result.reportUrl!).then((response) => response.text());
    expect(report).toContain("10,手机号,手机号应为 1 开头的 11 位数字,an 11-digit mobile number starting with 1");
    expect(await registerItems(tenants.empty)).toEqual([]);
    expect((await as(tenants.empty, () => readTallies("district", "all")))["register.people"]).toBeUndefined();
  });

  it("rejects ID numbers repeated in the file and already in the register, and a 10 MB cell", async () => {
    const big = "长".repeat(10 * 1024 * 1024);
    const file = [
      header,
      `榕三路 1 号,D1,户主,新一,${id(201)},,I-1,`,
      `榕三路 1 号,D1,子女,新二,${id(201)},,I-1,`,
      `榕三路 2 号,D2,户主,旧一,${id(1)},,I-1,`,
      `榕三路 3 号,D3,户主,"${big}",${id(203)},,I-1,`,
    ].join("\n");
    const result = await as(tenants.main, () => Register.importFile(bytes(file)));
    expect(result.rejected.map(({ row, column, reasonEn }) => [row, column, reasonEn])).toEqual([
      [3, "身份证号", "the ID number is repeated in the file: 2"],
      [5, "姓名", "too long (over 200 characters)"],
      [4, "身份证号", "the ID number is in the register already"],
    ]);
    expect((await as(tenants.main, () => readTallies("district", "all")))["register.people"].count).toBe(4);
  });

  it("reads a GBK CSV and an .xlsx whose formulas stay text, and exports them defused and masked, logged", async () => {
    const gbk = iconv.encode([header, `榕四路 1 号,G1,户主,钱四,${id(301)},13900000301,I-2,`].join("\r\n"), "gbk");
    expect(await as(tenants.main, () => Register.importFile(bytes(gbk)))).toMatchObject({ status: "done", written: 1 });
    expect((await as(tenants.main, () => Register.searchRegister({ q: "钱四" }))).items).toHaveLength(1);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("人口");
    sheet.addRow(header.split(","));
    sheet.addRow([
      "榕五路 1 号",
      "X1",
      "户主",
      { formula: 'HYPERLINK("http://evil.example","点我")', result: "点我" },
      id(401),
      "",
      "I-2",
      "",
    ]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const fromXlsx = await as(tenants.main, () => Register.importFile(bytes(xlsx)));
    expect({ ...fromXlsx, reportUrl: null }).toMatchObject({ status: "done", written: 1, rejected: [], failure: null });
    const stored = (await as(tenants.main, () => Register.searchRegister({ q: id(401) }))).items[0];
    expect(stored.name).toBe('=HYPERLINK("http://evil.example","点我")');

    const text = (await exported(tenants.main, "csv")).toString();
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(text).toContain(`350***********${id(1).slice(-4)}`);
    expect(text).toContain("138****0001");
    expect(text).not.toContain(id(1));
    expect(text).not.toContain("13800000001");
    expect(text).toContain("独居老人、残疾人");
    const read = new ExcelJS.Workbook();
    await read.xlsx.load((await exported(tenants.main, "xlsx")) as never);
    const names = read.worksheets[0].getColumn(1).values.map((value) => (typeof value === "object" && value ? "formula!" : value));
    expect(names).toContain(`'=HYPERLINK("http://evil.example","点我")`);
    const log = await as(tenants.main, () => Register.listAccessLog({}));
    expect(log.items.filter((entry) => entry.action === "export").map((entry) => entry.detail)).toEqual(
      expect.arrayContaining([expect.stringContaining("register csv"), expect.stringContaining("register xlsx")]),
    );
  });

  it("asks for a mapping when the headers are not recognised, then reads with it and saves it for the district", async () => {
    const file = ["住处,名字,证件号,片区", `榕六路 1 号,孙六,${id(501)},I-1`].join("\n");
    const first = await as(tenants.main, () => Register.importFile(bytes(file)));
    expect(first.failure?.code).toBe("register.import_mapping");
    expect(first.headers).toEqual(["住处", "名字", "证件号", "片区"]);
    const mapping = { address: "住处", name: "名字", idNumber: "证件号", gridCode: "片区" };
    const second = await as(tenants.main, () => Register.importFile(bytes(file), { mapping }));
    expect(second).toMatchObject({ status: "done", written: 1, mapping });
  });
});

describe("a re-delivered import", () => {
  const file = () => {
    const rows = [header];
    for (let n = 0; n < 25; n++)
      rows.push(`榕七路 ${Math.floor(n / 2)} 号,R${Math.floor(n / 2)},${n % 2 ? "子女" : "户主"},周${n},${id(600 + n)},,I-1,独居老人`);
    return rows.join("\n");
  };

  it("goes on from its checkpoint without duplicates", async () => {
    const tenantID = tenants.resume;
    registerImportWorker.batchRows = 10;
    registerImportWorker.afterBatch = (written) => {
      if (written === 10) throw new Error("the worker stopped");
    };
    const importID = "import_resume";
    await as(tenantID, () =>
      RegisterImportEntity.create({ tenantID, importID, status: "queued", by: "t", startedAt: new Date().toISOString() }).go(),
    );
    await expect(as(tenantID, () => runImport(importID, { number: 1, last: false }, bytes(file())))).rejects.toThrow("the worker stopped");
    expect((await RegisterImportEntity.get({ tenantID, importID }).go()).data).toMatchObject({ status: "writing", written: 10 });
    registerImportWorker.afterBatch = undefined;
    await as(tenantID, () => runImport(importID, { number: 2, last: false }, bytes(file())));
    expect((await RegisterImportEntity.get({ tenantID, importID }).go()).data).toMatchObject({ status: "done", written: 25 });
    const items = await registerItems(tenantID);
    expect(items.filter((item) => item.__edb_e__ === "residentRecord")).toHaveLength(25);
    expect(items.filter((item) => item.__edb_e__ === "household")).toHaveLength(13);
    const district = await as(tenantID, () => readTallies("district", "all"));
    expect(district["register.people"].count).toBe(25);
    expect(district["register.tag.elderly_alone"].count).toBe(25);
    expect(await as(tenantID, () => Register.recount())).toEqual([]);
  });

  it("stops when one of its ID numbers is registered by hand after the check, naming the row, and keeps only that person", async () => {
    const tenantID = tenants.race;
    registerImportWorker.batchRows = 10;
    let byHand = "";
    registerImportWorker.afterBatch = async (written) => {
      if (written !== 10) return;
      // Between the check and the write of the second batch, a worker registers 周15 (row 17) by hand.
      const house = await as(tenantID, () => Register.createHouse({ address: "榕八路 1 号", lon: 118.02, lat: 27.02 }));
      const household = await as(tenantID, () => Register.createHousehold({ houseID: house.houseID }));
      const person = await as(tenantID, () =>
        Register.createResidentRecord({ name: "周十五", idNumber: id(615), householdID: household.householdID, tags: [] }),
      );
      byHand = person.recordID;
    };
    const importID = "import_race";
    await as(tenantID, () =>
      RegisterImportEntity.create({ tenantID, importID, status: "queued", by: "t", startedAt: new Date().toISOString() }).go(),
    );
    await as(tenantID, () => runImport(importID, { number: 1, last: false }, bytes(file())));
    const stored = (await RegisterImportEntity.get({ tenantID, importID }).go()).data;
    expect(stored).toMatchObject({ status: "failed", failureCode: "register.duplicate_id" });
    expect(stored?.failureMessage).toContain("Row 17");
    const items = await registerItems(tenantID);
    expect(items.filter((item) => item.__edb_e__ === "residentRecord").map((item) => item.recordID)).toEqual([byHand]);
    expect(items.filter((item) => item.__edb_e__ === "registerKey").map((item) => item.recordID)).toEqual([byHand]);
    expect((await as(tenantID, () => readTallies("district", "all")))["register.people"].count).toBe(1);
  });

  it("removes what it wrote when it fails for good, and leaves the counters as they were", async () => {
    const tenantID = tenants.undo;
    registerImportWorker.batchRows = 10;
    registerImportWorker.afterBatch = (written) => {
      if (written === 20) throw new Error("the worker stopped for good");
    };
    const importID = "import_undo";
    await as(tenantID, () =>
      RegisterImportEntity.create({ tenantID, importID, status: "queued", by: "t", startedAt: new Date().toISOString() }).go(),
    );
    await expect(as(tenantID, () => runImport(importID, { number: 3, last: true }, bytes(file())))).rejects.toThrow("for good");
    expect((await RegisterImportEntity.get({ tenantID, importID }).go()).data).toMatchObject({ status: "failed", failureCode: "internal" });
    expect(await registerItems(tenantID)).toEqual([]);
    expect((await as(tenantID, () => readTallies("district", "all")))["register.people"]).toBeUndefined();
  });
});
