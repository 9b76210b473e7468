import { afterEach, beforeAll, expect, it } from "vitest";
import { withActor, type Actor } from "../actor.ts";
import * as Metrics from "../metrics/index.ts";
import { ArticleCadreFigures, ArticleMechanismFigures } from "./article.test-support.ts";
import { DemoInterrupted, interruptAfter, seed, seedDemoYear, seedFujianDistricts, seedJianyangGrids } from "./index.ts";

/**
 * `npm run test:demo` (not in `npm test`: about ten minutes): the whole demo year as
 * `npm start` replays it, with every step stopped part-way once and resumed, ends with the
 * source's figures (DOMAIN.md, from the 2022 report on Jianyang) as the metrics API computes
 * them, and every counter of every district agrees with a recount of its records. The numbers
 * are typed from the article, not read from the seed's constants. Run it before closing an
 * issue that touches tickets, counters, metrics or the demo.
 */
const admin = (tenantID: string): Actor => ({ type: "user", userID: "admin", tenantID, roles: ["district_admin"] });
let dashboard: Awaited<ReturnType<typeof Metrics.getDistrictMetrics>>;

afterEach(() => interruptAfter(null));

async function stopped(stops: Record<string, number>, run: () => Promise<unknown>) {
  for (const [name, after] of Object.entries(stops)) interruptAfter(name, after);
  await expect(run()).rejects.toBeInstanceOf(DemoInterrupted);
  interruptAfter(null);
}

beforeAll(async () => {
  await seed();
  await stopped({ "jianyang-grids": 2000 }, () => seedJianyangGrids());
  await stopped({ "jianyang-people": 80 }, () => seedJianyangGrids());
  await stopped({ "jianyang-party": 1000 }, () => seedJianyangGrids());
  await seedJianyangGrids();
  await stopped({ "shaowu-grids": 100 }, () => seedFujianDistricts());
  await seedFujianDistricts();
  await stopped({ "jianyang-cadres": 2000, "jianyang-tickets": 12_000, "shaowu-tickets": 2000, "wuyishan-tickets": 5000 }, () =>
    seedDemoYear(),
  );
  await stopped({ "jianyang-menu": 700 }, () => seedDemoYear());
  await stopped({ "jianyang-volunteers": 600 }, () => seedDemoYear());
  await stopped({ "jianyang-emergency": 400 }, () => seedDemoYear());
  await seedDemoYear();
  dashboard = await withActor(admin("jianyang"), () => Metrics.getDistrictMetrics({ period: "all" }));
}, 3_600_000);

it("grids per tier: 230 first-level, 964 second-level, 2,600 third-level, 67 dedicated", () => {
  expect(dashboard.tiers.map((tier) => [tier.nameZh, tier.grids])).toEqual([
    ["一级网格", 230],
    ["二级网格", 964],
    ["三级网格", 2600],
  ]);
  expect(dashboard.values["grids.dedicated"]).toBe(67);
});

it("people per role, as the article's table", () => {
  expect(Object.fromEntries(dashboard.roles.map((role) => [role.nameZh, role.people]))).toEqual({
    一级网格长: 230,
    二级网格长: 964,
    三级网格员: 2600,
    网格指导员: 1194,
    网格警长: 230,
    专职网格管理员: 254,
    专属网格员: 69,
    网格助理: 760,
  });
});

it("snap-and-report: collected 5,632, closed 5,622, closure rate 99.82%", () => {
  expect(dashboard.values["tickets.collected"]).toBe(5632);
  expect(dashboard.values["tickets.closed"]).toBe(5622);
  expect(dashboard.values["tickets.closureRate"]).toBe(0.9982);
});

it("the mechanisms' figures", () => {
  expect(dashboard.values).toMatchObject({ ...ArticleCadreFigures, ...ArticleMechanismFigures });
});

it("Shaowu's 900 and Wuyishan's 1,800 tickets of 2022", async () => {
  const shaowu = await withActor(admin("shaowu"), () => Metrics.getDistrictMetrics({ period: "2022" }));
  const wuyishan = await withActor(admin("wuyishan"), () => Metrics.getDistrictMetrics({ period: "2022" }));
  expect([shaowu.values["tickets.collected"], shaowu.values["tickets.closed"]]).toEqual([900, 894]);
  expect([wuyishan.values["tickets.collected"], wuyishan.values["tickets.closed"]]).toEqual([1800, 1773]);
});

it("every counter of every district agrees with a recount of its records", async () => {
  for (const tenantID of ["jianyang", "shaowu", "wuyishan"]) {
    const recount = await withActor(admin(tenantID), () => Metrics.recountMetrics({}));
    expect(recount.drift, tenantID).toEqual([]);
  }
}, 600_000);
