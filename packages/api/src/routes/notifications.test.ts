import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, startTestApi } from "../../../../scripts/test/api.ts";
import { square } from "../../../../scripts/lib/square.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
const resident = { as: As.jianyangResident };
const worker = { as: As.jianyangWorker };
const leader = { as: As.jianyangLeader };
const staff = { as: As.jianyangStaff };
const inside = { lon: 118.405, lat: 27.605 };
const report = (who: { as: typeof As.jianyangResident }, description = "路口井盖松动，电话13912345678") =>
  api.call("POST", "/tickets", { ...who, body: { categoryKey: "garbage", description, address: "民主路 3 号", ...inside } });

beforeAll(async () => {
  api = await startTestApi();
  const grid = await api.call("POST", "/grids", {
    as: As.jianyangAdmin,
    body: {
      code: "NT",
      name: "通知测试网格",
      tier: 1,
      boundary: square(118.4, 27.6, 0.01),
    },
  });
  expect(grid.status).toBe(201);
  for (const gridStaff of [worker.as, leader.as]) await api.place(gridStaff, grid.body.gridID);
});
afterAll(() => api?.close());

describe("notifications, following and duplicates through the API", () => {
  it("tells the grid's worker of a new ticket with its category and grid, and marks one read", async () => {
    const created = await report(resident);
    expect(created.status).toBe(201);
    const id = created.body.ticket.ticketID;
    const notes = await api.call("GET", "/me/notifications", worker);
    const note = notes.body.items.find((item: { ticketID: string }) => item.ticketID === id);
    expect(note).toMatchObject({ kind: "collect", audience: "grid", gridName: "通知测试网格", category: { zh: "垃圾堆放" }, read: false });
    const marked = await api.call("POST", "/me/notifications/read", { ...worker, body: { notificationIDs: [note.notificationID] } });
    expect([marked.status, marked.body.marked]).toEqual([200, 1]);
    const after = await api.call("GET", "/me/notifications", worker);
    expect(after.body.items.find((item: { notificationID: string }) => item.notificationID === note.notificationID).read).toBe(true);
    // Department staff hear of it only once it is dispatched to them.
    const before = await api.call("GET", "/me/notifications", staff);
    expect(before.body.items.map((item: { ticketID: string }) => item.ticketID)).not.toContain(id);
  });

  it("lets a resident see someone else's public ticket in public form and follow it, idempotently", async () => {
    const created = await report(worker);
    const id = created.body.ticket.ticketID;
    expect((await api.call("GET", `/tickets/${id}`, resident)).status).toBe(404);
    const view = await api.call("GET", `/tickets/${id}/public`, resident);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ ticketID: id, following: false, own: false, description: "路口井盖松动，电话***********" });
    expect(view.body).not.toHaveProperty("reporterID");
    for (let n = 0; n < 2; n++) {
      const followed = await api.call("POST", `/tickets/${id}/follow`, resident);
      expect([followed.status, followed.body]).toEqual([200, { ticketID: id, following: true }]);
    }
    expect((await api.call("GET", `/tickets/${id}/public`, resident)).body).toMatchObject({ following: true, followers: 1 });
    expect((await api.call("POST", `/tickets/${id}/follow`, worker)).body.code).toBe("ticket.follow_own");
    for (let n = 0; n < 2; n++) expect((await api.call("DELETE", `/tickets/${id}/follow`, resident)).body.following).toBe(false);
    expect((await api.call("GET", `/tickets/${id}/public`, resident)).body).toMatchObject({ following: false, followers: 0 });
    expect((await api.call("GET", `/tickets/ticket_01jdnothere00000000000000/public`, resident)).status).toBe(404);
  });

  it("marks a duplicate (400 for itself, 409 for a duplicate of a duplicate, 403 for a resident); its reporter follows the original", async () => {
    const original = (await report(worker)).body.ticket.ticketID;
    const repeat = (await report(resident)).body.ticket.ticketID;
    const third = (await report(resident)).body.ticket.ticketID;
    const self = await api.call("POST", `/tickets/${repeat}/duplicate`, { ...worker, body: { originalID: repeat } });
    expect([self.status, self.type.split(";")[0], self.body.code]).toEqual([400, "application/problem+json", "ticket.duplicate_self"]);
    const empty = await api.call("POST", `/tickets/${repeat}/duplicate`, { ...worker, body: {} });
    expect(empty.status).toBe(400);
    expect((await api.call("POST", `/tickets/${repeat}/duplicate`, { ...resident, body: { originalID: original } })).status).toBe(403);
    const marked = await api.call("POST", `/tickets/${repeat}/duplicate`, { ...worker, body: { originalID: original } });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect(marked.body).toMatchObject({ state: "closed", closure: "duplicate", duplicateOf: original });
    const chain = await api.call("POST", `/tickets/${third}/duplicate`, { ...worker, body: { originalID: repeat } });
    expect([chain.status, chain.body.code]).toEqual([409, "ticket.duplicate_of_duplicate"]);
    const notes = (await api.call("GET", "/me/notifications", resident)).body.items;
    expect(notes.find((item: { ticketID: string }) => item.ticketID === repeat)).toMatchObject({
      kind: "duplicate",
      duplicateOf: original,
    });
    expect((await api.call("GET", `/tickets/${original}/public`, resident)).body.following).toBe(true);
  });
});
