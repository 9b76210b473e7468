import type * as Leaflet from "leaflet";
import { createSignal, getOwner, onCleanup, onMount, runWithOwner, type Accessor } from "solid-js";
import type { Boundary } from "../data/grids.ts";
import type { DistrictConfig } from "../data/types.ts";
// The pure base-map rules by their own path (the config index would bring the SDK into the bundle).
import { leafletTiles } from "@wangge/core/config/base-map";
import "./grid-labels.css";

type L = typeof Leaflet;

/** Leaflet and its stylesheet, loaded only when a map mounts (both maps share the chunk). */
export async function loadLeaflet(): Promise<L> {
  const [module] = await Promise.all([import("leaflet"), import("leaflet/dist/leaflet.css")]);
  return ((module as { default?: L }).default ?? module) as L;
}

/**
 * Removes a map when its component goes. A zoom animation in flight ends on a Leaflet timer
 * that moves the map's panes; removed before it ends, that timer reads a pane that is gone
 * ("Cannot read properties of undefined (reading '_leaflet_pos')"). So a zooming map is
 * removed once its zoom has ended (its container has left the page already).
 */
export function removeMap(map: Leaflet.Map): void {
  map.stop();
  if ((map as unknown as { _animatingZoom?: boolean })._animatingZoom) map.once("zoomend", () => map.remove());
  else map.remove();
}

export type MapStatus = "loading" | "ready" | "error";

/**
 * A map's life in a component: Leaflet loads when the component mounts (`status` says how far),
 * `draw` makes the map in the container under the component's owner (so the effects it creates
 * are the component's), and the map is removed with the component. `disposed()` tells a late
 * answer that the component is gone; `map()` is the map once drawn.
 */
export function createLeafletMap(container: () => HTMLElement, draw: (L: L, container: HTMLElement) => Leaflet.Map) {
  const [status, setStatus] = createSignal<MapStatus>("loading");
  let map: Leaflet.Map | undefined;
  let disposed = false;
  // Leaflet arrives after an await: what `draw` creates must still belong to this component.
  const owner = getOwner();
  onCleanup(() => {
    disposed = true;
    if (map) removeMap(map);
    map = undefined;
  });
  onMount(async () => {
    let L: L;
    try {
      L = await loadLeaflet();
    } catch {
      if (!disposed) setStatus("error");
      return;
    }
    if (disposed) return;
    try {
      map = runWithOwner(owner, () => draw(L, container()));
    } catch {
      setStatus("error");
      return;
    }
    setStatus("ready");
  });
  return { status: status as Accessor<MapStatus>, disposed: () => disposed, map: () => map };
}

/**
 * The district's base map, when it has one: its tiles (WMTS names read as z, x, y; 天地图's
 * subdomains), its label layer over them, and their attribution (no Leaflet prefix).
 */
export function addBaseMap(L: L, map: Leaflet.Map, settings: DistrictConfig["map"] | undefined): void {
  if (!settings?.tileUrl) return;
  map.attributionControl.setPrefix(false);
  const base = leafletTiles(settings.tileUrl);
  L.tileLayer(base.url, { subdomains: base.subdomains, attribution: settings.tileAttribution ?? undefined, maxZoom: 19 }).addTo(map);
  if (settings.tileAnnotationUrl) {
    const labels = leafletTiles(settings.tileAnnotationUrl);
    L.tileLayer(labels.url, { subdomains: labels.subdomains, maxZoom: 19 }).addTo(map);
  }
}

/** A grid that can be labelled: its name, tier and bounding box. */
export interface LabelledGrid {
  gridID: string;
  name: string;
  tier: number | null;
  bbox?: unknown;
}

/** Labels drawn at once at most; a character's width and a line's height (px), roughly. */
const MAX_LABELS = 120;
const CHARACTER_WIDTH = 13;
const LINE_HEIGHT = 18;

/**
 * The offline base map's place names (where no tile service is set): each grid's name in the
 * middle of the part of its box that is in view, once that part is wide enough on screen to
 * hold the name; finer grids first, a label that would overlap one already placed left out.
 * Redrawn as the map moves, so the grid the map is zoomed into keeps its name in view.
 */
export function addGridLabels(L: L, map: Leaflet.Map, grids: () => LabelledGrid[]): { refresh: () => void } {
  map.createPane("grid-labels").style.zIndex = "560";
  const layer = L.layerGroup().addTo(map);
  function refresh() {
    layer.clearLayers();
    // Nothing to place before the map has a view.
    if (!(map as unknown as { _loaded?: boolean })._loaded) return;
    const view = map.getBounds();
    const placed: Array<{ x: number; y: number; width: number }> = [];
    const candidates = grids()
      .filter((grid) => Array.isArray(grid.bbox) && grid.bbox.length === 4)
      .sort((a, b) => (b.tier ?? 0) - (a.tier ?? 0));
    for (const grid of candidates) {
      if (placed.length >= MAX_LABELS) break;
      const [west, south, east, north] = grid.bbox as [number, number, number, number];
      const box = {
        west: Math.max(west, view.getWest()),
        east: Math.min(east, view.getEast()),
        south: Math.max(south, view.getSouth()),
        north: Math.min(north, view.getNorth()),
      };
      if (box.west >= box.east || box.south >= box.north) continue;
      const topLeft = map.latLngToContainerPoint([box.north, box.west]);
      const bottomRight = map.latLngToContainerPoint([box.south, box.east]);
      const width = grid.name.length * CHARACTER_WIDTH;
      if (bottomRight.x - topLeft.x < width || bottomRight.y - topLeft.y < LINE_HEIGHT * 2) continue;
      const point = { x: (topLeft.x + bottomRight.x) / 2, y: (topLeft.y + bottomRight.y) / 2, width };
      if (
        placed.some((other) => Math.abs(other.x - point.x) < (other.width + width) / 2 + 8 && Math.abs(other.y - point.y) < LINE_HEIGHT + 4)
      )
        continue;
      placed.push(point);
      L.marker(map.containerPointToLatLng([point.x, point.y]), {
        pane: "grid-labels",
        interactive: false,
        keyboard: false,
        icon: L.divIcon({
          className: "grid-label-icon",
          html: `<span class="grid-label" data-testid="grid-label" data-tier="${grid.tier ?? "dedicated"}">${escapeHtml(grid.name)}</span>`,
          iconSize: [0, 0],
        }),
      }).addTo(layer);
    }
  }
  map.on("moveend zoomend", refresh);
  return { refresh };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character]!);

/** A GeoJSON Polygon or MultiPolygon as Leaflet lat/lng rings (null for anything else). */
export function latLngsOf(L: L, geometry: unknown): Leaflet.LatLng[][] | Leaflet.LatLng[][][] | null {
  const shape = geometry as Boundary | null | undefined;
  if (!shape || !Array.isArray(shape.coordinates)) return null;
  if (shape.type === "Polygon") return L.GeoJSON.coordsToLatLngs(shape.coordinates, 1) as Leaflet.LatLng[][];
  if (shape.type === "MultiPolygon") return L.GeoJSON.coordsToLatLngs(shape.coordinates, 2) as Leaflet.LatLng[][][];
  return null;
}
