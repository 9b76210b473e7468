import { useParams, useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, createUniqueId, For, Match, onCleanup, Show, Switch } from "solid-js";
import {
  formatMetric,
  hasData,
  headlineFigures,
  isPeriod,
  metricCatalogue,
  metricGroups,
  metricInfo,
  metricsApi,
  periodMetrics,
  ticketMetrics,
  type DistrictMetrics,
  type MetricGroup,
  type MetricsApi,
  type Named,
  type Values,
} from "../data/metrics.ts";
import { createQuery } from "../data/query.ts";
import type { Mechanisms } from "../data/types.ts";
import { useMetricLocale } from "../i18n/metrics.ts";
import { isVisitor, useSession } from "../providers/session.tsx";
import { VisitorNotice } from "../ui/district-gate.tsx";
import { EmptyState, ErrorState, Skeleton, RefusalOrError } from "../ui/states.tsx";
import { usePageTitle } from "../ui/title.ts";
import { PageHead } from "../ui/page-head.tsx";
import { Chart } from "./dashboard-chart.tsx";
import { GridBreakdown } from "./dashboard-grids.tsx";
import { MetricChoice, PeriodPicker } from "./dashboard-period.tsx";
import "./dashboard.css";

/** `/d/:slug/dashboard`: the district's figures for a period, its trend, and breakdowns. */
export function DashboardPage() {
  const params = useParams<{ slug: string }>();
  const [search, setSearch] = useSearchParams<{ period?: string }>();
  const session = useSession();
  const { t } = useMetricLocale();
  usePageTitle(() => t("dashboard.title"));
  const metrics = metricsApi(session.api);
  const period = () => (isPeriod(search.period) ? search.period : "all");
  const actor = () => session.me.data()?.actor;
  const ownDistrict = () => {
    const signedIn = actor();
    return signedIn?.type === "user" && signedIn.tenantID === params.slug;
  };
  const dashboard = createQuery(
    () => (ownDistrict() ? period() : null),
    (chosen) => metrics.district(chosen),
  );
  /** Locally, the demo year replays in the background after the first start: say how far it is. */
  const demo = createQuery(
    () => ownDistrict() && params.slug,
    (slug) =>
      session.api
        .demoStatus()
        .then((status) => status.districts.find((district) => district.district === slug && district.loading))
        .catch(() => undefined),
  );
  const poll = setInterval(() => {
    if (!demo.data()) return;
    demo.reload();
    dashboard.reload();
  }, 10_000);
  onCleanup(() => clearInterval(poll));
  /** Which mechanisms are on: a group of one that is off shows only if it has figures. */
  const detail = createQuery(
    () => ownDistrict() && params.slug,
    (slug) => session.api.district(slug).catch(() => undefined),
  );
  return (
    <div class="metrics-page" data-testid="dashboard-page">
      <PageHead title={t("dashboard.title")} subtitle={t("dashboard.subtitle")} class="metrics-head">
        <PeriodPicker period={period()} onChange={(next) => setSearch({ period: next === "all" ? undefined : next })} />
      </PageHead>
      <Show when={demo.data()}>{(loading) => <DemoLoading done={loading().done} total={loading().total} />}</Show>
      <Switch>
        <Match when={session.me.error()}>{(error) => <ErrorState error={error()} onRetry={session.me.reload} />}</Match>
        <Match when={isVisitor(session.me.data()) && session.me.data()}>{(me) => <VisitorNotice me={me()} />}</Match>
        <Match when={actor() && !ownDistrict()}>
          <EmptyState title={t("district.notFoundTitle")} body={t("district.notFoundBody")} />
        </Match>
        <Match when={dashboard.error()}>
          {(error) => <RefusalOrError error={error()} refused={t("dashboard.noPermission")} onRetry={dashboard.reload} />}
        </Match>
        <Match when={dashboard.data()}>
          {(data) => <Dashboard data={data()} metrics={metrics} mechanisms={detail.data()?.config.mechanisms} loading={!!demo.data()} />}
        </Match>
        <Match when={true}>
          <Skeleton class="card" lines={5} />
        </Match>
      </Switch>
    </div>
  );
}

