import { beforeAll, describe, expect, it } from "vitest";
import { withActor, type Actor } from "../actor.ts";
import type { VisibleError } from "../error.ts";
import * as Grid from "../grid/index.ts";
import { onboardTestDistrict, rect } from "../onboarding/test-district.test-support.ts";
import * as Register from "./index.ts";

const tenantID = "hh-a";
const admin: Actor = { type: "user", userID: "admin", tenantID, roles: ["district_admin"], name: "管理员" };
const grids: Record<string, string> = {};
const worker = (gridID: string): Actor => ({ type: "user", userID: "w1", tenantID, roles: ["grid_worker"], gridID, name: "网格员" });
const id = (first17: string) => `${first17}${Register.residentIDCheck(first17)}`;

beforeAll(async () => {
  await onboardTestDistrict(tenantID, "hh-p");
  await withActor(admin, async () => {
    const top = await Grid.create({ code: "H", name: "户网格", tier: 1, boundary: rect(0, 0, 10, 10) });
    const left = await Grid.create({ code: "H-1", name: "户一网格", tier: 2, parentID: top.gridID, boundary: rect(0, 0, 5, 10) });
    const right = await Grid.create({ code: "H-2", name: "户二网格", tier: 2, parentID: top.gridID, boundary: rect(5, 0, 10, 10) });
    Object.assign(grids, { top: top.gridID, left: left.gridID, right: right.gridID });
  });
  // Left: 3栋 with 张's household and 王's; 5栋 with 李's. Right: 3栋 with 赵's.
  const homes: [string, string, number, string, string][] = [
    [grids.left, "榕一路 3栋 101", 118.01, "张三丰", "35078419800101001"],
    [grids.left, "榕一路 3栋 102", 118.01, "王五", "35078419800101002"],
    [grids.left, "榕一路 5栋 201", 118.02, "李四", "35078419800101003"],
    [grids.right, "榕二路 3栋 301", 118.07, "赵六", "35078419800101004"],
  ];
  for (const [gridID, address, lon, name, first17] of homes)
    await withActor(worker(gridID), async () => {
      const house = await Register.createHouse({ address, lon, lat: 27.05 });
      const household = await Register.createHousehold({ houseID: house.houseID });
      await Register.createResidentRecord({ name, idNumber: id(first17), householdID: household.householdID, relation: "户主", tags: [] });
    });
}, 90_000);

const addresses = (page: { items: Register.Household[] }) => page.items.map((household) => household.address).sort();

describe("the household picker's search", () => {
  it("finds a grid's households by a part of the address or the start of the head's name", async () => {
    const left = worker(grids.left);
    expect(addresses(await withActor(left, () => Register.listHouseholds({ q: "3栋" })))).toEqual(["榕一路 3栋 101", "榕一路 3栋 102"]);
    expect(addresses(await withActor(left, () => Register.listHouseholds({ q: "李" })))).toEqual(["榕一路 5栋 201"]);
    // A name matches from its start only: 丰 is inside 张三丰, not its start.
    expect(addresses(await withActor(left, () => Register.listHouseholds({ q: "丰" })))).toEqual([]);
  });

  it("stays within the chosen grid: a district admin's search of one grid, a worker's of their own", async () => {
    expect(addresses(await withActor(admin, () => Register.listHouseholds({ q: "3栋", gridID: grids.right })))).toEqual(["榕二路 3栋 301"]);
    expect(addresses(await withActor(admin, () => Register.listHouseholds({ q: "3栋", gridID: grids.top })))).toHaveLength(3);
    const refused = await withActor(worker(grids.left), () => Register.listHouseholds({ q: "3栋", gridID: grids.right })).catch(
      (error: VisibleError) => error.code,
    );
    expect(refused).toBe("scope.grid");
  });

  it("answers at most a page of matches and a cursor that goes on to the rest", async () => {
    const first = await withActor(admin, () => Register.listHouseholds({ q: "榕", gridID: grids.top, limit: 2 }));
    expect(first.items).toHaveLength(2);
    expect(first.cursor).not.toBeNull();
    const seen = [...first.items];
    let cursor = first.cursor;
    while (cursor) {
      const next = await withActor(admin, () => Register.listHouseholds({ q: "榕", gridID: grids.top, limit: 2, cursor: cursor! }));
      expect(next.items.length).toBeLessThanOrEqual(2);
      seen.push(...next.items);
      cursor = next.cursor;
    }
    expect(new Set(seen.map((household) => household.householdID)).size).toBe(4);
  });
});
