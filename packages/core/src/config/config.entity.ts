import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

/**
 * One version of a district's configuration (配置版本): the whole settings as they were made,
 * who made them and when, which sections changed, and the version it restores if it is a
 * rollback. Written in the same transaction as the current configuration it snapshots; the
 * zero-padded version sorts them, so the newest is the last of the partition.
 */
export const ConfigVersionEntity = new Entity(
  {
    model: { entity: "configVersion", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      version: { type: "number", required: true, readOnly: true, padding: { length: 6, char: "0" } },
      /** The full DistrictSettings of this version. */
      settings: { type: "any", required: true, readOnly: true },
      createdAt: { type: "string", required: true, readOnly: true },
      createdBy: { type: "string", required: true, readOnly: true },
      /** The district user's name when a district user made it. */
      createdByName: { type: "string", readOnly: true },
      /** The sections that changed (`tiers`, `tickets` …): every section for the first version. */
      sections: { type: "list", items: { type: "string" }, required: true, readOnly: true },
      note: { type: "string", readOnly: true },
      /** The version whose settings this one restores. */
      rollbackOf: { type: "number", readOnly: true },
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["tenantID"] },
        sk: { field: "sk", composite: ["version"] },
      },
    },
  },
  { table: tableName(), client: documentClient() },
);

/** The district's current configuration (tiers, roles, mechanisms): one item beside the district. */
export const DistrictConfigEntity = new Entity(
  {
    model: { entity: "districtConfig", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      version: { type: "number", required: true },
      tiers: { type: "any", required: true },
      dedicatedKinds: { type: "any", required: true },
      roles: { type: "any", required: true },
      mechanisms: { type: "any", required: true },
      map: { type: "any" },
      tickets: { type: "any" },
      governance: { type: "any" },
      terms: { type: "any" },
      access: { type: "any" },
      register: { type: "any" },
      updatedAt: { type: "string", required: true },
      updatedBy: { type: "string", required: true },
    },
    indexes: {
      primary: {
        collection: "district",
        pk: { field: "pk", composite: ["tenantID"] },
        sk: { field: "sk", composite: [] },
      },
    },
  },
  { table: tableName(), client: documentClient() },
);

/** The entities a configuration change writes. */
export const configEntities = { districtConfig: DistrictConfigEntity, configVersion: ConfigVersionEntity };
