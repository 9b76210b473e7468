import { describe, expect, it } from "vitest";
import type { Polygon } from "geojson";
import { coverage, outsideOf, overlapOf, unionOf } from "./clipping.ts";
import { areaSquareMetres, bboxOf, tolerance, validateBoundary, MaxPositions, type Boundary } from "./geometry.ts";
import { crossingStar, roundBoundary, slantedComb } from "./shapes.test-support.ts";

/** A longitude/latitude rectangle near Jianyang, counter-clockwise. */
function rect(lon0: number, lat0: number, lon1: number, lat1: number): Polygon {
  return {
    type: "Polygon",
    coordinates: [
      [
        [lon0, lat0],
        [lon1, lat0],
        [lon1, lat1],
        [lon0, lat1],
        [lon0, lat0],
      ],
    ],
  };
}

/** The exact area of a longitude/latitude rectangle on turf's sphere (R = 6,371,008.8 m). */
function sphereRectArea(lon0: number, lat0: number, lon1: number, lat1: number): number {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  return R * R * (lon1 - lon0) * rad * Math.abs(Math.sin(lat1 * rad) - Math.sin(lat0 * rad));
}

const child = (gridID: string, boundary: Boundary) => ({ gridID, code: gridID.toUpperCase(), boundary });

/** 0.01° squares near the city centre: about 990 m × 1,106 m. */
const X = 118.1;
const Y = 27.3;
const D = 0.01;

function problemsOf(input: unknown) {
  const result = validateBoundary(input);
  if (result.ok) throw new Error("expected the boundary to be rejected");
  return result.problems;
}

describe("validateBoundary", () => {
  it("accepts a polygon, a polygon with a hole and a multipolygon", () => {
    expect(validateBoundary(rect(X, Y, X + D, Y + D)).ok).toBe(true);
    const withHole: Polygon = {
      type: "Polygon",
      coordinates: [
        rect(X, Y, X + 3 * D, Y + 3 * D).coordinates[0],
        rect(X + D, Y + D, X + 2 * D, Y + 2 * D)
          .coordinates[0].slice()
          .reverse(),
      ],
    };
    expect(validateBoundary(withHole).ok).toBe(true);
    const multi = {
      type: "MultiPolygon",
      coordinates: [rect(X, Y, X + D, Y + D).coordinates, rect(X + 2 * D, Y, X + 3 * D, Y + D).coordinates],
    };
    const result = validateBoundary(multi);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.boundary).toBe(multi);
  });

  it("rejects a bow-tie and says where it crosses itself", () => {
    const bowTie = {
      type: "Polygon",
      coordinates: [
        [
          [X, Y],
          [X + D, Y + D],
          [X + D, Y],
          [X, Y + D],
          [X, Y],
        ],
      ],
    };
    const problems = problemsOf(bowTie);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toEqual({ path: "coordinates", message: "self-intersects near 118.105, 27.305" });
  });

  it("rejects a multipolygon whose parts cross each other", () => {
    const crossing = {
      type: "MultiPolygon",
      coordinates: [rect(X, Y, X + 2 * D, Y + D).coordinates, rect(X + D, Y - D, X + 3 * D, Y + 2 * D).coordinates],
    };
    expect(problemsOf(crossing)[0].message).toMatch(/^self-intersects near 118\.1\d*, 27\.3\d*$/);
  });

  it("checks 20,000 positions: a round boundary passes, a self-crossing star is refused at its first crossing", () => {
    expect(validateBoundary(roundBoundary(MaxPositions)).ok).toBe(true);
    const star = problemsOf(crossingStar(MaxPositions - 1));
    expect(star).toEqual([{ path: "coordinates", message: expect.stringMatching(/^self-intersects near 118\.1\d*, 27\.3\d*$/) }]);
    // Neighbouring edges share a corner; that is no crossing, at any size.
    expect(validateBoundary(roundBoundary(4)).ok).toBe(true);
  });

  it("refuses a boundary whose edges all lie over each other as too complex to check, rather than checking for minutes", () => {
    expect(validateBoundary(slantedComb(100)).ok).toBe(true);
    expect(problemsOf(slantedComb(5_000))).toEqual([
      {
        path: "coordinates",
        message: "too complex to check (more than 2,000,000 pairs of edges lie close together); simplify the boundary",
      },
    ]);
  });

  it("rejects a ring that is not closed", () => {
    const open = {
      type: "Polygon",
      coordinates: [
        [
          [X, Y],
          [X + D, Y],
          [X + D, Y + D],
          [X, Y + D],
        ],
      ],
    };
    const problems = problemsOf(open);
    expect(problems).toEqual([{ path: "coordinates[0]", message: expect.stringContaining("ring not closed") }]);
  });

  it("rejects a ring with fewer than four positions", () => {
    const problems = problemsOf({
      type: "Polygon",
      coordinates: [
        [
          [X, Y],
          [X + D, Y],
          [X, Y],
        ],
      ],
    });
    expect(problems[0]).toEqual({ path: "coordinates[0]", message: expect.stringContaining("at least 4 positions") });
  });

  it("recognises [latitude, longitude] and says GeoJSON wants [longitude, latitude]", () => {
    const swapped = { type: "Polygon", coordinates: [rect(X, Y, X + D, Y + D).coordinates[0].map(([lon, lat]) => [lat, lon])] };
    const problems = problemsOf(swapped);
    expect(problems[0].path).toBe("coordinates[0][0]");
    expect(problems[0].message).toContain("coordinates look like [lat, lon]: GeoJSON wants [longitude, latitude]");
  });

  it("rejects coordinates out of range", () => {
    const far = rect(X, Y, X + D, Y + D);
    far.coordinates[0][2] = [200, 27.31];
    const problems = problemsOf(far);
    expect(problems).toEqual([{ path: "coordinates[0][2]", message: "longitude 200 is out of range [-180, 180]" }]);
    const polar = rect(X, Y, X + D, Y + D);
    polar.coordinates[0][2] = [-120, -95];
    expect(problemsOf(polar)[0].message).toBe("latitude -95 is out of range [-90, 90]");
  });

  it("rejects coordinates that are not finite numbers", () => {
    const bad = rect(X, Y, X + D, Y + D) as unknown as { coordinates: unknown[][][] };
    bad.coordinates[0][1] = [Number.NaN, 27.3];
    bad.coordinates[0][2] = ["118.11", 27.31];
    const problems = problemsOf(bad);
    expect(problems.map((p) => p.path)).toEqual(["coordinates[0][1]", "coordinates[0][2]"]);
    expect(problems[0].message).toBe("coordinates must be finite numbers, got NaN");
    expect(problems[1].message).toBe('coordinates must be finite numbers, got "118.11"');
  });

  it("rejects the wrong type, a Feature and things that are not geometry", () => {
    expect(
      problemsOf({
        type: "LineString",
        coordinates: [
          [X, Y],
          [X + D, Y],
        ],
      }),
    ).toEqual([{ path: "type", message: 'type must be "Polygon" or "MultiPolygon", got "LineString"' }]);
    expect(problemsOf({ type: "Feature", geometry: rect(X, Y, X + D, Y + D) })[0].message).toContain("got a Feature");
    expect(problemsOf(null)[0].message).toContain("Polygon or MultiPolygon");
    expect(problemsOf({ type: "Polygon" })).toEqual([{ path: "coordinates", message: "coordinates must be an array" }]);
  });

  it("rejects more than 20,000 positions", () => {
    const ring: number[][] = [];
    for (let i = 0; i < 20_001; i++) {
      const a = (2 * Math.PI * i) / 20_001;
      ring.push([X + D * Math.cos(a), Y + D * Math.sin(a)]);
    }
    ring.push(ring[0]);
    expect(problemsOf({ type: "Polygon", coordinates: [ring] })).toEqual([
      { path: "coordinates", message: "too many positions: 20002 (at most 20000); simplify the boundary" },
    ]);
  });
});

