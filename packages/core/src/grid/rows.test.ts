import { describe, expect, it } from "vitest";
import {
  guessColumns,
  judgeProjection,
  missingColumns,
  parseBoundaryText,
  parseTier,
  rowOfPath,
  rowsToCollection,
  type GridTable,
} from "./rows.ts";

const square = "POLYGON((118.10 27.30, 118.11 27.30, 118.11 27.31, 118.10 27.31, 118.10 27.30))";
const squareCoordinates = [
  [
    [118.1, 27.3],
    [118.11, 27.3],
    [118.11, 27.31],
    [118.1, 27.31],
    [118.1, 27.3],
  ],
];

/** A sheet as a spreadsheet shows it: headers on row 1, data from row 2. */
const sheet = (headers: string[], ...rows: unknown[][]): GridTable => ({
  headers,
  rows: rows.map((cells, index) => ({ number: index + 2, cells })),
});

describe("recognising a spreadsheet's columns", () => {
  it("knows the Chinese headers district offices use, English ones and .dbf pinyin initials", () => {
    expect(guessColumns(["网格编码", "网格名称", "上级编码", "层级", "边界"])).toEqual({
      code: 0,
      name: 1,
      parentCode: 2,
      tier: 3,
      boundary: 4,
    });
    expect(guessColumns(["Name", "parent_code", "Code", "WKT", "Households"])).toEqual({
      name: 0,
      parentCode: 1,
      code: 2,
      boundary: 3,
      households: 4,
    });
    expect(guessColumns(["WGBM", "WGMC", "SJBM"])).toEqual({ code: 0, name: 1, parentCode: 2 });
  });

  it("says which columns are still to be chosen: the boundary only where rows carry no shape", () => {
    expect(missingColumns(guessColumns(["编号", "区域", "形状"]), false)).toEqual(["name", "boundary"]);
    expect(missingColumns(guessColumns(["编号", "名称"]), true)).toEqual([]);
  });
});

describe("boundaries in a cell", () => {
  it("reads WKT polygons and multipolygons, with or without an SRID, and GeoJSON text", () => {
    expect(parseBoundaryText(square)).toEqual({ ok: true, geometry: { type: "Polygon", coordinates: squareCoordinates } });
    expect(parseBoundaryText(`SRID=4490;${square}`)).toMatchObject({ ok: true, geometry: { type: "Polygon" } });
    expect(
      parseBoundaryText("MULTIPOLYGON(((118 27, 118.1 27, 118.1 27.1, 118 27)),((119 27, 119.1 27, 119.1 27.1, 119 27)))"),
    ).toMatchObject({
      ok: true,
      geometry: { type: "MultiPolygon" },
    });
    const geojson = JSON.stringify({ type: "Polygon", coordinates: squareCoordinates });
    expect(parseBoundaryText(geojson)).toEqual({ ok: true, geometry: { type: "Polygon", coordinates: squareCoordinates } });
    expect(parseBoundaryText(JSON.stringify({ type: "Feature", properties: {}, geometry: JSON.parse(geojson) }))).toMatchObject({
      ok: true,
    });
  });

  it("tells broken WKT, broken GeoJSON, the wrong kind of shape and coordinates in metres apart", () => {
    expect(parseBoundaryText("POLYGON((118.1 27.3, 118.2 27.3")).toEqual({ ok: false, issue: "boundary_wkt" });
    expect(parseBoundaryText("a field")).toEqual({ ok: false, issue: "boundary_wkt" });
    expect(parseBoundaryText('{"type":"Polygon",')).toEqual({ ok: false, issue: "boundary_geojson" });
    expect(parseBoundaryText("POINT(118.1 27.3)")).toEqual({ ok: false, issue: "boundary_type" });
    expect(parseBoundaryText('{"type":"LineString","coordinates":[[118,27],[118.1,27]]}')).toEqual({ ok: false, issue: "boundary_type" });
    // CGCS2000 / 3-degree Gauss-Kruger zone 39: metres, not degrees.
    expect(parseBoundaryText("POLYGON((39500000 3020000, 39501000 3020000, 39501000 3021000, 39500000 3020000))")).toEqual({
      ok: false,
      issue: "boundary_not_degrees",
    });
    expect(parseBoundaryText("  ")).toEqual({ ok: false, issue: "boundary_missing" });
  });
});

