import { z } from "zod";
import { actorID, assertRole, useActor, useTenant, type DistrictRole } from "../actor.ts";
import * as District from "../district/index.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError, VisibleError } from "../error.ts";
import * as Grid from "../grid/index.ts";
import * as User from "../user/index.ts";
import { bucketOf, periodsOf, type TicketCounterField } from "../metrics/counter.entity.ts";
import { Database, type TransactionOps } from "../storage/service.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { now } from "../util/clock.ts";
import { page, PageInput } from "../util/page.ts";
import { addWorkingHours } from "./deadline.ts";
import * as Photo from "./photo.ts";
import { changeKinds, EXTEND_HOURS, MAX_PHOTOS, mayAskForChange, mayHandle, route, TERRITORIAL, type Caller } from "./rules.ts";
import { Closures, IdempotencyEntity, NotificationEntity, TicketEntity, TicketStates, TimelineEntity } from "./ticket.entity.ts";

export { Photo };
export { addWorkingHours } from "./deadline.ts";
export { route } from "./rules.ts";

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
  pendingRequest: z
    .object({ seq: z.number(), kind: z.string(), reason: z.string(), hours: z.number().nullable(), departmentKey: z.string().nullable(), by: z.string(), at: z.string() })
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
  at: z.string(),
  note: z.string().nullable(),
  photos: z.array(z.string()),
  departmentKey: z.string().nullable(),
  closure: z.string().nullable(),
  rating: z.number().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

type Item = Record<string, any>;

function toTicket(item: Item, at = now().toISOString()): Ticket {
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
    pendingRequest: item.pendingRequest ?? null,
    seq: item.seq,
    updatedAt: item.updatedAt,
  };
}

function toEntry(item: Item): TimelineEntry {
  return {
    seq: item.seq,
    action: item.action,
    fromState: item.fromState ?? null,
    toState: item.toState,
    actorID: item.actorID,
    actorRole: item.actorRole,
    at: item.at,
    note: item.note ?? null,
    photos: item.photos ?? [],
    departmentKey: item.departmentKey ?? null,
    closure: item.closure ?? null,
    rating: item.rating ?? null,
  };
}

/** The ticket settings of the district; the mechanism must be switched on. */
async function settings() {
  const config = await District.currentConfig();
  if (!config.mechanisms.tickets) throw new NotFoundError("mechanism.off", "Snap-and-report tickets are switched off in this district.");
  return config.tickets;
}

function roles(): DistrictRole[] {
  const actor = useActor();
  return actor.type === "user" ? actor.roles : actor.type === "system" ? ["district_admin"] : [];
}
const has = (...wanted: DistrictRole[]) => roles().some((role) => wanted.includes(role));
const mainRole = () => roles()[0] ?? useActor().type;
/** The actor as the pure rules (rules.ts) read it. */
function caller(): Caller {
  const actor = useActor();
  return { userID: actorID(), roles: roles(), department: actor.type === "user" ? actor.department : null };
}

/** Residents read their own tickets; department staff their department's; grid staff and admins all. */
function canRead(ticket: Ticket): boolean {
  const actor = useActor();
  if (actor.type === "system") return true;
  if (actor.type !== "user") return false;
  if (ticket.reporterID === actor.userID) return true;
  if (has("grid_worker", "grid_leader", "district_admin")) return true;
  return has("department_staff") && !!actor.department && actor.department === ticket.departmentKey;
}

async function load(ticketID: string): Promise<Ticket> {
  const result = await TicketEntity.get({ tenantID: useTenant(), ticketID }).go();
  const ticket = result.data ? toTicket(result.data) : undefined;
  if (!ticket || !canRead(ticket)) throw new NotFoundError("ticket.not_found", `There is no ticket ${ticketID} that you can see.`);
  return ticket;
}

// ─── counters ───────────────────────────────────────────────────────────────

type Adds = Partial<Record<TicketCounterField | `h${string}`, number>>;

