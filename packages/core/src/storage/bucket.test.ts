import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { expect, it } from "vitest";
import { ensureBucket, s3, sweepExpired } from "./bucket.ts";

it("sweeps what the lifecycle would expire — pending uploads and exports after two days — and keeps photos", async () => {
  // A bucket of its own: the sweep must not reach other files' pending uploads.
  const Bucket = `wangge-sweep-${Date.now().toString(36)}`;
  await ensureBucket(Bucket);
  for (const Key of ["uploads/pending/jianyang/photo_1", "exports/jianyang/export_1.geojson", "photos/jianyang/ticket_1/p.jpg"])
    await s3().send(new PutObjectCommand({ Bucket, Key, Body: "x" }));
  const keys = async () => ((await s3().send(new ListObjectsV2Command({ Bucket }))).Contents ?? []).map((object) => object.Key).sort();
  // A day and a half on: nothing is due.
  expect(await sweepExpired(Date.now() + 36 * 3_600_000, Bucket)).toEqual({ "uploads/pending/": 0, "exports/": 0 });
  expect(await keys()).toHaveLength(3);
  // Two days and a minute on: the upload and the export go, the photo stays.
  expect(await sweepExpired(Date.now() + 48 * 3_600_000 + 60_000, Bucket)).toEqual({ "uploads/pending/": 1, "exports/": 1 });
  expect(await keys()).toEqual(["photos/jianyang/ticket_1/p.jpg"]);
  const photo = await s3().send(new GetObjectCommand({ Bucket, Key: "photos/jianyang/ticket_1/p.jpg" }));
  expect(await photo.Body!.transformToString()).toBe("x");
});
