import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, startTestApi } from "../../../../scripts/test/api.ts";
import { square } from "../../../../scripts/lib/square.ts";
import { onePixelPng } from "@wangge/core/ticket/images.test-support";

let api: Awaited<ReturnType<typeof startTestApi>>;
const resident = { as: As.jianyangResident };
const worker = { as: { userID: "worker", tenantID: "jianyang" } };
const leader = { as: { userID: "leader", tenantID: "jianyang" } };
const staff = { as: { userID: "staff", tenantID: "jianyang" } };
const inside = { lon: 118.305, lat: 27.505 };

async function photo(body: Buffer | string, contentType = "image/png") {
  const target = await api.call("POST", "/tickets/photos", { ...resident, body: { contentType: "image/png" } });
  expect(target.status).toBe(201);
  expect((await fetch(target.body.url, { method: "PUT", body, headers: { "content-type": contentType } })).status).toBe(200);
  return target.body.photoKey as string;
}
const report = (extra: Record<string, unknown> = {}, who = resident, headers: Record<string, string> = {}) =>
  api.call("POST", "/tickets", { ...who, headers, body: { categoryKey: "garbage", description: "楼下垃圾桶满了", ...inside, ...extra } });

beforeAll(async () => {
  api = await startTestApi();
  const grid = await api.call("POST", "/grids", {
    as: As.jianyangAdmin,
    body: {
      code: "TK",
      name: "工单测试网格",
      tier: 1,
      boundary: square(118.3, 27.5, 0.01),
    },
  });
  expect(grid.status).toBe(201);
  for (const gridStaff of [worker.as, leader.as]) await api.place(gridStaff, grid.body.gridID);
});
afterAll(() => api?.close());

