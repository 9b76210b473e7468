/**
 * Runs before each connected test file: points the core at the run's DynamoDB Local and
 * s3rver and gives the file a table of its own, so files run in parallel without sharing data.
 */
import { randomUUID } from "node:crypto";
import { inject } from "vitest";

process.env.DYNAMODB_ENDPOINT = inject("dynamoEndpoint");
process.env.S3_ENDPOINT = inject("s3Endpoint");
process.env.BUCKET_NAME = inject("bucketName");
process.env.TABLE_NAME = `test-${randomUUID().slice(0, 8)}`;
process.env.AWS_REGION = "cn-north-1";

const { ensureTable } = await import("../../packages/core/src/storage/table.ts");
await ensureTable();
