import { afterEach, beforeAll, expect, it } from "vitest";
import { withActor, type Actor } from "../actor.ts";
import * as Cadre from "../cadre/index.ts";
import * as Config from "../config/index.ts";
import * as Emergency from "../emergency/index.ts";
import * as Grid from "../grid/index.ts";
import * as Metrics from "../metrics/index.ts";
import { recountStanding } from "../metrics/recount.ts";
import { readTallies } from "../counter/tally.ts";
import * as Need from "../need/index.ts";
import * as Ticket from "../ticket/index.ts";
import { UserEntity } from "../user/user.entity.ts";
import * as Volunteer from "../volunteer/index.ts";
import * as Wish from "../wish/index.ts";
import {
  DemoInterrupted,
  demoYear,
  interruptAfter,
  OlderDemoError,
  seed,
  seedDemoYear,
  seedFujianDistricts,
  seedJianyangGrids,
  SeedMarkerEntity,
  status,
} from "./index.ts";
import { DemoPlan } from "./replay.ts";
import { ArticleMechanismFigures } from "./article.test-support.ts";

/**
 * The demo through the real core functions on DynamoDB Local, from the run's seeded base, in a
 * smaller year of the same shape (`SmallYear`; `npm run test:demo` replays the whole year and
 * checks all the article's figures). Every step is
 * stopped part-way once, as Ctrl-C or a crash would stop it, and resumed by the next run; people
 * use the product before the year is replayed. The numbers below are typed from the article
 * (DOMAIN.md) and from the plan's sizes, not read from the seed's constants.
 */
const admin: Actor = { type: "user", userID: "admin", tenantID: "jianyang", roles: ["district_admin"] };
const system: Actor = { type: "system", tenantID: "jianyang" };

beforeAll(async () => {
  await seed();
}, 60_000);

afterEach(() => interruptAfter(null));

/** Runs `run` with each step of `stops` stopped after so many actions: each must stop there. */
async function interrupted(stops: Record<string, number>, run: () => Promise<unknown>) {
  for (const [name, after] of Object.entries(stops)) interruptAfter(name, after);
  await expect(run()).rejects.toBeInstanceOf(DemoInterrupted);
  interruptAfter(null);
  for (const name of Object.keys(stops))
    expect((await SeedMarkerEntity.get({ name }).go()).data, name).toMatchObject({ state: "started", plan: DemoPlan });
}

it("seeded Jianyang's grids, people and party chain through the domain: the article's numbers, and the standing counts recount with no drift", async () => {
  // The run's seeded base is `seedJianyangGrids` on a fresh table (its steps stopped part-way
  // and resumed are in `npm run test:demo`; Shaowu's and Wuyishan's below go the same way).
  expect(await seedJianyangGrids()).toEqual({ grids: 0, people: 0 });
  await withActor(system, async () => {
    expect(await Grid.counts()).toEqual({ tiers: { 1: 230, 2: 964, 3: 2600, 4: 0, 5: 0 }, dedicated: 67 });
    const tallies = await readTallies("district", "all");
    expect(tallies["people.total"].count).toBe(6301);
    expect(tallies["people.role.grid_worker"].count).toBe(2600);
    expect(tallies["people.role.grid_assistant"].count).toBe(760);
    expect(tallies["party.jointMeetings"].count).toBe(48);
    expect(tallies["party.coBuildingProjects"].count).toBe(238);
    expect((await readTallies("district", "2022"))["party.coBuildingProjects"].count).toBe(238);
    const recount = await recountStanding();
    expect(recount).toMatchObject({ grids: 3861, people: 6301, drift: [] });
  });
  // The demo worker and leader work on the grid at the district's centre.
  const worker = (await UserEntity.get({ tenantID: "jianyang", userID: "worker" }).go()).data!;
  const centre = await withActor(system, () => Grid.locate({ lon: 118.12, lat: 27.33 }));
  expect(worker.gridID).toBe(centre.grid.gridID);
}, 120_000);

