import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertGridScope, assertRole, useActor, useTenant, type DistrictRole } from "../actor.ts";
import { assertSecondedScope } from "../cadre/cadre.ts";
import { requireMechanism } from "../config/index.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../error.ts";
import { compareTallies, ExpectedTallies } from "../counter/recount.ts";
import { gridScopes, readTallies, Tally } from "../counter/tally.ts";
import { writeTransaction } from "../storage/transaction.ts";
import * as Photo from "../ticket/photo.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal, Nullable } from "../util/record.ts";
import { pathPrefix, placeOfGrid, placeOfPoint, placeToList, type Place } from "../grid/place.ts";
import { WishEntity, WishStates } from "./wish.entity.ts";

export { WishEntity };
export * from "../grid/place.ts";

export const WishState = z.enum(WishStates);
export type WishState = z.infer<typeof WishState>;

/** A micro-wish (微心愿) as callers see it. */
export const Wish = z.object({
  wishID: z.string(),
  title: z.string(),
  description: z.string(),
  status: WishState,
  gridID: z.string(),
  gridPath: z.array(z.string()),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  posterID: z.string(),
  claimantID: z.string().nullable(),
  claimedAt: z.string().nullable(),
  fulfilledAt: z.string().nullable(),
  fulfilNote: z.string().nullable(),
  photos: z.array(z.string()),
  confirmedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Wish = z.infer<typeof Wish>;

/** A wish as stored. */
type WishItem = EntityItem<typeof WishEntity>;

/**
 * The stored wish as callers see it: without its keys and the recount's lists, an absent
 * attribute as null, and nobody holding it (`none`) as a null holder.
 */
type WishView = Nullable<Omit<WishItem, "tenantID" | "gridPathKey" | "claimTimes" | "releaseTimes" | "claimantID">> & {
  claimantID: string | null;
};
type _Wish = Assert<Equal<Wish, WishView>>;

const holder = (claimantID: string | undefined) => (claimantID && claimantID !== "none" ? claimantID : null);

function toWish(item: WishItem): Wish {
  return {
    wishID: item.wishID,
    title: item.title,
    description: item.description,
    status: item.status,
    gridID: item.gridID,
    gridPath: item.gridPath,
    lon: item.lon ?? null,
    lat: item.lat ?? null,
    posterID: item.posterID,
    claimantID: holder(item.claimantID),
    claimedAt: item.claimedAt ?? null,
    fulfilledAt: item.fulfilledAt ?? null,
    fulfilNote: item.fulfilNote ?? null,
    photos: item.photos ?? [],
    confirmedAt: item.confirmedAt ?? null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

/** Who may claim and fulfil wishes: seconded cadres (网格助理), and grid workers, who take wishes too. */
export const ClaimRoles: DistrictRole[] = ["cadre", "grid_worker"];

/** A poster's position is their own and the workers' to see: other residents get the grid only. */
function visible(wish: Wish): Wish {
  const actor = useActor();
  if (actor.type !== "user" || wish.posterID === actor.userID || actor.roles.some((role) => role !== "resident")) return wish;
  return { ...wish, lon: null, lat: null };
}

async function load(wishID: string): Promise<Wish> {
  const result = await WishEntity.get({ tenantID: useTenant(), wishID }).go();
  if (!result.data) throw new NotFoundError("wish.not_found", `There is no micro-wish ${wishID} in this district.`);
  return toWish(result.data);
}

/** What a step changes on the stored wish. */
type WishChange = Partial<Pick<WishItem, "claimantID" | "claimedAt" | "fulfilledAt" | "fulfilNote" | "photos" | "confirmedAt">>;

const defined = (patch: WishChange) => Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as WishChange;

/**
 * Moves a wish from the state it was read in to the next, in one transaction with its counters;
 * conditional on that state (and holder), so of two people acting at once exactly one wins.
 */
async function apply(wish: Wish, to: WishState, patch: WishChange, metric: string, conflict: () => ConflictError, step: Step = {}) {
  const tenantID = useTenant();
  const at = step.at ?? now().toISOString();
  const tally = new Tally().add(gridScopes(wish.gridPath), at, metric);
  const result = await writeTransaction({ wish: WishEntity, ...Tally.entities }, (ops) => [
    ops.wish
      .patch({ tenantID, wishID: wish.wishID })
      .set({ ...defined(patch), status: to, updatedAt: at })
      // Appended, not set from what was read: a claim or release made meanwhile is kept.
      .append(step.append ?? {})
      .composite({ gridPathKey: `${wish.gridPath.join("/")}/${wish.wishID}` })
      .where((attr, op) => `${op.eq(attr.status, wish.status)} AND ${op.eq(attr.claimantID, wish.claimantID ?? "none")}`)
      .commit(),
    ...tally.operations(ops),
  ]).go();
  if (result.canceled) throw conflict();
  const { claimantID, ...changes } = defined(patch);
  return { ...wish, ...changes, claimantID: claimantID === undefined ? wish.claimantID : holder(claimantID), status: to, updatedAt: at };
}

/** The step's time (the same for the record's fields and its counters) and the times it appends to the record's lists. */
interface Step {
  at?: string;
  append?: { claimTimes?: string[]; releaseTimes?: string[] };
}

const changed = () => new ConflictError("wish.changed", "Someone else acted on this wish at the same time; reload it and try again.");

function expectState(wish: Wish, action: string, ...states: WishState[]) {
  if (!states.includes(wish.status))
    throw new ConflictError("wish.state", `A wish that is ${wish.status} cannot be ${action}; it must be ${states.join(" or ")}.`);
}

const PhotoKeys = z.array(z.string().max(300)).max(Photo.MAX_PHOTOS, `at most ${Photo.MAX_PHOTOS} photos`);

export const CreateWishInput = z
  .object({
    title: z.string().trim().min(2).max(60),
    description: z.string().trim().min(2).max(1000),
    /** The grid it belongs to; or a point, located to its grid. */
    gridID: z.string().max(80).optional(),
    lon: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
  })
  .refine((input) => input.gridID !== undefined || (input.lon !== undefined && input.lat !== undefined), {
    message: "give a grid, or a position (lon and lat)",
    path: ["gridID"],
  });

/** A resident posts a micro-wish (微心愿) on their grid: by grid, or by position located to its grid. */
export const createWish = fn(CreateWishInput, async (input) => {
  await requireMechanism("wishes");
  assertRole("resident", "grid_worker");
  const tenantID = useTenant();
  const place: Place = input.gridID ? await placeOfGrid(input.gridID) : await placeOfPoint(input.lon!, input.lat!);
  const at = now().toISOString();
  const wishID = newID("wish");
  const item = {
    tenantID,
    wishID,
    title: input.title,
    description: input.description,
    status: "open" as const,
    gridID: place.gridID,
    gridPath: place.gridPath,
    gridPathKey: `${pathPrefix(place)}${wishID}`,
    lon: input.gridID ? undefined : input.lon,
    lat: input.gridID ? undefined : input.lat,
    posterID: actorID(),
    claimantID: "none",
    photos: [] as string[],
    createdAt: at,
    updatedAt: at,
  };
  const tally = new Tally().add(gridScopes(place.gridPath), at, "wishes.posted");
  const result = await writeTransaction({ wish: WishEntity, ...Tally.entities }, (ops) => [
    ops.wish.create(item).commit(),
    ...tally.operations(ops),
  ]).go();
  if (result.canceled) throw new ConflictError("wish.not_created", "The wish could not be saved; try again.");
  return toWish(item);
});

const WishRef = z.object({ wishID: z.string().max(80) });

/** A cadre claims (认领) an open wish: one holder at a time; a second claim is a 409. */
export const claimWish = fn(WishRef, async (input) => {
  await requireMechanism("wishes");
  assertRole(...ClaimRoles);
  const wish = await load(input.wishID);
  assertGridScope(wish.gridPath);
  await assertSecondedScope(wish.gridPath);
  const taken = () => new ConflictError("wish.claimed", "This wish has been claimed already.");
  if (wish.status !== "open")
    throw wish.status === "claimed" ? taken() : new ConflictError("wish.state", `A wish that is ${wish.status} cannot be claimed.`);
  const at = now().toISOString();
  return apply(wish, "claimed", { claimantID: actorID(), claimedAt: at }, "wishes.claimed", taken, { at, append: { claimTimes: [at] } });
});

function assertClaimant(wish: Wish) {
  if (wish.claimantID !== actorID()) throw new ForbiddenError("wish.not_claimant", "Only the person who claimed this wish may do this.");
}

function assertPoster(wish: Wish) {
  if (wish.posterID !== actorID()) throw new ForbiddenError("wish.not_poster", "Only the person who posted this wish may do this.");
}

/** The holder gives a claimed wish back: it is open again for others. */
export const releaseWish = fn(WishRef, async (input) => {
  await requireMechanism("wishes");
  const wish = await load(input.wishID);
  assertClaimant(wish);
  expectState(wish, "released", "claimed");
  const at = now().toISOString();
  return apply(wish, "open", { claimantID: "none", claimedAt: undefined }, "wishes.released", changed, {
    at,
    append: { releaseTimes: [at] },
  });
});

export const FulfilWishInput = WishRef.extend({
  note: z.string().trim().min(2, "say what was done").max(2000),
  photoKeys: PhotoKeys.default([]),
});

/** The holder marks the wish fulfilled, with a note and optional photos (uploaded like a ticket's). */
export const fulfilWish = fn(FulfilWishInput, async (input) => {
  await requireMechanism("wishes");
  const wish = await load(input.wishID);
  assertClaimant(wish);
  expectState(wish, "fulfilled", "claimed");
  const photos = [];
  for (const [index, key] of input.photoKeys.entries()) photos.push(await Photo.check(key, `photoKeys.${index}`));
  const keys = photos.map((photo) => Photo.finalKey(photo, wish.wishID));
  const at = now().toISOString();
  const updated = await apply(
    wish,
    "fulfilled",
    { fulfilNote: input.note, fulfilledAt: at, photos: [...wish.photos, ...keys] },
    "wishes.fulfilled",
    changed,
    { at },
  );
  await Photo.keep(photos, keys);
  return updated;
});

/** The resident who posted it confirms the wish came true. */
export const confirmWish = fn(WishRef, async (input) => {
  await requireMechanism("wishes");
  const wish = await load(input.wishID);
  assertPoster(wish);
  expectState(wish, "confirmed", "fulfilled");
  const at = now().toISOString();
  return apply(wish, "confirmed", { confirmedAt: at }, "wishes.confirmed", changed, { at });
});

/** The resident who posted it withdraws a wish nobody has claimed. */
export const cancelWish = fn(WishRef, async (input) => {
  await requireMechanism("wishes");
  const wish = await load(input.wishID);
  assertPoster(wish);
  expectState(wish, "cancelled", "open");
  return apply(wish, "cancelled", {}, "wishes.cancelled", changed);
});

/** A wish with short-lived links to its photos; any user of the district may read it. */
export const getWish = fn(z.string().max(80), async (wishID) => {
  await requireMechanism("wishes");
  const wish = visible(await load(wishID));
  const urls = await Photo.urls(wish.photos);
  return { wish, photoUrls: Object.fromEntries(wish.photos.map((key, index) => [key, urls[index]])) };
});

export const ListWishesInput = PageInput.extend({
  /**
   * `grid`: wishes of a grid and its descendants in one state (default open; the grid defaults
   * to the caller's own, else the whole district); `mine`: the caller's own posts; `claimed`:
   * the wishes the caller holds or held.
   */
  view: z.enum(["grid", "mine", "claimed"]).default("grid"),
  status: WishState.optional(),
  gridID: z.string().max(80).optional(),
});

/** Lists, one DynamoDB query each; a grid with its descendants by key prefix, newest posts last. */
export const listWishes = fn(ListWishesInput, async (input) => {
  await requireMechanism("wishes");
  const tenantID = useTenant();
  let query;
  if (input.view === "mine") query = WishEntity.query.byPoster({ tenantID, posterID: actorID() });
  else if (input.view === "claimed") query = WishEntity.query.byClaimant({ tenantID, claimantID: actorID() });
  else {
    const base = WishEntity.query.byStatus({ tenantID, status: input.status ?? "open" });
    const place = await placeToList(input.gridID);
    query = place ? base.begins({ gridPathKey: pathPrefix(place) }) : base;
  }
  const filtered = input.view !== "grid" && input.status ? query.where((attr, op) => op.eq(attr.status, input.status)) : query;
  const result = await page(filtered, input, input.view === "grid" ? "asc" : "desc");
  return { items: result.items.map((item) => visible(toWish(item))), cursor: result.cursor };
});

export const WishProgressInput = z.object({ gridID: z.string().max(80).optional() });

/** How the wishes of a grid (with its descendants) or of the district are doing: from the counters, one read. */
export const wishProgress = fn(WishProgressInput, async (input) => {
  await requireMechanism("wishes");
  const scope = input.gridID ? `grid:${(await placeOfGrid(input.gridID)).gridID}` : "district";
  const tallies = await readTallies(scope, "all");
  const count = (metric: string) => tallies[`wishes.${metric}`]?.count ?? 0;
  return {
    posted: count("posted"),
    claimed: count("claimed"),
    released: count("released"),
    fulfilled: count("fulfilled"),
    confirmed: count("confirmed"),
    cancelled: count("cancelled"),
  };
});

/**
 * Rebuilds the `wishes.*` counters from the district's wishes, the way the steps above add
 * them: posted when created; claimed at each claim and released at each release (the record
 * keeps every time); fulfilled, confirmed at their times; cancelled at the last update (a
 * cancelled wish changes no more). Returns the drift; with `repair`, writes the recounted values.
 */
export async function recount(options: { repair?: boolean } = {}) {
  const tenantID = useTenant();
  const expected = new ExpectedTallies();
  for (const status of WishStates) {
    const wishes = await WishEntity.query.byStatus({ tenantID, status }).go({ pages: "all" });
    for (const wish of wishes.data) {
      const scopes = gridScopes(wish.gridPath);
      expected.add(scopes, wish.createdAt, "wishes.posted");
      // Wishes written before the lists were kept: their one known claim.
      for (const at of wish.claimTimes ?? (wish.claimedAt ? [wish.claimedAt] : [])) expected.add(scopes, at, "wishes.claimed");
      for (const at of wish.releaseTimes ?? []) expected.add(scopes, at, "wishes.released");
      if (wish.fulfilledAt) expected.add(scopes, wish.fulfilledAt, "wishes.fulfilled");
      if (wish.confirmedAt) expected.add(scopes, wish.confirmedAt, "wishes.confirmed");
      if (wish.status === "cancelled") expected.add(scopes, wish.updatedAt, "wishes.cancelled");
    }
  }
  return compareTallies(expected, ["wishes."], options);
}
