import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ExportJob, ImportJob } from "../data/grids.ts";
import type { Me } from "../data/types.ts";
import { adminMe, jianyang, jianyangConfig } from "../test/fixtures.ts";
import { fakeApi, problem, renderApp, reply, signedIn, type FakeRequest } from "../test/harness.tsx";

/** A stand-in for XMLHttpRequest: records the PUT, reports progress, answers `status`. */
class FakeUpload {
  static sent: FakeUpload[] = [];
  static status = 200;
  /** When set, the upload stays at its first progress report until `release()`. */
  static hold = false;
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: Blob) {
    this.body = body;
    FakeUpload.sent.push(this);
    setTimeout(() => {
      this.upload.onprogress?.({ loaded: Math.floor(body.size / 2), total: body.size, lengthComputable: true });
      if (!FakeUpload.hold) this.release();
    }, 5);
  }
  release() {
    this.status = FakeUpload.status;
    this.onload?.();
  }
}

/** The API's 202 for a queued import. */
const accepted = (body: ImportJob) => reply(202, body);

const file = (bytes: number, name = "jianyang.geojson") => new File(["x".repeat(bytes)], name, { type: "application/geo+json" });

/** The import as the API reports it (`GET /grids/imports/import_1`), `changes` applied to a queued one. */
const job = (changes: Partial<ImportJob> = {}): ImportJob => ({
  importID: "import_1",
  status: "queued",
  total: 0,
  written: 0,
  problems: [],
  failure: null,
  startedAt: "2030-01-01T00:00:00.000Z",
  finishedAt: null,
  ...changes,
});
const exportJob = (changes: Partial<ExportJob> = {}): ExportJob => ({
  exportID: "export_1",
  status: "queued",
  count: null,
  bytes: null,
  url: null,
  failure: null,
  startedAt: "2030-01-01T00:00:00.000Z",
  finishedAt: null,
  ...changes,
});
const finished = { finishedAt: "2030-01-01T00:01:00.000Z" };

/**
 * The fake API; `progress` answers the portal's looks at the running import one by one (the
 * last one again once they are used up): by default, done with 3,861 grids.
 */
function api(options: { me?: Me; maxBytes?: number; importReply?: (request: FakeRequest) => unknown; progress?: (() => unknown)[] } = {}) {
  const progress = options.progress ?? [() => job({ status: "done", total: 3861, written: 3861, ...finished })];
  let looks = 0;
  FakeUpload.sent = [];
  FakeUpload.status = 200;
  FakeUpload.hold = false;
  vi.stubGlobal("XMLHttpRequest", FakeUpload);
  return fakeApi({
    "GET /me": () => options.me ?? adminMe,
    "GET /districts/jianyang": () => ({ district: jianyang, config: jianyangConfig }),
    "POST /grids/imports/uploads": () => ({
      uploadKey: "uploads/pending/jianyang/upload_1.geojson",
      url: "https://s3.test/bucket/uploads/pending/jianyang/upload_1.geojson?X-Amz-Signature=abc",
      method: "PUT",
      maxBytes: options.maxBytes ?? 20 * 1024 * 1024,
      expiresAt: "2030-01-01T00:00:00.000Z",
    }),
    "POST /grids/imports": options.importReply ?? (() => accepted(job())),
    "GET /grids/imports/import_1": () => progress[Math.min(looks++, progress.length - 1)](),
    "POST /grids/exports": () => reply(202, exportJob()),
    "GET /grids/exports/export_1": () =>
      exportJob({
        status: "done",
        count: 3861,
        bytes: 1_782_000,
        url: "https://s3.test/bucket/exports/jianyang/export_1.geojson?sig=1",
        ...finished,
      }),
  });
}

async function chooseAndSubmit(chosen: File) {
  const user = userEvent.setup();
  signedIn();
  renderApp("/d/jianyang/grids/import");
  await user.upload(await screen.findByTestId("import-file"), chosen);
  expect(screen.getByText(new RegExp(`^${chosen.name} · \\d`))).toBeInTheDocument();
  await user.click(screen.getByTestId("import-submit"));
  return user;
}

