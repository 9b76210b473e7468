/** Needs lists (问题清单·项目清单) as the portal uses them, and who may take which step. */
import type { NeedItem, NeedKind, NeedsProgress, NeedState } from "@wangge/core/need/index";
import { compact, ok, type Api, type Body } from "./api.ts";
import type { SignedInActor } from "./types.ts";

export type { NeedItem, NeedKind, NeedsProgress, NeedState };
export const needStates: NeedState[] = ["open", "claimed", "closed", "confirmed"];
export const needKinds: NeedKind[] = ["problem", "project"];

export interface NeedListQuery {
  gridID?: string;
  status?: NeedState;
  kind?: NeedKind;
  mine?: boolean;
  cursor?: string | null;
  limit?: number;
}

const roles = (actor: SignedInActor | undefined) => (actor?.type === "user" ? actor.roles : []);
const holds = (actor: SignedInActor | undefined, ...wanted: string[]) => roles(actor).some((role) => wanted.includes(role));
const userID = (actor: SignedInActor | undefined) => (actor?.type === "user" ? actor.userID : null);

/** Which steps the caller may take on an item in its state (the API checks again). */
export function needActions(actor: SignedInActor | undefined, item: NeedItem): ("claim" | "claimUnit" | "close" | "confirm")[] {
  const actions: ("claim" | "claimUnit" | "close" | "confirm")[] = [];
  const lead = holds(actor, "district_admin", "grid_leader");
  if (item.status === "open" && holds(actor, "cadre")) actions.push("claim");
  if (item.status === "open" && lead) actions.push("claimUnit");
  if (item.status === "claimed" && (lead || (item.claimantID !== null && item.claimantID === userID(actor)))) actions.push("close");
  if (item.status === "closed" && holds(actor, "resident")) actions.push("confirm");
  return actions;
}
export const mayCreateNeed = (actor: SignedInActor | undefined) => holds(actor, "district_admin", "grid_leader", "grid_worker");

export function needsApi(api: Api) {
  const { client } = api;
  const item = (itemID: string) => ({ params: { path: { itemID } }, body: {} });
  return {
    list: (query: NeedListQuery) => ok(client.GET("/needs", { params: { query: compact({ ...query }) } })),
    progress: (gridID?: string) => ok(client.GET("/needs/progress", { params: { query: compact({ gridID }) } })),
    create: (input: Body<"/needs", "post">) => ok(client.POST("/needs", { body: input })),
    claim: (itemID: string, unit?: string) => ok(client.POST("/needs/{itemID}/claim", { ...item(itemID), body: unit ? { unit } : {} })),
    close: (itemID: string, note: string) => ok(client.POST("/needs/{itemID}/close", { ...item(itemID), body: { note } })),
    confirm: (itemID: string) => ok(client.POST("/needs/{itemID}/confirm", item(itemID))),
  };
}
export type NeedsApi = ReturnType<typeof needsApi>;
