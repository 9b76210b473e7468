import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import type { Polygon } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { withActor, type Actor } from "../actor.ts";
import { onboardTestDistrict, rect } from "../onboarding/test-district.test-support.ts";
import { bucketName, s3 } from "../storage/bucket.ts";
import { documentClient } from "../storage/table.ts";
import * as Grid from "./index.ts";
import { forgetIndexes, indexFor } from "./locate-cache.ts";
import { GridIndex } from "./locate.ts";
import { pack, snapshotKey, unpack, type GridSnapshot } from "./snapshot.ts";

const tenantID = "snapville";
const admin: Actor = { type: "user", userID: "admin-1", tenantID, roles: ["district_admin"] };
const resident: Actor = { type: "user", userID: "res-1", tenantID, roles: ["resident"] };
const asAdmin = <T>(body: () => Promise<T>) => withActor(admin, body);
const asResident = <T>(body: () => Promise<T>) => withActor(resident, body);

/** The DynamoDB and S3 requests made while `body` runs, by command. */
async function requestsOf<T>(body: () => Promise<T>): Promise<{ result: T; dynamo: string[]; s3: string[] }> {
  const dynamo: string[] = [];
  const s3Requests: string[] = [];
  const name = `count-${Math.random().toString(36).slice(2)}`;
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      dynamo.push(context.commandName ?? "?");
      return next(args);
    },
    { step: "initialize", name },
  );
  s3().middlewareStack.add(
    (next, context) => async (args) => {
      s3Requests.push(context.commandName ?? "?");
      return next(args);
    },
    { step: "initialize", name },
  );
  try {
    return { result: await body(), dynamo, s3: s3Requests };
  } finally {
    documentClient().middlewareStack.remove(name);
    s3().middlewareStack.remove(name);
  }
}

/** Points over the district's squares (0–20 × 0–10 hundredths of a degree), and outside them. */
const samples = Array.from({ length: 120 }, (_, i) => ({
  lon: 118 + ((i % 12) * 2.1 - 1) / 100,
  lat: 27 + (Math.floor(i / 12) * 1.2 - 0.5) / 100,
}));

/** What locate answers at every sample: the grid's code, its ancestors' and dedicated grids' codes, or the error's code. */
const answers = () =>
  asResident(async () =>
    Promise.all(
      samples.map((point) =>
        Grid.locate(point).then(
          (hit) => [hit.grid.code, ...hit.ancestors.map((a) => a.code), "|", ...hit.dedicated.map((d) => d.code)].join(" "),
          (error: { code?: string }) => error.code ?? "error",
        ),
      ),
    ),
  );

async function snapshotBytes(): Promise<Uint8Array> {
  const object = await s3().send(new GetObjectCommand({ Bucket: bucketName(), Key: snapshotKey(tenantID) }));
  return object.Body!.transformToByteArray();
}

let east: Grid.Grid;

beforeAll(async () => {
  await onboardTestDistrict(tenantID, "snapland");
  await asAdmin(async () => {
    const west = await Grid.create({ code: "W", name: "西", tier: 1, boundary: rect(0, 0, 10, 10) });
    east = await Grid.create({ code: "E", name: "东", tier: 1, boundary: rect(10, 0, 20, 10) });
    await Grid.create({ code: "W-1", name: "西一", tier: 2, parentID: west.gridID, boundary: rect(0, 0, 5, 10) });
    await Grid.create({ code: "W-2", name: "西二", tier: 2, parentID: west.gridID, boundary: rect(5, 0, 10, 10) });
    await Grid.create({ code: "E-1", name: "东一", tier: 2, parentID: east.gridID, boundary: rect(10, 0, 20, 5) });
    await Grid.create({ code: "S", name: "学校", dedicatedKind: "school", parentID: west.gridID, boundary: rect(6, 6, 8, 8) });
  });
});

