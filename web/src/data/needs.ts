/** Needs lists (问题清单·项目清单) as the portal uses them, and who may take which step. */
import type { NeedItem, NeedKind, NeedsProgress, NeedState } from "@wangge/core/need/index";
import type { Api } from "./api.ts";
import type { Page, SignedInActor } from "./types.ts";
import { queryString } from "./wishes.ts";

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
  const step = (itemID: string, path: string, body: unknown = {}) => api.request<NeedItem>("POST", `/needs/${encodeURIComponent(itemID)}/${path}`, body);
  return {
    list: (query: NeedListQuery) => api.request<Page<NeedItem>>("GET", `/needs${queryString({ ...query })}`),
    progress: (gridID?: string) => api.request<NeedsProgress>("GET", `/needs/progress${queryString({ gridID })}`),
    create: (input: { kind: NeedKind; title: string; description?: string; gridID: string }) => api.request<NeedItem>("POST", "/needs", input),
    claim: (itemID: string, unit?: string) => step(itemID, "claim", unit ? { unit } : {}),
    close: (itemID: string, note: string) => step(itemID, "close", { note }),
    confirm: (itemID: string) => step(itemID, "confirm"),
  };
}
export type NeedsApi = ReturnType<typeof needsApi>;
