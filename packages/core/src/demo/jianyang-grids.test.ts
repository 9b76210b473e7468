import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { coverage, outsideOf } from "../grid/clipping.ts";
import { areaSquareMetres, bboxOf, validateBoundary } from "../grid/geometry.ts";
import {
  buildJianyangGrids,
  generateJianyangGrids,
  jianyangOutline,
  JianyangTownships,
  mulberry32,
  type JianyangGrid,
} from "./jianyang-grids.ts";

const grids = generateJianyangGrids();
const features = grids.features;
const byCode = new Map(features.map((f) => [f.properties.code, f]));
const tier = (t: number | null) => features.filter((f) => f.properties.tier === t);
const childrenOf = (code: string) => features.filter((f) => f.properties.parentCode === code && f.properties.tier !== null);

function sample<T>(items: T[], count: number, seed: number): T[] {
  const random = mulberry32(seed);
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return out;
}

const asChild = (f: JianyangGrid) => ({ gridID: f.properties.code, code: f.properties.code, boundary: f.geometry });

describe("the Jianyang demo grids", () => {
  it("have exactly 230 first-level, 964 second-level, 2,600 third-level and 67 dedicated grids", () => {
    expect(tier(1)).toHaveLength(230);
    expect(tier(2)).toHaveLength(964);
    expect(tier(3)).toHaveLength(2600);
    expect(tier(null)).toHaveLength(67);
    expect(features).toHaveLength(3861);
  });

  it("have unique codes in the district's pattern, each parent existing one tier up", () => {
    expect(byCode.size).toBe(features.length);
    for (const f of features) {
      const { code, tier: t, parentCode, dedicatedKind } = f.properties;
      if (t === 1) {
        expect(code).toMatch(/^JY-\d{2,3}$/);
        expect(parentCode).toBeNull();
      } else if (t === 2 || t === 3) {
        expect(code).toMatch(t === 2 ? /^JY-\d{2,3}-\d{2}$/ : /^JY-\d{2,3}-\d{2}-\d{2}$/);
        const parent = byCode.get(parentCode!);
        expect(parent?.properties.tier).toBe(t - 1);
        expect(code.startsWith(`${parentCode}-`)).toBe(true);
        expect(f.properties.township).toBe(parent!.properties.township);
      } else {
        expect(code).toMatch(/^JY-D-\d{3}$/);
        expect(byCode.get(parentCode!)?.properties.tier).toBe(3);
        expect(["school", "hospital", "enterprise_park", "market", "institution"]).toContain(dedicatedKind);
      }
      if (t !== null) expect(dedicatedKind).toBeNull();
    }
  });

  it("split each first-level grid into 4 or 5 and each second-level grid into 2 or 3", () => {
    for (const f of tier(1)) expect([4, 5]).toContain(childrenOf(f.properties.code).length);
    for (const f of tier(2)) expect([2, 3]).toContain(childrenOf(f.properties.code).length);
  });

  it("are named after Jianyang's townships and streets, every one of which has grids", () => {
    const names = new Set(features.map((f) => f.properties.name));
    expect(names.size).toBe(features.length);
    const townships = JianyangTownships.map((t) => t.name);
    const pattern = new RegExp(`^(${townships.join("|")})第\\d+网格$`);
    for (const f of tier(1)) expect(f.properties.name).toMatch(pattern);
    for (const t of townships) expect(tier(1).some((f) => f.properties.township === t)).toBe(true);
    expect(byCode.get("JY-01-01")!.properties.name).toBe(`${byCode.get("JY-01")!.properties.name}-1`);
    expect(names.has("建阳第一中学")).toBe(true);
    expect(names.has("建阳区人民医院")).toBe(true);
  });

  it("have plausible households, parents summing their children", () => {
    for (const f of tier(3)) {
      expect(f.properties.households).toBeGreaterThanOrEqual(100);
      expect(f.properties.households).toBeLessThanOrEqual(400);
      expect(f.properties.population! / f.properties.households!).toBeGreaterThan(2);
    }
    for (const f of [...tier(1), ...tier(2)]) {
      const children = childrenOf(f.properties.code);
      expect(f.properties.households).toBe(children.reduce((s, c) => s + c.properties.households!, 0));
      expect(f.properties.population).toBe(children.reduce((s, c) => s + c.properties.population!, 0));
    }
  });

  it("are the same every time they are generated", () => {
    const hash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
    const first = buildJianyangGrids();
    const second = buildJianyangGrids();
    expect(hash(second)).toBe(hash(first));
    expect(hash(first.grids)).toBe(hash(grids));
    expect(generateJianyangGrids()).toBe(grids); // cached
  }, 30_000);

  it("have valid boundaries, and a simple ~60 km × 50 km outline around Jianyang", () => {
    const outline = jianyangOutline();
    expect(validateBoundary(outline).ok).toBe(true);
    const [minX, minY, maxX, maxY] = bboxOf(outline);
    expect(minX).toBeLessThan(118.12);
    expect(maxX).toBeGreaterThan(118.12);
    expect(minY).toBeLessThan(27.33);
    expect(maxY).toBeGreaterThan(27.33);
    const widthKm = (maxX - minX) * 111.32 * Math.cos((27.33 * Math.PI) / 180);
    const heightKm = (maxY - minY) * 110.57;
    expect(widthKm).toBeGreaterThan(50);
    expect(widthKm).toBeLessThan(70);
    expect(heightKm).toBeGreaterThan(40);
    expect(heightKm).toBeLessThan(60);
    const signedArea = (ring: number[][]) => ring.slice(1).reduce((sum, p, i) => sum + ring[i][0] * p[1] - p[0] * ring[i][1], 0) / 2;
    for (const f of features) {
      const result = validateBoundary(f.geometry);
      if (!result.ok) expect({ code: f.properties.code, problems: result.problems }).toBeNull();
      // RFC 7946 winding: exterior rings counter-clockwise.
      const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const polygon of polygons) expect(signedArea(polygon[0])).toBeGreaterThan(0);
    }
  });

  it("place each dedicated grid, a few hundred metres across, inside its third-level grid", () => {
    for (const f of tier(null)) {
      const parent = byCode.get(f.properties.parentCode!)!;
      expect(outsideOf(f.geometry, parent.geometry).areaM2).toBe(0);
      const across = Math.sqrt(areaSquareMetres(f.geometry));
      expect(across).toBeGreaterThan(80);
      expect(across).toBeLessThan(800);
    }
  });

  it("tile the district: the outline by first-level grids, and sampled parents by their children", () => {
    const top = coverage(jianyangOutline(), tier(1).map(asChild));
    expect({ outside: top.outside.length, overlaps: top.overlaps.length, gaps: top.gaps.map((g) => g.areaM2) }).toEqual({
      outside: 0,
      overlaps: 0,
      gaps: [],
    });
    expect(top.ok).toBe(true);
    expect(Math.abs(top.childrenAreaM2 - top.parentAreaM2) / top.parentAreaM2).toBeLessThan(1e-6);

    for (const parent of [...sample(tier(1), 25, 1), ...sample(tier(2), 25, 2)]) {
      const report = coverage(parent.geometry, childrenOf(parent.properties.code).map(asChild));
      if (!report.ok) expect({ code: parent.properties.code, report }).toBeNull();
    }
  }, 30_000);
});
