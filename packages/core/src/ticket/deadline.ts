import type { TicketSettings } from "../config/index.ts";

const HOUR = 3600_000;
const CST = 8 * HOUR; // China Standard Time, no daylight saving

/**
 * `start` plus `hours` working hours (the district's working days and hours, China Standard
 * Time). A start outside working hours counts from the next working hour.
 */
export function addWorkingHours(start: Date, hours: number, working: TicketSettings["workingHours"]): Date {
  let remaining = hours * HOUR;
  let local = start.getTime() + CST; // milliseconds in CST, handled as if UTC
  for (let guard = 0; guard < 5000 && remaining > 0; guard++) {
    const day = new Date(local);
    const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
    const open = midnight + working.startHour * HOUR;
    const close = midnight + working.endHour * HOUR;
    if (!working.days.includes(day.getUTCDay()) || local >= close) {
      local = midnight + 24 * HOUR + working.startHour * HOUR;
      continue;
    }
    if (local < open) local = open;
    const step = Math.min(remaining, close - local);
    local += step;
    remaining -= step;
  }
  return new Date(local - CST);
}
