import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

const table = { table: tableName(), client: documentClient() };

/**
 * A meeting of a type the district configures (网格议事会, 小区直通车, 邻里座谈会, 我听邻说茶话会,
 * 党建联席会 …): scheduled on a grid; once held, its attendance, minutes and the needs items
 * its outcomes became.
 */
export const MeetingEntity = new Entity(
  {
    model: { entity: "meeting", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      meetingID: { type: "string", required: true, readOnly: true },
      typeKey: { type: "string", required: true, readOnly: true },
      gridID: { type: "string", required: true, readOnly: true },
      gridPath: { type: "list", items: { type: "string" }, required: true, readOnly: true },
      gridPathKey: { type: "string", required: true, readOnly: true },
      scheduledAt: { type: "string", required: true, readOnly: true },
      place: { type: "string", required: true },
      topic: { type: "string", required: true },
      status: { type: ["scheduled", "held"] as const, required: true },
      heldAt: { type: "string" },
      attendanceCount: { type: "number" },
      attendees: { type: "list", items: { type: "string" } },
      minutes: { type: "string" },
      outcomeItemIDs: { type: "list", items: { type: "string" } },
      createdBy: { type: "string", required: true, readOnly: true },
      createdAt: { type: "string", required: true, readOnly: true },
      updatedAt: { type: "string", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID", "meetingID"] }, sk: { field: "sk", composite: [] } },
      /** The district's schedule, by time. */
      bySchedule: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID"] },
        sk: { field: "gsi1sk", composite: ["scheduledAt", "meetingID"] },
      },
      /** A grid's meetings with its descendants', by key prefix. */
      byGrid: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["tenantID"] },
        sk: { field: "gsi2sk", composite: ["gridPathKey"] },
      },
    },
  },
  table,
);
