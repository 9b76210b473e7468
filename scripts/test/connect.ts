/**
 * Runs before each connected test file: points the core at the run's DynamoDB Local and
 * s3rver and gives the file a table of its own, so files run in parallel without sharing data.
 */
import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";

process.env.DYNAMODB_ENDPOINT = inject("dynamoEndpoint");
process.env.S3_ENDPOINT = inject("s3Endpoint");
process.env.BUCKET_NAME = inject("bucketName");
process.env.TABLE_NAME = `test-${randomUUID().slice(0, 8)}`;
process.env.AWS_REGION = "cn-north-1";

const { ensureTable } = await import("../../packages/core/src/storage/table.ts");
await ensureTable();

// Each file's table goes when the file is done: an in-memory run would otherwise hold every one.
afterAll(async () => {
  const { DeleteTableCommand } = await import("@aws-sdk/client-dynamodb");
  const { documentClient, tableName } = await import("../../packages/core/src/storage/table.ts");
  await documentClient().send(new DeleteTableCommand({ TableName: tableName() })).catch(() => undefined);
});
