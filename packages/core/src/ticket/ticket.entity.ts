import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";
import { collectionOf } from "../storage/transaction.ts";

const table = { table: tableName(), client: documentClient() };

export const TicketStates = ["collected", "accepted", "dispatched", "handled", "closed"] as const;
export const Closures = ["solved", "not_responsible", "duplicate", "not_accepted", "void"] as const;

/**
 * A snap-and-report ticket (随手拍 / 民生事件). Shares its partition with its timeline
 * (the `ticket` collection), so a ticket with its timeline is one query.
 */
export const TicketEntity = new Entity(
  {
    model: { entity: "ticket", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      ticketID: { type: "string", required: true, readOnly: true },
      state: { type: TicketStates, required: true },
      closure: { type: Closures },
      categoryKey: { type: "string", required: true },
      description: { type: "string", required: true },
      lon: { type: "number", required: true, readOnly: true },
      lat: { type: "number", required: true, readOnly: true },
      address: { type: "string" },
      gridID: { type: "string", required: true, readOnly: true },
      /** The grid's ancestors then the grid, top down. */
      gridPath: { type: "list", items: { type: "string" }, required: true, readOnly: true },
      /** `a/b/c/<ticketID>`: queues filter a grid with its descendants by prefix. */
      gridPathKey: { type: "string", required: true, readOnly: true },
      reporterID: { type: "string", required: true, readOnly: true },
      reporterRole: { type: "string", required: true, readOnly: true },
      departmentKey: { type: "string", required: true, default: "none" },
      photos: { type: "list", items: { type: "string" }, required: true, default: () => [] },
      dueAt: { type: "string", required: true, default: "9999" },
      collectedAt: { type: "string", required: true, readOnly: true },
      acceptedAt: { type: "string" },
      dispatchedAt: { type: "string" },
      handledAt: { type: "string" },
      handledBy: { type: "string" },
      closedAt: { type: "string" },
      onTime: { type: "boolean" },
      rating: { type: "number" },
      ratingComment: { type: "string" },
      reopenCount: { type: "number", required: true, default: 0 },
      /** How many follow it (关注): its steps are written to its followers' feed while there are any. */
      followers: { type: "number" },
      /** For a duplicate (closure `duplicate`): the ticket it repeats. */
      duplicateOf: { type: "string" },
      /** A change waiting for approval: extend the deadline, send up, transfer, void. */
      pendingRequest: { type: "any" },
      seq: { type: "number", required: true },
      updatedAt: { type: "string", required: true },
    },
    indexes: {
      primary: {
        collection: "ticket",
        pk: { field: "pk", composite: ["tenantID", "ticketID"] },
        sk: { field: "sk", composite: [] },
      },
      /** Queues by state, a grid with its descendants by prefix: one query. */
      byState: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "state"] },
        sk: { field: "gsi1sk", composite: ["gridPathKey"] },
      },
      /** A department's queue by state, soonest due first (overdue: due before now). */
      byDepartment: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["tenantID", "departmentKey"] },
        sk: { field: "gsi2sk", composite: ["state", "dueAt", "ticketID"] },
      },
      /** A reporter's own tickets, newest last. */
      byReporter: {
        index: "gsi3",
        pk: { field: "gsi3pk", composite: ["tenantID", "reporterID"] },
        sk: { field: "gsi3sk", composite: ["ticketID"] },
      },
    },
  },
  table,
);

/** One step of a ticket's life: append-only (who, when, what, photos). */
export const TimelineEntity = new Entity(
  {
    model: { entity: "timeline", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      ticketID: { type: "string", required: true, readOnly: true },
      seq: { type: "number", required: true, readOnly: true, padding: { length: 4, char: "0" } },
      action: { type: "string", required: true, readOnly: true },
      fromState: { type: "string" },
      toState: { type: "string", required: true },
      actorID: { type: "string", required: true },
      actorRole: { type: "string", required: true },
      /** The actor's name when they acted (网格员 黄晓梅): kept with the entry, historically right, no read to show it. */
      actorName: { type: "string" },
      at: { type: "string", required: true },
      note: { type: "string" },
      photos: { type: "list", items: { type: "string" } },
      departmentKey: { type: "string" },
      closure: { type: "string" },
      /** For closures: whether it closed by its due time then. */
      onTime: { type: "boolean" },
      rating: { type: "number" },
    },
    indexes: {
      primary: {
        collection: "ticket",
        pk: { field: "pk", composite: ["tenantID", "ticketID"] },
        sk: { field: "sk", composite: ["seq"] },
      },
    },
  },
  table,
);

