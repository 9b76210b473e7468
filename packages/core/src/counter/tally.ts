import { useTenant } from "../actor.ts";
import type { WriteOps } from "../storage/transaction.ts";
import { MetricCounterEntity } from "./metric-counter.entity.ts";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "../storage/table.ts";
import {
  addInto,
  breakdownUpdate,
  queryRollupItems,
  readBreakdownItems,
  rollupUpdate,
  RollupMonths,
  RollupStanding,
  RollupTallies,
  rollupTickets,
  tallyAttribute,
  ticketAttribute,
  yearTicketCounts,
  type RollupItem,
} from "./rollup.entity.ts";
import { isBreakdownScope, periodsOf, ticketPeriodsOf, TicketCounterEntity, type TicketCounterAdds } from "./ticket-counter.entity.ts";

/** The scopes a record on a grid counts in: the district and every grid of its path (top first). */
export function gridScopes(gridPath: string[]): string[] {
  return ["district", ...gridPath.map((gridID) => `grid:${gridID}`)];
}

const monthlyTallies = new Set(RollupTallies);
const standingTallies = new Set(RollupStanding);

/**
 * Additions to the counters (the mechanisms' tallies, the ticket counters and the district's
 * roll-up), collected while a write is prepared and turned into one update per counter item of
 * the transaction. The one collector of counter changes:
 *
 *     const tally = new Tally().add(gridScopes(wish.gridPath), at, "wishes.posted");
 *     await writeTransaction({ wish: WishEntity, ...Tally.entities }, (ops) => [ops.wish.create(…).commit(), ...tally.operations(ops)]).go();
 *
 * The district scope's ticket counts go to its roll-up only (`rollup.entity.ts`: one item per
 * year, month by month); its tallies go to the tally items as before and, for the metrics the
 * definitions read, to the roll-up too. A category's or department's ticket counts go to its
 * `all` ticket counter and its year's breakdown roll-up, month by month.
 */
export class Tally {
  /** The entities `operations` writes: spread them into the transaction's entities. */
  static readonly entities = { metricCounter: MetricCounterEntity, ticketCounter: TicketCounterEntity };

  private readonly adds = new Map<string, { count: number; sum: number }>();
  private readonly ticketAdds = new Map<string, TicketCounterAdds>();
  /** Roll-up additions by period (`YYYY` or `all`), attribute by attribute. */
  private readonly rollupAdds = new Map<string, Record<string, number>>();
  /** Breakdown roll-up additions by `scope|YYYY`, attribute by attribute. */
  private readonly breakdownAdds = new Map<string, Record<string, number>>();

  /** Adds `count` (and `sum`) to `metric` in every scope, for each period `at` falls in. */
  add(scopes: string[], at: string, metric: string, count = 1, sum = 0): this {
    for (const scope of scopes) for (const period of periodsOf(at)) this.put(`${scope}|${period}|${metric}`, count, sum);
    if (scopes.includes("district") && monthlyTallies.has(metric)) {
      const [year, month] = periodsOf(at)[2].split("-");
      this.putRollup(year, { [tallyAttribute(metric, "count", month)]: count, [tallyAttribute(metric, "sum", month)]: sum });
    }
    return this;
  }

  /**
   * Adds to a standing count (people holding a role, grids of a tier): the `all` period only,
   * since a state has no month it happened in.
   */
  addState(scopes: string[], metric: string, count: number): this {
    for (const scope of scopes) this.put(`${scope}|all|${metric}`, count, 0);
    if (scopes.includes("district") && standingTallies.has(metric)) this.putRollup("all", { [tallyAttribute(metric, "count")]: count });
    return this;
  }

  /**
   * Adds to ticket counter fields (`collected`, `closed`, a histogram bucket …) for the periods
   * `ticketPeriodsOf` names: the district's month in its roll-up; a grid's `all` and month; a
   * category's or department's `all`, and its month in its year's breakdown roll-up.
   */
  addTicket(scopes: string[], at: string, adds: TicketCounterAdds): this {
    const monthly = (month: string) =>
      Object.fromEntries(Object.entries(adds).map(([field, value]) => [ticketAttribute(field, month), value ?? 0]));
    for (const scope of scopes)
      for (const period of ticketPeriodsOf(scope, at)) {
        const [year, month] = period.split("-");
        if (scope === "district") this.putRollup(year, monthly(month));
        else if (month && isBreakdownScope(scope)) put(this.breakdownAdds, `${scope}|${year}`, monthly(month));
        else {
          const key = `${scope}|${period}`;
          const sum = this.ticketAdds.get(key) ?? {};
          for (const [field, value] of Object.entries(adds) as [keyof TicketCounterAdds, number][]) sum[field] = (sum[field] ?? 0) + value;
          this.ticketAdds.set(key, sum);
        }
      }
    return this;
  }

  /** The items `operations` writes. */
  get size(): number {
    return this.entries().length + this.ticketAdds.size + this.rollups().length + this.breakdowns().length;
  }

