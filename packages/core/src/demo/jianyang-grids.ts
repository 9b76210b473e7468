/**
 * The built-in demo's grids for Jianyang District (建阳区, Nanping, Fujian): 230 first-level,
 * 964 second-level and 2,600 third-level grids, plus 67 dedicated grids (专属网格), as in the
 * district's real grid system — but drawn by a program, not surveyed.
 *
 * How they are drawn (deterministically: seeded mulberry32 streams, same output every run):
 * - The district outline is a star-shaped (hence simple) polygon of 160 vertices, ~60 km × 50 km,
 *   around Jianyang's city centre (118.12 E, 27.33 N).
 * - Tier 1: Voronoi cells (@turf/voronoi) of 230 points spread inside the outline, denser towards
 *   the city (towns have more people per square kilometre, so smaller grids), clipped to the
 *   outline (@turf/intersect). Each is assigned to the nearest of the 13 townships and streets.
 * - Tier 2: each tier-1 cell is split into 4 or 5 (the 44 largest into 5: 964 in all) by the
 *   Voronoi cells of points well inside it, clipped to it; tier 3 likewise, each tier-2 cell into
 *   2 or 3 (the 672 largest into 3: 2,600 in all).
 *   Voronoi cells tile their box and every point lies inside its parent, so the clipped cells
 *   tile the parent with none empty; a clip that falls apart stays a MultiPolygon. Cells that do
 *   not reach the parent's boundary are kept as they are. Coordinates keep full precision (no
 *   rounding), so siblings share their edges exactly.
 * - Dedicated grids: 67 small polygons (a school, a hospital, an enterprise park, a market, a
 *   public institution), 140–800 m across, each well inside one third-level grid of its
 *   township. **A dedicated grid's `parentCode` is that third-level grid** (the finest grid it
 *   lies in; its tier-1 ancestor follows from the code's first segment).
 * - Households: 100–400 per third-level grid (more in town), population 2.5–3.3 per household;
 *   second- and first-level grids sum their children. A dedicated grid has no households: its
 *   `population` is the people based there (pupils, staff), not residents.
 */
import { intersect } from "@turf/intersect";
import { featureCollection, feature, point } from "@turf/helpers";
import { voronoi } from "@turf/voronoi";
import type { Feature, FeatureCollection, Polygon, Position } from "geojson";
import type { Boundary } from "../grid/geometry.ts";

/** 专属网格的类别: what a dedicated grid is. */
export type DedicatedKind = "school" | "hospital" | "enterprise_park" | "market" | "institution";

export interface JianyangGridProperties {
  /** `JY-01` (tier 1), `JY-01-03` (tier 2), `JY-01-03-02` (tier 3), `JY-D-001` (dedicated). */
  code: string;
  name: string;
  /** 1, 2 or 3; null for a dedicated grid. */
  tier: number | null;
  dedicatedKind: DedicatedKind | null;
  /** The parent grid's code; for a dedicated grid, the third-level grid it lies in. */
  parentCode: string | null;
  /** The township or street (乡镇街道) the grid belongs to. */
  township: string;
  households?: number;
  population?: number;
}

export type JianyangGrid = Feature<Boundary, JianyangGridProperties>;
export type JianyangGrids = FeatureCollection<Boundary, JianyangGridProperties>;

export const JianyangCounts = { tier1: 230, tier2: 964, tier3: 2600, dedicated: 67 } as const;

/** Jianyang's city centre, the origin of the local metric frame. */
const Centre = { lon: 118.12, lat: 27.33 };
const MetresPerDegreeLat = 110_574;
const MetresPerDegreeLon = 111_320 * Math.cos((Centre.lat * Math.PI) / 180);

