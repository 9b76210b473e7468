import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

/**
 * The district's audit trail (操作记录): who did what to which record, and when. Written in
 * the same transaction as the change it records; newest first by its time-sortable id.
 */
export const AuditEventEntity = new Entity(
  {
    model: { entity: "auditEvent", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      eventID: { type: "string", required: true, readOnly: true },
      at: { type: "string", required: true, readOnly: true },
      actorID: { type: "string", required: true, readOnly: true },
      /** Dotted: `emergency.switch`, `emergency.task`, `config.update`, `user.invite` … */
      action: { type: "string", required: true, readOnly: true },
      /** The record it concerns: `district`, a grid id, a task id … */
      subjectID: { type: "string", required: true, readOnly: true },
      summary: { type: "string", required: true, readOnly: true },
      details: { type: "any", readOnly: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["eventID"] } },
      bySubject: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "subjectID"] },
        sk: { field: "gsi1sk", composite: ["eventID"] },
      },
    },
  },
  { table: tableName(), client: documentClient() },
);
