/** The kinds of grid file the import page reads, told by the file's name. */
export type GridFileKind = "geojson" | "csv" | "xlsx" | "shapefile";

/** What the file chooser offers. */
export const GridFileAccept = ".geojson,.json,.csv,.xlsx,.zip,application/geo+json,application/json,text/csv,application/zip";

export function gridFileKindOf(name: string): GridFileKind | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === "geojson" || extension === "json") return "geojson";
  if (extension === "csv") return "csv";
  if (extension === "xlsx") return "xlsx";
  if (extension === "zip") return "shapefile";
  return null;
}
