import { beforeAll, describe, expect, it } from "vitest";
import * as Onboarding from "../onboarding/index.ts";
import { withActor, type Actor } from "../actor.ts";
import * as Config from "../config/index.ts";
import { ConflictError, InputError, NotFoundError } from "../error.ts";
import * as Province from "../province/index.ts";
import { requestsOf } from "../storage/requests.test-support.ts";
import * as Grid from "./index.ts";
import { rect } from "../onboarding/test-district.test-support.ts";
import { rejection } from "../util/rejection.test-support.ts";

/** A lon/lat rectangle near Jianyang (118.12 E, 27.33 N). */

const admin: Actor = { type: "user", userID: "admin-1", tenantID: "gridtown", roles: ["district_admin"] };
const resident: Actor = { type: "user", userID: "res-1", tenantID: "gridtown", roles: ["resident"] };
const asAdmin = <T>(body: () => Promise<T>) => withActor(admin, body);

let top: Grid.Grid; // tier 1: [0,0]-[10,10]
let left: Grid.Grid; // tier 2: [0,0]-[5,10]
let right: Grid.Grid; // tier 2: [5,0]-[10,10]

beforeAll(async () => {
  await withActor({ type: "operator", userID: "op" }, async () => {
    await Province.create({ provinceID: "fujian", nameZh: "福建省", nameEn: "Fujian" });
    await Onboarding.onboard({
      slug: "gridtown",
      nameZh: "网格区",
      nameEn: "Gridtown",
      provinceID: "fujian",
      cityZh: "南平市",
      cityEn: "Nanping",
      template: "jianyang",
      admin: { name: "管理员", phone: "13800000000" },
    });
  });
  await asAdmin(async () => {
    top = await Grid.create({ code: "T1", name: "一号网格", tier: 1, boundary: rect(0, 0, 10, 10) });
    left = await Grid.create({ code: "T1-1", name: "一号网格-1", tier: 2, parentID: top.gridID, boundary: rect(0, 0, 5, 10) });
    right = await Grid.create({ code: "T1-2", name: "一号网格-2", tier: 2, parentID: top.gridID, boundary: rect(5, 0, 10, 10) });
  });
});

