/**
 * Starts the embedded stack once for the whole test run: DynamoDB Local in memory and
 * s3rver in a temporary folder, both on free ports. Suites reach them through `inject`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startDynamo, startS3 } from "../lib/local-stack.ts";

export const TestBucket = "wangge-test";

export default async function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), "wangge-s3-"));
  const [dynamo, s3] = await Promise.all([startDynamo({ heap: "4g" }), startS3({ directory: folder, bucket: TestBucket })]);
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("s3Endpoint", s3.endpoint);
  project.provide("bucketName", TestBucket);
  return async () => {
    await Promise.all([dynamo.stop(), s3.stop()]);
    rmSync(folder, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
    bucketName: string;
  }
}
