import { HeadObjectCommand } from "@aws-sdk/client-s3";
import * as Onboarding from "../onboarding/index.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { withActor, type Actor } from "../actor.ts";
import type { VisibleError } from "../error.ts";
import * as Grid from "../grid/index.ts";
import { recountTickets } from "../metrics/recount.ts";
import { TicketCounterFields } from "../counter/ticket-counter.entity.ts";
import { readTicketCounts } from "../counter/tally.ts";
import * as Province from "../province/index.ts";
import { bucketName, ensureBucket, s3 } from "../storage/bucket.ts";
import * as Ticket from "./index.ts";
import { rect } from "../onboarding/test-district.test-support.ts";
import { rejection } from "../util/rejection.test-support.ts";
import { jpegThenHtml, onePixelJpeg, onePixelPng } from "./images.test-support.ts";

const tenantID = "tickettown";
const user = (userID: string, roles: Actor & { type: "user" } extends { roles: infer R } ? R : never, department?: string): Actor => ({
  type: "user",
  userID,
  tenantID,
  roles,
  ...(department ? { department } : {}),
});
const resident = user("r1", ["resident"]);
const otherResident = user("r2", ["resident"]);
const worker = user("w1", ["grid_worker"]);
const otherWorker = user("w2", ["grid_worker"]);
const leader = user("l1", ["grid_leader"]);
const staff = user("s1", ["department_staff"], "urban_management");
const wrongStaff = user("s2", ["department_staff"], "housing");
const as = <T>(actor: Actor, body: () => Promise<T>) => withActor(actor, body);

const grids: Record<string, Grid.Grid> = {};
const garbageAt = (lon = 118.02, lat = 27.02) => ({ categoryKey: "garbage", description: "小区门口垃圾堆放三天无人清理", lon, lat });

async function upload(body: Uint8Array | string, contentType: string) {
  const target = await as(resident, () => Ticket.Photo.requestUpload("image/png"));
  const response = await fetch(target.url, { method: "PUT", body, headers: { "content-type": contentType } });
  expect(response.status).toBe(200);
  return target.photoKey;
}

beforeAll(async () => {
  await ensureBucket();
  await withActor({ type: "operator", userID: "op" }, async () => {
    await Province.create({ provinceID: "fujian", nameZh: "福建省", nameEn: "Fujian" });
    await Onboarding.onboard({
      slug: tenantID,
      nameZh: "工单区",
      nameEn: "Tickettown",
      provinceID: "fujian",
      cityZh: "南平市",
      cityEn: "Nanping",
      template: "jianyang",
      admin: { name: "管理员", phone: "13800000000" },
    });
  });
  await withActor({ type: "system", tenantID }, async () => {
    grids.top = await Grid.create({ code: "T", name: "一格", tier: 1, boundary: rect(0, 0, 10, 10) });
    grids.west = await Grid.create({ code: "T-1", name: "西", tier: 2, parentID: grids.top.gridID, boundary: rect(0, 0, 5, 10) });
    grids.east = await Grid.create({ code: "T-2", name: "东", tier: 2, parentID: grids.top.gridID, boundary: rect(5, 0, 10, 10) });
    grids.leaf = await Grid.create({ code: "T-1-1", name: "西一", tier: 3, parentID: grids.west.gridID, boundary: rect(0, 0, 5, 10) });
  });
  // The grid staff work on the top grid: the whole test map is theirs.
  for (const gridStaff of [worker, otherWorker, leader]) Object.assign(gridStaff, { gridID: grids.top.gridID });
});

/** A counter item with absent fields read as 0 (null when the item does not exist). */
async function counter(scope: string, period = "all") {
  const data = await withActor({ type: "system", tenantID }, () => readTicketCounts(scope, period));
  if (!data) return null;
  return Object.fromEntries(TicketCounterFields.map((field) => [field, data[field] ?? 0]));
}

