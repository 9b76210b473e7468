import { Grid, Tally, withActor } from "@wangge/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { As, startTestApi } from "../../../../scripts/test/api.ts";
import { rect } from "@wangge/core/onboarding/test-district.test-support";

let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };
const resident = { as: As.jianyangResident };

const feature = (code: string, tier: number, parentCode: string | null, boundary: unknown) => ({
  type: "Feature",
  geometry: boundary,
  properties: { code, name: `网格 ${code}`, tier, parentCode },
});

async function upload(body: string) {
  const target = await api.call("POST", "/grids/imports/uploads", admin);
  expect(target.status).toBe(201);
  const put = await fetch(target.body.url, { method: "PUT", body });
  expect(put.status).toBe(200);
  return target.body.uploadKey as string;
}

/** Polls the import until it is over, as the portal does. */
async function settled(importID: string) {
  for (let polls = 0; polls < 400; polls++) {
    const job = await api.call("GET", `/grids/imports/${importID}`, admin);
    expect(job.status).toBe(200);
    if (job.body.status === "done" || job.body.status === "failed") return job.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${importID} did not finish`);
}

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());
afterEach(() => {
  Grid.importWorker.chunkGrids = 40;
  Grid.importWorker.afterChunk = undefined;
});

describe("grids through the API", () => {
  it("imports a file uploaded straight to S3, then locates points in it and exports it back", async () => {
    const features = [feature("A", 1, null, rect(0, 0, 10, 10, [118, 27.2]))];
    for (let i = 0; i < 5; i++) features.push(feature(`A-${i}`, 2, "A", rect(i * 2, 0, i * 2 + 2, 10, [118, 27.2])));
    for (let i = 0; i < 5; i++) features.push(feature(`A-${i}-1`, 3, `A-${i}`, rect(i * 2, 0, i * 2 + 2, 10, [118, 27.2])));
    const key = await upload(JSON.stringify({ type: "FeatureCollection", features }));
    // The worker (in-process here, as locally) stops after 6 grids until the test has looked.
    Grid.importWorker.chunkGrids = 3;
    let reached: () => void = () => {};
    let release: () => void = () => {};
    const atSix = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    Grid.importWorker.afterChunk = async (written) => {
      if (written !== 6) return;
      reached();
      await released;
    };
    const job = await api.call("POST", "/grids/imports", { ...admin, body: { uploadKey: key } });
    expect(job.status).toBe(202);
    expect(job.body).toEqual({
      importID: expect.stringMatching(/^import_/),
      status: "queued",
      total: 0,
      written: 0,
      problems: [],
      failure: null,
      startedAt: expect.any(String),
      finishedAt: null,
    });
    await atSix;
    const progress = await api.call("GET", `/grids/imports/${job.body.importID}`, admin);
    expect(progress.body).toMatchObject({ status: "writing", total: 11, written: 6, finishedAt: null });
    release();
    expect(await settled(job.body.importID)).toMatchObject({ status: "done", total: 11, written: 11, problems: [], failure: null });

    const located = await api.call("GET", "/grids/locate?lon=118.05&lat=27.25", resident);
    expect(located.status).toBe(200);
    expect(located.body.grid.code).toBe("A-2-1");
    expect(located.body.ancestors.map((grid: { code: string }) => grid.code)).toEqual(["A", "A-2"]);
    const outside = await api.call("GET", "/grids/locate?lon=100&lat=20", resident);
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe("grid.outside_district");
    const badPoint = await api.call("GET", "/grids/locate?lon=500&lat=27", resident);
    expect(badPoint.status).toBe(400);

    const queued = await api.call("POST", "/grids/exports", admin);
    expect(queued.status).toBe(202);
    expect(queued.body).toEqual({
      exportID: expect.stringMatching(/^export_/),
      status: "queued",
      count: null,
      bytes: null,
      url: null,
      failure: null,
      startedAt: expect.any(String),
      finishedAt: null,
    });
    let exported = queued;
    for (let polls = 0; polls < 200 && exported.body.status !== "done"; polls++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      exported = await api.call("GET", `/grids/exports/${queued.body.exportID}`, admin);
    }
    expect(exported.body).toMatchObject({ status: "done", count: 11, bytes: expect.any(Number), failure: null });
    const download = await fetch(exported.body.url);
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="jianyang-grids.geojson"');
    const file = (await download.json()) as { features: { properties: { code: string } }[] };
    expect(file.features.map((entry: { properties: { code: string } }) => entry.properties.code)).toContain("A-4-1");

    const coverage = await api.call("GET", `/grids/${located.body.ancestors[0].gridID}/coverage`, resident);
    expect(coverage.body).toMatchObject({ ok: true, children: 5, gaps: [], overlaps: [] });

    // Exports are the staff's, a few an hour each: residents may not, and the eleventh in an hour is refused.
    const byResident = await api.call("POST", "/grids/exports", resident);
    expect([byResident.status, byResident.body.code]).toEqual([403, "access.role"]);
    const leader = { as: As.jianyangLeader };
    for (let started = 1; started <= 10; started++) expect((await api.call("POST", "/grids/exports", leader)).status).toBe(202);
    const eleventh = await fetch(`${api.url}/grids/exports`, {
      method: "POST",
      headers: { authorization: `Bearer ${await api.token(As.jianyangLeader)}` },
    });
    expect([eleventh.status, ((await eleventh.json()) as { code: string }).code]).toEqual([429, "rate.exports"]);
    expect(Number(eleventh.headers.get("retry-after"))).toBeGreaterThan(3000);
  });

  it("refuses a 50 MB file and an upload key of another district at once; broken JSON and a wrong file fail in the background", async () => {
    const big = await upload("x".repeat(50 * 1024 * 1024));
    const tooLarge = await api.call("POST", "/grids/imports", { ...admin, body: { uploadKey: big } });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.code).toBe("import.too_large");
    const foreign = await api.call("POST", "/grids/imports", { ...admin, body: { uploadKey: "uploads/pending/yanping/upload_x.geojson" } });
    expect(foreign.status).toBe(404);

    const broken = await upload("{ not json");
    const notJson = await api.call("POST", "/grids/imports", { ...admin, body: { uploadKey: broken } });
    expect(notJson.status).toBe(202);
    expect(await settled(notJson.body.importID)).toMatchObject({
      status: "failed",
      written: 0,
      failure: { code: "import.invalid_json", message: expect.stringMatching(/^The file is not valid JSON/) },
      problems: [{ path: "uploadKey", message: "not JSON" }],
    });

    const wrong = await upload(
      JSON.stringify({
        type: "FeatureCollection",
        features: [feature("W", 1, null, rect(0, 0, 10, 10, [119, 28])), feature("W-1", 2, "NOPE", rect(0, 0, 5, 10, [119, 28]))],
      }),
    );
    const invalid = await api.call("POST", "/grids/imports", { ...admin, body: { uploadKey: wrong } });
    expect(await settled(invalid.body.importID)).toEqual({
      importID: invalid.body.importID,
      status: "failed",
      total: 0,
      written: 0,
      problems: [{ path: "features[1]", message: "W-1: parent NOPE is neither in the file nor in the district" }],
      failure: { code: "import.invalid", message: "1 problem(s) in the file; nothing was written." },
      startedAt: invalid.body.startedAt,
      finishedAt: expect.any(String),
    });
    const roots = await api.call("GET", "/grids?parentID=root", admin);
    expect(roots.body.items.map((grid: { code: string }) => grid.code)).not.toContain("W");
  });

  it("answers bad polygons with the problem named at its path", async () => {
    const unclosed = {
      type: "Polygon",
      coordinates: [
        [
          [118.5, 27.5],
          [118.6, 27.5],
          [118.6, 27.6],
          [118.5, 27.6],
        ],
      ],
    };
    const response = await api.call("POST", "/grids", { ...admin, body: { code: "U", name: "未闭合", tier: 1, boundary: unclosed } });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe("grid.invalid_boundary");
    expect(response.body.errors[0].path).toMatch(/^boundary/);
    expect(response.body.detail).toMatch(/not closed/);
  });

  it("puts people on grids and masks phones for those who do not need them", async () => {
    const grids = await api.call("GET", "/grids?tier=3", admin);
    const grid = grids.body.items.find((item: { code: string }) => item.code === "A-0-1");
    const assigned = await api.call("POST", "/people/assignments", {
      ...admin,
      body: { gridID: grid.gridID, roleKey: "grid_worker", person: { name: "黄晓梅", phone: "13912345678" } },
    });
    expect(assigned.status).toBe(201);
    const wrongTier = await api.call("POST", "/people/assignments", {
      ...admin,
      body: { gridID: grid.gridID, roleKey: "grid_leader_1", personID: assigned.body.personID },
    });
    expect(wrongTier.status).toBe(400);
    expect(wrongTier.body.code).toBe("person.role_tier");
    const again = await api.call("POST", "/people/assignments", {
      ...admin,
      body: { gridID: grid.gridID, roleKey: "grid_worker", personID: assigned.body.personID },
    });
    expect(again.status).toBe(409);
    // People per role are standing counts the dashboard reads; the refused ones count nothing.
    const tallies = await withActor({ type: "system", tenantID: "jianyang" }, () => Tally.readTallies("district", "all"));
    expect(tallies["people.role.grid_worker"]).toEqual({ count: 1, sum: 0 });
    expect(tallies["people.total"]).toEqual({ count: 1, sum: 0 });
    expect(tallies["people.role.grid_leader_1"]).toBeUndefined();

    const forAdmin = await api.call("GET", `/people?gridID=${grid.gridID}`, admin);
    expect(forAdmin.body.items).toHaveLength(1);
    expect(forAdmin.body.items[0]).toMatchObject({
      name: "黄晓梅",
      phone: "13912345678",
      roleKey: "grid_worker",
      gridCode: "A-0-1",
      active: true,
    });
    const forResident = await api.call("GET", `/people?gridID=${grid.gridID}`, resident);
    expect(forResident.body.items[0].phone).toBe("139****5678");
    const theirGrids = await api.call("GET", `/people?personID=${assigned.body.personID}`, admin);
    expect(theirGrids.body.items.map((item: { gridCode: string }) => item.gridCode)).toEqual(["A-0-1"]);
  });

  it("reads and changes the tier configuration by the same rules as any configuration change, refusing one that orphans grids", async () => {
    const tiers = await api.call("GET", "/config/tiers", resident);
    expect(tiers.body.tiers).toHaveLength(3);
    // Roles sit on tier 3: without it the settings do not hold together (400 at the role, as PATCH /config says it).
    const invalid = await api.call("PUT", "/config/tiers", {
      ...admin,
      body: { tiers: tiers.body.tiers.slice(0, 2), dedicatedKinds: tiers.body.dedicatedKinds },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((error: { path: string }) => error.path)).toContainEqual(expect.stringMatching(/^roles\.\d+\.tier$/));
    // Its grids are in the way once the roles moved off it (409, naming them).
    const config = await api.call("GET", "/config", admin);
    const roles = config.body.roles.map((role: { tier: number | null }) => (role.tier === 3 ? { ...role, tier: null } : role));
    const changes = { tiers: tiers.body.tiers.slice(0, 2), roles };
    const refused = await api.call("PATCH", "/config", { ...admin, body: { expectedVersion: config.body.version, changes } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("config.breaking");
    expect(refused.body.detail).toContain("A-0-1");
    const byResident = await api.call("PUT", "/config/tiers", {
      ...resident,
      body: { tiers: tiers.body.tiers, dedicatedKinds: tiers.body.dedicatedKinds },
    });
    expect(byResident.status).toBe(403);
  });
});
