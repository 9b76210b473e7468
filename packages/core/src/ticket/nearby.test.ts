import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { withActor, type Actor } from "../actor.ts";
import * as Config from "../config/index.ts";
import * as Grid from "../grid/index.ts";
import * as Onboarding from "../onboarding/index.ts";
import { rect } from "../onboarding/test-district.test-support.ts";
import * as Province from "../province/index.ts";
import * as Ticket from "./index.ts";

const here = "nearbytown";
const there = "fartown";
const resident = (tenantID: string, userID = "r1"): Actor => ({ type: "user", userID, tenantID, roles: ["resident"] });
const worker: Actor = { type: "user", userID: "w1", tenantID: here, roles: ["grid_worker"] };
const system = (tenantID: string): Actor => ({ type: "system", tenantID });

/** The pin: in grid A's child, 50 m west of the border with grid B (lon 118.05). */
const pin = { lon: 118.0495, lat: 27.05 };
/** About `metres` east of the pin. */
const east = (metres: number) => ({ lon: pin.lon + metres / (111_320 * Math.cos((pin.lat * Math.PI) / 180)), lat: pin.lat });

const report = (tenantID: string, spot: { lon: number; lat: number }, extra: Record<string, unknown> = {}, who = resident(tenantID)) =>
  withActor(who, () => Ticket.create({ categoryKey: "garbage", description: "楼下垃圾桶满了，电话13812345678", ...spot, ...extra })).then(
    (result) => result.ticket,
  );
const nearby = (who: Actor, spot: { lon: number; lat: number } = pin) => withActor(who, () => Ticket.nearby(spot));

const ids: Record<string, string> = {};

beforeAll(async () => {
  await withActor({ type: "operator", userID: "op" }, async () => {
    await Province.create({ provinceID: "fujian", nameZh: "福建省", nameEn: "Fujian" });
    for (const slug of [here, there])
      await Onboarding.onboard({
        slug,
        nameZh: slug === here ? "附近区" : "远方区",
        nameEn: slug,
        provinceID: "fujian",
        cityZh: "南平市",
        cityEn: "Nanping",
        template: "jianyang",
        admin: { name: "管理员", phone: "13800000000" },
      });
  });
  for (const tenantID of [here, there])
    await withActor(system(tenantID), async () => {
      const a = await Grid.create({ code: "A", name: "甲", tier: 1, boundary: rect(0, 0, 5, 10) });
      await Grid.create({ code: "B", name: "乙", tier: 1, boundary: rect(5, 0, 10, 10) });
      await Grid.create({ code: "A-1", name: "甲一", tier: 2, parentID: a.gridID, boundary: rect(0, 0, 5, 10) });
    });
  // A private category (矛盾纠纷): never on a public list.
  await withActor(system(here), async () => {
    const config = await Config.get();
    await Config.update({
      expectedVersion: config.version,
      changes: {
        tickets: {
          ...config.tickets,
          categories: [
            ...config.tickets.categories,
            { key: "dispute", nameZh: "邻里纠纷", nameEn: "Neighbour dispute", departmentKey: null, deadlineHours: 24 },
          ],
        },
      },
    });
  });
  ids.near = (await report(here, east(20))).ticketID;
  // Across the border, in another first-tier grid: found through the probe at the radius.
  ids.acrossBorder = (await report(here, east(150), { categoryKey: "road_damage", description: "路面塌陷" })).ticketID;
  ids.privateOne = (await report(here, east(30), { categoryKey: "dispute", description: "楼上楼下吵架" })).ticketID;
  ids.far = (await report(here, east(900), { description: "远处的垃圾" })).ticketID;
  ids.closed = (await report(here, east(40), { description: "已不予立案的垃圾" })).ticketID;
  const placed = { ...worker, gridID: (await withActor(system(here), () => Grid.locate(pin))).ancestors[0].gridID } as Actor;
  await withActor(placed, () => Ticket.reject({ ticketID: ids.closed, note: "重复上报" }));
  ids.otherDistrict = (await report(there, east(10), { description: "另一个区的垃圾" })).ticketID;
});

describe("open tickets near a pin", () => {
  it("lists this district's open tickets within the radius, nearest first, in the public view", async () => {
    const result = await nearby(resident(here, "someone-else"));
    expect(result.radiusM).toBe(Ticket.NEARBY_METRES);
    expect(result.items.map((item) => item.ticketID)).toEqual([ids.near, ids.acrossBorder]);
    const [near] = result.items;
    expect(near.description).toBe("楼下垃圾桶满了，电话***********");
    expect(near.state).toBe("collected");
    // Placed to about 100 m: three decimals of a degree.
    expect(near.lon).toBe(Math.round(east(20).lon * 1000) / 1000);
    expect(near.lat).toBe(27.05);
    expect(Object.keys(near).sort()).toEqual(
      ["address", "categoryKey", "collectedAt", "description", "distanceM", "lat", "lon", "state", "ticketID"].sort(),
    );
  });

  it("shows staff the same public view, and the reporter too", async () => {
    expect((await nearby(worker)).items.map((item) => item.ticketID)).toEqual([ids.near, ids.acrossBorder]);
    expect((await nearby(resident(here))).items[0].description).toContain("***");
  });

  it("never shows another district's tickets, nor this district's to the other", async () => {
    const theirs = await nearby(resident(there));
    expect(theirs.items.map((item) => item.ticketID)).toEqual([ids.otherDistrict]);
  });

  it("has none outside the district's grids", async () => {
    expect((await nearby(resident(here), { lon: 100, lat: 30 })).items).toEqual([]);
  });

  it("refuses the public and bad coordinates", async () => {
    await expect(withActor({ type: "public", tenantID: here }, () => Ticket.nearby(pin))).rejects.toMatchObject({ code: "auth.required" });
    await expect(nearby(resident(here), { lon: 118, lat: 91 })).rejects.toBeInstanceOf(ZodError);
    await expect(nearby(resident(here), { lon: Number.NaN, lat: 27 })).rejects.toBeInstanceOf(ZodError);
  });
});
