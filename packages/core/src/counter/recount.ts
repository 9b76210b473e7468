import { useTenant } from "../actor.ts";
import { MetricCounterEntity } from "./metric-counter.entity.ts";
import { forEachLimit } from "../storage/pool.ts";
import { periodsOf } from "./ticket-counter.entity.ts";

const round = (value: number) => Math.round(value * 100) / 100;

/** Tallies a recount expects, by `scope|period|metric`. */
export class ExpectedTallies {
  readonly values = new Map<string, { count: number; sum: number }>();
  /** Adds like `Tally.add`: every scope, every period `at` falls in. */
  add(scopes: string[], at: string, metric: string, count = 1, sum = 0): this {
    for (const scope of scopes) for (const period of periodsOf(at)) this.put(scope, period, metric, count, sum);
    return this;
  }
  /** Adds like `Tally.addState`: the `all` period only. */
  addState(scopes: string[], metric: string, count = 1): this {
    for (const scope of scopes) this.put(scope, "all", metric, count, 0);
    return this;
  }
  private put(scope: string, period: string, metric: string, count: number, sum: number) {
    const key = `${scope}|${period}|${metric}`;
    const current = this.values.get(key) ?? { count: 0, sum: 0 };
    this.values.set(key, { count: current.count + count, sum: round(current.sum + sum) });
  }
}

export interface TallyDrift {
  scope: string;
  period: string;
  field: string;
  stored: number;
  recounted: number;
}

/**
 * Compares the stored tallies whose metric starts with one of `prefixes` (in the district scope
 * and every scope the expectation names) with the expectation; with `repair`, writes the
 * recounted values. For a mechanism's recount: rebuild `ExpectedTallies` from its records, then
 * call this.
 */
export async function compareTallies(expected: ExpectedTallies, prefixes: string[], options: { repair?: boolean; scopes?: string[] } = {}) {
  const tenantID = useTenant();
  const scopes = new Set(["district", ...(options.scopes ?? []), ...[...expected.values.keys()].map((key) => key.split("|")[0])]);
  const stored = new Map<string, { count: number; sum: number }>();
  // A district has thousands of grids: a bounded number of reads in flight.
  await forEachLimit(scopes, 16, async (scope) => {
    const result = await MetricCounterEntity.query.primary({ tenantID, scope }).go({ pages: "all" });
    for (const item of result.data)
      if (prefixes.some((prefix) => item.metric.startsWith(prefix)))
        stored.set(`${scope}|${item.period}|${item.metric}`, { count: item.count ?? 0, sum: item.sum ?? 0 });
  });
  const drift: TallyDrift[] = [];
  for (const key of new Set([...expected.values.keys(), ...stored.keys()])) {
    const [scope, period, metric] = key.split("|");
    const want = expected.values.get(key) ?? { count: 0, sum: 0 };
    const have = stored.get(key) ?? { count: 0, sum: 0 };
    if (want.count !== have.count) drift.push({ scope, period, field: `${metric}.count`, stored: have.count, recounted: want.count });
    if (Math.abs(want.sum - have.sum) > 0.011) drift.push({ scope, period, field: `${metric}.sum`, stored: have.sum, recounted: want.sum });
    if (options.repair && (want.count !== have.count || Math.abs(want.sum - have.sum) > 0.011))
      await MetricCounterEntity.put({ tenantID, scope, period, metric, count: want.count, sum: want.sum }).go();
  }
  return drift;
}
