import { z } from "zod";
import { assertRole, useActor, useTenant } from "../actor.ts";
import * as Config from "../config/index.ts";
import { DistrictEntity } from "../district/district.entity.ts";
import { ForbiddenError, InputError, NotFoundError } from "../error.ts";
import { GridEntity, GridSetEntity } from "../grid/grid.entity.ts";
import { ROOT, type GridCountField } from "../grid/model.ts";
import { fn } from "../util/fn.ts";
import { Month } from "../util/schemas.ts";
import { safeCell, toCsv } from "../util/spreadsheet.ts";
import { TicketCounterEntity } from "../counter/ticket-counter.entity.ts";
import { addSources, evaluate, MetricDefinitions, ticketFields, type MetricSources } from "./definitions.ts";
import { MetricCounterEntity } from "../counter/metric-counter.entity.ts";
import { districtTicketCounts, readRollups, type MetricValue } from "../counter/tally.ts";
import {
  addInto,
  readBreakdownItems,
  readRollupItems,
  rollupStanding,
  rollupTallies,
  rollupTickets,
  queryRollupItems,
  yearTicketCounts,
  type RollupItem,
} from "../counter/rollup.entity.ts";
import { recountRollupTallies, recountStanding, recountTickets } from "./recount.ts";

export { MetricDefinitions, MetricKeys, metricsDoc, quantileHours, type MetricDefinition } from "./definitions.ts";

/** `all`, a year `2022` or a month `2022-05`. */
export const Period = z.string().regex(/^(all|\d{4}|\d{4}-(0[1-9]|1[0-2]))$/, "all, a year YYYY or a month YYYY-MM");
export { Month };

export const Values = z.record(z.string(), z.number().nullable());

/** Counts the DynamoDB requests a read makes, so that the API (and the benchmark) can show them. */
class Reads {
  count = 0;
  add(requests = 1) {
    this.count += requests;
  }
}

const batches = (keys: number) => Math.ceil(keys / 100);

/** Every tally of a scope, grouped by period: one Query (paged by DynamoDB only beyond 1 MB). */
async function talliesByPeriod(tenantID: string, scope: string, reads: Reads) {
  const result = await MetricCounterEntity.query.primary({ tenantID, scope }).go({ pages: "all" });
  // A page holds up to 1 MB: about 5,000 counter items.
  reads.add(Math.max(1, Math.ceil(result.data.length / 5000)));
  const periods = new Map<string, Record<string, MetricValue>>();
  for (const item of result.data) {
    const values = periods.get(item.period) ?? {};
    values[item.metric] = { count: item.count ?? 0, sum: item.sum ?? 0 };
    periods.set(item.period, values);
  }
  return periods;
}

/**
 * The standing counts (people on grids, by role) of a scope's tallies: kept in the `all` period
 * only, they stand for any period asked for (a year's dashboard, a run of months).
 */
/** The standing counts kept per grid too (the register's, in each grid of a record's path): a grid's drill-down shows them. */
const GridStanding = new Set(["register.people", "register.households", "register.houses", "register.organisations"]);

function standingPeople(periods: Map<string, Record<string, MetricValue>>): Record<string, MetricValue> {
  return Object.fromEntries(
    Object.entries(periods.get("all") ?? {}).filter(([metric]) => metric.startsWith("people.") || metric.startsWith("register.")),
  );
}

async function gridCounts(tenantIDs: string[], reads: Reads) {
  const result = await GridSetEntity.get(tenantIDs.map((tenantID) => ({ tenantID }))).go();
  reads.add(batches(tenantIDs.length));
  const byTenant = new Map<string, MetricSources["grids"]>();
  for (const set of result.data) {
    const tiers: Record<number, number> = {};
    for (let level = 1; level <= 5; level++) tiers[level] = set[`tier${level}` as GridCountField] ?? 0;
    byTenant.set(set.tenantID, { tiers, dedicated: set.dedicated ?? 0 });
  }
  return (tenantID: string) => byTenant.get(tenantID) ?? { tiers: {}, dedicated: 0 };
}

/**
 * Grids' ticket counter items, with batched gets (100 keys a request): a grid's year is read as
 * its 12 months and summed.
 */
