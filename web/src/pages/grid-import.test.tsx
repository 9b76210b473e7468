import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ExportJob, ImportJob } from "../data/grids.ts";
import type { Me } from "../data/types.ts";
import { adminMe, jianyang, jianyangConfig } from "../test/fixtures.ts";
import { fakeApi, problem, renderApp, reply, signedIn, type FakeRequest } from "../test/harness.tsx";
import { clockwise, gbk, zippedShapefile } from "../test/shapefile.ts";
import { sampleCsv, sampleGeoJson } from "../data/grid-samples.ts";

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

/** The grids the upload carried (the portal turns a table into GeoJSON before uploading it). */
async function uploaded() {
  const body = FakeUpload.sent[0]?.body as File;
  return {
    name: body.name,
    collection: JSON.parse(await body.text()) as { features: { properties: Record<string, unknown>; geometry: unknown }[] },
  };
}

const wkt = (w: number, s: number, e: number, n: number) => `"POLYGON((${w} ${s}, ${e} ${s}, ${e} ${n}, ${w} ${n}, ${w} ${s}))"`;
const csv = (...lines: string[]) => new File([lines.join("\n")], "grids.csv", { type: "text/csv" });

async function chooseFile(chosen: File) {
  const user = userEvent.setup();
  signedIn();
  renderApp("/d/jianyang/grids/import");
  await user.upload(await screen.findByTestId("import-file"), chosen);
  return user;
}

