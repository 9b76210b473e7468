/**
 * The ticket API (随手拍) as the portal's ticket pages use it, and the rules the pages show:
 * which steps a person may take on a ticket in its state. Types come from core as types only;
 * requests go through the session's API client (base URL, bearer token, problem+json).
 */
import type { Category, Department, RoutingRule, TicketSettings } from "@wangge/core/config/settings";
import type { Ticket, TimelineEntry } from "@wangge/core/ticket/index";
// The pure rules module by its own path (not the package index: that would bring the SDK into the bundle).
import * as Rules from "@wangge/core/ticket/rules";
import {
  changeKinds,
  EXTEND_HOURS,
  MAX_PHOTOS,
  photoTypes,
  route,
  TERRITORIAL,
  type Caller,
  type ChangeKind,
  type TicketAction,
} from "@wangge/core/ticket/rules";
import { allPages, compact, ok, type Api, type Body, type Reply } from "./api.ts";
import { withBoundaries } from "./grids.ts";
import type { SignedInActor } from "./types.ts";

export type { Category, ChangeKind, Department, Ticket, TicketAction, TimelineEntry };
export { changeKinds, EXTEND_HOURS, MAX_PHOTOS, photoTypes, TERRITORIAL };

/** collected → accepted (立案) → dispatched (派遣) → handled (处置反馈) → closed (核查结案). */
export type TicketState = Ticket["state"];
export const ticketStates: TicketState[] = ["collected", "accepted", "dispatched", "handled", "closed"];
/** How a closed ticket ended: solved, not ours, a duplicate, or not accepted (不予立案). */
export type Closure = NonNullable<Ticket["closure"]>;
export const verifyClosures = ["solved", "not_responsible", "duplicate"] as const;
export type VerifyClosure = (typeof verifyClosures)[number];

/** A ticket with its timeline and short-lived links to its photos (`GET /tickets/{id}`). */
export type TicketDetail = Reply<"/tickets/{ticketID}", "get">;

export type PhotoType = (typeof photoTypes)[number];

/** A presigned upload for one photo (`POST /tickets/photos`). */
export type PhotoSlot = Reply<"/tickets/photos", "post">;

/** An open ticket near a point, as anyone in the district sees it (`GET /tickets/nearby`). */
export type NearbyTicket = Reply<"/tickets/nearby", "get">["items"][number];

export type CreateTicketInput = Body<"/tickets", "post">;

/** One in-app notification: a step was taken on one of the caller's tickets. */
export type TicketNotification = Reply<"/me/notifications", "get">["items"][number];

export interface TicketListQuery {
  mine?: boolean;
  state?: TicketState;
  gridID?: string;
  categoryKey?: string;
  departmentKey?: string;
  overdue?: boolean;
  cursor?: string | null;
  limit?: number;
}

export interface ChangeRequestInput {
  kind: ChangeKind;
  /** The reason (at least 2 characters). */
  note: string;
  /** `extend`: working hours to add. */
  hours?: number;
  /** `transfer`: the department to hand over to. */
  departmentKey?: string;
}

const ticket = (ticketID: string) => ({ params: { path: { ticketID } } });

