import { z } from "zod";
import { useTenant } from "../actor.ts";
import { requireMechanism } from "../config/index.ts";
import { placeOfGrid } from "../grid/place.ts";
import { MetricCounterEntity } from "../counter/metric-counter.entity.ts";
import { fn } from "../util/fn.ts";

// ─── summary ────────────────────────────────────────────────────────────────

/** The figures of the mechanism, named as the summary shows them, with the counter behind each. */
const figures = {
  teams: "volunteers.teams",
  members: "volunteers.members",
  problemsSolved: "volunteers.problemsSolved",
  activities: "activities.held",
  committeeWorkers: "owners.committeeWorkers",
  consultations: "owners.consultations",
  livelihoodProjects: "owners.livelihoodProjects",
} as const;

export const Figures = z.object({
  teams: z.number(),
  members: z.number(),
  problemsSolved: z.number(),
  activities: z.number(),
  /** People served by activities (a sum). */
  served: z.number(),
  committeeWorkers: z.number(),
  consultations: z.number(),
  livelihoodProjects: z.number(),
});
export type Figures = z.infer<typeof Figures>;

export const Summary = z.object({
  /** `district` or `grid:<gridID>`. */
  scope: z.string(),
  totals: Figures,
  /** Years that have any of these figures, oldest first. */
  years: z.array(z.string()),
  /** The year `months` shows: the one asked for, else the latest with figures. */
  year: z.string().nullable(),
  months: z.array(Figures.extend({ month: z.string() })),
});
export type Summary = z.infer<typeof Summary>;

export const SummaryInput = z.object({
  gridID: z.string().min(1).max(80).optional(),
  year: z
    .string()
    .regex(/^\d{4}$/, "a year YYYY")
    .optional(),
});

/** The headline figures (all time) and the chosen year month by month, from the counters: one query. */
export const getSummary = fn(SummaryInput, async (input) => {
  await requireMechanism("volunteers");
  const scope = input.gridID ? `grid:${(await placeOfGrid(input.gridID)).gridID}` : "district";
  const metrics = new Set<string>([...Object.values(figures), "activities.served"]);
  const result = await MetricCounterEntity.query.primary({ tenantID: useTenant(), scope }).go({ pages: "all" });
  const byPeriod = new Map<string, Map<string, { count: number; sum: number }>>();
  for (const item of result.data) {
    if (!metrics.has(item.metric)) continue;
    const values = byPeriod.get(item.period) ?? new Map();
    values.set(item.metric, { count: item.count ?? 0, sum: item.sum ?? 0 });
    byPeriod.set(item.period, values);
  }
  const figuresOf = (period: string): Figures => {
    const values = byPeriod.get(period);
    const count = (metric: string) => values?.get(metric)?.count ?? 0;
    return {
      ...(Object.fromEntries(Object.entries(figures).map(([name, metric]) => [name, count(metric)])) as Omit<Figures, "served">),
      served: values?.get("activities.served")?.sum ?? 0,
    };
  };
  const years = [...byPeriod.keys()].filter((period) => /^\d{4}$/.test(period)).sort();
  const year = input.year ?? years.at(-1) ?? null;
  const months = year
    ? Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, "0")}`).map((month) => ({
        month,
        ...figuresOf(month),
      }))
    : [];
  return { scope, totals: figuresOf("all"), years, year, months } satisfies Summary;
});
