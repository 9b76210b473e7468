import type { UpdateEntityItem, UpdateRemoveEntityItem } from "electrodb";
import { createHash } from "node:crypto";
import { z } from "zod";
import { actorID, actorName, assertRole, useActor, useTenant } from "../actor.ts";
import { TERRITORIAL } from "../config/index.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError, UnprocessableError, VisibleError } from "../error.ts";
import { Tally } from "../counter/tally.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { now } from "../util/clock.ts";
import { addWorkingHours } from "./deadline.ts";
import * as Photo from "./photo.ts";
import {
  IdempotencyEntity,
  NotificationEntity,
  PhotoClaimEntity,
  TicketCollection,
  TicketEntity,
  TimelineEntity,
} from "./ticket.entity.ts";
import { type Ticket, type TicketFields, type TicketState, toEntry, toTicket } from "./model.ts";
import { caller, canRead, closingAdds, has, load, mainRole, roles, scopesOf, settings } from "./shared.ts";
import { MAX_PHOTOS, mayHandle, route } from "./rules.ts";
import { assertGuardsHeld, guarded, guardEntities, guardOperations, locateForWrite } from "./guard.ts";
import { newTicketNotices, noticesOf } from "./notification.ts";

// ─── transitions ────────────────────────────────────────────────────────────

interface Step {
  action: string;
  to: TicketState;
  /** What the step sets on the stored ticket; an attribute given as undefined is removed. */
  patch?: UpdateEntityItem<typeof TicketEntity>;
  note?: string;
  photos?: string[];
  departmentKey?: string;
  closure?: string;
  rating?: number;
  counters: Tally;
  /** Pending uploads the step takes for the ticket (claimed in the same transaction). */
  claims?: string[];
  /** For a duplicate: the ticket it repeats. */
  duplicateOf?: string;
}

/** The attributes a step may remove. */
type TicketRemoval = UpdateRemoveEntityItem<typeof TicketEntity>;

const onTimeOf = (patch: Step["patch"]) => (patch && typeof patch.onTime === "boolean" ? patch.onTime : undefined);

/** Conditional creates of the uploads' claims: a claim another ticket holds cancels the transaction. */
function claimOperations<Committed>(
  ops: {
    photoClaim: { create(item: { tenantID: string; photoKey: string; ticketID: string; expiresAt: number }): { commit(): Committed } };
  },
  photoKeys: string[],
  ticketID: string,
): Committed[] {
  const tenantID = useTenant();
  const expiresAt = Math.floor(Date.now() / 1000) + 3 * 86400;
  return photoKeys.map((photoKey) => ops.photoClaim.create({ tenantID, photoKey, ticketID, expiresAt }).commit());
}

/** After a canceled transaction: 409 `photo.taken` when one of the uploads went to another ticket. */
async function assertUnclaimed(photoKeys: string[], ticketID: string) {
  const tenantID = useTenant();
  for (const [index, photoKey] of photoKeys.entries()) {
    const claim = await PhotoClaimEntity.get({ tenantID, photoKey }).go({ consistent: true });
    if (claim.data && claim.data.ticketID !== ticketID)
      throw new ConflictError("photo.taken", "This photo was attached to another ticket at the same moment; upload it again.", [
        { path: photoKeys.length > 1 ? `photoKeys.${index}` : "photoKey", message: "attached elsewhere" },
      ]);
  }
}

/** What a ticket's transaction writes: the ticket, its timeline, notices, photo claims, counters, and the guard's checks. */
const TicketWrite = {
  notification: NotificationEntity,
  ticket: TicketEntity,
  timeline: TimelineEntity,
  photoClaim: PhotoClaimEntity,
  ...Tally.entities,
  ...guardEntities,
};

/**
 * Applies one step to a ticket in one transaction: the ticket (conditional on the sequence it
 * was read at, so two people acting at once cannot both win), the timeline entry, the counters
 * and the notifications of the step's audiences (`noticesOf`: the reporter, the followers, a
 * department, a grid — one item each). `notify: false` tells neither reporter nor followers.
 */
