/**
 * Micro-wishes (微心愿) as the portal uses them, and who may take which step. Types come from
 * core as types only; requests go through the session's API client.
 */
import type { Wish, WishState } from "@wangge/core/wish/index";
import type { Api } from "./api.ts";
import type { Page, SignedInActor } from "./types.ts";

export type { Wish, WishState };
export const wishStates: WishState[] = ["open", "claimed", "fulfilled", "confirmed", "cancelled"];

export interface WishProgress {
  posted: number;
  claimed: number;
  released: number;
  fulfilled: number;
  confirmed: number;
  cancelled: number;
}

export interface CreateWishInput {
  title: string;
  description: string;
  gridID?: string;
  lon?: number;
  lat?: number;
}

export interface WishListQuery {
  view?: "grid" | "mine" | "claimed";
  status?: WishState;
  gridID?: string;
  cursor?: string | null;
  limit?: number;
}

const roles = (actor: SignedInActor | undefined) => (actor?.type === "user" ? actor.roles : []);
/** Residents (and grid workers, for residents who ask them) post wishes. */
export const mayPostWish = (actor: SignedInActor | undefined) => roles(actor).some((role) => role === "resident" || role === "grid_worker");
/** Cadres (网格助理) and grid workers claim and fulfil them. */
export const mayClaimWish = (actor: SignedInActor | undefined) => roles(actor).some((role) => role === "cadre" || role === "grid_worker");

function search(params: Record<string, string | number | boolean | null | undefined>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  const text = query.toString();
  return text ? `?${text}` : "";
}
export { search as queryString };

export function wishesApi(api: Api) {
  const step = (wishID: string, path: string, body: unknown = {}) => api.request<Wish>("POST", `/wishes/${encodeURIComponent(wishID)}/${path}`, body);
  return {
    list: (query: WishListQuery) => api.request<Page<Wish>>("GET", `/wishes${search({ ...query })}`),
    progress: (gridID?: string) => api.request<WishProgress>("GET", `/wishes/progress${search({ gridID })}`),
    create: (input: CreateWishInput) => api.request<Wish>("POST", "/wishes", input),
    claim: (wishID: string) => step(wishID, "claim"),
    release: (wishID: string) => step(wishID, "release"),
    fulfil: (wishID: string, note: string) => step(wishID, "fulfil", { note }),
    confirm: (wishID: string) => step(wishID, "confirm"),
    cancel: (wishID: string) => step(wishID, "cancel"),
  };
}
export type WishesApi = ReturnType<typeof wishesApi>;
