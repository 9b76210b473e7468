/**
 * The metrics API (看板 and 省级对比) as the portal's dashboard and comparison pages use it, and
 * the rules they show: how a figure is written for its unit, the source's headline sentence,
 * sorting and ranking districts. The metric catalogue mirrors core's `MetricDefinitions`
 * (the portal bundles no core code); `metrics.test.ts` keeps the two equal.
 */
import { allPages, compact, ok, type Api } from "./api.ts";
import { withBoundaries, type Boundary, type Grid } from "./grids.ts";

export type MetricGroup =
  | "grids"
  | "people"
  | "tickets"
  | "party"
  | "cadres"
  | "wishes"
  | "needs"
  | "meetings"
  | "volunteers"
  | "emergency"
  | "register";
export type MetricUnit = "count" | "ratio" | "hours" | "rating" | "people";
export type Values = Record<string, number | null>;

export interface MetricInfo {
  key: string;
  group: MetricGroup;
  unit: MetricUnit;
  higherIsBetter: boolean;
  /** A standing count (grids, people): the same whatever the period. */
  standing?: boolean;
}

const m = (key: string, group: MetricGroup, unit: MetricUnit = "count", more: Partial<MetricInfo> = {}): MetricInfo => ({
  key,
  group,
  unit,
  higherIsBetter: true,
  ...more,
});

/** Every metric, in core's order (names live in the metrics dictionary under `metric.<key>`). */
export const metricCatalogue: MetricInfo[] = [
  m("grids.total", "grids", "count", { standing: true }),
  ...[1, 2, 3, 4, 5].map((level) => m(`grids.tier${level}`, "grids", "count", { standing: true })),
  m("grids.dedicated", "grids", "count", { standing: true }),
  m("people.total", "people", "people", { standing: true }),
  m("register.people", "register", "people", { standing: true }),
  m("register.households", "register", "count", { standing: true }),
  m("register.houses", "register", "count", { standing: true }),
  m("register.organisations", "register", "count", { standing: true }),
  m("register.peoplePerGridWorker", "register", "people", { standing: true, higherIsBetter: false }),
  m("register.householdsPerGridWorker", "register", "count", { standing: true, higherIsBetter: false }),
  m("tickets.collected", "tickets"),
  m("tickets.accepted", "tickets"),
  m("tickets.closed", "tickets"),
  m("tickets.solved", "tickets"),
  m("tickets.closureRate", "tickets", "ratio"),
  m("tickets.onTimeRate", "tickets", "ratio"),
  m("tickets.medianHours", "tickets", "hours", { higherIsBetter: false }),
  m("tickets.p90Hours", "tickets", "hours", { higherIsBetter: false }),
  m("tickets.reopened", "tickets", "count", { higherIsBetter: false }),
  m("tickets.averageRating", "tickets", "rating"),
  m("party.jointMeetings", "party"),
  m("party.coBuildingProjects", "party"),
  m("cadres.assigned", "cadres"),
  m("ledger.entries", "cadres"),
  m("ledger.hours", "cadres", "hours"),
  m("ledger.sentiment_map", "cadres"),
  m("cadres.evaluations", "cadres"),
  m("wishes.posted", "wishes"),
  m("wishes.claimed", "wishes"),
  m("wishes.fulfilled", "wishes"),
  m("needs.created", "needs"),
  m("needs.claimed", "needs"),
  m("needs.closed", "needs"),
  m("needs.closureRate", "needs", "ratio"),
  m("meetings.held", "meetings"),
  m("volunteers.teams", "volunteers"),
  m("volunteers.problemsSolved", "volunteers"),
  m("activities.held", "volunteers"),
  m("activities.served", "volunteers", "people"),
  m("owners.committeeWorkers", "volunteers"),
  m("owners.consultations", "volunteers"),
  m("owners.livelihoodProjects", "volunteers"),
  m("emergency.rounds", "emergency"),
  m("emergency.roundsDistrictWide", "emergency"),
  m("emergency.roundsRiskArea", "emergency"),
  m("emergency.completion", "emergency", "ratio"),
];

export const metricGroups: MetricGroup[] = [
  "grids",
  "people",
  "tickets",
  "party",
  "cadres",
  "wishes",
  "needs",
  "meetings",
  "volunteers",
  "emergency",
  "register",
];
export const metricInfo = new Map(metricCatalogue.map((info) => [info.key, info]));
/** The metrics that change with the period (trends, grids, categories). */
export const periodMetrics = metricCatalogue.filter((info) => !info.standing);
export const ticketMetrics = metricCatalogue.filter((info) => info.group === "tickets");

// ── replies ──

export interface Named {
  key: string;
  nameZh: string;
  nameEn: string;
}