export async function apply(ticket: Ticket, step: Step, options: { notify?: boolean } = {}) {
  const tenantID = useTenant();
  const at = now().toISOString();
  const seq = ticket.seq + 1;
  const by = actorID();
  const notify = options.notify !== false;
  const merged = { ...fromTicket(ticket), ...defined(step.patch ?? {}) };
  const result = await writeTransaction(TicketWrite, (ops) => [
    ...guardOperations(ops),
    ...claimOperations(ops, step.claims ?? [], ticket.ticketID),
    ops.ticket
      .patch({ tenantID, ticketID: ticket.ticketID })
      .set({ departmentKey: merged.departmentKey, dueAt: merged.dueAt, ...defined(step.patch ?? {}), state: step.to, seq, updatedAt: at })
      .remove((Object.keys(step.patch ?? {}) as TicketRemoval).filter((key) => step.patch![key] === undefined))
      // Index keys are rebuilt from every composite, including the ones that never change.
      .composite({ gridPathKey: `${ticket.gridPath.join("/")}/${ticket.ticketID}`, reporterID: ticket.reporterID })
      .where((attr, op) => op.eq(attr.seq, ticket.seq))
      .commit(),
    ops.timeline
      .create({
        tenantID,
        ticketID: ticket.ticketID,
        seq,
        action: step.action,
        fromState: ticket.state,
        toState: step.to,
        actorID: by,
        actorRole: mainRole(),
        actorName: actorName(),
        at,
        note: step.note,
        photos: step.photos,
        departmentKey: step.departmentKey,
        closure: step.closure,
        rating: step.rating,
        onTime: step.closure ? onTimeOf(step.patch) : undefined,
      })
      .commit(),
    ...step.counters.operations(ops),
    ...noticesOf(ticket, step, { notifyReporter: notify, by, at }).map((item) => ops.notification.create(item).commit()),
  ]).go();
  if (result.canceled) {
    assertGuardsHeld(result.data);
    await assertUnclaimed(step.claims ?? [], ticket.ticketID);
    throw new ConflictError("ticket.changed", "Someone else acted on this ticket at the same time; reload it and try again.");
  }
  return { ...ticket, ...toTicket({ ...fromTicket(ticket), ...step.patch, state: step.to, seq, updatedAt: at }) };
}

const defined = <T extends object>(patch: T) =>
  Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;

/** A ticket back to its stored shape (for merging a patch). */
function fromTicket(ticket: Ticket): TicketFields {
  return { ...ticket, departmentKey: ticket.departmentKey ?? "none", dueAt: ticket.dueAt ?? "9999" };
}

function expect(ticket: Ticket, action: string, ...states: TicketState[]) {
  if (!states.includes(ticket.state))
    throw new ConflictError("ticket.state", `A ticket that is ${ticket.state} cannot be ${action}; it must be ${states.join(" or ")}.`);
}

export const Note = z.string().trim().max(2000);
const PhotoKeys = z.array(z.string().max(300)).max(MAX_PHOTOS, `at most ${MAX_PHOTOS} photos`);

export const CreateInput = z.object({
  categoryKey: z.string().max(40),
  description: z.string().trim().min(2).max(2000),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  address: z.string().trim().max(200).optional(),
  photoKeys: PhotoKeys.default([]),
  /** A retried submission with the same key returns the first ticket. */
  idempotencyKey: z.string().min(8).max(100).optional(),
});

/** Where a caller's Idempotency-Key is kept: under the caller, so that one caller's key is nobody else's. */
const keyOf = (idempotencyKey: string) => `${actorID()}/${idempotencyKey}`;
/** Where an Open311 token is kept: public (anyone may resolve it), written only by an Open311 report. */
export const tokenKeyOf = (token: string) => `token:${token}`;

/** The body a key stands for: the same key with another body is not a retry. */
function requestHashOf(input: z.output<typeof CreateInput>): string {
  const { categoryKey, description, lon, lat, address, photoKeys } = input;
  return createHash("sha256")
    .update(JSON.stringify([categoryKey, description, lon, lat, address ?? null, photoKeys]))
    .digest("base64url");
}

