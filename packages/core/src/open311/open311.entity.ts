import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

const table = { table: tableName(), client: documentClient() };

/**
 * An Open311 API key of a district: an outside app (a city app, a hotline's system) that
 * reports tickets through GeoReport v2. Only the SHA-256 of the key is stored, so a key is
 * found by hashing what the caller sends and is shown in plain text once, when created.
 * Tickets it reports are recorded under the reporter `open311:<keyID>`.
 */
export const ApiKeyEntity = new Entity(
  {
    model: { entity: "open311ApiKey", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      /** Hex SHA-256 of the plaintext key. */
      keyHash: { type: "string", required: true, readOnly: true },
      keyID: { type: "string", required: true, readOnly: true },
      /** Who the key was issued to, e.g. "建阳市民通 app". */
      label: { type: "string", required: true },
      createdAt: { type: "string", required: true, readOnly: true },
      createdBy: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      /** Verifying a key: one read by its hash. */
      primary: { pk: { field: "pk", composite: ["tenantID", "keyHash"] }, sk: { field: "sk", composite: [] } },
      /** A district's keys, for its admins to list and revoke. */
      byTenant: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID"] },
        sk: { field: "gsi1sk", composite: ["keyID"] },
      },
    },
  },
  table,
);
