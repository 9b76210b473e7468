/**
 * The grid map. Leaflet (and its CSS) is imported here, when the map mounts, so it never
 * weighs on the first page. Everything is drawn on canvas (`preferCanvas`: a district has
 * thousands of grids); clicks are resolved against the loaded boundaries by the workspace,
 * so the polygons themselves are not interactive (no per-polygon hit testing on mouse move).
 */
import type * as Leaflet from "leaflet";
import { addBaseMap, addGridLabels, createLeafletMap, latLngsOf } from "./leaflet.ts";
import { createEffect, on, onCleanup, Show } from "solid-js";
import type { GridWorkspace, TierLayer } from "../data/grid-workspace.ts";
import { unionBBox } from "../data/geo.ts";
import type { BBox, Grid } from "../data/grids.ts";
import { useGridLocale } from "../i18n/grids.ts";
import { layerColour, layerStyle, mapBackground, problemColour, selectionColour } from "./grid-style.ts";

type L = typeof Leaflet;

const boundsOf = (L: L, box: BBox) => L.latLngBounds([box[1], box[0]], [box[3], box[2]]);

/** Pane stacking: coarse tiers' outlines above finer tints; then dedicated, selection, problems. */
const paneZ = (layer: TierLayer) => (layer.level === null ? 480 : 470 - layer.level * 10);