/** An earlier submission under the caller's key: its ticket, or 422 when it said something else. */
async function earlierUnder(idempotencyKey: string, requestHash: string) {
  const earlier = await IdempotencyEntity.get({ tenantID: useTenant(), key: keyOf(idempotencyKey) }).go({ consistent: true });
  if (!earlier.data) return undefined;
  if (earlier.data.requestHash && earlier.data.requestHash !== requestHash)
    throw new UnprocessableError(
      "idempotency.mismatch",
      "This Idempotency-Key was used before for a different report; use a new key for a new report.",
      [{ path: "idempotency-key", message: "used before with another body" }],
    );
  return { ticket: await load(earlier.data.ticketID), created: false };
}

/** Reports a ticket (随手拍): located to its grid, photos checked, counted — one transaction. */
export const create = fn(
  CreateInput,
  guarded((input) => report(input, {})),
);

/**
 * `create`, for Open311: with the client's public `token`, resolvable by anyone while it lives
 * (a day); a token another report holds → 400 `open311.token_taken`.
 */
export const createWithToken = (input: z.input<typeof CreateInput>, token: string) =>
  guarded((parsed: z.output<typeof CreateInput>) => report(parsed, { token }))(CreateInput.parse(input));

async function report(input: z.output<typeof CreateInput>, extra: { token?: string }) {
  assertRole("resident", "grid_worker", "grid_leader");
  const tenantID = useTenant();
  const requestHash = requestHashOf(input);
  const config = await settings();
  const category = config.categories.find((candidate) => candidate.key === input.categoryKey);
  if (!category)
    throw new InputError("ticket.unknown_category", `There is no category "${input.categoryKey}" in this district.`, [
      { path: "categoryKey", message: `one of ${config.categories.map((candidate) => candidate.key).join(", ")}` },
    ]);
  if (input.idempotencyKey) {
    const earlier = await earlierUnder(input.idempotencyKey, requestHash);
    if (earlier) return earlier;
  }
  const place = await locateForWrite({ lon: input.lon, lat: input.lat }).catch((error: unknown) => {
    if (error instanceof VisibleError && error.code === "grid.outside_district")
      throw new InputError("ticket.outside_district", "The location is outside this district's grids: pick a place inside the district.", [
        { path: "lon", message: "outside the district" },
      ]);
    throw error;
  });
  const photos = [];
  for (const [index, key] of input.photoKeys.entries()) photos.push(await Photo.check(key, `photoKeys.${index}`));
  const ticketID = newID("ticket");
  const finalKeys = photos.map((photo) => Photo.finalKey(photo, ticketID));
  const at = now().toISOString();
  const gridPath = [...place.ancestors.map((grid) => grid.gridID), place.grid.gridID];
  const by = actorID();
  const item = {
    tenantID,
    ticketID,
    state: "collected" as const,
    categoryKey: category.key,
    description: input.description,
    lon: input.lon,
    lat: input.lat,
    address: input.address,
    gridID: place.grid.gridID,
    gridPath,
    gridPathKey: `${gridPath.join("/")}/${ticketID}`,
    reporterID: by,
    reporterRole: mainRole(),
    departmentKey: "none",
    photos: finalKeys,
    dueAt: "9999",
    collectedAt: at,
    reopenCount: 0,
    seq: 1,
    updatedAt: at,
  };
  const counters = new Tally().addTicket(scopesOf({ gridPath, categoryKey: category.key, departmentKey: null }), at, { collected: 1 });
  const result = await writeTransaction({ idempotency: IdempotencyEntity, ...TicketWrite }, (ops) => [
    ...guardOperations(ops),
    ...claimOperations(ops, input.photoKeys, ticketID),
    ops.ticket.create(item).commit(),
    ops.timeline
      .create({
        tenantID,
        ticketID,
        seq: 1,
        action: "collect",
        toState: "collected",
        actorID: by,
        actorRole: mainRole(),
        actorName: actorName(),
        at,
        note: input.description,
        photos: finalKeys,
      })
      .commit(),
    ...counters.operations(ops),
    // The staff of its grid and of each grid above: one item per grid (notification.ts).
    ...newTicketNotices(item, by, at).map((notice) => ops.notification.create(notice).commit()),
    ...[input.idempotencyKey && keyOf(input.idempotencyKey), extra.token && tokenKeyOf(extra.token)]
      .filter((key): key is string => Boolean(key))
      .map((key) =>
        ops.idempotency.create({ tenantID, key, ticketID, requestHash, expiresAt: Math.floor(Date.now() / 1000) + 86400 }).commit(),
      ),
  ]).go();
  if (result.canceled) {
    assertGuardsHeld(result.data);
    const earlier = input.idempotencyKey ? await earlierUnder(input.idempotencyKey, requestHash) : undefined;
    if (earlier) return earlier;
    await assertUnclaimed(input.photoKeys, ticketID);
    if (extra.token && (await IdempotencyEntity.get({ tenantID, key: tokenKeyOf(extra.token) }).go()).data)
      throw new InputError("open311.token_taken", "This token is already in use; choose another one.", [
        { path: "token", message: "in use" },
      ]);
    throw new ConflictError("ticket.changed", "The ticket could not be created; try again.");
  }
  await Photo.keep(photos, finalKeys);
  return { ticket: toTicket(item), created: true };
}

