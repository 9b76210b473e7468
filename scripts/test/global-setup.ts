/**
 * Starts the embedded stack once for the whole test run: DynamoDB Local in memory and
 * s3rver in a temporary folder, both on free ports. Suites reach them through `inject`.
 *
 * When the run holds files that need them, it also prepares, in the background while other files
 * run: the portal's build for the browser tests (`web/e2e/`), and the seeded base for the files
 * named `*.seeded.test.ts` (see `prepare.ts` and `connect.ts`); and it starts the one Chromium
 * the browser tests share (`browser.ts`).
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { root, viteBin } from "../lib/env.ts";
import { startDynamo, startS3, type Service } from "../lib/local-stack.ts";
import { startBrowserServer } from "./browser.ts";
import { isSeededFile, markWhenDone, runJob, type Job, type Prepared } from "./prepare.ts";

export const TestBucket = "wangge-test";

/** The seeded base's table. */
export const SeededTable = "wangge-seeded";

const browserTests = `${join(root, "web", "e2e")}/`;

export default async function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), "wangge-test-"));
  const [dynamo, s3] = await Promise.all([startDynamo({ heap: "4g" }), startS3({ directory: join(folder, "s3"), bucket: TestBucket })]);
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("s3Endpoint", s3.endpoint);
  project.provide("bucketName", TestBucket);
  // The grid register's local key (core's register/protect.ts): one for the run, in its folder.
  const registerKeyFile = join(folder, "register.key");
  writeFileSync(registerKeyFile, randomBytes(32), { mode: 0o600 });
  project.provide("registerKeyFile", registerKeyFile);

  // What this run's files need. In watch mode any file may come later, so everything.
  const files = project.vitest.state.getPaths();
  const needed = (test: (file: string) => boolean) => project.vitest.config.watch || files.length === 0 || files.some(test);
  const background: { done: Promise<void>; stop(): void }[] = [];
  /** What stops with the run's stores, once the background jobs are done. */
  const stopLast: (() => Promise<void> | undefined)[] = [];

  let portal: Prepared | null = null;
  if (needed((file) => file.startsWith(browserTests))) {
    portal = { folder: join(folder, "portal"), ready: join(folder, "portal.ready") };
    const build = runJob(process.execPath, [viteBin(), "build", "--outDir", portal.folder, "--emptyOutDir"], {
      cwd: join(root, "web"),
      env: { ...process.env, VITE_API_URL: "/api" },
    });
    background.push({ done: markWhenDone(portal, build.done), stop: build.stop });
  }
  project.provide("portal", portal);
  const browser = portal ? await startBrowserServer() : null;
  project.provide("browserEndpoint", browser?.wsEndpoint() ?? null);
  if (browser) stopLast.push(() => browser.close());

  let seeded: SeededBase | null = null;
  let shm: string | undefined;
  if (needed(isSeededFile)) {
    shm = existsSync("/dev/shm") ? mkdtempSync("/dev/shm/wangge-test-") : undefined;
    const copies = join(shm ?? folder, "copies");
    seeded = {
      folder: join(shm ?? folder, "seeded"),
      ready: join(folder, "seeded.ready"),
      table: SeededTable,
      copies,
      endpointFile: join(folder, "copies.endpoint"),
    };
    const seeding = seedBase(seeded.folder, { S3_ENDPOINT: s3.endpoint, BUCKET_NAME: TestBucket, REGISTER_KEY_FILE: registerKeyFile });
    // Then the one DynamoDB Local that serves every seeded file's copy, each behind its own key (connect.ts).
    let copiesDynamo: Service | undefined;
    const { endpointFile } = seeded;
    const serving = seeding.done.then(async () => {
      copiesDynamo = await startDynamo({ dbPath: copies, perKey: true, heap: "2g" });
      writeFileSync(endpointFile, copiesDynamo.endpoint);
    });
    background.push({ done: markWhenDone(seeded, serving), stop: seeding.stop });
    stopLast.push(() => copiesDynamo?.stop());
  }
  project.provide("seededBase", seeded);

  return async () => {
    for (const job of background) job.stop();
    await Promise.all(background.map((job) => job.done));
    await Promise.all([dynamo.stop(), s3.stop(), ...stopLast.map((stop) => stop())]);
    rmSync(folder, { recursive: true, force: true });
    if (shm) rmSync(shm, { recursive: true, force: true });
  };
}

/**
 * The seeded base: a DynamoDB Local on `folder` that a child process fills with the demo and
 * Jianyang's grids (`seed-base.ts`), then stopped, so that its data folder can be copied.
 */
function seedBase(folder: string, env: Record<string, string>): Job {
  let stopped = false;
  let dynamo: Service | undefined;
  let seed: Job | undefined;
  const done = (async () => {
    dynamo = await startDynamo({ dbPath: folder, heap: "2g" });
    try {
      if (stopped) throw new Error("stopped");
      seed = runJob(process.execPath, ["--import", "tsx", join(import.meta.dirname, "seed-base.ts")], {
        cwd: root,
        env: {
          ...process.env,
          ...env,
          DYNAMODB_ENDPOINT: dynamo.endpoint,
          TABLE_NAME: SeededTable,
          AWS_REGION: "cn-north-1",
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        },
      });
      await seed.done;
    } finally {
      await dynamo.stop();
    }
  })();
  return {
    done,
    stop() {
      stopped = true;
      seed?.stop();
    },
  };
}

/**
 * The seeded base (`folder`, a DynamoDB Local data folder holding `table`) and the one DynamoDB
 * Local that serves the seeded files' copies of it: one database per access key, a file
 * `<key>_<region>.db` in `copies`; started once the base is ready, its endpoint then written in
 * `endpointFile` (see connect.ts).
 */
export interface SeededBase extends Prepared {
  table: string;
  copies: string;
  endpointFile: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
    bucketName: string;
    /** The register's raw AES key for the run (REGISTER_KEY_FILE): the seeded base and every file share it. */
    registerKeyFile: string;
    /** The portal built with `VITE_API_URL=/api`, when browser tests are part of the run. */
    portal: Prepared | null;
    /** The run's Chromium (a Playwright browser server) to connect to, when browser tests are part of the run. */
    browserEndpoint: string | null;
    /** The seeded base's data folder and table, when seeded files are part of the run. */
    seededBase: SeededBase | null;
  }
}
