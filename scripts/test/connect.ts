/**
 * Runs before each connected test file and points the core at the run's stack. A file gets a
 * table of its own on the run's DynamoDB Local, so files run in parallel without sharing data.
 *
 * A file named `*.seeded.test.ts` starts instead from the seeded base (the demo with Jianyang's
 * 3,861 grids and 6,301 people, seeded once per run by the global setup): its own copy of that
 * data, gone when the file ends, served by the one DynamoDB Local the run keeps for such copies
 * (a JVM started once and warm, rather than a cold one per file).
 */
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, inject } from "vitest";
import { isSeededFile, waitUntilReady } from "./prepare.ts";

process.env.S3_ENDPOINT = inject("s3Endpoint");
process.env.BUCKET_NAME = inject("bucketName");
process.env.AWS_REGION = "cn-north-1";
process.env.REGISTER_KEY_FILE = inject("registerKeyFile");

/** The database file of a DynamoDB Local run with `-sharedDb`, as the seeded base's is. */
const SharedDatabase = "shared-local-instance.db";

/** `*.faults.test.ts`: the stores behind proxies the file may take down and bring back (fault-proxy.ts). */
const withFaults = /\.faults\.test\.ts$/.test(expect.getState().testPath ?? "");

if (isSeededFile(expect.getState().testPath ?? "")) await useSeededBase();
else await useOwnTable();
// Every domain loaded, as in the API: the configuration's checks are registered by the domains
// above it when their modules load (packages/core/src/config/domains.ts).
await import("../../packages/core/src/index.ts");

async function useOwnTable() {
  process.env.DYNAMODB_ENDPOINT = inject("dynamoEndpoint");
  process.env.TABLE_NAME = `test-${randomUUID().slice(0, 8)}`;
  if (withFaults) {
    // Before any client is made: every call of the file goes through the proxies.
    const { keepFaultProxies, startFaultProxy } = await import("./fault-proxy.ts");
    const dynamo = await startFaultProxy(process.env.DYNAMODB_ENDPOINT);
    const s3 = await startFaultProxy(process.env.S3_ENDPOINT!);
    process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
    process.env.S3_ENDPOINT = s3.endpoint;
    keepFaultProxies({ dynamo, s3 });
  }
  const { ensureTable } = await import("../../packages/core/src/storage/table.ts");
  await ensureTable();

  // Each file's table goes when the file is done: an in-memory run would otherwise hold every one.
  afterAll(async () => {
    const { DeleteTableCommand } = await import("@aws-sdk/client-dynamodb");
    const { documentClient, tableName } = await import("../../packages/core/src/storage/table.ts");
    await documentClient()
      .send(new DeleteTableCommand({ TableName: tableName() }))
      .catch(() => undefined);
  });
}

async function useSeededBase() {
  const base = inject("seededBase");
  if (!base) throw new Error("No seeded base in this run: the global setup prepares it only for files named *.seeded.test.ts.");
  await waitUntilReady(base, "The seeded base (the demo with Jianyang's grids)");
  // The run's DynamoDB Local for seeded copies keeps one database per access key and region, in a
  // file `<key>_<region>.db`: this file's copy of the base, under a key of its own.
  const key = `seeded${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const copy = join(base.copies, `${key}_${process.env.AWS_REGION}.db`);
  mkdirSync(base.copies, { recursive: true });
  const files = readdirSync(base.folder).filter((name) => name.startsWith(SharedDatabase));
  if (!files.includes(SharedDatabase)) throw new Error(`The seeded base has no ${SharedDatabase} in ${base.folder}`);
  for (const name of files) copyFileSync(join(base.folder, name), `${copy}${name.slice(SharedDatabase.length)}`);
  process.env.DYNAMODB_ENDPOINT = readFileSync(base.endpointFile, "utf8");
  process.env.DYNAMODB_LOCAL_KEY = key;
  process.env.TABLE_NAME = base.table;
  /** Tells `startTestApi` that the demo is already there. */
  process.env.WANGGE_TEST_BASE = "seeded";

  // The copy goes with the file (the global teardown removes any a failed file leaves).
  afterAll(() => {
    for (const name of files) rmSync(`${copy}${name.slice(SharedDatabase.length)}`, { force: true });
  });
}
