import { screen, waitFor } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { RegisterExport, RegisterImport } from "../data/register-import.ts";
import { adminMe, jianyangConfig } from "../test/fixtures.ts";
import { jianyangApi, renderApp, reply, signedIn } from "../test/harness.tsx";

/** A stand-in for XMLHttpRequest's PUT to S3: done at once. */
class FakeUpload {
  upload = { onprogress: null as ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null };
  status = 200;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open() {}
  setRequestHeader() {}
  send() {
    setTimeout(() => this.onload?.(), 1);
  }
}

const job = (changes: Partial<RegisterImport>): RegisterImport => ({
  importID: "import_1",
  status: "queued",
  total: 0,
  checked: 0,
  written: 0,
  rejectedCount: 0,
  rejected: [],
  reportUrl: null,
  headers: [],
  mapping: null,
  failure: null,
  startedAt: "2030-01-01T00:00:00.000Z",
  finishedAt: null,
  ...changes,
});

function api(over: RegisterImport[]) {
  vi.stubGlobal("XMLHttpRequest", FakeUpload);
  let looks = 0;
  return jianyangApi(adminMe, jianyangConfig, {
    "POST /register/imports/uploads": () =>
      reply(201, {
        uploadKey: "uploads/pending/jianyang/upload_1.register",
        url: "https://s3.test/u",
        method: "PUT",
        maxBytes: 1,
        expiresAt: "",
      }),
    "POST /register/imports": () => reply(202, job({})),
    "GET /register/imports/import_1": () => over[Math.min(looks++, over.length - 1)],
  });
}

const csv = () => new File(["地址,姓名\n"], "people.csv", { type: "text/csv" });

describe("the register import page", () => {
  it("shows the rejected rows and the report, and that nothing was written", async () => {
    api([
      job({
        status: "failed",
        rejectedCount: 2,
        rejected: [
          { row: 6, column: "身份证号", reasonZh: "身份证号校验位不符（可能输错）", reasonEn: "mismatch" },
          { row: 10, column: "手机号", reasonZh: "手机号应为 1 开头的 11 位数字", reasonEn: "phone" },
        ],
        reportUrl: "https://s3.test/report.csv",
        failure: { code: "register.import_rejected", message: "2 row(s) rejected; nothing was written." },
      }),
    ]);
    signedIn();
    renderApp("/d/jianyang/register-import");
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText("选择文件"), csv());
    await user.click(screen.getByRole("button", { name: "开始导入" }));
    expect(await screen.findByText("有 2 行未通过校验，整批未写入。请修改后重新导入。")).toBeTruthy();
    expect(screen.getByText("身份证号校验位不符（可能输错）")).toBeTruthy();
    expect(screen.getByRole("link", { name: "下载校验报告（CSV）" }).getAttribute("href")).toBe("https://s3.test/report.csv");
  });

  it("asks for the columns when the headers are not recognised, and sends the mapping", async () => {
    const requests = api([
      job({ status: "failed", headers: ["住处", "名字", "证件号", "片区"], failure: { code: "register.import_mapping", message: "map" } }),
      job({ status: "done", total: 1, written: 1 }),
    ]);
    signedIn();
    renderApp("/d/jianyang/register-import");
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText("选择文件"), csv());
    await user.click(screen.getByRole("button", { name: "开始导入" }));
    await screen.findByText("请对应表格的列");
    await user.selectOptions(screen.getByLabelText("地址 *"), "住处");
    await user.selectOptions(screen.getByLabelText("姓名 *"), "名字");
    await user.selectOptions(screen.getByLabelText("身份证号 *"), "证件号");
    await user.selectOptions(screen.getByLabelText("网格编码 *"), "片区");
    await user.click(screen.getByRole("button", { name: "按此对应导入" }));
    await waitFor(() => expect(screen.getByText("导入完成：写入 1 人。")).toBeTruthy());
    const sent = requests.requests.filter((request) => request.method === "POST" && request.path === "/register/imports");
    expect(sent.at(-1)?.body).toEqual({
      uploadKey: "uploads/pending/jianyang/upload_1.register",
      mapping: { address: "住处", name: "名字", idNumber: "证件号", gridCode: "片区" },
    });
  });

  it("exports in the background: the progress, then the file's link", async () => {
    const exportJob = (changes: Partial<RegisterExport>): RegisterExport => ({
      exportID: "export_1",
      status: "queued",
      format: "xlsx",
      gridID: null,
      written: 0,
      bytes: null,
      url: null,
      failure: null,
      startedAt: "2030-01-01T00:00:00.000Z",
      finishedAt: null,
      ...changes,
    });
    const looks = [
      exportJob({ status: "writing", written: 500 }),
      exportJob({ status: "done", written: 1234, url: "https://s3.test/register.xlsx" }),
    ];
    let look = 0;
    const requests = jianyangApi(adminMe, jianyangConfig, {
      "POST /register/exports": () => reply(202, exportJob({})),
      "GET /register/exports/export_1": () => looks[Math.min(look++, looks.length - 1)],
    });
    signedIn();
    renderApp("/d/jianyang/register-import");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "导出 Excel" }));
    expect(await screen.findByText("正在生成文件…已写入 500 人")).toBeTruthy();
    expect(await screen.findByText("文件已生成，共 1,234 人。", { exact: false })).toBeTruthy();
    expect(screen.getByRole("link", { name: "下载" }).getAttribute("href")).toBe("https://s3.test/register.xlsx");
    expect(requests.requests.find((request) => request.method === "POST" && request.path === "/register/exports")?.body).toEqual({
      format: "xlsx",
    });
  });
});
