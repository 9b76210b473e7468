import { beforeAll, expect, it } from "vitest";
import { withActor } from "../actor.ts";
import { recountTickets } from "../metrics/recount.ts";
import { TicketCounterEntity } from "../metrics/counter.entity.ts";
import { seed, seedJianyangGrids, seedJianyangTickets, JianyangPeopleCounts, JianyangTicketCounts } from "./index.ts";
import * as Grid from "../grid/index.ts";
import { readTallies } from "../metrics/tally.ts";

beforeAll(async () => {
  await seed();
  await seedJianyangGrids();
}, 120_000);

it("seeds the article's grids per tier and people per role, and the district's standing counts say so", async () => {
  await withActor({ type: "system", tenantID: "jianyang" }, async () => {
    expect(await Grid.counts()).toEqual({ tiers: { 1: 230, 2: 964, 3: 2600, 4: 0, 5: 0 }, dedicated: 67 });
    const tallies = await readTallies("district", "all");
    const total = Object.values(JianyangPeopleCounts).reduce((sum, count) => sum + count, 0);
    expect(tallies["people.total"].count).toBe(total);
    for (const [role, count] of Object.entries(JianyangPeopleCounts)) expect(tallies[`people.role.${role}`]?.count, role).toBe(count);
    // 48 joint party-building meetings and 238 co-building projects, all in 2022.
    expect(tallies["party.jointMeetings"].count).toBe(48);
    expect(tallies["party.coBuildingProjects"].count).toBe(238);
    expect((await readTallies("district", "2022"))["party.coBuildingProjects"].count).toBe(238);
  });
});

it("replays a year of tickets through the core transitions: the open ones stay open, counters agree with a recount", async () => {
  const limit = 120;
  const result = await seedJianyangTickets({ limit });
  expect(result).toMatchObject({ tickets: limit, seeded: true });
  // The article's proportion: 10 of 5,632 still open.
  const open = Math.round((limit * (JianyangTicketCounts.collected - JianyangTicketCounts.closed)) / JianyangTicketCounts.collected);
  const district = (await TicketCounterEntity.get({ tenantID: "jianyang", scope: "district", period: "all" }).go()).data!;
  expect(district.collected).toBe(limit);
  expect(district.closed).toBe(limit - open);
  expect(district.solved).toBeGreaterThan(0.9 * (limit - open));
  expect(district.onTime).toBeGreaterThan(0.85 * (limit - open));
  const year = (await TicketCounterEntity.get({ tenantID: "jianyang", scope: "district", period: "2022" }).go()).data!;
  expect(year.collected).toBe(limit);
  const report = await withActor({ type: "system", tenantID: "jianyang" }, () => recountTickets());
  expect(report.tickets).toBe(limit);
  expect(report.drift).toEqual([]);
  // A second run finds the marker and replays nothing.
  expect((await seedJianyangTickets({ limit })).seeded).toBe(false);
}, 240_000);
