import { beforeAll, expect, it } from "vitest";
import { withActor } from "../actor.ts";
import * as Grid from "../grid/index.ts";
import { readTallies } from "../metrics/tally.ts";
import * as Need from "../need/index.ts";
import { seed } from "./index.ts";
import { JianyangMenuCounts, seedJianyangMenu } from "./jianyang-menu.ts";

const square = (x: number, y: number, size: number) => ({
  type: "Polygon",
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});

beforeAll(async () => {
  await seed();
  // A small grid set of Jianyang's three tiers stands in for the 3,861 generated grids.
  await withActor({ type: "system", tenantID: "jianyang" }, async () => {
    for (let township = 0; township < 2; township++) {
      const top = await Grid.create({ code: `M${township}`, name: `镇${township}`, tier: 1, boundary: square(118 + township * 0.1, 27.3, 0.08) });
      for (let village = 0; village < 2; village++) {
        const middle = await Grid.create({ code: `M${township}-${village}`, name: `村${township}${village}`, tier: 2, parentID: top.gridID, boundary: square(118.001 + township * 0.1 + village * 0.04, 27.301, 0.035) });
        for (let leaf = 0; leaf < 3; leaf++)
          await Grid.create({ code: `M${township}-${village}-${leaf}`, name: `网格${township}${village}${leaf}`, tier: 3, parentID: middle.gridID, boundary: square(118.002 + township * 0.1 + village * 0.04 + leaf * 0.011, 27.302, 0.01) });
      }
    }
  });
}, 120_000);

it("seeds 360 micro-wishes fulfilled and 184 needs list items, with their meetings, through the core, all in 2022, once", async () => {
  const result = await seedJianyangMenu();
  expect(result).toMatchObject({ seeded: true, wishesFulfilled: 360, needs: 184, meetings: 120 });
  const [all, year, next] = await withActor({ type: "system", tenantID: "jianyang" }, () =>
    Promise.all([readTallies("district", "all"), readTallies("district", "2022"), readTallies("district", "2023")]),
  );
  for (const values of [all, year]) {
    expect(values["wishes.fulfilled"].count).toBe(JianyangMenuCounts.wishesFulfilled);
    expect(values["wishes.confirmed"].count).toBe(JianyangMenuCounts.wishesConfirmed);
    expect(values["wishes.posted"].count).toBe(372);
    expect(values["wishes.claimed"].count).toBe(364);
    expect(values["needs.created"].count).toBe(JianyangMenuCounts.needs);
    expect(values["needs.problems"].count + values["needs.projects"].count).toBe(184);
    expect(values["needs.closed"].count).toBeGreaterThan(0.8 * 184);
    expect(values["meetings.held"].count).toBe(120);
    expect(values["meetings.listen_to_neighbours"].count).toBe(72);
    expect(values["meetings.attendance"].sum).toBeGreaterThan(120 * 8);
  }
  expect(Object.keys(next)).toEqual([]);
  // Needs items from meetings carry their meeting.
  const fromMeetings = await withActor({ type: "system", tenantID: "jianyang" }, async () => (await Need.listNeedItems({ limit: 200 })).items.filter((item) => item.source === "meeting"));
  expect(fromMeetings).toHaveLength(JianyangMenuCounts.needsFromMeetings);
  expect((await seedJianyangMenu()).seeded).toBe(false);
}, 600_000);
