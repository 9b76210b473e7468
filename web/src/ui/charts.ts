/**
 * ECharts, loaded only when a chart mounts (the dashboard and the comparison): the core with
 * just the bar and line charts, the grid, tooltip, legend and dataset components and the canvas
 * renderer, so the chunk stays small and no other page pays for it.
 */
import type { EChartsType } from "echarts/core";

export type Charts = typeof import("echarts/core");

let loading: Promise<Charts> | undefined;

export function loadCharts(): Promise<Charts> {
  loading ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import("echarts/core"),
      import("echarts/charts"),
      import("echarts/components"),
      import("echarts/renderers"),
    ]);
    core.use([
      charts.BarChart,
      charts.LineChart,
      components.GridComponent,
      components.TooltipComponent,
      components.LegendComponent,
      components.DatasetComponent,
      renderers.CanvasRenderer,
    ]);
    return core;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

export type { EChartsType };

/** The palette: the brand red first, then colours that stay apart for colour-blind readers. */
export const chartPalette = ["#a61d24", "#33507a", "#9a6a1b", "#1c7a4b", "#7b4f9e", "#4a5260", "#c2544e", "#2f8f9d"];