describe("tickets through the API", () => {
  it("shows the reporter's contact to the staff handling the ticket: masked, whole only with a purpose, each reading logged", async () => {
    const created = await report({ description: "小区门口路灯不亮" });
    expect(created.status).toBe(201);
    const id = created.body.ticket.ticketID;
    const contact = (who: { as: { userID: string; tenantID: string | null } }) => api.call("GET", `/tickets/${id}/reporter`, who);
    const reveal = (who: { as: { userID: string; tenantID: string | null } }, purpose?: string) =>
      api.call("POST", `/tickets/${id}/reporter/reveal`, { ...who, body: purpose === undefined ? {} : { purpose } });

    // The grid's worker sees the demo resident's name and a masked phone (139 0000 0008, the 8th demo account).
    expect(await contact(worker)).toMatchObject({ status: 200, body: { name: "张秀英", phoneMasked: "139****0008" } });
    // Not the reporter, not a cadre; the department only once the ticket is theirs.
    expect([(await contact(resident)).status, (await contact(resident)).body.code]).toEqual([403, "access.role"]);
    expect((await contact({ as: As.jianyangCadre })).status).toBe(403);
    expect([(await contact(staff)).status, (await contact(staff)).body.code]).toEqual([404, "ticket.not_found"]);
    expect((await contact({ as: As.yanpingAdmin })).status).toBe(404);

    // The whole number needs a purpose.
    const bare = await reveal(worker);
    expect([bare.status, bare.body.errors.map((error: { path: string }) => error.path)]).toEqual([400, ["body.purpose"]]);
    expect((await reveal(worker, " ")).status).toBe(400);
    expect(await reveal(worker, "电话核实路灯位置")).toMatchObject({ status: 200, body: { name: "张秀英", phone: "13900000008" } });

    expect((await api.call("POST", `/tickets/${id}/accept`, { ...worker, body: {} })).status).toBe(200);
    expect((await api.call("POST", `/tickets/${id}/dispatch`, { ...leader, body: {} })).status).toBe(200);
    expect(await reveal(staff, "联系上报人确认维修时间")).toMatchObject({ status: 200, body: { phone: "13900000008" } });

    // Each reading is in the audit trail: who, which ticket, why.
    const trail = await api.call("GET", `/audit?subjectID=${id}`, { as: As.jianyangAdmin });
    expect(
      trail.body.items
        .filter((event: { action: string }) => event.action === "ticket.reporter_revealed")
        .map((event: { actorID: string; details: { purpose: string } }) => [event.actorID, event.details.purpose]),
    ).toEqual([
      ["staff", "联系上报人确认维修时间"],
      ["worker", "电话核实路灯位置"],
    ]);
  });

  it("keeps Idempotency-Keys per caller: another's key is a new ticket, the same key with another body is a 422", async () => {
    const headers = { "idempotency-key": "shared-key-0001" };
    const mine = await report({ description: "垃圾桶满了" }, resident, headers);
    expect(mine.status).toBe(201);
    // The same key from someone else is their own first try, not a 404 about my ticket.
    const theirs = await report({ description: "垃圾桶满了" }, worker, headers);
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
    expect(theirs.body.ticket.ticketID).not.toBe(mine.body.ticket.ticketID);
    const again = await report({ description: "垃圾桶满了" }, resident, headers);
    expect([again.status, again.body.ticket.ticketID]).toEqual([200, mine.body.ticket.ticketID]);
    const changed = await report({ description: "另一处垃圾" }, resident, headers);
    expect([changed.status, changed.body.code, changed.type]).toEqual([
      422,
      "idempotency.mismatch",
      "application/problem+json; charset=utf-8",
    ]);
  });

  it("runs the whole lifecycle with a photo, and a retried submission creates one ticket", async () => {
    const headers = { "idempotency-key": "9b2d6c1e-retry-test" };
    const photoKeys = [await photo(onePixelPng())];
    const created = await report({ photoKeys }, resident, headers);
    expect(created.status).toBe(201);
    const replay = await report({ photoKeys }, resident, headers);
    expect(replay.status).toBe(200);
    expect(replay.body.ticket.ticketID).toBe(created.body.ticket.ticketID);

    const id = created.body.ticket.ticketID;
    expect((await api.call("POST", `/tickets/${id}/accept`, { ...worker, body: {} })).body.state).toBe("accepted");
    expect((await api.call("POST", `/tickets/${id}/dispatch`, { ...leader, body: {} })).body.departmentKey).toBe("urban_management");
    const queue = await api.call("GET", "/tickets?state=dispatched", staff);
    expect(queue.body.items.map((ticket: { ticketID: string }) => ticket.ticketID)).toContain(id);
    expect((await api.call("POST", `/tickets/${id}/handling`, { ...staff, body: { note: "已清运" } })).body.state).toBe("handled");
    expect((await api.call("POST", `/tickets/${id}/verify`, { ...worker, body: { closure: "solved" } })).body.state).toBe("closed");
    expect((await api.call("POST", `/tickets/${id}/rating`, { ...resident, body: { rating: 4, note: "满意" } })).body.rating).toBe(4);
    const read = await api.call("GET", `/tickets/${id}`, resident);
    expect(read.body.timeline.map((entry: { action: string }) => entry.action)).toEqual([
      "collect",
      "accept",
      "dispatch",
      "handle",
      "verify",
      "rate",
    ]);
    // Each step keeps who took it by name and role, as they were then (网格员 黄晓梅), not only their ID.
    const names = Object.fromEntries(
      read.body.timeline.map((entry: { action: string; actorRole: string; actorName: string | null }) => [entry.action, entry]),
    );
    expect(names.accept).toMatchObject({ actorID: "worker", actorRole: "grid_worker", actorName: expect.any(String) });
    expect(names.accept.actorName).not.toBe("worker");
    expect(names.dispatch.actorName).toEqual(expect.any(String));
    const forStaff = await api.call("GET", `/tickets/${id}`, worker);
    expect(forStaff.body.timeline[0]).toMatchObject({ actorRole: "resident", actorName: expect.any(String) });
    expect(Object.keys(read.body.photoUrls)).toHaveLength(1);
    // The photo is shown through the portal's own origin (here the API server, CloudFront on AWS), never sniffed as anything else.
    const link = Object.values(read.body.photoUrls)[0] as string;
    expect(new URL(link).origin).toBe(new URL(api.url).origin);
    const shown = await fetch(link);
    expect([shown.status, shown.headers.get("content-type"), shown.headers.get("x-content-type-options")]).toEqual([
      200,
      "image/png",
      "nosniff",
    ]);
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(Buffer.from(onePixelPng()));
    // Path and signed query pass through unchanged (S3 checks the signature; s3rver does not).
    expect(link).toMatch(/\/photos\/jianyang\/ticket_\w+\/\w+\.png\?.*X-Amz-Signature=/);
    const notes = await api.call("GET", "/me/notifications", resident);
    expect(notes.body.items[0]).toMatchObject({ ticketID: id, state: "closed", read: false });
    const marked = await api.call("POST", "/me/notifications/read", { ...resident, body: {} });
    expect(marked.body.marked).toBeGreaterThanOrEqual(4);
    const after = await api.call("GET", "/me/notifications", resident);
    expect(after.body.items.every((note: { read: boolean }) => note.read)).toBe(true);
    const categories = await api.call("GET", "/config/categories", resident);
    expect(categories.body.items.map((category: { key: string }) => category.key)).toContain("garbage");
  });
});

