import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { withActor, type Actor } from "../actor.ts";
import * as Config from "../config/index.ts";
import * as Grid from "../grid/index.ts";
import * as Metrics from "../metrics/index.ts";
import { recountTickets } from "../metrics/recount.ts";
import { onboardTestDistrict, rect } from "../onboarding/test-district.test-support.ts";
import { watchRequests } from "../storage/requests.test-support.ts";
import { documentClient } from "../storage/table.ts";
import * as Ticket from "../ticket/index.ts";
import { breakdownUpdate, ticketAttribute } from "./rollup.entity.ts";
import { readTicketCounts } from "./tally.ts";
import { TicketCounterEntity } from "./ticket-counter.entity.ts";

/**
 * Issue 19 (item 3): a category's and a department's ticket counts are kept as `all` and one
 * item per year holding its months (the breakdown roll-up), so that a transition writes 2 items
 * for each instead of 3; the dashboards and the recount give the same figures.
 */
const tenantID = "breakdowntown";
const user = (userID: string, roles: string[], more: { department?: string; gridID?: string } = {}): Actor =>
  ({ type: "user", userID, tenantID, roles, ...more }) as Actor;
const admin = user("bd-admin", ["district_admin"]);
const resident = user("bd-r1", ["resident"]);
const worker = user("bd-w1", ["grid_worker"]);
const otherWorker = user("bd-w2", ["grid_worker"]);
const leader = user("bd-l1", ["grid_leader"]);
const staff = user("bd-s1", ["department_staff"], { department: "urban_management" });
const path: Grid.Grid[] = [];

/** The items each transaction of `body` writes (its puts, updates and deletes, not its checks), from the requests' params. */
async function writesOf<T>(body: () => Promise<T>): Promise<{ result: T; items: Record<string, unknown>[] }> {
  const items: Record<string, unknown>[] = [];
  const result = await watchRequests(body, (command, input) => {
    if (command === "TransactWriteItemsCommand")
      for (const item of (input as { TransactItems: Record<string, unknown>[] }).TransactItems)
        if (!("ConditionCheck" in item)) items.push(structuredClone(item));
  });
  return { result, items };
}

/** China Standard Time's month and year now. */
const month = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

beforeAll(async () => {
  await onboardTestDistrict(tenantID, "breakdownprov");
  await withActor(admin, async () => {
    const config = await Config.get();
    await Config.updateTiers({
      tiers: [...config.tiers, { level: 4, nameZh: "四级网格", nameEn: "Fourth-level grid" }],
      dedicatedKinds: config.dedicatedKinds,
    });
    for (const tier of [1, 2, 3, 4])
      path.push(
        await Grid.create({
          code: `B${tier}`,
          name: `${tier}级`,
          tier,
          parentID: path.at(-1)?.gridID,
          boundary: rect(0, 0, 10 - tier, 10 - tier),
        }),
      );
  });
  for (const gridStaff of [worker, otherWorker, leader]) Object.assign(gridStaff, { gridID: path[0].gridID });
});

