import type { GridFileMessageKey } from "./grid-files.zh-CN.ts";

/** English for reading grid files on the import page. Must have exactly the keys of `gridFilesZhCN`. */
export const gridFilesEn: Record<GridFileMessageKey, string> = {
  "gridFiles.samplesTitle": "Start from a sample",
  "gridFiles.samplesHint":
    "The samples hold one street, two communities and two grids over three tiers, with codes starting SAMPLE: a guide to the format, not grids to import. A spreadsheet's first row names the columns: grid code, grid name, parent code, tier (may be blank: taken from the parent) and boundary (WKT such as POLYGON((lon lat, …)), or GeoJSON text).",
  "gridFiles.sampleGeoJson": "Download the sample GeoJSON",
  "gridFiles.sampleCsv": "Download the sample spreadsheet (CSV)",
  "gridFiles.reading": "Reading the file…",
  "gridFiles.mappingTitle": "Columns",
  "gridFiles.mappingHint": "Recognised from the headers: please check. Those marked * must be chosen.",
  "gridFiles.mappingRows": "{count} rows",
  "gridFiles.mappingShapes": "{count} features; boundaries from the shapefile's shapes",
  "gridFiles.notMapped": "(none)",
  "gridFiles.reprojected": "Coordinates converted from the projected system “{name}” to longitude/latitude.",
  "gridFiles.missing": "Choose a column for: {columns}",
  "gridFiles.unknownKind": "This kind of file is not supported. Choose a .geojson, .json, .xlsx, .csv, or a .zip holding a shapefile.",
  "gridFiles.rowsTitle": "{count} rows to correct; nothing was uploaded",
  "gridFiles.row": "Row {row}",
  "gridFiles.record": "Feature {row}",
  "gridFiles.rowColumn": "{where} · {column}",

  "gridFiles.column.code": "Grid code",
  "gridFiles.column.name": "Grid name",
  "gridFiles.column.parentCode": "Parent code",
  "gridFiles.column.tier": "Tier",
  "gridFiles.column.boundary": "Boundary",
  "gridFiles.column.dedicatedKind": "Dedicated grid kind",
  "gridFiles.column.households": "Households",
  "gridFiles.column.population": "Population",

  "gridFiles.issue.code_missing": "The grid code is blank",
  "gridFiles.issue.code_invalid": "The grid code “{value}” may hold only letters, digits, dots, dashes or underscores, at most 40",
  "gridFiles.issue.code_duplicate": "The grid code “{value}” is also on row {other}",
  "gridFiles.issue.name_missing": "The grid name is blank",
  "gridFiles.issue.name_too_long": "The grid name is longer than 60 characters",
  "gridFiles.issue.parent_self": "The parent code cannot be the grid's own code",
  "gridFiles.issue.tier_invalid": "The tier “{value}” is not understood: write 1–5",
  "gridFiles.issue.number_invalid": "“{value}” is not a whole number of zero or more",
  "gridFiles.issue.boundary_missing": "The boundary is blank",
  "gridFiles.issue.boundary_wkt": "The boundary is not valid WKT",
  "gridFiles.issue.boundary_geojson": "The boundary is not valid GeoJSON",
  "gridFiles.issue.boundary_type": "The boundary must be an area (POLYGON or MULTIPOLYGON)",
  "gridFiles.issue.boundary_not_degrees":
    "The boundary's coordinates are not longitude/latitude (projected metres?): convert them to WGS-84 or CGCS2000 longitude/latitude",

  "gridFiles.read.csv_unreadable": "This CSV file cannot be read: {detail}",
  "gridFiles.read.xlsx_unreadable": "This Excel file cannot be read: is it .xlsx? (Save an old .xls as .xlsx first.)",
  "gridFiles.read.zip_unreadable": "This .zip file cannot be unpacked.",
  "gridFiles.read.zip_no_shp": "The zip holds no .shp file. Zip the .shp, .dbf, .prj (and .cpg) together.",
  "gridFiles.read.shp_unreadable": "The shapefile in the zip cannot be read: {detail}",
  "gridFiles.read.prj_projected":
    "This shapefile uses the projected coordinate system “{name}”, which cannot be converted to longitude/latitude here. Convert it in your GIS software to WGS-84 (EPSG:4326) or CGCS2000 longitude/latitude (EPSG:4490) and export it again.",
  "gridFiles.read.prj_other_datum":
    "This shapefile's coordinate system is “{name}”, tens of metres or more away from WGS-84 / CGCS2000. Convert it in your GIS software to WGS-84 (EPSG:4326) or CGCS2000 (EPSG:4490) and export it again.",
  "gridFiles.read.no_rows": "The file holds no rows of data.",
};
