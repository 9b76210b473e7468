/** The part of shpjs 6 the grid import uses (its own package has no types; @types/shpjs is for 3.x). */
declare module "shpjs" {
  export function getShapefile(input: {
    shp: ArrayBuffer | ArrayBufferView;
    dbf?: ArrayBuffer | ArrayBufferView;
    /** The .dbf's encoding, as a TextDecoder label (a .cpg's content). */
    cpg?: string;
    /** The .prj's WKT: when given, coordinates are reprojected to WGS-84 with proj4. */
    prj?: string;
  }): Promise<{ type: "FeatureCollection"; features: { type: "Feature"; geometry: unknown; properties: Record<string, unknown> }[] }>;
}
