import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { useActor, useTenant, withActor, type Actor } from "../actor.ts";
import * as Job from "../job/index.ts";
import { onboardTestDistrict, rect } from "../onboarding/test-district.test-support.ts";
import { bucketName, ensureBucket, s3 } from "../storage/bucket.ts";
import { GridCodeEntity, GridEntity } from "./grid.entity.ts";
import * as Grid from "./index.ts";

const admin: Actor = { type: "user", userID: "admin-1", tenantID: "importtown", roles: ["district_admin"] };
const asAdmin = <T>(body: () => Promise<T>) => withActor(admin, body);

const feature = (code: string, tier: number, parentCode: string | null, boundary: unknown) => ({
  type: "Feature",
  geometry: boundary,
  properties: { code, name: `网格${code}`, tier, parentCode },
});

/** A tier-1 grid `code` at row `row` of the map with `children` tier-2 grids side by side inside it. */
function district(code: string, row: number, children: number) {
  const y = row * 20;
  const features = [feature(code, 1, null, rect(0, y, children, y + 10))];
  for (let i = 0; i < children; i++) features.push(feature(`${code}-${i}`, 2, code, rect(i, y, i + 1, y + 10)));
  return { type: "FeatureCollection", features };
}

/** Uploads `body` as the portal does (a presigned slot of this district) and returns its key. */
async function upload(body: string) {
  const { uploadKey } = await asAdmin(() => Grid.createUpload());
  await s3().send(new PutObjectCommand({ Bucket: bucketName(), Key: uploadKey, Body: body }));
  return uploadKey;
}

/** A queue that keeps its messages: the test delivers them (again) itself. */
function heldQueue() {
  const messages: Job.Message[] = [];
  Job.useQueue({ send: async (message) => void messages.push(JSON.parse(JSON.stringify(message))) });
  return messages;
}

/** The district's grids and code reservations whose code starts with `prefix`. */
async function written(prefix: string) {
  const [grids, codes] = await Promise.all([
    GridEntity.query.primary({ tenantID: "importtown" }).go({ pages: "all" }),
    GridCodeEntity.query.primary({ tenantID: "importtown" }).go({ pages: "all" }),
  ]);
  return {
    grids: grids.data.filter((grid) => grid.code.startsWith(prefix)).map((grid) => grid.code),
    codes: codes.data.filter((code) => code.code.startsWith(prefix)).map((code) => code.code),
  };
}

const uploadGone = (Key: string) =>
  s3()
    .send(new HeadObjectCommand({ Bucket: bucketName(), Key }))
    .then(
      () => false,
      () => true,
    );

const first = { number: 1, last: false };

beforeAll(async () => {
  await ensureBucket();
  await onboardTestDistrict("importtown", "importland");
});
afterEach(() => {
  Grid.importWorker.chunkGrids = 40;
  Grid.importWorker.afterChunk = undefined;
  Job.useQueue(undefined);
});