export interface DistrictMetrics {
  tenantID: string;
  period: string;
  values: Values;
  trend: { year: string; months: string[]; values: Record<string, (number | null)[]> };
  tiers: Array<{ level: number; nameZh: string; nameEn: string; grids: number }>;
  dedicatedGrids: number;
  roles: Array<Named & { people: number }>;
  categories: Array<Named & { values: Values }>;
  departments: Array<Named & { values: Values }>;
  reads: number;
}

export interface GridRef {
  gridID: string;
  code: string;
  name: string;
  tier: number | null;
}

export interface GridMetrics {
  grid: GridRef | null;
  period: string;
  values: Values;
  children: Array<GridRef & { values: Values }>;
  reads: number;
}

export interface ComparisonDefinition {
  key: string;
  group: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  higherIsBetter: boolean;
}

export interface ComparisonRow {
  tenantID: string;
  nameZh: string;
  nameEn: string;
  cityZh: string;
  cityEn: string;
  values: Values;
}

export interface Comparison {
  provinceID: string;
  period: string;
  definitions: ComparisonDefinition[];
  rows: ComparisonRow[];
  rankings: Record<string, string[]>;
  reads: number;
}

/** A single period, or a range of months. */
export type CompareQuery = { provinceID?: string } & ({ period: string } | { from: string; to: string });

// ── periods ──

export type PeriodKind = "all" | "year" | "month";

/** `all`, `2022` or `2022-05`. */
export const isPeriod = (value: unknown): value is string => typeof value === "string" && /^(all|\d{4}|\d{4}-(0[1-9]|1[0-2]))$/.test(value);
export const isMonth = (value: unknown): value is string => typeof value === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
export const periodKind = (period: string): PeriodKind => (period === "all" ? "all" : period.length === 4 ? "year" : "month");

/** The period of another kind that keeps as much of `period` as it can (the year, or now). */
export function switchPeriod(period: string, kind: PeriodKind, now = new Date()): string {
  if (kind === "all") return "all";
  const year = period === "all" ? String(now.getFullYear()) : period.slice(0, 4);
  if (kind === "year") return year;
  return period.length === 7 ? period : `${year}-${period === "all" ? String(now.getMonth() + 1).padStart(2, "0") : "01"}`;
}

/** The year or month before (`-1`) or after (`+1`) `period`; `all` stays `all`. */
export function stepPeriod(period: string, step: -1 | 1): string {
  if (period === "all") return period;
  if (period.length === 4) return String(Number(period) + step);
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + step;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The years a period picker offers: from 2010 to next year, newest first (and `keep`, if outside). */
export function pickableYears(now = new Date(), keep?: string): string[] {
  const years: string[] = [];
  for (let year = now.getFullYear() + 1; year >= 2010; year--) years.push(String(year));
  if (keep && /^\d{4}$/.test(keep) && !years.includes(keep)) years.push(keep);
  return years.sort((a, b) => Number(b) - Number(a));
}

// ── formatting ──

/**
 * A figure as its unit is written: ratios as a percentage with 2 decimals (99.82%), hours with
 * 1 decimal, ratings with up to 2, counts as whole numbers; no figure as "—".
 */
export function formatMetric(value: number | null | undefined, unit: string, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (unit === "ratio") return `${(value * 100).toFixed(2)}%`;
  const digits =
    unit === "hours"
      ? { minimumFractionDigits: 1, maximumFractionDigits: 1 }
      : unit === "rating"
        ? { maximumFractionDigits: 2 }
        : { maximumFractionDigits: 0 };
  return new Intl.NumberFormat(language, digits).format(value);
}

/**
 * The headline figures as the source reports them: collected, closed and the closure rate.
 * Chinese writes the counts without separators, like the source (5632件); English groups them.
 */
export function headlineFigures(values: Values, language: string): { collected: string; closed: string; rate: string } {
  const count = (value: number | null | undefined) =>
    language === "zh-CN" ? String(Math.round(value ?? 0)) : new Intl.NumberFormat("en", { maximumFractionDigits: 0 }).format(value ?? 0);
  return {
    collected: count(values["tickets.collected"]),
    closed: count(values["tickets.closed"]),
    rate: formatMetric(values["tickets.closureRate"], "ratio", language),
  };
}

/** Whether a reply holds any figure for the period (all zero or empty: show the empty state). */
export function hasData(values: Values): boolean {
  return periodMetrics.some((info) => (values[info.key] ?? 0) !== 0);
}

// ── sorting and ranking ──

export type Direction = "asc" | "desc";
export interface Sort {
  key: string;
  direction: Direction;
}

/** The direction that puts the best first: descending when higher is better. */
export const bestFirst = (higherIsBetter: boolean): Direction => (higherIsBetter ? "desc" : "asc");

/** The sort after a click on `key`'s header: best first on a new column, reversed on the same one. */
export function nextSort(current: Sort | null, key: string, higherIsBetter: boolean): Sort {
  if (current?.key === key) return { key, direction: current.direction === "asc" ? "desc" : "asc" };
  return { key, direction: bestFirst(higherIsBetter) };
}

/**
 * Rows sorted by a metric (`name` sorts by the district's name); rows without a figure go last
 * whatever the direction; ties keep the name order.
 */
export function sortRows<T extends { values: Values }>(rows: T[], sort: Sort | null, nameOf: (row: T) => string, locale = "zh-CN"): T[] {
  const byName = (a: T, b: T) => nameOf(a).localeCompare(nameOf(b), locale);
  if (!sort) return [...rows];
  if (sort.key === "name") return [...rows].sort((a, b) => (sort.direction === "asc" ? byName(a, b) : byName(b, a)));
  const sign = sort.direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a.values[sort.key];
    const y = b.values[sort.key];
    if (x === null || x === undefined) return y === null || y === undefined ? byName(a, b) : 1;
    if (y === null || y === undefined) return -1;
    return x === y ? byName(a, b) : (x - y) * sign;
  });
}

