/**
 * Grids from a table (网格表): the rows of a spreadsheet (.xlsx, .csv) or the records of a
 * shapefile's .dbf, mapped to the GeoJSON FeatureCollection that the import takes.
 *
 * Pure: no SDK, no I/O. The portal reads the file in the browser, maps it here, shows every row's
 * problem at once (nothing is uploaded while one row is wrong), then uploads the collection to
 * the import path that checks it against the district (parents, tiers, overlaps).
 */
import { parse as parseWkt } from "wellknown";
import { GridCode } from "./model.ts";

/** What a column can hold, in the order the column-mapping step offers them. */
export const GridColumns = ["code", "name", "parentCode", "tier", "boundary", "dedicatedKind", "households", "population"] as const;
export type GridColumn = (typeof GridColumns)[number];

/** Column index for each field the file has (a header's position). */
export type ColumnMap = Partial<Record<GridColumn, number>>;

/**
 * Headers recognised without asking, compared without case, spaces, `_` or `-`: the Chinese
 * ones district GIS offices use, English ones, and the pinyin initials common in .dbf fields.
 */
const HeaderAliases: Record<GridColumn, string[]> = {
  code: ["网格编码", "网格代码", "网格编号", "编码", "编号", "代码", "code", "gridcode", "wgbm", "wgdm"],
  name: ["网格名称", "网格名", "名称", "name", "gridname", "wgmc"],
  parentCode: ["上级编码", "上级网格编码", "上级网格", "上级代码", "父级编码", "父网格编码", "parentcode", "parent", "sjbm", "sjwgbm"],
  tier: ["层级", "网格层级", "网格级别", "级别", "tier", "level", "cj"],
  boundary: ["边界", "网格边界", "范围", "边界wkt", "几何", "wkt", "geometry", "geom", "boundary", "shape", "geojson"],
  dedicatedKind: ["专属类型", "专属网格类型", "dedicatedkind", "kind"],
  households: ["户数", "总户数", "households"],
  population: ["人口", "人口数", "总人口", "population"],
};

const normalised = (header: string) => header.toLowerCase().replace(/[\s_\-（）()]/g, "");

/** The columns recognised from `headers` (each header used once, the first match wins). */
export function guessColumns(headers: readonly string[]): ColumnMap {
  const columns: ColumnMap = {};
  const used = new Set<number>();
  for (const column of GridColumns) {
    const aliases = HeaderAliases[column];
    const index = headers.findIndex((header, at) => !used.has(at) && aliases.includes(normalised(String(header ?? ""))));
    if (index >= 0) {
      columns[column] = index;
      used.add(index);
    }
  }
  return columns;
}

/** The fields a table must map before it can be read; the boundary only where rows carry no shape. */
export function missingColumns(columns: ColumnMap, shapes: boolean): GridColumn[] {
  const needed: GridColumn[] = shapes ? ["code", "name"] : ["code", "name", "boundary"];
  return needed.filter((column) => columns[column] === undefined);
}

/** A table read from a file. */
export interface GridTable {
  headers: string[];
  rows: GridTableRow[];
  /** True when each row carries its shape (a shapefile): no boundary column then. */
  shapes?: boolean;
}
export interface GridTableRow {
  /** The row's number as its file shows it (a spreadsheet's row, a shapefile's record). */
  number: number;
  cells: unknown[];
  /** The row's shape as GeoJSON geometry (a shapefile's record). */
  geometry?: unknown;
}

/** What is wrong with a row, as a code the portal words in each language. */
export type RowIssue =
  | "code_missing"
  | "code_invalid"
  | "code_duplicate"
  | "name_missing"
  | "name_too_long"
  | "parent_self"
  | "tier_invalid"
  | "number_invalid"
  | "boundary_missing"
  | "boundary_wkt"
  | "boundary_geojson"
  | "boundary_type"
  | "boundary_not_degrees";

export interface RowProblem {
  row: number;
  column: GridColumn;
  issue: RowIssue;
  /** The cell's text (shortened), where it helps to see it. */
  value?: string;
  /** The other row, for a duplicate code. */
  other?: number;
}

export interface GridFeature {
  type: "Feature";
  geometry: { type: "Polygon" | "MultiPolygon"; coordinates: unknown };
  properties: {
    code: string;
    name: string;
    parentCode?: string;
    tier?: number;
    dedicatedKind?: string;
    households?: number;
    population?: number;
  };
}
export interface GridCollection {
  type: "FeatureCollection";
  features: GridFeature[];
}