/** The 13 townships and streets (乡镇街道), with a plausible seat for each. */
export const JianyangTownships = [
  { name: "潭城街道", short: "潭城", lon: 118.108, lat: 27.342 },
  { name: "童游街道", short: "童游", lon: 118.136, lat: 27.318 },
  { name: "将口镇", short: "将口", lon: 118.07, lat: 27.45 },
  { name: "徐市镇", short: "徐市", lon: 118.21, lat: 27.47 },
  { name: "莒口镇", short: "莒口", lon: 117.98, lat: 27.33 },
  { name: "麻沙镇", short: "麻沙", lon: 117.87, lat: 27.39 },
  { name: "黄坑镇", short: "黄坑", lon: 117.95, lat: 27.5 },
  { name: "水吉镇", short: "水吉", lon: 118.33, lat: 27.44 },
  { name: "小湖镇", short: "小湖", lon: 118.25, lat: 27.34 },
  { name: "崇雒乡", short: "崇雒", lon: 118.2, lat: 27.2 },
  { name: "书坊乡", short: "书坊", lon: 117.9, lat: 27.25 },
  { name: "回龙乡", short: "回龙", lon: 118.05, lat: 27.18 },
  { name: "漳墩镇", short: "漳墩", lon: 118.38, lat: 27.32 },
] as const;

// ---------------------------------------------------------------------------------------------
// Public entry points
// ---------------------------------------------------------------------------------------------

let cached: { outline: Polygon; grids: JianyangGrids } | null = null;

/**
 * The demo's 3,861 grids (generated once per process, ~1–3 s, then cached).
 * The result is shared: treat it as read-only.
 */
export function generateJianyangGrids(): JianyangGrids {
  cached ??= buildJianyangGrids();
  return cached.grids;
}

/** The district outline the first-level grids tile (shared with the cache; read-only). */
export function jianyangOutline(): Polygon {
  cached ??= buildJianyangGrids();
  return cached.outline;
}

/** Generates everything afresh, bypassing the cache (for tests of determinism). */
export function buildJianyangGrids(): { outline: Polygon; grids: JianyangGrids } {
  const outlineRing = makeOutline(mulberry32(hashSeed("outline")));
  const outline: Polygon = { type: "Polygon", coordinates: [outlineRing] };
  const outlineShape = toShape(outline);

  // Tier 1: density-weighted sites inside the outline, one township each.
  const density = (x: number, y: number) => 1 + 3 * Math.exp(-(x * x + y * y) / (6000 * 6000));
  const tier1Sites = spreadSites(outlineShape, JianyangCounts.tier1, mulberry32(hashSeed("tier1")), density);
  const tier1Cells = voronoiClipped(outline, outlineShape, tier1Sites);
  const tier1 = tier1Sites.map((site, i) => ({ site, boundary: tier1Cells[i], township: nearestTownship(site) }));
  // Numbered township by township, north to south, then west to east.
  tier1.sort((a, b) => a.township - b.township || b.site.y - a.site.y || a.site.x - b.site.x);

  const features: JianyangGrid[] = [];
  const tier2Features: JianyangGrid[] = [];
  const tier3Features: JianyangGrid[] = [];
  const perTownship = new Map<number, number>();

  const tier1Counts = splitCounts(
    tier1.map((t) => shapeArea(toShape(t.boundary))),
    4,
    JianyangCounts.tier2,
  );
  type Tier2Draft = { code: string; name: string; township: string; boundary: Boundary; area: number; parent: JianyangGrid };
  const tier2Drafts: Tier2Draft[] = [];

  tier1.forEach((cell, i) => {
    const township = JianyangTownships[cell.township];
    const n = (perTownship.get(cell.township) ?? 0) + 1;
    perTownship.set(cell.township, n);
    const code = `JY-${pad(i + 1, 2)}`;
    const grid = gridFeature(code, `${township.name}第${n}网格`, 1, null, null, township.name, cell.boundary);
    features.push(grid);

    const shape = toShape(cell.boundary);
    const sites = spreadSites(shape, tier1Counts[i], mulberry32(hashSeed(code)));
    const cells = voronoiClipped(cell.boundary, shape, sites);
    const order = sites.map((_, j) => j).sort((a, b) => sites[b].y - sites[a].y || sites[a].x - sites[b].x);
    order.forEach((j, k) => {
      tier2Drafts.push({
        code: `${code}-${pad(k + 1, 2)}`,
        name: `${grid.properties.name}-${k + 1}`,
        township: township.name,
        boundary: cells[j],
        area: shapeArea(toShape(cells[j])),
        parent: grid,
      });
    });
  });

  const tier2Counts = splitCounts(
    tier2Drafts.map((d) => d.area),
    2,
    JianyangCounts.tier3,
  );
  tier2Drafts.forEach((draft, i) => {
    const grid = gridFeature(draft.code, draft.name, 2, null, draft.parent.properties.code, draft.township, draft.boundary);
    tier2Features.push(grid);
    const shape = toShape(draft.boundary);
    const random = mulberry32(hashSeed(draft.code));
    const sites = spreadSites(shape, tier2Counts[i], random);
    const cells = voronoiClipped(draft.boundary, shape, sites);
    const order = sites.map((_, j) => j).sort((a, b) => sites[b].y - sites[a].y || sites[a].x - sites[b].x);
    order.forEach((j, k) => {
      const site = sites[j];
      const town = Math.exp(-(site.x * site.x + site.y * site.y) / (7000 * 7000));
      const households = Math.round(100 + 150 * town + 150 * random());
      const population = Math.round(households * (2.5 + 0.8 * random()));
      const child = gridFeature(`${draft.code}-${pad(k + 1, 2)}`, `${draft.name}-${k + 1}`, 3, null, draft.code, draft.township, cells[j]);
      child.properties.households = households;
      child.properties.population = population;
      tier3Features.push(child);
    });
  });

  // Parents sum their children.
  sumChildren(tier2Features, tier3Features);
  sumChildren(features, tier2Features);

  const dedicated = placeDedicated(tier3Features);
  const grids: JianyangGrids = {
    type: "FeatureCollection",
    features: [...features, ...tier2Features, ...tier3Features, ...dedicated],
  };
  return { outline, grids };
}