describe("the lifecycle", () => {
  it("goes collected → accepted → dispatched → handled → closed → rated, counted in the same transactions", async () => {
    const { ticket } = await as(resident, () => Ticket.create(garbageAt()));
    expect(ticket).toMatchObject({
      state: "collected",
      gridID: grids.leaf.gridID,
      gridPath: [grids.top.gridID, grids.west.gridID, grids.leaf.gridID],
    });
    const accepted = await as(worker, () => Ticket.accept({ ticketID: ticket.ticketID }));
    expect(accepted.state).toBe("accepted");
    expect(accepted.dueAt! > accepted.acceptedAt!).toBe(true);
    const dispatched = await as(leader, () => Ticket.dispatch({ ticketID: ticket.ticketID }));
    expect(dispatched.departmentKey).toBe("urban_management");
    const handled = await as(staff, () => Ticket.reportHandling({ ticketID: ticket.ticketID, note: "已清运" }));
    expect(handled.state).toBe("handled");
    const closed = await as(worker, () => Ticket.verify({ ticketID: ticket.ticketID, closure: "solved" }));
    expect(closed).toMatchObject({ state: "closed", closure: "solved", onTime: true });
    const rated = await as(resident, () => Ticket.rate({ ticketID: ticket.ticketID, rating: 5, note: "很快" }));
    expect(rated.rating).toBe(5);

    const read = await as(resident, () => Ticket.get(ticket.ticketID));
    expect(read.timeline.map((entry) => [entry.action, entry.actorID])).toEqual([
      ["collect", "r1"],
      ["accept", "w1"],
      ["dispatch", "l1"],
      ["handle", "s1"],
      ["verify", "w1"],
      ["rate", "r1"],
    ]);
    for (const scope of [
      "district",
      `grid:${grids.top.gridID}`,
      `grid:${grids.west.gridID}`,
      `grid:${grids.leaf.gridID}`,
      "category:garbage",
    ])
      expect(await counter(scope), scope).toMatchObject({
        collected: 1,
        accepted: 1,
        dispatched: 1,
        handled: 1,
        closed: 1,
        solved: 1,
        onTime: 1,
        rated: 1,
        ratingSum: 5,
      });
    expect(await counter("department:urban_management")).toMatchObject({ collected: 0, dispatched: 1, closed: 1 });
    expect(await counter(`grid:${grids.east.gridID}`)).toBeNull();
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    expect(await counter("district", month)).toMatchObject({ collected: 1, closed: 1 });
    const notes = await as(resident, () => Ticket.notifications({}));
    expect(notes.items.map((note) => note.state)).toEqual(["closed", "handled", "dispatched", "accepted"]);
  });

  it("refuses steps out of order, by the wrong person or the wrong department, changing nothing", async () => {
    const { ticket } = await as(resident, () => Ticket.create(garbageAt()));
    expect((await rejection(as(leader, () => Ticket.dispatch({ ticketID: ticket.ticketID })))).code).toBe("ticket.state");
    expect((await rejection(as(resident, () => Ticket.accept({ ticketID: ticket.ticketID })))).kind).toBe("forbidden");
    await as(worker, () => Ticket.accept({ ticketID: ticket.ticketID }));
    await as(leader, () => Ticket.dispatch({ ticketID: ticket.ticketID }));
    expect((await rejection(as(wrongStaff, () => Ticket.reportHandling({ ticketID: ticket.ticketID, note: "不是我们的" })))).kind).toBe(
      "not_found",
    );
    await as(staff, () => Ticket.reportHandling({ ticketID: ticket.ticketID, note: "处理了" }));
    expect((await rejection(as(resident, () => Ticket.rate({ ticketID: ticket.ticketID, rating: 3 })))).code).toBe("ticket.state");
    const read = await as(worker, () => Ticket.get(ticket.ticketID));
    expect(read.ticket.state).toBe("handled");
    expect(read.timeline).toHaveLength(4);
  });

  it("the handler may not verify their own work (territorial tickets are handled by grid staff)", async () => {
    const { ticket } = await as(resident, () => Ticket.create({ ...garbageAt(), categoryKey: "neighbour_dispute" }));
    await as(worker, () => Ticket.accept({ ticketID: ticket.ticketID }));
    const dispatched = await as(leader, () => Ticket.dispatch({ ticketID: ticket.ticketID }));
    expect(dispatched.departmentKey).toBe("territorial");
    await as(worker, () => Ticket.reportHandling({ ticketID: ticket.ticketID, note: "调解完毕" }));
    expect((await rejection(as(worker, () => Ticket.verify({ ticketID: ticket.ticketID })))).code).toBe("ticket.same_person");
    const back = await as(otherWorker, () => Ticket.sendBack({ ticketID: ticket.ticketID, note: "双方仍有争议" }));
    expect(back.state).toBe("dispatched");
  });

  it("two people acting at once: one wins, the other gets a conflict", async () => {
    const { ticket } = await as(resident, () => Ticket.create(garbageAt()));
    const results = await Promise.allSettled([
      as(worker, () => Ticket.accept({ ticketID: ticket.ticketID })),
      as(otherWorker, () => Ticket.accept({ ticketID: ticket.ticketID })),
    ]);
    const lost = results.filter((result) => result.status === "rejected") as PromiseRejectedResult[];
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0].reason as VisibleError).kind).toBe("conflict");
    const read = await as(worker, () => Ticket.get(ticket.ticketID));
    expect(read.timeline.filter((entry) => entry.action === "accept")).toHaveLength(1);
  });

  it("not accepted is a closure that does not count as solved; reopening takes a closure back out of the counts", async () => {
    const before = (await counter("category:street_vending")) ?? { closed: 0, solved: 0 };
    const { ticket: rejected } = await as(resident, () => Ticket.create({ ...garbageAt(), categoryKey: "street_vending" }));
    await as(worker, () => Ticket.reject({ ticketID: rejected.ticketID, note: "属于正常经营" }));
    expect(await counter("category:street_vending")).toMatchObject({ closed: (before.closed ?? 0) + 1, solved: before.solved ?? 0 });

    const { ticket } = await as(resident, () => Ticket.create({ ...garbageAt(), categoryKey: "street_vending" }));
    await as(worker, () => Ticket.accept({ ticketID: ticket.ticketID }));
    await as(leader, () => Ticket.dispatch({ ticketID: ticket.ticketID }));
    await as(staff, () => Ticket.reportHandling({ ticketID: ticket.ticketID, note: "已劝离" }));
    await as(worker, () => Ticket.verify({ ticketID: ticket.ticketID }));
    await as(resident, () => Ticket.rate({ ticketID: ticket.ticketID, rating: 2 }));
    const mid = (await counter("category:street_vending"))!;
    const reopened = await as(resident, () => Ticket.reopen({ ticketID: ticket.ticketID, note: "又来摆摊了" }));
    expect(reopened).toMatchObject({ state: "accepted", reopenCount: 1, closure: null, rating: null });
    expect(await counter("category:street_vending")).toMatchObject({
      closed: mid.closed - 1,
      solved: mid.solved - 1,
      reopened: 1,
      rated: mid.rated - 1,
      ratingSum: mid.ratingSum - 2,
    });
    expect((await rejection(as(otherResident, () => Ticket.reopen({ ticketID: ticket.ticketID, note: "别人的" })))).kind).toBe("not_found");
  });
});