describe("bad input and abuse: a clear 4xx, nothing changed", () => {
  it("unknown category, a point in another district, 7 photos", async () => {
    expect((await report({ categoryKey: "ufo" })).body.code).toBe("ticket.unknown_category");
    const elsewhere = await report({ lon: 118.2, lat: 26.65 });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe("ticket.outside_district");
    const seven = await report({ photoKeys: Array(7).fill("uploads/pending/jianyang/photos/x") });
    expect(seven.status).toBe(400);
    expect(seven.body.errors[0].path).toBe("body.photoKeys");
  });

  it("a 30 MB photo and a text file renamed .jpg are refused, deleted, and no ticket is made", async () => {
    const mine = async () => (await api.call("GET", "/tickets?mine=true", resident)).body.items.length;
    const before = await mine();
    const big = await report({ photoKeys: [await photo(Buffer.alloc(30 * 1024 * 1024, 0xff))] });
    expect(big.status).toBe(400);
    expect(big.body.code).toBe("photo.too_large");
    const text = await photo("hello, I am not a photo", "image/jpeg");
    const fake = await report({ photoKeys: [text] });
    expect(fake.status).toBe(400);
    expect(fake.body.code).toBe("photo.not_an_image");
    expect(fake.body.detail).toMatch(/deleted/);
    const pdf = await photo("%PDF-1.4 a document", "application/pdf");
    expect((await report({ photoKeys: [pdf] })).body.code).toBe("photo.type");
    expect(await mine()).toBe(before);
  });

  it("a step not allowed from the current state, another department's ticket, someone else's ticket", async () => {
    const id = (await report({ categoryKey: "road_damage" })).body.ticket.ticketID;
    const early = await api.call("POST", `/tickets/${id}/verify`, { ...worker, body: {} });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe("ticket.state");
    await api.call("POST", `/tickets/${id}/accept`, { ...worker, body: {} });
    const dispatched = await api.call("POST", `/tickets/${id}/dispatch`, { ...leader, body: {} });
    expect(dispatched.body.departmentKey).toBe("transport");
    const otherDepartment = await api.call("POST", `/tickets/${id}/handling`, { ...staff, body: { note: "不归我们管" } });
    expect(otherDepartment.status).toBe(404);
    const byResident = await api.call("POST", `/tickets/${id}/dispatch`, { ...resident, body: {} });
    expect(byResident.status).toBe(403);

    const workersOwn = (await report({}, worker)).body.ticket.ticketID;
    expect((await api.call("GET", `/tickets/${workersOwn}`, resident)).status).toBe(404);
    expect((await api.call("GET", "/tickets?state=collected", resident)).status).toBe(403);
    const after = await api.call("GET", `/tickets/${id}`, worker);
    expect(after.body.ticket.state).toBe("dispatched");
  });
});
