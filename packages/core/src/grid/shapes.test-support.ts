/**
 * Boundaries of a given size for the validation's tests and benchmark (`npm run bench:geometry`):
 * a valid round one, a self-crossing star, and a comb of long slanted teeth whose edges all lie
 * over each other without crossing (the worst case for an index of edge boxes).
 */
import type { Polygon, Position } from "geojson";

const LON = 118.1;
const LAT = 27.3;

const closed = (ring: Position[]): Polygon => ({ type: "Polygon", coordinates: [[...ring, ring[0]]] });

/** A circle of `points` positions, about 1 km across: valid. */
export function roundBoundary(points: number): Polygon {
  return closed(
    Array.from({ length: points - 1 }, (_, i) => {
      const angle = (2 * Math.PI * i) / (points - 1);
      return [LON + 0.005 * Math.cos(angle), LAT + 0.005 * Math.sin(angle)];
    }),
  );
}

/** A star polygon {points/k}: every edge crosses many others (`points` odd). */
export function crossingStar(points: number): Polygon {
  const step = Math.floor(points / 2);
  return closed(
    Array.from({ length: points }, (_, i) => {
      const angle = (2 * Math.PI * ((i * step) % points)) / points;
      return [LON + 0.005 * Math.cos(angle), LAT + 0.005 * Math.sin(angle)];
    }),
  );
}

/** Teeth from a base line up to the right, each tooth's edges nearly parallel to all others': valid, and every box overlaps. */
export function slantedComb(teeth: number): Polygon {
  const pitch = 0.01 / teeth;
  const ring: Position[] = [];
  for (let k = 0; k < teeth; k++) ring.push([LON + k * pitch, LAT], [LON + k * pitch + 0.01, LAT + 0.01]);
  ring.push([LON + teeth * pitch, LAT], [LON + teeth * pitch, LAT - 0.001], [LON, LAT - 0.001]);
  return closed(ring);
}