export type RowsResult =
  | {
      ok: true;
      collection: GridCollection;
      /** The row number of each feature: the import's `features[i]` problems are told by row. */
      rowOf: number[];
    }
  | { ok: false; problems: RowProblem[] };

/** Rows beyond this many problems are not listed (the first ones tell what is wrong). */
export const MaxRowProblems = 200;

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value).trim());
const shortened = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

const ChineseDigits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5 };

/** A tier cell: `2`, `2.0`, `二级`, `二级网格`, `第二级`; blank is none (the import takes it from the parent). */
export function parseTier(value: unknown): number | null | undefined {
  const cell = text(value);
  if (!cell) return null;
  const match = /^(?:第)?([1-5一二三四五])(?:\.0+)?(?:级)?(?:网格)?$/.exec(cell);
  return match ? ChineseDigits[match[1]] : undefined;
}

function parseCount(value: unknown): number | null | undefined {
  const cell = text(value).replace(/,/g, "");
  if (!cell) return null;
  const count = Number(cell);
  return Number.isInteger(count) && count >= 0 ? count : undefined;
}

type BoundaryResult = { ok: true; geometry: GridFeature["geometry"] } | { ok: false; issue: RowIssue };

/** Each position of a geometry, however deep its nesting. */
function* positionsOf(coordinates: unknown): Generator<unknown[]> {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === "number") yield coordinates;
  else for (const inner of coordinates) yield* positionsOf(inner);
}

/** True when every position is a longitude and latitude (not metres of a projected system). */
export function inDegrees(coordinates: unknown): boolean {
  for (const [x, y] of positionsOf(coordinates))
    if (typeof x !== "number" || typeof y !== "number" || Math.abs(x) > 180 || Math.abs(y) > 90) return false;
  return true;
}

/** A geometry read from a file (a parsed cell or a shapefile's record): a polygon in degrees, or why not. */
export function checkGeometry(geometry: unknown, source: "wkt" | "geojson"): BoundaryResult {
  const candidate = geometry as { type?: unknown; geometry?: unknown; coordinates?: unknown } | null;
  const shape = candidate?.type === "Feature" ? (candidate.geometry as typeof candidate) : candidate;
  if (!shape || typeof shape !== "object") return { ok: false, issue: source === "wkt" ? "boundary_wkt" : "boundary_geojson" };
  if (shape.type !== "Polygon" && shape.type !== "MultiPolygon") return { ok: false, issue: "boundary_type" };
  if (!Array.isArray(shape.coordinates)) return { ok: false, issue: source === "wkt" ? "boundary_wkt" : "boundary_geojson" };
  if (!inDegrees(shape.coordinates)) return { ok: false, issue: "boundary_not_degrees" };
  return { ok: true, geometry: { type: shape.type, coordinates: shape.coordinates } };
}

/**
 * A boundary cell: WKT (`POLYGON((…))`, `MULTIPOLYGON(…)`, an `SRID=4490;` prefix allowed) or
 * GeoJSON text (a geometry or a Feature). Coordinates are longitude, latitude.
 */
export function parseBoundaryText(value: unknown): BoundaryResult {
  const cell = text(value);
  if (!cell) return { ok: false, issue: "boundary_missing" };
  if (cell.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(cell);
    } catch {
      return { ok: false, issue: "boundary_geojson" };
    }
    return checkGeometry(parsed, "geojson");
  }
  const wkt = cell.replace(/^SRID=\d+;\s*/i, "");
  if (!/^(MULTI)?POLYGON\b/i.test(wkt))
    return {
      ok: false,
      issue: /^(POINT|LINESTRING|MULTIPOINT|MULTILINESTRING|GEOMETRYCOLLECTION)\b/i.test(wkt) ? "boundary_type" : "boundary_wkt",
    };
  let parsed: unknown;
  try {
    parsed = parseWkt(wkt);
  } catch {
    parsed = null;
  }
  return checkGeometry(parsed, "wkt");
}

/**
 * Maps a table's rows to grids with `columns`, checking each row on its own and the codes against
 * each other. Every problem is returned (up to `MaxRowProblems`); no collection while one exists.
 * A blank tier is left out: the import takes it from the parent (none: the first tier).
 */
