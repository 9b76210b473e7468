import { useSearchParams } from "@solidjs/router";
import { saveBlob } from "../ui/save-blob.ts";
import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import {
  formatMetric,
  isMonth,
  isPeriod,
  metricGroups,
  metricsApi,
  nextSort,
  ranksOf,
  sortRows,
  type Comparison,
  type CompareQuery,
  type MetricsApi,
  type Sort,
} from "../data/metrics.ts";
import { createQuery } from "../data/query.ts";
import type { SignedInActor } from "../data/types.ts";
import { useMetricLocale } from "../i18n/metrics.ts";
import { useSession } from "../providers/session.tsx";
import { errorMessage } from "../ui/errors.ts";
import { EmptyState, ErrorState, Skeleton, RefusalOrError } from "../ui/states.tsx";
import { usePageTitle } from "../ui/title.ts";
import { PageHead } from "../ui/page-head.tsx";
import { Chart } from "./dashboard-chart.tsx";
import { PeriodPicker } from "./dashboard-period.tsx";
import "./dashboard.css";

type Search = { province?: string; period?: string; from?: string; to?: string };

/** `/compare`: the districts of a province side by side (provincial admin; the operator picks a province). */
export function ComparePage() {
  const session = useSession();
  const { t } = useMetricLocale();
  usePageTitle(() => t("compare.title"));
  const actor = () => session.me.data()?.actor;
  return (
    <div class="metrics-page" data-testid="compare-page">
      <Switch>
        <Match when={session.me.error()}>{(error) => <ErrorState error={error()} onRetry={session.me.reload} />}</Match>
        <Match when={actor()?.type === "user"}>
          <div class="page-head">
            <h1 class="page-title">{t("compare.title")}</h1>
          </div>
          <EmptyState title={t("common.errorTitle")} body={t("compare.forbidden")} />
        </Match>
        <Match when={actor()} keyed>
          {(signedIn) => <CompareView actor={signedIn} metrics={metricsApi(session.api)} />}
        </Match>
        <Match when={true}>
          <Skeleton class="card" lines={5} />
        </Match>
      </Switch>
    </div>
  );
}

function CompareView(props: { actor: SignedInActor; metrics: MetricsApi }) {
  const session = useSession();
  const { t, pick } = useMetricLocale();
  const [search, setSearch] = useSearchParams<Search>();
  const isOperator = () => props.actor.type === "operator";
  const provinces = createQuery(
    () => isOperator(),
    () => session.api.provinces(),
  );
  const provinceID = () => {
    if (props.actor.type === "province") return props.actor.provinceID;
    return search.province || provinces.data()?.[0]?.provinceID;
  };
  const range = () =>
    isMonth(search.from) && isMonth(search.to) && search.from <= search.to ? { from: search.from, to: search.to } : null;
  const period = () => (isPeriod(search.period) ? search.period : "all");
  const query = createMemo<CompareQuery | null>(() => {
    const province = provinceID();
    if (!province) return null;
    const chosen = range();
    return { ...(isOperator() ? { provinceID: province } : {}), ...(chosen ?? { period: period() }) };
  });
  const comparison = createQuery(
    () => (query() ? JSON.stringify(query()) : null),
    (key) => props.metrics.compare(JSON.parse(key) as CompareQuery),
  );
  return (
    <>
      <PageHead title={t("compare.title")} subtitle={t("compare.subtitle")} class="metrics-head">
        <div class="compare-controls">
          <Show when={isOperator()}>
            <label class="period-field">
              <span class="field-label">{t("compare.province")}</span>
              <select
                class="select"
                data-testid="compare-province"
                value={provinceID() ?? ""}
                onChange={(event) => setSearch({ province: event.currentTarget.value })}
              >
                <For each={provinces.data() ?? []}>{(province) => <option value={province.provinceID}>{pick(province)}</option>}</For>
              </select>
            </label>
          </Show>
          <PeriodPicker
            period={period()}
            range={range()}
            onChange={(next) => setSearch({ period: next === "all" ? undefined : next, from: undefined, to: undefined })}
            onRange={(next) => setSearch({ period: undefined, from: next.from, to: next.to })}
          />
        </div>
      </PageHead>
      <Switch>
        <Match when={provinces.error()}>{(error) => <ErrorState error={error()} onRetry={provinces.reload} />}</Match>
        <Match when={isOperator() && provinces.data() && !provinces.data()!.length}>
          <EmptyState title={t("compare.noProvinces")} />
        </Match>
        <Match when={comparison.error()}>
          {(error) => <RefusalOrError error={error()} refused={t("compare.forbidden")} onRetry={comparison.reload} />}
        </Match>
        <Match when={comparison.data()} keyed>
          {(data) => (
            <Show when={data.rows.length} fallback={<EmptyState title={t("compare.emptyTitle")} body={t("compare.emptyBody")} />}>
              <Downloads metrics={props.metrics} query={query()!} />
              <ComparisonTable comparison={data} />
              <Rankings comparison={data} />
            </Show>
          )}
        </Match>
        <Match when={true}>
          <Skeleton class="card" lines={5} />
        </Match>
      </Switch>
    </>
  );
}

