import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { useActor, withActor, type Actor } from "../actor.ts";
import * as Job from "./index.ts";

const admin: Actor = { type: "user", userID: "admin-j", tenantID: "jobtown", roles: ["district_admin"] };

afterEach(() => {
  delete process.env.JOBS_QUEUE_URL;
  Job.useQueue(undefined);
});

describe("jobs to SQS", () => {
  it("sends the job as the message body to the queue's URL, with the actor who queued it", async () => {
    const sent: { QueueUrl: string; MessageBody: string }[] = [];
    Job.useQueue(Job.sqsQueue("https://sqs.ap-southeast-1.amazonaws.com/123456789012/jobs", async (input) => sent.push(input)));
    const ping = Job.define("test.ping", z.object({ n: z.number() }), async () => {});
    await withActor(admin, () => ping.enqueue({ n: 1 }));
    expect(sent).toEqual([
      {
        QueueUrl: "https://sqs.ap-southeast-1.amazonaws.com/123456789012/jobs",
        MessageBody: JSON.stringify({ kind: "test.ping", input: { n: 1 }, actor: admin }),
      },
    ]);
  });

  it("is the queue when JOBS_QUEUE_URL is set, the process itself when not", () => {
    Job.useQueue(undefined);
    expect("drain" in Job.queue()).toBe(true);
    Job.useQueue(undefined);
    process.env.JOBS_QUEUE_URL = "https://sqs.ap-southeast-1.amazonaws.com/123456789012/jobs";
    expect("drain" in Job.queue()).toBe(false);
  });

  it("is never in-process on Lambda, where a function stops once it has replied", () => {
    Job.useQueue(undefined);
    process.env.AWS_LAMBDA_FUNCTION_NAME = "wangge-api";
    try {
      expect(() => Job.queue()).toThrow("JOBS_QUEUE_URL must be set on Lambda");
      process.env.JOBS_QUEUE_URL = "https://sqs.ap-southeast-1.amazonaws.com/123456789012/jobs";
      expect("drain" in Job.queue()).toBe(false);
    } finally {
      delete process.env.AWS_LAMBDA_FUNCTION_NAME;
    }
  });
});

describe("running a job", () => {
  it("runs under the actor who queued it, with its input parsed, and refuses a message it cannot trust", async () => {
    const seen: string[] = [];
    Job.define("test.who", z.object({ n: z.number().int() }), async ({ n }, attempt) => {
      const actor = useActor();
      seen.push(`${"userID" in actor ? actor.userID : actor.type} ${n} ${attempt.number}`);
    });
    await Job.run({ kind: "test.who", input: { n: 2 }, actor: admin }, { number: 1, last: false });
    expect(seen).toEqual(["admin-j 2 1"]);
    await expect(Job.run({ kind: "test.who", input: { n: 2.5 }, actor: admin }, { number: 1, last: false })).rejects.toThrow();
    await expect(
      Job.run(
        { kind: "test.who", input: { n: 2 }, actor: { type: "user", userID: "x", tenantID: "NOT A SLUG", roles: [] } },
        { number: 1, last: false },
      ),
    ).rejects.toThrow();
    await expect(Job.run({ kind: "test.nobody", input: {}, actor: admin }, { number: 1, last: false })).rejects.toThrow(
      "No job of kind test.nobody",
    );
    expect(() => Job.define("test.who", z.object({}), async () => {})).toThrow("Job kind test.who is defined twice");
    expect(seen).toHaveLength(1);
  });
});
