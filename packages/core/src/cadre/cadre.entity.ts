import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

const table = { table: tableName(), client: documentClient() };

/** A home unit (派出单位): a government body or state enterprise that seconds cadres to the grids. */
export const HomeUnitEntity = new Entity(
  {
    model: { entity: "homeUnit", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      unitID: { type: "string", required: true, readOnly: true },
      name: { type: "string", required: true },
      kind: { type: ["government", "state_enterprise", "other"] as const, required: true },
      createdAt: { type: "string", required: true, readOnly: true },
      createdBy: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["unitID"] } },
    },
  },
  table,
);

/**
 * A cadre's secondment (常态化下沉): one cadre of a home unit assigned to a lowest-tier grid as
 * its grid assistant (网格助理) for a period. `gridPathKey` (ancestors/grid/cadreID) lets one
 * query read the assistants of a grid and everything under it.
 */
export const CadreEntity = new Entity(
  {
    model: { entity: "cadre", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      cadreID: { type: "string", required: true, readOnly: true },
      name: { type: "string", required: true },
      phone: { type: "string", required: true },
      unitID: { type: "string", required: true, readOnly: true },
      unitName: { type: "string", required: true },
      /** The cadre's sign-in account (role `cadre`), or "none". */
      userID: { type: "string", required: true, readOnly: true },
      gridID: { type: "string", required: true, readOnly: true },
      gridName: { type: "string", required: true },
      gridPath: { type: "list", items: { type: "string" }, required: true, readOnly: true },
      gridPathKey: { type: "string", required: true, readOnly: true },
      from: { type: "string", required: true },
      to: { type: "string", required: true },
      status: { type: ["active", "ended"] as const, required: true },
      endedAt: { type: "string" },
      createdAt: { type: "string", required: true, readOnly: true },
      createdBy: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["cadreID"] } },
      byUnit: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "unitID"] },
        sk: { field: "gsi1sk", composite: ["cadreID"] },
      },
      /** Active or ended assignments under a grid: begins with the grid's path. */
      byGrid: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["tenantID", "status"] },
        sk: { field: "gsi2sk", composite: ["gridPathKey"] },
      },
      byUser: {
        index: "gsi3",
        pk: { field: "gsi3pk", composite: ["tenantID", "userID"] },
        sk: { field: "gsi3sk", composite: ["from", "cadreID"] },
      },
    },
  },
  table,
);

/** An entry of the two-way ledger (双向管理·工作台账): work a cadre did on their grid. */
export const LedgerEntryEntity = new Entity(
  {
    model: { entity: "ledgerEntry", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      entryID: { type: "string", required: true, readOnly: true },
      cadreID: { type: "string", required: true, readOnly: true },
      cadreName: { type: "string", required: true, readOnly: true },
      unitID: { type: "string", required: true, readOnly: true },
      gridID: { type: "string", required: true, readOnly: true },
      gridPath: { type: "list", items: { type: "string" }, required: true, readOnly: true },
      kind: { type: "string", required: true, readOnly: true },
      /** The day of the work, YYYY-MM-DD; `month` is its YYYY-MM. */
      date: { type: "string", required: true, readOnly: true },
      month: { type: "string", required: true, readOnly: true },
      hours: { type: "number", required: true, readOnly: true },
      notes: { type: "string" },
      photos: { type: "list", items: { type: "string" } },
      createdAt: { type: "string", required: true, readOnly: true },
      createdBy: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["entryID"] } },
      byCadre: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "cadreID"] },
        sk: { field: "gsi1sk", composite: ["date", "entryID"] },
      },
      byGrid: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["tenantID", "gridID"] },
        sk: { field: "gsi2sk", composite: ["date", "entryID"] },
      },
      byUnit: {
        index: "gsi3",
        pk: { field: "gsi3pk", composite: ["tenantID", "unitID"] },
        sk: { field: "gsi3sk", composite: ["month", "date", "entryID"] },
      },
    },
  },
  table,
);

/** The community's monthly evaluation of a cadre (社区月度评价): one per cadre and month. */
export const CadreEvaluationEntity = new Entity(
  {
    model: { entity: "cadreEvaluation", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      cadreID: { type: "string", required: true, readOnly: true },
      month: { type: "string", required: true, readOnly: true },
      unitID: { type: "string", required: true, readOnly: true },
      attitude: { type: "number", required: true },
      workState: { type: "number", required: true },
      performance: { type: "number", required: true },
      grade: { type: ["excellent", "good", "fair", "poor"] as const, required: true },
      comment: { type: "string" },
      evaluatedAt: { type: "string", required: true },
      evaluatedBy: { type: "string", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID", "cadreID"] }, sk: { field: "sk", composite: ["month"] } },
      byUnit: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "unitID"] },
        sk: { field: "gsi1sk", composite: ["month", "cadreID"] },
      },
    },
  },
  table,
);
