/**
 * `npm run bench:demo`: the whole demo as a first `npm start` makes it, on a fresh DynamoDB
 * Local keeping its data on disk (as `npm start` does): the base (districts, Jianyang's grids,
 * people and party chain, Shaowu and Wuyishan), then the year (Jianyang's mechanisms beside the
 * three districts' tickets). Prints each part's time, the year's transactions per second, and,
 * measured side by side on the same DynamoDB Local, the rate of bare transactions of a ticket
 * transition's size (the ceiling DynamoDB Local allows: it runs one transaction at a time).
 * Target: all of it within 6 minutes; the year at ≥ 0.6 of the bare rate. `BENCH_SHORT=1`:
 * the small year (`seedDemoYear({ small: true })`, as the tests use) and 200 bare transactions
 * each side; the 6 minutes are then not measured.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { useBenchRegisterKey } from "./register-key.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDynamo, startS3 } from "../lib/local-stack.ts";
import { record, short } from "./report.ts";

const folder = mkdtempSync(join(tmpdir(), "wangge-bench-demo-"));
// s3rver as `npm start` runs it: locating a report reads and writes the district's packed grid index there.
const [dynamo, s3rver] = await Promise.all([startDynamo({ dbPath: folder }), startS3({ directory: join(folder, "s3"), bucket: "demo" })]);
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
process.env.TABLE_NAME = "demo";
process.env.S3_ENDPOINT = s3rver.endpoint;
process.env.BUCKET_NAME = "demo";
useBenchRegisterKey();
const seconds = (since: number) => (performance.now() - since) / 1000;
try {
  const { Storage } = await import("@wangge/core");
  const Demo = await import("@wangge/core/demo/index");
  const { TransactWriteCommand } = await import("@aws-sdk/lib-dynamodb");
  await Storage.ensureTable();
  const counts = Demo.countRequests();

  /** Bare transactions of a ticket transition's size (1 update, 2 puts, 21 counter adds) at `concurrency`. */
  async function bareRate(count: number, concurrency: number) {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const n = next++;
          await Storage.documentClient().send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: { TableName: "demo", Item: { pk: `bench#${n}`, sk: "ticket", seq: 1 } } },
                { Put: { TableName: "demo", Item: { pk: `bench#${n}`, sk: "timeline#1", at: new Date().toISOString() } } },
                { Put: { TableName: "demo", Item: { pk: `bench#${n}`, sk: "note", at: new Date().toISOString() } } },
                ...Array.from({ length: 21 }, (_, c) => ({
                  Update: {
                    TableName: "demo",
                    Key: { pk: `benchcounter#${c}`, sk: `period#${n % 12}` },
                    UpdateExpression: "ADD #c :one",
                    ExpressionAttributeNames: { "#c": "collected" },
                    ExpressionAttributeValues: { ":one": 1 },
                  },
                })),
              ],
            }),
          );
        }
      }),
    );
    return count / seconds(started);
  }

  const bareCount = short ? 200 : 600;
  const before = await bareRate(bareCount, 16);
  console.log(`bare transactions (24 items, c=16): ${before.toFixed(0)}/s`);

  const started = performance.now();
  await Demo.seed();
  let t = performance.now();
  await Demo.seedJianyangGrids();
  console.log(`Jianyang's grids, people, party chain: ${seconds(t).toFixed(1)} s`);
  t = performance.now();
  await Demo.seedFujianDistricts();
  console.log(`Shaowu and Wuyishan (grids, people): ${seconds(t).toFixed(1)} s`);
  const base = seconds(started);

  const stepTimes = new Map<string, number>();
  const yearStarted = performance.now();
  const transactionsBefore = counts.transactions;
  const requestsBefore = counts.requests;
  let shown = 0;
  const progress = new Map<string, { done: number; total: number }>();
  Demo.onProgress((update) => {
    progress.set(update.step, update);
    if (update.done === update.total) stepTimes.set(update.step, seconds(yearStarted));
    if (performance.now() - shown > 15_000) {
      shown = performance.now();
      const done = [...progress.values()].reduce((sum, entry) => sum + entry.done, 0);
      const total = [...progress.values()].reduce((sum, entry) => sum + entry.total, 0);
      console.log(
        `  ${seconds(yearStarted).toFixed(0)} s: ${done}/${total} items, ${((counts.transactions - transactionsBefore) / seconds(yearStarted)).toFixed(0)} transactions/s`,
      );
    }
  });
  await Demo.seedDemoYear({ small: short });
  const year = seconds(yearStarted);
  const transactions = counts.transactions - transactionsBefore;
  for (const [step, at] of stepTimes) console.log(`  ${step.padEnd(22)} done at ${at.toFixed(0)} s`);
  const after = await bareRate(bareCount, 16);
  const bare = (before + after) / 2;
  const rate = transactions / year;
  const total = seconds(started);
  record({
    bench: "bench:demo",
    name: short ? "The demo's base and small year" : "The whole demo",
    value: total,
    unit: "s",
    note: `base ${base.toFixed(0)} s, year ${year.toFixed(0)} s`,
    target: short ? undefined : { kind: "at-most", at: 360 },
  });
  record({
    bench: "bench:demo",
    name: "The year's transactions per second vs bare transactions of a transition's size",
    value: rate / bare,
    unit: "×",
    note: `${rate.toFixed(0)}/s vs ${bare.toFixed(0)}/s, c=16`,
    target: { kind: "at-least", at: 0.6 },
  });
  console.log(`
base            ${base.toFixed(0)} s
year            ${year.toFixed(0)} s: ${transactions} transactions (${rate.toFixed(0)}/s), ${counts.requests - requestsBefore} requests
whole demo      ${total.toFixed(0)} s (${(total / 60).toFixed(1)} min; target ≤ 6 min: ${total <= 360 ? "PASS" : "FAIL"})
bare rate       ${bare.toFixed(0)}/s (before ${before.toFixed(0)}, after ${after.toFixed(0)})
ratio           ${(rate / bare).toFixed(2)} of the bare rate (target ≥ 0.6: ${rate / bare >= 0.6 ? "PASS" : "FAIL"})`);
} finally {
  await s3rver.stop();
  await dynamo.stop();
  rmSync(folder, { recursive: true, force: true });
}
