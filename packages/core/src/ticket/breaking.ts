import { useTenant } from "../actor.ts";
import { checkConfigChanges, count } from "../config/domains.ts";
import type { DistrictSettings } from "../config/settings.ts";
import { TicketCounterEntity } from "../counter/ticket-counter.entity.ts";
import type { ErrorDetail } from "../error.ts";
import { TicketEntity, TicketStates } from "./ticket.entity.ts";

/**
 * Open tickets of a category, from its counters (one read): collected − closed. A reopened
 * ticket takes its closing back (`closed` −1), so the difference is what is not closed now.
 */
async function openInCategory(categoryKey: string): Promise<number> {
  const item = (await TicketCounterEntity.get({ tenantID: useTenant(), scope: `category:${categoryKey}`, period: "all" }).go())
    .data as Record<string, number> | null;
  return Math.max(0, (item?.collected ?? 0) - (item?.closed ?? 0));
}

/** Tickets not closed that sit with a department (its queue, one query per open state). */
async function openWithDepartment(departmentKey: string): Promise<number> {
  const tenantID = useTenant();
  let total = 0;
  for (const state of TicketStates.filter((state) => state !== "closed")) {
    const result = await TicketEntity.query.byDepartment({ tenantID, departmentKey, state }).go({ pages: "all", attributes: ["ticketID"] });
    total += result.data.length;
  }
  return total;
}

/** Categories and departments removed while tickets are open in (or with) them. */
async function ticketBreaks(current: DistrictSettings, next: DistrictSettings): Promise<ErrorDetail[]> {
  const found: ErrorDetail[] = [];
  for (const category of current.tickets.categories) {
    if (next.tickets.categories.some((other) => other.key === category.key)) continue;
    const open = await openInCategory(category.key);
    if (open)
      found.push({
        path: "tickets.categories",
        message: `category ${category.key} (${category.nameZh}) has ${count(open, "open ticket")}`,
      });
  }
  for (const department of current.tickets.departments) {
    if (next.tickets.departments.some((other) => other.key === department.key)) continue;
    const open = await openWithDepartment(department.key);
    if (open)
      found.push({
        path: "tickets.departments",
        message: `department ${department.key} (${department.nameZh}) has ${count(open, "open ticket")} with it`,
      });
  }
  return found;
}

/** A configuration change may not take away a category or department with open tickets. */
checkConfigChanges("ticket", ticketBreaks);
