import { Grid, Job, Storage, useActor, withActor } from "@wangge/core";
import type { Actor } from "@wangge/core/actor";
import { onboardTestDistrict, rect } from "@wangge/core/onboarding/test-district.test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { handler, type SQSEvent } from "./worker.ts";

const admin: Actor = { type: "user", userID: "admin-w", tenantID: "workertown", roles: ["district_admin"] };

/** An SQS record as Lambda hands it to the worker. */
const record = (messageId: string, body: unknown, receiveCount = 1): SQSEvent["Records"][number] => ({
  messageId,
  body: typeof body === "string" ? body : JSON.stringify(body),
  attributes: { ApproximateReceiveCount: String(receiveCount) },
});

const ran: string[] = [];
Job.define("test.note", z.object({ note: z.string() }), async ({ note }, attempt) => {
  const actor = useActor();
  ran.push(`${note} by ${"userID" in actor ? actor.userID : actor.type} (attempt ${attempt.number}${attempt.last ? ", last" : ""})`);
});
Job.define("test.broken", z.object({}), async () => {
  throw new Error("this job always fails");
});

let messages: Job.Message[] = [];
beforeAll(async () => {
  await Storage.ensureBucket();
  await onboardTestDistrict("workertown", "workerland");
  Job.useQueue({ send: async (message) => void messages.push(JSON.parse(JSON.stringify(message))) });
});
afterAll(() => Job.useQueue(undefined));

describe("the worker Lambda", () => {
  it("runs each message under the actor who queued it and reports only the failed messages", async () => {
    messages = [];
    const { uploadKey, url } = await withActor(admin, () => Grid.createUpload());
    const features = [{ type: "Feature", geometry: rect(0, 0, 4, 4), properties: { code: "Q", name: "网格Q", tier: 1 } }];
    for (let i = 0; i < 4; i++)
      features.push({
        type: "Feature",
        geometry: rect(i, 0, i + 1, 4),
        properties: { code: `Q-${i}`, name: `网格Q-${i}`, tier: 2, parentCode: "Q" } as never,
      });
    // Uploaded as the portal does: to the presigned URL.
    const put = await fetch(url, { method: "PUT", body: JSON.stringify({ type: "FeatureCollection", features }) });
    expect(put.status).toBe(200);
    const { importID } = await withActor(admin, () => Grid.importUpload({ uploadKey }));
    expect(messages).toHaveLength(1);

    const result = await handler({
      Records: [
        record("m-import", messages[0]),
        record("m-broken", { kind: "test.broken", input: {}, actor: admin }),
        record("m-note", { kind: "test.note", input: { note: "hello" }, actor: admin }, 3),
        record("m-not-json", "{ nope"),
        record("m-unknown", { kind: "test.nobody", input: {}, actor: admin }),
        record("m-no-actor", { kind: "test.note", input: { note: "who?" } }),
      ],
    });
    expect(result).toEqual({
      batchItemFailures: [
        { itemIdentifier: "m-broken" },
        { itemIdentifier: "m-not-json" },
        { itemIdentifier: "m-unknown" },
        { itemIdentifier: "m-no-actor" },
      ],
    });
    expect(ran).toEqual(["hello by admin-w (attempt 3, last)"]);
    expect(await withActor(admin, () => Grid.getImport(importID))).toMatchObject({ status: "done", total: 5, written: 5, failure: null });
  });
});
