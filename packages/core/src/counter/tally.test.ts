import { beforeAll, expect, it } from "vitest";
import * as Onboarding from "../onboarding/index.ts";
import { withActor, type Actor } from "../actor.ts";
import * as Audit from "../audit/index.ts";
import { auditEntities } from "../audit/index.ts";
import * as Config from "../config/index.ts";
import { ForbiddenError, NotFoundError } from "../error.ts";
import * as Province from "../province/index.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { gridScopes, readTallies, readTicketCounts, Tally } from "./tally.ts";

const system = { type: "system", tenantID: "tally-a" } as const;
const admin: Extract<Actor, { type: "user" }> = { type: "user", userID: "admin-a", tenantID: "tally-a", roles: ["district_admin"] };

beforeAll(async () => {
  await withActor({ type: "operator", userID: "op" }, async () => {
    await Province.create({ provinceID: "fujian", nameZh: "福建省", nameEn: "Fujian" });
    for (const [slug, template] of [
      ["tally-a", "jianyang"],
      ["tally-b", "minimal"],
    ] as const)
      await Onboarding.onboard({
        slug,
        nameZh: "测试区",
        nameEn: "Test",
        provinceID: "fujian",
        cityZh: "南平市",
        cityEn: "Nanping",
        template,
        admin: { name: "管理员", phone: "13800000009" },
      });
  });
});

it("adds counts and sums per scope, period and metric in the transaction of the write, and reads one period with one query", async () => {
  await withActor(system, async () => {
    const write = (at: string, hours: number) => {
      const tally = new Tally()
        .add(gridScopes(["g1", "g2"]), at, "ledger.entries")
        .add(gridScopes(["g1", "g2"]), at, "ledger.hours", 0, hours);
      return writeTransaction({ ...Tally.entities, ...auditEntities }, (ops) => [
        ...tally.operations(ops),
        Audit.auditOperation(ops, { action: "config.updated", subjectID: "g2", summary: `logged ${hours} h` }),
      ]).go();
    };
    // 2022-05-31 23:30 UTC is 1 June in China Standard Time.
    await Promise.all([write("2022-05-10T02:00:00Z", 2), write("2022-05-31T23:30:00Z", 3), write("2023-01-02T02:00:00Z", 1.5)]);
    expect(await readTallies("district", "all")).toEqual({
      "ledger.entries": { count: 3, sum: 0 },
      "ledger.hours": { count: 0, sum: 6.5 },
    });
    expect(await readTallies("grid:g2", "2022")).toEqual({ "ledger.entries": { count: 2, sum: 0 }, "ledger.hours": { count: 0, sum: 5 } });
    expect((await readTallies("grid:g1", "2022-06"))["ledger.entries"]).toEqual({ count: 1, sum: 0 });
    expect(await readTallies("grid:g3", "all")).toEqual({});
    // "all" is not confused with another period that shares its prefix.
    expect(Object.keys(await readTallies("district", "2022-05"))).toEqual(["ledger.entries", "ledger.hours"]);
  });
  // Another district's counters are its own.
  expect(await withActor({ type: "system", tenantID: "tally-b" }, () => readTallies("district", "all"))).toEqual({});
});

it("keeps an audit trail a district admin reads newest first, by subject too, and no one else reads", async () => {
  const events = await withActor(admin, () => Audit.listAuditEvents({ limit: 10 }));
  expect(events.items.length).toBeGreaterThanOrEqual(3);
  expect(events.items.every((event) => event.action === "config.updated" && event.actorID === "system")).toBe(true);
  const ids = events.items.map((event) => event.eventID);
  expect(ids).toEqual([...ids].sort().reverse());
  expect((await withActor(admin, () => Audit.listAuditEvents({ limit: 10, subjectID: "nothing" }))).items).toEqual([]);
  await expect(withActor({ ...admin, roles: ["grid_leader"] }, () => Audit.listAuditEvents({ limit: 10 }))).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  const other = await withActor({ ...admin, tenantID: "tally-b" }, () => Audit.listAuditEvents({ limit: 10 }));
  expect(other.items).toEqual([]);
});

it("answers mechanism.off for a mechanism the district has not switched on", async () => {
  await expect(withActor({ type: "system", tenantID: "tally-b" }, () => Config.requireMechanism("wishes"))).rejects.toMatchObject({
    code: "mechanism.off",
  });
  await expect(withActor({ type: "system", tenantID: "tally-b" }, () => Config.requireMechanism("wishes"))).rejects.toBeInstanceOf(
    NotFoundError,
  );
  const config = await withActor(system, () => Config.requireMechanism("wishes"));
  expect(config.governance.meetingTypes.map((type) => type.nameZh)).toContain("我听邻说茶话会");
});

it("writes a transition's ticket counts in few items: a grid's all and month, a category's all and year, the district's roll-up", async () => {
  await withActor(system, async () => {
    const { scopesOf } = await import("../ticket/shared.ts");
    const ticket = { gridPath: ["t1", "t2", "t3"], categoryKey: "garbage", departmentKey: null };
    const items = (tally: Tally) =>
      (writeTransaction({ ...Tally.entities }, (ops) => tally.operations(ops)).params() as { TransactItems: unknown[] }).TransactItems
        .length;
    const at = "2022-12-31T17:00:00Z"; // 1 January 2023 in China Standard Time
    // An accept: 3 grids × 2 + the category's 2 + 1 roll-up = 9 items (15 when every scope had all, year and month).
    const accept = new Tally().addTicket(scopesOf(ticket), at, { accepted: 1 });
    expect(items(accept)).toBe(9);
    expect(accept.size).toBe(9);
    // With a department: 11 (18 before).
    const handle = new Tally().addTicket(scopesOf({ ...ticket, departmentKey: "roads" }), at, { handled: 1 });
    expect(items(handle)).toBe(11);
    await writeTransaction({ ...Tally.entities }, (ops) => [...accept.operations(ops)]).go();
    await writeTransaction({ ...Tally.entities }, (ops) => [...handle.operations(ops)]).go();
    // Read back as the dashboards count: the district's month, year and all time from its roll-up, a grid's year from its months,
    // a category's year and month from its breakdown roll-up.
    for (const [scope, period] of [
      ["district", "2023-01"],
      ["district", "2023"],
      ["district", "all"],
      ["grid:t2", "2023"],
      ["grid:t2", "all"],
      ["category:garbage", "2023"],
      ["category:garbage", "2023-01"],
      ["category:garbage", "all"],
    ])
      expect(await readTicketCounts(scope, period), `${scope} ${period}`).toMatchObject({ accepted: 1, handled: 1 });
    expect(await readTicketCounts("department:roads", "2023-01")).toMatchObject({ handled: 1 });
    expect(await readTicketCounts("department:roads", "2023")).toEqual({ handled: 1 });
    expect(await readTicketCounts("department:roads", "2023-02")).toBeNull();
    expect(await readTicketCounts("district", "2022")).toBeNull();
  });
});
