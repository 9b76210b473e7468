/**
 * Reading grid files in the browser: spreadsheets (.csv, .xlsx) and zipped shapefiles, read into
 * a table the core's row rules (`@wangge/core/grid/rows`) map to grids. Loaded with `import()`
 * by the import page only: its parsers (papaparse, exceljs, shpjs) stay out of the main chunk,
 * and the files are read on the district's own machine, nothing uploaded before every row is right.
 */
import type { GridTable } from "@wangge/core/grid/rows";
import { judgeProjection } from "@wangge/core/grid/rows";
import { iter } from "but-unzip";
import Papa from "papaparse";
import type { GridFileKind } from "./grid-file-kind.ts";

// The row rules come with the readers, loaded together (wellknown and zod stay out of the page's chunk).
export { GridColumns, guessColumns, missingColumns, rowOfPath, rowsToCollection } from "@wangge/core/grid/rows";

/** Why a file could not be read as a table, as a code the page words (`gridFiles.read.<code>`). */
export class GridFileError extends Error {
  constructor(
    readonly code:
      | "csv_unreadable"
      | "xlsx_unreadable"
      | "zip_unreadable"
      | "zip_no_shp"
      | "shp_unreadable"
      | "prj_projected"
      | "prj_other_datum"
      | "no_rows",
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

/** A table read from a file; a shapefile's coordinates reprojected to degrees say from what. */
export type ReadGridTable = GridTable & { reprojectedFrom?: string };

/** Reads `file` (a spreadsheet or a zipped shapefile) as a table of rows. */
export async function readGridTable(file: File, kind: Exclude<GridFileKind, "geojson">): Promise<ReadGridTable> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const table = kind === "csv" ? readCsv(bytes) : kind === "xlsx" ? await readXlsx(bytes) : await readShapefile(bytes);
  if (table.rows.length === 0) throw new GridFileError("no_rows");
  return table;
}

/** Text of a CSV: UTF-8 (with or without its BOM), else GBK, as Excel and WPS save Chinese CSV. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gbk").decode(bytes);
  }
}

function readCsv(bytes: Uint8Array): GridTable {
  const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false });
  const lines = parsed.data;
  if (!lines.length || (parsed.errors.length && parsed.errors.some((error) => error.type === "Quotes")))
    throw new GridFileError("csv_unreadable", { detail: parsed.errors[0]?.message ?? "" });
  const first = lines.findIndex((line) => line.some((cell) => cell.trim() !== ""));
  if (first < 0) throw new GridFileError("no_rows");
  return {
    headers: lines[first].map((cell) => cell.trim()),
    rows: lines.slice(first + 1).map((cells, index) => ({ number: first + index + 2, cells })),
  };
}

async function readXlsx(bytes: Uint8Array): Promise<GridTable> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new GridFileError("xlsx_unreadable", { detail: (error as Error).message });
  }
  const sheet = workbook.worksheets.find((each) => each.actualRowCount > 0);
  if (!sheet) throw new GridFileError("no_rows");
  const width = sheet.columnCount;
  const lines: { number: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) cells.push(row.getCell(column).text ?? "");
    lines.push({ number, cells });
  });
  const [head, ...rows] = lines;
  if (!head) throw new GridFileError("no_rows");
  return { headers: head.cells.map((cell) => cell.trim()), rows };
}

/** A .cpg's code page, or the .dbf's language driver byte (GBK: 0x4D, 0x7A), as a TextDecoder label. */
function dbfEncoding(cpg: string | undefined, dbf: Uint8Array): string | undefined {
  const page = cpg?.trim();
  if (page) {
    if (/^(cp|ansi\s*)?936$/i.test(page) || /^gb(k|2312|18030)$/i.test(page)) return "gbk";
    if (/^(utf-?8|65001)$/i.test(page)) return "utf-8";
    return page;
  }
  return dbf[29] === 0x4d || dbf[29] === 0x7a ? "gbk" : undefined;
}

async function readShapefile(bytes: Uint8Array): Promise<ReadGridTable> {
  const files = new Map<string, Uint8Array>();
  try {
    for (const entry of iter(bytes)) {
      if (entry.filename.includes("__MACOSX") || !/\.(shp|dbf|prj|cpg)$/i.test(entry.filename)) continue;
      files.set(entry.filename.toLowerCase(), await entry.read());
    }
  } catch (error) {
    throw new GridFileError("zip_unreadable", { detail: (error as Error).message });
  }
  const shpName = [...files.keys()].find((name) => name.endsWith(".shp"));
  if (!shpName) throw new GridFileError("zip_no_shp");
  const base = shpName.slice(0, -4);
  const text = (name: string) => (files.has(name) ? new TextDecoder().decode(files.get(name)) : undefined);
  const prj = text(`${base}.prj`);
  const projection = judgeProjection(prj);
  if (projection.kind === "other_datum" || (projection.kind === "projected" && !projection.datumKnown))
    throw new GridFileError("prj_other_datum", { name: projection.name });
  // A projection on WGS-84 or CGCS2000 (a Gauss-Kruger zone, UTM) is reprojected to degrees by
  // shpjs with proj4, when proj4 knows it; degrees are taken as they are.
  const reproject = projection.kind === "projected";
  if (reproject) {
    const { default: proj4 } = await import("proj4");
    try {
      proj4(prj!);
    } catch {
      throw new GridFileError("prj_projected", { name: projection.name });
    }
  }
  const dbf = files.get(`${base}.dbf`);
  const { getShapefile } = await import("shpjs");
  let collection: Awaited<ReturnType<typeof getShapefile>>;
  try {
    collection = await getShapefile({
      shp: files.get(shpName)!,
      ...(dbf ? { dbf, cpg: dbfEncoding(text(`${base}.cpg`), dbf) } : {}),
      ...(reproject ? { prj } : {}),
    });
  } catch (error) {
    throw new GridFileError("shp_unreadable", { detail: (error as Error).message });
  }
  const headers = [...new Set(collection.features.flatMap((feature) => Object.keys(feature.properties ?? {})))];
  return {
    headers,
    shapes: true,
    ...(reproject ? { reprojectedFrom: projection.name } : {}),
    rows: collection.features.map((feature, index) => ({
      number: index + 1,
      cells: headers.map((header) => feature.properties?.[header] ?? ""),
      geometry: feature.geometry,
    })),
  };
}
