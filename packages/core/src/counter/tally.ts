import { useTenant } from "../actor.ts";
import type { WriteOps } from "../storage/transaction.ts";
import { MetricCounterEntity } from "./metric-counter.entity.ts";
import { periodsOf, TicketCounterEntity, type TicketCounterAdds } from "./ticket-counter.entity.ts";

/** The scopes a record on a grid counts in: the district and every grid of its path (top first). */
export function gridScopes(gridPath: string[]): string[] {
  return ["district", ...gridPath.map((gridID) => `grid:${gridID}`)];
}

/**
 * Additions to the counters (the mechanisms' tallies and the ticket counters), collected while
 * a write is prepared and turned into one update per counter item of the transaction. The one
 * collector of counter changes:
 *
 *     const tally = new Tally().add(gridScopes(wish.gridPath), at, "wishes.posted");
 *     await writeTransaction({ wish: WishEntity, ...Tally.entities }, (ops) => [ops.wish.create(…).commit(), ...tally.operations(ops)]).go();
 */
export class Tally {
  /** The entities `operations` writes: spread them into the transaction's entities. */
  static readonly entities = { metricCounter: MetricCounterEntity, ticketCounter: TicketCounterEntity };

  private readonly adds = new Map<string, { count: number; sum: number }>();
  private readonly ticketAdds = new Map<string, TicketCounterAdds>();

  /** Adds `count` (and `sum`) to `metric` in every scope, for each period `at` falls in. */
  add(scopes: string[], at: string, metric: string, count = 1, sum = 0): this {
    for (const scope of scopes) for (const period of periodsOf(at)) this.put(`${scope}|${period}|${metric}`, count, sum);
    return this;
  }

  /**
   * Adds to a standing count (people holding a role, grids of a tier): the `all` period only,
   * since a state has no month it happened in.
   */
  addState(scopes: string[], metric: string, count: number): this {
    for (const scope of scopes) this.put(`${scope}|all|${metric}`, count, 0);
    return this;
  }

  /** Adds to ticket counter fields (`collected`, `closed`, a histogram bucket …) in every scope and period. */
  addTicket(scopes: string[], at: string, adds: TicketCounterAdds): this {
    for (const scope of scopes)
      for (const period of periodsOf(at)) {
        const key = `${scope}|${period}`;
        const sum = this.ticketAdds.get(key) ?? {};
        for (const [field, value] of Object.entries(adds) as [keyof TicketCounterAdds, number][]) sum[field] = (sum[field] ?? 0) + value;
        this.ticketAdds.set(key, sum);
      }
    return this;
  }

  get size(): number {
    return this.entries().length + this.ticketAdds.size;
  }

  operations(ops: WriteOps<typeof Tally.entities>) {
    const tenantID = useTenant();
    return [
      ...this.entries().map(({ scope, period, metric, value }) =>
        ops.metricCounter.update({ tenantID, scope, period, metric }).add(value).commit(),
      ),
      ...[...this.ticketAdds].map(([key, adds]) => {
        const [scope, period] = key.split("|");
        return ops.ticketCounter.update({ tenantID, scope, period }).add(adds).commit();
      }),
    ];
  }

  /** The same additions written outside a transaction (bulk loads that already wrote their records). */
  async write(): Promise<void> {
    const tenantID = useTenant();
    for (const { scope, period, metric, value } of this.entries())
      await MetricCounterEntity.update({ tenantID, scope, period, metric }).add(value).go();
    for (const [key, adds] of this.ticketAdds) {
      const [scope, period] = key.split("|");
      await TicketCounterEntity.update({ tenantID, scope, period }).add(adds).go();
    }
  }

  private put(key: string, count: number, sum: number) {
    const current = this.adds.get(key) ?? { count: 0, sum: 0 };
    this.adds.set(key, { count: current.count + count, sum: current.sum + sum });
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
