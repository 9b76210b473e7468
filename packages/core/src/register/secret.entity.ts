import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

/**
 * A district's lookup secret (查询密钥): the 32 random bytes its keyed lookup hashes are made
 * with (`protect.ts` `lookupHash`), one item per district, written once on its first use and
 * never changed. `sealed` is an AWS Encryption SDK message (base64) under the register's
 * keyring, bound to the district: the item never holds the secret in clear.
 */
export const LookupSecretEntity = new Entity(
  {
    model: { entity: "registerLookupSecret", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      sealed: { type: "string", required: true, readOnly: true },
      createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["tenantID"] },
        sk: { field: "sk", composite: [] },
      },
    },
  },
  { table: tableName(), client: documentClient() },
);
