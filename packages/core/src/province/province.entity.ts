import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

/** A province (省): groups districts for the provincial admin's comparison. Platform-level. */
export const ProvinceEntity = new Entity(
  {
    model: { entity: "province", version: "1", service: "wangge" },
    attributes: {
      provinceID: { type: "string", required: true, readOnly: true },
      nameZh: { type: "string", required: true },
      nameEn: { type: "string", required: true },
      createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["provinceID"] },
        sk: { field: "sk", composite: [] },
      },
      directory: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: [] },
        sk: { field: "gsi2sk", composite: ["provinceID"] },
      },
    },
  },
  { table: tableName(), client: documentClient() },
);
