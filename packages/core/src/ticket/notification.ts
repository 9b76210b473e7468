/**
 * In-app notifications (通知): what happened to which ticket, for the people it concerns.
 *
 * Design, for write cost (a step already writes ~21 counters in its transaction): a step writes
 * **one item per audience**, not one per person, in the same transaction as the step —
 *   - the reporter (`<userID>`): each step of their ticket;
 *   - the ticket's followers (`followers:<ticketID>`), only while it has any (`ticket.followers`);
 *   - a department (`department:<key>`): a ticket dispatched, transferred or sent back to it;
 *   - a grid (`grid:<gridID>`): a new ticket, written to the ticket's grid and each ancestor
 *     (a grid worker's or leader's scope is their grid and everything below it, so the feed of
 *     their own grid is all they read); change requests likewise, for the grid leaders only.
 * A user's list merges their own feed with the feeds their record gives them (the grid and
 * department on their record, as `access.ts` reads it into the actor — never the request) and
 * those of the tickets they follow, newest first. Read state of shared items is per user: one
 * marker per item read, and one "read up to" row for mark-all (one write however many there are).
 * Overdue tickets have no step to write them: they are computed on read for grid leaders, from
 * the open tickets of their grid, with an ID fixed by the ticket and its due time (so a marker
 * keeps one read, and a new deadline that passes is a new notice).
 */
import { z } from "zod";
import { actorID, useActor, useTenant } from "../actor.ts";
import * as Config from "../config/index.ts";
import { TERRITORIAL } from "../config/index.ts";
import { InputError } from "../error.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { fn } from "../util/fn.ts";
import { now } from "../util/clock.ts";
import { newID, scopedID } from "../util/id.ts";
import { PageInput } from "../util/page.ts";
import type { Ticket } from "./model.ts";
import { FollowEntity, NotificationEntity, NotificationReadEntity, TicketEntity } from "./ticket.entity.ts";

/** How long notifications and read markers are kept. */
const KEEP_DAYS = 90;
const expiresAt = () => Math.floor(now().getTime() / 1000) + KEEP_DAYS * 86400;
/** At most this many followed tickets feed a user's list (the newest follows). */
export const MAX_FOLLOWS = 100;

export const audience = {
  grid: (gridID: string) => `grid:${gridID}`,
  department: (departmentKey: string) => `department:${departmentKey}`,
  followers: (ticketID: string) => `followers:${ticketID}`,
};

type NotificationItem = Parameters<typeof NotificationEntity.create>[0];

/** What a step says, as the items of its audiences (see the design above). */
export function noticesOf(
  ticket: Ticket,
  step: { action: string; to: string; closure?: string; departmentKey?: string; duplicateOf?: string },
  options: { notifyReporter: boolean; by: string; at: string },
): NotificationItem[] {
  const tenantID = useTenant();
  const next = { ...ticket, departmentKey: step.departmentKey ?? ticket.departmentKey };
  const base = {
    tenantID,
    ticketID: ticket.ticketID,
    kind: step.action,
    state: step.to,
    at: options.at,
    categoryKey: ticket.categoryKey,
    gridID: ticket.gridID,
    address: ticket.address ?? undefined,
    departmentKey: next.departmentKey ?? undefined,
    closure: step.closure,
    duplicateOf: step.duplicateOf,
    by: options.by,
    expiresAt: expiresAt(),
  };
  const audiences: { userID: string; forRole?: string }[] = [];
  if (options.notifyReporter && ticket.reporterID !== options.by) audiences.push({ userID: ticket.reporterID });
  if (options.notifyReporter && ticket.followers > 0) audiences.push({ userID: audience.followers(ticket.ticketID) });
  const toDepartment = step.to === "dispatched" && ["dispatch", "approve_transfer", "send_back"].includes(step.action);
  if (toDepartment && next.departmentKey)
    audiences.push(
      next.departmentKey === TERRITORIAL ? { userID: audience.grid(ticket.gridID) } : { userID: audience.department(next.departmentKey) },
    );
  if (step.action.startsWith("request_"))
    for (const gridID of ticket.gridPath) audiences.push({ userID: audience.grid(gridID), forRole: "leaders" });
  return audiences.map(({ userID, forRole }) => ({ ...base, userID, forRole, notificationID: newID("note") }));
}

/** A new ticket: one item on the feed of its grid and of each ancestor (their staff's scope). */
export function newTicketNotices(
  ticket: Pick<Ticket, "ticketID" | "categoryKey" | "gridID" | "gridPath"> & { address?: string | null },
  by: string,
  at: string,
) {
  const tenantID = useTenant();
  return ticket.gridPath.map(
    (gridID): NotificationItem => ({
      tenantID,
      userID: audience.grid(gridID),
      notificationID: newID("note"),
      ticketID: ticket.ticketID,
      kind: "collect",
      state: "collected",
      at,
      categoryKey: ticket.categoryKey,
      gridID: ticket.gridID,
      address: ticket.address ?? undefined,
      by,
      expiresAt: expiresAt(),
    }),
  );
}

// ─── the caller's list ──────────────────────────────────────────────────────

