import { describe, expect, it } from "vitest";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { generateJianyangGrids, jianyangOutline, mulberry32 } from "../demo/jianyang-grids.ts";
import { bboxOf } from "./geometry.ts";
import { GridIndex, locateNaive, type LocatableGrid } from "./locate.ts";

function ring(lon0: number, lat0: number, lon1: number, lat1: number): Position[] {
  return [
    [lon0, lat0],
    [lon1, lat0],
    [lon1, lat1],
    [lon0, lat1],
    [lon0, lat0],
  ];
}

/**
 * A small district on a 0.01° lattice: tier 1 "T" (x 0–4, y 0–2); tier 2 "A" (x 0–2) with a hole
 * (x 0.5–1.5, y 0.5–1.5) filled by tier 2 "H"; tier 2 "B" (x 2–4) in two parts (south and north);
 * tier 3 "B1" filling B's south part only; a dedicated grid "D" inside B's north part and
 * another "Far" outside everything.
 */
const u = 0.01;
const at = (x: number, y: number): [number, number] => [118 + x * u, 27 + y * u];
const box = (x0: number, y0: number, x1: number, y1: number) => ring(...at(x0, y0), ...at(x1, y1));
const small: LocatableGrid[] = [
  { gridID: "T", level: 1, boundary: { type: "Polygon", coordinates: [box(0, 0, 4, 2)] } },
  { gridID: "A", level: 2, boundary: { type: "Polygon", coordinates: [box(0, 0, 2, 2), box(0.5, 0.5, 1.5, 1.5).reverse()] } },
  { gridID: "H", level: 2, boundary: { type: "Polygon", coordinates: [box(0.5, 0.5, 1.5, 1.5)] } },
  { gridID: "B", level: 2, boundary: { type: "MultiPolygon", coordinates: [[box(2, 0, 4, 1)], [box(2, 1, 4, 2)]] } as MultiPolygon },
  { gridID: "B1", level: 3, boundary: { type: "Polygon", coordinates: [box(2, 0, 4, 1)] } },
  { gridID: "D", level: null, boundary: { type: "Polygon", coordinates: [box(3, 1.2, 3.5, 1.8)] } },
  { gridID: "Far", level: null, boundary: { type: "Polygon", coordinates: [box(10, 10, 11, 11)] } },
];

describe("GridIndex on a small district", () => {
  const index = GridIndex.build(small);

  it("returns the finest regular grid containing the point", () => {
    expect(index.size).toBe(7);
    expect(index.locate(...at(0.2, 0.2))).toEqual({ gridID: "A", dedicated: [] });
    expect(index.locate(...at(2.5, 0.5))).toEqual({ gridID: "B1", dedicated: [] });
    expect(index.locate(...at(2.5, 1.5))).toEqual({ gridID: "B", dedicated: [] });
  });

  it("handles holes: a point in a hole belongs to the grid that fills it", () => {
    expect(index.locate(...at(1, 1))).toEqual({ gridID: "H", dedicated: [] });
    expect(index.locate(...at(1.7, 1))).toEqual({ gridID: "A", dedicated: [] });
  });

  it("returns the dedicated grids containing the point too", () => {
    expect(index.locate(...at(3.2, 1.5))).toEqual({ gridID: "B", dedicated: ["D"] });
  });

  it("returns null outside every regular grid, even inside a dedicated one", () => {
    expect(index.locate(...at(5, 1))).toBeNull();
    expect(index.locate(...at(10.5, 10.5))).toBeNull();
    expect(GridIndex.build([]).locate(118, 27)).toBeNull();
  });

  it("puts a point on an edge shared by two grids in exactly one of them, the same every time", () => {
    // A's east edge is B1's west edge (x = 2); H's edges are A's hole's.
    for (const [x, y] of [
      [2, 0.5],
      [2, 1.5],
      [1.5, 1],
      [0.5, 1],
      [3, 1],
    ]) {
      const hit = index.locate(...at(x, y));
      expect(hit).not.toBeNull();
      expect(index.locate(...at(x, y))).toEqual(hit);
    }
    expect(["A", "B1"]).toContain(index.locate(...at(2, 0.5))?.gridID);
    expect(["A", "H"]).toContain(index.locate(...at(1.5, 1))?.gridID);
  });

  it("answers at the corners of the district's box and not for NaN", () => {
    expect(index.locate(...at(0, 0))?.gridID).toMatch(/^(A|T)$/);
    expect(index.locate(...at(11, 11))).toBeNull(); // only the dedicated "Far" there
    expect(index.locate(Number.NaN, 27)).toBeNull();
    expect(index.locate(118, Number.NaN)).toBeNull();
  });

  it("rebuilt from its parts (a snapshot's), gives the same answers", () => {
    const rebuilt = GridIndex.fromParts(index.parts());
    const random = mulberry32(8);
    for (let i = 0; i < 2000; i++) {
      const [lon, lat] = at(-0.5 + 12 * random(), -0.5 + 12 * random());
      expect(rebuilt.locate(lon, lat)).toEqual(index.locate(lon, lat));
    }
    expect(GridIndex.fromParts(GridIndex.build([]).parts()).locate(118, 27)).toBeNull();
  });

  it("refuses parts that do not fit together, rather than read outside them", () => {
    const parts = index.parts();
    expect(() => GridIndex.fromParts({ ...parts, gridIDs: parts.gridIDs.slice(1) })).toThrow(/do not fit/);
    expect(() => GridIndex.fromParts({ ...parts, coords: parts.coords.subarray(2) })).toThrow(/do not fit/);
    expect(() => GridIndex.fromParts({ ...parts, cellGrids: parts.cellGrids.map(() => 99) })).toThrow(/do not fit/);
    expect(() => GridIndex.fromParts({ ...parts, cellStarts: parts.cellStarts.subarray(1) })).toThrow(/do not fit/);
  });

  it("agrees with the naive scan", () => {
    const random = mulberry32(7);
    for (let i = 0; i < 2000; i++) {
      const [lon, lat] = at(-0.5 + 5 * random(), -0.5 + 3 * random());
      expect(index.locate(lon, lat)).toEqual(locateNaive(small, lon, lat));
    }
  });
});

