/**
 * Clipping grid boundaries: what sticks out of a parent, what two shapes share, unions, and the
 * drawing rule "seamless coverage — no gaps, no overlaps" (无缝覆盖). turf (polyclip-ts
 * underneath) does the clipping; pieces below the tolerance (`geometry.ts`) are slivers of
 * floating point, not gaps or overlaps someone drew.
 *
 * Loaded on first use (`await import("./clipping.ts")`) by what checks a grid's shape: it is
 * most of the geometry's code, and a ticket's path (locating a report) never needs it.
 */
import { difference } from "@turf/difference";
import { feature, featureCollection } from "@turf/helpers";
import { intersect } from "@turf/intersect";
import { union } from "@turf/union";
import Flatbush from "flatbush";
import type { Feature, Polygon, Position } from "geojson";
import { areaSquareMetres, type BBox, type Boundary, bboxOf, polygonsOf, tolerance } from "./geometry.ts";

export interface PieceOfGeometry {
  /** Area in square metres, 0 when nothing above the tolerance remains. */
  areaM2: number;
  /** What remains above the tolerance, or null. */
  geometry: Boundary | null;
}

/** The part of `child` outside `parent`; `{0, null}` when that is below the tolerance. */
export function outsideOf(child: Boundary, parent: Boundary): PieceOfGeometry {
  const result = difference(featureCollection([asFeature(child), asFeature(parent)]));
  return significant(result?.geometry ?? null, tolerance(areaSquareMetres(child)));
}

/** The part shared by `a` and `b`; `{0, null}` when that is below the tolerance. */
export function overlapOf(a: Boundary, b: Boundary): PieceOfGeometry {
  return overlapWithin(a, b, tolerance(Math.min(areaSquareMetres(a), areaSquareMetres(b))));
}

function overlapWithin(a: Boundary, b: Boundary, minArea: number): PieceOfGeometry {
  const result = intersect(featureCollection([asFeature(a), asFeature(b)]));
  return significant(result?.geometry ?? null, minArea);
}

/** The union of `boundaries` (e.g. siblings being merged); throws on an empty list. */
export function unionOf(boundaries: Boundary[]): Boundary {
  if (boundaries.length === 0) throw new Error("unionOf needs at least one boundary");
  if (boundaries.length === 1) return boundaries[0];
  const result = union(featureCollection(boundaries.map(asFeature)));
  if (!result) throw new Error("the union of the boundaries is empty");
  return result.geometry;
}

// ---------------------------------------------------------------------------------------------
// Coverage: does a set of children tile their parent? (无缝覆盖)
// ---------------------------------------------------------------------------------------------

export interface CoverageChild {
  gridID: string;
  code: string;
  boundary: Boundary;
}

export interface CoverageReport {
  /** True when nothing sticks out, nothing overlaps and nothing is missing (above tolerance). */
  ok: boolean;
  /** Children that stick out of the parent, with the part outside. */
  outside: { gridID: string; code: string; areaM2: number; geometry: Boundary }[];
  /** Pairs of siblings that overlap, with the shared part. */
  overlaps: { a: { gridID: string; code: string }; b: { gridID: string; code: string }; areaM2: number; geometry: Boundary }[];
  /** Parts of the parent that no child covers, one entry per separate piece. */
  gaps: { areaM2: number; geometry: Polygon }[];
  parentAreaM2: number;
  childrenAreaM2: number;
}

/**
 * Checks that `children` cover `parent` exactly: reports children sticking out, overlapping
 * sibling pairs (candidates found by bounding boxes, not by trying every pair) and the gaps.
 */
