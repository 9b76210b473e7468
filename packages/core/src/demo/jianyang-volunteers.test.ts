import { beforeAll, expect, it } from "vitest";
import { withActor } from "../actor.ts";
import * as Grid from "../grid/index.ts";
import { readTallies } from "../metrics/tally.ts";
import * as Volunteer from "../volunteer/index.ts";
import { seed } from "./index.ts";
import { JianyangVolunteerCounts, seedJianyangVolunteers } from "./jianyang-volunteers.ts";

const square = (x: number, y: number, size: number) => ({
  type: "Polygon",
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});

beforeAll(async () => {
  await seed();
  // A small grid set of Jianyang's three tiers stands in for the 3,861 generated grids.
  await withActor({ type: "system", tenantID: "jianyang" }, async () => {
    for (let township = 0; township < 2; township++) {
      const top = await Grid.create({ code: `T${township}`, name: `镇${township}`, tier: 1, boundary: square(118 + township * 0.1, 27.3, 0.08) });
      for (let village = 0; village < 2; village++) {
        const middle = await Grid.create({ code: `T${township}-${village}`, name: `村${township}${village}`, tier: 2, parentID: top.gridID, boundary: square(118.001 + township * 0.1 + village * 0.04, 27.301, 0.035) });
        for (let leaf = 0; leaf < 3; leaf++)
          await Grid.create({ code: `T${township}-${village}-${leaf}`, name: `网格${township}${village}${leaf}`, tier: 3, parentID: middle.gridID, boundary: square(118.002 + township * 0.1 + village * 0.04 + leaf * 0.011, 27.302, 0.01) });
      }
    }
  });
}, 120_000);

it("seeds the article's volunteer figures through the volunteer module, all in 2022, once", async () => {
  const result = await seedJianyangVolunteers();
  expect(result).toMatchObject({ seeded: true, ...JianyangVolunteerCounts, served: 9800 });
  const [all, year] = await withActor({ type: "system", tenantID: "jianyang" }, () => Promise.all([readTallies("district", "all"), readTallies("district", "2022")]));
  for (const values of [all, year]) {
    expect(values["volunteers.teams"].count).toBe(165);
    expect(values["volunteers.problemsSolved"].count).toBe(610);
    expect(values["activities.held"].count).toBe(180);
    expect(values["activities.served"].sum).toBe(9800);
    expect(values["owners.committeeWorkers"].count).toBe(65);
    expect(values["owners.consultations"].count).toBe(180);
    expect(values["owners.livelihoodProjects"].count).toBe(72);
  }
  // Every team has members and solved something; the per-team counters agree with the team.
  const teams = await withActor({ type: "system", tenantID: "jianyang" }, () => Volunteer.listTeams({ limit: 200 }));
  expect(teams.items).toHaveLength(165);
  expect(teams.items.every((team) => team.memberCount >= 4 && team.problemsSolved >= 1)).toBe(true);
  expect(teams.items.reduce((sum, team) => sum + team.problemsSolved, 0)).toBe(610);
  expect(all["volunteers.members"].count).toBe(teams.items.reduce((sum, team) => sum + team.memberCount, 0));
  const summary = await withActor({ type: "system", tenantID: "jianyang" }, () => Volunteer.getSummary({}));
  expect(summary.years).toEqual(["2022"]);
  expect(summary.months.reduce((sum, month) => sum + month.served, 0)).toBe(9800);
  // A second run finds the teams and adds nothing.
  expect(await seedJianyangVolunteers()).toEqual({ seeded: false });
}, 240_000);
