/**
 * Starts the embedded stack once for the whole test run: DynamoDB Local in memory and
 * s3rver in a temporary folder, both on free ports. Suites reach them through `inject`.
 *
 * When the run holds browser tests (`web/e2e/`), it also builds the portal for them, in the
 * background while other files run (see `prepare.ts`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { root, viteBin } from "../lib/env.ts";
import { startDynamo, startS3 } from "../lib/local-stack.ts";
import { markWhenDone, runJob, type Prepared } from "./prepare.ts";

export const TestBucket = "wangge-test";

const browserTests = join(root, "web", "e2e") + "/";

export default async function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), "wangge-test-"));
  const [dynamo, s3] = await Promise.all([startDynamo({ heap: "4g" }), startS3({ directory: join(folder, "s3"), bucket: TestBucket })]);
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("s3Endpoint", s3.endpoint);
  project.provide("bucketName", TestBucket);

  // What this run's files need. In watch mode any file may come later, so everything.
  const files = project.vitest.state.getPaths();
  const needed = (test: (file: string) => boolean) => project.vitest.config.watch || files.length === 0 || files.some(test);
  const background: { done: Promise<void>; stop(): void }[] = [];

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

  return async () => {
    for (const job of background) job.stop();
    await Promise.all(background.map((job) => job.done));
    await Promise.all([dynamo.stop(), s3.stop()]);
    rmSync(folder, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
    bucketName: string;
    /** The portal built with `VITE_API_URL=/api`, when browser tests are part of the run. */
    portal: Prepared | null;
  }
}