export function GridMap(props: { workspace: GridWorkspace }) {
  const { t } = useGridLocale();
  const ws = props.workspace;
  let container!: HTMLElement;
  const cleanups: Array<() => void> = [];
  onCleanup(() => {
    for (const cleanup of cleanups) cleanup();
  });
  const { status } = createLeafletMap(() => container, draw);

  function draw(L: L): Leaflet.Map {
    const settings = ws.config.map;
    const instance = L.map(container, {
      preferCanvas: true,
      zoomSnap: 0.5,
      minZoom: 3,
      maxZoom: 19,
      attributionControl: Boolean(settings?.tileUrl),
      boxZoom: true,
    });
    addBaseMap(L, instance, settings);
    let viewSet = false;
    if (settings?.center) {
      instance.setView([settings.center[1], settings.center[0]], settings.zoom);
      viewSet = true;
    }
    // Without a configured view, the map fits the first grids that arrive, and fits again when
    // the whole first tier is in, unless the person has moved the map meanwhile.
    let moved = false;
    const markMoved = () => (moved = true);
    for (const type of ["pointerdown", "wheel", "keydown"]) container.addEventListener(type, markMoved, { passive: true });
    cleanups.push(() => {
      for (const type of ["pointerdown", "wheel", "keydown"]) container.removeEventListener(type, markMoved);
    });
    function fitToLayer(items: Grid[]) {
      const box = unionBBox(items.map((grid) => grid.bbox as BBox));
      if (!box) return;
      instance.fitBounds(boundsOf(L, box), { padding: [16, 16] });
      viewSet = true;
    }
    const firstTier = ws.layers.find((layer) => layer.level !== null);
    if (firstTier && !settings?.center)
      createEffect(
        on(firstTier.state, (state) => {
          if (state === "done" && !moved && firstTier.items().length) fitToLayer(firstTier.items());
        }),
      );

    // One pane and canvas per layer, so the stacking does not depend on what loads first.
    const pane = (name: string, z: number) => {
      instance.createPane(name).style.zIndex = String(z);
      return L.canvas({ pane: name, padding: 0.4 });
    };

    const finest = () => Math.max(0, ...ws.layers.filter((layer) => layer.visible() && layer.level !== null).map((layer) => layer.level!));

    for (const layer of ws.layers) {
      const renderer = pane(`grids-${layer.key}`, paneZ(layer));
      const group = L.layerGroup();
      const drawn: Leaflet.Polygon[] = [];
      let drawnFinest = finest() === layer.level;

      createEffect(
        on(layer.items, (items) => {
          // Pages only ever append: draw what is new.
          if (items.length < drawn.length) {
            group.clearLayers();
            drawn.length = 0;
          }
          const style = layerStyle(layer.level, drawnFinest);
          for (let index = drawn.length; index < items.length; index++) {
            const rings = latLngsOf(L, items[index].boundary);
            const polygon = L.polygon(rings ?? [], { ...style, renderer, interactive: false, smoothFactor: 1.2 });
            drawn.push(polygon);
            group.addLayer(polygon);
          }
          if (!viewSet && items.length) fitToLayer(items);
        }),
      );
      createEffect(() => {
        const isFinest = finest() === layer.level;
        if (isFinest === drawnFinest) return;
        drawnFinest = isFinest;
        const style = layerStyle(layer.level, isFinest);
        for (const polygon of drawn) polygon.setStyle(style);
      });
      createEffect(() => {
        if (layer.visible()) group.addTo(instance);
        else group.remove();
      });
    }

    // The selected grid: a dark outline on a white halo, over everything but problems.
    const selectionRenderer = pane("grids-selection", 520);
    const selection = L.layerGroup().addTo(instance);
    createEffect(
      on(
        () => ws.selectedGrid(),
        (grid: Grid | undefined) => {
          selection.clearLayers();
          const rings = grid && latLngsOf(L, grid.boundary);
          if (!grid || !rings) return;
          const colour = layerColour(grid.tier);
          L.polygon(rings, {
            renderer: selectionRenderer,
            interactive: false,
            color: "#ffffff",
            weight: 7,
            opacity: 0.9,
            fill: false,
          }).addTo(selection);
          L.polygon(rings, {
            renderer: selectionRenderer,
            interactive: false,
            color: selectionColour,
            weight: 3,
            fill: true,
            fillColor: colour,
            fillOpacity: 0.22,
          }).addTo(selection);
        },
      ),
    );

    // Coverage problems in a strong red.
    const problemRenderer = pane("grids-problems", 530);
    const problems = L.layerGroup().addTo(instance);
    createEffect(() => {
      problems.clearLayers();
      const report = ws.coverage()?.report;
      if (!report) return;
      const shapes = [...report.outside, ...report.overlaps, ...report.gaps];
      for (const shape of shapes) {
        const rings = latLngsOf(L, shape.geometry);
        if (!rings) continue;
        L.polygon(rings, {
          renderer: problemRenderer,
          interactive: false,
          color: problemColour,
          weight: 2.5,
          fill: true,
          fillColor: problemColour,
          fillOpacity: 0.5,
        }).addTo(problems);
      }
    });

    // The located point.
    const pointRenderer = pane("grids-point", 540);
    const point = L.layerGroup().addTo(instance);
    createEffect(() => {
      point.clearLayers();
      const located = ws.locateState();
      if (!located) return;
      L.circleMarker([located.lat, located.lon], {
        renderer: pointRenderer,
        interactive: false,
        radius: 8,
        color: "#ffffff",
        weight: 3,
        fillColor: located.state === "outside" ? problemColour : selectionColour,
        fillOpacity: 1,
      }).addTo(point);
    });

    createEffect(
      on(
        ws.focus,
        (target) => {
          if (!target) return;
          instance.fitBounds(boundsOf(L, target.bbox), { padding: [32, 32], maxZoom: 16 });
          viewSet = true;
        },
        { defer: true },
      ),
    );

    instance.on("click", (event: Leaflet.LeafletMouseEvent) => {
      const { lat, lng } = event.latlng;
      if (ws.pickMode() || event.originalEvent.altKey) {
        void ws.locate(lng, lat);
        return;
      }
      const hit = ws.gridAt(lng, lat);
      if (hit) ws.select(hit.gridID, "map");
    });

    // Without a tile service: the grids' names as the offline base map's place names.
    if (!settings?.tileUrl) {
      const labels = addGridLabels(L, instance, () => ws.layers.filter((layer) => layer.visible()).flatMap((layer) => layer.items()));
      createEffect(() => {
        for (const layer of ws.layers) if (layer.visible()) layer.items();
        labels.refresh();
      });
    }

    // The map's box changes with the layout (phone tabs, the panel opening): keep Leaflet in step.
    if (typeof ResizeObserver !== "undefined") {
      const observer = new ResizeObserver(() => instance.invalidateSize({ pan: false }));
      observer.observe(container);
      cleanups.push(() => observer.disconnect());
    }
    return instance;
  }

  return (
    <div class="grid-map-shell" classList={{ "is-picking": ws.pickMode() }}>
      <section
        ref={container}
        class="grid-map"
        data-testid="grid-map"
        data-state={status()}
        aria-label={t("grids.mapLabel")}
        style={{ background: ws.config.map?.tileUrl ? undefined : mapBackground }}
      />
      <Show when={status() !== "ready"}>
        <div class="map-veil" role="status">
          <Show when={status() === "loading"}>
            <span class="spinner" aria-hidden="true" />
          </Show>
          {status() === "error" ? t("grids.mapFailed") : t("grids.mapLoading")}
        </div>
      </Show>
    </div>
  );
}
