import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

const table = { table: tableName(), client: documentClient() };

export const WishStates = ["open", "claimed", "fulfilled", "confirmed", "cancelled"] as const;

/**
 * A micro-wish (微心愿): a resident's small wish on a grid, claimed by one cadre at a time,
 * fulfilled with a note (and photos), confirmed by the resident who posted it.
 */
export const WishEntity = new Entity(
  {
    model: { entity: "wish", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      wishID: { type: "string", required: true, readOnly: true },
      title: { type: "string", required: true },
      description: { type: "string", required: true },
      status: { type: WishStates, required: true },
      gridID: { type: "string", required: true, readOnly: true },
      /** The grid's ancestors then the grid, top down. */
      gridPath: { type: "list", items: { type: "string" }, required: true, readOnly: true },
      /** `a/b/c/<wishID>`: a grid's wishes with its descendants' by prefix. */
      gridPathKey: { type: "string", required: true, readOnly: true },
      lon: { type: "number" },
      lat: { type: "number" },
      posterID: { type: "string", required: true, readOnly: true },
      /** `none` while nobody holds it. */
      claimantID: { type: "string", required: true, default: "none" },
      claimedAt: { type: "string" },
      /** When each claim was made, every one (a released wish may be claimed again): the recount's record of `wishes.claimed`. */
      claimTimes: { type: "list", items: { type: "string" } },
      /** When each release was made: the recount's record of `wishes.released`. */
      releaseTimes: { type: "list", items: { type: "string" } },
      fulfilledAt: { type: "string" },
      fulfilNote: { type: "string" },
      photos: { type: "list", items: { type: "string" }, required: true, default: () => [] },
      confirmedAt: { type: "string" },
      createdAt: { type: "string", required: true, readOnly: true },
      updatedAt: { type: "string", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID", "wishID"] }, sk: { field: "sk", composite: [] } },
      /** By state, a grid with its descendants by prefix: the open wishes of a cadre's grid. */
      byStatus: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "status"] },
        sk: { field: "gsi1sk", composite: ["gridPathKey"] },
      },
      /** A resident's own wishes. */
      byPoster: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["tenantID", "posterID"] },
        sk: { field: "gsi2sk", composite: ["wishID"] },
      },
      /** The wishes a cadre holds or held. */
      byClaimant: {
        index: "gsi3",
        pk: { field: "gsi3pk", composite: ["tenantID", "claimantID"] },
        sk: { field: "gsi3sk", composite: ["wishID"] },
      },
    },
  },
  table,
);
