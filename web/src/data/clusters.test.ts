import { describe, expect, it } from "vitest";
import { clusterPoints, type MapPoint } from "./clusters.ts";

const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

/** `count` houses on a small square around (lon, lat), ~10 m apart. */
function block(prefix: string, lon: number, lat: number, count: number): MapPoint[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-${index}`,
    kind: "house" as const,
    lon: lon + (index % 10) * 0.0001,
    lat: lat + Math.floor(index / 10) * 0.0001,
    label: `${prefix} ${index}`,
    gridID: prefix,
  }));
}

describe("clustering the command map's points", () => {
  const points = [...block("north", 118.12, 27.4, 1500), ...block("south", 118.12, 27.2, 1500)];
  const index = clusterPoints(points);

  it("draws thousands of points far apart as one bubble per place, counting every point, at a district's zoom", () => {
    const marks = index.at(WORLD, 10);
    expect(marks).toHaveLength(2);
    expect(marks.every((mark) => mark.type === "cluster")).toBe(true);
    expect(marks.map((mark) => (mark.type === "cluster" ? mark.count : 0)).sort()).toEqual([1500, 1500]);
  });

  it("gives a cluster a zoom that opens it, and lists its points", () => {
    const [first] = index.at(WORLD, 10);
    if (first.type !== "cluster") throw new Error("expected a cluster");
    expect(first.expansionZoom).toBeGreaterThan(10);
    const leaves = index.leaves(first.clusterID, 5);
    expect(leaves).toHaveLength(5);
    expect(leaves[0].gridID === "north" || leaves[0].gridID === "south").toBe(true);
  });

  it("shows single points once zoomed past the last clustering zoom, only those in view", () => {
    const view: [number, number, number, number] = [118.1199, 27.3999, 118.1203, 27.4001];
    const marks = index.at(view, 18);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((mark) => mark.type === "point" && mark.point.gridID === "north")).toBe(true);
    expect(marks.length).toBeLessThan(20);
  });

  it("keeps a lone point a point at every zoom", () => {
    const alone = clusterPoints([{ id: "one", kind: "organisation", lon: 100, lat: 20, label: "厂", gridID: "g" }]);
    expect(alone.at(WORLD, 3)).toEqual([{ type: "point", point: expect.objectContaining({ id: "one" }) }]);
  });
});
