/**
 * Sample grid files to start from (示例文件): three tiers of a made-up street, as GeoJSON and as a
 * spreadsheet (CSV with a WKT boundary column and the Chinese headers the import recognises).
 * Codes start with `SAMPLE` and names with 示例 so that nobody mistakes them for real grids.
 */

/** A rectangle of `[west, south, east, north]` as a closed ring. */
const ring = ([w, s, e, n]: [number, number, number, number]) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

interface SampleGrid {
  code: string;
  name: string;
  parentCode: string | null;
  tier: number;
  box: [number, number, number, number];
}

/** Near Jianyang (118.12 E, 27.33 N); each child inside its parent, siblings side by side. */
const sampleGrids: SampleGrid[] = [
  { code: "SAMPLE-01", name: "示例街道", parentCode: null, tier: 1, box: [118.1, 27.3, 118.14, 27.33] },
  { code: "SAMPLE-01-01", name: "示例东社区", parentCode: "SAMPLE-01", tier: 2, box: [118.12, 27.3, 118.14, 27.33] },
  { code: "SAMPLE-01-02", name: "示例西社区", parentCode: "SAMPLE-01", tier: 2, box: [118.1, 27.3, 118.12, 27.33] },
  { code: "SAMPLE-01-01-01", name: "示例东社区第一网格", parentCode: "SAMPLE-01-01", tier: 3, box: [118.12, 27.3, 118.14, 27.315] },
  { code: "SAMPLE-01-01-02", name: "示例东社区第二网格", parentCode: "SAMPLE-01-01", tier: 3, box: [118.12, 27.315, 118.14, 27.33] },
];

const wktOf = (box: SampleGrid["box"]) =>
  `POLYGON((${ring(box)
    .map(([x, y]) => `${x} ${y}`)
    .join(", ")}))`;

/** The sample as a GeoJSON FeatureCollection (the import's own format). */
export function sampleGeoJson(): string {
  const collection = {
    type: "FeatureCollection",
    features: sampleGrids.map((grid) => ({
      type: "Feature",
      properties: { code: grid.code, name: grid.name, tier: grid.tier, parentCode: grid.parentCode },
      geometry: { type: "Polygon", coordinates: [ring(grid.box)] },
    })),
  };
  return JSON.stringify(collection, null, 2);
}

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The sample as a spreadsheet: UTF-8 CSV with a BOM (so Excel and WPS show the Chinese), boundaries as WKT. */
export function sampleCsv(): string {
  const lines = [
    ["网格编码", "网格名称", "上级编码", "层级", "边界"],
    ...sampleGrids.map((grid) => [grid.code, grid.name, grid.parentCode ?? "", String(grid.tier), wktOf(grid.box)]),
  ];
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** A link's `href` for a sample file (a data URL: nothing to fetch, works offline). */
export const sampleHref = (content: string, type: string) => `data:${type};charset=utf-8,${encodeURIComponent(content)}`;
