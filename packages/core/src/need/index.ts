import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, actorName, assertGridScope, assertRole, useActor, useTenant } from "../actor.ts";
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
import { pathPrefix, placeOfGrid, placeToList, type Place } from "../grid/place.ts";
import { NeedItemEntity, NeedKinds, NeedStates } from "./need.entity.ts";

export { NeedItemEntity };

export const NeedKind = z.enum(NeedKinds);
export type NeedKind = z.infer<typeof NeedKind>;
export const NeedState = z.enum(NeedStates);
export type NeedState = z.infer<typeof NeedState>;

/** An item of the needs lists (问题清单·项目清单) as callers see it. */
export const NeedItem = z.object({
  itemID: z.string(),
  kind: NeedKind,
  title: z.string(),
  description: z.string().nullable(),
  status: NeedState,
  gridID: z.string(),
  gridPath: z.array(z.string()),
  source: z.enum(["staff", "meeting"]),
  meetingID: z.string().nullable(),
  createdBy: z.string(),
  /** The cadre who claimed it (认领), or null. */
  claimantID: z.string().nullable(),
  /** The cadre's name as it was when they claimed it, or null (a unit, or an older claim). */
  claimantName: z.string().nullable(),
  /** The unit that claimed it (共建单位), or null. */
  claimantUnit: z.string().nullable(),
  claimedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  photos: z.array(z.string()),
  confirmedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NeedItem = z.infer<typeof NeedItem>;

/** An item of the needs lists as stored. */
type NeedItemRecord = EntityItem<typeof NeedItemEntity>;

/** What callers see of it: without its keys and who claimed or confirmed it for whom, an absent attribute as null. */
type NeedItemView = Nullable<Omit<NeedItemRecord, "tenantID" | "gridPathKey" | "claimantKey" | "claimedBy" | "confirmedBy">>;
type _NeedItem = Assert<Equal<NeedItem, NeedItemView>>;

function toItem(item: NeedItemRecord): NeedItem {
  return {
    itemID: item.itemID,
    kind: item.kind,
    title: item.title,
    description: item.description ?? null,
    status: item.status,
    gridID: item.gridID,
    gridPath: item.gridPath,
    source: item.source,
    meetingID: item.meetingID ?? null,
    createdBy: item.createdBy,
    claimantID: item.claimantID ?? null,
    claimantName: item.claimantName ?? null,
    claimantUnit: item.claimantUnit ?? null,
    claimedAt: item.claimedAt ?? null,
    closedBy: item.closedBy ?? null,
    closedAt: item.closedAt ?? null,
    closeNote: item.closeNote ?? null,
    photos: item.photos ?? [],
    confirmedAt: item.confirmedAt ?? null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

export const NeedOutcome = z.object({
  kind: NeedKind,
  title: z.string().trim().min(2).max(120),
  description: z.string().trim().max(2000).optional(),
});
export type NeedOutcome = z.infer<typeof NeedOutcome>;

/**
 * A new item's record and its counters (for `createNeedItem` and for a meeting's outcomes,
 * which write their items in the meeting's own transaction).
 */
export function newNeedItem(place: Place, outcome: NeedOutcome, source: { meetingID?: string }, tally: Tally) {
  const at = now().toISOString();
  const itemID = newID("need");
  const scopes = gridScopes(place.gridPath);
  tally.add(scopes, at, "needs.created").add(scopes, at, outcome.kind === "problem" ? "needs.problems" : "needs.projects");
  return {
    tenantID: useTenant(),
    itemID,
    kind: outcome.kind,
    title: outcome.title,
    description: outcome.description || undefined,
    status: "open" as const,
    gridID: place.gridID,
    gridPath: place.gridPath,
    gridPathKey: `${pathPrefix(place)}${itemID}`,
    source: source.meetingID ? ("meeting" as const) : ("staff" as const),
    meetingID: source.meetingID,
    createdBy: actorID(),
    claimantKey: "none",
    photos: [] as string[],
    createdAt: at,
    updatedAt: at,
  };
}

export const CreateNeedItemInput = NeedOutcome.extend({ gridID: z.string().max(80) });

/** Staff enter an item of a grid's problem list or project list. */
export const createNeedItem = fn(CreateNeedItemInput, async (input) => {
  await requireMechanism("needsLists");
  assertRole("district_admin", "grid_leader", "grid_worker");
  const place = await placeOfGrid(input.gridID);
  assertGridScope(place.gridPath);
  const tally = new Tally();
  const item = newNeedItem(place, input, {}, tally);
  const result = await writeTransaction({ needItem: NeedItemEntity, ...Tally.entities }, (ops) => [
    ops.needItem.create(item).commit(),
    ...tally.operations(ops),
  ]).go();
  if (result.canceled) throw new ConflictError("need.not_created", "The item could not be saved; try again.");
  return toItem(item);
});

async function load(itemID: string): Promise<NeedItem & { claimantKey: string }> {
  const result = await NeedItemEntity.get({ tenantID: useTenant(), itemID }).go();
  if (!result.data) throw new NotFoundError("need.not_found", `There is no needs item ${itemID} in this district.`);
  return { ...toItem(result.data), claimantKey: result.data.claimantKey };
}

/** What a step changes on the stored item. */
type NeedItemChange = Partial<
  Pick<
    NeedItemRecord,
    | "claimantKey"
    | "claimantID"
    | "claimantUnit"
    | "claimedBy"
    | "claimedAt"
    | "closedBy"
    | "closedAt"
    | "closeNote"
    | "photos"
    | "confirmedBy"
    | "confirmedAt"
  >
>;

const defined = (patch: NeedItemChange) =>
  Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as NeedItemChange;

/** One step, conditional on the state it was read in, with its counter, in one transaction. */
async function apply(
  item: NeedItem & { claimantKey: string },
  to: NeedState,
  patch: NeedItemChange,
  metric: string,
  conflict: () => ConflictError,
  at = now().toISOString(),
) {
  const tenantID = useTenant();
  const tally = new Tally().add(gridScopes(item.gridPath), at, metric);
  const result = await writeTransaction({ needItem: NeedItemEntity, ...Tally.entities }, (ops) => [
    ops.needItem
      .patch({ tenantID, itemID: item.itemID })
      .set({ ...defined(patch), status: to, updatedAt: at })
      .composite({ gridPathKey: `${item.gridPath.join("/")}/${item.itemID}` })
      .where((attr, op) => `${op.eq(attr.status, item.status)} AND ${op.eq(attr.claimantKey, item.claimantKey)}`)
      .commit(),
    ...tally.operations(ops),
  ]).go();
  if (result.canceled) throw conflict();
  // What callers see: the fields they are shown, not the claim's key nor who claimed or confirmed it.
  const { claimantKey: _key, claimedBy: _claimedBy, confirmedBy: _confirmedBy, ...changes } = defined(patch);
  const { claimantKey: _, ...shown } = item;
  return { ...shown, ...changes, status: to, updatedAt: at };
}

const changed = () => new ConflictError("need.changed", "Someone else acted on this item at the same time; reload it and try again.");

const ItemRef = z.object({ itemID: z.string().max(80) });

export const ClaimNeedItemInput = ItemRef.extend({
  /** A unit claims it (共建单位): named by a district admin or grid leader. Without it, the calling cadre claims it. */
  unit: z.string().trim().min(2).max(80).optional(),
});

/** 认领: a cadre claims an item for themself, or an admin or leader records a unit's claim. Already claimed: 409. */
export const claimNeedItem = fn(ClaimNeedItemInput, async (input) => {
  await requireMechanism("needsLists");
  if (input.unit) assertRole("district_admin", "grid_leader");
  else assertRole("cadre");
  const item = await load(input.itemID);
  assertGridScope(item.gridPath);
  await assertSecondedScope(item.gridPath);
  const taken = () => new ConflictError("need.claimed", "This item has been claimed already.");
  if (item.status !== "open") throw taken();
  const at = now().toISOString();
  const patch = input.unit
    ? { claimantKey: `unit:${input.unit}`, claimantUnit: input.unit, claimedBy: actorID(), claimedAt: at }
    : { claimantKey: `user:${actorID()}`, claimantID: actorID(), claimantName: actorName(), claimedBy: actorID(), claimedAt: at };
  return apply(item, "claimed", patch, "needs.claimed", taken, at);
});

const isStaffLead = () => {
  const actor = useActor();
  return (
    actor.type === "system" || (actor.type === "user" && actor.roles.some((role) => role === "district_admin" || role === "grid_leader"))
  );
};

export const CloseNeedItemInput = ItemRef.extend({
  note: z.string().trim().min(2, "say what was done").max(2000),
  photoKeys: z.array(z.string().max(300)).max(Photo.MAX_PHOTOS).default([]),
});

/** 销号: the cadre who claimed it, or a district admin or grid leader, ticks it off with evidence. */
export const closeNeedItem = fn(CloseNeedItemInput, async (input) => {
  await requireMechanism("needsLists");
  const item = await load(input.itemID);
  if (item.claimantID !== actorID()) assertGridScope(item.gridPath);
  if (item.claimantID !== actorID() && !isStaffLead())
    throw new ForbiddenError(
      "need.not_claimant",
      "Only the cadre who claimed this item, or a district admin or grid leader, may tick it off.",
    );
  if (item.status !== "claimed")
    throw new ConflictError("need.state", `An item that is ${item.status} cannot be ticked off; it must be claimed.`);
  const photos = [];
  for (const [index, key] of input.photoKeys.entries()) photos.push(await Photo.check(key, `photoKeys.${index}`));
  const keys = photos.map((photo) => Photo.finalKey(photo, item.itemID));
  const at = now().toISOString();
  const updated = await apply(
    item,
    "closed",
    { closedBy: actorID(), closedAt: at, closeNote: input.note, photos: [...item.photos, ...keys] },
    "needs.closed",
    changed,
    at,
  );
  await Photo.keep(photos, keys);
  return updated;
});

/** A resident confirms a ticked-off item (the resident side of the lists). */
export const confirmNeedItem = fn(ItemRef, async (input) => {
  await requireMechanism("needsLists");
  assertRole("resident");
  const item = await load(input.itemID);
  if (item.status !== "closed")
    throw new ConflictError("need.state", `An item that is ${item.status} cannot be confirmed; it must be ticked off first.`);
  const at = now().toISOString();
  return apply(item, "confirmed", { confirmedBy: actorID(), confirmedAt: at }, "needs.confirmed", changed, at);
});

/** An item with links to its evidence photos; any user of the district may read it. */
export const getNeedItem = fn(z.string().max(80), async (itemID) => {
  await requireMechanism("needsLists");
  const item = await load(itemID);
  const urls = await Photo.urls(item.photos);
  const { claimantKey: _, ...visible } = item;
  return { item: visible, photoUrls: Object.fromEntries(item.photos.map((key, index) => [key, urls[index]])) };
});

export const ListNeedItemsInput = PageInput.extend({
  /** The grid (a community: a grid with its descendants). Defaults to the caller's grid, else the district. */
  gridID: z.string().max(80).optional(),
  status: NeedState.optional(),
  kind: NeedKind.optional(),
  /** The items the calling cadre claimed. */
  mine: z.boolean().default(false),
});

/** A grid's (or community's) list, one query by key prefix; optionally one state; kind filters the same query. */
export const listNeedItems = fn(ListNeedItemsInput, async (input) => {
  await requireMechanism("needsLists");
  const tenantID = useTenant();
  let query;
  if (input.mine) query = NeedItemEntity.query.byClaimant({ tenantID, claimantKey: `user:${actorID()}` });
  else {
    const place = await placeToList(input.gridID);
    const prefix = place ? pathPrefix(place) : undefined;
    const base = input.status
      ? NeedItemEntity.query.byStatus({ tenantID, status: input.status })
      : NeedItemEntity.query.byGrid({ tenantID });
    query = prefix ? base.begins({ gridPathKey: prefix }) : base;
  }
  const filtered = query.where((attr, op) =>
    [input.kind ? op.eq(attr.kind, input.kind) : "", input.mine && input.status ? op.eq(attr.status, input.status) : ""]
      .filter(Boolean)
      .join(" AND "),
  );
  const result = await page(filtered, input, input.mine ? "desc" : "asc");
  return { items: result.items.map(toItem), cursor: result.cursor };
});

export const NeedsProgress = z.object({
  created: z.number(),
  problems: z.number(),
  projects: z.number(),
  claimed: z.number(),
  closed: z.number(),
  confirmed: z.number(),
  /** Waiting for a claim. */
  open: z.number(),
  /** Claimed, not yet ticked off. */
  inProgress: z.number(),
});
export type NeedsProgress = z.infer<typeof NeedsProgress>;

/** Progress of a grid's (a community's) lists, or the district's: from the counters, one read. */
export const needsProgress = fn(z.object({ gridID: z.string().max(80).optional() }), async (input): Promise<NeedsProgress> => {
  await requireMechanism("needsLists");
  const scope = input.gridID ? `grid:${(await placeOfGrid(input.gridID)).gridID}` : "district";
  const tallies = await readTallies(scope, "all");
  const count = (metric: string) => tallies[`needs.${metric}`]?.count ?? 0;
  const progress = {
    created: count("created"),
    problems: count("problems"),
    projects: count("projects"),
    claimed: count("claimed"),
    closed: count("closed"),
    confirmed: count("confirmed"),
  };
  return { ...progress, open: progress.created - progress.claimed, inProgress: progress.claimed - progress.closed };
});

/**
 * Rebuilds the `needs.*` counters from the district's items (staff's and those a meeting's
 * outcome created alike), the way the steps above add them: created, and problems or projects,
 * when created; claimed, closed, confirmed at their times (an item only moves forward, once
 * each). Returns the drift; with `repair`, writes the recounted values.
 */
export async function recount(options: { repair?: boolean } = {}) {
  const expected = new ExpectedTallies();
  const items = await NeedItemEntity.query.byGrid({ tenantID: useTenant() }).go({ pages: "all" });
  for (const item of items.data) {
    const scopes = gridScopes(item.gridPath);
    expected
      .add(scopes, item.createdAt, "needs.created")
      .add(scopes, item.createdAt, item.kind === "problem" ? "needs.problems" : "needs.projects");
    if (item.claimedAt) expected.add(scopes, item.claimedAt, "needs.claimed");
    if (item.closedAt) expected.add(scopes, item.closedAt, "needs.closed");
    if (item.confirmedAt) expected.add(scopes, item.confirmedAt, "needs.confirmed");
  }
  return compareTallies(expected, ["needs."], options);
}