describe("importing from a spreadsheet or a shapefile", () => {
  it("reads a CSV with Chinese headers and WKT boundaries in the browser and uploads its rows as GeoJSON", async () => {
    const { requests } = api();
    const user = await chooseFile(
      csv(
        "网格编码,网格名称,上级编码,层级,边界",
        `JY-01,潭城街道,,1,${wkt(118.1, 27.3, 118.2, 27.4)}`,
        `JY-01-01,城东社区,JY-01,,${wkt(118.1, 27.3, 118.15, 27.4)}`,
      ),
    );
    const map = await screen.findByTestId("column-map");
    expect(map).toHaveTextContent("共 2 行");
    expect(screen.getByTestId<HTMLSelectElement>("column-code").value).toBe("0");
    expect(screen.getByTestId<HTMLSelectElement>("column-boundary").value).toBe("4");
    await user.click(screen.getByTestId("import-submit"));
    expect(await screen.findByTestId("import-done")).toBeInTheDocument();
    const { name, collection } = await uploaded();
    expect(name).toBe("grids.geojson");
    expect(collection.features.map((feature) => feature.properties)).toEqual([
      { code: "JY-01", name: "潭城街道", tier: 1 },
      { code: "JY-01-01", name: "城东社区", parentCode: "JY-01" },
    ]);
    expect(collection.features[0].geometry).toEqual({
      type: "Polygon",
      coordinates: [
        [
          [118.1, 27.3],
          [118.2, 27.3],
          [118.2, 27.4],
          [118.1, 27.4],
          [118.1, 27.3],
        ],
      ],
    });
    expect(requests.some((request) => request.path === "/grids/imports")).toBe(true);
  });

  it("lists bad rows by their number and uploads nothing", async () => {
    const { requests } = api();
    const user = await chooseFile(
      csv(
        "网格编码,网格名称,上级编码,边界",
        `JY-01,潭城街道,,${wkt(118.1, 27.3, 118.2, 27.4)}`,
        `JY-02,水南街道,,"POLYGON((118.1 27.3, 118.2"`,
        `JY-01,重复,,${wkt(118.1, 27.3, 118.2, 27.4)}`,
      ),
    );
    await screen.findByTestId("column-map");
    await user.click(screen.getByTestId("import-submit"));
    const table = await screen.findByTestId("import-problems");
    expect(table).toHaveTextContent("有 2 行需要修正，没有上传任何内容");
    const rows = within(table).getAllByTestId("import-problem");
    expect(rows.map((row) => row.textContent)).toEqual([
      "第 3 行 · 边界边界不是有效的 WKT",
      "第 4 行 · 网格编码网格编码“JY-01”与第 2 行重复",
    ]);
    expect(FakeUpload.sent).toHaveLength(0);
    expect(requests.some((request) => request.path.startsWith("/grids/imports"))).toBe(false);
  });

  it("asks for the columns it cannot recognise before importing", async () => {
    api();
    const user = await chooseFile(csv("编号,区域名,形状", `A1,一号,${wkt(118.1, 27.3, 118.2, 27.4)}`));
    await screen.findByTestId("column-map");
    expect(screen.getByTestId("columns-missing")).toHaveTextContent("请为以下内容选择列：网格名称、边界");
    expect(screen.getByTestId("import-submit")).toBeDisabled();
    await user.selectOptions(screen.getByTestId("column-name"), "区域名");
    await user.selectOptions(screen.getByTestId("column-boundary"), "形状");
    expect(screen.queryByTestId("columns-missing")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("import-submit"));
    expect(await screen.findByTestId("import-done")).toBeInTheDocument();
    expect((await uploaded()).collection.features[0].properties).toEqual({ code: "A1", name: "一号" });
  });

  it("tells the import's problems about a table's grids by row", async () => {
    api({
      progress: [
        () =>
          job({
            status: "failed",
            problems: [{ path: "features[1]", message: "JY-01-01: parent JY-09 is neither in the file nor in the district" }],
            failure: { code: "import.invalid", message: "1 problem(s) in the file; nothing was written." },
            ...finished,
          }),
      ],
    });
    const user = await chooseFile(
      csv(
        "网格编码,网格名称,上级编码,边界",
        `JY-01,潭城街道,,${wkt(118.1, 27.3, 118.2, 27.4)}`,
        "",
        `JY-01-01,城东社区,JY-09,${wkt(118.1, 27.3, 118.15, 27.4)}`,
      ),
    );
    await screen.findByTestId("column-map");
    await user.click(screen.getByTestId("import-submit"));
    const [row] = within(await screen.findByTestId("import-problems")).getAllByTestId("import-problem");
    expect(row).toHaveTextContent("第 4 行");
    expect(row).toHaveTextContent("parent JY-09 is neither in the file nor in the district");
  });

  it("reads an .xlsx workbook", async () => {
    api();
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("网格");
    sheet.addRow(["网格编码", "网格名称", "上级编码", "边界"]);
    sheet.addRow(["X1", "一号网格", "", JSON.stringify({ type: "Polygon", coordinates: [clockwise([118.1, 27.3, 118.2, 27.4])] })]);
    const bytes = await workbook.xlsx.writeBuffer();
    const user = await chooseFile(new File([bytes], "网格.xlsx"));
    expect(await screen.findByTestId("column-map")).toHaveTextContent("共 1 行");
    await user.click(screen.getByTestId("import-submit"));
    expect(await screen.findByTestId("import-done")).toBeInTheDocument();
    const { collection } = await uploaded();
    expect(collection.features[0].properties).toEqual({ code: "X1", name: "一号网格" });
    expect(collection.features[0].geometry).toEqual({ type: "Polygon", coordinates: [clockwise([118.1, 27.3, 118.2, 27.4])] });
  });

  it("reads a zipped shapefile with GBK names (by its .cpg, or the .dbf's language driver)", async () => {
    for (const encoding of [{ cpg: "GBK" }, { languageDriver: 0x4d }]) {
      api();
      const zipped = zippedShapefile(
        "网格",
        [
          { ring: clockwise([118.1, 27.3, 118.2, 27.4]), attributes: { WGBM: "S1", WGMC: gbk.网格一号 } },
          { ring: clockwise([118.2, 27.3, 118.3, 27.4]), attributes: { WGBM: "S2", WGMC: gbk.二号 } },
        ],
        {
          prj: 'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]]]',
          ...encoding,
        },
      );
      const user = await chooseFile(new File([zipped], "grids.zip", { type: "application/zip" }));
      expect(await screen.findByTestId("column-map")).toHaveTextContent("共 2 个要素，边界取自 Shapefile 的图形");
      expect(screen.queryByTestId("column-boundary")).not.toBeInTheDocument();
      await user.click(screen.getByTestId("import-submit"));
      expect(await screen.findByTestId("import-done")).toBeInTheDocument();
      const { collection } = await uploaded();
      expect(collection.features.map((feature) => feature.properties)).toEqual([
        { code: "S1", name: "网格一号" },
        { code: "S2", name: "二号" },
      ]);
      expect(collection.features[0].geometry).toMatchObject({ type: "Polygon" });
      document.body.innerHTML = "";
    }
  });

  it("reprojects a shapefile in a CGCS2000 Gauss-Kruger zone to degrees, and refuses one on another datum, naming it", async () => {
    api();
    const gaussKruger = (datum: string, name: string) =>
      `PROJCS["${name}",GEOGCS["GCS_${datum}",DATUM["D_${datum}",SPHEROID["${datum}",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
    const records = [{ ring: clockwise([39500000, 3000000, 39501000, 3001000]), attributes: { WGBM: "S1", WGMC: "A" } }];
    const user = await chooseFile(
      new File([zippedShapefile("gk", records, { prj: gaussKruger("China_2000", "CGCS2000_3_Degree_GK_Zone_39") })], "gk.zip"),
    );
    expect(await screen.findByTestId("reprojected")).toHaveTextContent("坐标已从投影坐标系“CGCS2000_3_Degree_GK_Zone_39”转换为经纬度");
    await user.click(screen.getByTestId("import-submit"));
    expect(await screen.findByTestId("import-done")).toBeInTheDocument();
    const [corner] = ((await uploaded()).collection.features[0].geometry as { coordinates: number[][][] }).coordinates[0];
    // On the zone's central meridian (117° E), 3,000 km north of the equator.
    expect(corner[0]).toBeCloseTo(117, 6);
    expect(corner[1]).toBeCloseTo(27.1116, 3);
    document.body.innerHTML = "";

    const { requests } = api();
    await chooseFile(
      new File([zippedShapefile("xian", records, { prj: gaussKruger("Xian_1980", "Xian_1980_3_Degree_GK_Zone_39") })], "xian.zip"),
    );
    await waitFor(() =>
      expect(screen.getByTestId("import-status")).toHaveTextContent("这个 Shapefile 的坐标系是“Xian_1980_3_Degree_GK_Zone_39”"),
    );
    expect(screen.getByTestId("import-submit")).toBeDisabled();
    expect(requests.some((request) => request.path.startsWith("/grids/imports"))).toBe(false);
  });

  it("offers a sample GeoJSON and a sample spreadsheet that import as they are", async () => {
    api();
    const user = await chooseFile(new File([sampleCsv()], "网格示例.csv"));
    expect(screen.getByTestId("sample-geojson")).toHaveAttribute(
      "href",
      `data:application/geo+json;charset=utf-8,${encodeURIComponent(sampleGeoJson())}`,
    );
    expect(screen.getByTestId("sample-csv")).toHaveAttribute("download", "网格示例.csv");
    expect(screen.getByTestId("import-samples")).toHaveTextContent("编码以 SAMPLE 开头");
    await screen.findByTestId("column-map");
    await user.click(screen.getByTestId("import-submit"));
    expect(await screen.findByTestId("import-done")).toBeInTheDocument();
    const fromCsv = (await uploaded()).collection.features;
    const fromGeoJson = JSON.parse(sampleGeoJson()).features as typeof fromCsv;
    expect(fromCsv.map((feature) => feature.properties.code)).toEqual(fromGeoJson.map((feature) => feature.properties.code));
    expect(fromCsv.map((feature) => feature.geometry)).toEqual(fromGeoJson.map((feature) => feature.geometry));
    expect(new Set(fromGeoJson.map((feature) => feature.properties.tier))).toEqual(new Set([1, 2, 3]));
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