// ---------------------------------------------------------------------------------------------
// Dedicated grids (专属网格)
// ---------------------------------------------------------------------------------------------

interface DedicatedSpec {
  name: string;
  kind: DedicatedKind;
  township: string;
}

/** Radius range (m) of the circle a dedicated grid is drawn in, and its people range. */
const DedicatedSizes: Record<DedicatedKind, { radius: [number, number]; people: [number, number] }> = {
  school: { radius: [130, 220], people: [600, 2500] },
  hospital: { radius: [100, 180], people: [200, 900] },
  enterprise_park: { radius: [250, 400], people: [300, 3000] },
  market: { radius: [70, 120], people: [50, 200] },
  institution: { radius: [70, 130], people: [50, 400] },
};

function dedicatedSpecs(): DedicatedSpec[] {
  const specs: DedicatedSpec[] = [
    { name: "建阳第一中学", kind: "school", township: "潭城街道" },
    { name: "建阳第三中学", kind: "school", township: "潭城街道" },
    { name: "建阳区实验小学", kind: "school", township: "潭城街道" },
    { name: "建阳区人民医院", kind: "hospital", township: "潭城街道" },
    { name: "建阳区中医院", kind: "hospital", township: "潭城街道" },
    { name: "潭城街道社区卫生服务中心", kind: "hospital", township: "潭城街道" },
    { name: "建阳区行政服务中心", kind: "institution", township: "潭城街道" },
    { name: "建阳区图书馆", kind: "institution", township: "潭城街道" },
    { name: "建阳区人民法院", kind: "institution", township: "潭城街道" },
    { name: "潭城农贸市场", kind: "market", township: "潭城街道" },
    { name: "建阳第二中学", kind: "school", township: "童游街道" },
    { name: "建阳区第二实验小学", kind: "school", township: "童游街道" },
    { name: "建阳职业中专学校", kind: "school", township: "童游街道" },
    { name: "建阳区第一医院", kind: "hospital", township: "童游街道" },
    { name: "建阳区妇幼保健院", kind: "hospital", township: "童游街道" },
    { name: "童游街道社区卫生服务中心", kind: "hospital", township: "童游街道" },
    { name: "建阳经济开发区", kind: "enterprise_park", township: "童游街道" },
    { name: "童游工业园区", kind: "enterprise_park", township: "童游街道" },
    { name: "建阳区体育中心", kind: "institution", township: "童游街道" },
    { name: "建阳区疾病预防控制中心", kind: "institution", township: "童游街道" },
    { name: "童游农贸市场", kind: "market", township: "童游街道" },
  ];
  for (const town of JianyangTownships.slice(2)) {
    specs.push(
      { name: `${town.short}中心小学`, kind: "school", township: town.name },
      { name: `${town.short}中学`, kind: "school", township: town.name },
      { name: `${town.name}卫生院`, kind: "hospital", township: town.name },
      { name: `${town.short}农贸市场`, kind: "market", township: town.name },
    );
  }
  specs.push(
    { name: "将口工业园区", kind: "enterprise_park", township: "将口镇" },
    { name: "水吉建盏文化产业园", kind: "enterprise_park", township: "水吉镇" },
  );
  return specs;
}

