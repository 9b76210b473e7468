import { describe, expect, it } from "vitest";
import { bboxOf, containsPoint, inBBox, unionBBox } from "./geo.ts";

const ring = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe("grid geometry", () => {
  it("tells whether a point lies in a polygon, holes excluded", () => {
    const withHole = { type: "Polygon", coordinates: [ring(0, 0, 10), ring(4, 4, 2)] };
    expect(containsPoint(withHole, 1, 1)).toBe(true);
    expect(containsPoint(withHole, 5, 5)).toBe(false);
    expect(containsPoint(withHole, 11, 5)).toBe(false);
  });

  it("handles multipolygons and ignores anything else", () => {
    const two = { type: "MultiPolygon", coordinates: [[ring(0, 0, 1)], [ring(5, 5, 1)]] };
    expect(containsPoint(two, 5.5, 5.5)).toBe(true);
    expect(containsPoint(two, 3, 3)).toBe(false);
    expect(containsPoint({ type: "Point", coordinates: [0, 0] }, 0, 0)).toBe(false);
    expect(containsPoint(null, 0, 0)).toBe(false);
  });

  it("computes and unites bounding boxes", () => {
    expect(bboxOf({ type: "MultiPolygon", coordinates: [[ring(0, 0, 1)], [ring(5, 5, 1)]] })).toEqual([0, 0, 6, 6]);
    expect(bboxOf({ type: "Polygon", coordinates: [] })).toBeNull();
    expect(unionBBox([[0, 0, 1, 1], null, [2, -1, 3, 0.5]])).toEqual([0, -1, 3, 1]);
    expect(inBBox([0, 0, 1, 1], 0.5, 1)).toBe(true);
    expect(inBBox([0, 0, 1, 1], 1.5, 0.5)).toBe(false);
  });
});
