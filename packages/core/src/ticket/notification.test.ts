import { beforeAll, describe, expect, it } from "vitest";
import { withActor, type Actor, type DistrictRole } from "../actor.ts";
import * as Grid from "../grid/index.ts";
import * as Onboarding from "../onboarding/index.ts";
import { rect } from "../onboarding/test-district.test-support.ts";
import * as Province from "../province/index.ts";
import { withClock } from "../util/clock.ts";
import { rejection } from "../util/rejection.test-support.ts";
import * as Ticket from "./index.ts";

const tenantID = "notetown";
const otherTenant = "othernote";
const user = (userID: string, roles: DistrictRole[], extra: { department?: string; gridID?: string } = {}, tenant = tenantID): Actor => ({
  type: "user",
  userID,
  tenantID: tenant,
  roles,
  ...extra,
});
const as = <T>(actor: Actor, body: () => Promise<T>) => withActor(actor, body);
const grids: Record<string, Grid.Grid> = {};
const actors: Record<string, Actor> = {};
const report = (lon: number, categoryKey = "garbage") => ({ categoryKey, description: "路口垃圾堆了三天 13912345678", lon, lat: 27.02 });
const westPoint = 118.02;
const eastPoint = 118.07;

beforeAll(async () => {
  await withActor({ type: "operator", userID: "op" }, async () => {
    await Province.create({ provinceID: "fujian", nameZh: "福建省", nameEn: "Fujian" });
    for (const slug of [tenantID, otherTenant])
      await Onboarding.onboard({
        slug,
        nameZh: "通知区",
        nameEn: "Notetown",
        provinceID: "fujian",
        cityZh: "南平市",
        cityEn: "Nanping",
        template: "jianyang",
        admin: { name: "管理员", phone: "13800000000" },
      });
  });
  for (const slug of [tenantID, otherTenant])
    await withActor({ type: "system", tenantID: slug }, async () => {
      const top = await Grid.create({ code: "T", name: "一格", tier: 1, boundary: rect(0, 0, 10, 10) });
      const west = await Grid.create({ code: "T-1", name: "西格", tier: 2, parentID: top.gridID, boundary: rect(0, 0, 5, 10) });
      const east = await Grid.create({ code: "T-2", name: "东格", tier: 2, parentID: top.gridID, boundary: rect(5, 0, 10, 10) });
      if (slug === tenantID) Object.assign(grids, { top, west, east });
      else grids.otherWest = west;
    });
  Object.assign(actors, {
    resident: user("r1", ["resident"]),
    neighbour: user("r2", ["resident"]),
    westWorker: user("w-west", ["grid_worker"], { gridID: grids.west.gridID }),
    eastWorker: user("w-east", ["grid_worker"], { gridID: grids.east.gridID }),
    topWorker: user("w-top", ["grid_worker"], { gridID: grids.top.gridID }),
    leader: user("l-top", ["grid_leader"], { gridID: grids.top.gridID }),
    otherLeader: user("l-top2", ["grid_leader"], { gridID: grids.top.gridID }),
    urban: user("s-urban", ["department_staff"], { department: "urban_management" }),
    housing: user("s-housing", ["department_staff"], { department: "housing" }),
    stranger: user("w-other", ["grid_worker"], { gridID: grids.otherWest.gridID }, otherTenant),
  });
});

const list = (actor: Actor) => as(actor, () => Ticket.notifications({}));
const about = async (actor: Actor, ticketID: string) => (await list(actor)).items.filter((item) => item.ticketID === ticketID);

