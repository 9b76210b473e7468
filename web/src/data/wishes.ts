/**
 * Micro-wishes (微心愿) as the portal uses them, and who may take which step. Types come from
 * core as types only; requests go through the session's API client.
 */
import type { Wish, WishState } from "@wangge/core/wish/index";
import { compact, ok, type Api, type Body, type Reply } from "./api.ts";
import type { SignedInActor } from "./types.ts";

export type { Wish, WishState };
export const wishStates: WishState[] = ["open", "claimed", "fulfilled", "confirmed", "cancelled"];

export type WishProgress = Reply<"/wishes/progress", "get">;
export type CreateWishInput = Body<"/wishes", "post">;

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

export function wishesApi(api: Api) {
  const { client } = api;
  const wish = (wishID: string) => ({ params: { path: { wishID } }, body: {} });
  return {
    list: (query: WishListQuery) => ok(client.GET("/wishes", { params: { query: compact({ ...query }) } })),
    progress: (gridID?: string) => ok(client.GET("/wishes/progress", { params: { query: compact({ gridID }) } })),
    create: (input: CreateWishInput) => ok(client.POST("/wishes", { body: input })),
    claim: (wishID: string) => ok(client.POST("/wishes/{wishID}/claim", wish(wishID))),
    release: (wishID: string) => ok(client.POST("/wishes/{wishID}/release", wish(wishID))),
    fulfil: (wishID: string, note: string) => ok(client.POST("/wishes/{wishID}/fulfil", { ...wish(wishID), body: { note } })),
    confirm: (wishID: string) => ok(client.POST("/wishes/{wishID}/confirm", wish(wishID))),
    cancel: (wishID: string) => ok(client.POST("/wishes/{wishID}/cancel", wish(wishID))),
  };
}
export type WishesApi = ReturnType<typeof wishesApi>;