/** A ticket with its timeline (one query) and links to its photos. */
export const get = fn(z.string(), async (ticketID) => {
  const result = await TicketCollection.collections.ticket({ tenantID: useTenant(), ticketID }).go({ pages: "all" });
  const [item] = result.data.ticket;
  const ticket = item ? toTicket(item) : undefined;
  if (!ticket || !canRead(ticket)) throw new NotFoundError("ticket.not_found", `There is no ticket ${ticketID} that you can see.`);
  // Staff names are for everyone who may read the ticket; a resident's only for staff (and themselves).
  const viewerIsStaff = roles().some((role) => role !== "resident");
  const timeline = result.data.timeline
    .map(toEntry)
    .map((entry) =>
      viewerIsStaff || entry.actorRole !== "resident" || entry.actorID === actorID() ? entry : { ...entry, actorName: null },
    )
    .sort((a, b) => a.seq - b.seq);
  const keys = [...new Set([...ticket.photos, ...timeline.flatMap((entry) => entry.photos)])];
  const links = await Photo.urls(keys);
  return { ticket, timeline, photoUrls: Object.fromEntries(keys.map((key, index) => [key, links[index]])) };
});

export const TransitionInput = z.object({ ticketID: z.string(), note: Note.optional() });

const staff = ["grid_worker", "grid_leader", "district_admin"] as const;

/** 立案: a grid worker or leader accepts a collected ticket; its deadline starts counting. */
export const accept = fn(
  TransitionInput,
  guarded(async (input) => {
    assertRole(...staff);
    const config = await settings();
    const ticket = await load(input.ticketID);
    expect(ticket, "accepted", "collected");
    const category = config.categories.find((candidate) => candidate.key === ticket.categoryKey);
    const at = now();
    const dueAt = addWorkingHours(at, category?.deadlineHours ?? 40, config.workingHours).toISOString();
    return apply(ticket, {
      action: "accept",
      to: "accepted",
      note: input.note,
      patch: { acceptedAt: at.toISOString(), dueAt },
      counters: new Tally().addTicket(scopesOf(ticket), at.toISOString(), { accepted: 1 }),
    });
  }),
);

/** Not accepted (不予立案), with a reason: a closure that does not count as solved. */
export const reject = fn(
  TransitionInput.extend({ note: Note.min(2, "give the reason") }),
  guarded(async (input) => {
    assertRole(...staff);
    await settings();
    const ticket = await load(input.ticketID);
    expect(ticket, "rejected", "collected");
    const at = now().toISOString();
    return apply(ticket, {
      action: "reject",
      to: "closed",
      note: input.note,
      closure: "not_accepted",
      patch: { closure: "not_accepted", closedAt: at, onTime: true },
      counters: new Tally().addTicket(scopesOf(ticket), at, closingAdds(ticket, "not_accepted", at, true)),
    });
  }),
);