/** The counter scopes a ticket counts in: the district, each grid of its path, its category, its department. */
function scopesOf(ticket: Pick<Ticket, "gridPath" | "categoryKey" | "departmentKey">): string[] {
  return [
    "district",
    ...ticket.gridPath.map((gridID) => `grid:${gridID}`),
    `category:${ticket.categoryKey}`,
    ...(ticket.departmentKey ? [`department:${ticket.departmentKey}`] : []),
  ];
}

/** Collects counter additions per (scope, period): one update per counter item in the transaction. */
class CounterChanges {
  private readonly adds = new Map<string, Adds>();
  add(ticket: Pick<Ticket, "gridPath" | "categoryKey" | "departmentKey">, at: string, adds: Adds) {
    for (const scope of scopesOf(ticket))
      for (const period of periodsOf(at)) {
        const key = `${scope}|${period}`;
        const sum = this.adds.get(key) ?? {};
        for (const [field, value] of Object.entries(adds)) sum[field as TicketCounterField] = (sum[field as TicketCounterField] ?? 0) + (value ?? 0);
        this.adds.set(key, sum);
      }
    return this;
  }
  operations(ops: Ops) {
    const tenantID = useTenant();
    return [...this.adds.entries()].map(([key, adds]) => {
      const [scope, period] = key.split("|");
      return ops.ticketCounter.update({ tenantID, scope, period }).add(adds as never).commit();
    });
  }
}

/** What closing a ticket adds to the counters (negated when it is reopened). */
function closingAdds(ticket: Ticket, closure: string, closedAt: string, onTime: boolean, sign = 1): Adds {
  const hours = Math.max(0, (new Date(closedAt).getTime() - new Date(ticket.collectedAt).getTime()) / 3600_000);
  return {
    closed: sign,
    ...(closure === "solved" ? { solved: sign } : {}),
    ...(onTime ? { onTime: sign } : {}),
    durationHours: sign * Math.round(hours * 100) / 100,
    [bucketOf(hours)]: sign,
  };
}

// ─── transitions ────────────────────────────────────────────────────────────

type Ops = TransactionOps;

interface Step {
  action: string;
  to: TicketState;
  patch?: Partial<Item>;
  note?: string;
  photos?: string[];
  departmentKey?: string;
  closure?: string;
  rating?: number;
  counters: CounterChanges;
}

const onTimeOf = (patch: Partial<Item> | undefined) => (patch && typeof patch.onTime === "boolean" ? patch.onTime : undefined);

/**
 * Applies one step to a ticket in one transaction: the ticket (conditional on the sequence it
 * was read at, so two people acting at once cannot both win), the timeline entry, the counters
 * and the reporter's notification.
 */
async function apply(ticket: Ticket, step: Step, options: { notify?: boolean } = {}) {
  const tenantID = useTenant();
  const at = now().toISOString();
  const seq = ticket.seq + 1;
  const by = actorID();
  const notify = options.notify !== false && ticket.reporterID !== by;
  const merged = { ...fromTicket(ticket), ...defined(step.patch ?? {}) };
  const result = await Database.transaction
    .write((ops) => [
      ops.ticket
        .patch({ tenantID, ticketID: ticket.ticketID })
        .set({ departmentKey: merged.departmentKey, dueAt: merged.dueAt, ...defined(step.patch ?? {}), state: step.to, seq, updatedAt: at } as never)
        .remove(Object.keys(step.patch ?? {}).filter((key) => step.patch![key] === undefined) as never)
        // Index keys are rebuilt from every composite, including the ones that never change.
        .composite({ gridPathKey: `${ticket.gridPath.join("/")}/${ticket.ticketID}`, reporterID: ticket.reporterID } as never)
        .where((attr, op) => op.eq(attr.seq, ticket.seq))
        .commit(),
      ops.timeline
        .create({
          tenantID, ticketID: ticket.ticketID, seq, action: step.action, fromState: ticket.state, toState: step.to,
          actorID: by, actorRole: mainRole(), at, note: step.note, photos: step.photos, departmentKey: step.departmentKey,
          closure: step.closure, rating: step.rating, onTime: step.closure ? onTimeOf(step.patch) : undefined,
        })
        .commit(),
      ...step.counters.operations(ops),
      ...(notify
        ? [ops.notification.create({ tenantID, userID: ticket.reporterID, notificationID: newID("note"), ticketID: ticket.ticketID, kind: step.action, state: step.to, at, expiresAt: Math.floor(now().getTime() / 1000) + 90 * 86400 }).commit()]
        : []),
    ])
    .go();
  if (result.canceled) throw new ConflictError("ticket.changed", "Someone else acted on this ticket at the same time; reload it and try again.");
  return { ...ticket, ...toTicket({ ...fromTicket(ticket), ...step.patch, state: step.to, seq, updatedAt: at }) };
}