describe("who is told", () => {
  it("tells the grid workers of the ticket's grid and the grids above, with its category and place; nobody else", async () => {
    const { ticket } = await as(actors.resident, () => Ticket.create({ ...report(westPoint), address: "西街 12 号" }));
    const [west] = await about(actors.westWorker, ticket.ticketID);
    expect(west).toMatchObject({
      kind: "collect",
      audience: "grid",
      read: false,
      category: { zh: "垃圾堆放", en: "Garbage dumping" },
      gridName: "西格",
      address: "西街 12 号",
    });
    expect(await about(actors.topWorker, ticket.ticketID)).toHaveLength(1);
    expect(await about(actors.eastWorker, ticket.ticketID)).toEqual([]);
    expect(await about(actors.urban, ticket.ticketID)).toEqual([]);
    // The resident's own feed has no "you reported it" item: they did it.
    expect(await about(actors.resident, ticket.ticketID)).toEqual([]);
    const strangers = await list(actors.stranger);
    expect(strangers.items.map((item) => item.ticketID)).not.toContain(ticket.ticketID);
  });

  it("tells the department a ticket is dispatched to, and the reporter of each step", async () => {
    const { ticket } = await as(actors.resident, () => Ticket.create(report(westPoint)));
    await as(actors.westWorker, () => Ticket.accept({ ticketID: ticket.ticketID }));
    await as(actors.leader, () => Ticket.dispatch({ ticketID: ticket.ticketID }));
    const [dispatched] = await about(actors.urban, ticket.ticketID);
    expect(dispatched).toMatchObject({ kind: "dispatch", audience: "department", department: { zh: "区城管局" } });
    expect(await about(actors.housing, ticket.ticketID)).toEqual([]);
    const own = await about(actors.resident, ticket.ticketID);
    expect(own.map((item) => [item.kind, item.audience])).toEqual([
      ["dispatch", "own"],
      ["accept", "own"],
    ]);
    expect(own[0]).toMatchObject({ department: { zh: "区城管局", en: "Urban management bureau" }, gridName: "西格" });
  });

  it("tells grid leaders, not workers, of change requests and of overdue tickets", async () => {
    const { ticket } = await as(actors.resident, () => Ticket.create(report(eastPoint)));
    // Accepted three weeks ago: its 8 working hours are long past.
    await withClock(new Date(Date.now() - 21 * 86400_000), () => as(actors.eastWorker, () => Ticket.accept({ ticketID: ticket.ticketID })));
    const overdue = (await about(actors.leader, ticket.ticketID)).filter((item) => item.kind === "overdue");
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ category: { zh: "垃圾堆放" }, gridName: "东格", read: false });
    expect((await about(actors.topWorker, ticket.ticketID)).map((item) => item.kind)).not.toContain("overdue");
    // The same notice (a fixed ID) read stays read.
    await as(actors.leader, () => Ticket.markNotificationsRead({ notificationIDs: [overdue[0].notificationID] }));
    const again = (await about(actors.leader, ticket.ticketID)).filter((item) => item.kind === "overdue");
    expect(again).toEqual([{ ...overdue[0], read: true }]);

    await as(actors.eastWorker, () => Ticket.requestChange({ ticketID: ticket.ticketID, kind: "extend", hours: 8, note: "需要更多时间" }));
    expect((await about(actors.otherLeader, ticket.ticketID)).map((item) => item.kind)).toContain("request_extend");
    expect((await about(actors.topWorker, ticket.ticketID)).map((item) => item.kind)).not.toContain("request_extend");
    // Who asked is not told of their own request.
    expect((await about(actors.eastWorker, ticket.ticketID)).map((item) => item.kind)).not.toContain("request_extend");
  });
});

describe("read markers", () => {
  it("marks one shared item read for one user only, and all read with one mark", async () => {
    const first = await as(actors.resident, () => Ticket.create(report(westPoint)));
    const second = await as(actors.resident, () => Ticket.create(report(westPoint)));
    const [item] = await about(actors.westWorker, first.ticket.ticketID);
    await as(actors.westWorker, () => Ticket.markNotificationsRead({ notificationIDs: [item.notificationID] }));
    expect((await about(actors.westWorker, first.ticket.ticketID))[0].read).toBe(true);
    expect((await about(actors.westWorker, second.ticket.ticketID))[0].read).toBe(false);
    // The same item on the top worker's feed is still unread for them.
    expect((await about(actors.topWorker, first.ticket.ticketID))[0].read).toBe(false);
    const marked = await as(actors.topWorker, () => Ticket.markNotificationsRead({}));
    expect(marked.marked).toBeGreaterThanOrEqual(2);
    expect((await list(actors.topWorker)).items.every((note) => note.read)).toBe(true);
  });

  it("pages through merged feeds without losing or repeating an item", async () => {
    for (let n = 0; n < 3; n++) await as(actors.resident, () => Ticket.create(report(westPoint)));
    const all = await list(actors.westWorker);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await as(actors.westWorker, () => Ticket.notifications({ limit: 2, cursor }));
      seen.push(...page.items.map((item) => item.notificationID));
      cursor = page.cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((item) => item.notificationID));
    expect((await rejection(as(actors.westWorker, () => Ticket.notifications({ cursor: "bm9wZQ" })))).code).toBe("page.invalid_cursor");
  });
});

