import { describe, expect, it } from "vitest";
import { report, runLoad, Short } from "./load/run.ts";

describe("npm run load --short", () => {
  it("drives every kind of request without an error, and the API's memory does not keep growing", async () => {
    // `--short`, on the file's own table and the run's s3rver.
    const result = await runLoad({
      ...Short,
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
    // Generous: the live heap may grow 16 MB (or a quarter); about 3 MB of compiled code comes in a
    // run, and a leak of 200 KB a request fails it.
    expect(result.memory.growing, figures).toBe(false);
  }, 60_000);
});
