/**
 * Which grid is this point in? The hot path of every ticket: a report with a location is
 * dispatched to the finest regular grid containing it, and to any dedicated grid (专属网格:
 * a school, a hospital…) containing it.
 */
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
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
 * What a {@link GridIndex} is made of, as typed arrays: what a packed snapshot of it holds
 * (grid/snapshot.ts), so that a cold process rebuilds it without re-reading the grids or
 * re-indexing them.
 */
export interface GridIndexParts {
  gridIDs: string[];
  /** Per grid: its level, or -Infinity for a dedicated grid. */
  levels: Float64Array;
  /** Per grid g: its bounding box, minX, minY, maxX, maxY at 4g .. 4g + 3. */
  boxes: Float64Array;
  /** Per grid g: its rings are gridRings[g] .. gridRings[g + 1] - 1 (n + 1 entries). */
  gridRings: Uint32Array;
  /** Per ring r: its positions are ringStarts[r] .. ringStarts[r + 1] - 1 (closed: last = first). */
  ringStarts: Uint32Array;
  /** x0, y0, x1, y1, … for every position of every ring. */
  coords: Float64Array;
  /** The cells: the grids' overall box (minX, minY, maxX, maxY), then columns and rows. */
  cellFrame: Float64Array;
  /** Per cell c (row-major): its grids are cellGrids[cellStarts[c]] .. cellGrids[cellStarts[c + 1] - 1]. */
  cellStarts: Uint32Array;
  /** Each cell's grids (those whose box meets the cell), finest level first, dedicated grids last, ties in the order given. */
  cellGrids: Uint32Array;
}

/** The empty list of dedicated grids most answers carry (frozen: shared by them). */
const NoDedicated: string[] = Object.freeze([]) as unknown as string[];

/** About this many cells per grid: a point's cell holds a few grids' boxes, and the cells stay small. */
const CellsPerGrid = 4;

/**
 * A point-location index over a district's grids: a uniform lattice of cells over the grids'
 * overall box, each cell listing the grids whose bounding box meets it, finest level first;
 * then an even-odd ray cast over flat Float64Arrays (holes and MultiPolygons handled: every
 * ring of a grid is crossed in turn). A lookup finds its cell by arithmetic, tests the boxes
 * of the cell's few grids and casts a ray through the finest first, so a point in a third-level
 * grid costs no test of its ancestors. It allocates nothing but its answer.
 *
 * (It was a flatbush R-tree over the boxes: its walk from the root, a few nodes of 16 boxes a
 * level, cost three quarters of a lookup; a district's grids are spread evenly enough for cells.
 * Were they not, a cell would hold more boxes and a lookup would slow down, never go wrong.)
 *
 * A point exactly on an edge shared by two grids goes to one of them (the ray cast's half-open
 * rule), where turf would count it in both.
 */
export class GridIndex {
  private readonly gridIDs: string[];
  private readonly levels: Float64Array;
  private readonly boxes: Float64Array;
  private readonly gridRings: Uint32Array;
  private readonly ringStarts: Uint32Array;
  private readonly coords: Float64Array;
  private readonly cellFrame: Float64Array;
  private readonly cellStarts: Uint32Array;
  private readonly cellGrids: Uint32Array;
  private readonly minX: number;
  private readonly minY: number;
  private readonly maxX: number;
  private readonly maxY: number;
  private readonly columns: number;
  private readonly rows: number;
  private readonly scaleX: number;
  private readonly scaleY: number;

  private constructor(parts: GridIndexParts) {
    this.gridIDs = parts.gridIDs;
    this.levels = parts.levels;
    this.boxes = parts.boxes;
    this.gridRings = parts.gridRings;
    this.ringStarts = parts.ringStarts;
    this.coords = parts.coords;
    this.cellFrame = parts.cellFrame;
    this.cellStarts = parts.cellStarts;
    this.cellGrids = parts.cellGrids;
    [this.minX, this.minY, this.maxX, this.maxY, this.columns, this.rows] = parts.cellFrame;
    this.scaleX = scaleOf(this.minX, this.maxX, this.columns);
    this.scaleY = scaleOf(this.minY, this.maxY, this.rows);
  }

