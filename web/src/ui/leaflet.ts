import type * as Leaflet from "leaflet";
import { createSignal, getOwner, onCleanup, onMount, runWithOwner, type Accessor } from "solid-js";
import type { Boundary } from "../data/grids.ts";
import type { DistrictConfig } from "../data/types.ts";

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

/** The district's base map, when it has one: its tiles and their attribution (no Leaflet prefix). */
export function addBaseMap(L: L, map: Leaflet.Map, settings: DistrictConfig["map"] | undefined): void {
  if (!settings?.tileUrl) return;
  map.attributionControl.setPrefix(false);
  L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution ?? undefined, maxZoom: 19 }).addTo(map);
}

/** A GeoJSON Polygon or MultiPolygon as Leaflet lat/lng rings (null for anything else). */
export function latLngsOf(L: L, geometry: unknown): Leaflet.LatLng[][] | Leaflet.LatLng[][][] | null {
  const shape = geometry as Boundary | null | undefined;
  if (!shape || !Array.isArray(shape.coordinates)) return null;
  if (shape.type === "Polygon") return L.GeoJSON.coordsToLatLngs(shape.coordinates, 1) as Leaflet.LatLng[][];
  if (shape.type === "MultiPolygon") return L.GeoJSON.coordsToLatLngs(shape.coordinates, 2) as Leaflet.LatLng[][][];
  return null;
}
