import { beforeAll, describe, expect, it } from "vitest";
import { withActor, type Actor } from "../actor.ts";
import { VisibleError } from "../error.ts";
import { requestsOf } from "../storage/requests.test-support.ts";
import * as Grid from "../grid/index.ts";
import { onboardTestDistrict, rect } from "../onboarding/test-district.test-support.ts";
import * as Person from "./index.ts";

const tenantID = "duty-a";
const otherID = "duty-b";
const admin: Actor = { type: "user", userID: "admin", tenantID, roles: ["district_admin"], name: "管理员" };
const grids: Record<string, string> = {};
const leaderOf = (gridID: string): Actor => ({ type: "user", userID: "l1", tenantID, roles: ["grid_leader"], gridID, name: "网格长" });

const code = <T>(promise: Promise<T>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof VisibleError ? `${error.kind} ${error.code}` : String(error)),
  );

beforeAll(async () => {
  await onboardTestDistrict(tenantID, "duty-p");
  await onboardTestDistrict(otherID, "duty-p2");
  await withActor(admin, async () => {
    const east = await Grid.create({ code: "D", name: "东网格", tier: 1, boundary: rect(0, 0, 10, 10) });
    const west = await Grid.create({ code: "W", name: "西网格", tier: 1, boundary: rect(10, 0, 20, 10) });
    const north = await Grid.create({ code: "D-1", name: "东一网格", tier: 2, parentID: east.gridID, boundary: rect(0, 0, 5, 10) });
    const south = await Grid.create({ code: "D-2", name: "东二网格", tier: 2, parentID: east.gridID, boundary: rect(5, 0, 10, 10) });
    Object.assign(grids, { east: east.gridID, west: west.gridID, north: north.gridID, south: south.gridID });
    const leader = await Person.assign({
      gridID: east.gridID,
      roleKey: "grid_leader_1",
      person: { name: "东网格长", phone: "13900000001" },
    });
    await Person.assign({ gridID: north.gridID, roleKey: "grid_leader_2", person: { name: "北网格长", phone: "13900000002" } });
    // The same person holds a second role on the same grid: counted once.
    await Person.assign({ gridID: north.gridID, roleKey: "grid_instructor", personID: leader.personID });
    // An assignment that ended yesterday is no one on duty.
    await Person.assign({
      gridID: south.gridID,
      roleKey: "grid_leader_2",
      from: "2020-01-01",
      to: "2020-12-31",
      person: { name: "旧网格长", phone: "13900000003" },
    });
  });
  await withActor({ type: "user", userID: "adm-b", tenantID: otherID, roles: ["district_admin"] }, async () => {
    grids.other = (await Grid.create({ code: "B", name: "他区网格", tier: 1, boundary: rect(20, 20, 30, 30) })).gridID;
  });
}, 60_000);

describe("who is on duty per grid", () => {
  it("a district admin sees the first tier with the people holding a role there today, names and roles", async () => {
    const duty = await withActor(admin, () => Person.onDuty({}));
    expect(duty.gridID).toBeNull();
    const byCode = Object.fromEntries(duty.children.map((child) => [child.code, child]));
    expect(Object.keys(byCode).sort()).toEqual(["D", "W"]);
    expect(byCode.D.count).toBe(1);
    expect(byCode.D.people).toEqual([expect.objectContaining({ name: "东网格长", roleKey: "grid_leader_1" })]);
    expect(byCode.W).toMatchObject({ count: 0, people: [] });
  });

  it("a grid's children: a person with two roles counts once, an ended assignment not at all", async () => {
    const duty = await withActor(admin, () => Person.onDuty({ gridID: grids.east }));
    expect(duty).toMatchObject({ gridID: grids.east, count: 1 });
    const byCode = Object.fromEntries(duty.children.map((child) => [child.code, child]));
    expect(byCode["D-1"].count).toBe(2);
    expect(byCode["D-1"].people.map((person) => person.roleKey).sort()).toEqual(["grid_instructor", "grid_leader_2"]);
    expect(byCode["D-2"]).toMatchObject({ count: 0, people: [] });
    // No phone is in the reply.
    expect(JSON.stringify(duty)).not.toContain("139");
  });

  it("a grid leader starts at their own grid and may not look at another grid or another district's", async () => {
    const leader = leaderOf(grids.north);
    const own = await withActor(leader, () => Person.onDuty({}));
    expect(own.gridID).toBe(grids.north);
    expect(own.children).toEqual([]);
    expect(await code(withActor(leader, () => Person.onDuty({ gridID: grids.west })))).toBe("forbidden scope.grid");
    expect(await code(withActor(admin, () => Person.onDuty({ gridID: grids.other })))).toMatch(/^not_found /);
  });

  it("residents and cadres do not read the duty roster", async () => {
    const resident: Actor = { type: "user", userID: "r1", tenantID, roles: ["resident"] };
    expect(await code(withActor(resident, () => Person.onDuty({})))).toMatch(/^forbidden /);
  });
});

describe("listing a grid's people", () => {
  it("is one Query for a district admin, with whole phones", async () => {
    const { result, requests } = await requestsOf(() => withActor(admin, () => Person.list({ gridID: grids.north })));
    expect(requests).toEqual(["Query"]);
    expect(result.items.map((item) => item.phone).sort()).toEqual(["13900000001", "13900000002"]);
  });

  it("reads the grid's path too for a grid leader: whole phones in their own grid, masked below another's", async () => {
    const own = await requestsOf(() => withActor(leaderOf(grids.east), () => Person.list({ gridID: grids.north })));
    expect(own.requests).toEqual(["Query", "GetItem"]);
    expect(own.result.items.map((item) => item.phone).sort()).toEqual(["13900000001", "13900000002"]);
    const other = await withActor(leaderOf(grids.west), () => Person.list({ gridID: grids.north }));
    expect(other.items.map((item) => item.phone)).not.toContain("13900000001");
    expect(other.items.every((item) => item.phone.includes("*"))).toBe(true);
  });
});