describe("duplicates and following", () => {
  it("closes a duplicate, tells its reporter, who then follows the original and hears of its steps", async () => {
    const original = (await as(actors.resident, () => Ticket.create(report(westPoint)))).ticket;
    const repeat = (await as(actors.neighbour, () => Ticket.create(report(westPoint)))).ticket;
    const closed = await as(actors.westWorker, () =>
      Ticket.markDuplicate({ ticketID: repeat.ticketID, originalID: Ticket.numberOf(original.ticketID) }),
    );
    expect(closed).toMatchObject({ state: "closed", closure: "duplicate", duplicateOf: original.ticketID });
    const [told] = await about(actors.neighbour, repeat.ticketID);
    expect(told).toMatchObject({ kind: "duplicate", duplicateOf: original.ticketID, audience: "own" });
    const view = await as(actors.neighbour, () => Ticket.publicView(original.ticketID));
    expect(view).toMatchObject({ following: true, followers: 1, own: false, description: "路口垃圾堆了三天 ***********" });
    await as(actors.westWorker, () => Ticket.accept({ ticketID: original.ticketID }));
    const followed = await about(actors.neighbour, original.ticketID);
    expect(followed.map((item) => [item.kind, item.audience])).toEqual([["accept", "following"]]);
  });

  it("refuses itself, an unknown original and a duplicate of a duplicate", async () => {
    const a = (await as(actors.resident, () => Ticket.create(report(westPoint)))).ticket;
    const b = (await as(actors.resident, () => Ticket.create(report(westPoint)))).ticket;
    const c = (await as(actors.resident, () => Ticket.create(report(westPoint)))).ticket;
    const self = await rejection(as(actors.westWorker, () => Ticket.markDuplicate({ ticketID: a.ticketID, originalID: a.ticketID })));
    expect([self.kind, self.code]).toEqual(["input", "ticket.duplicate_self"]);
    const unknown = await rejection(as(actors.westWorker, () => Ticket.markDuplicate({ ticketID: a.ticketID, originalID: "ticket_nope" })));
    expect([unknown.kind, unknown.code]).toEqual(["input", "ticket.duplicate_unknown"]);
    // Another district's ticket is unknown here.
    const theirs = (await as(user("r9", ["resident"], {}, otherTenant), () => Ticket.create(report(westPoint)))).ticket;
    const foreign = await rejection(
      as(actors.westWorker, () => Ticket.markDuplicate({ ticketID: a.ticketID, originalID: theirs.ticketID })),
    );
    expect(foreign.code).toBe("ticket.duplicate_unknown");
    await as(actors.westWorker, () => Ticket.markDuplicate({ ticketID: b.ticketID, originalID: a.ticketID }));
    const chain = await rejection(as(actors.westWorker, () => Ticket.markDuplicate({ ticketID: c.ticketID, originalID: b.ticketID })));
    expect([chain.kind, chain.code]).toEqual(["conflict", "ticket.duplicate_of_duplicate"]);
    const again = await rejection(as(actors.westWorker, () => Ticket.markDuplicate({ ticketID: b.ticketID, originalID: a.ticketID })));
    expect(again.code).toBe("ticket.state");
    expect((await rejection(as(actors.resident, () => Ticket.markDuplicate({ ticketID: c.ticketID, originalID: a.ticketID })))).kind).toBe(
      "forbidden",
    );
  });

  it("follows and unfollows idempotently; private categories are neither seen nor followed by others", async () => {
    const { ticket } = await as(actors.resident, () => Ticket.create(report(westPoint)));
    await as(actors.neighbour, () => Ticket.follow({ ticketID: ticket.ticketID }));
    await as(actors.neighbour, () => Ticket.follow({ ticketID: ticket.ticketID }));
    expect(await as(actors.neighbour, () => Ticket.publicView(ticket.ticketID))).toMatchObject({ following: true, followers: 1 });
    await as(actors.neighbour, () => Ticket.unfollow({ ticketID: ticket.ticketID }));
    await as(actors.neighbour, () => Ticket.unfollow({ ticketID: ticket.ticketID }));
    expect(await as(actors.neighbour, () => Ticket.publicView(ticket.ticketID))).toMatchObject({ following: false, followers: 0 });
    expect((await rejection(as(actors.resident, () => Ticket.follow({ ticketID: ticket.ticketID })))).code).toBe("ticket.follow_own");
    // The full ticket stays the reporter's.
    expect((await rejection(as(actors.neighbour, () => Ticket.get(ticket.ticketID)))).kind).toBe("not_found");

    const hardship = (await as(actors.resident, () => Ticket.create(report(westPoint, "hardship")))).ticket;
    expect((await rejection(as(actors.neighbour, () => Ticket.publicView(hardship.ticketID)))).kind).toBe("not_found");
    expect((await rejection(as(actors.neighbour, () => Ticket.follow({ ticketID: hardship.ticketID })))).kind).toBe("not_found");
    const stranger = user("r9", ["resident"], {}, otherTenant);
    expect((await rejection(as(stranger, () => Ticket.publicView(ticket.ticketID)))).kind).toBe("not_found");
  });
});
