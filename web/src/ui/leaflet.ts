/** Leaflet and its stylesheet, loaded only when a map mounts (both maps share the chunk). */
export async function loadLeaflet(): Promise<typeof import("leaflet")> {
  const [module] = await Promise.all([import("leaflet"), import("leaflet/dist/leaflet.css")]);
  return ((module as { default?: typeof import("leaflet") }).default ?? module) as typeof import("leaflet");
}

/**
 * Removes a map when its component goes. A zoom animation in flight ends on a Leaflet timer
 * that moves the map's panes; removed before it ends, that timer reads a pane that is gone
 * ("Cannot read properties of undefined (reading '_leaflet_pos')"). So a zooming map is
 * removed once its zoom has ended (its container has left the page already).
 */
export function removeMap(map: import("leaflet").Map): void {
  map.stop();
  if ((map as unknown as { _animatingZoom?: boolean })._animatingZoom) map.once("zoomend", () => map.remove());
  else map.remove();
}