describe("changes that need an approval", () => {
  async function dispatched(categoryKey = "garbage") {
    const { ticket } = await as(resident, () => Ticket.create({ ...garbageAt(), categoryKey }));
    await as(worker, () => Ticket.accept({ ticketID: ticket.ticketID }));
    return as(leader, () => Ticket.dispatch({ ticketID: ticket.ticketID }));
  }

  it("extends a deadline, transfers and voids only once approved by someone else, each on the record", async () => {
    const admin = user("a1", ["district_admin"]);
    const ticket = await dispatched();
    const asked = await as(staff, () =>
      Ticket.requestChange({ ticketID: ticket.ticketID, kind: "extend", hours: 8, note: "需要协调清运车辆" }),
    );
    expect(asked.pendingRequest).toMatchObject({ kind: "extend", hours: 8, by: "s1" });
    expect(
      (await rejection(as(staff, () => Ticket.requestChange({ ticketID: ticket.ticketID, kind: "void", note: "再来一个" })))).code,
    ).toBe("ticket.request_pending");
    const self = { ...user("s1", ["grid_leader"]), gridID: grids.top.gridID };
    expect((await rejection(as(self, () => Ticket.decideChange({ ticketID: ticket.ticketID, approve: true })))).code).toBe(
      "ticket.same_person",
    );
    const extended = await as(admin, () => Ticket.decideChange({ ticketID: ticket.ticketID, approve: true, note: "同意延期" }));
    expect(extended.dueAt! > ticket.dueAt!).toBe(true);
    expect(extended.pendingRequest).toBeNull();

    await as(staff, () =>
      Ticket.requestChange({ ticketID: ticket.ticketID, kind: "transfer", departmentKey: "housing", note: "属于住建职责" }),
    );
    const moved = await as(admin, () => Ticket.decideChange({ ticketID: ticket.ticketID, approve: true }));
    expect(moved).toMatchObject({ state: "dispatched", departmentKey: "housing" });
    expect((await rejection(as(staff, () => Ticket.get(ticket.ticketID)))).kind).toBe("not_found");

    const before = (await counter("district"))!;
    await as(worker, () => Ticket.requestChange({ ticketID: ticket.ticketID, kind: "void", note: "重复上报" }));
    const refused = await as(admin, () => Ticket.decideChange({ ticketID: ticket.ticketID, approve: false, note: "不同意" }));
    expect(refused.state).toBe("dispatched");
    await as(worker, () => Ticket.requestChange({ ticketID: ticket.ticketID, kind: "void", note: "确认重复" }));
    const voided = await as(admin, () => Ticket.decideChange({ ticketID: ticket.ticketID, approve: true }));
    expect(voided).toMatchObject({ state: "closed", closure: "void" });
    expect(await counter("district")).toMatchObject({ closed: before.closed + 1, solved: before.solved });
    const timeline = (await as(admin, () => Ticket.get(ticket.ticketID))).timeline.map((entry) => entry.action);
    expect(timeline).toEqual(
      expect.arrayContaining(["request_extend", "approve_extend", "request_transfer", "approve_transfer", "deny_void", "approve_void"]),
    );
  });

  it("sends a ticket back up to the dispatcher", async () => {
    const admin = user("a1", ["district_admin"]);
    const ticket = await dispatched("road_damage");
    await as(worker, () => Ticket.requestChange({ ticketID: ticket.ticketID, kind: "send_up", note: "派错部门" }));
    const up = await as(admin, () => Ticket.decideChange({ ticketID: ticket.ticketID, approve: true }));
    expect(up).toMatchObject({ state: "accepted", departmentKey: null });
    const again = await as(leader, () => Ticket.dispatch({ ticketID: ticket.ticketID, departmentKey: "urban_management" }));
    expect(again.departmentKey).toBe("urban_management");
  });
});

