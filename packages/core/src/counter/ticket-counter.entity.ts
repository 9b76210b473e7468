import { Entity, type Attribute } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

/**
 * Ticket counters, pre-aggregated for dashboards: one item per scope (a grid of any tier, a
 * category, a department) and period: a grid's `all` and months (`2022-05`, China Standard
 * Time; its year is the sum of its 12 months, which the drill-down reads in the same batched
 * gets), a category's or department's `all` (its months live in its year's breakdown roll-up);
 * the district's counts live in its roll-up (`rollup.entity.ts`). Every ticket transition adds
 * to them in its own transaction (`Tally.addTicket`), so a dashboard reads a bounded number of
 * items whatever the number of tickets.
 */
export const TicketCounterFields = [
  "collected",
  "accepted",
  "dispatched",
  "handled",
  "sentBack",
  "closed",
  "solved",
  "onTime",
  "reopened",
  "rated",
  "ratingSum",
  "durationHours",
] as const;
export type TicketCounterField = (typeof TicketCounterFields)[number];

/** Additions to a ticket counter item's fields (a histogram bucket is `h00` … `h15`). */
export type TicketCounterAdds = Partial<Record<TicketCounterField | `h${string}`, number>>;

/** Time-to-close histogram buckets: h00 < 1 h, h01 < 2 h, h02 < 4 h … h15 ≥ 2^14 h. */
export const HistogramBuckets = Array.from({ length: 16 }, (_, index) => `h${String(index).padStart(2, "0")}`);

const numbers = Object.fromEntries(
  [...TicketCounterFields, ...HistogramBuckets].map((name) => [name, { type: "number", default: 0 } as const]),
) as Record<TicketCounterField | `h${string}`, Attribute>;

export const TicketCounterEntity = new Entity(
  {
    model: { entity: "ticketCounter", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      /** `grid:<gridID>`, `category:<key>`, `department:<key>` (`district` before the roll-up). */
      scope: { type: "string", required: true, readOnly: true },
      /** `all` or `YYYY-MM` (a year `YYYY` in the layout before the roll-ups, which the recount deletes). */
      period: { type: "string", required: true, readOnly: true },
      ...numbers,
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["tenantID", "scope"] },
        sk: { field: "sk", composite: ["period"] },
      },
    },
  },
  { table: tableName(), client: documentClient() },
);

/** The bucket of a time to close. */
export function bucketOf(hours: number): string {
  const index = hours < 1 ? 0 : Math.min(15, Math.floor(Math.log2(hours)) + 1);
  return HistogramBuckets[index];
}

/** The periods an event at `at` counts in (China Standard Time). */
export function periodsOf(at: string): string[] {
  const local = new Date(new Date(at).getTime() + 8 * 3600_000).toISOString();
  return ["all", local.slice(0, 4), local.slice(0, 7)];
}

/** Whether a scope is a breakdown of the district dashboard (a category, a department): its months live in its year's roll-up. */
export function isBreakdownScope(scope: string): boolean {
  return scope.startsWith("category:") || scope.startsWith("department:");
}

/**
 * The periods a scope's ticket counts are kept for, for an event at `at`: the district's month
 * (in its roll-up), another scope's `all` and month (a grid's month in a ticket counter item, a
 * category's or department's in its year's breakdown roll-up). A year is the sum of its months.
 */
export function ticketPeriodsOf(scope: string, at: string): string[] {
  const [all, , month] = periodsOf(at);
  return scope === "district" ? [month] : [all, month];
}