/** The demo year is still being replayed: how far, instead of figures that look final. */
export function DemoLoading(props: { done: number; total: number }) {
  const { t } = useMetricLocale();
  const percent = () => Math.floor((props.done / Math.max(props.total, 1)) * 100);
  return (
    <div class="notice notice-info demo-loading" role="status" data-testid="demo-loading">
      <div>
        <strong>{t("dashboard.demoLoading", { percent: String(percent()) })}</strong>
        <p>{t("dashboard.demoLoadingBody")}</p>
        <progress max={100} value={percent()} aria-label={t("dashboard.demoLoading", { percent: String(percent()) })} />
      </div>
    </div>
  );
}

/** The headline sentence (采集推送民生事件…件、办结…件，办结率…), as the source writes it. */
export function Headline(props: { values: Values }) {
  const { t, language } = useMetricLocale();
  return (
    <section class="card headline" aria-label={t("dashboard.headlineLabel")}>
      <p class="headline-text" data-testid="headline">
        {t("dashboard.headline", headlineFigures(props.values, language()))}
      </p>
    </section>
  );
}

interface Card {
  key: string;
  label: string;
  value: string;
  /** How it is counted (the definition of `docs/metrics.md`). */
  hint?: string;
}

/**
 * How a figure is counted: an ⓘ after its name that shows the definition of `docs/metrics.md` on
 * hover (its title) and, on a touch screen or from the keyboard, opens it under the name.
 */
export function MetricHint(props: { name: string; hint: string; testID: string }) {
  const { t } = useMetricLocale();
  const [open, setOpen] = createSignal(false);
  const id = createUniqueId();
  return (
    <>
      <button
        type="button"
        class="metric-hint-button"
        title={props.hint}
        aria-label={t("dashboard.hintOf", { name: props.name })}
        aria-expanded={open()}
        aria-controls={id}
        data-testid={props.testID}
        onClick={() => setOpen((shown) => !shown)}
      />
      <Show when={open()}>
        <span class="metric-hint" id={id} role="note">
          {props.hint}
        </span>
      </Show>
    </>
  );
}

/** The cards of one group: grids by the district's own tier names, people by its roles. */
export function cardsOf(group: string, data: DistrictMetrics, t: ReturnType<typeof useMetricLocale>): Card[] {
  const format = (key: string, value: number | null | undefined) => formatMetric(value, metricInfo.get(key)?.unit ?? "count", t.language());
  const card = (key: string, label: string, value: string): Card => ({ key, label, value, hint: t.metricHint(key) });
  if (group === "grids")
    return [
      card("grids.total", t.metricName("grids.total"), format("grids.total", data.values["grids.total"])),
      ...data.tiers.map((tier) => card(`grids.tier${tier.level}`, t.pick(tier), format("grids.total", tier.grids))),
      card("grids.dedicated", t.t("dashboard.dedicated"), format("grids.dedicated", data.dedicatedGrids)),
    ];
  if (group === "people")
    return [
      card("people.total", t.metricName("people.total"), format("people.total", data.values["people.total"])),
      ...data.roles.map((role) => ({
        key: `people.role.${role.key}`,
        label: t.pick(role),
        value: format("people.total", role.people),
        hint: t.t("dashboard.roleHint", { role: t.pick(role) }),
      })),
    ];
  return metricCatalogue
    .filter((info) => info.group === group)
    .map((info) => card(info.key, t.metricName(info.key), format(info.key, data.values[info.key])));
}

/** The mechanism a group of metrics belongs to (grids, people and party building are always shown). */
const groupMechanism: Partial<Record<MetricGroup, keyof Mechanisms>> = {
  tickets: "tickets",
  cadres: "cadreSecondment",
  wishes: "wishes",
  needs: "needsLists",
  meetings: "meetings",
  volunteers: "volunteers",
  emergency: "emergencyMode",
  register: "register",
};

/** Groups to show: every one, less those of mechanisms switched off that have no figure. */
export function shownGroups(values: Values, mechanisms: Mechanisms | undefined): MetricGroup[] {
  return metricGroups.filter((group) => {
    const mechanism = groupMechanism[group];
    if (!mechanisms || !mechanism || mechanisms[mechanism]) return true;
    return metricCatalogue.some((info) => info.group === group && (values[info.key] ?? 0) !== 0);
  });
}