const defined = (patch: Item) => Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));

/** A ticket back to its stored shape (for merging a patch). */
function fromTicket(ticket: Ticket): Item {
  return { ...ticket, departmentKey: ticket.departmentKey ?? "none", dueAt: ticket.dueAt ?? "9999" };
}

function expect(ticket: Ticket, action: string, ...states: TicketState[]) {
  if (!states.includes(ticket.state))
    throw new ConflictError("ticket.state", `A ticket that is ${ticket.state} cannot be ${action}; it must be ${states.join(" or ")}.`);
}

const Note = z.string().trim().max(2000);
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

/** Reports a ticket (随手拍): located to its grid, photos checked, counted — one transaction. */
export const create = fn(CreateInput, async (input) => {
  assertRole("resident", "grid_worker", "grid_leader");
  const tenantID = useTenant();
  const config = await settings();
  const category = config.categories.find((candidate) => candidate.key === input.categoryKey);
  if (!category)
    throw new InputError("ticket.unknown_category", `There is no category "${input.categoryKey}" in this district.`, [
      { path: "categoryKey", message: `one of ${config.categories.map((candidate) => candidate.key).join(", ")}` },
    ]);
  if (input.idempotencyKey) {
    const earlier = await IdempotencyEntity.get({ tenantID, key: input.idempotencyKey }).go();
    if (earlier.data) return { ticket: await load(earlier.data.ticketID), created: false };
  }
  const place = await Grid.locate({ lon: input.lon, lat: input.lat }).catch((error: unknown) => {
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
    tenantID, ticketID, state: "collected" as const, categoryKey: category.key, description: input.description,
    lon: input.lon, lat: input.lat, address: input.address, gridID: place.grid.gridID, gridPath,
    gridPathKey: `${gridPath.join("/")}/${ticketID}`, reporterID: by, reporterRole: mainRole(), departmentKey: "none",
    photos: finalKeys, dueAt: "9999", collectedAt: at, reopenCount: 0, seq: 1, updatedAt: at,
  };
  const counters = new CounterChanges().add({ gridPath, categoryKey: category.key, departmentKey: null }, at, { collected: 1 });
  const result = await Database.transaction
    .write((ops) => [
      ops.ticket.create(item).commit(),
      ops.timeline.create({ tenantID, ticketID, seq: 1, action: "collect", toState: "collected", actorID: by, actorRole: mainRole(), at, note: input.description, photos: finalKeys }).commit(),
      ...counters.operations(ops),
      ...(input.idempotencyKey ? [ops.idempotency.create({ tenantID, key: input.idempotencyKey, ticketID, expiresAt: Math.floor(Date.now() / 1000) + 86400 }).commit()] : []),
    ])
    .go();
  if (result.canceled) {
    const earlier = input.idempotencyKey ? await IdempotencyEntity.get({ tenantID, key: input.idempotencyKey }).go() : undefined;
    if (earlier?.data) return { ticket: await load(earlier.data.ticketID), created: false };
    throw new ConflictError("ticket.changed", "The ticket could not be created; try again.");
  }
  await Photo.keep(photos, finalKeys);
  return { ticket: toTicket(item), created: true };
});

/** A ticket with its timeline (one query) and links to its photos. */
export const get = fn(z.string(), async (ticketID) => {
  const result = await Database.collections.ticket({ tenantID: useTenant(), ticketID }).go({ pages: "all" });
  const [item] = result.data.ticket;
  const ticket = item ? toTicket(item) : undefined;
  if (!ticket || !canRead(ticket)) throw new NotFoundError("ticket.not_found", `There is no ticket ${ticketID} that you can see.`);
  const timeline = result.data.timeline.map(toEntry).sort((a, b) => a.seq - b.seq);
  const keys = [...new Set([...ticket.photos, ...timeline.flatMap((entry) => entry.photos)])];
  const links = await Photo.urls(keys);
  return { ticket, timeline, photoUrls: Object.fromEntries(keys.map((key, index) => [key, links[index]])) };
});

export const TransitionInput = z.object({ ticketID: z.string(), note: Note.optional() });

const staff = ["grid_worker", "grid_leader", "district_admin"] as const;

/** 立案: a grid worker or leader accepts a collected ticket; its deadline starts counting. */
export const accept = fn(TransitionInput, async (input) => {
  assertRole(...staff);
  const config = await settings();
  const ticket = await load(input.ticketID);
  expect(ticket, "accepted", "collected");
  const category = config.categories.find((candidate) => candidate.key === ticket.categoryKey);
  const at = now();
  const dueAt = addWorkingHours(at, category?.deadlineHours ?? 40, config.workingHours).toISOString();
  return apply(ticket, {
    action: "accept", to: "accepted", note: input.note, patch: { acceptedAt: at.toISOString(), dueAt },
    counters: new CounterChanges().add(ticket, at.toISOString(), { accepted: 1 }),
  });
});

/** Not accepted (不予立案), with a reason: a closure that does not count as solved. */
export const reject = fn(TransitionInput.extend({ note: Note.min(2, "give the reason") }), async (input) => {
  assertRole(...staff);
  await settings();
  const ticket = await load(input.ticketID);
  expect(ticket, "rejected", "collected");
  const at = now().toISOString();
  return apply(ticket, {
    action: "reject", to: "closed", note: input.note, closure: "not_accepted", patch: { closure: "not_accepted", closedAt: at, onTime: true },
    counters: new CounterChanges().add(ticket, at, closingAdds(ticket, "not_accepted", at, true)),
  });
});

/** 派遣: a dispatcher sends an accepted ticket to a department (routed unless named). */
export const dispatch = fn(TransitionInput.extend({ departmentKey: z.string().max(40).optional() }), async (input) => {
  assertRole("grid_leader", "district_admin");
  const config = await settings();
  const ticket = await load(input.ticketID);
  expect(ticket, "dispatched", "accepted");
  const departmentKey = input.departmentKey ?? route(config, ticket);
  if (departmentKey !== TERRITORIAL && !config.departments.some((department) => department.key === departmentKey))
    throw new InputError("ticket.unknown_department", `There is no department "${departmentKey}" in this district.`, [{ path: "departmentKey", message: "unknown" }]);
  const at = now().toISOString();
  const next = { ...ticket, departmentKey };
  return apply(ticket, {
    action: "dispatch", to: "dispatched", note: input.note, departmentKey, patch: { departmentKey, dispatchedAt: at },
    counters: new CounterChanges().add(next, at, { dispatched: 1 }),
  });
});

/** 处置反馈: the department (or, for territorial tickets, the grid's staff) reports what it did. */
export const reportHandling = fn(TransitionInput.extend({ note: Note.min(2, "say what was done"), photoKeys: PhotoKeys.default([]) }), async (input) => {
  const actor = useActor();
  await settings();
  const ticket = await load(input.ticketID);
  const territorial = ticket.departmentKey === TERRITORIAL;
  const allowed = mayHandle(caller(), ticket);
  if (!allowed && actor.type !== "system")
    throw new ForbiddenError("ticket.not_your_department", territorial ? "Territorial tickets are handled by the grid's staff." : "Only the department the ticket was dispatched to may report handling it.");
  expect(ticket, "handled", "dispatched");
  const photos = [];
  for (const [index, key] of input.photoKeys.entries()) photos.push(await Photo.check(key, `photoKeys.${index}`));
  const keys = photos.map((photo) => Photo.finalKey(photo, ticket.ticketID));
  const at = now().toISOString();
  const updated = await apply(ticket, {
    action: "handle", to: "handled", note: input.note, photos: keys, patch: { handledAt: at, handledBy: actorID(), photos: [...ticket.photos, ...keys] },
    counters: new CounterChanges().add(ticket, at, { handled: 1 }),
  });
  await Photo.keep(photos, keys);
  return updated;
});

async function checkable(ticketID: string, action: string) {
  assertRole(...staff);
  await settings();
  const ticket = await load(ticketID);
  expect(ticket, action, "handled");
  if (ticket.handledBy === actorID()) throw new ForbiddenError("ticket.same_person", "The one who handled a ticket may not also check it: another person verifies.");
  return ticket;
}

/** 核查结案: someone other than the handler checks the work and closes the ticket (solved, not ours, duplicate). */
export const verify = fn(TransitionInput.extend({ closure: z.enum(["solved", "not_responsible", "duplicate"]).default("solved") }), async (input) => {
  const ticket = await checkable(input.ticketID, "verified");
  const at = now().toISOString();
  const onTime = ticket.dueAt === null || at <= ticket.dueAt;
  return apply(ticket, {
    action: "verify", to: "closed", note: input.note, closure: input.closure, patch: { closure: input.closure, closedAt: at, onTime },
    counters: new CounterChanges().add(ticket, at, closingAdds(ticket, input.closure, at, onTime)),
  });
});

/** The check failed: back to the department. */
export const sendBack = fn(TransitionInput.extend({ note: Note.min(2, "say what is still wrong") }), async (input) => {
  const ticket = await checkable(input.ticketID, "sent back");
  const at = now().toISOString();
  return apply(ticket, {
    action: "send_back", to: "dispatched", note: input.note, patch: { handledAt: undefined, handledBy: undefined },
    counters: new CounterChanges().add(ticket, at, { sentBack: 1 }),
  });
});

function assertReporter(ticket: Ticket) {
  if (ticket.reporterID !== actorID()) throw new ForbiddenError("ticket.not_reporter", "Only the person who reported the ticket may do this.");
}

/** 综合评价: the reporter rates a closed ticket once, 1–5 with a comment. */
export const rate = fn(TransitionInput.extend({ rating: z.number().int().min(1).max(5), note: Note.optional() }), async (input) => {
  await settings();
  const ticket = await load(input.ticketID);
  assertReporter(ticket);
  expect(ticket, "rated", "closed");
  if (ticket.rating !== null) throw new ConflictError("ticket.rated", "This ticket has been rated already.");
  const at = now().toISOString();
  return apply(ticket, {
    action: "rate", to: "closed", note: input.note, rating: input.rating, patch: { rating: input.rating, ratingComment: input.note },
    counters: new CounterChanges().add(ticket, at, { rated: 1, ratingSum: input.rating }),
  }, { notify: false });
});

/** The reporter reopens a closed ticket within the district's reopen window; it waits for dispatch again. */
export const reopen = fn(TransitionInput.extend({ note: Note.min(2, "say why") }), async (input) => {
  const config = await settings();
  const ticket = await load(input.ticketID);
  assertReporter(ticket);
  expect(ticket, "reopened", "closed");
  if (ticket.closure === "not_accepted") throw new ConflictError("ticket.not_accepted", "A ticket that was not accepted cannot be reopened; report it anew.");
  const closedAt = ticket.closedAt!;
  if (now().getTime() - new Date(closedAt).getTime() > config.reopenDays * 86400_000)
    throw new ConflictError("ticket.reopen_window", `A closed ticket can be reopened within ${config.reopenDays} days; this one closed on ${closedAt.slice(0, 10)}.`);
  const at = now().toISOString();
  const counters = new CounterChanges()
    .add(ticket, at, { reopened: 1 })
    .add(ticket, closedAt, {
      ...closingAdds(ticket, ticket.closure!, closedAt, ticket.onTime === true, -1),
      ...(ticket.rating !== null ? { rated: -1, ratingSum: -ticket.rating } : {}),
    });
  return apply(ticket, {
    action: "reopen", to: "accepted", note: input.note,
    patch: { closure: undefined, closedAt: undefined, onTime: undefined, rating: undefined, ratingComment: undefined, handledAt: undefined, handledBy: undefined, reopenCount: ticket.reopenCount + 1 },
    counters,
  });
});

// ─── changes that need an approval ──────────────────────────────────────────

export const ChangeKind = z.enum(changeKinds);

const RequestChangeFields = z.object({
  kind: ChangeKind,
  note: Note.min(2, "give the reason"),
  /** extend: how many more working hours. */
  hours: z.number().int().min(EXTEND_HOURS.min).max(EXTEND_HOURS.max).optional(),
  /** transfer: to which department. */
  departmentKey: z.string().max(40).optional(),
});
function requestRules<T extends z.ZodType<z.infer<typeof RequestChangeFields>>>(schema: T) {
  return schema
    .refine((input) => input.kind !== "extend" || input.hours !== undefined, { message: "say by how many working hours", path: ["hours"] })
    .refine((input) => input.kind !== "transfer" || input.departmentKey !== undefined, { message: "say to which department", path: ["departmentKey"] });
}
/** The request body (the ticket comes from the path). */
export const RequestChangeBody = requestRules(RequestChangeFields);
export const RequestChangeInput = requestRules(TransitionInput.extend(RequestChangeFields.shape));

/**
 * Asks for a change that needs an approval: extend the deadline (延期), send the ticket back up
 * to the dispatcher (回退), transfer it to another department (转办), or void it (作废).
 * The request is a timeline entry and waits on the ticket until decided.
 */
export const requestChange = fn(RequestChangeInput, async (input) => {
  const config = await settings();
  const ticket = await load(input.ticketID);
  if (!mayAskForChange(caller(), ticket))
    throw new ForbiddenError("ticket.request_forbidden", "Only the staff handling a ticket, or the grid's staff, may ask for a change.");
  if (ticket.pendingRequest) throw new ConflictError("ticket.request_pending", "A change is already waiting for approval on this ticket.");
  if (ticket.state === "closed") throw new ConflictError("ticket.state", "A closed ticket cannot change.");
  if ((input.kind === "send_up" || input.kind === "transfer") && ticket.state !== "dispatched")
    throw new ConflictError("ticket.state", `Only a dispatched ticket can be ${input.kind === "send_up" ? "sent back up" : "transferred"}; this one is ${ticket.state}.`);
  if (input.kind === "extend" && !ticket.dueAt) throw new ConflictError("ticket.state", "The ticket has no deadline yet: it is not accepted.");
  if (input.kind === "transfer" && input.departmentKey !== TERRITORIAL && !config.departments.some((department) => department.key === input.departmentKey))
    throw new InputError("ticket.unknown_department", `There is no department "${input.departmentKey}" in this district.`, [{ path: "departmentKey", message: "unknown" }]);
  const pendingRequest = {
    seq: ticket.seq + 1, kind: input.kind, reason: input.note, hours: input.hours ?? null, departmentKey: input.departmentKey ?? null, by: actorID(), at: now().toISOString(),
  };
  return apply(ticket, {
    action: `request_${input.kind}`, to: ticket.state, note: input.note, departmentKey: input.departmentKey, patch: { pendingRequest },
    counters: new CounterChanges(),
  }, { notify: false });
});

export const DecideChangeInput = TransitionInput.extend({ approve: z.boolean() });

/** A district admin or grid leader (not the requester) approves or refuses the pending change. */
export const decideChange = fn(DecideChangeInput, async (input) => {
  assertRole("district_admin", "grid_leader");
  const config = await settings();
  const ticket = await load(input.ticketID);
  const request = ticket.pendingRequest;
  if (!request) throw new ConflictError("ticket.no_request", "No change is waiting for approval on this ticket.");
  if (request.by === actorID()) throw new ForbiddenError("ticket.same_person", "Who asks for a change does not approve it.");
  const at = now().toISOString();
  const base = { note: input.note, departmentKey: request.departmentKey ?? undefined, counters: new CounterChanges() };
  if (!input.approve) return apply(ticket, { ...base, action: `deny_${request.kind}`, to: ticket.state, patch: { pendingRequest: undefined } });
  if (ticket.state === "closed" || ((request.kind === "send_up" || request.kind === "transfer") && ticket.state !== "dispatched"))
    throw new ConflictError("ticket.state", `The ticket is ${ticket.state} now; the change no longer applies. Refuse it instead.`);
  switch (request.kind) {
    case "extend": {
      const dueAt = addWorkingHours(new Date(ticket.dueAt!), request.hours!, config.workingHours).toISOString();
      return apply(ticket, { ...base, action: "approve_extend", to: ticket.state, patch: { pendingRequest: undefined, dueAt } });
    }
    case "send_up":
      return apply(ticket, { ...base, action: "approve_send_up", to: "accepted", patch: { pendingRequest: undefined, departmentKey: "none", dispatchedAt: undefined } });
    case "transfer":
      return apply(ticket, { ...base, action: "approve_transfer", to: "dispatched", patch: { pendingRequest: undefined, departmentKey: request.departmentKey!, dispatchedAt: at } });
    default: {
      const onTime = ticket.dueAt === null || at <= ticket.dueAt;
      return apply(ticket, {
        ...base, action: "approve_void", to: "closed", closure: "void",
        patch: { pendingRequest: undefined, closure: "void", closedAt: at, onTime },
        counters: new CounterChanges().add(ticket, at, closingAdds(ticket, "void", at, onTime)),
      });
    }
  }
});

export const ListInput = PageInput.extend({
  /** `mine`: the caller's own reports. Otherwise a state's queue, or a department's. */
  mine: z.boolean().default(false),
  state: TicketState.optional(),
  gridID: z.string().optional(),
  categoryKey: z.string().optional(),
  departmentKey: z.string().optional(),
  overdue: z.boolean().default(false),
});

/**
 * Queues, each one DynamoDB query: a reporter's own tickets; a department's (by state, soonest
 * due first; overdue = due before now); or a state's across the district, a grid with its
 * descendants by key prefix. Category is a filter on the same query.
 */
export const list = fn(ListInput, async (input) => {
  const tenantID = useTenant();
  await settings();
  const actor = useActor();
  const at = now().toISOString();
  const isStaff = has("grid_worker", "grid_leader", "district_admin") || actor.type === "system";
  let departmentKey = input.departmentKey;
  if (!isStaff && !input.mine) {
    if (has("department_staff") && actor.type === "user" && actor.department) {
      if (departmentKey && departmentKey !== actor.department) throw new ForbiddenError("ticket.not_your_department", "Department staff see their own department's queue.");
      departmentKey = actor.department;
    } else throw new ForbiddenError("ticket.own_only", "Residents see their own tickets: ask for mine=true.");
  }
  let query;
  if (input.mine) {
    query = TicketEntity.query.byReporter({ tenantID, reporterID: actorID() });
  } else if (departmentKey) {
    const base = TicketEntity.query.byDepartment({ tenantID, departmentKey });
    query = input.state
      ? input.overdue
        ? base.between({ state: input.state, dueAt: "0" }, { state: input.state, dueAt: at })
        : TicketEntity.query.byDepartment({ tenantID, departmentKey, state: input.state })
      : base;
  } else {
    if (!input.state) throw new InputError("ticket.queue", "Name a queue: mine=true, a state, or a department.", [{ path: "state", message: "required" }]);
    const base = TicketEntity.query.byState({ tenantID, state: input.state });
    // Grid workers and leaders see their own grid (and below) unless they name another.
    const gridID = input.gridID ?? (actor.type === "user" && has("grid_worker", "grid_leader") && !has("district_admin") ? (await User.find(actor.userID))?.gridID : undefined);
    if (gridID) {
      const { grid } = await Grid.get(gridID);
      query = base.begins({ gridPathKey: `${[...grid.path, grid.gridID].join("/")}/` });
    } else query = base;
  }
  const filtered = (query as any).where((attr: any, op: any) =>
    [
      input.categoryKey ? op.eq(attr.categoryKey, input.categoryKey) : "",
      input.overdue && !(departmentKey && input.state) ? `${op.lt(attr.dueAt, at)} AND ${op.ne(attr.state, "closed")}` : "",
      input.mine && input.state ? op.eq(attr.state, input.state) : "",
    ]
      .filter(Boolean)
      .join(" AND "),
  );
  // A reporter's own tickets come newest first; queues oldest (or soonest due) first.
  const result = await page(filtered, input, input.mine ? "desc" : "asc");
  return { items: (result.items as Item[]).map((item) => toTicket(item, at)), cursor: result.cursor };
});

/** Adds a photo to an open ticket (its reporter) or to the handling (the handler's department). */
export const attachPhoto = fn(z.object({ ticketID: z.string(), photoKey: z.string().max(300) }), async (input) => {
  await settings();
  const ticket = await load(input.ticketID);
  const actor = useActor();
  const mayAttach = ticket.reporterID === actorID() || (actor.type === "user" && actor.department === ticket.departmentKey) || has("grid_worker", "grid_leader", "district_admin");
  if (!mayAttach) throw new ForbiddenError("ticket.photo_forbidden", "Only the reporter or the staff handling the ticket may add photos.");
  if (ticket.state === "closed") throw new ConflictError("ticket.state", "A closed ticket takes no more photos.");
  if (ticket.photos.length >= MAX_PHOTOS * 2) throw new InputError("photo.too_many", "This ticket has all the photos it may hold.", [{ path: "photoKey", message: "too many" }]);
  const photo = await Photo.check(input.photoKey, "photoKey");
  const key = Photo.finalKey(photo, ticket.ticketID);
  const updated = await apply(ticket, {
    action: "photo", to: ticket.state, photos: [key], patch: { photos: [...ticket.photos, key] }, counters: new CounterChanges(),
  }, { notify: false });
  await Photo.keep([photo], [key]);
  return updated;
});

/** The caller's in-app notifications, newest first. */
export const notifications = fn(PageInput, async (input) => {
  const result = await page(NotificationEntity.query.primary({ tenantID: useTenant(), userID: actorID() }) as never, input, "desc");
  return {
    items: (result.items as Item[]).map((item) => ({ notificationID: item.notificationID, ticketID: item.ticketID ?? null, kind: item.kind, state: item.state ?? null, at: item.at, read: item.read })),
    cursor: result.cursor,
  };
});

/** Marks the caller's notifications read (all, or the ones named). */
export const markNotificationsRead = fn(z.object({ notificationIDs: z.array(z.string()).max(200).optional() }), async (input) => {
  const tenantID = useTenant();
  const userID = actorID();
  const ids =
    input.notificationIDs ??
    (await NotificationEntity.query.primary({ tenantID, userID }).where((attr, op) => op.eq(attr.read, false)).go({ pages: "all", attributes: ["notificationID"] })).data.map(
      (item) => item.notificationID,
    );
  await Promise.all(
    ids.map((notificationID) =>
      NotificationEntity.patch({ tenantID, userID, notificationID })
        .set({ read: true })
        .go()
        .catch((error: unknown) => {
          // Someone else's or an unknown notification: nothing to mark.
          if (!(error as Error).message?.includes("conditional")) throw error;
        }),
    ),
  );
  return { marked: ids.length };
});

export { TicketEntity, TimelineEntity };