function placeDedicated(tier3: JianyangGrid[]): JianyangGrid[] {
  const specs = dedicatedSpecs();
  if (specs.length !== JianyangCounts.dedicated)
    throw new Error(`expected ${JianyangCounts.dedicated} dedicated grids, listed ${specs.length}`);
  const random = mulberry32(hashSeed("dedicated"));
  const used = new Set<string>();
  const out: JianyangGrid[] = [];

  specs.forEach((spec, i) => {
    const size = DedicatedSizes[spec.kind];
    const wanted = size.radius[0] + (size.radius[1] - size.radius[0]) * random();
    const town = JianyangTownships.find((t) => t.name === spec.township)!;
    const seat = project(town.lon, town.lat);
    // Candidates: the township's third-level grids nearest its seat (institutions sit in town).
    const cells = tier3
      .filter((g) => g.properties.township === spec.township && !used.has(g.properties.code))
      .map((g) => {
        const shape = toShape(g.geometry);
        const [cx, cy] = [(shape.minX + shape.maxX) / 2, (shape.minY + shape.maxY) / 2];
        return { grid: g, shape, distance: Math.hypot(cx - seat.x, cy - seat.y) };
      })
      .sort((a, b) => a.distance - b.distance);
    type Spot = { grid: JianyangGrid; centre: Site; clearance: number };
    let choice: Spot | null = null;
    let roomiest: Spot | null = null;
    for (const cell of cells.slice(0, 40)) {
      const spot = roomiestSpot(cell.shape, random);
      if (!roomiest || spot.clearance > roomiest.clearance) roomiest = { grid: cell.grid, ...spot };
      if (spot.clearance >= wanted * 1.15 && random() < 0.6) {
        choice = { grid: cell.grid, ...spot };
        break;
      }
    }
    choice ??= roomiest;
    if (!choice) throw new Error(`no third-level grid in ${spec.township} for ${spec.name}`);
    used.add(choice.grid.properties.code);
    const radius = Math.min(wanted, 0.85 * choice.clearance);

    const ring =
      spec.kind === "enterprise_park" ? irregularRing(choice.centre, radius, random) : rectangleRing(choice.centre, radius, random);
    const code = `JY-D-${pad(i + 1, 3)}`;
    const grid = gridFeature(code, spec.name, null, spec.kind, choice.grid.properties.code, spec.township, {
      type: "Polygon",
      coordinates: [ring],
    });
    grid.properties.population = Math.round(size.people[0] + (size.people[1] - size.people[0]) * random());
    out.push(grid);
  });
  return out;
}

