import type { MapsMessageKey } from "./maps.zh-CN.ts";

/** English for the maps' part. Must have exactly the keys of `mapsZhCN`. */
export const mapsEn: Record<MapsMessageKey, string> = {
  "nearby.title": "Already reported nearby",
  "nearby.count": "{count} open reports within {radius} m",
  "nearby.hint": "If it is the same problem, open it to follow its progress instead of reporting it again.",
  "nearby.none": "No open reports within {radius} m: go ahead and report.",
  "nearby.loading": "Checking whether someone reported this already…",
  "nearby.failed": "Reports nearby cannot be shown just now; you can still report.",
  "nearby.distance": "about {metres} m",
  "nearby.open": "Open",
  "nearby.marker": "Reported nearby: {category} ({state})",
  "nearby.listLabel": "Open reports nearby",

  "basemap.title": "Base map",
  "basemap.hint":
    "The streets and places under the grids. Without an online base map the map is drawn from the district's own grid data: outlines and grid names, no internet needed.",
  "basemap.preset": "Map service",
  "basemap.preset.none": "No online base map (offline: grid outlines and names)",
  "basemap.preset.tianditu_vec": "Tianditu · vector (with labels)",
  "basemap.preset.tianditu_img": "Tianditu · imagery (with labels)",
  "basemap.preset.custom": "Custom tile URL",
  "basemap.preset.amap": "Amap (GCJ-02, not usable)",
  "basemap.preset.baidu": "Baidu Maps (BD-09, not usable)",
  "basemap.tk": "Tianditu key (tk)",
  "basemap.tkHint":
    "Apply for a browser key for the district at console.tianditu.gov.cn and add this portal's domain to the key's allow list.",
  "basemap.tileUrl": "Tile URL template",
  "basemap.tileUrlHint":
    "An https address with {z}, {x} and {y} (or WMTS's {TileMatrix}, {TileCol}, {TileRow}); {s} stands for a subdomain.",
  "basemap.annotationUrl": "Label layer URL (optional)",
  "basemap.attribution": "Attribution",
  "basemap.crsNote":
    "Coordinates: grids are stored in WGS-84 (GPS). Tianditu uses CGCS2000, centimetres from WGS-84, so it lines up. Amap and Tencent use GCJ-02 and Baidu BD-09: grids drawn on them are off by hundreds of metres, so they cannot be used.",
  "basemap.gcjRefused": "{name} uses shifted coordinates; grids would be off by hundreds of metres, so it cannot be the base map.",
  "basemap.preview": "Now: {what}",
  "basemap.offline": "offline base map (grid outlines and names)",
  "basemap.errorTk": "Enter the Tianditu key.",
  "basemap.errorUrl": "Enter the tile URL template.",
  "basemap.labels": "Grid names",
};