export function ticketsApi(api: Api) {
  const { client } = api;
  return {
    categories: () => api.cached("ticket-categories", async () => (await ok(client.GET("/config/categories"))).items),
    departments: () => api.cached("ticket-departments", async () => (await ok(client.GET("/config/departments"))).items),
    list: (input: TicketListQuery) => ok(client.GET("/tickets", { params: { query: compact({ limit: 20, ...input }) } })),
    get: (ticketID: string) => ok(client.GET("/tickets/{ticketID}", ticket(ticketID))),
    /** Reports a ticket; the same `idempotencyKey` on a retry returns the first ticket. */
    create: (input: CreateTicketInput, idempotencyKey: string) =>
      ok(client.POST("/tickets", { body: input, headers: { "Idempotency-Key": idempotencyKey } })),
    photoSlot: (contentType: PhotoType) => ok(client.POST("/tickets/photos", { body: { contentType } })),
    attachPhoto: (ticketID: string, photoKey: string) =>
      ok(client.POST("/tickets/{ticketID}/photos", { ...ticket(ticketID), body: { photoKey } })),
    accept: (ticketID: string, note?: string) =>
      ok(client.POST("/tickets/{ticketID}/accept", { ...ticket(ticketID), body: { note: note || undefined } })),
    reject: (ticketID: string, note: string) => ok(client.POST("/tickets/{ticketID}/reject", { ...ticket(ticketID), body: { note } })),
    dispatch: (ticketID: string, departmentKey?: string, note?: string) =>
      ok(client.POST("/tickets/{ticketID}/dispatch", { ...ticket(ticketID), body: { departmentKey, note: note || undefined } })),
    handle: (ticketID: string, note: string, photoKeys: string[]) =>
      ok(client.POST("/tickets/{ticketID}/handling", { ...ticket(ticketID), body: { note, photoKeys } })),
    verify: (ticketID: string, closure: VerifyClosure, note?: string) =>
      ok(client.POST("/tickets/{ticketID}/verify", { ...ticket(ticketID), body: { closure, note: note || undefined } })),
    sendBack: (ticketID: string, note: string) => ok(client.POST("/tickets/{ticketID}/send-back", { ...ticket(ticketID), body: { note } })),
    rate: (ticketID: string, rating: number, note?: string) =>
      ok(client.POST("/tickets/{ticketID}/rating", { ...ticket(ticketID), body: { rating, note: note || undefined } })),
    reopen: (ticketID: string, note: string) => ok(client.POST("/tickets/{ticketID}/reopen", { ...ticket(ticketID), body: { note } })),
    /** Asks for a change that needs an approval; the ticket comes back with its `pendingRequest`. */
    requestChange: (ticketID: string, input: ChangeRequestInput) =>
      ok(client.POST("/tickets/{ticketID}/requests", { ...ticket(ticketID), body: { ...input } })),
    /** Approves or refuses the pending change. */
    decide: (ticketID: string, approve: boolean, note?: string) =>
      ok(client.POST("/tickets/{ticketID}/decision", { ...ticket(ticketID), body: { approve, note: note || undefined } })),
    /** The reporter's name and masked phone (staff handling the ticket). */
    reporter: (ticketID: string) => ok(client.GET("/tickets/{ticketID}/reporter", ticket(ticketID))),
    /** The reporter's whole phone, for a stated purpose; the API logs each reading. */
    revealReporter: (ticketID: string, purpose: string) =>
      ok(client.POST("/tickets/{ticketID}/reporter/reveal", { ...ticket(ticketID), body: { purpose } })),
    notifications: (cursor?: string | null) => ok(client.GET("/me/notifications", { params: { query: compact({ limit: 20, cursor }) } })),
    /** Marks the given notifications read, or all of them without a list. */
    markRead: (notificationIDs?: string[]) =>
      ok(client.POST("/me/notifications/read", { body: notificationIDs ? { notificationIDs } : {} })),
    /** Open tickets near a point, in the public view, nearest first ("is it already reported?"). */
    nearby: (lon: number, lat: number) => ok(client.GET("/tickets/nearby", { params: { query: { lon: String(lon), lat: String(lat) } } })),
    /** The grid at a point, or 404 `grid.outside_district`. */
    locate: (lon: number, lat: number) => ok(client.GET("/grids/locate", { params: { query: { lon, lat } } })),
    grid: (gridID: string) => ok(client.GET("/grids/{gridID}", { params: { path: { gridID } } })),
    /** The first tier's grids with their boundaries (a few pages at most): the district's shape for the map. */
    firstTier: () =>
      api.cached("ticket-first-tier", () =>
        allPages(
          (cursor) =>
            ok(client.GET("/grids", { params: { query: compact({ tier: "1", boundary: true, limit: 200, cursor }) } })).then(
              withBoundaries,
            ),
          5,
        ),
      ),
  };
}

export type TicketsApi = ReturnType<typeof ticketsApi>;

/** A fresh key for one submission (kept for its retries). */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === "function") return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let index = 0; index < 16; index++) bytes[index] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The photo type to declare for a file: its MIME type, else its extension (phones leave HEIC untyped). */
export function photoTypeOf(file: { type: string; name: string }): PhotoType | null {
  const type = file.type.toLowerCase();
  if ((photoTypes as readonly string[]).includes(type)) return type as PhotoType;
  if (type === "image/jpg") return "image/jpeg";
  if (type === "image/heif") return "image/heic";
  const extension = file.name.toLowerCase().split(".").pop();
  if (extension === "jpg" || extension === "jpeg") return "image/jpeg";
  if (extension === "png") return "image/png";
  if (extension === "webp") return "image/webp";
  if (extension === "heic" || extension === "heif") return "image/heic";
  return null;
}

/** The department a ticket would be dispatched to if none is named, as the API routes it (属地 until the settings are known). */
export function routeDepartment(
  settings: { categories: Category[]; routingRules: RoutingRule[] } | undefined,
  ticket: Pick<Ticket, "categoryKey" | "gridPath">,
): string {
  return settings ? route(settings, ticket) : TERRITORIAL;
}

type DistrictActor = Extract<SignedInActor, { type: "user" }>;

export interface ActionContext {
  actor: SignedInActor | undefined;
  /** Who reported the handling now awaiting a check (from the timeline), if any. */
  handlerID?: string | null;
  settings?: Pick<TicketSettings, "reopenDays">;
  now?: number;
}

