/**
 * Small plane geometry for the grid map: bounding boxes and point-in-polygon on GeoJSON
 * Polygons and MultiPolygons ([lon, lat]). Enough to tell which grid was clicked; the
 * authoritative checks (areas, coverage, locate) are the API's.
 */
import type { BBox } from "./grids.ts";

type Ring = number[][];

/** The rings of a Polygon or MultiPolygon, as polygons (outer ring first, then holes). */
export function polygonsOf(geometry: unknown): Ring[][] {
  const shape = geometry as { type?: string; coordinates?: unknown } | null;
  if (!shape || !Array.isArray(shape.coordinates)) return [];
  if (shape.type === "Polygon") return [shape.coordinates as Ring[]];
  if (shape.type === "MultiPolygon") return shape.coordinates as Ring[][];
  return [];
}

export function bboxOf(geometry: unknown): BBox | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygonsOf(geometry))
    for (const ring of polygon)
      for (const [x, y] of ring) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
  return minX <= maxX ? [minX, minY, maxX, maxY] : null;
}

export function unionBBox(boxes: Iterable<BBox | null | undefined>): BBox | null {
  let result: BBox | null = null;
  for (const box of boxes) {
    if (box?.length !== 4) continue;
    result = result
      ? [Math.min(result[0], box[0]), Math.min(result[1], box[1]), Math.max(result[2], box[2]), Math.max(result[3], box[3])]
      : [box[0], box[1], box[2], box[3]];
  }
  return result;
}

export function inBBox(box: readonly number[] | null | undefined, lon: number, lat: number): boolean {
  return Boolean(box && box.length === 4 && lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3]);
}

/** Whether (lon, lat) lies inside the geometry (even-odd rule over all rings: holes excluded). */
export function containsPoint(geometry: unknown, lon: number, lat: number): boolean {
  for (const polygon of polygonsOf(geometry)) {
    let inside = false;
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    if (inside) return true;
  }
  return false;
}
