import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

const table = { table: tableName(), client: documentClient() };

/**
 * A link of the party organisation chain (党组织体系), each serving one or more grids:
 * community/village committee (村/社区党支部·党委) → grid party group or branch (网格党小组·党支部)
 * → building party group (楼栋党小组) → party-member central household (党员中心户).
 */
export const PartyOrgEntity = new Entity(
  {
    model: { entity: "partyOrg", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      orgID: { type: "string", required: true, readOnly: true },
      kind: {
        type: ["community_committee", "grid_branch", "building_group", "central_household"] as const,
        required: true,
        readOnly: true,
      },
      name: { type: "string", required: true },
      /** "root" for a community committee. */
      parentOrgID: { type: "string", required: true, readOnly: true },
      path: { type: "list", items: { type: "string" }, required: true, readOnly: true },
      gridIDs: { type: "list", items: { type: "string" }, required: true },
      headName: { type: "string" },
      /** 楼栋长, 街巷长, 书记 … */
      headTitle: { type: "string" },
      members: { type: "number" },
      createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
      createdBy: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["orgID"] } },
      byParent: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "parentOrgID"] },
        sk: { field: "gsi1sk", composite: ["kind", "orgID"] },
      },
    },
  },
  table,
);

/** What is recorded against the chain: joint party-building meetings (党建联席会) and co-building projects claimed by units (共建项目). */
export const PartyRecordEntity = new Entity(
  {
    model: { entity: "partyRecord", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      recordID: { type: "string", required: true, readOnly: true },
      orgID: { type: "string", required: true, readOnly: true },
      kind: { type: ["joint_meeting", "co_building_project"] as const, required: true, readOnly: true },
      title: { type: "string", required: true },
      date: { type: "string", required: true },
      /** Units taking part in a meeting, or the unit(s) that claimed a project (认领). */
      units: { type: "list", items: { type: "string" }, required: true },
      status: { type: ["held", "claimed", "done"] as const, required: true },
      notes: { type: "string" },
      createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
      createdBy: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["recordID"] } },
      byOrg: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "orgID"] },
        sk: { field: "gsi1sk", composite: ["date", "recordID"] },
      },
      byKind: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["tenantID", "kind"] },
        sk: { field: "gsi2sk", composite: ["date", "recordID"] },
      },
    },
  },
  table,
);