describe("rows to grids", () => {
  it("maps good rows to the import's features, leaving a blank tier for the import to take from the parent", () => {
    const table = sheet(
      ["网格编码", "网格名称", "上级编码", "层级", "边界", "户数"],
      ["JY-01", "潭城街道", "", "一级", square, "1,200"],
      ["JY-01-01", "城东社区", "JY-01", "", JSON.stringify({ type: "Polygon", coordinates: squareCoordinates }), ""],
      ["", "", "", "", "", ""],
      [510185, "数字编码", "JY-01", 2, square, 30],
    );
    const result = rowsToCollection(table, guessColumns(table.headers));
    expect(result).toEqual({
      ok: true,
      rowOf: [2, 3, 5],
      collection: {
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            geometry: { type: "Polygon", coordinates: squareCoordinates },
            properties: { code: "JY-01", name: "潭城街道", tier: 1, households: 1200 },
          },
          {
            type: "Feature",
            geometry: { type: "Polygon", coordinates: squareCoordinates },
            properties: { code: "JY-01-01", name: "城东社区", parentCode: "JY-01" },
          },
          {
            type: "Feature",
            geometry: { type: "Polygon", coordinates: squareCoordinates },
            properties: { code: "510185", name: "数字编码", parentCode: "JY-01", tier: 2, households: 30 },
          },
        ],
      },
    });
    if (result.ok) expect(rowOfPath("features[1]", result.rowOf)).toBe(3);
  });

  it("lists every bad row by its number: bad WKT, duplicate code, missing name, bad tier, its own parent", () => {
    const table = sheet(
      ["code", "name", "parent", "tier", "wkt"],
      ["A", "甲", "", "1", square],
      ["A", "甲二", "", "1", square],
      ["B", "", "A", "2", "POLYGON((118.1 27.3, oops))"],
      ["C c", "丙", "C c", "六级", square],
    );
    const result = rowsToCollection(table, guessColumns(table.headers));
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 3, column: "code", issue: "code_duplicate", value: "A", other: 2 },
        { row: 4, column: "name", issue: "name_missing" },
        { row: 4, column: "boundary", issue: "boundary_wkt", value: "POLYGON((118.1 27.3, oops))" },
        { row: 5, column: "code", issue: "code_invalid", value: "C c" },
        { row: 5, column: "parentCode", issue: "parent_self", value: "C c" },
        { row: 5, column: "tier", issue: "tier_invalid", value: "六级" },
      ],
    });
  });

  it("takes a shapefile's record shapes instead of a boundary column", () => {
    const table: GridTable = {
      headers: ["WGBM", "WGMC"],
      shapes: true,
      rows: [
        { number: 1, cells: ["S1", "一号"], geometry: { type: "Polygon", coordinates: squareCoordinates } },
        {
          number: 2,
          cells: ["S2", "二号"],
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [500000, 3000000],
                [500100, 3000000],
                [500000, 3000100],
                [500000, 3000000],
              ],
            ],
          },
        },
        { number: 3, cells: ["S3", "三号"], geometry: null },
      ],
    };
    expect(rowsToCollection(table, guessColumns(table.headers))).toEqual({
      ok: false,
      problems: [
        { row: 2, column: "boundary", issue: "boundary_not_degrees" },
        { row: 3, column: "boundary", issue: "boundary_geojson" },
      ],
    });
  });

  it("reads tiers written as digits or in Chinese", () => {
    expect(["1", "2.0", "三级", "第四级", "五级网格", "", "6", "x"].map(parseTier)).toEqual([1, 2, 3, 4, 5, null, undefined, undefined]);
  });
});

describe("a shapefile's coordinate system", () => {
  it("takes WGS-84 and CGCS2000 in degrees, and names a projected system or another datum", () => {
    expect(
      judgeProjection(
        'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      ),
    ).toEqual({ kind: "degrees", name: "GCS_China_Geodetic_Coordinate_System_2000" });
    expect(
      judgeProjection(
        'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      ),
    ).toEqual({ kind: "degrees", name: "GCS_WGS_1984" });
    expect(
      judgeProjection(
        'PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["Central_Meridian",117.0],UNIT["Meter",1.0]]',
      ),
    ).toEqual({ kind: "projected", name: "CGCS2000_3_Degree_GK_Zone_39", datumKnown: true });
    expect(
      judgeProjection(
        'PROJCS["Xian_1980_3_Degree_GK_CM_117E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]]],PROJECTION["Gauss_Kruger"],UNIT["Meter",1.0]]',
      ),
    ).toEqual({ kind: "projected", name: "Xian_1980_3_Degree_GK_CM_117E", datumKnown: false });
    expect(
      judgeProjection(
        'GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      ),
    ).toEqual({ kind: "other_datum", name: "GCS_Xian_1980" });
    expect(judgeProjection(undefined)).toEqual({ kind: "unknown" });
  });
});
