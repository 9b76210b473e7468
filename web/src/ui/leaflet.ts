/** Leaflet and its stylesheet, loaded only when a map mounts (both maps share the chunk). */
export async function loadLeaflet(): Promise<typeof import("leaflet")> {
  const [module] = await Promise.all([import("leaflet"), import("leaflet/dist/leaflet.css")]);
  return ((module as { default?: typeof import("leaflet") }).default ?? module) as typeof import("leaflet");
}