export function coverage(parent: Boundary, children: CoverageChild[]): CoverageReport {
  const parentAreaM2 = areaSquareMetres(parent);
  const childAreas = children.map((child) => areaSquareMetres(child.boundary));
  const childrenAreaM2 = childAreas.reduce((sum, a) => sum + a, 0);

  const outside: CoverageReport["outside"] = [];
  const overlaps: CoverageReport["overlaps"] = [];
  const gaps: CoverageReport["gaps"] = [];

  if (children.length === 0) {
    for (const piece of polygonsOf(parent)) {
      if (sliverArea(piece) >= tolerance(parentAreaM2)) gaps.push({ areaM2: areaSquareMetres(piece), geometry: piece });
    }
    return { ok: gaps.length === 0, outside, overlaps, gaps, parentAreaM2, childrenAreaM2 };
  }

  const all = unionOf(children.map((child) => child.boundary));

  // Outside: one difference for everyone first; only when something sticks out, find who.
  const anyOutside = difference(featureCollection([asFeature(all), asFeature(parent)]));
  if (anyOutside) {
    const minChildArea = Math.min(...childAreas);
    const pieces = polygonsOf(anyOutside.geometry).filter((p) => sliverArea(p) >= tolerance(minChildArea));
    if (pieces.length > 0) {
      const boxes = pieces.map(bboxOf);
      for (const child of children) {
        const box = bboxOf(child.boundary);
        if (!boxes.some((b) => boxesTouch(b, box))) continue;
        const out = outsideOf(child.boundary, parent);
        if (out.geometry) outside.push({ gridID: child.gridID, code: child.code, areaM2: out.areaM2, geometry: out.geometry });
      }
    }
  }

  // Overlaps: sibling pairs whose bounding boxes touch.
  const boxes = children.map((child) => bboxOf(child.boundary));
  const index = new Flatbush(children.length);
  for (const [minX, minY, maxX, maxY] of boxes) index.add(minX, minY, maxX, maxY);
  index.finish();
  for (let i = 0; i < children.length; i++) {
    const [minX, minY, maxX, maxY] = boxes[i];
    const candidates = index
      .search(minX, minY, maxX, maxY)
      .filter((j) => j > i)
      .sort((x, y) => x - y);
    for (const j of candidates) {
      const shared = overlapWithin(children[i].boundary, children[j].boundary, tolerance(Math.min(childAreas[i], childAreas[j])));
      if (shared.geometry) {
        overlaps.push({
          a: { gridID: children[i].gridID, code: children[i].code },
          b: { gridID: children[j].gridID, code: children[j].code },
          areaM2: shared.areaM2,
          geometry: shared.geometry,
        });
      }
    }
  }

  // Gaps: the parent minus the union of the children, piece by piece.
  const missing = difference(featureCollection([asFeature(parent), asFeature(all)]));
  if (missing) {
    const minArea = tolerance(parentAreaM2);
    for (const piece of polygonsOf(missing.geometry)) {
      if (sliverArea(piece) >= minArea) gaps.push({ areaM2: areaSquareMetres(piece), geometry: piece });
    }
  }

  const ok = outside.length === 0 && overlaps.length === 0 && gaps.length === 0;
  return { ok, outside, overlaps, gaps, parentAreaM2, childrenAreaM2 };
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** Keeps the pieces of `geometry` at or above `minArea`. */
function significant(geometry: Boundary | null, minArea: number): PieceOfGeometry {
  if (!geometry) return { areaM2: 0, geometry: null };
  const kept: Position[][][] = [];
  let areaM2 = 0;
  for (const piece of polygonsOf(geometry)) {
    if (sliverArea(piece) >= minArea) {
      kept.push(piece.coordinates);
      areaM2 += areaSquareMetres(piece);
    }
  }
  if (kept.length === 0) return { areaM2: 0, geometry: null };
  if (kept.length === 1) return { areaM2, geometry: { type: "Polygon", coordinates: kept[0] } };
  return { areaM2, geometry: { type: "MultiPolygon", coordinates: kept } };
}

/**
 * Planar area (m²) of a polygon in a local equirectangular frame centred on it: what decides
 * whether a piece is a sliver (see `tolerance`). Holes are subtracted.
 */
function sliverArea(polygon: Polygon): number {
  const outer = polygon.coordinates[0];
  let lat0 = 0;
  for (const p of outer) lat0 += p[1];
  lat0 /= outer.length;
  const metresPerDegree = (EarthRadius * Math.PI) / 180;
  const kx = metresPerDegree * Math.cos((lat0 * Math.PI) / 180);
  const ky = metresPerDegree;
  const x0 = outer[0][0];
  const y0 = outer[0][1];
  let total = 0;
  polygon.coordinates.forEach((ring, r) => {
    let sum = 0;
    for (let i = 1; i < ring.length; i++) {
      const xa = (ring[i - 1][0] - x0) * kx;
      const ya = (ring[i - 1][1] - y0) * ky;
      const xb = (ring[i][0] - x0) * kx;
      const yb = (ring[i][1] - y0) * ky;
      sum += xa * yb - xb * ya;
    }
    total += r === 0 ? Math.abs(sum / 2) : -Math.abs(sum / 2);
  });
  return Math.max(0, total);
}

/** The mean Earth radius turf uses (m). */
const EarthRadius = 6_371_008.8;

function asFeature(boundary: Boundary): Feature<Boundary> {
  return feature(boundary);
}

function boxesTouch(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
