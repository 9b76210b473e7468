import { beforeAll, expect, it } from "vitest";
import { withActor } from "../actor.ts";
import * as Metrics from "../metrics/index.ts";
import { seed, seedJianyangGrids, seedJianyangMechanisms, seedJianyangTickets } from "./index.ts";

/**
 * The source's figures (DOMAIN.md, from the 2022 report on Jianyang), as the metrics API
 * computes them from the demo's records — every record written through the core functions
 * (grids through the import, tickets and mechanisms through their transitions). The numbers
 * below are typed from the article, not read from the seed's constants. Slow (the whole demo
 * year on DynamoDB Local: about 20 minutes on two cores); it runs once per test run.
 */
let dashboard: Awaited<ReturnType<typeof Metrics.getDistrictMetrics>>;

beforeAll(async () => {
  await seed();
  await seedJianyangGrids();
  await seedJianyangMechanisms();
  await seedJianyangTickets({ concurrency: 8 });
  dashboard = await withActor({ type: "user", userID: "admin", tenantID: "jianyang", roles: ["district_admin"] }, () => Metrics.getDistrictMetrics({ period: "all" }));
}, 3_600_000);

it("grids per tier: 230 first-level, 964 second-level, 2,600 third-level, 67 dedicated", () => {
  expect(dashboard.tiers.map((tier) => [tier.nameZh, tier.grids])).toEqual([["一级网格", 230], ["二级网格", 964], ["三级网格", 2600]]);
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
  expect(dashboard.values).toMatchObject({
    "cadres.assigned": 760, // 760 seconded cadres
    "ledger.sentiment_map": 140, // 140 community sentiment maps
    "wishes.fulfilled": 360, // 360 micro-wishes fulfilled
    "needs.created": 184, // 184 needs/project lists
    "party.jointMeetings": 48, // 48 joint party-building meetings
    "party.coBuildingProjects": 238, // 238 co-building projects claimed
    "activities.held": 180, // 180 volunteer activities
    "activities.served": 9800, // serving about 9,800 people
    "volunteers.teams": 165, // 165 volunteer teams
    "volunteers.problemsSolved": 610, // solving 610 problems
    "owners.committeeWorkers": 65, // 65 grid workers on owners' committees
    "owners.consultations": 180, // 180 consultations
    "owners.livelihoodProjects": 72, // 72 livelihood projects
    "emergency.roundsDistrictWide": 3, // 3 district-wide testing rounds
    "emergency.roundsRiskArea": 7, // 7 risk-area testing rounds
  });
});
