import { For, Show } from "solid-js";
import type { GridWorkspace } from "../data/grid-workspace.ts";
import { useGridLocale } from "../i18n/grids.ts";
import { layerColour, problemColour } from "./grid-style.ts";

/** The legend: one toggle per tier (and for dedicated grids), with the count loaded so far. */
export function LayerLegend(props: { workspace: GridWorkspace; names: (level: number | null) => string }) {
  const { t, formatNumber } = useGridLocale();
  return (
    <ul class="legend" aria-label={t("grids.layers")}>
      <For each={props.workspace.layers}>
        {(layer) => (
          <li>
            <button
              type="button"
              class="legend-chip"
              classList={{ "is-off": !layer.visible() }}
              aria-pressed={layer.visible()}
              title={t("grids.toggleLayer", { name: props.names(layer.level) })}
              data-testid={`layer-${layer.key}`}
              onClick={() => layer.setVisible(!layer.visible())}
              style={{ "--swatch": layerColour(layer.level) }}
            >
              <span class="legend-swatch" classList={{ "is-dedicated": layer.level === null }} aria-hidden="true" />
              <span class="legend-name">{props.names(layer.level)}</span>
              <span class="legend-count">
                <Show when={layer.state() === "loading"}>
                  <span class="spinner" aria-hidden="true" />
                </Show>
                {formatNumber(layer.items().length)}
              </span>
            </button>
          </li>
        )}
      </For>
      <Show when={props.workspace.coverage()?.report && !props.workspace.coverage()!.report!.ok}>
        <li>
          <button type="button" class="legend-chip is-problem" onClick={props.workspace.clearCoverage} title={t("grids.clearCoverage")}>
            <span class="legend-swatch" style={{ background: problemColour, "border-color": problemColour }} aria-hidden="true" />
            <span class="legend-name">{t("grids.coverageLayer")}</span>
            <span class="legend-x" aria-hidden="true">
              ×
            </span>
          </button>
        </li>
      </Show>
    </ul>
  );
}