/** The best of a few random points inside a shape: the one farthest from its boundary. */
function roomiestSpot(shape: Shape, random: () => number): { centre: Site; clearance: number } {
  let best: { centre: Site; clearance: number } | null = null;
  for (let tries = 0, found = 0; tries < 600 && found < 60; tries++) {
    const x = shape.minX + (shape.maxX - shape.minX) * random();
    const y = shape.minY + (shape.maxY - shape.minY) * random();
    if (!shapeContains(shape, x, y)) continue;
    found++;
    const clearance = distanceToBoundary(shape, x, y);
    if (!best || clearance > best.clearance) best = { centre: { x, y }, clearance };
  }
  return best ?? { centre: { x: shape.minX, y: shape.minY }, clearance: 0 };
}

/** A rectangle inscribed in the circle (centre, radius), turned at random; counter-clockwise. */
function rectangleRing(centre: Site, radius: number, random: () => number): Position[] {
  const half = ((30 + 30 * random()) * Math.PI) / 180;
  const turn = random() * Math.PI;
  const angles = [turn - half, turn + half, turn + Math.PI - half, turn + Math.PI + half];
  return closedRing(angles.map((a) => unproject(centre.x + radius * Math.cos(a), centre.y + radius * Math.sin(a))));
}

/** A six-sided irregular polygon within the circle (centre, radius); counter-clockwise. */
function irregularRing(centre: Site, radius: number, random: () => number): Position[] {
  const positions: Position[] = [];
  for (let k = 0; k < 6; k++) {
    const a = ((k + 0.35 * (random() - 0.5)) * Math.PI) / 3;
    const r = radius * (0.8 + 0.2 * random());
    positions.push(unproject(centre.x + r * Math.cos(a), centre.y + r * Math.sin(a)));
  }
  return closedRing(positions);
}

// ---------------------------------------------------------------------------------------------
// Outline, sites and cells
// ---------------------------------------------------------------------------------------------

/** A point in the local metric frame (metres east and north of the city centre). */
interface Site {
  x: number;
  y: number;
}

/** A plausible irregular outline: an ellipse (29 km × 24 km radii) wobbled by low harmonics. */
function makeOutline(random: () => number): Position[] {
  const harmonics = [2, 3, 4, 5, 6, 7].map((k) => ({
    k,
    amplitude: (0.07 / (k - 1) ** 0.7) * (0.5 + random()),
    phase: random() * 2 * Math.PI,
  }));
  const vertices = 160;
  const positions: Position[] = [];
  for (let i = 0; i < vertices; i++) {
    const t = (2 * Math.PI * i) / vertices;
    const ellipse = 1 / Math.sqrt((Math.cos(t) / 29_000) ** 2 + (Math.sin(t) / 24_000) ** 2);
    let wobble = 1 + 0.03 * (random() - 0.5);
    for (const h of harmonics) wobble += h.amplitude * Math.sin(h.k * t + h.phase);
    const r = ellipse * Math.max(0.55, wobble);
    // Strictly increasing angle around the centre: the ring is star-shaped, so simple.
    positions.push(unproject(r * Math.cos(t), r * Math.sin(t)));
  }
  return closedRing(positions);
}

/**
 * `count` points well inside `shape`, spread out: a pool of random candidates at least a margin
 * from the boundary, then farthest-point selection (distances scaled by `density`, so points
 * crowd where density is high). The margin shrinks only if the shape is too thin for it.
 */
