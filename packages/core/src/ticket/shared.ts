import { actorID, inGridScope, useActor, useTenant, type DistrictRole } from "../actor.ts";
import type { Caller } from "./rules.ts";
import { configForWrite } from "./guard.ts";
import { NotFoundError } from "../error.ts";
import { bucketOf, type TicketCounterAdds } from "../counter/ticket-counter.entity.ts";
import { TicketEntity } from "./ticket.entity.ts";
import { type Ticket, toTicket } from "./model.ts";

/** Helpers the ticket files share (not part of `Ticket`): the settings, who may read, the counters. */

/**
 * The ticket settings of the district; the mechanism must be switched on. Within a guarded
 * write (guard.ts), as this process remembers them, their version checked by the write.
 */
export async function settings() {
  const config = await configForWrite();
  if (!config.mechanisms.tickets) throw new NotFoundError("mechanism.off", "Snap-and-report tickets are switched off in this district.");
  return config.tickets;
}

export function roles(): DistrictRole[] {
  const actor = useActor();
  return actor.type === "user" ? actor.roles : actor.type === "system" ? ["district_admin"] : [];
}
export const has = (...wanted: DistrictRole[]) => roles().some((role) => wanted.includes(role));
export const mainRole = () => roles()[0] ?? useActor().type;
/** The acting user's name (from their record, carried by the actor), for the timeline. */
/** The actor as the pure rules (rules.ts) read it. */
export function caller(): Caller {
  const actor = useActor();
  return { userID: actorID(), roles: roles(), department: actor.type === "user" ? actor.department : null };
}

/**
 * Residents read their own tickets; department staff their department's; grid workers and
 * leaders those of their grid and below; district admins all.
 */
export function canRead(ticket: Ticket): boolean {
  const actor = useActor();
  if (actor.type === "system") return true;
  if (actor.type !== "user") return false;
  return ticket.reporterID === actor.userID || canHandle(ticket);
}

/** Whether the caller works on the ticket as staff: its department's staff, its grid's workers and leaders, the district's admins. */
export function canHandle(ticket: Ticket): boolean {
  const actor = useActor();
  if (actor.type === "system") return true;
  if (actor.type !== "user") return false;
  if (has("district_admin")) return true;
  if (has("grid_worker", "grid_leader") && inGridScope(ticket.gridPath)) return true;
  return has("department_staff") && !!actor.department && actor.department === ticket.departmentKey;
}

export async function load(ticketID: string): Promise<Ticket> {
  const result = await TicketEntity.get({ tenantID: useTenant(), ticketID }).go();
  const ticket = result.data ? toTicket(result.data) : undefined;
  if (!ticket || !canRead(ticket)) throw new NotFoundError("ticket.not_found", `There is no ticket ${ticketID} that you can see.`);
  return ticket;
}

// ─── counters ───────────────────────────────────────────────────────────────

/** The counter scopes a ticket counts in: the district, each grid of its path, its category, its department. */
export function scopesOf(ticket: Pick<Ticket, "gridPath" | "categoryKey" | "departmentKey">): string[] {
  return [
    "district",
    ...ticket.gridPath.map((gridID) => `grid:${gridID}`),
    `category:${ticket.categoryKey}`,
    ...(ticket.departmentKey ? [`department:${ticket.departmentKey}`] : []),
  ];
}

/** What closing a ticket adds to the counters (negated when it is reopened). */
export function closingAdds(ticket: Ticket, closure: string, closedAt: string, onTime: boolean, sign = 1): TicketCounterAdds {
  const hours = Math.max(0, (new Date(closedAt).getTime() - new Date(ticket.collectedAt).getTime()) / 3600_000);
  return {
    closed: sign,
    ...(closure === "solved" ? { solved: sign } : {}),
    ...(onTime ? { onTime: sign } : {}),
    durationHours: (sign * Math.round(hours * 100)) / 100,
    [bucketOf(hours)]: sign,
  };
}