describe("background grid import", () => {
  it("answers queued before anything is written, then writes chunk by chunk with its progress on the record", async () => {
    const messages = heldQueue();
    const key = await upload(JSON.stringify(district("A", 0, 120)));
    const queued = await asAdmin(() => Grid.importUpload({ uploadKey: key }));
    expect(queued).toEqual({
      importID: expect.stringMatching(/^import_/),
      status: "queued",
      total: 0,
      written: 0,
      problems: [],
      failure: null,
      startedAt: expect.any(String),
      finishedAt: null,
    });
    expect(messages).toEqual([{ kind: "grid.import", input: { importID: queued.importID }, actor: admin }]);
    expect(await written("A")).toEqual({ grids: [], codes: [] });

    Grid.importWorker.chunkGrids = 25;
    const seen: string[] = [];
    Grid.importWorker.afterChunk = async () => {
      const job = await asAdmin(() => Grid.getImport(queued.importID));
      seen.push(`${job.status} ${job.written}/${job.total}`);
    };
    await Job.run(messages[0], first);
    expect(seen).toEqual(["writing 25/121", "writing 50/121", "writing 75/121", "writing 100/121", "writing 121/121"]);
    const done = await asAdmin(() => Grid.getImport(queued.importID));
    expect(done).toMatchObject({ status: "done", total: 121, written: 121, problems: [], failure: null });
    expect(done.finishedAt).toEqual(expect.any(String));
    const after = await written("A");
    expect(after.grids).toHaveLength(121);
    expect(after.codes).toHaveLength(121);
    expect(await asAdmin(() => Grid.counts())).toEqual({ tiers: { 1: 1, 2: 120, 3: 0, 4: 0, 5: 0 }, dedicated: 0 });
    expect(await uploadGone(key)).toBe(true);
    // Its children hang under the imported parent.
    const parent = (await asAdmin(() => Grid.list({ tier: 1 }))).items.find((grid) => grid.code === "A")!;
    expect((await asAdmin(() => Grid.list({ parentID: parent.gridID, limit: 200 }))).items).toHaveLength(120);
  });

  it("goes on from its checkpoint when a stopped run is delivered again, writing each grid once", async () => {
    const messages = heldQueue();
    const before = await asAdmin(() => Grid.counts());
    const key = await upload(JSON.stringify(district("B", 1, 99)));
    const { importID } = await asAdmin(() => Grid.importUpload({ uploadKey: key }));
    Grid.importWorker.chunkGrids = 20;
    Grid.importWorker.afterChunk = (count) => {
      if (count === 40) throw new Error("the Lambda ran out of time");
    };
    await expect(Job.run(messages[0], first)).rejects.toThrow("the Lambda ran out of time");
    expect(await asAdmin(() => Grid.getImport(importID))).toMatchObject({ status: "writing", total: 100, written: 40, finishedAt: null });
    expect((await written("B")).grids).toHaveLength(40);
    expect(await uploadGone(key)).toBe(false);

    Grid.importWorker.afterChunk = undefined;
    await Job.run(messages[0], { number: 2, last: false });
    // Delivered once more after it finished (SQS delivers at least once): nothing changes.
    await Job.run(messages[0], { number: 3, last: true });
    expect(await asAdmin(() => Grid.getImport(importID))).toMatchObject({ status: "done", total: 100, written: 100, failure: null });
    const after = await written("B");
    expect(after.grids).toHaveLength(100);
    expect(new Set(after.grids).size).toBe(100);
    expect(after.codes.sort()).toEqual([...after.grids].sort());
    const counts = await asAdmin(() => Grid.counts());
    expect(counts.tiers[1] - before.tiers[1]).toBe(1);
    expect(counts.tiers[2] - before.tiers[2]).toBe(99);
  });

  it("writes each grid once when the same message runs twice at the same time", async () => {
    const messages = heldQueue();
    const before = await asAdmin(() => Grid.counts());
    const key = await upload(JSON.stringify(district("C", 2, 79)));
    const { importID } = await asAdmin(() => Grid.importUpload({ uploadKey: key }));
    Grid.importWorker.chunkGrids = 10;
    await Promise.all([Job.run(messages[0], first), Job.run(messages[0], first)]);
    expect(await asAdmin(() => Grid.getImport(importID))).toMatchObject({ status: "done", total: 80, written: 80 });
    const after = await written("C");
    expect(after.grids).toHaveLength(80);
    expect(new Set(after.grids).size).toBe(80);
    const counts = await asAdmin(() => Grid.counts());
    expect(counts.tiers[1] - before.tiers[1]).toBe(1);
    expect(counts.tiers[2] - before.tiers[2]).toBe(79);
  });

  it("writes nothing when one feature is wrong, and lists the problems on the record", async () => {
    const messages = heldQueue();
    const file = district("D", 3, 30);
    file.features[7] = feature("D-6b", 2, "D", rect(6.5, 60, 7.5, 70)); // in place of D-6, half over D-7
    file.features.push(feature("D-x", 2, "NOPE", rect(0, 60, 1, 61)));
    const key = await upload(JSON.stringify(file));
    const { importID } = await asAdmin(() => Grid.importUpload({ uploadKey: key }));
    await Job.run(messages[0], first);
    const failed = await asAdmin(() => Grid.getImport(importID));
    expect(failed).toMatchObject({
      status: "failed",
      total: 0,
      written: 0,
      failure: { code: "import.invalid", message: "2 problem(s) in the file; nothing was written." },
    });
    expect(failed.problems).toEqual([
      { path: "features[31]", message: "D-x: parent NOPE is neither in the file nor in the district" },
      { path: "features[8]", message: expect.stringMatching(/^D-7: overlaps D-6b \(feature 7\) by [\d,]+ m²$/) },
    ]);
    expect(await written("D")).toEqual({ grids: [], codes: [] });
    expect(await uploadGone(key)).toBe(true);
  });

  it("fails a file that is not JSON, and one that keeps failing inside on its last delivery", async () => {
    const messages = heldQueue();
    const broken = await upload("{ not json");
    const notJson = await asAdmin(() => Grid.importUpload({ uploadKey: broken }));
    await Job.run(messages[0], first);
    expect(await asAdmin(() => Grid.getImport(notJson.importID))).toMatchObject({
      status: "failed",
      failure: { code: "import.invalid_json", message: expect.stringMatching(/^The file is not valid JSON/) },
      problems: [{ path: "uploadKey", message: "not JSON" }],
    });

    const key = await upload(JSON.stringify(district("E", 4, 9)));
    const stuck = await asAdmin(() => Grid.importUpload({ uploadKey: key }));
    Grid.importWorker.chunkGrids = 5;
    Grid.importWorker.afterChunk = () => {
      throw new Error("DynamoDB is unreachable");
    };
    await expect(Job.run(messages[1], { number: 2, last: false })).rejects.toThrow("DynamoDB is unreachable");
    expect((await asAdmin(() => Grid.getImport(stuck.importID))).status).toBe("writing");
    await expect(Job.run(messages[1], { number: 3, last: true })).rejects.toThrow("DynamoDB is unreachable");
    expect(await asAdmin(() => Grid.getImport(stuck.importID))).toMatchObject({
      status: "failed",
      total: 10,
      written: 10,
      failure: { code: "internal", message: "The import stopped on an internal error after several attempts." },
    });
  });
});