  operations(ops: WriteOps<typeof Tally.entities>) {
    const tenantID = useTenant();
    const counters = [
      ...this.entries().map(({ scope, period, metric, value }) =>
        ops.metricCounter.update({ tenantID, scope, period, metric }).add(value).commit(),
      ),
      ...[...this.ticketAdds].map(([key, adds]) => {
        const [scope, period] = key.split("|");
        return ops.ticketCounter.update({ tenantID, scope, period }).add(adds).commit();
      }),
    ];
    // The roll-up's update is written by hand (`rollupUpdate`): a transaction item like the others.
    const rollups = [
      ...this.rollups().map(([period, adds]) => rollupUpdate(tenantID, period, adds)),
      ...this.breakdowns().map(([key, adds]) => breakdownUpdate(tenantID, ...(key.split("|") as [string, string]), adds)),
    ].map((update) => ({ Update: update }) as unknown as (typeof counters)[number]);
    return [...counters, ...rollups];
  }

  /**
   * The same additions written outside a transaction (bulk loads that already wrote their
   * records), `concurrency` items at a time.
   */
  async write(concurrency = 1): Promise<void> {
    const tenantID = useTenant();
    const writes: (() => Promise<unknown>)[] = [
      ...this.entries().map(
        ({ scope, period, metric, value }) =>
          () =>
            MetricCounterEntity.update({ tenantID, scope, period, metric }).add(value).go(),
      ),
      ...[...this.ticketAdds].map(([key, adds]) => {
        const [scope, period] = key.split("|");
        return () => TicketCounterEntity.update({ tenantID, scope, period }).add(adds).go();
      }),
      ...this.rollups().map(
        ([period, adds]) =>
          () =>
            documentClient().send(new UpdateCommand(rollupUpdate(tenantID, period, adds))),
      ),
      ...this.breakdowns().map(
        ([key, adds]) =>
          () =>
            documentClient().send(new UpdateCommand(breakdownUpdate(tenantID, ...(key.split("|") as [string, string]), adds))),
      ),
    ];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.max(1, concurrency) }, async () => {
        while (next < writes.length) await writes[next++]();
      }),
    );
  }

  private put(key: string, count: number, sum: number) {
    const current = this.adds.get(key) ?? { count: 0, sum: 0 };
    this.adds.set(key, { count: current.count + count, sum: current.sum + sum });
  }

  private putRollup(period: string, adds: Record<string, number>) {
    put(this.rollupAdds, period, adds);
  }

  private rollups() {
    return nonZero(this.rollupAdds);
  }

  private breakdowns() {
    return nonZero(this.breakdownAdds);
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

/** Adds `adds` into the additions kept under `key`, attribute by attribute. */
function put(into: Map<string, Record<string, number>>, key: string, adds: Record<string, number>) {
  const current = into.get(key) ?? {};
  for (const [attribute, value] of Object.entries(adds)) current[attribute] = (current[attribute] ?? 0) + value;
  into.set(key, current);
}

/** The additions by key without those that add 0, and without keys left with none. */
function nonZero(adds: Map<string, Record<string, number>>) {
  return [...adds]
    .map(([key, values]) => [key, Object.fromEntries(Object.entries(values).filter(([, value]) => value !== 0))] as const)
    .filter(([, values]) => Object.keys(values).length > 0);
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

/** The district's roll-up items, by period (`all`, each year): one Query. */
export async function readRollups(tenantID = useTenant(), reads?: { add(requests?: number): void }): Promise<Map<string, RollupItem>> {
  return new Map((await queryRollupItems(tenantID, reads)).map((item) => [item.period, item]));
}

/**
 * The district's ticket counts by period (`all`, every year, every month that has an item)
 * from its roll-up items: a year is the sum of its months, all time the sum of the years.
 */
export function districtTicketCounts(rollups: Map<string, RollupItem>): Map<string, Record<string, number>> {
  const periods = new Map<string, Record<string, number>>();
  const all: Record<string, number> = {};
  for (const [period, item] of rollups) {
    if (!/^\d{4}$/.test(period)) continue;
    const year: Record<string, number> = {};
    for (const month of RollupMonths) {
      const fields = rollupTickets(item, month);
      if (!Object.keys(fields).length) continue;
      periods.set(`${period}-${month}`, fields);
      addInto(year, fields);
    }
    if (Object.keys(year).length) periods.set(period, year);
    addInto(all, year);
  }
  periods.set("all", all);
  return periods;
}

/**
 * A scope's ticket counts in a period (`all`, `YYYY`, `YYYY-MM`), as the dashboards count them:
 * the district's from its roll-up, a category's or department's year or month from its year's
 * breakdown roll-up, a grid's year as the sum of its months. For tests and tools; the
 * dashboards read in batches.
 */
export async function readTicketCounts(scope: string, period: string): Promise<Record<string, number> | null> {
  const tenantID = useTenant();
  if (scope === "district") return districtTicketCounts(await readRollups(tenantID)).get(period) ?? null;
  if (period !== "all" && isBreakdownScope(scope)) {
    const [item] = await readBreakdownItems([{ tenantID, scope, year: period.slice(0, 4) }]);
    const counts = yearTicketCounts(item, period);
    return Object.keys(counts).length ? counts : null;
  }
  if (!/^\d{4}$/.test(period)) {
    const item = (await TicketCounterEntity.get({ tenantID, scope, period }).go()).data;
    return item ? numericFields(item) : null;
  }
  const months = RollupMonths.map((month) => ({ tenantID, scope, period: `${period}-${month}` }));
  const items = (await TicketCounterEntity.get(months).go()).data;
  if (!items.length) return null;
  const sum: Record<string, number> = {};
  for (const item of items) addInto(sum, numericFields(item));
  return sum;
}

function numericFields(item: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(item).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
}