describe("reporting", () => {
  it("refuses an unknown category and a point outside the district", async () => {
    expect((await rejection(as(resident, () => Ticket.create({ ...garbageAt(), categoryKey: "ufo" })))).code).toBe(
      "ticket.unknown_category",
    );
    expect((await rejection(as(resident, () => Ticket.create(garbageAt(119, 28))))).code).toBe("ticket.outside_district");
  });

  it("a retried submission with the same Idempotency-Key creates one ticket", async () => {
    const first = await as(resident, () => Ticket.create({ ...garbageAt(), idempotencyKey: "retry-key-0001" }));
    const second = await as(resident, () => Ticket.create({ ...garbageAt(), idempotencyKey: "retry-key-0001" }));
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.ticket.ticketID).toBe(first.ticket.ticketID);
  });

  it("keeps checked photos and refuses a renamed text file, an oversized photo and a seventh photo, deleting what fails", async () => {
    const good = await upload(onePixelPng(), "image/png");
    const { ticket } = await as(resident, () => Ticket.create({ ...garbageAt(), photoKeys: [good] }));
    expect(ticket.photos).toHaveLength(1);
    const read = await as(resident, () => Ticket.get(ticket.ticketID));
    const image = await fetch(read.photoUrls[ticket.photos[0]]);
    expect(Buffer.from(await image.arrayBuffer())).toEqual(onePixelPng());
    // Served as what it was checked to be, whatever the upload said.
    expect(image.headers.get("content-type")).toBe("image/png");

    // Starts like a JPEG, then a web page: the header parser finds no image, and the file is deleted.
    const disguised = await upload(jpegThenHtml(), "image/jpeg");
    expect((await rejection(as(resident, () => Ticket.create({ ...garbageAt(), photoKeys: [disguised] })))).code).toBe(
      "photo.not_an_image",
    );
    await expect(s3().send(new HeadObjectCommand({ Bucket: bucketName(), Key: disguised }))).rejects.toThrow();
    // A real JPEG declared as a PNG is named for what it is.
    const misnamed = await upload(onePixelJpeg(), "image/png");
    expect((await rejection(as(resident, () => Ticket.create({ ...garbageAt(), photoKeys: [misnamed] })))).code).toBe(
      "photo.type_mismatch",
    );

    const text = await upload("just some text, not a photo", "image/png");
    const error = await rejection(as(resident, () => Ticket.create({ ...garbageAt(), photoKeys: [text] })));
    expect(error.code).toBe("photo.not_an_image");
    expect(error.details![0].path).toBe("photoKeys.0");
    await expect(s3().send(new HeadObjectCommand({ Bucket: bucketName(), Key: text }))).rejects.toThrow();

    const big = await upload(new Uint8Array(11 * 1024 * 1024).fill(0xff), "image/png");
    expect((await rejection(as(resident, () => Ticket.create({ ...garbageAt(), photoKeys: [big] })))).code).toBe("photo.too_large");
    await rejection(
      as(resident, () => Ticket.create({ ...garbageAt(), photoKeys: Array(7).fill(good) })),
      ZodError,
    );
  });
});