describe("the in-process queue", () => {
  it("runs a queued import after the call returned, and drains", async () => {
    const queue = Job.localQueue({ retryDelayMs: 10 });
    Job.useQueue(queue);
    const key = await upload(JSON.stringify(district("F", 5, 12)));
    const queued = await asAdmin(() => Grid.importUpload({ uploadKey: key }));
    expect(queued.status).toBe("queued");
    await queue.drain();
    expect(await asAdmin(() => Grid.getImport(queued.importID))).toMatchObject({ status: "done", total: 13, written: 13 });
  });

  it("delivers a job that throws again, up to the last attempt, and never rejects", async () => {
    const queue = Job.localQueue({ retryDelayMs: 1 });
    Job.useQueue(queue);
    const attempts: string[] = [];
    const flaky = Job.define("test.flaky", z.object({ n: z.number() }), async ({ n }, attempt) => {
      attempts.push(`${useActor().type} ${useTenant()} ${n}: ${attempt.number}${attempt.last ? " last" : ""}`);
      throw new Error("always");
    });
    await asAdmin(() => flaky.enqueue({ n: 7 }));
    await queue.drain();
    expect(attempts).toEqual(["user importtown 7: 1", "user importtown 7: 2", "user importtown 7: 3 last"]);
  });
});

describe("background grid export", () => {
  it("writes every active grid to the export's own file in the background, the same file however often it runs", async () => {
    const messages = heldQueue();
    const queued = await asAdmin(() => Grid.startExport());
    expect(queued).toEqual({
      exportID: expect.stringMatching(/^export_/),
      status: "queued",
      count: null,
      bytes: null,
      url: null,
      failure: null,
      startedAt: expect.any(String),
      finishedAt: null,
    });
    expect(messages).toEqual([{ kind: "grid.export", input: { exportID: queued.exportID }, actor: admin }]);
    await Job.run(messages[0], first);
    const done = await asAdmin(() => Grid.getExport(queued.exportID));
    // Delivered again once done: nothing is written again.
    await Job.run(messages[0], { number: 2, last: true });
    expect(await asAdmin(() => Grid.getExport(queued.exportID))).toMatchObject({ finishedAt: done.finishedAt, bytes: done.bytes });

    const active = (await GridEntity.query.primary({ tenantID: "importtown" }).go({ pages: "all" })).data.filter(
      (grid) => grid.status === "active",
    );
    expect(done).toMatchObject({ status: "done", count: active.length, failure: null });
    expect(done.url).toContain(`/exports/importtown/${queued.exportID}.geojson`);
    const download = await fetch(done.url!);
    const text = await download.text();
    expect(Buffer.byteLength(text)).toBe(done.bytes);
    const file = JSON.parse(text) as { features: { properties: { code: string } }[] };
    expect(file.features.map((entry) => entry.properties.code).sort()).toEqual(active.map((grid) => grid.code).sort());
  });
});