async function gridTicketCounters(keys: { tenantID: string; scope: string; period: string }[], reads: Reads) {
  type Key = { tenantID: string; scope: string; period: string };
  const stored = (key: Key): Key[] => (/^\d{4}$/.test(key.period) ? monthsOf(key.period).map((period) => ({ ...key, period })) : [key]);
  const unique = [
    ...new Map(keys.flatMap((key) => stored(key).map((one) => [`${one.tenantID}|${one.scope}|${one.period}`, one]))).values(),
  ];
  if (!unique.length) return () => ({});
  const result = await TicketCounterEntity.get(unique).go();
  reads.add(batches(unique.length));
  const byKey = new Map(result.data.map((item) => [`${item.tenantID}|${item.scope}|${item.period}`, ticketFields(item)]));
  return (tenantID: string, scope: string, period: string) => {
    const sum: Record<string, number> = {};
    for (const one of stored({ tenantID, scope, period })) addInto(sum, byKey.get(`${tenantID}|${scope}|${one.period}`) ?? {});
    return sum;
  };
}

/**
 * The categories' and departments' ticket counts in a period, with batched gets (100 keys a
 * request): all time from their `all` ticket counters, a year or a month from their year's
 * breakdown roll-up (one item a scope).
 */
async function breakdownCounters(tenantID: string, scopes: string[], period: string, reads: Reads) {
  if (!scopes.length) return () => ({});
  let byScope: Map<string, Record<string, number>>;
  if (period === "all") {
    const result = await TicketCounterEntity.get(scopes.map((scope) => ({ tenantID, scope, period }))).go();
    byScope = new Map(result.data.map((item) => [item.scope, ticketFields(item)]));
  } else {
    const items = await readBreakdownItems(scopes.map((scope) => ({ tenantID, scope, year: period.slice(0, 4) })));
    byScope = new Map(items.map((item) => [item.scope, yearTicketCounts(item, period)]));
  }
  reads.add(batches(scopes.length));
  return (scope: string) => byScope.get(scope) ?? {};
}