/** 派遣: a dispatcher sends an accepted ticket to a department (routed unless named). */
export const dispatch = fn(
  TransitionInput.extend({ departmentKey: z.string().max(40).optional() }),
  guarded(async (input) => {
    assertRole("grid_leader", "district_admin");
    const config = await settings();
    const ticket = await load(input.ticketID);
    expect(ticket, "dispatched", "accepted");
    const departmentKey = input.departmentKey ?? route(config, ticket);
    if (departmentKey !== TERRITORIAL && !config.departments.some((department) => department.key === departmentKey))
      throw new InputError("ticket.unknown_department", `There is no department "${departmentKey}" in this district.`, [
        { path: "departmentKey", message: "unknown" },
      ]);
    const at = now().toISOString();
    const next = { ...ticket, departmentKey };
    return apply(ticket, {
      action: "dispatch",
      to: "dispatched",
      note: input.note,
      departmentKey,
      patch: { departmentKey, dispatchedAt: at },
      counters: new Tally().addTicket(scopesOf(next), at, { dispatched: 1 }),
    });
  }),
);

/** 处置反馈: the department (or, for territorial tickets, the grid's staff) reports what it did. */
export const reportHandling = fn(
  TransitionInput.extend({ note: Note.min(2, "say what was done"), photoKeys: PhotoKeys.default([]) }),
  guarded(async (input) => {
    const actor = useActor();
    await settings();
    const ticket = await load(input.ticketID);
    const territorial = ticket.departmentKey === TERRITORIAL;
    const allowed = mayHandle(caller(), ticket);
    if (!allowed && actor.type !== "system")
      throw new ForbiddenError(
        "ticket.not_your_department",
        territorial
          ? "Territorial tickets are handled by the grid's staff."
          : "Only the department the ticket was dispatched to may report handling it.",
      );
    expect(ticket, "handled", "dispatched");
    const photos = [];
    for (const [index, key] of input.photoKeys.entries()) photos.push(await Photo.check(key, `photoKeys.${index}`));
    const keys = photos.map((photo) => Photo.finalKey(photo, ticket.ticketID));
    const at = now().toISOString();
    const updated = await apply(ticket, {
      action: "handle",
      to: "handled",
      note: input.note,
      photos: keys,
      patch: { handledAt: at, handledBy: actorID(), photos: [...ticket.photos, ...keys] },
      counters: new Tally().addTicket(scopesOf(ticket), at, { handled: 1 }),
    });
    await Photo.keep(photos, keys);
    return updated;
  }),
);

async function checkable(ticketID: string, action: string) {
  assertRole(...staff);
  await settings();
  const ticket = await load(ticketID);
  expect(ticket, action, "handled");
  if (ticket.handledBy === actorID())
    throw new ForbiddenError("ticket.same_person", "The one who handled a ticket may not also check it: another person verifies.");
  return ticket;
}

/** 核查结案: someone other than the handler checks the work and closes the ticket (solved, not ours, duplicate). */
export const verify = fn(
  TransitionInput.extend({ closure: z.enum(["solved", "not_responsible", "duplicate"]).default("solved") }),
  guarded(async (input) => {
    const ticket = await checkable(input.ticketID, "verified");
    const at = now().toISOString();
    const onTime = ticket.dueAt === null || at <= ticket.dueAt;
    return apply(ticket, {
      action: "verify",
      to: "closed",
      note: input.note,
      closure: input.closure,
      patch: { closure: input.closure, closedAt: at, onTime },
      counters: new Tally().addTicket(scopesOf(ticket), at, closingAdds(ticket, input.closure, at, onTime)),
    });
  }),
);

/** The check failed: back to the department. */
export const sendBack = fn(
  TransitionInput.extend({ note: Note.min(2, "say what is still wrong") }),
  guarded(async (input) => {
    const ticket = await checkable(input.ticketID, "sent back");
    const at = now().toISOString();
    return apply(ticket, {
      action: "send_back",
      to: "dispatched",
      note: input.note,
      patch: { handledAt: undefined, handledBy: undefined },
      counters: new Tally().addTicket(scopesOf(ticket), at, { sentBack: 1 }),
    });
  }),
);