describe("importing grids", () => {
  it("uploads the file straight to the presigned URL, without the bearer token, then follows the import to its end", async () => {
    const { requests } = api();
    await chooseAndSubmit(file(2048));
    expect(await screen.findByTestId("import-done")).toHaveTextContent("已写入 3,861 / 3,861 个网格。");
    expect(FakeUpload.sent).toHaveLength(1);
    const [upload] = FakeUpload.sent;
    expect(upload.method).toBe("PUT");
    expect(upload.url).toContain("X-Amz-Signature=abc");
    expect(upload.headers.authorization).toBeUndefined();
    expect((upload.body as File).size).toBe(2048);
    const imported = requests.find((request) => request.method === "POST" && request.path === "/grids/imports");
    expect(imported?.body).toEqual({ uploadKey: "uploads/pending/jianyang/upload_1.geojson" });
    expect(requests.filter((request) => request.path === "/grids/imports/import_1").map((request) => request.method)).toEqual(["GET"]);
  });

  it("shows the upload's progress, then “validating” while the import is queued, then the grids written as they are", async () => {
    let accept: ((value: unknown) => void) | undefined;
    let wrote: ((value: unknown) => void) | undefined;
    api({
      importReply: () => new Promise((resolve) => (accept = resolve)),
      progress: [
        () => job({ status: "validating" }),
        () => new Promise((resolve) => (wrote = resolve)),
        () => job({ status: "done", total: 12, written: 12, ...finished }),
      ],
    });
    FakeUpload.hold = true;
    await chooseAndSubmit(file(4096));
    const status = screen.getByTestId("import-status");
    await waitFor(() => expect(status).toHaveTextContent("正在上传：50%（2 KB / 4 KB）"));
    expect(within(status).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "50");
    FakeUpload.sent[0].release();
    await waitFor(() => expect(status).toHaveAttribute("data-step", "importing"));
    expect(status).toHaveTextContent("正在校验文件中的网格");
    expect(within(status).getByRole("progressbar")).not.toHaveAttribute("aria-valuenow");
    await waitFor(() => expect(accept).toBeTypeOf("function"));
    accept?.(accepted(job()));
    await waitFor(() => expect(wrote).toBeTypeOf("function"), { timeout: 3000 });
    expect(status).toHaveTextContent("正在校验文件中的网格");
    wrote?.(job({ status: "writing", total: 12, written: 6 }));
    await waitFor(() => expect(status).toHaveTextContent("正在写入网格：6 / 12。可以离开本页，导入会在后台继续。"));
    expect(within(status).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "50");
    expect(await screen.findByTestId("import-done", {}, { timeout: 3000 })).toHaveTextContent("已写入 12 / 12 个网格。");
  });

  it("lists every problem of a file the import refused as invalid, in a table", async () => {
    const errors = [
      { path: "features[3]", message: "JY-01-03: the boundary crosses itself at (118.1, 27.3)" },
      { path: "features[12]", message: "JY-01-03: overlaps JY-01-02 by 1,234 m²" },
      { path: "features[40].properties.parentCode", message: 'there is no grid "JY-99"' },
    ];
    api({
      progress: [
        () =>
          job({
            status: "failed",
            problems: errors,
            failure: { code: "import.invalid", message: "3 problem(s) in the file; nothing was written." },
            ...finished,
          }),
      ],
    });
    await chooseAndSubmit(file(300));
    const table = await screen.findByTestId("import-problems");
    expect(table).toHaveTextContent("文件中有 3 处问题，没有写入任何网格");
    expect(table).toHaveTextContent("3 problem(s) in the file; nothing was written.");
    const rows = within(table).getAllByTestId("import-problem");
    expect(rows).toHaveLength(3);
    errors.forEach((error, index) => {
      expect(rows[index]).toHaveTextContent(error.path);
      expect(rows[index]).toHaveTextContent(error.message);
    });
  });

  it("refuses a file over the upload's size limit before uploading anything", async () => {
    const { requests } = api({ maxBytes: 1024 });
    await chooseAndSubmit(file(5000));
    const status = await screen.findByTestId("import-status");
    await waitFor(() => expect(status).toHaveTextContent("文件大小为 4.9 KB，超过上限 1 KB。请拆分后分批导入。"));
    expect(FakeUpload.sent).toHaveLength(0);
    expect(requests.some((request) => request.path === "/grids/imports")).toBe(false);
  });

  it("tells other refusals (too large on the server, not JSON) in plain words", async () => {
    api({
      importReply: () =>
        problem(400, {
          code: "import.too_large",
          detail: "The file is 50.0 MB; at most 20 MB is accepted.",
          errors: [{ path: "uploadKey", message: "file too large" }],
        }),
    });
    await chooseAndSubmit(file(100));
    await waitFor(() =>
      expect(screen.getByTestId("import-status")).toHaveTextContent("导入失败: The file is 50.0 MB; at most 20 MB is accepted."),
    );

    api({
      progress: [
        () =>
          job({
            status: "failed",
            problems: [{ path: "uploadKey", message: "not JSON" }],
            failure: { code: "import.invalid_json", message: "The file is not valid JSON: Unexpected token x in JSON at position 0" },
            ...finished,
          }),
      ],
    });
    await userEvent.setup().click(screen.getByTestId("import-submit"));
    const status = await screen.findByTestId("import-status");
    await waitFor(() => expect(status).toHaveTextContent("导入失败: The file is not valid JSON"));
    expect(screen.queryByTestId("import-problems")).not.toBeInTheDocument();
  });

  it("says so when the upload itself fails", async () => {
    api();
    FakeUpload.status = 403;
    await chooseAndSubmit(file(100));
    await waitFor(() => expect(screen.getByTestId("import-status")).toHaveTextContent("文件上传失败（HTTP 403），请重试。"));
  });

  it("is for district admins only", async () => {
    api({ me: { ...adminMe, actor: { type: "user", userID: "worker", tenantID: "jianyang", roles: ["grid_worker"] } } });
    signedIn();
    renderApp("/d/jianyang/grids/import");
    expect(await screen.findByText("仅区级管理员可以导入网格")).toBeInTheDocument();
    expect(screen.queryByTestId("import-file")).not.toBeInTheDocument();
  });
});

describe("exporting grids", () => {
  it("offers the export file, written in the background, as a download link", async () => {
    const user = userEvent.setup();
    const { requests } = api();
    signedIn();
    renderApp("/d/jianyang/grids/import");
    await user.click(await screen.findByTestId("export-button"));
    const link = await screen.findByTestId("export-link");
    expect(link).toHaveAttribute("href", "https://s3.test/bucket/exports/jianyang/export_1.geojson?sig=1");
    expect(
      requests.filter((request) => request.path.startsWith("/grids/exports")).map((request) => `${request.method} ${request.path}`),
    ).toEqual(["POST /grids/exports", "GET /grids/exports/export_1"]);
    expect(screen.getByText("已生成：3,861 个网格 · 1.7 MB")).toBeInTheDocument();
  });
});