  static build(grids: LocatableGrid[]): GridIndex {
    const n = grids.length;
    let ringCount = 0;
    let positionCount = 0;
    for (const grid of grids) {
      for (const polygon of polygonsOf(grid.boundary)) {
        ringCount += polygon.length;
        for (const ring of polygon) positionCount += ring.length;
      }
    }
    const levels = new Float64Array(n);
    const boxes = new Float64Array(4 * n);
    const gridRings = new Uint32Array(n + 1);
    const ringStarts = new Uint32Array(ringCount + 1);
    const coords = new Float64Array(positionCount * 2);
    let allMinX = Infinity;
    let allMinY = Infinity;
    let allMaxX = -Infinity;
    let allMaxY = -Infinity;

    let r = 0;
    let p = 0;
    for (let g = 0; g < n; g++) {
      const grid = grids[g];
      levels[g] = grid.level === null ? Number.NEGATIVE_INFINITY : grid.level;
      gridRings[g] = r;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const polygon of polygonsOf(grid.boundary)) {
        for (const ring of polygon) {
          ringStarts[r++] = p;
          for (const position of ring) {
            const x = position[0];
            const y = position[1];
            coords[2 * p] = x;
            coords[2 * p + 1] = y;
            p++;
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
          }
        }
      }
      boxes.set([minX, minY, maxX, maxY], 4 * g);
      if (minX < allMinX) allMinX = minX;
      if (minY < allMinY) allMinY = minY;
      if (maxX > allMaxX) allMaxX = maxX;
      if (maxY > allMaxY) allMaxY = maxY;
    }
    gridRings[n] = r;
    ringStarts[r] = p;

    // The lattice: about CellsPerGrid cells a grid, as square as the overall box allows.
    const width = allMaxX - allMinX;
    const height = allMaxY - allMinY;
    const cells = Math.max(1, CellsPerGrid * n);
    const aspect = width > 0 && height > 0 ? width / height : 1;
    const columns = n === 0 ? 0 : Math.min(4096, Math.max(1, Math.round(Math.sqrt(cells * aspect))));
    const rows = n === 0 ? 0 : Math.min(4096, Math.max(1, Math.round(cells / columns)));
    const cellFrame = Float64Array.of(allMinX, allMinY, allMaxX, allMaxY, columns, rows);
    const scaleX = scaleOf(allMinX, allMaxX, columns);
    const scaleY = scaleOf(allMinY, allMaxY, rows);

