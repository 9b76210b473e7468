/**
 * Which grid is this point in? The hot path of every ticket: a report with a location is
 * dispatched to the finest regular grid containing it, and to any dedicated grid (专属网格:
 * a school, a hospital…) containing it.
 */
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import Flatbush from "flatbush";
import type { Boundary } from "./geometry.ts";

export interface LocatableGrid {
  gridID: string;
  /** The tier (1 = first level); null for a dedicated grid (专属网格), outside the regular tree. */
  level: number | null;
  boundary: Boundary;
}

export interface Location {
  /** The finest regular grid (highest level) containing the point. */
  gridID: string;
  /** The dedicated grids containing the point, in the order the grids were given. */
  dedicated: string[];
}

/**
 * A point-location index over a district's grids: one flatbush R-tree over the polygons'
 * bounding boxes, then an even-odd ray cast over flat Float64Arrays for the candidates (holes
 * and MultiPolygons handled: every ring of a grid is crossed in turn). Candidates are tried from
 * the finest level down, so a point in a third-level grid costs no test of its ancestors.
 *
 * A point exactly on an edge shared by two grids goes to one of them (the ray cast's half-open
 * rule), where turf would count it in both.
 */
export class GridIndex {
  private readonly gridIDs: string[];
  /** Per grid: its sort key, the level, or -Infinity for a dedicated grid. */
  private readonly levels: Float64Array;
  private readonly dedicatedFlags: Uint8Array;
  /** Per grid g: its rings are gridRings[g] .. gridRings[g + 1] - 1. */
  private readonly gridRings: Uint32Array;
  /** Per ring r: its positions are ringStarts[r] .. ringStarts[r + 1] - 1 (closed: last = first). */
  private readonly ringStarts: Uint32Array;
  /** x0, y0, x1, y1, … for every position of every ring. */
  private readonly coords: Float64Array;
  private readonly tree: Flatbush | null;
  /** Candidates of the current lookup (reused; lookups are synchronous). */
  private candidates: Int32Array;
  private candidateCount = 0;
  private readonly collect = (index: number): boolean => {
    if (this.candidateCount === this.candidates.length) {
      const grown = new Int32Array(this.candidates.length * 2);
      grown.set(this.candidates);
      this.candidates = grown;
    }
    this.candidates[this.candidateCount++] = index;
    return false;
  };

  private constructor(grids: LocatableGrid[]) {
    const n = grids.length;
    this.gridIDs = grids.map((g) => g.gridID);
    this.levels = new Float64Array(n);
    this.dedicatedFlags = new Uint8Array(n);

    let ringCount = 0;
    let positionCount = 0;
    for (const grid of grids) {
      for (const polygon of polygonsOf(grid.boundary)) {
        ringCount += polygon.length;
        for (const ring of polygon) positionCount += ring.length;
      }
    }
    this.gridRings = new Uint32Array(n + 1);
    this.ringStarts = new Uint32Array(ringCount + 1);
    this.coords = new Float64Array(positionCount * 2);
    this.tree = n > 0 ? new Flatbush(n) : null;
    this.candidates = new Int32Array(64);

    let r = 0;
    let p = 0;
    for (let g = 0; g < n; g++) {
      const grid = grids[g];
      this.levels[g] = grid.level === null ? Number.NEGATIVE_INFINITY : grid.level;
      this.dedicatedFlags[g] = grid.level === null ? 1 : 0;
      this.gridRings[g] = r;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const polygon of polygonsOf(grid.boundary)) {
        for (const ring of polygon) {
          this.ringStarts[r++] = p;
          for (const position of ring) {
            const x = position[0];
            const y = position[1];
            this.coords[2 * p] = x;
            this.coords[2 * p + 1] = y;
            p++;
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
          }
        }
      }
      this.tree!.add(minX, minY, maxX, maxY);
    }
    this.gridRings[n] = r;
    this.ringStarts[r] = p;
    this.tree?.finish();
  }

  static build(grids: LocatableGrid[]): GridIndex {
    return new GridIndex(grids);
  }

  get size(): number {
    return this.gridIDs.length;
  }

  /** The finest regular grid containing the point and the dedicated ones; null outside every regular grid. */
  locate(lon: number, lat: number): Location | null {
    if (!this.tree) return null;
    this.candidateCount = 0;
    this.tree.search(lon, lat, lon, lat, this.collect);
    const count = this.candidateCount;
    if (count === 0) return null;
    const candidates = this.candidates;
    const levels = this.levels;

    // Finest level first, then dedicated grids; ties in the order given (insertion sort: few).
    for (let i = 1; i < count; i++) {
      const c = candidates[i];
      const level = levels[c];
      let j = i - 1;
      while (j >= 0 && (levels[candidates[j]] < level || (levels[candidates[j]] === level && candidates[j] > c))) {
        candidates[j + 1] = candidates[j];
        j--;
      }
      candidates[j + 1] = c;
    }

    let found = -1;
    let dedicated: string[] | null = null;
    for (let i = 0; i < count; i++) {
      const g = candidates[i];
      if (this.dedicatedFlags[g] === 1) {
        if (this.contains(g, lon, lat)) {
          dedicated ??= [];
          dedicated.push(this.gridIDs[g]);
        }
      } else if (found < 0 && this.contains(g, lon, lat)) {
        found = g;
      }
    }
    if (found < 0) return null;
    return { gridID: this.gridIDs[found], dedicated: dedicated ?? [] };
  }

  /** Even-odd ray cast over every ring of grid g. */
  private contains(g: number, x: number, y: number): boolean {
    const coords = this.coords;
    const ringStarts = this.ringStarts;
    let inside = false;
    for (let r = this.gridRings[g], end = this.gridRings[g + 1]; r < end; r++) {
      const first = ringStarts[r];
      const last = ringStarts[r + 1] - 1;
      let xj = coords[2 * last];
      let yj = coords[2 * last + 1];
      for (let i = first; i <= last; i++) {
        const xi = coords[2 * i];
        const yi = coords[2 * i + 1];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
        xj = xi;
        yj = yi;
      }
    }
    return inside;
  }
}

/**
 * The same answer as `GridIndex.locate`, by testing every grid with
 * @turf/boolean-point-in-polygon: the baseline for tests and benchmarks.
 */
export function locateNaive(grids: LocatableGrid[], lon: number, lat: number): Location | null {
  const point = [lon, lat];
  let best: LocatableGrid | null = null;
  const dedicated: string[] = [];
  for (const grid of grids) {
    if (!booleanPointInPolygon(point, grid.boundary)) continue;
    if (grid.level === null) dedicated.push(grid.gridID);
    else if (!best || grid.level > best.level!) best = grid;
  }
  return best ? { gridID: best.gridID, dedicated } : null;
}

function polygonsOf(boundary: Boundary): number[][][][] {
  return boundary.type === "Polygon" ? [boundary.coordinates] : boundary.coordinates;
}
