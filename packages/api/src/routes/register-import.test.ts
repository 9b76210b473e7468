import { Config, Register, withActor } from "@wangge/core";
import { rect } from "@wangge/core/onboarding/test-district.test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, startTestApi } from "../../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };
const leader = { as: As.jianyangLeader };

// Fictitious ID numbers with valid check characters (GB 11643).
const id = (n: number) => {
  const first17 = `35078419900101${String(n).padStart(3, "0")}`;
  return `${first17}${Register.residentIDCheck(first17)}`;
};

async function upload(body: string) {
  const target = await api.call("POST", "/register/imports/uploads", admin);
  expect(target.status).toBe(201);
  const put = await fetch(target.body.url, { method: "PUT", body });
  expect(put.status).toBe(200);
  return target.body.uploadKey as string;
}

/** Polls the import until it is over, as the portal does. */
async function settled(importID: string) {
  for (let polls = 0; polls < 600; polls++) {
    const job = await api.call("GET", `/register/imports/${importID}`, admin);
    expect(job.status).toBe(200);
    if (job.body.status === "done" || job.body.status === "failed") return job.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${importID} did not finish`);
}

/** An export started through the API, followed to its end, and its file fetched from the link. */
async function exportedFile(format: "csv" | "xlsx") {
  const started = await api.call("POST", "/register/exports", { ...admin, body: { format } });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  expect(started.body).toMatchObject({ exportID: expect.stringMatching(/^export_/), status: "queued", format, url: null });
  for (let polls = 0; polls < 600; polls++) {
    const job = await api.call("GET", `/register/exports/${started.body.exportID}`, admin);
    expect(job.status).toBe(200);
    if (job.body.status === "failed") throw new Error(JSON.stringify(job.body.failure));
    if (job.body.status === "done") {
      const response = await fetch(job.body.url);
      expect(response.status).toBe(200);
      return {
        exportID: started.body.exportID as string,
        type: job.body.format === "csv" ? "text/csv" : "spreadsheetml",
        text: await response.text(),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`export ${started.body.exportID} did not finish`);
}

beforeAll(async () => {
  api = await startTestApi();
  await withActor({ type: "system", tenantID: "jianyang" }, () =>
    Config.change((config) => ({ mechanisms: { ...config.mechanisms, register: true } })),
  );
  const grid = await api.call("POST", "/grids", {
    ...admin,
    body: { code: "JY-IMP", name: "建阳导入格", tier: 1, boundary: rect(0, 0, 5, 5, [119.5, 28.5]) },
  });
  expect(grid.status, JSON.stringify(grid.body)).toBe(201);
}, 120_000);
afterAll(() => api?.close());

const header = "地址,户号,与户主关系,姓名,身份证号,手机号,网格编码,标签";

describe("the register's spreadsheets through the API", () => {
  it("uploads, imports with progress, and exports masked, defused and logged", async () => {
    const file = [
      header,
      `导入路 1 号,A1,户主,"=HYPERLINK(""http://x.example"",""点"")",${id(1)},13800000001,JY-IMP,独居老人`,
      `导入路 1 号,A1,配偶,导入乙,${id(2)},,JY-IMP,`,
    ].join("\r\n");
    const job = await api.call("POST", "/register/imports", { ...admin, body: { uploadKey: await upload(file) } });
    expect(job.status, JSON.stringify(job.body)).toBe(202);
    expect(job.body).toMatchObject({ importID: expect.stringMatching(/^import_/), status: "queued", written: 0, rejectedCount: 0 });
    expect(await settled(job.body.importID)).toMatchObject({ status: "done", total: 2, checked: 2, written: 2, failure: null });

    const exported = await exportedFile("csv");
    expect(exported.type).toContain("text/csv");
    const text = exported.text;
    expect(text).toContain(`"'=HYPERLINK(""http://x.example"",""点"")"`);
    expect(text).toContain(`350***********${id(1).slice(-4)}`);
    expect(text).toContain("138****0001");
    expect(text).not.toContain(id(1));
    const log = await api.call("GET", "/register/access-log", admin);
    expect(log.body.items.map((entry: { action: string; detail?: string }) => entry.detail)).toContainEqual(
      expect.stringContaining("register csv"),
    );
    const xlsx = await exportedFile("xlsx");
    expect(xlsx.type).toContain("spreadsheetml");
    // The file is its starter's: the district's other staff do not see the export.
    const other = await api.call("GET", `/register/exports/${xlsx.exportID}`, leader);
    expect(other.status).toBe(404);
  });

  it("refuses a file with bad rows as a whole, with a downloadable report in Chinese and English", async () => {
    const file = [
      header,
      `坏路 1 号,C1,户主,坏甲,${id(11).slice(0, 17)}${id(11)[17] === "1" ? "2" : "1"},,JY-IMP,`,
      `坏路 2 号,C2,户主,坏乙,${id(12)},12345,JY-IMP,`,
      `坏路 3 号,C3,户主,坏丙,${id(13)},,NOWHERE,`,
      `坏路 4 号,C4,户主,好丁,${id(14)},,JY-IMP,`,
    ].join("\n");
    const job = await api.call("POST", "/register/imports", { ...admin, body: { uploadKey: await upload(file) } });
    const done = await settled(job.body.importID);
    expect(done).toMatchObject({ status: "failed", failure: { code: "register.import_rejected" }, rejectedCount: 3, written: 0 });
    expect(done.rejected.map((each: { row: number }) => each.row)).toEqual([2, 3, 4]);
    const report = await fetch(done.reportUrl);
    expect(report.status).toBe(200);
    const text = await report.text();
    expect(text).toContain("行号 Row,列 Column,原因,Reason");
    expect(text).toContain("3,手机号,手机号应为 1 开头的 11 位数字,an 11-digit mobile number starting with 1");
    const found = await api.call("GET", `/register/people?q=${id(14)}`, admin);
    expect(found.body.items).toEqual([]);
  });

  it("tells a mapping is needed, keeps the district's mapping once given, and refuses another district's upload", async () => {
    const file = ["住处,名字,证件号,片区", `映射路 1 号,映射甲,${id(21)},JY-IMP`].join("\n");
    const first = await settled(
      (await api.call("POST", "/register/imports", { ...admin, body: { uploadKey: await upload(file) } })).body.importID,
    );
    expect(first).toMatchObject({
      status: "failed",
      failure: { code: "register.import_mapping" },
      headers: ["住处", "名字", "证件号", "片区"],
    });
    const mapping = { address: "住处", name: "名字", idNumber: "证件号", gridCode: "片区" };
    const second = await api.call("POST", "/register/imports", { ...admin, body: { uploadKey: await upload(file), mapping } });
    expect(await settled(second.body.importID)).toMatchObject({ status: "done", written: 1 });
    expect((await api.call("GET", "/register/imports/mapping", admin)).body).toEqual({ mapping });
    const foreign = await api.call("POST", "/register/imports", {
      ...admin,
      body: { uploadKey: "uploads/pending/yanping/upload_x.register" },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.type).toContain("problem+json");
  });
});
