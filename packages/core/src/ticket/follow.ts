/**
 * Following a ticket (关注) and marking one a duplicate of another (重复件): a resident who sees
 * that what they wanted to report is already reported follows it instead, and the reporter of a
 * ticket that staff mark as a duplicate follows the original. Followers get the original's step
 * notifications (`notification.ts`: the `followers:<ticketID>` feed). Someone who may not read a
 * ticket in full sees it as the public does (`publicView`): public categories only, phone and ID
 * numbers hidden, the place rounded — the Open311 public view's rules.
 */
import { z } from "zod";
import { actorID, assertRole, useTenant } from "../actor.ts";
import { isPublicCategory } from "../config/category-rules.ts";
import { ConflictError, InputError, NotFoundError } from "../error.ts";
import { Tally } from "../counter/tally.ts";
import { publicFields } from "./public-view.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { fn } from "../util/fn.ts";
import { now } from "../util/clock.ts";
import { type Ticket, TicketState, Closure, toTicket } from "./model.ts";
import { canRead, closingAdds, load, scopesOf, settings } from "./shared.ts";
import { guarded } from "./guard.ts";
import { FollowEntity, TicketEntity, TicketStates } from "./ticket.entity.ts";
import { Note, apply } from "./transition.ts";

/** What anyone in the district may see of a ticket of a public category. */
export const PublicTicket = z.object({
  ticketID: z.string(),
  state: TicketState,
  closure: Closure.nullable(),
  categoryKey: z.string(),
  description: z.string(),
  address: z.string().nullable(),
  /** Rounded to about 100 m. */
  lon: z.number(),
  lat: z.number(),
  gridID: z.string(),
  collectedAt: z.string(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
  followers: z.number(),
  duplicateOf: z.string().nullable(),
  /** Whether the caller follows it. */
  following: z.boolean(),
  /** Whether the caller reported it (then the full ticket is theirs to read). */
  own: z.boolean(),
});
export type PublicTicket = z.infer<typeof PublicTicket>;

/** A ticket of this district (any reader), or 404. */
async function stored(ticketID: string): Promise<Ticket> {
  const item = (await TicketEntity.get({ tenantID: useTenant(), ticketID }).go()).data;
  if (!item) throw new NotFoundError("ticket.not_found", `There is no ticket ${ticketID} that you can see.`);
  return toTicket(item);
}

/** A ticket the caller may see in full, or at least in public: 404 otherwise (a private category, another district). */
async function visible(ticketID: string): Promise<Ticket> {
  const ticket = await stored(ticketID);
  if (canRead(ticket)) return ticket;
  const config = await settings();
  const category = config.categories.find((candidate) => candidate.key === ticket.categoryKey);
  if (category && isPublicCategory(category)) return ticket;
  throw new NotFoundError("ticket.not_found", `There is no ticket ${ticketID} that you can see.`);
}

async function follows(ticketID: string): Promise<boolean> {
  const item = await FollowEntity.get({ tenantID: useTenant(), userID: actorID(), ticketID }).go({ consistent: true });
  return Boolean(item.data);
}

/** A ticket as the public sees it, with whether the caller follows it (404 for a private category). */
export const publicView = fn(z.string().min(1).max(80), async (ticketID): Promise<PublicTicket> => {
  assertSignedIn();
  const ticket = await visible(ticketID);
  return {
    ticketID: ticket.ticketID,
    state: ticket.state,
    closure: ticket.closure,
    categoryKey: ticket.categoryKey,
    ...publicFields(ticket),
    gridID: ticket.gridID,
    collectedAt: ticket.collectedAt,
    closedAt: ticket.closedAt,
    updatedAt: ticket.updatedAt,
    followers: ticket.followers,
    duplicateOf: ticket.duplicateOf,
    following: await follows(ticketID),
    own: ticket.reporterID === actorID(),
  };
});

function assertSignedIn() {
  assertRole("resident", "grid_worker", "grid_leader", "department_staff", "cadre", "district_admin");
}

/** Makes `userID` a follower of `ticketID` (one follow record and the ticket's count, together); true when newly. */
async function addFollower(userID: string, ticketID: string, reason?: string): Promise<boolean> {
  const tenantID = useTenant();
  const result = await writeTransaction({ follow: FollowEntity, ticket: TicketEntity }, (ops) => [
    ops.follow.create({ tenantID, userID, ticketID, at: now().toISOString(), reason }).commit(),
    ops.ticket.patch({ tenantID, ticketID }).add({ followers: 1 }).commit(),
  ]).go();
  return !result.canceled;
}

export const FollowInput = z.object({ ticketID: z.string().min(1).max(80) });

/** Follows a ticket the caller may see (in full or in public); following again changes nothing. */
export const follow = fn(FollowInput, async (input) => {
  assertSignedIn();
  const ticket = await visible(input.ticketID);
  if (ticket.reporterID === actorID())
    throw new ConflictError("ticket.follow_own", "You reported this ticket: you are told of each of its steps already.");
  if (!(await addFollower(actorID(), ticket.ticketID)) && !(await follows(ticket.ticketID)))
    throw new ConflictError("ticket.changed", "The ticket changed at the same moment; try again.");
  return { ticketID: ticket.ticketID, following: true };
});

/** Stops following a ticket; when the caller does not follow it, nothing changes (404 for one they may not see). */
export const unfollow = fn(FollowInput, async (input) => {
  assertSignedIn();
  const tenantID = useTenant();
  const userID = actorID();
  // Not following: still a 404 for a ticket the caller may not see (another district's, a private one).
  if (!(await follows(input.ticketID))) await visible(input.ticketID);
  else {
    const result = await writeTransaction({ follow: FollowEntity, ticket: TicketEntity }, (ops) => [
      ops.follow
        .delete({ tenantID, userID, ticketID: input.ticketID })
        .where((attr, op) => op.exists(attr.at))
        .commit(),
      ops.ticket.patch({ tenantID, ticketID: input.ticketID }).add({ followers: -1 }).commit(),
    ]).go();
    if (result.canceled && (await follows(input.ticketID)))
      throw new ConflictError("ticket.changed", "The ticket changed at the same moment; try again.");
  }
  return { ticketID: input.ticketID, following: false };
});

/** A ticket's number as the portal shows it: the last 8 characters of its ID, upper case. */
export const numberOf = (ticketID: string) =>
  ticketID
    .replace(/^ticket_/, "")
    .slice(-8)
    .toUpperCase();

/** The original named by its ID or by its number (an open ticket of the district): its ID, or 400. */
async function originalID(named: string): Promise<string> {
  if (named.startsWith("ticket_")) return named;
  const number = named.trim().toUpperCase();
  const tenantID = useTenant();
  const open = TicketStates.filter((state) => state !== "closed");
  const found = (
    await Promise.all(
      open.map((state) =>
        TicketEntity.query
          .byState({ tenantID, state })
          .go({ pages: "all", attributes: ["ticketID"] })
          .then((result) => result.data.map((item) => item.ticketID)),
      ),
    )
  )
    .flat()
    .filter((ticketID) => numberOf(ticketID) === number);
  if (found.length !== 1)
    throw new InputError("ticket.duplicate_unknown", `No open ticket of this district has the number ${named}; give its full ID.`, [
      { path: "originalID", message: found.length ? "more than one ticket has this number" : "unknown" },
    ]);
  return found[0];
}

export const MarkDuplicateInput = z.object({
  ticketID: z.string(),
  /** The original: its ID (`ticket_…`) or its number (the last 8 characters, as the portal shows it). */
  originalID: z.string().trim().min(4).max(80),
  note: Note.optional(),
});

/**
 * 重复件: staff close a ticket as a duplicate of another ticket of the district (not itself, not
 * one that is a duplicate itself); its reporter is told and follows the original.
 */
export const markDuplicate = fn(
  MarkDuplicateInput,
  guarded(async (input) => {
    assertRole("grid_worker", "grid_leader", "district_admin");
    await settings();
    const ticket = await load(input.ticketID);
    const originalTicketID = await originalID(input.originalID);
    if (originalTicketID === ticket.ticketID)
      throw new InputError("ticket.duplicate_self", "A ticket cannot be a duplicate of itself.", [
        { path: "originalID", message: "the ticket itself" },
      ]);
    if (ticket.state === "closed") throw new ConflictError("ticket.state", "A closed ticket cannot be marked a duplicate.");
    const original = (await TicketEntity.get({ tenantID: useTenant(), ticketID: originalTicketID }).go()).data;
    if (!original)
      throw new InputError("ticket.duplicate_unknown", `There is no ticket ${originalTicketID} in this district.`, [
        { path: "originalID", message: "unknown" },
      ]);
    if (original.closure === "duplicate")
      throw new ConflictError(
        "ticket.duplicate_of_duplicate",
        `Ticket ${numberOf(original.ticketID)} is itself a duplicate${original.duplicateOf ? ` of ${numberOf(original.duplicateOf)}` : ""}: name the original.`,
      );
    const at = now().toISOString();
    const onTime = ticket.dueAt === null || at <= ticket.dueAt;
    const updated = await apply(ticket, {
      action: "duplicate",
      to: "closed",
      note: input.note,
      closure: "duplicate",
      duplicateOf: original.ticketID,
      patch: { closure: "duplicate", closedAt: at, onTime, duplicateOf: original.ticketID },
      counters: new Tally().addTicket(scopesOf(ticket), at, closingAdds(ticket, "duplicate", at, onTime)),
    });
    // Not in the step's transaction (it has its limits): following again changes nothing, so a retry is safe.
    if (original.reporterID !== ticket.reporterID) await addFollower(ticket.reporterID, original.ticketID, "duplicate");
    return updated;
  }),
);