const Name = z.object({ zh: z.string(), en: z.string() });

/** A notification as the caller sees it: what happened, to which ticket, where, and whether they read it. */
export const Notification = z.object({
  notificationID: z.string(),
  ticketID: z.string().nullable(),
  /** The step (`collect`, `accept`, `dispatch`, `verify`, `duplicate`, `request_extend`…, or `overdue`). */
  kind: z.string(),
  state: z.string().nullable(),
  at: z.string(),
  read: z.boolean(),
  /** Why the caller gets it: their own ticket, one they follow, their grid's, their department's. */
  audience: z.enum(["own", "following", "grid", "department"]),
  category: Name.nullable(),
  gridName: z.string().nullable(),
  address: z.string().nullable(),
  department: Name.nullable(),
  /** The department's key (`territorial`: the grid handles it). */
  departmentKey: z.string().nullable(),
  closure: z.string().nullable(),
  /** For a duplicate: the ticket it repeats (which the reporter now follows). */
  duplicateOf: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

const NOTE_ID = /^note_[0-9a-z]{26}$/;
const encodeCursor = (before: string) => Buffer.from(JSON.stringify({ before })).toString("base64url");
function decodeCursor(cursor: string): string {
  try {
    const { before } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (typeof before === "string" && NOTE_ID.test(before)) return before;
  } catch {
    // falls through
  }
  throw new InputError("page.invalid_cursor", "The cursor does not belong to this list; start again without it.");
}

/** The feeds the caller reads, from the actor (which `access.ts` builds from their record). */
async function feedsOf() {
  const actor = useActor();
  const tenantID = useTenant();
  const me = actorID();
  const feeds: { userID: string; audience: Notification["audience"] }[] = [{ userID: me, audience: "own" }];
  if (actor.type !== "user") return { feeds, leader: undefined };
  const follows = await FollowEntity.query.primary({ tenantID, userID: me }).go({ pages: "all" });
  for (const follow of follows.data.sort((a, b) => b.at.localeCompare(a.at)).slice(0, MAX_FOLLOWS))
    feeds.push({ userID: audience.followers(follow.ticketID), audience: "following" });
  const gridStaff = actor.roles.includes("grid_worker") || actor.roles.includes("grid_leader");
  if (gridStaff && actor.gridID) feeds.push({ userID: audience.grid(actor.gridID), audience: "grid" });
  if (actor.roles.includes("department_staff") && actor.department)
    feeds.push({ userID: audience.department(actor.department), audience: "department" });
  const leader = actor.roles.includes("grid_leader") && actor.gridID ? actor.gridID : undefined;
  return { feeds, leader };
}

/** The open tickets of a leader's grid (and below) past their due time, as notices with fixed IDs. */
async function overdueOf(gridID: string, before: string | undefined) {
  const tenantID = useTenant();
  const grid = (await GridEntity.get({ tenantID, gridID }).go({ attributes: ["gridID", "path"] })).data;
  if (!grid) return [];
  const prefix = `${[...grid.path, gridID].join("/")}/`;
  const at = now().toISOString();
  const open = await Promise.all(
    (["accepted", "dispatched", "handled"] as const).map((state) =>
      TicketEntity.query
        .byState({ tenantID, state })
        .begins({ gridPathKey: prefix })
        .where((attr, op) => op.lt(attr.dueAt, at))
        .go({ pages: "all" })
        .then((result) => result.data),
    ),
  );
  return open
    .flat()
    .map((ticket) => ({
      tenantID,
      userID: audience.grid(gridID),
      notificationID: scopedID(`overdue/${ticket.ticketID}/${ticket.dueAt}`, "note", 0, new Date(ticket.dueAt)),
      ticketID: ticket.ticketID,
      kind: "overdue",
      state: ticket.state,
      at: ticket.dueAt,
      read: false,
      categoryKey: ticket.categoryKey,
      gridID: ticket.gridID,
      address: ticket.address,
      departmentKey: ticket.departmentKey,
      closure: undefined,
      forRole: "leaders",
      duplicateOf: undefined,
      by: undefined,
    }))
    .filter((item) => before === undefined || item.notificationID < before);
}

/**
 * The caller's notifications, newest first: their own feed merged with their grid's, their
 * department's, the feeds of the tickets they follow and (grid leaders) the overdue tickets of
 * their grid. The cursor is the ID before which the next page starts.
 */
export const notifications = fn(PageInput, async (input) => {
  const tenantID = useTenant();
  const me = actorID();
  const before = input.cursor ? decodeCursor(input.cursor) : undefined;
  const { feeds, leader } = await feedsOf();
  const pages = await Promise.all(
    feeds.map(async (feed) => {
      const query = NotificationEntity.query.primary({ tenantID, userID: feed.userID });
      const result = await (before ? query.lt({ notificationID: before }) : query).go({ limit: input.limit, order: "desc" });
      return { feed, items: result.data, more: Boolean(result.cursor) };
    }),
  );
  // A feed with more to come bounds this page: nothing older than its oldest item is taken yet.
  const floor = pages
    .filter((page) => page.more && page.items.length)
    .map((page) => page.items.at(-1)!.notificationID)
    .reduce<string | undefined>((high, id) => (high === undefined || id > high ? id : high), undefined);
  const overdue = leader ? (await overdueOf(leader, before)).map((item) => ({ item, audience: "grid" as const })) : [];
  const seen = new Set<string>();
  const candidates = [...pages.flatMap((page) => page.items.map((item) => ({ item, audience: page.feed.audience }))), ...overdue]
    .filter(({ item }) => floor === undefined || item.notificationID >= floor)
    // Leaders' items are for leaders; nobody is told of what they did themselves.
    .filter(({ item, audience: kind }) => kind !== "grid" || item.forRole !== "leaders" || leader !== undefined)
    .filter(({ item, audience: kind }) => kind === "own" || item.by !== me)
    .sort((a, b) => b.item.notificationID.localeCompare(a.item.notificationID))
    // One ticket's step reaches a user once, even when several of their feeds carry it.
    .filter(({ item }) => {
      const key = `${item.ticketID}/${item.kind}/${item.at}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const taken = candidates.slice(0, input.limit);
  const cursor = candidates.length > input.limit ? taken.at(-1)!.item.notificationID : floor !== undefined ? floor : null;
  const [read, names] = await Promise.all([
    readState(taken.map(({ item }) => item.notificationID)),
    namesOf(taken.map(({ item }) => item)),
  ]);
  return {
    items: taken.map(
      ({ item, audience: kind }): Notification => ({
        notificationID: item.notificationID,
        ticketID: item.ticketID ?? null,
        kind: item.kind,
        state: item.state ?? null,
        at: item.at,
        read: (kind === "own" && item.read === true) || read(item.notificationID, item.at),
        audience: kind,
        category: names.category(item.categoryKey),
        gridName: item.gridID ? (names.grids.get(item.gridID) ?? null) : null,
        address: item.address ?? null,
        department: names.department(item.departmentKey),
        departmentKey: item.departmentKey && item.departmentKey !== "none" ? item.departmentKey : null,
        closure: item.closure ?? null,
        duplicateOf: item.duplicateOf ?? null,
      }),
    ),
    cursor: cursor ? encodeCursor(cursor) : null,
  };
});

/** Whether the caller read each of `ids` (a marker, or the "read up to" row). */
async function readState(ids: string[]) {
  const tenantID = useTenant();
  const userID = actorID();
  if (!ids.length) return () => false;
  const keys = [...new Set([...ids, "*"])].map((notificationID) => ({ tenantID, userID, notificationID }));
  const found = new Map<string, string>();
  for (let start = 0; start < keys.length; start += 100) {
    const result = await NotificationReadEntity.get(keys.slice(start, start + 100)).go();
    for (const marker of result.data) found.set(marker.notificationID, marker.readAt);
  }
  const upTo = found.get("*");
  return (id: string, at: string) => found.has(id) || (upTo !== undefined && at <= upTo);
}

/** The district's names for the categories, grids and departments the items mention. */
async function namesOf(items: { categoryKey?: string; gridID?: string; departmentKey?: string }[]) {
  const tenantID = useTenant();
  const config = await Config.get();
  const gridIDs = [...new Set(items.map((item) => item.gridID).filter((id): id is string => Boolean(id)))];
  const grids = new Map<string, string>();
  if (gridIDs.length) {
    const result = await GridEntity.get(gridIDs.map((gridID) => ({ tenantID, gridID }))).go({ attributes: ["gridID", "name"] });
    for (const grid of result.data) grids.set(grid.gridID, grid.name);
  }
  return {
    grids,
    category(key: string | undefined) {
      const category = config.tickets.categories.find((candidate) => candidate.key === key);
      return category ? { zh: category.nameZh, en: category.nameEn } : null;
    },
    department(key: string | undefined) {
      if (!key || key === "none") return null;
      if (key === TERRITORIAL) return { zh: "属地网格", en: "the grid (territorial)" };
      const department = config.tickets.departments.find((candidate) => candidate.key === key);
      return department ? { zh: department.nameZh, en: department.nameEn } : { zh: key, en: key };
    },
  };
}

/**
 * Marks the caller's notifications read: the ones named (a marker each, for the caller only:
 * an ID that is not theirs marks nothing they can see), or all (one "read up to now" row).
 */
export const markNotificationsRead = fn(z.object({ notificationIDs: z.array(z.string().max(80)).max(200).optional() }), async (input) => {
  const tenantID = useTenant();
  const userID = actorID();
  const readAt = now().toISOString();
  // Mark all: how many of the newest were unread (what the caller sees change).
  const unread = input.notificationIDs ? 0 : (await notifications({ limit: 200 })).items.filter((item) => !item.read).length;
  const ids = input.notificationIDs ? [...new Set(input.notificationIDs)] : ["*"];
  for (let start = 0; start < ids.length; start += 25)
    await NotificationReadEntity.put(
      ids.slice(start, start + 25).map((notificationID) => ({ tenantID, userID, notificationID, readAt, expiresAt: expiresAt() })),
    ).go();
  return { marked: input.notificationIDs ? ids.length : unread };
});