describe("the grid tree", () => {
  it("keeps a child's ancestors and lists a grid's children in one DynamoDB query", async () => {
    const leaf = await asAdmin(() =>
      Grid.create({ code: "T1-1-1", name: "叶", tier: 3, parentID: left.gridID, boundary: rect(0, 0, 5, 5), households: 120 }),
    );
    const read = await withActor(resident, () => Grid.get(leaf.gridID));
    expect(read.ancestors.map((ancestor) => ancestor.code)).toEqual(["T1", "T1-1"]);
    expect(read.grid.areaM2).toBeGreaterThan(2_700_000);

    const { result: children, requests } = await requestsOf(() => withActor(resident, () => Grid.list({ parentID: top.gridID })));
    expect(children.items.map((grid) => grid.code)).toEqual(["T1-1", "T1-2"]);
    expect(children.items[0].boundary).toBeUndefined();
    expect(requests.filter((request) => request === "Query")).toHaveLength(1);
    const tier = await withActor(resident, () => Grid.list({ tier: 2, boundary: true }));
    expect(tier.items.map((grid) => grid.code)).toEqual(["T1-1", "T1-2"]);
    expect(tier.items[0].boundary).toMatchObject({ type: "Polygon" });
  });

  it("refuses a child outside its parent, naming the area that sticks out", async () => {
    const error = await rejection(
      asAdmin(() => Grid.create({ code: "BAD-1", name: "出界", tier: 3, parentID: right.gridID, boundary: rect(8, 8, 12, 10) })),
    );
    expect(error.code).toBe("grid.outside_parent");
    // 0.02° × 0.02° of it lies outside: about 1,977 m × 2,222 m … give or take the projection.
    const area = Number(error.message.match(/by ([\d,]+) m²/)![1].replaceAll(",", ""));
    expect(area).toBeGreaterThan(4_000_000);
    expect(area).toBeLessThan(5_000_000);
  });

  it("refuses overlapping siblings (无缝覆盖: no overlaps)", async () => {
    const error = await rejection(
      asAdmin(() => Grid.create({ code: "BAD-2", name: "重叠", tier: 2, parentID: top.gridID, boundary: rect(4, 4, 6, 6) })),
    );
    expect(error.code).toBe("grid.overlap");
    expect(error.details!.map((detail) => detail.message).join(" ")).toMatch(/T1-1.*T1-2|T1-2.*T1-1/s);
  });

  it("refuses a parent of the wrong tier, a duplicate code and a broken polygon, writing nothing", async () => {
    expect(
      (
        await rejection(
          asAdmin(() => Grid.create({ code: "BAD-3", name: "错层", tier: 3, parentID: top.gridID, boundary: rect(0, 0, 1, 1) })),
        )
      ).code,
    ).toBe("grid.parent_tier");
    expect((await rejection(asAdmin(() => Grid.create({ code: "T1", name: "重复", tier: 1, boundary: rect(20, 20, 21, 21) })))).code).toBe(
      "grid.code_exists",
    );
    const bowTie = {
      type: "Polygon",
      coordinates: [
        [
          [118.3, 27.3],
          [118.31, 27.31],
          [118.31, 27.3],
          [118.3, 27.31],
          [118.3, 27.3],
        ],
      ],
    };
    const broken = await rejection(asAdmin(() => Grid.create({ code: "BAD-4", name: "自交", tier: 1, boundary: bowTie })));
    expect(broken.code).toBe("grid.invalid_boundary");
    expect(broken.message).toMatch(/self-intersect/);
    const roots = await withActor(resident, () => Grid.list({ parentID: "root" }));
    expect(roots.items.map((grid) => grid.code)).toEqual(["T1"]);
  });

  it("lets only the district admin change grids", async () => {
    expect(
      (await rejection(withActor(resident, () => Grid.create({ code: "R1", name: "居民", tier: 1, boundary: rect(30, 30, 31, 31) })))).kind,
    ).toBe("forbidden");
  });
});

describe("dynamic adjustment (动态调整)", () => {
  it("renames with a kept version, and refuses a stale version", async () => {
    const renamed = await asAdmin(() => Grid.update({ gridID: right.gridID, name: "东片网格", expectedVersion: 1 }));
    expect(renamed.version).toBe(2);
    const stale = await rejection(asAdmin(() => Grid.update({ gridID: right.gridID, name: "又改", expectedVersion: 1 })));
    expect(stale).toBeInstanceOf(ConflictError);
    const history = await withActor(resident, () => Grid.versions({ gridID: right.gridID }));
    expect(history.items.map((entry) => [entry.version, entry.change, entry.by])).toEqual([
      [1, "create", "admin-1"],
      [2, "rename", "admin-1"],
    ]);
    expect(history.items[0].snapshot).toMatchObject({ name: "一号网格-2" });
  });

  it("two admins changing the same grid at once: one wins, the other gets a conflict", async () => {
    const fresh = await withActor(resident, () => Grid.get(right.gridID));
    const results = await Promise.allSettled([
      asAdmin(() => Grid.update({ gridID: right.gridID, population: 100 })),
      asAdmin(() => Grid.update({ gridID: right.gridID, population: 200 })),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result) => result.status === "rejected") as PromiseRejectedResult[];
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const loss of lost) expect(loss.reason).toBeInstanceOf(ConflictError);
    const after = await withActor(resident, () => Grid.get(right.gridID));
    expect(after.grid.version).toBe(fresh.grid.version + won.length);
  });

  it("refuses a redraw that would leave a child outside, and retiring a grid with children", async () => {
    const redraw = await rejection(asAdmin(() => Grid.update({ gridID: left.gridID, boundary: rect(0, 5, 5, 10) })));
    expect(redraw.code).toBe("grid.children_outside");
    expect(redraw.details![0].message).toContain("T1-1-1");
    const retire = await rejection(asAdmin(() => Grid.update({ gridID: left.gridID, status: "retired" })));
    expect(retire.code).toBe("grid.has_children");
  });

  it("splits a grid into pieces that cover it exactly; its children move under the piece that holds them", async () => {
    const notExact = await rejection(
      asAdmin(() =>
        Grid.split({
          gridID: left.gridID,
          pieces: [
            { code: "L-A", name: "A", boundary: rect(0, 0, 5, 5) },
            { code: "L-B", name: "B", boundary: rect(0, 6, 5, 10) },
          ],
        }),
      ),
    );
    expect(notExact.code).toBe("grid.split_not_exact");
    expect(notExact.details!.some((detail) => /gap of/.test(detail.message))).toBe(true);

    const result = await asAdmin(() =>
      Grid.split({
        gridID: left.gridID,
        pieces: [
          { code: "L-A", name: "西南", boundary: rect(0, 0, 5, 5) },
          { code: "L-B", name: "西北", boundary: rect(0, 5, 5, 10) },
        ],
      }),
    );
    const [south] = result.pieces;
    const children = await withActor(resident, () => Grid.list({ parentID: south.gridID }));
    expect(children.items.map((grid) => grid.code)).toEqual(["T1-1-1"]);
    expect(children.items[0].path).toEqual([top.gridID, south.gridID]);
    const old = await withActor(resident, () => Grid.get(left.gridID));
    expect(old.grid.status).toBe("retired");
    const coverage = await withActor(resident, () => Grid.getCoverage(top.gridID));
    expect(coverage.ok).toBe(true);
    expect(coverage.children).toBe(3);
  });

  it("merges siblings into their union", async () => {
    const pieces = await withActor(resident, () => Grid.list({ parentID: top.gridID }));
    const west = pieces.items.filter((grid) => grid.code.startsWith("L-"));
    const { merged } = await asAdmin(() => Grid.merge({ gridIDs: west.map((grid) => grid.gridID), code: "W", name: "西片" }));
    expect(merged.areaM2).toBeCloseTo(
      west.reduce((total, grid) => total + grid.areaM2, 0),
      -4,
    );
    const children = await withActor(resident, () => Grid.list({ parentID: merged.gridID }));
    expect(children.items.map((grid) => grid.code)).toEqual(["T1-1-1"]);
  });
});

