/**
 * The ticket rules both sides need (随手拍): where a category routes, how many photos a report
 * holds, and who may take which step in which state. Pure: nothing but type imports, so that
 * the portal imports this module by its own path (`@wangge/core/ticket/rules`) without the SDK.
 * The core enforces these rules; the portal shows only the buttons they allow.
 */
import type { DistrictRole } from "../actor.ts";
import type { Category, RoutingRule } from "../config/settings.ts";
import { TERRITORIAL } from "../config/territorial.ts";
import type { Closures, TicketStates } from "./ticket.entity.ts";

export { TERRITORIAL };

/** At most this many photos per report (and per handling report). */
export const MAX_PHOTOS = 6;
/** The photo types a report may carry. */
export const photoTypes = ["image/jpeg", "image/png", "image/webp", "image/heic"] as const;

/** Changes that need an approval: extend the deadline (延期), send back up (回退), transfer (转办), void (作废). */
export const changeKinds = ["extend", "send_up", "transfer", "void"] as const;
export type ChangeKind = (typeof changeKinds)[number];
/** The bounds of an extension, in working hours. */
export const EXTEND_HOURS = { min: 1, max: 2000 } as const;

/** What the rules read of a ticket. */
export interface TicketFacts {
  state: (typeof TicketStates)[number];
  closure: (typeof Closures)[number] | null;
  categoryKey: string;
  gridPath: string[];
  reporterID: string;
  departmentKey: string | null;
  dueAt: string | null;
  handledBy: string | null;
  closedAt: string | null;
  rating: number | null;
  pendingRequest: { by: string } | null;
}

/** Who acts, as the rules read them: a district user's roles, and the department of department staff. */
export interface Caller {
  userID: string;
  roles: readonly DistrictRole[];
  department?: string | null;
}

const holds = (caller: Caller, ...roles: DistrictRole[]) => caller.roles.some((role) => roles.includes(role));

/** Grid staff and district admins: accept, reject, verify, send back. */
export const isStaff = (caller: Caller) => holds(caller, "grid_worker", "grid_leader", "district_admin");

/**
 * The department a ticket goes to when none is named: the deepest routing rule for its category
 * on its grid path, else the category's default department, else the grid itself (属地兜底).
 */
export function route(
  config: { categories: Category[]; routingRules: RoutingRule[] },
  ticket: Pick<TicketFacts, "categoryKey" | "gridPath">,
): string {
  const rules = config.routingRules.filter((rule) => rule.categoryKey === ticket.categoryKey && ticket.gridPath.includes(rule.gridID));
  const deepest = rules.sort((a, b) => ticket.gridPath.indexOf(b.gridID) - ticket.gridPath.indexOf(a.gridID))[0];
  return deepest?.departmentKey ?? config.categories.find((category) => category.key === ticket.categoryKey)?.departmentKey ?? TERRITORIAL;
}

/** 处置反馈: the department it was dispatched to, or for 属地 tickets the grid's workers and leaders. */
export function mayHandle(caller: Caller, ticket: Pick<TicketFacts, "departmentKey">): boolean {
  if (ticket.departmentKey === TERRITORIAL) return holds(caller, "grid_worker", "grid_leader");
  return holds(caller, "department_staff") && Boolean(caller.department) && caller.department === ticket.departmentKey;
}

/** Who may ask for a change: the staff handling the ticket, or grid workers, leaders and district admins. */
export function mayAskForChange(caller: Caller, ticket: Pick<TicketFacts, "departmentKey">): boolean {
  const handling =
    (Boolean(caller.department) && caller.department === ticket.departmentKey) ||
    (ticket.departmentKey === TERRITORIAL && holds(caller, "grid_worker", "grid_leader"));
  return handling || isStaff(caller);
}

/** Ticket steps, as the timeline names them and as the portal offers them. */
export type TicketAction =
  | "accept"
  | "reject"
  | "dispatch"
  | "handle"
  | "verify"
  | "send_back"
  | "rate"
  | "reopen"
  /** Ask for a change that needs an approval (延期, 回退, 转办, 作废). */
  | "request_change"
  /** Decide the pending change. */
  | "approve"
  | "refuse";

export interface ActionContext {
  /** Who reported the handling now awaiting a check (from the timeline), if the ticket does not say. */
  handlerID?: string | null;
  /** The district's reopening window (7 days unless set). */
  reopenDays?: number;
  now?: number;
}

/**
 * The steps the caller may take on the ticket in its state: grid staff accept or reject
 * collected tickets; leaders and admins dispatch; the department (or, for 属地 tickets, the grid's
 * staff) reports handling; grid staff other than the handler verify or send back; the reporter
 * rates once and may reopen within the district's window (not a ticket that was never accepted).
 */
export function allowedActions(caller: Caller, ticket: TicketFacts, context: ActionContext = {}): TicketAction[] {
  switch (ticket.state) {
    case "collected":
      return isStaff(caller) ? ["accept", "reject"] : [];
    case "accepted":
      return holds(caller, "grid_leader", "district_admin") ? ["dispatch"] : [];
    case "dispatched":
      return mayHandle(caller, ticket) ? ["handle"] : [];
    case "handled":
      return isStaff(caller) && (ticket.handledBy ?? context.handlerID) !== caller.userID ? ["verify", "send_back"] : [];
    case "closed": {
      if (ticket.reporterID !== caller.userID) return [];
      const actions: TicketAction[] = [];
      if (ticket.rating === null) actions.push("rate");
      const days = context.reopenDays ?? 7;
      const closedAt = ticket.closedAt ? Date.parse(ticket.closedAt) : NaN;
      const withinWindow = Number.isFinite(closedAt) && (context.now ?? Date.now()) - closedAt <= days * 86_400_000;
      if (ticket.closure !== "not_accepted" && withinWindow) actions.push("reopen");
      return actions;
    }
    default:
      return [];
  }
}

/**
 * The changes the caller may ask for on the ticket now: while no change is pending and the
 * ticket is open; sending back up and transferring only while it is dispatched, extending only
 * once it has a deadline.
 */
export function requestKinds(caller: Caller, ticket: TicketFacts): ChangeKind[] {
  if (ticket.pendingRequest || ticket.state === "closed" || !mayAskForChange(caller, ticket)) return [];
  return changeKinds.filter((kind) => {
    if (kind === "extend") return Boolean(ticket.dueAt);
    if (kind === "send_up" || kind === "transfer") return ticket.state === "dispatched";
    return true;
  });
}

/** Whether the caller may approve or refuse the pending change: a leader or admin who did not ask for it. */
export function mayDecide(caller: Caller, ticket: Pick<TicketFacts, "pendingRequest">): boolean {
  const request = ticket.pendingRequest;
  return Boolean(request) && holds(caller, "district_admin", "grid_leader") && request!.by !== caller.userID;
}

/** The change steps on top of the ticket's own: ask for a change, or decide the pending one. */
export function changeActions(caller: Caller, ticket: TicketFacts): TicketAction[] {
  if (mayDecide(caller, ticket)) return ["approve", "refuse"];
  return requestKinds(caller, ticket).length ? ["request_change"] : [];
}