function Dashboard(props: { data: DistrictMetrics; metrics: MetricsApi; mechanisms?: Mechanisms; loading?: boolean }) {
  const locale = useMetricLocale();
  const { t } = locale;
  const empty = () => !props.loading && !hasData(props.data.values);
  return (
    <>
      <Headline values={props.data.values} />
      <Show when={empty()}>
        <EmptyState title={t("dashboard.emptyTitle")} body={t("dashboard.emptyBody")} />
      </Show>
      <section class="metric-groups" aria-label={t("dashboard.figures")}>
        <For each={shownGroups(props.data.values, props.mechanisms)}>
          {(group) => (
            <section class="card metric-group" data-testid={`group-${group}`}>
              <h2 class="metric-group-title">{t(`metricGroup.${group}`)}</h2>
              <dl class="metric-cards">
                <For each={cardsOf(group, props.data, locale)}>
                  {(card) => (
                    <div class="metric-card" data-testid={`metric-${card.key}`}>
                      <dt>
                        {card.label}
                        <Show when={card.hint}>{(hint) => <MetricHint name={card.label} hint={hint()} testID={`hint-${card.key}`} />}</Show>
                      </dt>
                      <dd>{card.value}</dd>
                    </div>
                  )}
                </For>
              </dl>
            </section>
          )}
        </For>
      </section>
      <Trend data={props.data} />
      <Breakdown title={t("dashboard.byCategory")} column={t("dashboard.category")} rows={props.data.categories} testID="by-category" />
      <Breakdown
        title={t("dashboard.byDepartment")}
        column={t("dashboard.department")}
        rows={props.data.departments}
        testID="by-department"
        columns={breakdownColumns.filter((key) => key !== "tickets.collected")}
        hint={t("dashboard.byDepartmentHint")}
      />
      <GridBreakdown metrics={props.metrics} period={props.data.period} tiers={props.data.tiers} />
      <p class="muted metrics-reads">{t("dashboard.reads", { reads: props.data.reads })}</p>
    </>
  );
}

const trendDefaults = ["tickets.collected", "tickets.closed"];

/** The chosen metrics by month of the trend's year, as lines or bars. */
function Trend(props: { data: DistrictMetrics }) {
  const { t, metricName, language } = useMetricLocale();
  const [chosen, setChosen] = createSignal<string[]>(trendDefaults);
  const [type, setType] = createSignal<"line" | "bar">("line");
  const any = () => Object.values(props.data.trend.values).some((series) => series.some((value) => (value ?? 0) !== 0));
  const option = createMemo(() => {
    const months = props.data.trend.months.map((month) => (language() === "zh-CN" ? `${Number(month.slice(5))}月` : month.slice(5)));
    const ratio = chosen().some((key) => metricInfo.get(key)?.unit === "ratio");
    return {
      tooltip: { trigger: "axis" },
      legend: { top: 0, type: "scroll" },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: months },
      yAxis: [
        { type: "value" },
        ...(ratio ? [{ type: "value", max: 1, axisLabel: { formatter: (value: number) => `${Math.round(value * 100)}%` } }] : []),
      ],
      series: chosen().map((key) => ({
        name: metricName(key),
        type: type(),
        yAxisIndex: ratio && metricInfo.get(key)?.unit === "ratio" ? 1 : 0,
        data: props.data.trend.values[key] ?? [],
        connectNulls: true,
      })),
    };
  });
  function toggle(key: string, on: boolean) {
    setChosen((current) => (on ? [...current.filter((item) => item !== key), key] : current.filter((item) => item !== key)));
  }
  return (
    <section class="card metrics-section" data-testid="trend">
      <div class="section-head">
        <h2 class="section-title">{t("dashboard.trend")}</h2>
        <span class="section-hint">{t("dashboard.trendHint", { year: props.data.trend.year })}</span>
      </div>
      <Show when={any()} fallback={<p class="muted">{t("dashboard.trendEmpty")}</p>}>
        <div class="chart-controls">
          <details class="trend-metrics">
            <summary>{t("dashboard.trendMetrics")}</summary>
            <div class="trend-options">
              <For each={periodMetrics}>
                {(info) => (
                  <label class="trend-option">
                    <input
                      type="checkbox"
                      checked={chosen().includes(info.key)}
                      onChange={(event) => toggle(info.key, event.currentTarget.checked)}
                    />
                    {metricName(info.key)}
                  </label>
                )}
              </For>
            </div>
          </details>
          <label class="period-field">
            <span class="visually-hidden">{t("dashboard.chartType")}</span>
            <select
              class="select"
              value={type()}
              onChange={(event) => setType(event.currentTarget.value as "line" | "bar")}
              aria-label={t("dashboard.chartType")}
            >
              <option value="line">{t("dashboard.chartLine")}</option>
              <option value="bar">{t("dashboard.chartBar")}</option>
            </select>
          </label>
        </div>
        <Chart option={option()} label={t("dashboard.trend")} fallback={t("dashboard.chartUnavailable")} testID="trend-chart" />
      </Show>
    </section>
  );
}