describe("measures", () => {
  it("gives a square's area in square metres and its bounding box", () => {
    const square = rect(X, Y, X + D, Y + D);
    const expected = sphereRectArea(X, Y, X + D, Y + D);
    expect(expected).toBeGreaterThan(1_000_000);
    expect(Math.abs(areaSquareMetres(square) - expected) / expected).toBeLessThan(0.01);
    expect(bboxOf(square)).toEqual([X, Y, X + D, Y + D]);
  });

  it("has a tolerance of at least 1 m² that grows with the area", () => {
    expect(tolerance(1_000)).toBe(1);
    expect(tolerance(3e9)).toBeCloseTo(300);
  });
});

describe("outsideOf and overlapOf", () => {
  it("measures the part of a child outside its parent", () => {
    const parent = rect(X, Y, X + 2 * D, Y + 2 * D);
    const inside = rect(X + D / 2, Y + D / 2, X + D, Y + D);
    expect(outsideOf(inside, parent)).toEqual({ areaM2: 0, geometry: null });

    const stickingOut = rect(X + 1.5 * D, Y, X + 2.5 * D, Y + D);
    const out = outsideOf(stickingOut, parent);
    const expected = sphereRectArea(X + 2 * D, Y, X + 2.5 * D, Y + D);
    expect(Math.abs(out.areaM2 - expected) / expected).toBeLessThan(0.01);
    expect(out.geometry?.type).toBe("Polygon");
    expect(bboxOf(out.geometry!)).toEqual([X + 2 * D, Y, X + 2.5 * D, Y + D].map((v) => expect.closeTo(v, 9)));
  });

  it("measures the overlap of two boundaries, and nothing for neighbours sharing an edge", () => {
    const a = rect(X, Y, X + D, Y + D);
    const b = rect(X + 0.75 * D, Y, X + 2 * D, Y + D);
    const shared = overlapOf(a, b);
    const expected = sphereRectArea(X + 0.75 * D, Y, X + D, Y + D);
    expect(Math.abs(shared.areaM2 - expected) / expected).toBeLessThan(0.01);
    expect(overlapOf(a, rect(X + D, Y, X + 2 * D, Y + D))).toEqual({ areaM2: 0, geometry: null });
  });

  it("unions siblings being merged", () => {
    const merged = unionOf([rect(X, Y, X + D, Y + D), rect(X + D, Y, X + 2 * D, Y + D)]);
    expect(merged.type).toBe("Polygon");
    const expected = sphereRectArea(X, Y, X + 2 * D, Y + D);
    expect(Math.abs(areaSquareMetres(merged) - expected) / expected).toBeLessThan(0.01);
    expect(() => unionOf([])).toThrow();
  });
});