describe("coverage report and locating points", () => {
  // Found by the OpenAPI fuzz (issue 16): GET /grids/root/coverage was a 500 ("unionOf needs at least one boundary").
  it("reports the first tier of a district without grids as covering nothing, not as an error", async () => {
    const elsewhere: Actor = { type: "user", userID: "res-2", tenantID: "gridless", roles: ["resident"] };
    const report = await withActor(elsewhere, () => Grid.getCoverage("root"));
    expect(report).toMatchObject({ grid: null, children: 0, ok: true, outside: [], overlaps: [], gaps: [] });
  });

  it("reports a gap with its area and geometry when children do not cover their parent", async () => {
    const parent = await asAdmin(() => Grid.create({ code: "G", name: "缺口", tier: 1, boundary: rect(20, 0, 30, 10) }));
    await asAdmin(() => Grid.create({ code: "G-1", name: "缺口-1", tier: 2, parentID: parent.gridID, boundary: rect(20, 0, 25, 10) }));
    const report = await withActor(resident, () => Grid.getCoverage(parent.gridID));
    expect(report.ok).toBe(false);
    expect(report.gaps).toHaveLength(1);
    expect(report.gaps[0].areaM2).toBeGreaterThan(0.45 * report.parentAreaM2);
    expect(report.gaps[0].areaM2).toBeLessThan(0.55 * report.parentAreaM2);
    expect(report.gaps[0].geometry).toMatchObject({ type: expect.stringMatching(/Polygon/) });
  });

  it("finds the finest grid at a point with its ancestors, follows changes, and says when a point is outside", async () => {
    const hit = await withActor(resident, () => Grid.locate({ lon: 118.02, lat: 27.02 }));
    expect(hit.grid.code).toBe("T1-1-1");
    expect(hit.ancestors.map((ancestor) => ancestor.code)).toEqual(["T1", "W"]);
    const beside = await withActor(resident, () => Grid.locate({ lon: 118.08, lat: 27.08 }));
    expect(beside.grid.code).toBe("T1-2");

    await asAdmin(() => Grid.create({ code: "T1-2-1", name: "新", tier: 3, parentID: right.gridID, boundary: rect(5, 5, 10, 10) }));
    const after = await withActor(resident, () => Grid.locate({ lon: 118.08, lat: 27.08 }));
    expect(after.grid.code).toBe("T1-2-1");

    const outside = await rejection(withActor(resident, () => Grid.locate({ lon: 117, lat: 26 })));
    expect(outside).toBeInstanceOf(NotFoundError);
    expect(outside.code).toBe("grid.outside_district");
  });
});