function monthsOf(year: string): string[] {
  return Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, "0")}`);
}

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number);
  while (`${year}-${String(month).padStart(2, "0")}` <= to && months.length < 120) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/** The year the trend shows: the period's, else the latest year with counters, else this year. */
function trendYearOf(period: string, years: string[]): string {
  if (period !== "all") return period.slice(0, 4);
  return years.sort().at(-1) ?? String(new Date().getUTCFullYear());
}

function assertDistrictReader() {
  const actor = useActor();
  if (actor.type === "user" && actor.roles.length === 0) throw new ForbiddenError("actor.role", "This needs a role in the district.");
}

export const DistrictMetricsInput = z.object({ period: Period.default("all") });

/**
 * A district's dashboard (区级看板): every metric for the period, the trend by month of the
 * period's year, and breakdowns by tier, role, category and department. A bounded number of
 * reads (`reads` in the reply) whatever the number of records: the configuration, the grid set,
 * one Query of the district's tallies, one Query of its roll-up, and batched gets of the
 * categories' and departments' counts (their `all` counters, or for a year or a month their
 * year's breakdown roll-ups: one item a category or department).
 */
export const getDistrictMetrics = fn(DistrictMetricsInput, async (input) => {
  assertDistrictReader();
  const tenantID = useTenant();
  const reads = new Reads();
  const config = await Config.get();
  reads.add();
  const categories = config.tickets.categories;
  const departments = config.tickets.departments;
  // The district's roll-up items (its ticket counts month by month, one Query), its tallies (one
  // Query), and the period's category and department counts (batched gets).
  const [grids, tallies, districtTickets, tickets] = await Promise.all([
    gridCounts([tenantID], reads),
    talliesByPeriod(tenantID, "district", reads),
    readRollups(tenantID, reads).then(districtTicketCounts),
    breakdownCounters(
      tenantID,
      [...categories.map((category) => `category:${category.key}`), ...departments.map((department) => `department:${department.key}`)],
      input.period,
      reads,
    ),
  ]);
  const years = [...new Set([...tallies.keys(), ...districtTickets.keys()])].filter((period) => /^\d{4}$/.test(period));
  const year = trendYearOf(input.period, years);
  const months = monthsOf(year);
  const standing = tallies.get("all") ?? {};
  // A year's dashboard shows the workforce as it stands, beside its role cards.
  const people = standingPeople(tallies);
  const sources = (scope: string, period: string): MetricSources => ({
    tickets: scope === "district" ? (districtTickets.get(period) ?? {}) : tickets(scope),
    tallies: scope === "district" ? { ...(tallies.get(period) ?? {}), ...people } : {},
    grids: grids(tenantID),
  });
  const values = evaluate(sources("district", input.period));
  const ticketRow = (scope: string) => {
    const all = evaluate(sources(scope, input.period));
    return Object.fromEntries(
      MetricDefinitions.filter((definition) => definition.group === "tickets").map((definition) => [definition.key, all[definition.key]]),
    );
  };
  return {
    tenantID,
    period: input.period,
    values,
    trend: {
      year,
      months,
      values: Object.fromEntries(
        MetricDefinitions.filter((definition) => !definition.standing).map((definition) => [
          definition.key,
          months.map((month) => definition.value(sources("district", month))),
        ]),
      ) as Record<string, (number | null)[]>,
    },
    tiers: config.tiers.map((tier) => ({
      level: tier.level,
      nameZh: tier.nameZh,
      nameEn: tier.nameEn,
      grids: grids(tenantID).tiers[tier.level] ?? 0,
    })),
    dedicatedGrids: grids(tenantID).dedicated,
    roles: config.roles.map((role) => ({
      key: role.key,
      nameZh: role.nameZh,
      nameEn: role.nameEn,
      people: standing[`people.role.${role.key}`]?.count ?? 0,
    })),
    categories: categories.map((category) => ({
      key: category.key,
      nameZh: category.nameZh,
      nameEn: category.nameEn,
      values: ticketRow(`category:${category.key}`),
    })),
    departments: departments.map((department) => ({
      key: department.key,
      nameZh: department.nameZh,
      nameEn: department.nameEn,
      values: ticketRow(`department:${department.key}`),
    })),
    reads: reads.count,
  };
});

export const GridMetricsInput = z.object({
  /** A grid, or `root` for the district's first tier. */
  gridID: z.string().min(1).max(80),
  period: Period.default("all"),
});

/**
 * One grid's figures (or the district's, for `root`) and each child grid's, for drilling down
 * the tiers and colouring the map: the grid, one Query of its children, batched gets of their
 * ticket counters and one Query of tallies per child (bounded by the number of children).
 */
export const getGridMetrics = fn(GridMetricsInput, async (input) => {
  assertDistrictReader();
  const tenantID = useTenant();
  const reads = new Reads();
  let grid: { gridID: string; code: string; name: string; tier: number | null } | null = null;
  if (input.gridID !== ROOT) {
    const found = await GridEntity.get({ tenantID, gridID: input.gridID }).go({ attributes: ["gridID", "code", "name", "tierKey"] });
    reads.add();
    if (!found.data) throw new NotFoundError("grid.not_found", `There is no grid ${input.gridID} in this district.`);
    grid = {
      gridID: found.data.gridID,
      code: found.data.code,
      name: found.data.name,
      tier: found.data.tierKey === "dedicated" ? null : Number(found.data.tierKey),
    };
  }
  const children = (
    await GridEntity.query
      .byParent({ tenantID, parentID: input.gridID })
      .where((attr, op) => op.eq(attr.status, "active"))
      .go({ pages: "all", attributes: ["gridID", "code", "name", "tierKey"] })
  ).data;
  reads.add();
  const scopeOf = (gridID: string) => (gridID === ROOT ? "district" : `grid:${gridID}`);
  const scopes = [scopeOf(input.gridID), ...children.map((child) => scopeOf(child.gridID))];
  const [counters, district, tallies] = await Promise.all([
    gridTicketCounters(
      scopes.filter((scope) => scope !== "district").map((scope) => ({ tenantID, scope, period: input.period })),
      reads,
    ),
    input.gridID === ROOT ? readRollups(tenantID, reads).then(districtTicketCounts) : null,
    Promise.all(scopes.map((scope) => talliesByPeriod(tenantID, scope, reads))),
  ]);
  const tickets = (tenantID: string, scope: string, period: string) =>
    scope === "district" ? (district?.get(period) ?? {}) : counters(tenantID, scope, period);
  const none = { tiers: {}, dedicated: 0 };
  const valuesOf = (index: number) => {
    const all = evaluate({
      tickets: tickets(tenantID, scopes[index], input.period),
      tallies: { ...(tallies[index].get(input.period) ?? {}), ...standingPeople(tallies[index]) },
      grids: none,
    });
    return Object.fromEntries(
      MetricDefinitions.filter((definition) => !definition.standing || GridStanding.has(definition.key)).map((definition) => [
        definition.key,
        all[definition.key],
      ]),
    );
  };
  return {
    grid,
    period: input.period,
    values: valuesOf(0),
    children: children.map((child, index) => ({
      gridID: child.gridID,
      code: child.code,
      name: child.name,
      tier: child.tierKey === "dedicated" ? null : Number(child.tierKey),
      values: valuesOf(index + 1),
    })),
    reads: reads.count,
  };
});

export const CompareInput = z
  .object({
    /** A province; a provincial admin may only name their own (or leave it out). */
    provinceID: z.string().min(2).max(40).optional(),
    /** A single period, or a range of months. */
    period: Period.optional(),
    from: Month.optional(),
    to: Month.optional(),
  })
  .refine((input) => !(input.period && (input.from || input.to)), { message: "give a period or a month range, not both", path: ["period"] })
  .refine((input) => !input.from === !input.to, { message: "a range needs both from and to", path: ["to"] })
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: "the range ends before it starts", path: ["to"] })
  .refine((input) => !input.from || !input.to || monthsBetween(input.from, input.to).length <= 60, {
    message: "at most 60 months",
    path: ["to"],
  });
export type CompareInput = z.infer<typeof CompareInput>;

/**
 * The districts of a province side by side on the same definitions (省级对比), with rankings.
 * Aggregates only: names of districts and numbers, never a person. Reads: one Query of the
 * province's districts, and batched gets (100 keys a request) of their grid sets and of their
 * roll-ups (`rollup.entity.ts`: the standing counts, and each year the months fall in): 4
 * requests for 100 districts and a year, 5 for months over two years. All time reads every
 * year of each district: one Query a district.
 */
export const compareDistricts = fn(CompareInput, async (input) => {
  const actor = useActor();
  let provinceID: string;
  if (actor.type === "province") {
    if (input.provinceID && input.provinceID !== actor.provinceID)
      throw new ForbiddenError("province.other", "A provincial admin compares the districts of their own province.");
    provinceID = actor.provinceID;
  } else if (actor.type === "operator" || actor.type === "system") {
    if (!input.provinceID)
      throw new InputError("province.required", "Name the province to compare.", [{ path: "provinceID", message: "required" }]);
    provinceID = input.provinceID;
  } else throw new ForbiddenError("actor.province", "Comparing districts is for provincial admins.");
  const reads = new Reads();
  const districts = (await DistrictEntity.query.byProvince({ provinceID }).go({ pages: "all" })).data.filter(
    (district) => district.status === "active",
  );
  reads.add(Math.max(1, Math.ceil(districts.length / 1000)));
  const period = input.period ?? "all";
  const months = input.from && input.to ? monthsBetween(input.from, input.to) : /^\d{4}$/.test(period) ? monthsOf(period) : [period];
  const tenantIDs = districts.map((district) => district.tenantID);
  // Each district's roll-up: its standing counts (`all`) and the years the months fall in, with
  // batched gets (100 keys a request); all time needs every year, one Query a district.
  const years = [...new Set(months.map((month) => month.slice(0, 4)))];
  const [grids, rollups] = await Promise.all([
    gridCounts(tenantIDs, reads),
    period === "all" && !input.from
      ? Promise.all(tenantIDs.map((tenantID) => queryRollupItems(tenantID, reads))).then((lists) => lists.flat())
      : readRollupItems(
          tenantIDs.flatMap((tenantID) => ["all", ...years].map((year) => ({ tenantID, period: year }))),
          reads,
        ),
  ]);
  const rollupOf = new Map(rollups.map((item) => [`${item.tenantID}|${item.period}`, item]));
  const rows = districts.map((district) => {
    const sources: MetricSources = { tickets: {}, tallies: {}, grids: grids(district.tenantID) };
    const add = (item: RollupItem | undefined, month: string) =>
      addSources(sources, { tickets: rollupTickets(item, month), tallies: rollupTallies(item, month) });
    if (months[0] === "all") {
      for (const item of rollups)
        if (item.tenantID === district.tenantID && item.period !== "all")
          for (const month of monthsOf(item.period)) add(item, month.slice(5));
    } else for (const month of months) add(rollupOf.get(`${district.tenantID}|${month.slice(0, 4)}`), month.slice(5));
    Object.assign(sources.tallies, rollupStanding(rollupOf.get(`${district.tenantID}|all`)));
    return {
      tenantID: district.tenantID,
      nameZh: district.nameZh,
      nameEn: district.nameEn,
      cityZh: district.cityZh,
      cityEn: district.cityEn,
      values: evaluate(sources),
    };
  });
  // A district with no figure at all in a metric's group (nothing reported, no wishes…) has no
  // place in that group's rankings: it is not tied with the others at 0.
  const hasData = (row: (typeof rows)[number], group: string) =>
    MetricDefinitions.some((other) => other.group === group && (row.values[other.key] ?? 0) !== 0);
  const rankings = Object.fromEntries(
    MetricDefinitions.map((definition) => {
      const ranked = rows
        .filter((row) => row.values[definition.key] !== null && hasData(row, definition.group))
        .sort((a, b) =>
          definition.higherIsBetter
            ? b.values[definition.key]! - a.values[definition.key]!
            : a.values[definition.key]! - b.values[definition.key]!,
        );
      return [definition.key, ranked.map((row) => row.tenantID)];
    }),
  );
  return {
    provinceID,
    period: input.from && input.to ? `${input.from}..${input.to}` : period,
    definitions: MetricDefinitions.map(({ key, group, nameZh, nameEn, unit, higherIsBetter }) => ({
      key,
      group,
      nameZh,
      nameEn,
      unit,
      higherIsBetter,
    })),
    rows,
    rankings,
    reads: reads.count,
  };
});
export type Comparison = Awaited<ReturnType<typeof compareDistricts>>;

/** The comparison as CSV (UTF-8 with a BOM, so that Excel shows the Chinese headings). */
export function comparisonCsv(comparison: Comparison): string {
  const header = ["区县", "District", ...comparison.definitions.map((definition) => `${definition.nameZh} (${definition.key})`)];
  const lines = comparison.rows.map((row) => [
    row.nameZh,
    row.nameEn,
    ...comparison.definitions.map((definition) => row.values[definition.key]),
  ]);
  return toCsv([header, ...lines]);
}

/** The comparison as an .xlsx workbook: one sheet of figures, one of rankings, one of definitions. */
export async function comparisonWorkbook(comparison: Comparison): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Wangge 网格";
  const figures = workbook.addWorksheet("区县对比");
  figures.columns = [
    { header: "区县", key: "nameZh", width: 14 },
    { header: "District", key: "nameEn", width: 20 },
    ...comparison.definitions.map((definition) => ({
      header: definition.nameZh,
      key: definition.key,
      width: Math.max(12, definition.nameZh.length * 2 + 2),
    })),
  ];
  for (const row of comparison.rows) figures.addRow({ nameZh: safeCell(row.nameZh), nameEn: safeCell(row.nameEn), ...row.values });
  comparison.definitions.forEach((definition, index) => {
    if (definition.unit === "ratio") figures.getColumn(index + 3).numFmt = "0.00%";
  });
  figures.getRow(1).font = { bold: true };
  figures.views = [{ state: "frozen", xSplit: 2, ySplit: 1 }];
  const rankings = workbook.addWorksheet("排名");
  rankings.addRow(["指标", "Metric", ...comparison.rows.map((_, index) => `第${index + 1}名`)]).font = { bold: true };
  const names = new Map(comparison.rows.map((row) => [row.tenantID, row.nameZh]));
  for (const definition of comparison.definitions)
    rankings.addRow([
      definition.nameZh,
      definition.nameEn,
      ...(comparison.rankings[definition.key] ?? []).map((tenantID) => safeCell(names.get(tenantID))),
    ]);
  const about = workbook.addWorksheet("指标口径");
  about.addRow(["指标", "Metric", "key", "unit", "definition", "口径"]).font = { bold: true };
  for (const definition of MetricDefinitions)
    about.addRow([definition.nameZh, definition.nameEn, definition.key, definition.unit, definition.definition, definition.definitionZh]);
  about.addRow([]);
  about.addRow(["省份 Province", comparison.provinceID, "期间 Period", comparison.period]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const RecountInput = z.object({ repair: z.boolean().default(false) });

/**
 * Rebuilds the district's counters from its records (tickets from their timelines; grids,
 * people, party records and every governance mechanism's records) and reports every
 * difference; `repair` writes the recounted values. District admin only.
 */
export const recountMetrics = fn(RecountInput, async (input) => {
  assertRole("district_admin");
  const options = { repair: input.repair };
  // The mechanisms' modules import this one's counters: load them when a recount runs.
  const [Cadre, Wish, Need, Meeting, Volunteer, Emergency, Register] = await Promise.all([
    import("../cadre/index.ts"),
    import("../wish/index.ts"),
    import("../need/index.ts"),
    import("../meeting/index.ts"),
    import("../volunteer/index.ts"),
    import("../emergency/index.ts"),
    import("../register/recount.ts"),
  ]);
  const [tickets, standing, ...mechanisms] = await Promise.all([
    recountTickets(options),
    recountStanding(options),
    Cadre.recount(options),
    Wish.recount(options),
    Need.recount(options),
    Meeting.recount(options),
    Volunteer.recount(options),
    Emergency.recount(options),
    Register.recount(options),
  ]);
  // The roll-up's tallies copy the district's tally items: recounted (and repaired) above.
  const rollup = await recountRollupTallies(options);
  return {
    tickets: tickets.tickets,
    grids: standing.grids,
    people: standing.people,
    drift: [...tickets.drift, ...standing.drift, ...mechanisms.flat(), ...rollup],
    repaired: input.repair,
  };
});
