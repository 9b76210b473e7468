/**
 * `npm run fuzz`: the OpenAPI fuzz of `packages/api/src/fuzz.test.ts`, longer, against a stack of
 * its own (DynamoDB Local in memory, s3rver in a temporary folder, the demo seeded, the API in
 * local mode). Prints the requests per status, the rate, the slowest requests and, at the first
 * broken rule, fast-check's seed and the shrunk requests (exit code 1).
 *
 *   npm run fuzz                                  100,000 requests, a random seed
 *   npm run fuzz -- --runs 20000 --seed 42        fewer, a given seed
 *   npm run fuzz -- --concurrency 16
 *
 * A seed gives the same requests only for the same document and the same harvested ids; the
 * printed request is what reproduces a failure.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startDynamo, startS3 } from "./lib/local-stack.ts";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "100000" }, seed: { type: "string" }, concurrency: { type: "string", default: "32" } },
});
const requests = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(requests) || requests < 1 || !Number.isInteger(seed) || !Number.isInteger(concurrency) || concurrency < 1) {
  console.error("Usage: npm run fuzz -- [--runs N] [--seed S] [--concurrency C]");
  process.exit(2);
}

const folder = mkdtempSync(join(tmpdir(), "wangge-fuzz-"));
const [dynamo, s3] = await Promise.all([startDynamo({ heap: "2g" }), startS3({ directory: join(folder, "s3"), bucket: "wangge-fuzz" })]);
Object.assign(process.env, {
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  TABLE_NAME: "wangge-fuzz",
  S3_ENDPOINT: s3.endpoint,
  BUCKET_NAME: "wangge-fuzz",
  AWS_REGION: "cn-north-1",
  // One line per request would cost more than the requests; a 500 still logs.
  LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
});
let failed = false;
try {
  const { ensureTable } = await import("@wangge/core/storage/table");
  await ensureTable();
  // Every domain loaded, as in the API (the configuration's checks register when their modules load).
  await import("@wangge/core");
  const { startTestApi } = await import("./test/api.ts");
  const { fuzz, fuzzSetup, operationsOf, SignOutOperations } = await import("./test/fuzz.ts");
  process.stdout.write("Seeding the demo… ");
  const api = await startTestApi();
  console.log(`the API is at ${api.url}.`);
  try {
    const doc = (await api.call("GET", "/openapi.json")).body;
    const { tokens, context } = await fuzzSetup(api, doc);
    console.log(`Fuzzing ${requests} requests, seed ${seed}, ${concurrency} at a time…`);
    const progress = setInterval(() => process.stdout.write("."), 5000);
    try {
      const report = await fuzz({ url: api.url, doc, tokens, context, requests, seed, concurrency, last: SignOutOperations });
      const counts = operationsOf(doc).map((operation) => report.byOperation[operation.operationId] ?? 0);
      console.log(
        `\n${report.requests} requests in ${report.seconds.toFixed(1)} s: ${Math.round(report.requests / report.seconds)} requests/s`,
      );
      console.log("By status:");
      for (const [status, count] of Object.entries(report.byStatus)) console.log(`  ${status}  ${String(count).padStart(7)}`);
      console.log(`Operations: all ${counts.length}, each tried ${Math.min(...counts)} to ${Math.max(...counts)} times`);
      console.log("Slowest:");
      for (const slow of report.slowest) console.log(`  ${String(slow.ms).padStart(5)} ms  ${slow.status}  ${slow.request.slice(0, 160)}`);
      console.log("No 5xx; every error was problem+json (Open311's errors document on its routes).");
    } finally {
      clearInterval(progress);
    }
  } finally {
    await api.close();
  }
} catch (error) {
  failed = true;
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  console.error(`\nSeed ${seed}: npm run fuzz -- --runs ${requests} --seed ${seed}`);
} finally {
  await Promise.all([dynamo.stop(), s3.stop()]);
  rmSync(folder, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
