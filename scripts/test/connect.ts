/**
 * Runs before each connected test file and points the core at the run's stack. A file gets a
 * table of its own on the run's DynamoDB Local, so files run in parallel without sharing data.
 *
 * A file named `*.seeded.test.ts` starts instead from the seeded base (the demo with Jianyang's
 * 3,861 grids and 6,301 people, seeded once per run by the global setup): its own DynamoDB Local
 * on its own copy of that data, gone when the file ends.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import type { Socket } from "node:net";
import { join } from "node:path";
import { afterAll, expect, inject } from "vitest";
import { isSeededFile, waitUntilReady } from "./prepare.ts";

process.env.S3_ENDPOINT = inject("s3Endpoint");
process.env.BUCKET_NAME = inject("bucketName");
process.env.AWS_REGION = "cn-north-1";
process.env.REGISTER_KEY_FILE = inject("registerKeyFile");

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
  const copy = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "wangge-seeded-"));
  cpSync(base.folder, copy, { recursive: true });
  const { startDynamo } = await import("../lib/local-stack.ts");
  const dynamo = await startDynamo({ dbPath: copy });
  const watchdog = removeWhenGone(copy);
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.TABLE_NAME = base.table;
  /** Tells `startTestApi` that the demo is already there. */
  process.env.WANGGE_TEST_BASE = "seeded";

  afterAll(async () => {
    await dynamo.stop();
    rmSync(copy, { recursive: true, force: true });
    watchdog.disarm();
  });
}

/**
 * The file's `afterAll` does not run when the file fails to import, nor when its worker is
 * killed: a small watchdog then stops the copy's JVM and removes the copy. It waits for this
 * process's end of a pipe to close (as it does however the process ends), unless told first
 * that all is done.
 */
function removeWhenGone(copy: string) {
  // The JVM is the process whose command line names the copy (a fresh temporary folder).
  const jvm = existsSync("/proc")
    ? readdirSync("/proc").find((pid) => /^\d+$/.test(pid) && readCommandLine(pid).includes(`-dbPath\0${copy}\0`))
    : undefined;
  const script = 'read -r line; [ "$line" = done ] || { [ -n "$1" ] && kill -9 "$1"; }; rm -rf "$2"';
  const child = spawn("sh", ["-c", script, "watchdog", jvm ?? "", copy], { stdio: ["pipe", "ignore", "ignore"] });
  child.unref();
  (child.stdin as Socket).unref();
  return { disarm: () => child.stdin.end("done\n") };
}

function readCommandLine(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}