function spreadSites(shape: Shape, count: number, random: () => number, density?: (x: number, y: number) => number): Site[] {
  const spacing = Math.sqrt(shapeArea(shape) / count);
  let margin = 0.3 * spacing;
  let pool: Site[] = [];
  const want = Math.max(12 * count, 40);
  for (let attempt = 0; attempt < 12; attempt++) {
    pool = [];
    for (let tries = 0; tries < want * 30 && pool.length < want; tries++) {
      const x = shape.minX + (shape.maxX - shape.minX) * random();
      const y = shape.minY + (shape.maxY - shape.minY) * random();
      if (!shapeContains(shape, x, y)) continue;
      if (margin > 0 && distanceToBoundary(shape, x, y) < margin) continue;
      pool.push({ x, y });
    }
    if (pool.length >= count * 3) break;
    margin = attempt >= 10 ? 0 : margin / 2;
  }
  if (pool.length < count) throw new Error(`could not place ${count} points in a shape of ${Math.round(shapeArea(shape))} m²`);

  const weight = pool.map((p) => (density ? Math.sqrt(density(p.x, p.y)) : 1));
  const nearest = new Float64Array(pool.length).fill(Infinity);
  const taken = new Uint8Array(pool.length);
  const sites: Site[] = [];
  let next = 0;
  while (sites.length < count) {
    taken[next] = 1;
    const chosen = pool[next];
    sites.push(chosen);
    let best = -1;
    let bestScore = -1;
    for (let i = 0; i < pool.length; i++) {
      if (taken[i]) continue;
      const d = Math.hypot(pool[i].x - chosen.x, pool[i].y - chosen.y);
      if (d < nearest[i]) nearest[i] = d;
      const score = nearest[i] * weight[i];
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    next = best;
  }
  return sites;
}

/**
 * The Voronoi cells of `sites` (computed in metres, so round) clipped to `parent`, one per site.
 * A cell whose box meets no edge of the parent lies wholly inside (it holds its site) and is
 * kept as it is; the others are clipped by @turf/intersect.
 */
function voronoiClipped(parent: Boundary, shape: Shape, sites: Site[]): Boundary[] {
  const pad = 100;
  const cells = voronoi(featureCollection(sites.map((s) => point([s.x, s.y]))), {
    bbox: [shape.minX - pad, shape.minY - pad, shape.maxX + pad, shape.maxY + pad],
  });
  return cells.features.map((cell, i) => {
    if (!cell) throw new Error("a Voronoi cell is missing (two sites coincide)");
    const ring = cell.geometry.coordinates[0].map(([x, y]) => unproject(x, y));
    const polygon: Polygon = { type: "Polygon", coordinates: [ring] };
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [lon, lat] of ring) {
      minX = Math.min(minX, lon);
      maxX = Math.max(maxX, lon);
      minY = Math.min(minY, lat);
      maxY = Math.max(maxY, lat);
    }
    let boundary: Boundary;
    if (!touchesEdges(shape, minX, minY, maxX, maxY)) {
      boundary = polygon;
    } else {
      const clipped = intersect(featureCollection([feature(polygon), feature(parent)]));
      if (!clipped) throw new Error(`the cell of site ${i} does not meet its parent`);
      boundary = clipped.geometry;
    }
    return rewind(boundary);
  });
}

function nearestTownship(site: Site): number {
  let best = 0;
  let bestDistance = Infinity;
  JianyangTownships.forEach((town, i) => {
    const seat = project(town.lon, town.lat);
    const d = Math.hypot(site.x - seat.x, site.y - seat.y);
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  });
  return best;
}