describe("coverage", () => {
  /** A 2 × 2 parent and its four quarters. */
  const parent = rect(X, Y, X + 2 * D, Y + 2 * D);
  const quarters = [
    child("sw", rect(X, Y, X + D, Y + D)),
    child("se", rect(X + D, Y, X + 2 * D, Y + D)),
    child("nw", rect(X, Y + D, X + D, Y + 2 * D)),
    child("ne", rect(X + D, Y + D, X + 2 * D, Y + 2 * D)),
  ];

  it("finds a perfect tiling ok", () => {
    const report = coverage(parent, quarters);
    expect(report).toMatchObject({ ok: true, outside: [], overlaps: [], gaps: [] });
    expect(Math.abs(report.childrenAreaM2 - report.parentAreaM2) / report.parentAreaM2).toBeLessThan(1e-9);
  });

  it("forgives floating-point slivers below the tolerance", () => {
    const e = 1e-11; // about a micrometre
    const jittered = [child("w", rect(X, Y, X + D + e, Y + 2 * D)), child("e", rect(X + D - e, Y, X + 2 * D, Y + 2 * D))];
    expect(coverage(parent, jittered).ok).toBe(true);
  });

  it("reports a child sticking out of its parent, with the area outside", () => {
    const children = [...quarters.slice(0, 3), child("ne", rect(X + D, Y + D, X + 2.5 * D, Y + 2 * D))];
    const report = coverage(parent, children);
    expect(report.ok).toBe(false);
    expect(report.overlaps).toEqual([]);
    expect(report.gaps).toEqual([]);
    expect(report.outside).toHaveLength(1);
    expect(report.outside[0]).toMatchObject({ gridID: "ne", code: "NE" });
    const expected = sphereRectArea(X + 2 * D, Y + D, X + 2.5 * D, Y + 2 * D);
    expect(Math.abs(report.outside[0].areaM2 - expected) / expected).toBeLessThan(0.01);
  });

  it("reports two overlapping siblings with the area they share", () => {
    const children = [child("west", rect(X, Y, X + 1.2 * D, Y + 2 * D)), child("east", rect(X + D, Y, X + 2 * D, Y + 2 * D))];
    const report = coverage(parent, children);
    expect(report.ok).toBe(false);
    expect(report.outside).toEqual([]);
    expect(report.gaps).toEqual([]);
    expect(report.overlaps).toHaveLength(1);
    expect(report.overlaps[0].a).toEqual({ gridID: "west", code: "WEST" });
    expect(report.overlaps[0].b).toEqual({ gridID: "east", code: "EAST" });
    const expected = sphereRectArea(X + D, Y, X + 1.2 * D, Y + 2 * D);
    expect(Math.abs(report.overlaps[0].areaM2 - expected) / expected).toBeLessThan(0.01);
  });

  it("reports missing pieces as separate gaps, each with its area", () => {
    // Without the north-east quarter, and with a 0.2 × 0.2 notch cut out of the south-west one.
    const notched: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [X + 0.2 * D, Y],
          [X + D, Y],
          [X + D, Y + D],
          [X, Y + D],
          [X, Y + 0.2 * D],
          [X + 0.2 * D, Y + 0.2 * D],
          [X + 0.2 * D, Y],
        ],
      ],
    };
    const children = [child("sw", notched), ...quarters.slice(1, 3)];
    const report = coverage(parent, children);
    expect(report.ok).toBe(false);
    expect(report.outside).toEqual([]);
    expect(report.overlaps).toEqual([]);
    const gaps = [...report.gaps].sort((a, b) => b.areaM2 - a.areaM2);
    expect(gaps).toHaveLength(2);
    const quarter = sphereRectArea(X + D, Y + D, X + 2 * D, Y + 2 * D);
    const notch = sphereRectArea(X, Y, X + 0.2 * D, Y + 0.2 * D);
    expect(Math.abs(gaps[0].areaM2 - quarter) / quarter).toBeLessThan(0.01);
    expect(Math.abs(gaps[1].areaM2 - notch) / notch).toBeLessThan(0.01);
    expect(gaps.every((g) => g.geometry.type === "Polygon")).toBe(true);
  });

  it("reports a parent without children as one gap", () => {
    const report = coverage(parent, []);
    expect(report.ok).toBe(false);
    expect(report.gaps).toHaveLength(1);
    expect(report.gaps[0].areaM2).toBeCloseTo(report.parentAreaM2);
  });
});