    // Finest level first, dedicated grids last, ties in the order given: each cell's list in that order.
    const order = Array.from({ length: n }, (_, g) => g).sort((a, b) => levels[b] - levels[a] || a - b);
    const cellStarts = new Uint32Array(columns * rows + 1);
    const spans = (g: number) => {
      const x0 = cellOf(boxes[4 * g], allMinX, scaleX, columns);
      const y0 = cellOf(boxes[4 * g + 1], allMinY, scaleY, rows);
      const x1 = cellOf(boxes[4 * g + 2], allMinX, scaleX, columns);
      const y1 = cellOf(boxes[4 * g + 3], allMinY, scaleY, rows);
      return [x0, y0, x1, y1];
    };
    for (let g = 0; g < n; g++) {
      const [x0, y0, x1, y1] = spans(g);
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) cellStarts[y * columns + x + 1]++;
    }
    for (let c = 0; c < columns * rows; c++) cellStarts[c + 1] += cellStarts[c];
    const cellGrids = new Uint32Array(cellStarts[columns * rows]);
    const filled = cellStarts.slice(0, columns * rows);
    for (const g of order) {
      const [x0, y0, x1, y1] = spans(g);
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) cellGrids[filled[y * columns + x]++] = g;
    }
    return new GridIndex({
      gridIDs: grids.map((g) => g.gridID),
      levels,
      boxes,
      gridRings,
      ringStarts,
      coords,
      cellFrame,
      cellStarts,
      cellGrids,
    });
  }

  /**
   * An index from its parts (a snapshot's), as {@link parts} gave them: nothing re-indexed.
   * Throws on parts that do not fit together (a lookup could read outside them).
   */
  static fromParts(parts: GridIndexParts): GridIndex {
    const n = parts.gridIDs.length;
    const rings = parts.ringStarts.length - 1;
    const [, , , , columns, rows] = parts.cellFrame;
    const cells = columns * rows;
    const fits =
      parts.levels.length === n &&
      parts.boxes.length === 4 * n &&
      parts.gridRings.length === n + 1 &&
      parts.gridRings[0] === 0 &&
      parts.gridRings[n] === rings &&
      rings >= 0 &&
      parts.ringStarts[0] === 0 &&
      parts.ringStarts[rings] * 2 === parts.coords.length &&
      isAscending(parts.gridRings) &&
      isAscending(parts.ringStarts) &&
      parts.cellFrame.length === 6 &&
      Number.isInteger(columns) &&
      Number.isInteger(rows) &&
      columns >= 0 &&
      rows >= 0 &&
      parts.cellStarts.length === cells + 1 &&
      parts.cellStarts[0] === 0 &&
      parts.cellStarts[cells] === parts.cellGrids.length &&
      isAscending(parts.cellStarts) &&
      parts.cellGrids.every((g) => g < n);
    if (!fits) throw new Error("The grid index's parts do not fit together.");
    return new GridIndex(parts);
  }

  /** The typed arrays this index is made of (shared, not copied): for a snapshot. */
  parts(): GridIndexParts {
    return {
      gridIDs: this.gridIDs,
      levels: this.levels,
      boxes: this.boxes,
      gridRings: this.gridRings,
      ringStarts: this.ringStarts,
      coords: this.coords,
      cellFrame: this.cellFrame,
      cellStarts: this.cellStarts,
      cellGrids: this.cellGrids,
    };
  }

  get size(): number {
    return this.gridIDs.length;
  }

  /** The finest regular grid containing the point and the dedicated ones; null outside every regular grid. */
  locate(lon: number, lat: number): Location | null {
    // Outside the grids' overall box (NaN too: every comparison fails), no grid holds it.
    if (!(lon >= this.minX && lon <= this.maxX && lat >= this.minY && lat <= this.maxY)) return null;
    const cell = cellOf(lat, this.minY, this.scaleY, this.rows) * this.columns + cellOf(lon, this.minX, this.scaleX, this.columns);
    const cellGrids = this.cellGrids;
    const levels = this.levels;
    const boxes = this.boxes;
    let found = -1;
    let dedicated: string[] | null = null;
    for (let k = this.cellStarts[cell], end = this.cellStarts[cell + 1]; k < end; k++) {
      const g = cellGrids[k];
      const dedicatedGrid = levels[g] === Number.NEGATIVE_INFINITY;
      // The finest regular grid holding the point is found: only dedicated grids are left to try.
      if (found >= 0 && !dedicatedGrid) continue;
      const b = 4 * g;
      if (lon < boxes[b] || lat < boxes[b + 1] || lon > boxes[b + 2] || lat > boxes[b + 3]) continue;
      if (!this.contains(g, lon, lat)) continue;
      if (!dedicatedGrid) found = g;
      else {
        dedicated ??= [];
        dedicated.push(this.gridIDs[g]);
      }
    }
    if (found < 0) return null;
    return { gridID: this.gridIDs[found], dedicated: dedicated ?? NoDedicated };
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

/** Cells per degree along one axis (0 when the box is flat along it: one cell). */
function scaleOf(min: number, max: number, cells: number): number {
  return max > min ? cells / (max - min) : 0;
}

/**
 * The cell along one axis of a coordinate inside the box. Monotonic in the coordinate, so a
 * point inside a grid's box falls in a cell between those of the box's corners: the grid is listed there.
 */
function cellOf(value: number, min: number, scale: number, cells: number): number {
  const cell = Math.floor((value - min) * scale);
  return cell < 0 ? 0 : cell >= cells ? cells - 1 : cell;
}

function isAscending(values: Uint32Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] < values[i - 1]) return false;
  return true;
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
