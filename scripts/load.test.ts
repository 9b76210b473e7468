import { describe, expect, it } from "vitest";
import { report, runLoad } from "./load/run.ts";

describe("npm run load --short", () => {
  it("drives every kind of request without an error, and the API's memory does not keep growing", async () => {
    // The file's own table and the run's s3rver; fewer connections than the CLI's 10, so that every
    // connection goes round the whole cycle of requests even on a busy CI machine.
    const result = await runLoad({
      duration: 10,
      connections: 3,
      stack: {
        dynamoEndpoint: process.env.DYNAMODB_ENDPOINT!,
        table: process.env.TABLE_NAME!,
        s3Endpoint: process.env.S3_ENDPOINT!,
        bucket: process.env.BUCKET_NAME!,
      },
    });
    const figures = report(result);
    expect(result.errors, figures).toBe(0);
    for (const kind of result.kinds) expect(kind.responses, `${kind.kind}\n${figures}`).toBeGreaterThan(0);
    expect(result.memory.samples.length, figures).toBeGreaterThan(3);
    // Generous: 24 MB or a quarter of the heap after a forced collection, where a leak of a
    // response or a ticket per request would add far more over the run's thousands of requests.
    expect(result.memory.growing, figures).toBe(false);
  }, 60_000);
});
