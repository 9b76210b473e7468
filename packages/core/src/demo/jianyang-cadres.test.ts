import { beforeAll, expect, it } from "vitest";
import { withActor } from "../actor.ts";
import * as Cadre from "../cadre/index.ts";
import { locate } from "../grid/locate-cache.ts";
import { readTallies } from "../metrics/tally.ts";
import { UserEntity } from "../user/user.entity.ts";
import { seed, seedJianyangGrids } from "./index.ts";
import { JianyangCadreCounts, seedJianyangCadres } from "./jianyang-cadres.ts";

beforeAll(async () => {
  await seed();
  await seedJianyangGrids();
}, 900_000);

it("seconds 760 cadres who draw 140 sentiment maps in 2022, through the core functions; the demo cadre works on the worker's grid", async () => {
  const started = Date.now();
  const result = await seedJianyangCadres({ onProgress: (message) => console.log(`${Math.round((Date.now() - started) / 1000)} s ${message}`) });
  console.log(`seedJianyangCadres: ${JSON.stringify(result)} in ${Math.round((Date.now() - started) / 1000)} s`);
  expect(result).toMatchObject({ cadres: 760, seeded: true });
  await withActor({ type: "system", tenantID: "jianyang" }, async () => {
    for (const period of ["all", "2022"]) {
      const district = await readTallies("district", period);
      expect(district["cadres.assigned"].count, period).toBe(JianyangCadreCounts.cadres);
      expect(district["ledger.sentiment_map"].count, period).toBe(JianyangCadreCounts.sentimentMaps);
      expect(district["ledger.visit"].count).toBe(JianyangCadreCounts.visits);
      expect(district["ledger.patrol"].count).toBe(JianyangCadreCounts.patrols);
      expect(district["ledger.entries"].count).toBe(JianyangCadreCounts.visits + JianyangCadreCounts.patrols + JianyangCadreCounts.sentimentMaps);
      expect(district["cadres.evaluations"].count).toBe(JianyangCadreCounts.evaluations);
    }
    expect(await readTallies("district", "2023")).toEqual({});
    const worker = await locate({ lon: 118.12, lat: 27.33 });
    const account = (await UserEntity.get({ tenantID: "jianyang", userID: "cadre" }).go()).data!;
    expect(account.gridID).toBe(worker.grid.gridID);
    const coverage = await Cadre.coverage({});
    expect(coverage.assistants).toBe(760);
    expect(coverage.grids).toBe(2600);
    expect(coverage.covered + coverage.uncovered).toBe(2600);
    expect(coverage.items.find((grid) => grid.gridID === worker.grid.gridID)!.assistants.map((one) => one.name)).toContain(account.name);
  });
  await withActor({ type: "user", userID: "cadre", tenantID: "jianyang", roles: ["cadre"] }, async () => {
    const mine = await Cadre.myAssignments({});
    expect(mine.current).toMatchObject({ gridID: (await locate({ lon: 118.12, lat: 27.33 })).grid.gridID, unitName: "区财政局", to: "2030-12-31" });
    expect((await Cadre.listLedgerEntries({ mine: true })).items.map((entry) => entry.kind)).toContain("visit");
  });
  // A second run finds the figures in place and seeds nothing.
  expect((await seedJianyangCadres()).seeded).toBe(false);
}, 2_400_000);
