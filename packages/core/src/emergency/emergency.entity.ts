import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

const table = { table: tableName(), client: documentClient() };

/**
 * The district's mode (平急切换): normal (平时) or emergency (急时), for the whole district or
 * for chosen grids (and everything below them). One item per district; every switch replaces
 * it conditionally on the `version` it read, so two switches at once cannot both win.
 */
export const EmergencyModeEntity = new Entity(
  {
    model: { entity: "emergencyMode", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      mode: { type: ["normal", "emergency"] as const, required: true },
      /** `district`: the whole district; `grids`: the grids listed and their descendants. */
      scope: { type: ["district", "grids"] as const, required: true },
      /** `{ gridID, code, name }` of each grid in emergency mode (scope `grids`). */
      grids: { type: "any", required: true },
      reason: { type: "string", required: true },
      since: { type: "string", required: true },
      switchedBy: { type: "string", required: true },
      version: { type: "number", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: [] } },
    },
  },
  table,
);

/** An emergency task round (应急任务, e.g. 第3轮全员核酸检测) assigned to grids with a checklist. */
export const EmergencyTaskEntity = new Entity(
  {
    model: { entity: "emergencyTask", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      taskID: { type: "string", required: true, readOnly: true },
      title: { type: "string", required: true },
      /** `district`: every first-tier grid; `risk_area`: the chosen grids (风险区). */
      scope: { type: ["district", "risk_area"] as const, required: true, readOnly: true },
      checklist: { type: "list", items: { type: "string" }, required: true },
      gridCount: { type: "number", required: true },
      createdAt: { type: "string", required: true, readOnly: true },
      createdBy: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["taskID"] } },
    },
  },
  table,
);

/**
 * One grid's part of a round: pending until its people report every checklist item done.
 * A round's grids are one query (the live board); a grid's open tasks another (my tasks).
 */
export const EmergencyTaskGridEntity = new Entity(
  {
    model: { entity: "emergencyTaskGrid", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      taskID: { type: "string", required: true, readOnly: true },
      gridID: { type: "string", required: true, readOnly: true },
      gridCode: { type: "string", required: true, readOnly: true },
      gridName: { type: "string", required: true, readOnly: true },
      status: { type: ["pending", "done"] as const, required: true },
      /** One boolean per checklist item. */
      ticks: { type: "any", required: true },
      note: { type: "string" },
      reportedAt: { type: "string" },
      reportedBy: { type: "string" },
      /** The grid's path (ancestors, then the grid) when it was reported: where its report counted. */
      gridPath: { type: "list", items: { type: "string" } },
      seq: { type: "number", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID", "taskID"] }, sk: { field: "sk", composite: ["gridID"] } },
      byGrid: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "gridID"] },
        sk: { field: "gsi1sk", composite: ["status", "taskID"] },
      },
    },
  },
  table,
);