describe("tiers as configuration", () => {
  it("refuses a change that would orphan grids, naming them, by the same rules as any configuration change; accepts renaming", async () => {
    const config = await withActor(admin, () => Config.tiers());
    const twoTiers = config.tiers.slice(0, 2);
    // Roles of the catalogue sit on tier 3: the settings would not hold together (400, as PATCH /config says it).
    const invalid = await rejection(asAdmin(() => Config.updateTiers({ tiers: twoTiers, dedicatedKinds: config.dedicatedKinds })));
    expect(invalid.code).toBe("input.invalid");
    expect(((invalid as InputError).details ?? []).map((detail) => detail.path)).toContainEqual(
      expect.stringMatching(/^roles\.\d+\.tier$/),
    );
    // With those roles moved up a tier, the grids of tier 3 are in the way (409, naming them).
    const { roles } = await withActor(admin, () => Config.get());
    const movedUp = roles.map((role) => (role.tier === 3 ? { ...role, tier: 2 } : role));
    const refused = await rejection(
      asAdmin(() => Config.update({ expectedVersion: config.version, changes: { tiers: twoTiers, roles: movedUp } })),
    );
    expect(refused.code).toBe("config.breaking");
    expect(refused.message).toContain("T1-1-1");
    const renamed = config.tiers.map((tier) => (tier.level === 3 ? { ...tier, nameZh: "微网格", nameEn: "Micro grid" } : tier));
    const next = await asAdmin(() =>
      Config.updateTiers({ tiers: renamed, dedicatedKinds: config.dedicatedKinds, expectedVersion: config.version }),
    );
    expect(next.version).toBe(config.version + 1);
    expect(next.tiers[2].nameZh).toBe("微网格");
  });
});