it("seeds Shaowu and Wuyishan with their own tiers, grids and people, each step resumed after an interruption", async () => {
  await interrupted({ "shaowu-grids": 100 }, () => seedFujianDistricts());
  await interrupted({ "shaowu-people": 2 }, () => seedFujianDistricts());
  await interrupted({ "wuyishan-people": 3 }, () => seedFujianDistricts());
  await seedFujianDistricts();
  await withActor({ type: "system", tenantID: "wuyishan" }, async () => {
    const config = await Config.get();
    expect(config.tiers.map((tier) => tier.nameZh)).toEqual(["镇街网格", "社区网格", "小区网格", "楼栋网格"]);
    expect(await Grid.counts()).toEqual({ tiers: { 1: 6, 2: 30, 3: 120, 4: 480, 5: 0 }, dedicated: 0 });
    expect(await recountStanding()).toMatchObject({ grids: 636, people: 486, drift: [] });
  });
  await withActor({ type: "system", tenantID: "shaowu" }, async () => {
    expect(await Grid.counts()).toEqual({ tiers: { 1: 36, 2: 288, 3: 0, 4: 0, 5: 0 }, dedicated: 0 });
    expect(await recountStanding()).toMatchObject({ grids: 324, people: 324, drift: [] });
  });
}, 300_000);

