import { expect, it } from "vitest";
import { withActor, type Actor } from "../actor.ts";
import { readTallies } from "../counter/tally.ts";
import { gridsByCode } from "./base.ts";
import * as Register from "../register/index.ts";
import { generateJianyangGrids } from "./jianyang-grids.ts";
import { generateJianyangRegister } from "./jianyang-register.ts";
import { seedJianyangGrids } from "./index.ts";
import { seedRegister } from "./base.ts";

/**
 * Jianyang's synthetic register in the run's seeded base (600 households of community JY-01,
 * seeded through the register's import). The numbers are typed from the plan's parameters:
 * households sized 1, 2, 3, 4, 2, 3 in turn (15 people every 6), 6 households a building, a
 * household of one is an elderly person alone, every 40th person from the 8th has a disability,
 * every 15th household from the 6th is a minimum-income one.
 */
const admin: Actor = { type: "user", userID: "admin", tenantID: "jianyang", roles: ["district_admin"] };

it("holds the community's generated register, counted exactly, and seeding again adds nothing", async () => {
  const expected = {
    "register.people": 1500,
    "register.households": 600,
    "register.houses": 100,
    "register.tag.elderly_alone": 100,
    "register.tag.disabled": 38,
    "register.tag.low_income": 40,
  };
  const counts = async (scope: string) => {
    const tallies = await withActor(admin, () => readTallies(scope, "all"));
    return Object.fromEntries(Object.keys(expected).map((metric) => [metric, tallies[metric]?.count ?? 0]));
  };
  expect(await counts("district")).toEqual(expected);
  const community = (await withActor(admin, () => gridsByCode())).get("JY-01")!;
  expect(await counts(`grid:${community.gridID}`)).toEqual(expected);
  const found = await withActor(admin, () => Register.searchRegister({ q: "170" + "00000001" }));
  expect(found.items).toHaveLength(1);
  expect(found.items[0]).toMatchObject({ relation: "户主", phoneMasked: "170****0001", tags: ["elderly_alone"] });

  await withActor({ type: "system", tenantID: "jianyang" }, async () => {
    await seedJianyangGrids({ registerHouseholds: 600 });
    // The import itself, run again with its fixed ID, finds itself done.
    const rows = generateJianyangRegister(generateJianyangGrids(), { households: 600 });
    expect(await seedRegister(rows)).toMatchObject({ status: "done", written: 1500 });
  });
  expect(await counts("district")).toEqual(expected);
  expect(await withActor(admin, () => Register.recount())).toEqual([]);
}, 300_000);
