/**
 * Pure geometry for grid boundaries (网格边界): validation, areas, and the checks behind the
 * drawing rule "seamless coverage — no gaps, no overlaps" (无缝覆盖).
 *
 * Boundaries are WGS84 GeoJSON Polygons or MultiPolygons, [longitude, latitude]; areas are
 * turf's spherical areas in square metres. Clipping (what sticks out, overlaps, unions, coverage)
 * is in `clipping.ts`, loaded when a grid's shape is checked: a ticket's path never needs it.
 */
import { area as turfArea } from "@turf/area";
import { bbox as turfBbox } from "@turf/bbox";
import Flatbush from "flatbush";
import type { MultiPolygon, Polygon, Position } from "geojson";

/** A grid's boundary: one polygon (holes allowed) or several disjoint ones. */
export type Boundary = Polygon | MultiPolygon;

export type BBox = [minX: number, minY: number, maxX: number, maxY: number];

export interface GeometryProblem {
  /** Where in the input, e.g. `coordinates[0][3]`; `type` or `coordinates` when it is general. */
  path: string;
  message: string;
}

/** The most positions a boundary may have (all rings together). */
export const MaxPositions = 20_000;

/** Problems beyond this many are summarised in one last entry rather than listed. */
const MaxProblems = 20;

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/**
 * Checks that `input` is a usable grid boundary and says what is wrong when it is not.
 * Structure and ranges are checked first; self-intersection (`firstCrossing`: a spatial index
 * over the edges, stopping at the first crossing) only when the structure is sound.
 */
export function validateBoundary(input: unknown): { ok: true; boundary: Boundary } | { ok: false; problems: GeometryProblem[] } {
  const problems: GeometryProblem[] = [];
  const fail = () => ({ ok: false as const, problems: capped(problems) });

  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    problems.push({ path: "", message: "expected a GeoJSON Polygon or MultiPolygon object" });
    return fail();
  }
  const geometry = input as { type?: unknown; coordinates?: unknown; geometry?: unknown };
  if (geometry.type === "Feature") {
    problems.push({
      path: "type",
      message: "expected a GeoJSON geometry (Polygon or MultiPolygon), got a Feature: pass its geometry",
    });
    return fail();
  }
  if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") {
    problems.push({
      path: "type",
      message: `type must be "Polygon" or "MultiPolygon", got ${describe(geometry.type)}`,
    });
    return fail();
  }
  if (!Array.isArray(geometry.coordinates)) {
    problems.push({ path: "coordinates", message: "coordinates must be an array" });
    return fail();
  }

  const polygons: unknown[] = geometry.type === "Polygon" ? [geometry.coordinates] : (geometry.coordinates as unknown[]);
  const polygonPath = (p: number) => (geometry.type === "Polygon" ? "coordinates" : `coordinates[${p}]`);
  if (polygons.length === 0) {
    problems.push({ path: "coordinates", message: "a MultiPolygon needs at least one polygon" });
    return fail();
  }

  let positions = 0;
  for (let p = 0; p < polygons.length; p++) {
    const rings = polygons[p];
    const path = polygonPath(p);
    if (!Array.isArray(rings) || rings.length === 0) {
      problems.push({ path, message: "a polygon must be an array of at least one linear ring" });
      continue;
    }
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r];
      const ringPath = `${path}[${r}]`;
      if (!Array.isArray(ring)) {
        problems.push({ path: ringPath, message: "a linear ring must be an array of positions" });
        continue;
      }
      positions += ring.length;
      let ringSound = true;
      for (let i = 0; i < ring.length; i++) {
        const problem = checkPosition(ring[i]);
        if (problem) {
          problems.push({ path: `${ringPath}[${i}]`, message: problem });
          ringSound = false;
        }
      }
      if (ring.length < 4) {
        problems.push({
          path: ringPath,
          message: `a linear ring needs at least 4 positions (first and last the same), got ${ring.length}`,
        });
      } else if (ringSound) {
        const first = ring[0] as number[];
        const last = ring[ring.length - 1] as number[];
        if (first[0] !== last[0] || first[1] !== last[1]) {
          problems.push({
            path: ringPath,
            message: `ring not closed: the first position [${first[0]}, ${first[1]}] must equal the last [${last[0]}, ${last[1]}]`,
          });
        }
      }
    }
  }
  if (positions > MaxPositions) {
    problems.push({
      path: "coordinates",
      message: `too many positions: ${positions} (at most ${MaxPositions}); simplify the boundary`,
    });
  }
  if (problems.length > 0) return fail();

  const boundary = geometry as Boundary;
  const crossing = firstCrossing(boundary);
  if (crossing === "too_complex") {
    problems.push({
      path: "coordinates",
      message: `too complex to check (more than ${MaxSegmentPairs.toLocaleString("en")} pairs of edges lie close together); simplify the boundary`,
    });
    return fail();
  }
  if (crossing) {
    problems.push({
      path: "coordinates",
      message: `self-intersects near ${formatCoordinate(crossing[0])}, ${formatCoordinate(crossing[1])}`,
    });
    return fail();
  }
  return { ok: true, boundary };
}

/**
 * The most pairs of edges whose boxes overlap that one check looks at: a boundary drawn so that
 * thousands of long edges lie over each other without crossing is refused rather than checked
 * for seconds (real boundaries, even at 20,000 positions, stay far below it).
 */
export const MaxSegmentPairs = 2_000_000;