it("replays a smaller year with people using the product first, every step stopped part-way and resumed: the plan's figures, and every counter recounts", async () => {
  // A resident reports a ticket and posts a wish before the demo year is there.
  const resident: Actor = { type: "user", userID: "resident", tenantID: "jianyang", roles: ["resident"] };
  const own = await withActor(resident, () =>
    Ticket.create({ categoryKey: "garbage", description: "楼下垃圾没人清运", lon: 118.12, lat: 27.33 }),
  );
  await withActor(resident, () => Wish.createWish({ title: "想要一副老花镜", description: "看不清药盒上的字", gridID: own.ticket.gridID }));

  const steps = demoYear({ small: true });
  expect(steps.map((step) => step.name)).toEqual([
    "jianyang-cadres",
    "jianyang-menu",
    "jianyang-volunteers",
    "jianyang-emergency",
    "jianyang-tickets",
    "shaowu-tickets",
    "wuyishan-tickets",
  ]);
  // Each step stopped once, part-way through (the others go on meanwhile), then resumed.
  await interrupted({ "jianyang-cadres": 80, "jianyang-tickets": 90, "shaowu-tickets": 60, "wuyishan-tickets": 120 }, () =>
    seedDemoYear({ steps }),
  );
  await interrupted({ "jianyang-menu": 60 }, () => seedDemoYear({ steps }));
  await interrupted({ "jianyang-volunteers": 50 }, () => seedDemoYear({ steps }));
  await interrupted({ "jianyang-emergency": 200 }, () => seedDemoYear({ steps }));
  const loading = await status();
  expect(loading.districts.find((district) => district.district === "jianyang")!.loading).toBe(true);
  await seedDemoYear({ steps });

  const dashboard = await withActor(admin, () => Metrics.getDistrictMetrics({ period: "all" }));
  // The smaller year's plan (SmallYear: 40 cadres, 30 wishes fulfilled, 20 needs items, 15
  // volunteer teams, 30 tickets per district of which 4 stay open); the party chain and the
  // emergency rounds are the article's.
  expect(dashboard.values).toMatchObject({
    "cadres.assigned": 40,
    "ledger.sentiment_map": 7, // 140 of 760 in the article: 7.4 of 40
    "wishes.fulfilled": 30,
    "needs.created": 20,
    "party.jointMeetings": ArticleMechanismFigures["party.jointMeetings"],
    "party.coBuildingProjects": ArticleMechanismFigures["party.coBuildingProjects"],
    "activities.held": 15,
    "activities.served": 800,
    "volunteers.teams": 15,
    "volunteers.problemsSolved": 55,
    "owners.committeeWorkers": 6,
    "owners.consultations": 15,
    "owners.livelihoodProjects": 6,
    "emergency.roundsDistrictWide": ArticleMechanismFigures["emergency.roundsDistrictWide"],
    "emergency.roundsRiskArea": ArticleMechanismFigures["emergency.roundsRiskArea"],
    // The resident's own ticket (still open) beside the year's 30, of which 26 closed.
    "tickets.collected": 31,
    "tickets.closed": 26,
  });
  await withActor(system, async () => {
    const year = await readTallies("district", "2022");
    // 30 fulfilled (29 confirmed), 2 claimed, 4 still open: 36 posted, and the resident's own in 2026.
    expect(year["wishes.posted"].count).toBe(36);
    expect(year["wishes.claimed"].count).toBe(32);
    expect(year["wishes.confirmed"].count).toBe(29);
    // 6 tea parties and 8 other meetings.
    expect(year["meetings.held"].count).toBe(14);
    // A visit of every cadre, a patrol of every other one, the maps; every cadre evaluated for December, every fourth for November.
    expect(year["ledger.entries"].count).toBe(40 + 20 + 7);
    expect(year["cadres.evaluations"].count).toBe(40 + 10);
    expect(year["emergency.switches"].count).toBe(4);
    expect(year["emergency.taskGridsDone"].count).toBe(year["emergency.taskGrids"].count);
    expect(await readTallies("district", "2023")).toEqual({});
    // The mechanisms as people see them.
    const mode = await Emergency.getMode({});
    expect(mode).toMatchObject({ mode: "normal", reason: "风险区解封，恢复常态", version: 4 });
    expect((await Emergency.listTasks({ limit: 20 })).items).toHaveLength(10);
    const teams = await Volunteer.listTeams({ limit: 200 });
    expect(teams.items).toHaveLength(15);
    expect(teams.items.every((team) => team.memberCount >= 4 && team.problemsSolved >= 1)).toBe(true);
    // 13 of every 15 meetings put an outcome on the needs list: 13 of the 14 here.
    expect((await Need.listNeedItems({ limit: 200 })).items.filter((item) => item.source === "meeting")).toHaveLength(13);
    const coverage = await Cadre.coverage({});
    expect(coverage).toMatchObject({ assistants: 40, grids: 2600 });
    // The resident's own ticket and wish are untouched.
    expect(await Ticket.get(own.ticket.ticketID)).toMatchObject({ ticket: { state: "collected", reporterID: "resident" } });
  });
  await withActor({ type: "user", userID: "cadre", tenantID: "jianyang", roles: ["cadre"] }, async () => {
    const centre = await Grid.locate({ lon: 118.12, lat: 27.33 });
    expect((await Cadre.myAssignments({})).current).toMatchObject({ gridID: centre.grid.gridID, unitName: "区财政局", to: "2030-12-31" });
  });
  // Every counter of every district agrees with its records.
  for (const tenantID of ["jianyang", "shaowu", "wuyishan"]) {
    const recount = await withActor({ type: "user", userID: "admin", tenantID, roles: ["district_admin"] }, () =>
      Metrics.recountMetrics({}),
    );
    expect(recount.drift, tenantID).toEqual([]);
  }
  for (const tenantID of ["shaowu", "wuyishan"]) {
    const values = (
      await withActor({ type: "user", userID: "admin", tenantID, roles: ["district_admin"] }, () =>
        Metrics.getDistrictMetrics({ period: "2022" }),
      )
    ).values;
    expect(values["tickets.collected"], tenantID).toBe(30);
    expect(values["tickets.closed"], tenantID).toBe(26);
  }
  expect((await status()).districts.every((district) => !district.loading && district.done === district.total)).toBe(true);
  // A further run finds every step done and writes nothing.
  const before = await withActor(system, () => readTallies("district", "all"));
  await seedDemoYear({ steps });
  expect(await withActor(system, () => readTallies("district", "all"))).toEqual(before);
}, 1_200_000);

it("refuses to resume a demo written by an older version, naming what to do", async () => {
  await SeedMarkerEntity.put({ name: "jianyang-grids", at: "2025-01-01T00:00:00Z" }).go();
  expect((await status()).older).toBe(true);
  await expect(seedJianyangGrids()).rejects.toBeInstanceOf(OlderDemoError);
  await expect(seedJianyangGrids()).rejects.toThrow("delete it (.data/) and run `npm start` again");
});
