/**
 * The smallest useful API function, the yardstick of `npm run bundle:api` (issue 19, item 1):
 * Hono under `hono/aws-lambda`, with the DynamoDB (document) and S3 clients every Wangge request
 * may need, created when the module loads as the API's are. Bundled exactly as the API is.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const s3 = new S3Client({});

const app = new Hono();
app.get("/api/health", (c) => c.json({ ok: true, clients: [typeof documents.send, typeof s3.send] }));
app.get("/api/items/:id", async (c) => {
  const { Item } = await documents.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: c.req.param("id"), sk: "item" } }));
  return Item ? c.json(Item) : c.json({ code: "not_found" }, 404);
});

export const handler = handle(app);
