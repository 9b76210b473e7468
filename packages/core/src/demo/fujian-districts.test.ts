import { beforeAll, expect, it } from "vitest";
import { withActor } from "../actor.ts";
import * as District from "../district/index.ts";
import * as Grid from "../grid/index.ts";
import * as Metrics from "../metrics/index.ts";
import { FujianDemoDistricts, latticeGrids, replayDemoDistrictTickets, seedDemoDistrict } from "./fujian-districts.ts";
import { seed } from "./index.ts";

beforeAll(async () => {
  await seed();
}, 60_000);

it("draws each district's lattice: every tier tiles its parent", () => {
  const [shaowu, wuyishan] = FujianDemoDistricts.map(latticeGrids);
  const perTier = (collection: ReturnType<typeof latticeGrids>) =>
    collection.features.reduce<Record<number, number>>((counts, feature) => ({ ...counts, [feature.properties.tier]: (counts[feature.properties.tier] ?? 0) + 1 }), {});
  expect(perTier(shaowu)).toEqual({ 1: 36, 2: 288 });
  expect(perTier(wuyishan)).toEqual({ 1: 6, 2: 30, 3: 120, 4: 480 });
  expect(new Set(wuyishan.features.map((feature) => feature.properties.code)).size).toBe(636);
});

it("seeds two more districts of Fujian with their own tiers, grids, people and a year of tickets, side by side with the others", async () => {
  const wuyishan = FujianDemoDistricts[1];
  expect(await seedDemoDistrict(wuyishan)).toEqual({ grids: 636, people: 486 });
  expect(await seedDemoDistrict(wuyishan)).toEqual({ grids: 0, people: 0 });
  await replayDemoDistrictTickets(wuyishan, { limit: 40 });
  await withActor({ type: "system", tenantID: "wuyishan" }, async () => {
    const config = await District.currentConfig();
    expect(config.tiers.map((tier) => tier.nameZh)).toEqual(["镇街网格", "社区网格", "小区网格", "楼栋网格"]);
    expect(config.mechanisms).toMatchObject({ tickets: true, cadreSecondment: true, wishes: false });
    expect(await Grid.counts()).toEqual({ tiers: { 1: 6, 2: 30, 3: 120, 4: 480, 5: 0 }, dedicated: 0 });
    const dashboard = await Metrics.getDistrictMetrics({ period: "2022" });
    expect(dashboard.values["tickets.collected"]).toBe(40);
    expect(dashboard.values["tickets.closed"]).toBe(39);
    expect(dashboard.roles.map((role) => [role.key, role.people])).toEqual([["grid_leader", 6], ["grid_worker", 480], ["grid_assistant", 0]]);
  });
  const comparison = await withActor({ type: "province", userID: "fujian-admin", provinceID: "fujian" }, () => Metrics.compareDistricts({ period: "2022" }));
  expect(comparison.rows.map((row) => row.tenantID)).toEqual(expect.arrayContaining(["jianyang", "wuyishan", "yanping"]));
  expect(comparison.rows.find((row) => row.tenantID === "wuyishan")!.values).toMatchObject({ "grids.tier4": 480, "tickets.collected": 40 });
}, 240_000);
