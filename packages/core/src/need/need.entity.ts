import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

const table = { table: tableName(), client: documentClient() };

export const NeedKinds = ["problem", "project"] as const;
export const NeedStates = ["open", "claimed", "closed", "confirmed"] as const;

/**
 * An item of a grid's needs lists (问题清单·项目清单, 菜单式服务): a problem or a project, from a
 * meeting or entered by staff, claimed (认领) by a cadre or a unit, ticked off (销号) with
 * evidence, and confirmed by a resident.
 */
export const NeedItemEntity = new Entity(
  {
    model: { entity: "needItem", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      itemID: { type: "string", required: true, readOnly: true },
      kind: { type: NeedKinds, required: true, readOnly: true },
      title: { type: "string", required: true },
      description: { type: "string" },
      status: { type: NeedStates, required: true },
      gridID: { type: "string", required: true, readOnly: true },
      gridPath: { type: "list", items: { type: "string" }, required: true, readOnly: true },
      /** `a/b/c/<itemID>`: a grid's list with its descendants' (a community's) by prefix. */
      gridPathKey: { type: "string", required: true, readOnly: true },
      /** `staff`, or `meeting` with the meeting's ID. */
      source: { type: ["staff", "meeting"] as const, required: true, readOnly: true },
      meetingID: { type: "string", readOnly: true },
      createdBy: { type: "string", required: true, readOnly: true },
      /** `none`; `user:<userID>` for a cadre; `unit:<name>` for a unit (共建单位). */
      claimantKey: { type: "string", required: true, default: "none" },
      claimantID: { type: "string" },
      /** The cadre's name when they claimed it, so that lists name them (not their user ID). */
      claimantName: { type: "string" },
      claimantUnit: { type: "string" },
      claimedBy: { type: "string" },
      claimedAt: { type: "string" },
      closedBy: { type: "string" },
      closedAt: { type: "string" },
      closeNote: { type: "string" },
      photos: { type: "list", items: { type: "string" }, required: true, default: () => [] },
      confirmedBy: { type: "string" },
      confirmedAt: { type: "string" },
      createdAt: { type: "string", required: true, readOnly: true },
      updatedAt: { type: "string", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID", "itemID"] }, sk: { field: "sk", composite: [] } },
      /** A grid's list with its descendants', every state, by key prefix. */
      byGrid: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID"] },
        sk: { field: "gsi1sk", composite: ["gridPathKey"] },
      },
      /** One state's items, a grid with its descendants by prefix. */
      byStatus: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["tenantID", "status"] },
        sk: { field: "gsi2sk", composite: ["gridPathKey"] },
      },
      /** What a cadre (or a unit) has claimed. */
      byClaimant: {
        index: "gsi3",
        pk: { field: "gsi3pk", composite: ["tenantID", "claimantKey"] },
        sk: { field: "gsi3sk", composite: ["itemID"] },
      },
    },
  },
  table,
);