const breakdownColumns = ["tickets.collected", "tickets.closed", "tickets.closureRate", "tickets.onTimeRate", "tickets.medianHours"];

/** Tickets by category or department: a bar chart of one metric and a table of the main ones. */
function Breakdown(props: {
  title: string;
  column: string;
  rows: Array<Named & { values: Values }>;
  testID: string;
  /**
   * The figures of the rows (default: every breakdown column). A department's counters start when
   * a ticket is dispatched to it, so "collected" means nothing there: its table leaves it out.
   */
  columns?: string[];
  hint?: string;
}) {
  const { t, pick, metricName, language } = useMetricLocale();
  const columns = () => props.columns ?? breakdownColumns;
  const [metric, setMetric] = createSignal(columns()[0]);
  const any = () => props.rows.some((row) => (row.values["tickets.collected"] ?? 0) > 0 || (row.values["tickets.closed"] ?? 0) > 0);
  const option = createMemo(() => {
    const rows = props.rows.filter((row) => row.values[metric()] !== null && row.values[metric()] !== undefined);
    const unit = metricInfo.get(metric())?.unit ?? "count";
    return {
      tooltip: { trigger: "axis", valueFormatter: (value: number) => formatMetric(value, unit, language()) },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", axisLabel: unit === "ratio" ? { formatter: (value: number) => `${Math.round(value * 100)}%` } : {} },
      yAxis: { type: "category", inverse: true, data: rows.map((row) => pick(row)), axisLabel: { width: 96, overflow: "truncate" } },
      series: [{ type: "bar", name: metricName(metric()), data: rows.map((row) => row.values[metric()]) }],
    };
  });
  return (
    <section class="card metrics-section" data-testid={props.testID}>
      <div class="section-head">
        <h2 class="section-title">{props.title}</h2>
        <Show when={any()}>
          <MetricChoice
            label={t("dashboard.breakdownMetric")}
            value={metric()}
            onChange={setMetric}
            metrics={ticketMetrics.filter((info) => info.key !== "tickets.collected" || columns().includes(info.key))}
            name={metricName}
          />
        </Show>
      </div>
      <Show when={props.hint}>
        <p class="section-hint">{props.hint}</p>
      </Show>
      <Show when={any()} fallback={<p class="muted">{t("dashboard.breakdownEmpty")}</p>}>
        <Chart
          option={option()}
          label={props.title}
          height={Math.max(160, props.rows.length * 28 + 40)}
          fallback={t("dashboard.chartUnavailable")}
        />
        <div class="table-scroll">
          <table class="metrics-table">
            <thead>
              <tr>
                <th scope="col">{props.column}</th>
                <For each={columns()}>
                  {(key) => (
                    <th scope="col" class="numeric">
                      {metricName(key)}
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={props.rows}>
                {(row) => (
                  <tr data-testid={`${props.testID}-${row.key}`}>
                    <th scope="row">{pick(row)}</th>
                    <For each={columns()}>
                      {(key) => <td class="numeric">{formatMetric(row.values[key], metricInfo.get(key)?.unit ?? "count", language())}</td>}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