describe("the locate index's snapshot", () => {
  it("is written by the process that builds the index from the grids, and read by a cold one: one GetItem, one S3 GET, the same answers", async () => {
    forgetIndexes();
    const built = await requestsOf(answers);
    // Built from the grids: the stamp, the Query, the stamp again (consistently), then the snapshot written.
    expect(built.dynamo).toContain("QueryCommand");
    expect(built.s3).toContain("PutObjectCommand");
    expect(built.result.filter((answer) => answer.startsWith("W-2 W | S"))).not.toHaveLength(0);
    expect(built.result).toContain("grid.outside_district");

    forgetIndexes();
    const cold = await requestsOf(() => asResident(() => Grid.locate(samples[13])));
    expect(cold.dynamo).toEqual(["GetItemCommand"]);
    expect(cold.s3).toEqual(["GetObjectCommand"]);

    forgetIndexes();
    const fromSnapshot = await requestsOf(answers);
    expect(fromSnapshot.result).toEqual(built.result);
    // 120 locates at once on a cold instance: they wait for the one snapshot read, then each reads the stamp.
    expect(fromSnapshot.dynamo.every((command) => command === "GetItemCommand")).toBe(true);
    expect(fromSnapshot.s3).toEqual(["GetObjectCommand"]);
    const found = await asResident(() => Grid.search({ q: "W-" }));
    expect(found.items.map((grid) => grid.code)).toEqual(["W-1", "W-2"]);
    const { grids } = await asResident(() => indexFor());
    expect([...grids.values()].find((grid) => grid.code === "W-2")?.path).toHaveLength(1);
  });

  it("is passed over once a grid changes: the next cold locate answers with the new grid, and writes the new snapshot", async () => {
    forgetIndexes();
    await asResident(() => Grid.locate(samples[13]));
    const point = { lon: 118.15, lat: 27.08 }; // in E, outside E-1
    expect((await asResident(() => Grid.locate(point))).grid.code).toBe("E");

    await asAdmin(() => Grid.create({ code: "E-2", name: "东二", tier: 2, parentID: east.gridID, boundary: rect(10, 5, 20, 10) }));
    forgetIndexes(); // a cold instance, with the old snapshot in the bucket
    const after = await requestsOf(() => asResident(() => Grid.locate(point)));
    expect(after.result.grid.code).toBe("E-2");
    expect(after.dynamo).toContain("QueryCommand");
    expect(after.s3).toEqual(["GetObjectCommand", "PutObjectCommand"]);

    forgetIndexes();
    const next = await requestsOf(() => asResident(() => Grid.locate(point)));
    expect(next.result.grid.code).toBe("E-2");
    expect(next.dynamo).toEqual(["GetItemCommand"]);
    expect(next.s3).toEqual(["GetObjectCommand"]);

    // A warm process sees a change too, by the stamp alone.
    await asAdmin(() => Grid.update({ gridID: next.result.grid.gridID, status: "retired" }));
    const retired = await asResident(() => Grid.locate(point));
    expect(retired.grid.code).toBe("E");
  });

  it("is passed over when it is torn or altered: the grids are read instead, and the snapshot written again", async () => {
    const good = await snapshotBytes();
    const altered = good.slice();
    altered[altered.length - 40] ^= 0x01;
    for (const bad of [good.subarray(0, good.length - 100), altered, new TextEncoder().encode("not a snapshot")]) {
      await s3().send(new PutObjectCommand({ Bucket: bucketName(), Key: snapshotKey(tenantID), Body: bad }));
      forgetIndexes();
      const read = await requestsOf(answers);
      expect(read.dynamo).toContain("QueryCommand");
      expect(read.s3).toContain("PutObjectCommand");
      forgetIndexes();
      const again = await requestsOf(() => asResident(() => Grid.locate(samples[13])));
      expect(again.dynamo).toEqual(["GetItemCommand"]);
    }
  });
});

/** A rect's rings, for a MultiPolygon's part. */
const square = (x0: number, y0: number, x1: number, y1: number) => (rect(x0, y0, x1, y1) as Polygon).coordinates;

describe("packing", () => {
  const grids = [
    { gridID: "a", code: "A", name: "甲", tier: 1, path: [] },
    { gridID: "b", code: "B", name: "乙", tier: 2, path: ["a"] },
    { gridID: "c", code: "C", name: "丙", tier: null, path: ["gone"] },
  ];
  const index = GridIndex.build([
    { gridID: "a", level: 1, boundary: rect(0, 0, 10, 10) },
    {
      gridID: "b",
      level: 2,
      boundary: { type: "MultiPolygon", coordinates: [square(0, 0, 5, 5), square(5, 5, 10, 10)] },
    },
    { gridID: "c", level: null, boundary: rect(1, 1, 2, 2) },
  ]);
  const snapshot: GridSnapshot = {
    tenantID: "t",
    stamp: 7,
    updatedAt: "2026-12-06T10:00:00.000Z",
    index,
    grids: new Map(grids.map((g) => [g.gridID, g])),
  };
  const version = { tenantID: "t", stamp: 7, updatedAt: "2026-12-06T10:00:00.000Z" };

  it("unpacks what it packed, at any byte offset, with the same answers and the same grids", () => {
    const bytes = pack(snapshot);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    for (const input of [bytes, shifted.subarray(3)]) {
      const back = unpack(input, version)!;
      expect(back).not.toBeNull();
      expect([...back.grids.values()]).toEqual(grids);
      for (const [x, y] of [
        [1.5, 1.5],
        [3, 3],
        [7, 7],
        [7, 3],
        [11, 1],
      ])
        expect(back.index.locate(118 + x / 100, 27 + y / 100)).toEqual(index.locate(118 + x / 100, 27 + y / 100));
    }
  });

  it("refuses another stamp, another district, another time of change, and bytes torn or altered", () => {
    const bytes = pack(snapshot);
    expect(unpack(bytes, { ...version, stamp: 8 })).toBeNull();
    expect(unpack(bytes, { ...version, tenantID: "u" })).toBeNull();
    expect(unpack(bytes, { ...version, updatedAt: "2026-12-06T10:00:00.001Z" })).toBeNull();
    expect(unpack(bytes.subarray(0, bytes.length - 1), version)).toBeNull();
    expect(unpack(bytes.subarray(0, 20), version)).toBeNull();
    for (let at = 48; at < bytes.length; at += 37) {
      const altered = bytes.slice();
      altered[at] ^= 0x10;
      expect(unpack(altered, version)).toBeNull();
    }
  });
});