describe("bulk import", () => {
  const feature = (
    code: string,
    tier: number | null,
    parentCode: string | null,
    boundary: unknown,
    extra: Record<string, unknown> = {},
  ) => ({
    type: "Feature",
    geometry: boundary,
    properties: { code, name: `网格${code}`, tier, parentCode, ...extra },
  });

  it("reports every problem with its feature index before writing anything", async () => {
    const file = {
      type: "FeatureCollection",
      features: [
        feature("I1", 1, null, rect(40, 0, 50, 10)),
        feature("I1-1", 2, "I1", rect(40, 0, 46, 10)),
        feature("I1-2", 2, "I1", rect(45, 0, 50, 10)), // overlaps I1-1
        feature("I1-3", 3, "I1", rect(40, 0, 41, 1)), // wrong tier of parent
        feature("I1", 1, null, rect(60, 0, 61, 1)), // duplicate code
        feature("I2", 1, null, {
          type: "Polygon",
          coordinates: [
            [
              [27.3, 118.1],
              [27.31, 118.1],
              [27.31, 118.11],
              [27.3, 118.1],
            ],
          ],
        }), // swapped
        feature("I1-4", 2, "NOPE", rect(40, 0, 41, 1)),
      ],
    };
    const error = await rejection(asAdmin(() => Grid.importCollection(file)));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe("import.invalid");
    const byFeature = (index: number) =>
      error
        .details!.filter((detail) => detail.path === `features[${index}]`)
        .map((detail) => detail.message)
        .join(" | ");
    expect(byFeature(2)).toMatch(/I1-2: overlaps I1-1/);
    expect(byFeature(3)).toMatch(/I1-3: parent I1 is of tier 1, expected tier 2/);
    expect(byFeature(4)).toMatch(/duplicate code/);
    expect(byFeature(5)).toMatch(/\[longitude, latitude\]/);
    expect(byFeature(6)).toMatch(/parent NOPE/);
    const roots = await withActor(resident, () => Grid.list({ parentID: "root" }));
    expect(roots.items.map((grid) => grid.code)).not.toContain("I1");
  });

  it("imports a valid file in batches with progress, and exports it back", async () => {
    const features = [feature("K1", 1, null, rect(40, 0, 50, 10), { households: 300 })];
    for (let i = 0; i < 10; i++) features.push(feature(`K1-${i}`, 2, "K1", rect(40 + i, 0, 41 + i, 10)));
    const progress: string[] = [];
    const result = await asAdmin(() =>
      Grid.importCollection(
        { type: "FeatureCollection", features },
        { onProgress: (phase, done, total) => void progress.push(`${phase} ${done}/${total}`) },
      ),
    );
    expect(result.imported).toBe(11);
    expect(progress.at(-1)).toBe("writing 11/11");
    const k = (await withActor(resident, () => Grid.list({ tier: 1 }))).items.find((grid) => grid.code === "K1")!;
    const children = await withActor(resident, () => Grid.list({ parentID: k.gridID }));
    expect(children.items).toHaveLength(10);
    const exported = await asAdmin(() => Grid.exportCollection());
    const k1 = exported.features.find((entry) => entry.properties.code === "K1-3")!;
    expect(k1.properties).toMatchObject({ parentCode: "K1", tier: 2 });
    expect(k1.geometry).toEqual(rect(43, 0, 44, 10));
  });

  it("takes a tier left out from the parent, in the file or the district, and tells an unknown parent and a loop", async () => {
    // K1-3 (tier 2, [43,0]-[44,10]) is the district's, imported by the test before.
    const untiered = (code: string, parentCode: string | null, boundary: unknown) => ({
      type: "Feature",
      geometry: boundary,
      properties: { code, name: `网格${code}`, ...(parentCode ? { parentCode } : {}) },
    });
    const wrong = {
      type: "FeatureCollection",
      features: [
        untiered("L1", null, rect(70, 0, 80, 10)),
        untiered("L1-1", "GHOST", rect(70, 0, 71, 1)),
        untiered("LA", "LB", rect(72, 0, 73, 1)),
        untiered("LB", "LA", rect(74, 0, 75, 1)),
      ],
    };
    const error = await rejection(asAdmin(() => Grid.importCollection(wrong)));
    expect(error.code).toBe("import.invalid");
    expect(error.details).toEqual([
      { path: "features[2]", message: "LA: its line of parents loops back to it (no tier to take)" },
      { path: "features[3]", message: "LB: its line of parents loops back to it (no tier to take)" },
      { path: "features[1]", message: "L1-1: parent GHOST is neither in the file nor in the district" },
    ]);

    const right = {
      type: "FeatureCollection",
      features: [
        untiered("M1", null, rect(80, 0, 90, 10)),
        untiered("M1-1", "M1", rect(80, 0, 85, 10)),
        untiered("M1-1-1", "M1-1", rect(80, 0, 81, 1)),
        untiered("K1-3-1", "K1-3", rect(43, 0, 44, 1)),
      ],
    };
    expect((await asAdmin(() => Grid.importCollection(right))).imported).toBe(4);
    const exported = await asAdmin(() => Grid.exportCollection());
    const tierOf = (code: string) => exported.features.find((entry) => entry.properties.code === code)?.properties.tier;
    expect(["M1", "M1-1", "M1-1-1", "K1-3-1"].map(tierOf)).toEqual([1, 2, 3, 3]);
  });
});

describe("grid counts", () => {
  it("keeps the active grids per tier through creates, splits, merges, retirements and imports", async () => {
    const all = await asAdmin(() => Grid.all());
    const expected = { tiers: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<number, number>, dedicated: 0 };
    for (const grid of all) {
      if (grid.tier === null) expected.dedicated += 1;
      else expected.tiers[grid.tier] += 1;
    }
    expect(expected.tiers[1] + expected.tiers[2]).toBeGreaterThan(10);
    expect(await withActor(resident, () => Grid.counts())).toEqual(expected);
  });
});