function Downloads(props: { metrics: MetricsApi; query: CompareQuery }) {
  const { t } = useMetricLocale();
  const [busy, setBusy] = createSignal<"xlsx" | "csv" | null>(null);
  const [failure, setFailure] = createSignal<unknown>();
  async function download(format: "xlsx" | "csv") {
    setBusy(format);
    setFailure(undefined);
    try {
      const file = await props.metrics.exportFile(props.query, format);
      saveBlob(file.blob, file.name);
    } catch (error) {
      setFailure(() => error);
    } finally {
      setBusy(null);
    }
  }
  return (
    <div class="downloads">
      <button
        type="button"
        class="button button-secondary"
        data-testid="download-xlsx"
        disabled={busy() !== null}
        onClick={() => download("xlsx")}
      >
        {busy() === "xlsx" ? t("compare.downloading") : t("compare.downloadXlsx")}
      </button>
      <button
        type="button"
        class="button button-secondary"
        data-testid="download-csv"
        disabled={busy() !== null}
        onClick={() => download("csv")}
      >
        {busy() === "csv" ? t("compare.downloading") : t("compare.downloadCsv")}
      </button>
      <Show when={failure()}>
        {(error) => (
          <p class="field-error" role="alert">
            {t("compare.downloadFailed", { reason: errorMessage(error(), t) })}
          </p>
        )}
      </Show>
    </div>
  );
}

/** A metric's name from the dictionary, else (a metric newer than the portal) as the API names it. */
function useDefinitionName(comparison: Comparison) {
  const { metricName, pick } = useMetricLocale();
  return (key: string) => {
    const name = metricName(key);
    const definition = comparison.definitions.find((candidate) => candidate.key === key);
    return name === key && definition ? pick(definition) : name;
  };
}