const isUser = (actor: SignedInActor | undefined): actor is DistrictActor => actor?.type === "user";
const holds = (actor: DistrictActor, ...roles: DistrictActor["roles"]) => actor.roles.some((role) => roles.includes(role));
/** A signed-in district user as the core's ticket rules read them; nobody else takes ticket steps. */
const callerOf = (actor: SignedInActor | undefined): Caller | null =>
  isUser(actor) ? { userID: actor.userID, roles: actor.roles, department: actor.department } : null;

/** The steps the caller may take on the ticket now: the core's rules (ticket/rules.ts), so that no button leads to a refusal. */
export function allowedActions(ticket: Ticket, context: ActionContext): TicketAction[] {
  const caller = callerOf(context.actor);
  if (!caller) return [];
  return Rules.allowedActions(caller, ticket, { handlerID: context.handlerID, reopenDays: context.settings?.reopenDays, now: context.now });
}

/** The changes the caller may ask for on the ticket now, as the API allows them. */
export function requestKinds(ticket: Ticket, context: Pick<ActionContext, "actor">): ChangeKind[] {
  const caller = callerOf(context.actor);
  return caller ? Rules.requestKinds(caller, ticket) : [];
}

/** Whether the caller may approve or refuse the pending change: a leader or admin who did not ask for it. */
export function mayDecide(ticket: Ticket, context: Pick<ActionContext, "actor">): boolean {
  const caller = callerOf(context.actor);
  return caller ? Rules.mayDecide(caller, ticket) : false;
}

/** The change steps on top of the ticket's own: ask for a change, or decide the pending one. */
export function changeActions(ticket: Ticket, context: Pick<ActionContext, "actor">): TicketAction[] {
  const caller = callerOf(context.actor);
  return caller ? Rules.changeActions(caller, ticket) : [];
}

/** The person whose handling report a `handled` ticket is waiting on: the last `handle` entry. */
export function handlerOf(timeline: TimelineEntry[], ticket?: Pick<Ticket, "handledBy">): string | null {
  if (ticket?.handledBy) return ticket.handledBy;
  for (let index = timeline.length - 1; index >= 0; index--) if (timeline[index].action === "handle") return timeline[index].actorID;
  return null;
}

/** The queues a person works from, in the order their tabs are shown. */
export type QueueKey = "mine" | "collected" | "accepted" | "territorial" | "department" | "handled" | "all";

export interface Queue {
  key: QueueKey;
  /** The list query this queue runs (filters are added on top). */
  query: TicketListQuery;
  /** Whether a state filter makes sense on top of it. */
  stateFilter: boolean;
}

/** The tabs for a person's roles: residents see their own reports; staff their work queues. */
export function queuesFor(actor: SignedInActor | undefined): Queue[] {
  if (!isUser(actor)) return [];
  const queues: Queue[] = [];
  const staff = holds(actor, "grid_worker", "grid_leader", "district_admin");
  const dispatcher = holds(actor, "grid_leader", "district_admin");
  if (holds(actor, "department_staff") && actor.department)
    queues.push({ key: "department", query: { departmentKey: actor.department, state: "dispatched" }, stateFilter: true });
  if (staff) queues.push({ key: "collected", query: { state: "collected" }, stateFilter: false });
  if (dispatcher) queues.push({ key: "accepted", query: { state: "accepted" }, stateFilter: false });
  if (holds(actor, "grid_worker", "grid_leader"))
    queues.push({ key: "territorial", query: { departmentKey: TERRITORIAL, state: "dispatched" }, stateFilter: false });
  if (staff) queues.push({ key: "handled", query: { state: "handled" }, stateFilter: false });
  if (holds(actor, "resident", "grid_worker", "grid_leader")) queues.push({ key: "mine", query: { mine: true }, stateFilter: true });
  if (holds(actor, "district_admin")) queues.push({ key: "all", query: { state: "dispatched" }, stateFilter: true });
  return queues;
}

/**
 * Who sees a ticket's reporter (name, masked phone; the whole number on request, logged): the
 * staff handling it — grid staff, department staff, district admins — never the reporter's peers.
 */
export function mayContactReporter(actor: SignedInActor | undefined, ticket: Pick<Ticket, "reporterID">): boolean {
  return (
    isUser(actor) && actor.userID !== ticket.reporterID && holds(actor, "grid_worker", "grid_leader", "department_staff", "district_admin")
  );
}

/** Who may report (随手拍): residents and grid staff. */
export function mayReport(actor: SignedInActor | undefined): boolean {
  return isUser(actor) && holds(actor, "resident", "grid_worker", "grid_leader");
}