/** Children per parent: `base` each, one more for the largest parents until `total` is reached. */
function splitCounts(areas: number[], base: number, total: number): number[] {
  const counts = areas.map(() => base);
  const extra = total - base * areas.length;
  if (extra < 0 || extra > areas.length) throw new Error(`cannot split ${areas.length} parents into ${total}`);
  const byArea = areas.map((a, i) => [a, i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; k < extra; k++) counts[byArea[k][1]]++;
  return counts;
}

function sumChildren(parents: JianyangGrid[], children: JianyangGrid[]) {
  const byCode = new Map(parents.map((p) => [p.properties.code, p]));
  for (const parent of parents) {
    parent.properties.households = 0;
    parent.properties.population = 0;
  }
  for (const child of children) {
    const parent = byCode.get(child.properties.parentCode!)!;
    parent.properties.households! += child.properties.households ?? 0;
    parent.properties.population! += child.properties.population ?? 0;
  }
}

function gridFeature(
  code: string,
  name: string,
  tier: number | null,
  dedicatedKind: DedicatedKind | null,
  parentCode: string | null,
  township: string,
  boundary: Boundary,
): JianyangGrid {
  return { type: "Feature", id: code, properties: { code, name, tier, dedicatedKind, parentCode, township }, geometry: boundary };
}

// ---------------------------------------------------------------------------------------------
// Planar helpers in the local metric frame (sampling and distances only; no clipping here)
// ---------------------------------------------------------------------------------------------

function project(lon: number, lat: number): Site {
  return { x: (lon - Centre.lon) * MetresPerDegreeLon, y: (lat - Centre.lat) * MetresPerDegreeLat };
}

function unproject(x: number, y: number): Position {
  return [Centre.lon + x / MetresPerDegreeLon, Centre.lat + y / MetresPerDegreeLat];
}

/** A boundary's rings in metres (flat x, y arrays, closed), its box in metres and its edges' boxes in degrees. */
interface Shape {
  rings: Float64Array[];
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Per edge: minLon, minLat, maxLon, maxLat. */
  edgeBoxes: Float64Array;
}

function toShape(boundary: Boundary): Shape {
  const polygons = boundary.type === "Polygon" ? [boundary.coordinates] : boundary.coordinates;
  const rings: Float64Array[] = [];
  const edges: number[] = [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const flat = new Float64Array(ring.length * 2);
      ring.forEach(([lon, lat], i) => {
        const { x, y } = project(lon, lat);
        flat[2 * i] = x;
        flat[2 * i + 1] = y;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        if (i > 0) {
          const [lon0, lat0] = ring[i - 1];
          edges.push(Math.min(lon0, lon), Math.min(lat0, lat), Math.max(lon0, lon), Math.max(lat0, lat));
        }
      });
      rings.push(flat);
    }
  }
  return { rings, minX, minY, maxX, maxY, edgeBoxes: Float64Array.from(edges) };
}

function touchesEdges(shape: Shape, minX: number, minY: number, maxX: number, maxY: number): boolean {
  const e = shape.edgeBoxes;
  for (let i = 0; i < e.length; i += 4) {
    if (e[i] <= maxX && e[i + 2] >= minX && e[i + 1] <= maxY && e[i + 3] >= minY) return true;
  }
  return false;
}

function shapeContains(shape: Shape, x: number, y: number): boolean {
  let inside = false;
  for (const ring of shape.rings) {
    for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
      const xi = ring[i];
      const yi = ring[i + 1];
      const xj = ring[j];
      const yj = ring[j + 1];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function distanceToBoundary(shape: Shape, x: number, y: number): number {
  let best = Infinity;
  for (const ring of shape.rings) {
    for (let i = 2; i < ring.length; i += 2) {
      const ax = ring[i - 2];
      const ay = ring[i - 1];
      const dx = ring[i] - ax;
      const dy = ring[i + 1] - ay;
      const length2 = dx * dx + dy * dy;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
      const d = Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
      if (d < best) best = d;
    }
  }
  return best;
}

/** Planar area in m², for shapes without holes (the outline and the cells cut from it have none). */
function shapeArea(shape: Shape): number {
  let total = 0;
  for (const ring of shape.rings) total += Math.abs(signedArea(ring));
  return total;
}

function signedArea(ring: Float64Array | number[]): number {
  let sum = 0;
  for (let i = 2; i < ring.length; i += 2) sum += ring[i - 2] * ring[i + 1] - ring[i] * ring[i - 1];
  return sum / 2;
}

/** RFC 7946 winding: exterior rings counter-clockwise, holes clockwise. */
function rewind(boundary: Boundary): Boundary {
  const fix = (polygon: Position[][]) =>
    polygon.map((ring, r) => {
      const area = signedArea(ring.flatMap((p) => [p[0], p[1]]));
      return (r === 0 ? area < 0 : area > 0) ? [...ring].reverse() : ring;
    });
  return boundary.type === "Polygon"
    ? { type: "Polygon", coordinates: fix(boundary.coordinates) }
    : { type: "MultiPolygon", coordinates: boundary.coordinates.map(fix) };
}

function closedRing(positions: Position[]): Position[] {
  return [...positions, [positions[0][0], positions[0][1]]];
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a label: one independent stream per stage or cell, so one change does not ripple. */
function hashSeed(label: string): number {
  let h = 0x811c9dc5 ^ 0x4a59; // salted with "JY"
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
