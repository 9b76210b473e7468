import type { EntityItem } from "electrodb";
import { z } from "zod";
import { now } from "../util/clock.ts";
import type { Assert, Equal, Nullable, Nullish } from "../util/record.ts";
import { Closures, type TicketEntity, TicketStates, type TimelineEntity } from "./ticket.entity.ts";

export const TicketState = z.enum(TicketStates);
export type TicketState = z.infer<typeof TicketState>;
export const Closure = z.enum(Closures);

/** A ticket as callers see it. `overdue`: not closed and past its due time. */
export const Ticket = z.object({
  ticketID: z.string(),
  state: TicketState,
  closure: Closure.nullable(),
  categoryKey: z.string(),
  description: z.string(),
  lon: z.number(),
  lat: z.number(),
  address: z.string().nullable(),
  gridID: z.string(),
  gridPath: z.array(z.string()),
  reporterID: z.string(),
  departmentKey: z.string().nullable(),
  photos: z.array(z.string()),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  collectedAt: z.string(),
  acceptedAt: z.string().nullable(),
  dispatchedAt: z.string().nullable(),
  handledAt: z.string().nullable(),
  handledBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  reopenCount: z.number(),
  /** How many follow it (关注). */
  followers: z.number(),
  /** For a duplicate: the ticket it repeats. */
  duplicateOf: z.string().nullable(),
  pendingRequest: z
    .object({
      seq: z.number(),
      kind: z.string(),
      reason: z.string(),
      hours: z.number().nullable(),
      departmentKey: z.string().nullable(),
      by: z.string(),
      at: z.string(),
    })
    .nullable(),
  seq: z.number(),
  updatedAt: z.string(),
});
export type Ticket = z.infer<typeof Ticket>;

export const TimelineEntry = z.object({
  seq: z.number(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actorID: z.string(),
  actorRole: z.string(),
  /** Who acted, by name, as they were called then; null for older entries, and for a resident in the eyes of another resident. */
  actorName: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
  photos: z.array(z.string()),
  departmentKey: z.string().nullable(),
  closure: z.string().nullable(),
  rating: z.number().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** A ticket as stored. */
type TicketItem = EntityItem<typeof TicketEntity>;

/**
 * What callers see of it: without its keys and the reporter's role, absent attributes as null,
 * no department (`none`) and no due time (`9999`) as null, whether it is overdue (computed by
 * `toTicket` at the time asked), and the pending request (stored as any) in its shape.
 */
type TicketView = Nullable<
  Omit<TicketItem, "tenantID" | "gridPathKey" | "reporterRole" | "departmentKey" | "dueAt" | "pendingRequest" | "followers">
> & {
  followers: number;
  departmentKey: string | null;
  dueAt: string | null;
  overdue: boolean;
  pendingRequest: Ticket["pendingRequest"];
};
type _Ticket = Assert<Equal<Ticket, TicketView>>;

/** The stored attributes `toTicket` reads: as read, or a ticket put back in the stored shape (`fromTicket`) with a step's patch. */
export type TicketFields = Nullish<Omit<TicketItem, "tenantID" | "gridPathKey" | "reporterRole">>;

/** A timeline entry as stored; callers see it without its keys and the on-time flag, absent attributes as null, absent photos as none. */
type TimelineItem = EntityItem<typeof TimelineEntity>;
type TimelineEntryView = Nullable<Omit<TimelineItem, "tenantID" | "ticketID" | "onTime" | "photos">> &
  Required<Pick<TimelineItem, "photos">>;
type _TimelineEntry = Assert<Equal<TimelineEntry, TimelineEntryView>>;

export function toTicket(item: TicketFields, at = now().toISOString()): Ticket {
  const dueAt = item.dueAt && item.dueAt !== "9999" ? item.dueAt : null;
  return {
    ticketID: item.ticketID,
    state: item.state,
    closure: item.closure ?? null,
    categoryKey: item.categoryKey,
    description: item.description,
    lon: item.lon,
    lat: item.lat,
    address: item.address ?? null,
    gridID: item.gridID,
    gridPath: item.gridPath,
    reporterID: item.reporterID,
    departmentKey: item.departmentKey && item.departmentKey !== "none" ? item.departmentKey : null,
    photos: item.photos ?? [],
    dueAt,
    overdue: item.state !== "closed" && dueAt !== null && dueAt < at,
    collectedAt: item.collectedAt,
    acceptedAt: item.acceptedAt ?? null,
    dispatchedAt: item.dispatchedAt ?? null,
    handledAt: item.handledAt ?? null,
    handledBy: item.handledBy ?? null,
    closedAt: item.closedAt ?? null,
    onTime: item.onTime ?? null,
    rating: item.rating ?? null,
    ratingComment: item.ratingComment ?? null,
    reopenCount: item.reopenCount ?? 0,
    followers: item.followers ?? 0,
    duplicateOf: item.duplicateOf ?? null,
    pendingRequest: item.pendingRequest ?? null,
    seq: item.seq,
    updatedAt: item.updatedAt,
  };
}

export function toEntry(item: TimelineItem): TimelineEntry {
  return {
    seq: item.seq,
    action: item.action,
    fromState: item.fromState ?? null,
    toState: item.toState,
    actorID: item.actorID,
    actorRole: item.actorRole,
    actorName: item.actorName ?? null,
    at: item.at,
    note: item.note ?? null,
    photos: item.photos ?? [],
    departmentKey: item.departmentKey ?? null,
    closure: item.closure ?? null,
    rating: item.rating ?? null,
  };
}
