import { Entity, type Attribute } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

/**
 * Ticket counters, pre-aggregated for dashboards: one item per scope (a grid of any tier, a
 * category, a department) and period (`all`, a month `2022-05`, and for a category or a
 * department a year `2022`; China Standard Time). A grid's year is the sum of its 12 months
 * (the drill-down reads them in the same batched gets); the district's counts live in its
 * roll-up (`rollup.entity.ts`). Every ticket transition adds to them in its own transaction
 * (`Tally.addTicket`), so a dashboard reads a bounded number of items whatever the number of
 * tickets.
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
      /** `all`, `YYYY` or `YYYY-MM`. */
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

/** Whether a scope's year is the sum of its months rather than an item of its own: a grid's. */
export function yearIsSumOfMonths(scope: string): boolean {
  return scope.startsWith("grid:");
}

/**
 * The ticket counter items an event at `at` counts in for a scope other than the district:
 * `all` and the month, and the year unless it is the sum of its months.
 */
export function ticketPeriodsOf(scope: string, at: string): string[] {
  const [all, year, month] = periodsOf(at);
  return yearIsSumOfMonths(scope) ? [all, month] : [all, year, month];
}