/**
 * Where the boundary first crosses or touches itself, if it does: two edges that meet, other
 * than neighbours on one ring (which share a corner). The edges go into a spatial index
 * (flatbush, a packed R-tree) and only edges whose boxes overlap are compared, stopping at the
 * first that meet — O(n log n) for real boundaries, where turf's kinks compared every pair and
 * listed every crossing (a self-crossing star of 1,000 points has about 250,000). As kinks did,
 * parallel edges are not compared (a ring folding back over itself is caught by its area checks).
 */
function firstCrossing(boundary: Boundary): Position | "too_complex" | undefined {
  const rings: Position[][] = boundary.type === "Polygon" ? boundary.coordinates : boundary.coordinates.flat();
  const edges: { ring: number; index: number; a: Position; b: Position }[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i < ring.length - 1; i++) edges.push({ ring: r, index: i, a: ring[i], b: ring[i + 1] });
  });
  const index = new Flatbush(edges.length);
  for (const { a, b } of edges) index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
  index.finish();
  const neighbours = (e: (typeof edges)[number], f: (typeof edges)[number]) => {
    if (e.ring !== f.ring) return false;
    const last = rings[e.ring].length - 2;
    const gap = Math.abs(e.index - f.index);
    return gap === 1 || gap === last;
  };
  let pairs = 0;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    let found: Position | undefined;
    let over = false;
    index.search(Math.min(e.a[0], e.b[0]), Math.min(e.a[1], e.b[1]), Math.max(e.a[0], e.b[0]), Math.max(e.a[1], e.b[1]), (j) => {
      if (found || over || j <= i) return false;
      if (++pairs > MaxSegmentPairs) {
        over = true;
        return false;
      }
      const f = edges[j];
      if (!neighbours(e, f)) found = meeting(e.a, e.b, f.a, f.b);
      return false;
    });
    if (found) return found;
    if (over) return "too_complex";
  }
  return undefined;
}

/** Where the edges a–b and c–d meet (their ends included), or undefined; parallel edges never do. */
function meeting(a: Position, b: Position, c: Position, d: Position): Position | undefined {
  const denominator = (d[1] - c[1]) * (b[0] - a[0]) - (d[0] - c[0]) * (b[1] - a[1]);
  if (denominator === 0) return undefined;
  const dy = a[1] - c[1];
  const dx = a[0] - c[0];
  const along1 = ((d[0] - c[0]) * dy - (d[1] - c[1]) * dx) / denominator;
  const along2 = ((b[0] - a[0]) * dy - (b[1] - a[1]) * dx) / denominator;
  if (along1 < 0 || along1 > 1 || along2 < 0 || along2 > 1) return undefined;
  return [a[0] + along1 * (b[0] - a[0]), a[1] + along1 * (b[1] - a[1])];
}

function checkPosition(position: unknown): string | null {
  if (!Array.isArray(position) || position.length < 2 || position.length > 3) {
    return "a position must be [longitude, latitude]";
  }
  for (const value of position) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      return `coordinates must be finite numbers, got ${describe(value)}`;
    }
  }
  const [lon, lat] = position as number[];
  if (Math.abs(lon) <= 90 && Math.abs(lat) > 90 && Math.abs(lat) <= 180) {
    return `coordinates look like [lat, lon]: GeoJSON wants [longitude, latitude] (got [${lon}, ${lat}])`;
  }
  if (lon < -180 || lon > 180) return `longitude ${lon} is out of range [-180, 180]`;
  if (lat < -90 || lat > 90) return `latitude ${lat} is out of range [-90, 90]`;
  return null;
}

function capped(problems: GeometryProblem[]): GeometryProblem[] {
  if (problems.length <= MaxProblems) return problems;
  return [...problems.slice(0, MaxProblems), { path: "coordinates", message: `and ${problems.length - MaxProblems} more problems` }];
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return String(value);
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

function formatCoordinate(value: number): string {
  return String(Number(value.toFixed(6)));
}

// ---------------------------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------------------------

/** Area on the sphere (turf's WGS84 mean radius), in square metres. */
export function areaSquareMetres(boundary: Boundary): number {
  return turfArea(boundary);
}

/** [minLongitude, minLatitude, maxLongitude, maxLatitude]. */
export function bboxOf(boundary: Boundary): BBox {
  const [minX, minY, maxX, maxY] = turfBbox(boundary);
  return [minX, minY, maxX, maxY];
}

/**
 * The smallest area that counts when comparing boundaries: `max(1 m², 1e-7 × areaM2)`, where
 * `areaM2` is the area of the shape the piece is judged against: the child for "outside", the
 * smaller of the two for an overlap, the parent for gaps.
 *
 * Clipping in floating point leaves slivers along shared edges, micrometres wide. The floor of
 * 1 m² keeps them out; the relative term (300 m² for a 3,000 km² district, 0.1 m² — so 1 m² —
 * for a 1 km² third-level grid) forgives coordinates rounded to ~6 decimals on long edges of
 * large grids. Anything at or above the tolerance is a real gap or overlap that someone drew.
 *
 * Pieces are compared with the tolerance by their planar area in a local metric frame
 * (`sliverArea`), not by turf's area: turf measures edges as straight lines in an equal-area
 * cylindrical projection, so a zero-width sliver along a 2 km edge (three points collinear in
 * longitude/latitude) measures ~5 m² there, ~1e-7 m² in the plane. Reported areas are turf's.
 */
export function tolerance(areaM2: number): number {
  return Math.max(1, 1e-7 * areaM2);
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** The separate polygons of a boundary. */
export function polygonsOf(boundary: Boundary): Polygon[] {
  if (boundary.type === "Polygon") return [boundary];
  return boundary.coordinates.map((coordinates) => ({ type: "Polygon", coordinates }));
}