function assertReporter(ticket: Ticket) {
  if (ticket.reporterID !== actorID())
    throw new ForbiddenError("ticket.not_reporter", "Only the person who reported the ticket may do this.");
}

/** 综合评价: the reporter rates a closed ticket once, 1–5 with a comment. */
export const rate = fn(
  TransitionInput.extend({ rating: z.number().int().min(1).max(5), note: Note.optional() }),
  guarded(async (input) => {
    await settings();
    const ticket = await load(input.ticketID);
    assertReporter(ticket);
    expect(ticket, "rated", "closed");
    if (ticket.rating !== null) throw new ConflictError("ticket.rated", "This ticket has been rated already.");
    const at = now().toISOString();
    return apply(
      ticket,
      {
        action: "rate",
        to: "closed",
        note: input.note,
        rating: input.rating,
        patch: { rating: input.rating, ratingComment: input.note },
        counters: new Tally().addTicket(scopesOf(ticket), at, { rated: 1, ratingSum: input.rating }),
      },
      { notify: false },
    );
  }),
);

/** The reporter reopens a closed ticket within the district's reopen window; it waits for dispatch again. */
export const reopen = fn(
  TransitionInput.extend({ note: Note.min(2, "say why") }),
  guarded(async (input) => {
    const config = await settings();
    const ticket = await load(input.ticketID);
    assertReporter(ticket);
    expect(ticket, "reopened", "closed");
    if (ticket.closure === "not_accepted")
      throw new ConflictError("ticket.not_accepted", "A ticket that was not accepted cannot be reopened; report it anew.");
    const closedAt = ticket.closedAt!;
    if (now().getTime() - new Date(closedAt).getTime() > config.reopenDays * 86400_000)
      throw new ConflictError(
        "ticket.reopen_window",
        `A closed ticket can be reopened within ${config.reopenDays} days; this one closed on ${closedAt.slice(0, 10)}.`,
      );
    const at = now().toISOString();
    const counters = new Tally().addTicket(scopesOf(ticket), at, { reopened: 1 }).addTicket(scopesOf(ticket), closedAt, {
      ...closingAdds(ticket, ticket.closure!, closedAt, ticket.onTime === true, -1),
      ...(ticket.rating !== null ? { rated: -1, ratingSum: -ticket.rating } : {}),
    });
    return apply(ticket, {
      action: "reopen",
      to: "accepted",
      note: input.note,
      patch: {
        closure: undefined,
        closedAt: undefined,
        onTime: undefined,
        rating: undefined,
        ratingComment: undefined,
        handledAt: undefined,
        handledBy: undefined,
        reopenCount: ticket.reopenCount + 1,
        duplicateOf: undefined,
      },
      counters,
    });
  }),
);

/** Adds a photo to an open ticket (its reporter) or to the handling (the handler's department). */
export const attachPhoto = fn(
  z.object({ ticketID: z.string(), photoKey: z.string().max(300) }),
  guarded(async (input) => {
    await settings();
    const ticket = await load(input.ticketID);
    const actor = useActor();
    const mayAttach =
      ticket.reporterID === actorID() ||
      (actor.type === "user" && actor.department === ticket.departmentKey) ||
      has("grid_worker", "grid_leader", "district_admin");
    if (!mayAttach)
      throw new ForbiddenError("ticket.photo_forbidden", "Only the reporter or the staff handling the ticket may add photos.");
    if (ticket.state === "closed") throw new ConflictError("ticket.state", "A closed ticket takes no more photos.");
    if (ticket.photos.length >= MAX_PHOTOS * 2)
      throw new InputError("photo.too_many", "This ticket has all the photos it may hold.", [{ path: "photoKey", message: "too many" }]);
    const photo = await Photo.check(input.photoKey, "photoKey");
    const key = Photo.finalKey(photo, ticket.ticketID);
    const updated = await apply(
      ticket,
      {
        action: "photo",
        to: ticket.state,
        photos: [key],
        patch: { photos: [...ticket.photos, key] },
        counters: new Tally(),
        claims: [input.photoKey],
      },
      { notify: false },
    );
    await Photo.keep([photo], [key]);
    return updated;
  }),
);