describe("one upload, two tickets at once", () => {
  it("attaches it to exactly one: the other gets 409 photo.taken, and no ticket names a photo that is not there", async () => {
    const { ticket: first } = await as(resident, () => Ticket.create(garbageAt()));
    const { ticket: second } = await as(resident, () => Ticket.create(garbageAt()));
    const photoKey = await upload(onePixelPng(), "image/png");
    const results = await Promise.allSettled([
      as(resident, () => Ticket.attachPhoto({ ticketID: first.ticketID, photoKey })),
      as(resident, () => Ticket.attachPhoto({ ticketID: second.ticketID, photoKey })),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((result) => [result.reason.kind, result.reason.code])).toEqual([["conflict", "photo.taken"]]);
    for (const ticketID of [first.ticketID, second.ticketID]) {
      const read = await as(resident, () => Ticket.get(ticketID));
      for (const key of read.ticket.photos) await s3().send(new HeadObjectCommand({ Bucket: bucketName(), Key: key }));
    }
    const photos = await Promise.all(
      [first, second].map(async ({ ticketID }) => (await as(resident, () => Ticket.get(ticketID))).ticket.photos),
    );
    expect(photos.map((keys) => keys.length).sort()).toEqual([0, 1]);
    // A new ticket cannot take it either.
    expect((await rejection(as(resident, () => Ticket.create({ ...garbageAt(), photoKeys: [photoKey] })))).code).toMatch(
      /^photo\.(taken|missing)$/,
    );
  });
});

describe("queues and reading", () => {
  it("lists a state's queue for a grid with its descendants, a department's queue and a resident's own tickets", async () => {
    const { ticket: east } = await as(otherResident, () => Ticket.create(garbageAt(118.07, 27.05)));
    const westQueue = await as(worker, () => Ticket.list({ state: "collected", gridID: grids.west.gridID }));
    expect(westQueue.items.every((ticket) => ticket.gridPath.includes(grids.west.gridID))).toBe(true);
    expect(westQueue.items.map((ticket) => ticket.ticketID)).not.toContain(east.ticketID);
    const topQueue = await as(worker, () => Ticket.list({ state: "collected", gridID: grids.top.gridID }));
    expect(topQueue.items.map((ticket) => ticket.ticketID)).toContain(east.ticketID);

    // A grid worker's queue is the grid they work on (and below); another grid's is not theirs.
    const eastWorker = { ...otherWorker, gridID: grids.east.gridID };
    const ownGrid = await as(eastWorker, () => Ticket.list({ state: "collected" }));
    expect(ownGrid.items.map((ticket) => ticket.ticketID)).toEqual([east.ticketID]);
    const named = await rejection(as(eastWorker, () => Ticket.list({ state: "collected", gridID: grids.west.gridID })));
    expect([named.kind, named.code]).toEqual(["forbidden", "scope.grid"]);
    expect((await rejection(as(eastWorker, () => Ticket.get(westQueue.items[0].ticketID)))).kind).toBe("not_found");
    expect((await rejection(as(eastWorker, () => Ticket.accept({ ticketID: westQueue.items[0].ticketID })))).kind).toBe("not_found");

    const mine = await as(otherResident, () => Ticket.list({ mine: true }));
    expect(mine.items.map((ticket) => ticket.ticketID)).toEqual([east.ticketID]);
    expect((await rejection(as(otherResident, () => Ticket.list({ state: "collected" })))).kind).toBe("forbidden");
    expect((await rejection(as(otherResident, () => Ticket.get(westQueue.items[0].ticketID)))).kind).toBe("not_found");

    await as(worker, () => Ticket.accept({ ticketID: east.ticketID }));
    await as(leader, () => Ticket.dispatch({ ticketID: east.ticketID }));
    const department = await as(staff, () => Ticket.list({ state: "dispatched" }));
    expect(department.items.map((ticket) => ticket.ticketID)).toContain(east.ticketID);
    expect(department.items.every((ticket) => ticket.departmentKey === "urban_management")).toBe(true);
    expect((await rejection(as(staff, () => Ticket.list({ state: "dispatched", departmentKey: "housing" })))).kind).toBe("forbidden");
    const overdue = await as(staff, () => Ticket.list({ state: "dispatched", overdue: true }));
    expect(overdue.items.every((ticket) => ticket.overdue)).toBe(true);
  });

  it("a recount of every counter from the tickets' timelines finds no drift", async () => {
    const report = await withActor({ type: "system", tenantID }, () => recountTickets());
    expect(report.tickets).toBeGreaterThan(5);
    expect(report.drift).toEqual([]);
  });
});

describe("deadlines in working hours", () => {
  const hours = { startHour: 8, endHour: 18, days: [1, 2, 3, 4, 5] };
  it("counts only working hours, China Standard Time", () => {
    // Friday 2022-08-26 16:00 CST + 4 working hours → Monday 10:00 CST.
    const due = Ticket.addWorkingHours(new Date("2022-08-26T08:00:00Z"), 4, hours);
    expect(due.toISOString()).toBe("2022-08-29T02:00:00.000Z");
    // Saturday night + 1 hour → Monday 09:00 CST.
    expect(Ticket.addWorkingHours(new Date("2022-08-27T14:00:00Z"), 1, hours).toISOString()).toBe("2022-08-29T01:00:00.000Z");
  });
});