describe("GridIndex over Jianyang's 3,861 grids", () => {
  const features = generateJianyangGrids().features;
  const grids: LocatableGrid[] = features.map((f) => ({ gridID: f.properties.code, level: f.properties.tier, boundary: f.geometry }));
  // The reference is locateNaive over the grids whose bounding box holds the point (in their
  // order): turf can only say "inside" for those, so the answer is the same, ~20× sooner.
  const boxes = grids.map((g) => bboxOf(g.boundary));
  const reference = (lon: number, lat: number) =>
    locateNaive(
      grids.filter((_, i) => boxes[i][0] <= lon && lon <= boxes[i][2] && boxes[i][1] <= lat && lat <= boxes[i][3]),
      lon,
      lat,
    );
  const tierOf = new Map(features.map((f) => [f.properties.code, f.properties.tier]));
  const index = GridIndex.build(grids);

  it("agrees with locateNaive on 20,000 random points, inside and outside the district", () => {
    expect(index.size).toBe(3861);
    const [minX, minY, maxX, maxY] = bboxOf(jianyangOutline());
    const padX = 0.05 * (maxX - minX);
    const padY = 0.05 * (maxY - minY);
    const random = mulberry32(2024);
    let outside = 0;
    for (let i = 0; i < 20_000; i++) {
      const lon = minX - padX + (maxX - minX + 2 * padX) * random();
      const lat = minY - padY + (maxY - minY + 2 * padY) * random();
      const fast = index.locate(lon, lat);
      const naive = i < 300 ? locateNaive(grids, lon, lat) : reference(lon, lat);
      if (JSON.stringify(fast) !== JSON.stringify(naive)) {
        expect({ lon, lat, fast }).toEqual({ lon, lat, fast: naive });
      }
      if (fast === null) outside++;
      else {
        // Every point of the district is in some third-level grid, and that is the answer.
        if (tierOf.get(fast.gridID) !== 3) expect({ lon, lat, tier: tierOf.get(fast.gridID) }).toEqual({ lon, lat, tier: 3 });
      }
    }
    expect(outside).toBeGreaterThan(2_000); // the box is larger than the (irregular) outline
    expect(outside).toBeLessThan(12_000);
  });

  it("finds each dedicated grid and the third-level grid around it", () => {
    const dedicated = features.filter((f) => f.properties.tier === null);
    expect(dedicated).toHaveLength(67);
    for (const grid of dedicated) {
      const ring = (grid.geometry as Polygon).coordinates[0].slice(0, -1);
      const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length;
      const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
      expect(index.locate(lon, lat)).toEqual({ gridID: grid.properties.parentCode, dedicated: [grid.properties.code] });
    }
  });
});