/**
 * A submission's Idempotency-Key, per caller (`<actorID>/<key>`): a retry returns the ticket the
 * first try created. An Open311 token is public (`token:<token>`), resolved by anyone.
 */
export const IdempotencyEntity = new Entity(
  {
    model: { entity: "idempotency", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      key: { type: "string", required: true, readOnly: true },
      ticketID: { type: "string", required: true },
      /** sha256 of the first request's body: the same key with another body is refused (422). */
      requestHash: { type: "string" },
      expiresAt: { type: "number", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID", "key"] }, sk: { field: "sk", composite: [] } },
    },
  },
  table,
);

/**
 * A pending upload taken by a ticket (`uploads/pending/…` → the ticket): written with a
 * conditional create in the same transaction as the ticket's step, so that one upload goes to
 * one ticket even when two attach it at once (the other gets 409 `photo.taken`).
 */
export const PhotoClaimEntity = new Entity(
  {
    model: { entity: "photoClaim", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      photoKey: { type: "string", required: true, readOnly: true },
      ticketID: { type: "string", required: true },
      /** Outlives the pending upload (which the bucket expires), then goes. */
      expiresAt: { type: "number", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID", "photoKey"] }, sk: { field: "sk", composite: [] } },
    },
  },
  table,
);

/**
 * An in-app notification to one audience (see `notification.ts`): a user (`userID` is their ID),
 * a grid's staff (`grid:<gridID>`), a department's staff (`department:<key>`) or a ticket's
 * followers (`followers:<ticketID>`). What it says is kept as keys (category, grid, department);
 * the list puts the district's current names on them.
 */
export const NotificationEntity = new Entity(
  {
    model: { entity: "notification", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      /** The audience: a user's ID, or `grid:…`, `department:…`, `followers:…`. */
      userID: { type: "string", required: true, readOnly: true },
      notificationID: { type: "string", required: true, readOnly: true },
      ticketID: { type: "string" },
      kind: { type: "string", required: true },
      state: { type: "string" },
      at: { type: "string", required: true },
      /** For a user's own items written before read markers; audience items are read by marker. */
      read: { type: "boolean", required: true, default: false },
      categoryKey: { type: "string" },
      gridID: { type: "string" },
      address: { type: "string" },
      departmentKey: { type: "string" },
      closure: { type: "string" },
      /** On a grid's feed: `leaders` when only its grid leaders are told (change requests). */
      forRole: { type: "string" },
      /** For a duplicate: the ticket it repeats. */
      duplicateOf: { type: "string" },
      /** Who acted: nobody is told of their own step on a shared feed. */
      by: { type: "string" },
      expiresAt: { type: "number" },
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["tenantID", "userID"] },
        sk: { field: "sk", composite: ["notificationID"] },
      },
    },
  },
  table,
);

/**
 * That a user has read a notification (`notificationID`), or — the row `notificationID: "*"` —
 * everything up to `readAt` (mark all read: one write whatever the number).
 */
export const NotificationReadEntity = new Entity(
  {
    model: { entity: "notificationRead", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      userID: { type: "string", required: true, readOnly: true },
      notificationID: { type: "string", required: true, readOnly: true },
      readAt: { type: "string", required: true },
      expiresAt: { type: "number" },
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["tenantID", "userID"] },
        sk: { field: "sk", composite: ["notificationID"] },
      },
    },
  },
  table,
);

/** A user follows a ticket (关注): its followers' feed joins their notifications. */
export const FollowEntity = new Entity(
  {
    model: { entity: "follow", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      userID: { type: "string", required: true, readOnly: true },
      ticketID: { type: "string", required: true, readOnly: true },
      at: { type: "string", required: true },
      /** `duplicate` when they follow it because their own report was marked a duplicate of it. */
      reason: { type: "string" },
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["tenantID", "userID"] },
        sk: { field: "sk", composite: ["ticketID"] },
      },
    },
  },
  table,
);

/** A ticket with its timeline in one Query (the `ticket` collection). */
export const TicketCollection = collectionOf({ ticket: TicketEntity, timeline: TimelineEntity });