describe("a category's and a department's ticket counts", () => {
  let ticketID = "";

  it("are written by a dispatch in 2 items each: a dispatch on a 4-tier path writes 17 items (25 in the layout before)", async () => {
    const { ticket } = await withActor(resident, () =>
      Ticket.create({ categoryKey: "garbage", description: "楼道堆放杂物三天", lon: 118.02, lat: 27.02 }),
    );
    ticketID = ticket.ticketID;
    expect(ticket.gridPath).toEqual(path.map((grid) => grid.gridID));
    await withActor(worker, () => Ticket.accept({ ticketID }));
    const dispatch = await writesOf(() => withActor(leader, () => Ticket.dispatch({ ticketID })));
    expect(dispatch.result.departmentKey).toBe("urban_management");
    const text = dispatch.items.map((item) => JSON.stringify(item));
    const of = (prefix: string) => text.filter((item) => item.includes(prefix));
    // The district's roll-up (1), each grid's all and month (4 × 2), the category's and the
    // department's all (2) and year (2): 13 counter items (21 when both had all, year and month).
    expect(of("$districtrollup_1#period_")).toHaveLength(1);
    expect(of("$ticketcounter_1#period_")).toHaveLength(10);
    expect(of("$breakdownrollup_1#year_")).toHaveLength(2);
    expect(of("#scope_category:garbage")).toHaveLength(2);
    expect(of("#scope_department:urban_management")).toHaveLength(2);
    // Besides: the ticket, its timeline entry, the notices to its reporter and to the department.
    expect(of('"__edb_e__":"timeline"')).toHaveLength(1);
    expect(of('"__edb_e__":"notification"')).toHaveLength(2);
    expect(dispatch.items).toHaveLength(17);
  });

  it("equal their recount after a lifecycle with a department, in every period the dashboard reads", async () => {
    await withActor(staff, () => Ticket.reportHandling({ ticketID, note: "已清运" }));
    await withActor(otherWorker, () => Ticket.verify({ ticketID, closure: "solved" }));
    await withActor(resident, () => Ticket.rate({ ticketID, rating: 4 }));
    const year = month().slice(0, 4);
    await withActor({ type: "system", tenantID }, async () => {
      for (const period of ["all", year, month()]) {
        expect(await readTicketCounts("category:garbage", period), period).toMatchObject({
          collected: 1,
          accepted: 1,
          dispatched: 1,
          handled: 1,
          closed: 1,
          solved: 1,
          rated: 1,
          ratingSum: 4,
        });
        expect(await readTicketCounts("department:urban_management", period), period).toMatchObject({ dispatched: 1, closed: 1 });
      }
      expect((await recountTickets()).drift).toEqual([]);
    });
    for (const period of ["all", year, month()]) {
      const dashboard = await withActor(admin, () => Metrics.getDistrictMetrics({ period }));
      expect(dashboard.reads).toBeLessThanOrEqual(5);
      const garbage = dashboard.categories.find((category) => category.key === "garbage")!;
      const roads = dashboard.departments.find((department) => department.key === "urban_management")!;
      // A category with every ticket of the district: its figures are the district's.
      for (const [key, value] of Object.entries(garbage.values)) expect(value, `${period} ${key}`).toEqual(dashboard.values[key]);
      // The department's from the dispatch on: no collect nor accept of its own.
      expect(roads.values).toMatchObject({ "tickets.collected": 0, "tickets.accepted": 0, "tickets.closed": 1, "tickets.solved": 1 });
      expect(roads.values["tickets.averageRating"]).toBe(4);
    }
  });

  it("are repaired by the recount: a corrupted year item set back, the items of the layout before deleted", async () => {
    const period = month();
    const [year, monthOfYear] = period.split("-");
    const dashboard = await withActor(admin, () => Metrics.getDistrictMetrics({ period: year }));
    await withActor({ type: "system", tenantID }, async () => {
      await documentClient().send(
        new UpdateCommand(breakdownUpdate(tenantID, "category:garbage", year, { [ticketAttribute("collected", monthOfYear)]: 3 })),
      );
      // Items of the counters' layout before: a category's year and a department's month.
      await TicketCounterEntity.put({ tenantID, scope: "category:garbage", period: year, collected: 1 }).go();
      await TicketCounterEntity.put({ tenantID, scope: "department:urban_management", period, dispatched: 1 }).go();
      expect(await readTicketCounts("category:garbage", year)).toMatchObject({ collected: 4 });
    });
    expect((await withActor(admin, () => Metrics.getDistrictMetrics({ period: year }))).categories).not.toEqual(dashboard.categories);

    const found = await withActor(admin, () => Metrics.recountMetrics({ repair: true }));
    expect(found.drift).toEqual(
      expect.arrayContaining([
        { scope: "category:garbage", period, field: "collected", stored: 4, recounted: 1 },
        { scope: "category:garbage", period: year, field: "item", stored: 1, recounted: 0 },
        { scope: "department:urban_management", period, field: "item", stored: 1, recounted: 0 },
      ]),
    );
    expect(found.drift).toHaveLength(3);

    expect((await withActor(admin, () => Metrics.recountMetrics({ repair: false }))).drift).toEqual([]);
    await withActor({ type: "system", tenantID }, async () => {
      expect(await readTicketCounts("category:garbage", year)).toMatchObject({ collected: 1 });
      expect((await TicketCounterEntity.get({ tenantID, scope: "category:garbage", period: year }).go()).data).toBeNull();
    });
    expect(await withActor(admin, () => Metrics.getDistrictMetrics({ period: year }))).toEqual(dashboard);
  });
});
