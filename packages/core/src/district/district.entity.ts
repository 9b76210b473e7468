import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";
import { DistrictConfigEntity } from "../config/config.entity.ts";
import { collectionOf } from "../storage/transaction.ts";

/**
 * A district (区/县): the tenant. Its slug is the tenant ID and the first composite
 * of every partition key of every district-scoped entity.
 *
 * Two indexes are platform-level directories, not tenant data: `byProvince` (the
 * provincial admin's list of districts) and `directory` (the operator's list).
 */
export const DistrictEntity = new Entity(
  {
    model: { entity: "district", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      nameZh: { type: "string", required: true },
      nameEn: { type: "string", required: true },
      provinceID: { type: "string", required: true, readOnly: true },
      cityZh: { type: "string", required: true },
      cityEn: { type: "string", required: true },
      status: { type: ["active", "suspended"] as const, required: true, default: "active" },
      createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
      createdBy: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      primary: {
        collection: "district",
        pk: { field: "pk", composite: ["tenantID"] },
        sk: { field: "sk", composite: [] },
      },
      byProvince: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["provinceID"] },
        sk: { field: "gsi1sk", composite: ["tenantID"] },
      },
      directory: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: [] },
        sk: { field: "gsi2sk", composite: ["tenantID"] },
      },
    },
  },
  { table: tableName(), client: documentClient() },
);

/** A district with its configuration in one Query (the `district` collection). */
export const DistrictCollection = collectionOf({ district: DistrictEntity, districtConfig: DistrictConfigEntity });