export function rowsToCollection(table: GridTable, columns: ColumnMap): RowsResult {
  const problems: RowProblem[] = [];
  const features: GridFeature[] = [];
  const rowOf: number[] = [];
  const firstRowOf = new Map<string, number>();
  const cell = (row: GridTableRow, column: GridColumn) => {
    const index = columns[column];
    return index === undefined ? undefined : row.cells[index];
  };

  for (const row of table.rows) {
    if (problems.length >= MaxRowProblems) break;
    // Rows with nothing in them (a spreadsheet's trailing lines) are not grids.
    if (row.geometry === undefined && row.cells.every((value) => text(value) === "")) continue;
    const before = problems.length;
    const report = (column: GridColumn, issue: RowIssue, value?: unknown, other?: number) =>
      problems.push({
        row: row.number,
        column,
        issue,
        ...(value !== undefined ? { value: shortened(text(value)) } : {}),
        ...(other ? { other } : {}),
      });

    const code = text(cell(row, "code"));
    if (!code) report("code", "code_missing");
    else if (!GridCode.safeParse(code).success) report("code", "code_invalid", code);
    else if (firstRowOf.has(code)) report("code", "code_duplicate", code, firstRowOf.get(code));
    else firstRowOf.set(code, row.number);

    const name = text(cell(row, "name"));
    if (!name) report("name", "name_missing");
    else if (name.length > 60) report("name", "name_too_long", name);

    const parentCode = text(cell(row, "parentCode"));
    if (parentCode && parentCode === code) report("parentCode", "parent_self", parentCode);

    const tier = parseTier(cell(row, "tier"));
    if (tier === undefined) report("tier", "tier_invalid", cell(row, "tier"));

    const counts: Partial<Record<"households" | "population", number>> = {};
    for (const column of ["households", "population"] as const) {
      const count = parseCount(cell(row, column));
      if (count === undefined) report(column, "number_invalid", cell(row, column));
      else if (count !== null) counts[column] = count;
    }

    const boundary = table.shapes ? checkGeometry(row.geometry, "geojson") : parseBoundaryText(cell(row, "boundary"));
    if (!boundary.ok) report("boundary", boundary.issue, table.shapes ? undefined : cell(row, "boundary"));

    if (problems.length > before || !boundary.ok) continue;
    const dedicatedKind = text(cell(row, "dedicatedKind"));
    features.push({
      type: "Feature",
      geometry: boundary.geometry,
      properties: {
        code,
        name,
        ...(parentCode ? { parentCode } : {}),
        ...(tier ? { tier } : {}),
        ...(dedicatedKind ? { dedicatedKind } : {}),
        ...counts,
      },
    });
    rowOf.push(row.number);
  }
  if (problems.length) return { ok: false, problems: problems.slice(0, MaxRowProblems) };
  return { ok: true, collection: { type: "FeatureCollection", features }, rowOf };
}

/** The row a problem of the import (`features[12]`) is about, when the file was a table. */
export function rowOfPath(path: string, rowOf: readonly number[]): number | undefined {
  const match = /^features\[(\d+)\]/.exec(path);
  return match ? rowOf[Number(match[1])] : undefined;
}

/** A shapefile's coordinate system (its .prj, WKT) as the import judges it. */
export type ProjectionVerdict =
  | { kind: "degrees"; name: string }
  /** `datumKnown`: on WGS-84 or CGCS2000 (reprojecting it to degrees needs no datum shift). */
  | { kind: "projected"; name: string; datumKnown: boolean }
  | { kind: "other_datum"; name: string }
  | { kind: "unknown" };

/**
 * Whether a .prj is a geographic WGS-84 or CGCS2000 system (longitude, latitude in degrees: taken
 * as they are), a projected one (e.g. CGCS2000 / 3-degree Gauss-Kruger, in metres), or degrees on
 * another datum (Beijing 1954, Xi'an 1980: off by tens of metres or more).
 */
export function judgeProjection(prj: string | undefined): ProjectionVerdict {
  const wkt = (prj ?? "").trim();
  if (!wkt) return { kind: "unknown" };
  const name = /^\s*\w+\s*\[\s*"([^"]*)"/.exec(wkt)?.[1] ?? wkt.slice(0, 60);
  const known = /WGS[\s_]*(19)?84|CGCS[\s_]*2000|China[\s_]*2000|China[\s_]*Geodetic[\s_]*Coordinate[\s_]*System[\s_]*2000/i;
  const datum = /DATUM\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1];
  if (/^\s*PROJCS\b|^\s*PROJCRS\b|^\s*PROJECTEDCRS\b/i.test(wkt)) return { kind: "projected", name, datumKnown: known.test(datum ?? "") };
  if (!/^\s*(GEOGCS|GEOGCRS|GEODCRS|GEOGRAPHICCRS)\b/i.test(wkt)) return { kind: "unknown" };
  return known.test(datum ?? name) || known.test(name) ? { kind: "degrees", name } : { kind: "other_datum", name };
}
