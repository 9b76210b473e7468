import { createEffect, createSignal, onCleanup, onMount, Show } from "solid-js";
import { chartPalette, loadCharts, type EChartsType } from "../ui/charts.ts";

/** The option a chart draws (ECharts' option object; kept loose so no ECharts type reaches the page). */
export type ChartOption = Record<string, unknown>;

/**
 * One ECharts chart in a box that follows its width. ECharts arrives lazily; until then (and if
 * it cannot load or draw) the box holds its height and `fallback` says so.
 */
export function Chart(props: { option: ChartOption; label: string; height?: number; fallback: string; testID?: string }) {
  let box!: HTMLDivElement;
  let chart: EChartsType | undefined;
  let observer: ResizeObserver | undefined;
  let disposed = false;
  const [ready, setReady] = createSignal(false);
  const [failed, setFailed] = createSignal(false);

  onMount(async () => {
    try {
      // No 2D canvas (an old browser, a test DOM): say so instead of drawing nothing.
      if (!document.createElement("canvas").getContext("2d")) throw new Error("no canvas");
      const echarts = await loadCharts();
      if (disposed) return;
      chart = echarts.init(box, undefined, { renderer: "canvas" });
      setReady(true);
      if (typeof ResizeObserver !== "undefined") {
        observer = new ResizeObserver(() => chart?.resize());
        observer.observe(box);
      }
    } catch {
      if (!disposed) setFailed(true);
    }
  });

  createEffect(() => {
    const option = props.option;
    if (!ready() || !chart) return;
    try {
      chart.setOption({ color: chartPalette, animationDuration: 300, ...option }, { notMerge: true });
    } catch {
      setFailed(true);
    }
  });

  onCleanup(() => {
    disposed = true;
    observer?.disconnect();
    chart?.dispose();
  });

  return (
    <figure class="chart" data-testid={props.testID}>
      <div ref={box} class="chart-canvas" role="img" aria-label={props.label} style={{ height: `${props.height ?? 280}px` }} />
      <Show when={failed()}>
        <figcaption class="chart-fallback muted">{props.fallback}</figcaption>
      </Show>
    </figure>
  );
}