/**
 * Each district's rank for a metric (1 = best), from the API's rankings (best first, by the
 * metric's direction); equal figures share a rank; no figure, no rank.
 */
export function ranksOf(comparison: Pick<Comparison, "rankings" | "rows">, key: string): Map<string, number> {
  const order = comparison.rankings[key] ?? [];
  const valueByTenant = new Map(comparison.rows.map((row) => [row.tenantID, row.values[key]]));
  const ranks = new Map<string, number>();
  order.forEach((tenantID, index) => {
    const previous = order[index - 1];
    ranks.set(tenantID, index > 0 && valueByTenant.get(previous) === valueByTenant.get(tenantID) ? ranks.get(previous)! : index + 1);
  });
  return ranks;
}

// ── the choropleth ──

/** Five steps from pale to the brand red (the map's legend). */
export const choroplethColours = ["#f7ebe9", "#ecc3bf", "#dc8f88", "#c2544e", "#8f1d22"];

/** The legend's breaks for `values`: five equal steps between the least and the most. */
export function choroplethBreaks(values: Array<number | null | undefined>): number[] | null {
  const known = values.filter((value): value is number => typeof value === "number" && Number.isFinite(value));
  if (!known.length) return null;
  const low = Math.min(...known);
  const high = Math.max(...known);
  return Array.from({ length: choroplethColours.length + 1 }, (_, index) => low + ((high - low) * index) / choroplethColours.length);
}

/** A value's colour on the scale (lower-is-better metrics darken the low end: worse is darker). */
export function choroplethColour(value: number | null | undefined, breaks: number[] | null, higherIsBetter = true): string | null {
  if (value === null || value === undefined || !breaks) return null;
  const low = breaks[0];
  const high = breaks.at(-1)!;
  const steps = choroplethColours.length;
  let step = high === low ? steps - 1 : Math.min(steps - 1, Math.floor(((value - low) / (high - low)) * steps));
  if (!higherIsBetter) step = steps - 1 - step;
  return choroplethColours[Math.max(0, step)];
}

// ── the client ──

/** The file name a `content-disposition` header gives, else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ""));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

const compareParams = (query: CompareQuery) =>
  "period" in query
    ? { provinceID: query.provinceID, period: query.period }
    : { provinceID: query.provinceID, from: query.from, to: query.to };

export function metricsApi(api: Api) {
  const { client } = api;
  return {
    district: (period: string) => ok(client.GET("/metrics/district", { params: { query: compact({ period }) } })),
    grid: (gridID: string, period: string) =>
      ok(client.GET("/metrics/grids/{gridID}", { params: { path: { gridID }, query: compact({ period }) } })),
    compare: (query: CompareQuery) => ok(client.GET("/metrics/compare", { params: { query: compact(compareParams(query)) } })),
    /** The children of a grid (`root`: the first tier) with their boundaries, for the map. */
    boundaries: (parentID: string): Promise<Grid[]> =>
      allPages(
        (cursor) =>
          ok(client.GET("/grids", { params: { query: compact({ parentID, boundary: true, limit: 200, cursor }) } })).then(withBoundaries),
        20,
      ),
    /** The comparison as a file, fetched with the bearer token: its bytes and its name. */
    exportFile: async (query: CompareQuery, format: "xlsx" | "csv"): Promise<{ blob: Blob; name: string }> => {
      const { data, response } = await client.GET("/metrics/compare/export", {
        params: { query: compact({ ...compareParams(query), format }) },
        parseAs: "blob",
      });
      return { blob: data as Blob, name: fileNameOf(response.headers.get("content-disposition"), `comparison.${format}`) };
    },
  };
}

export type MetricsApi = ReturnType<typeof metricsApi>;

export type { Boundary, Grid };