/** Districts × metrics; a header click sorts (best first, then reversed); the rank is the sorted metric's. */
export function ComparisonTable(props: { comparison: Comparison }) {
  const { t, pick, language, metricHint } = useMetricLocale();
  const metricName = useDefinitionName(props.comparison);
  const [group, setGroup] = createSignal("tickets");
  const [sort, setSort] = createSignal<Sort | null>({ key: "tickets.collected", direction: "desc" });
  const columns = createMemo(() => props.comparison.definitions.filter((definition) => group() === "all" || definition.group === group()));
  const rows = createMemo(() => sortRows(props.comparison.rows, sort(), (row) => pick(row), language()));
  const ranks = createMemo(() => (sort() && sort()!.key !== "name" ? ranksOf(props.comparison, sort()!.key) : new Map<string, number>()));
  const ariaSort = (key: string) => (sort()?.key === key ? (sort()!.direction === "asc" ? "ascending" : "descending") : undefined);
  const arrow = (key: string) => (sort()?.key === key ? (sort()!.direction === "asc" ? "▲" : "▼") : "");
  return (
    <section class="card metrics-section" data-testid="compare-table-card">
      <div class="section-head">
        <h2 class="section-title">{t("compare.tableLabel")}</h2>
        <label class="period-field">
          <span class="visually-hidden">{t("compare.group")}</span>
          <select
            class="select"
            data-testid="compare-group"
            aria-label={t("compare.group")}
            value={group()}
            onChange={(event) => setGroup(event.currentTarget.value)}
          >
            <option value="all">{t("compare.allGroups")}</option>
            <For each={metricGroups}>{(key) => <option value={key}>{t(`metricGroup.${key}`)}</option>}</For>
          </select>
        </label>
      </div>
      <div class="table-scroll">
        <table class="metrics-table compare-table" data-testid="compare-table" aria-label={t("compare.tableLabel")}>
          <thead>
            <tr>
              <th scope="col" class="sticky-col" aria-sort={ariaSort("name")}>
                <button
                  type="button"
                  class="sort-button"
                  data-testid="sort-name"
                  onClick={() => setSort((current) => nextSort(current, "name", false))}
                >
                  {t("compare.district")} <span aria-hidden="true">{arrow("name")}</span>
                </button>
              </th>
              <th scope="col" class="numeric">
                {t("compare.rank")}
              </th>
              <For each={columns()}>
                {(definition) => (
                  <th scope="col" class="numeric" aria-sort={ariaSort(definition.key)}>
                    <button
                      type="button"
                      class="sort-button"
                      data-testid={`sort-${definition.key}`}
                      title={`${t("compare.sortBy", { name: metricName(definition.key) })}\n${metricHint(definition.key) ?? ""}`.trim()}
                      onClick={() => setSort((current) => nextSort(current, definition.key, definition.higherIsBetter))}
                    >
                      {metricName(definition.key)}
                      <Show when={!definition.higherIsBetter}>
                        <span class="lower-better"> ({t("compare.lowerIsBetter")})</span>
                      </Show>{" "}
                      <span aria-hidden="true">{arrow(definition.key)}</span>
                    </button>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr data-testid={`compare-row-${row.tenantID}`}>
                  <th scope="row" class="sticky-col">
                    {pick(row)}
                    <span class="muted district-city">
                      <Show when={language() !== "zh-CN"}>
                        <span lang="zh-CN">{row.nameZh}</span> ·{" "}
                      </Show>
                      {pick({ nameZh: row.cityZh, nameEn: row.cityEn })}
                    </span>
                  </th>
                  <td class="numeric" data-testid="rank">
                    {ranks().get(row.tenantID) ? t("compare.rankOf", { rank: ranks().get(row.tenantID)! }) : "—"}
                  </td>
                  <For each={columns()}>
                    {(definition) => (
                      <td class="numeric" classList={{ "is-sorted": sort()?.key === definition.key }}>
                        {formatMetric(row.values[definition.key], definition.unit, language())}
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** One metric's ranking, best first: a bar chart and the list it draws. */
function Rankings(props: { comparison: Comparison }) {
  const { t, pick, language } = useMetricLocale();
  const metricName = useDefinitionName(props.comparison);
  const [metric, setMetric] = createSignal("tickets.closureRate");
  const definition = () => props.comparison.definitions.find((candidate) => candidate.key === metric());
  const ranked = createMemo(() => {
    const byID = new Map(props.comparison.rows.map((row) => [row.tenantID, row]));
    return (props.comparison.rankings[metric()] ?? []).map((tenantID) => byID.get(tenantID)).filter((row) => row !== undefined);
  });
  const ranks = createMemo(() => ranksOf(props.comparison, metric()));
  const option = createMemo(() => {
    const unit = definition()?.unit ?? "count";
    return {
      tooltip: { trigger: "axis", valueFormatter: (value: number) => formatMetric(value, unit, language()) },
      grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", axisLabel: unit === "ratio" ? { formatter: (value: number) => `${Math.round(value * 100)}%` } : {} },
      yAxis: { type: "category", inverse: true, data: ranked().map((row) => pick(row)) },
      series: [
        {
          type: "bar",
          name: metricName(metric()),
          data: ranked().map((row) => row.values[metric()]),
          label: { show: true, position: "right", formatter: (item: { value: number }) => formatMetric(item.value, unit, language()) },
        },
      ],
    };
  });
  return (
    <section class="card metrics-section" data-testid="rankings">
      <div class="section-head">
        <h2 class="section-title">{t("compare.rankings")}</h2>
        <label class="period-field">
          <span class="visually-hidden">{t("compare.rankingMetric")}</span>
          <select
            class="select"
            data-testid="ranking-metric"
            aria-label={t("compare.rankingMetric")}
            value={metric()}
            onChange={(event) => setMetric(event.currentTarget.value)}
          >
            <For each={props.comparison.definitions}>{(item) => <option value={item.key}>{metricName(item.key)}</option>}</For>
          </select>
        </label>
      </div>
      <Show when={ranked().length} fallback={<p class="muted">{t("compare.rankingEmpty")}</p>}>
        <Chart
          option={option()}
          label={t("compare.rankings")}
          height={Math.max(140, ranked().length * 32 + 40)}
          fallback={t("dashboard.chartUnavailable")}
        />
        <ol class="ranking-list" data-testid="ranking-list">
          <For each={ranked()}>
            {(row) => (
              <li>
                <span class="ranking-rank">{t("compare.rankOf", { rank: ranks().get(row.tenantID) ?? 0 })}</span>
                <span class="ranking-name">{pick(row)}</span>
                <span class="ranking-value">{formatMetric(row.values[metric()], definition()?.unit ?? "count", language())}</span>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
