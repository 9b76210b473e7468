import type * as Leaflet from "leaflet";
import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import {
  choroplethBreaks,
  choroplethColour,
  choroplethColours,
  formatMetric,
  metricInfo,
  periodMetrics,
  type Boundary,
  type Grid,
  type GridMetrics,
  type MetricsApi,
} from "../data/metrics.ts";
import { createQuery } from "../data/query.ts";
import { useMetricLocale } from "../i18n/metrics.ts";
import { GridCrumbs } from "../ui/crumbs.tsx";
import { mapBackground } from "../ui/grid-style.ts";
import { ChevronRightIcon } from "../ui/icons.tsx";
import { createLeafletMap, latLngsOf } from "../ui/leaflet.ts";
import { EmptyState, ErrorState, Skeleton } from "../ui/states.tsx";
import { MetricChoice } from "./dashboard-period.tsx";

interface Step {
  gridID: string;
  name: string;
}

/** Rows the grid table shows before "show all" (the map always shows every grid). */
export const TableRows = 20;

/**
 * Breakdown by grid: the children of the current grid (the first tier at the top) in a table
 * and on a choropleth map coloured by the chosen metric; a click on a grid goes one tier down.
 */
export function GridBreakdown(props: {
  metrics: MetricsApi;
  period: string;
  tiers: Array<{ level: number; nameZh: string; nameEn: string }>;
}) {
  const { t, pick, metricName, language } = useMetricLocale();
  const [path, setPath] = createSignal<Step[]>([]);
  const [metric, setMetric] = createSignal("tickets.collected");
  /** Every row of a long table, or its first {@link TableRows} (a district's first tier may hold hundreds of grids). */
  const [allRows, setAllRows] = createSignal(false);
  createEffect(on(path, () => setAllRows(false), { defer: true }));
  const current = () => path().at(-1)?.gridID ?? "root";
  const figures = createQuery(
    () => `${current()}|${props.period}`,
    (key) => {
      const [gridID, period] = key.split("|");
      return props.metrics.grid(gridID, period);
    },
  );
  const shapes = createQuery(current, (gridID) => props.metrics.boundaries(gridID).catch(() => [] as Grid[]));
  const deepest = () => Math.max(0, ...props.tiers.map((tier) => tier.level));
  const tierName = (level: number | null) => {
    const tier = props.tiers.find((candidate) => candidate.level === level);
    return tier ? pick(tier) : "";
  };
  const mayDrill = (tier: number | null) => tier !== null && tier < deepest();
  const info = () => metricInfo.get(metric());
  const breaks = createMemo(() => choroplethBreaks((figures.data()?.children ?? []).map((child) => child.values[metric()])));
  const colourOf = (value: number | null | undefined) => choroplethColour(value, breaks(), info()?.higherIsBetter ?? true);
  function drill(child: { gridID: string; name: string; tier: number | null }) {
    if (mayDrill(child.tier)) setPath((steps) => [...steps, { gridID: child.gridID, name: child.name }]);
  }
  return (
    <section class="card metrics-section" data-testid="by-grid">
      <div class="section-head">
        <h2 class="section-title">{t("dashboard.byGrid")}</h2>
        <MetricChoice
          label={t("dashboard.gridMetric")}
          value={metric()}
          onChange={setMetric}
          metrics={periodMetrics}
          name={metricName}
          testid="grid-metric"
        />
      </div>
      <GridCrumbs
        class="grid-crumbs"
        label={t("dashboard.gridPath")}
        top={t("dashboard.gridAll")}
        path={path()}
        onTop={() => setPath([])}
        onStep={(index) => setPath((steps) => steps.slice(0, index + 1))}
        separator={<ChevronRightIcon size={14} />}
        testIDs={{ top: "crumb-root" }}
      />
      <Show when={figures.error()}>{(error) => <ErrorState error={error()} onRetry={figures.reload} />}</Show>
      <Show when={!figures.error() && !figures.data()}>
        <Skeleton lines={4} />
      </Show>
      <Show when={figures.data()} keyed>
        {(data: GridMetrics) => (
          <Show when={data.children.length} fallback={<EmptyState title={t("dashboard.gridEmpty")} />}>
            <ChoroplethMap
              shapes={shapes.data() ?? []}
              values={Object.fromEntries(data.children.map((child) => [child.gridID, child.values[metric()] ?? null]))}
              colourOf={colourOf}
              onPick={(gridID) => {
                const child = data.children.find((candidate) => candidate.gridID === gridID);
                if (child) drill(child);
              }}
              label={metricName(metric())}
              unit={info()?.unit ?? "count"}
            />
            <Legend breaks={breaks()} unit={info()?.unit ?? "count"} higherIsBetter={info()?.higherIsBetter ?? true} />
            <div class="table-scroll">
              <table class="metrics-table" data-testid="grid-table">
                <thead>
                  <tr>
                    <th scope="col">{t("dashboard.grid")}</th>
                    <th scope="col" class="numeric">
                      {metricName(metric())}
                    </th>
                    <th scope="col" class="numeric">
                      {metricName("tickets.closed")}
                    </th>
                    <th scope="col" class="numeric">
                      {metricName("tickets.closureRate")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={allRows() ? data.children : data.children.slice(0, TableRows)}>
                    {(child) => (
                      <tr data-testid={`grid-row-${child.code}`}>
                        <th scope="row">
                          <span
                            class="swatch"
                            style={{ background: colourOf(child.values[metric()]) ?? "transparent" }}
                            aria-hidden="true"
                          />
                          <Show when={mayDrill(child.tier)} fallback={<span>{child.name}</span>}>
                            <button
                              type="button"
                              class="link-button"
                              data-testid={`drill-${child.code}`}
                              aria-label={t("dashboard.drill", { name: child.name })}
                              onClick={() => drill(child)}
                            >
                              {child.name}
                            </button>
                          </Show>
                          <span class="muted grid-code">
                            {child.code} · {child.tier === null ? t("dashboard.dedicated") : tierName(child.tier)}
                          </span>
                        </th>
                        <td class="numeric">{formatMetric(child.values[metric()], info()?.unit ?? "count", language())}</td>
                        <td class="numeric">{formatMetric(child.values["tickets.closed"], "count", language())}</td>
                        <td class="numeric">{formatMetric(child.values["tickets.closureRate"], "ratio", language())}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Show when={data.children.length > TableRows}>
              <button
                type="button"
                class="link-button grid-table-more"
                data-testid="grid-table-more"
                onClick={() => setAllRows(!allRows())}
              >
                {allRows()
                  ? t("dashboard.gridShowFewer", { count: String(TableRows) })
                  : t("dashboard.gridShowAll", { count: String(data.children.length) })}
              </button>
            </Show>
          </Show>
        )}
      </Show>
    </section>
  );
}

function Legend(props: { breaks: number[] | null; unit: string; higherIsBetter: boolean }) {
  const { t, language } = useMetricLocale();
  const colours = () => (props.higherIsBetter ? choroplethColours : [...choroplethColours].reverse());
  /** One figure for every grid: one step, in the colour the map gives it. */
  const steps = () => {
    const breaks = props.breaks!;
    if (breaks[0] === breaks.at(-1))
      return [{ colour: props.higherIsBetter ? choroplethColours.at(-1)! : choroplethColours[0], from: breaks[0] }];
    return colours().map((colour, index) => ({ colour, from: breaks[index] }));
  };
  return (
    <Show when={props.breaks}>
      {(_) => (
        <ul class="legend" data-testid="legend" aria-label={t("dashboard.legend")}>
          <For each={steps()}>
            {(step) => (
              <li class="legend-step">
                <span class="swatch" style={{ background: step.colour }} aria-hidden="true" />
                {formatMetric(step.from, props.unit, language())}
              </li>
            )}
          </For>
          <li class="legend-step">
            <span class="swatch swatch-none" aria-hidden="true" />
            {t("dashboard.noFigure")}
          </li>
        </ul>
      )}
    </Show>
  );
}

/** The children's boundaries, filled by the metric; a click on one drills down. */
function ChoroplethMap(props: {
  shapes: Grid[];
  values: Record<string, number | null>;
  colourOf: (value: number | null | undefined) => string | null;
  onPick: (gridID: string) => void;
  label: string;
  unit: string;
}) {
  const { t, language } = useMetricLocale();
  let container!: HTMLDivElement;
  const { status } = createLeafletMap(
    () => container,
    (L, element) => {
      const instance = L.map(element, { zoomSnap: 0.5, attributionControl: false, scrollWheelZoom: false });
      instance.setView([27.33, 118.12], 9);
      const layer = L.layerGroup().addTo(instance);
      createEffect(
        on([() => props.shapes, () => props.values, () => props.colourOf], () => {
          layer.clearLayers();
          const bounds: Leaflet.LatLngBounds[] = [];
          for (const grid of props.shapes) {
            const rings = latLngsOf(L, grid.boundary as Boundary | null);
            if (!rings) continue;
            const value = props.values[grid.gridID];
            const fill = props.colourOf(value);
            const polygon = L.polygon(rings, { color: "#4a5260", weight: 1, fillColor: fill ?? "#ffffff", fillOpacity: fill ? 0.75 : 0.3 });
            polygon.bindTooltip(`${grid.name}: ${formatMetric(value, props.unit, language())}`, { sticky: true });
            polygon.on("click", () => props.onPick(grid.gridID));
            polygon.addTo(layer);
            bounds.push(polygon.getBounds());
          }
          if (bounds.length) {
            const all = bounds.reduce(
              (union, box) => union.extend(box),
              L.latLngBounds(bounds[0].getSouthWest(), bounds[0].getNorthEast()),
            );
            instance.fitBounds(all, { padding: [12, 12] });
          }
        }),
      );
      return instance;
    },
  );
  return (
    <div class="choropleth-shell">
      <div
        ref={container}
        class="choropleth"
        data-testid="choropleth"
        role="img"
        aria-label={props.label}
        style={{ background: mapBackground }}
      />
      <Show when={status() === "error"}>
        <p class="muted chart-fallback">{t("dashboard.mapUnavailable")}</p>
      </Show>
    </div>
  );
}
