import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

const table = { table: tableName(), client: documentClient() };

/** A person of the district's grid workforce (网格长, 网格员, 网格助理 …); may or may not sign in. */
export const PersonEntity = new Entity(
  {
    model: { entity: "person", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      personID: { type: "string", required: true, readOnly: true },
      name: { type: "string", required: true },
      phone: { type: "string", required: true },
      /** 派出单位: the home unit of a seconded cadre. */
      homeUnit: { type: "string" },
      userID: { type: "string" },
      createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["personID"] } },
    },
  },
  table,
);

/**
 * A role held by a person on a grid, from a date, to a date (open-ended when absent).
 * Carries the person's and grid's names so that a grid's people are one query.
 */
export const AssignmentEntity = new Entity(
  {
    model: { entity: "assignment", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      assignmentID: { type: "string", required: true, readOnly: true },
      personID: { type: "string", required: true, readOnly: true },
      gridID: { type: "string", required: true, readOnly: true },
      roleKey: { type: "string", required: true, readOnly: true },
      from: { type: "string", required: true },
      to: { type: "string" },
      personName: { type: "string", required: true },
      personPhone: { type: "string", required: true },
      homeUnit: { type: "string" },
      gridCode: { type: "string", required: true },
      gridName: { type: "string", required: true },
      createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
      createdBy: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      /** The grids (roles) of a person: one query. */
      primary: {
        pk: { field: "pk", composite: ["tenantID"] },
        sk: { field: "sk", composite: ["personID", "assignmentID"] },
      },
      /** The people of a grid with their roles: one query. */
      byGrid: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "gridID"] },
        sk: { field: "gsi1sk", composite: ["roleKey", "personID"] },
      },
      /** Everyone holding a role in the district. */
      byRole: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["tenantID", "roleKey"] },
        sk: { field: "gsi2sk", composite: ["personID", "assignmentID"] },
      },
    },
  },
  table,
);
