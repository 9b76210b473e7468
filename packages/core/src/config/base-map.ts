/**
 * Pure rules about a district's base map (底图), shared by the core and the portal (no imports
 * that need Node): the Chinese map services offered as presets, and the check of a tile URL
 * template. Grids are stored in WGS-84. 天地图 (Tianditu) draws in CGCS2000, within centimetres
 * of WGS-84, so grids line up on it. 高德 (Amap), 腾讯 (Tencent) and 百度 (Baidu) draw in the
 * shifted GCJ-02 / BD-09 systems: WGS-84 grids land hundreds of metres off, so they are refused.
 * See docs/base-map.md.
 */

export type TiandituLayer = "vec" | "img";

/** 天地图 in Web Mercator (`_w`): a WMTS GetTile whose matrix, row and column are XYZ's z, y, x. */
export function tiandituUrl(layer: "vec" | "cva" | "img" | "cia", tk: string): string {
  return `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(tk)}`;
}

export const TiandituAttribution = "© 天地图 tianditu.gov.cn";

/** A 天地图 base map: the layer and its annotation layer (注记), with the district's key. */
export function tiandituMap(layer: TiandituLayer, tk: string) {
  return {
    tileUrl: tiandituUrl(layer, tk),
    tileAnnotationUrl: tiandituUrl(layer === "vec" ? "cva" : "cia", tk),
    tileAttribution: TiandituAttribution,
  };
}

/** The key (`tk`) of a 天地图 URL, if it is one. */
export function tiandituKeyOf(url: string | null | undefined): { layer: TiandituLayer; tk: string } | null {
  const match = url && /^https:\/\/t\{s\}\.tianditu\.gov\.cn\/(vec|img)_w\/wmts\?.*[?&]tk=([^&]*)/.exec(url);
  return match ? { layer: match[1] as TiandituLayer, tk: decodeURIComponent(match[2]) } : null;
}

/** Hosts of map services in shifted coordinates (GCJ-02, BD-09), with their names. */
const ShiftedHosts: Array<[RegExp, string]> = [
  [/(^|\.)(autonavi|amap)\.com$/i, "高德地图 (Amap, GCJ-02)"],
  [/(^|\.)(baidu|bdimg|bdstatic)\.com$/i, "百度地图 (Baidu, BD-09)"],
  [/(^|\.)(qq|gtimg)\.com$/i, "腾讯地图 (Tencent, GCJ-02)"],
];

const Placeholders = new Set(["s", "z", "x", "y", "-y", "r", "TileMatrix", "TileRow", "TileCol"]);

/** What is wrong with a tile URL template, or null: https, {z}{x}{y} (or WMTS's), no shifted-coordinate service. */
export function tileUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "not a URL";
  }
  if (parsed.protocol !== "https:") return "must be an https:// address (the portal is served over https)";
  const shifted = ShiftedHosts.find(([host]) => host.test(parsed.hostname.replace(/^\{s\}\./, "")));
  if (shifted)
    return `${shifted[1]} draws in shifted coordinates: the district's WGS-84 grids would land hundreds of metres off. Use 天地图 (CGCS2000 ≈ WGS-84) or a WGS-84 tile service`;
  const found = [...url.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]);
  const unknown = found.filter((name) => !Placeholders.has(name));
  if (unknown.length) return `unknown placeholder {${unknown[0]}}: use {z}, {x}, {y} and {s}, or {TileMatrix}, {TileCol}, {TileRow}`;
  const xyz = ["z", "x"].every((name) => found.includes(name)) && (found.includes("y") || found.includes("-y"));
  const wmts = ["TileMatrix", "TileCol", "TileRow"].every((name) => found.includes(name));
  if (!xyz && !wmts) return "must contain {z}, {x} and {y} (or {TileMatrix}, {TileCol} and {TileRow})";
  return null;
}

/** The template as Leaflet reads it: WMTS names become z, x, y; 天地图's subdomains are 0–7. */
export function leafletTiles(url: string): { url: string; subdomains: string } {
  return {
    url: url.replaceAll("{TileMatrix}", "{z}").replaceAll("{TileCol}", "{x}").replaceAll("{TileRow}", "{y}"),
    subdomains: /tianditu\.gov\.cn/.test(url) ? "01234567" : "abc",
  };
}
