import { Entity } from "electrodb";
import { useTenant } from "../actor.ts";
import type { TransactionOps } from "../storage/service.ts";
import { documentClient, tableName } from "../storage/table.ts";
import { periodsOf } from "./counter.entity.ts";

/**
 * Counters of the governance mechanisms (cadres, ledger, wishes, needs, meetings, volunteers,
 * emergency rounds), pre-aggregated like the ticket counters: one item per scope (`district`,
 * `grid:<gridID>` for each grid of a record's path, or a mechanism's own scope such as
 * `unit:<unitID>`), period (`all`, `YYYY`, `YYYY-MM`, China Standard Time) and metric
 * (`wishes.fulfilled`, `ledger.hours` …). A record's write adds to them in its own
 * transaction; a dashboard reads one scope's period with one Query, whatever the number of
 * records. `count` counts records, `sum` adds a quantity (hours, people served).
 */
export const MetricCounterEntity = new Entity(
  {
    model: { entity: "metricCounter", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      scope: { type: "string", required: true, readOnly: true },
      period: { type: "string", required: true, readOnly: true },
      metric: { type: "string", required: true, readOnly: true },
      count: { type: "number", default: 0 },
      sum: { type: "number", default: 0 },
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["tenantID", "scope"] },
        sk: { field: "sk", composite: ["period", "metric"] },
      },
    },
  },
  { table: tableName(), client: documentClient() },
);

/** The scopes a record on a grid counts in: the district and every grid of its path (top first). */
export function gridScopes(gridPath: string[]): string[] {
  return ["district", ...gridPath.map((gridID) => `grid:${gridID}`)];
}

/**
 * Additions to the mechanism counters, collected while a write is prepared and turned into
 * one update per counter item of the transaction:
 *
 *     const tally = new Tally().add(gridScopes(wish.gridPath), at, "wishes.posted");
 *     await Database.transaction.write((ops) => [ops.wish.create(…).commit(), ...tally.operations(ops)]).go();
 */
export class Tally {
  private readonly adds = new Map<string, { count: number; sum: number }>();

  /** Adds `count` (and `sum`) to `metric` in every scope, for each period `at` falls in. */
  add(scopes: string[], at: string, metric: string, count = 1, sum = 0): this {
    for (const scope of scopes)
      for (const period of periodsOf(at)) {
        const key = `${scope}|${period}|${metric}`;
        const current = this.adds.get(key) ?? { count: 0, sum: 0 };
        this.adds.set(key, { count: current.count + count, sum: current.sum + sum });
      }
    return this;
  }

  /**
   * Adds to a standing count (people holding a role, grids of a tier): the `all` period only,
   * since a state has no month it happened in.
   */
  addState(scopes: string[], metric: string, count: number): this {
    for (const scope of scopes) {
      const key = `${scope}|all|${metric}`;
      const current = this.adds.get(key) ?? { count: 0, sum: 0 };
      this.adds.set(key, { count: current.count + count, sum: current.sum });
    }
    return this;
  }

  get size(): number {
    return this.adds.size;
  }

  operations(ops: TransactionOps) {
    const tenantID = useTenant();
    return this.entries().map(({ scope, period, metric, value }) =>
      ops.metricCounter.update({ tenantID, scope, period, metric }).add(value).commit(),
    );
  }

  /** The same additions written outside a transaction (bulk loads that already wrote their records). */
  async write(): Promise<void> {
    const tenantID = useTenant();
    for (const { scope, period, metric, value } of this.entries())
      await MetricCounterEntity.update({ tenantID, scope, period, metric }).add(value).go();
  }

  private entries() {
    return [...this.adds.entries()]
      .filter(([, value]) => value.count !== 0 || value.sum !== 0)
      .map(([key, value]) => {
        const [scope, period, metric] = key.split("|");
        return { scope, period, metric, value };
      });
  }
}

export interface MetricValue {
  count: number;
  sum: number;
}

/** Every metric of a scope in one period (`all`, `2022`, `2022-05`): one Query. */
export async function readTallies(scope: string, period: string): Promise<Record<string, MetricValue>> {
  const result = await MetricCounterEntity.query.primary({ tenantID: useTenant(), scope }).begins({ period }).go({ pages: "all" });
  const values: Record<string, MetricValue> = {};
  for (const item of result.data) if (item.period === period) values[item.metric] = { count: item.count ?? 0, sum: item.sum ?? 0 };
  return values;
}
