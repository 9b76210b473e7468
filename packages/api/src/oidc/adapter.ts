/**
 * oidc-provider's storage (sessions, interactions, codes, grants, refresh tokens) in the
 * project's one table: each model's item under `pk = oidc#<Model>#<id>`, found by interaction
 * uid (gsi1), grant (gsi2, to revoke a grant's tokens together) and user code (gsi3). `expiresAt`
 * (seconds) is the table's TTL attribute; DynamoDB removes expired items in its own time
 * (DynamoDB Local never does), so reads check it too. After panva/node-oidc-provider's example
 * adapters.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { Storage } from "@wangge/core";
import type { Adapter, AdapterPayload } from "oidc-provider";

const sortKey = "oidc";
/** The models a grant's revocation removes (tokens and codes; not the interaction or session that merely name the grant). */
const grantable = new Set(["AccessToken", "AuthorizationCode", "RefreshToken", "DeviceCode", "BackchannelAuthenticationRequest"]);
const keyOf = (model: string, id: string) => ({ pk: `oidc#${model}#${id}`, sk: sortKey });
const now = () => Math.floor(Date.now() / 1000);

interface Item {
  payload: AdapterPayload;
  expiresAt?: number;
}

const live = (item: Record<string, unknown> | undefined) => {
  const found = item as Item | undefined;
  if (!found || (found.expiresAt && found.expiresAt <= now())) return undefined;
  return found.payload;
};

export function dynamoAdapter(model: string): Adapter {
  const db = () => Storage.documentClient();
  const TableName = Storage.tableName();

  async function queryOne(index: string, partitionKey: string, value: string) {
    const result = await db().send(
      new QueryCommand({
        TableName,
        IndexName: index,
        KeyConditionExpression: "#pk = :value",
        ExpressionAttributeNames: { "#pk": partitionKey },
        ExpressionAttributeValues: { ":value": value },
        Limit: 1,
      }),
    );
    return live(result.Items?.[0]);
  }

  return {
    async upsert(id, payload, expiresIn) {
      await db().send(
        new PutCommand({
          TableName,
          Item: {
            ...keyOf(model, id),
            payload,
            ...(expiresIn ? { expiresAt: now() + expiresIn } : {}),
            ...(payload.uid ? { gsi1pk: `oidc#uid#${payload.uid}`, gsi1sk: sortKey } : {}),
            ...(payload.grantId && grantable.has(model) ? { gsi2pk: `oidc#grant#${payload.grantId}`, gsi2sk: `${model}#${id}` } : {}),
            ...(payload.userCode ? { gsi3pk: `oidc#userCode#${payload.userCode}`, gsi3sk: sortKey } : {}),
          },
        }),
      );
    },
    async find(id) {
      return live((await db().send(new GetCommand({ TableName, Key: keyOf(model, id), ConsistentRead: true }))).Item);
    },
    findByUid: (uid) => queryOne("gsi1", "gsi1pk", `oidc#uid#${uid}`),
    findByUserCode: (userCode) => queryOne("gsi3", "gsi3pk", `oidc#userCode#${userCode}`),
    async consume(id) {
      await db().send(
        new UpdateCommand({
          TableName,
          Key: keyOf(model, id),
          UpdateExpression: "SET payload.#consumed = :now",
          ExpressionAttributeNames: { "#consumed": "consumed" },
          ExpressionAttributeValues: { ":now": now() },
        }),
      );
    },
    async destroy(id) {
      await db().send(new DeleteCommand({ TableName, Key: keyOf(model, id) }));
    },
    async revokeByGrantId(grantId) {
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await db().send(
          new QueryCommand({
            TableName,
            IndexName: "gsi2",
            KeyConditionExpression: "gsi2pk = :grant",
            ExpressionAttributeValues: { ":grant": `oidc#grant#${grantId}` },
            ExclusiveStartKey,
          }),
        );
        for (const item of page.Items ?? []) await db().send(new DeleteCommand({ TableName, Key: { pk: item.pk, sk: item.sk } }));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
    },
  };
}
