import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
} from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

import { TableKeys } from "./keys.ts";
import { region, StoreTimeouts } from "./region.ts";

export { TableKeys };

export function tableName(): string {
  return process.env.TABLE_NAME ?? "wangge";
}

function clientConfig() {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  return {
    // The environment's or the profile's region, else the one default (storage/region.ts).
    region,
    // A store that stops answering fails the request in bounded time (503 storage.unavailable), never hangs it.
    requestHandler: StoreTimeouts,
    // DynamoDB Local; DYNAMODB_LOCAL_KEY picks a database where it keeps one per key (the test run's seeded copies).
    ...(endpoint ? { endpoint, credentials: { accessKeyId: process.env.DYNAMODB_LOCAL_KEY ?? "local", secretAccessKey: "local" } } : {}),
  };
}

let client: DynamoDBDocumentClient | undefined;

/** The document client every entity shares (DynamoDB Local when DYNAMODB_ENDPOINT is set). */
export function documentClient(): DynamoDBDocumentClient {
  client ??= DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig()), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return client;
}

export function tableDefinition(name = tableName()): CreateTableCommandInput {
  const attributes = ([TableKeys.partitionKey, TableKeys.sortKey] as string[]).concat(
    TableKeys.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  );
  return {
    TableName: name,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: attributes.map((AttributeName) => ({ AttributeName, AttributeType: "S" })),
    KeySchema: [
      { AttributeName: TableKeys.partitionKey, KeyType: "HASH" },
      { AttributeName: TableKeys.sortKey, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: TableKeys.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: "HASH" },
        { AttributeName: index.sortKey, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    })),
  };
}

/** Creates the table if it is missing (local stack and tests; on AWS the infra owns it). Returns true if created. */
export async function ensureTable(name = tableName()): Promise<boolean> {
  const dynamo = documentClient();
  try {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: name }));
    // A table kept from an older version: add the indexes it lacks.
    const have = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    const definition = tableDefinition(name);
    for (const index of definition.GlobalSecondaryIndexes!.filter((index) => !have.has(index.IndexName))) {
      await dynamo.send(
        new UpdateTableCommand({
          TableName: name,
          AttributeDefinitions: definition.AttributeDefinitions!.filter((attribute) =>
            index.KeySchema!.some((key) => key.AttributeName === attribute.AttributeName),
          ),
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      );
    }
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await dynamo.send(new CreateTableCommand(tableDefinition(name)));
  await dynamo.send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { AttributeName: TableKeys.timeToLive, Enabled: true },
    }),
  );
  return true;
}

/** Reachability of the table, for the health check. */
export async function describeTable(name = tableName()) {
  const result = await documentClient().send(new DescribeTableCommand({ TableName: name }));
  return { name, status: result.Table?.TableStatus ?? "UNKNOWN", items: result.Table?.ItemCount ?? 0 };
}
