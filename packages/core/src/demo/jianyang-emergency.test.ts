import { beforeAll, expect, it } from "vitest";
import { withActor } from "../actor.ts";
import * as Emergency from "../emergency/index.ts";
import * as Grid from "../grid/index.ts";
import { readTallies } from "../metrics/tally.ts";
import { seed } from "./index.ts";
import { JianyangEmergencyCounts, seedJianyangEmergency } from "./jianyang-emergency.ts";

const system = { type: "system" as const, tenantID: "jianyang" };
const square = (x: number, y: number, size: number) => ({
  type: "Polygon",
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});

beforeAll(async () => {
  await seed();
  // A small grid tree of the same shape as Jianyang's: first-tier grids with grids below them.
  await withActor(system, async () => {
    for (let i = 0; i < 3; i++) {
      const top = await Grid.create({ code: `T${i}`, name: `一级网格${i}`, tier: 1, boundary: square(118 + i * 0.1, 27.3, 0.1) });
      for (let j = 0; j < 4; j++)
        await Grid.create({ code: `T${i}-${j}`, name: `二级网格${i}-${j}`, tier: 2, parentID: top.gridID, boundary: square(118 + i * 0.1 + j * 0.02, 27.31, 0.015) });
    }
  });
}, 60_000);

it("replays 2022's 3 district-wide and 7 risk-area testing rounds through the emergency core, ending in normal mode", async () => {
  const result = await seedJianyangEmergency();
  expect(result).toMatchObject({ rounds: 10, seeded: true });
  await withActor(system, async () => {
    for (const period of ["all", "2022"]) {
      const tallies = await readTallies("district", period);
      expect(tallies["emergency.rounds"].count).toBe(JianyangEmergencyCounts.rounds);
      expect(tallies["emergency.roundsDistrictWide"].count).toBe(JianyangEmergencyCounts.districtWide);
      expect(tallies["emergency.roundsRiskArea"].count).toBe(JianyangEmergencyCounts.riskArea);
      expect(tallies["emergency.switches"].count).toBe(JianyangEmergencyCounts.switches);
      // Every grid of every round reported done.
      expect(tallies["emergency.taskGridsDone"].count).toBe(tallies["emergency.taskGrids"].count);
      expect(tallies["emergency.taskGrids"].count).toBe(result.reports);
    }
    const mode = await Emergency.getMode({});
    expect(mode).toMatchObject({ mode: "normal", reason: "风险区解封，恢复常态", version: 4 });
    expect(mode.since?.slice(0, 10)).toBe("2022-11-30");
    const rounds = await Emergency.listTasks({ limit: 20 });
    expect(rounds.items).toHaveLength(10);
    expect(rounds.items.filter((task) => task.scope === "district").every((task) => task.gridCount === 3)).toBe(true);
    const board = await Emergency.getBoard({ taskID: rounds.items[0].taskID });
    expect(board).toMatchObject({ percentage: 100, pending: 0 });
  });
  // A second run sees the counters and seeds nothing.
  expect((await seedJianyangEmergency()).seeded).toBe(false);
}, 120_000);
