import { describe, expect, it } from "vitest";
import { adminMe, leaderMe, otherStaffMe, residentMe, staffMe, ticket, workerMe } from "../test/ticket-fixtures.ts";
import type { Me } from "./types.ts";
import {
  allowedActions,
  changeActions,
  handlerOf,
  mayDecide,
  requestKinds,
  newIdempotencyKey,
  photoTypeOf,
  queuesFor,
  routeDepartment,
  TERRITORIAL,
  type Ticket,
} from "./tickets.ts";

const people: Record<string, Me> = {
  resident: residentMe,
  worker: workerMe,
  leader: leaderMe,
  staff: staffMe,
  otherStaff: otherStaffMe,
  admin: adminMe,
};
const actionsOf = (who: string, fields: Partial<Ticket>, handlerID: string | null = null) =>
  allowedActions(ticket(fields), { actor: people[who].actor, handlerID, settings: { reopenDays: 7 } });

describe("what each role may do in each state", () => {
  it("grid staff accept or reject a collected ticket; residents and departments may not", () => {
    for (const who of ["worker", "leader", "admin"]) expect(actionsOf(who, { state: "collected" }), who).toEqual(["accept", "reject"]);
    for (const who of ["resident", "staff"]) expect(actionsOf(who, { state: "collected" }), who).toEqual([]);
  });

  it("only leaders and admins dispatch", () => {
    expect(actionsOf("leader", { state: "accepted" })).toEqual(["dispatch"]);
    expect(actionsOf("admin", { state: "accepted" })).toEqual(["dispatch"]);
    expect(actionsOf("worker", { state: "accepted" })).toEqual([]);
  });

  it("the department a ticket went to handles it; the grid's staff handle territorial ones; admins never handle", () => {
    const dispatched = { state: "dispatched" as const, departmentKey: "urban_management" };
    expect(actionsOf("staff", dispatched)).toEqual(["handle"]);
    expect(actionsOf("otherStaff", dispatched)).toEqual([]);
    expect(actionsOf("worker", dispatched)).toEqual([]);
    const territorial = { state: "dispatched" as const, departmentKey: TERRITORIAL };
    expect(actionsOf("worker", territorial)).toEqual(["handle"]);
    expect(actionsOf("leader", territorial)).toEqual(["handle"]);
    expect(actionsOf("admin", territorial)).toEqual([]);
    expect(actionsOf("staff", territorial)).toEqual([]);
  });

  it("someone other than the handler verifies or sends back", () => {
    expect(actionsOf("worker", { state: "handled" }, "staff")).toEqual(["verify", "send_back"]);
    expect(actionsOf("worker", { state: "handled", departmentKey: TERRITORIAL }, "worker")).toEqual([]);
    expect(actionsOf("staff", { state: "handled" }, "staff")).toEqual([]);
  });

  it("the reporter rates once and reopens within the window, never a ticket that was not accepted", () => {
    const closed = { state: "closed" as const, closure: "solved" as const, closedAt: new Date(Date.now() - 86_400_000).toISOString() };
    expect(actionsOf("resident", closed)).toEqual(["rate", "reopen"]);
    expect(actionsOf("resident", { ...closed, rating: 4 })).toEqual(["reopen"]);
    expect(actionsOf("resident", { ...closed, closedAt: new Date(Date.now() - 8 * 86_400_000).toISOString() })).toEqual(["rate"]);
    expect(actionsOf("resident", { ...closed, closure: "not_accepted" })).toEqual(["rate"]);
    expect(actionsOf("worker", closed)).toEqual([]);
    // A worker who reported it is its reporter.
    expect(actionsOf("worker", { ...closed, reporterID: "worker" })).toEqual(["rate", "reopen"]);
  });

  it("the handler is the author of the last handling report", () => {
    expect(
      handlerOf([
        { seq: 1, action: "handle", actorID: "a" },
        { seq: 2, action: "send_back", actorID: "b" },
        { seq: 3, action: "handle", actorID: "c" },
      ] as never),
    ).toBe("c");
    expect(handlerOf([])).toBeNull();
  });
});

describe("changes that need an approval", () => {
  const kindsOf = (who: string, fields: Partial<Ticket>) => requestKinds(ticket(fields), { actor: people[who].actor });
  const changesOf = (who: string, fields: Partial<Ticket>) => changeActions(ticket(fields), { actor: people[who].actor });
  const dispatched = { state: "dispatched" as const, departmentKey: "urban_management", dueAt: "2026-12-01T08:00:00.000Z" };
  const pending = (by: string) => ({
    seq: 5,
    kind: "extend",
    reason: "材料未到",
    hours: 8,
    departmentKey: null,
    by,
    at: "2026-11-28T08:00:00.000Z",
  });

  it("the handling department and the grid's staff may ask; residents and other departments may not", () => {
    for (const who of ["staff", "worker", "leader", "admin"])
      expect(kindsOf(who, dispatched), who).toEqual(["extend", "send_up", "transfer", "void"]);
    for (const who of ["otherStaff", "resident"]) expect(kindsOf(who, dispatched), who).toEqual([]);
    expect(changesOf("staff", dispatched)).toEqual(["request_change"]);
    expect(changesOf("resident", dispatched)).toEqual([]);
  });

  it("sending back up and transferring only while dispatched; extending only with a deadline; nothing once closed", () => {
    expect(kindsOf("worker", { state: "collected" })).toEqual(["void"]);
    expect(kindsOf("leader", { state: "accepted", dueAt: dispatched.dueAt })).toEqual(["extend", "void"]);
    expect(kindsOf("staff", { state: "handled", departmentKey: "urban_management", dueAt: dispatched.dueAt })).toEqual(["extend", "void"]);
    expect(kindsOf("admin", { state: "closed", closure: "solved" })).toEqual([]);
  });

  it("the grid's staff handle territorial tickets; a department never matches a ticket without one", () => {
    expect(kindsOf("worker", { ...dispatched, departmentKey: TERRITORIAL })).toContain("transfer");
    expect(kindsOf("staff", { ...dispatched, departmentKey: TERRITORIAL })).toEqual([]);
    expect(kindsOf("staff", { state: "collected", departmentKey: null })).toEqual([]);
  });

  it("one request at a time, decided by a leader or admin who did not ask", () => {
    const waiting = { ...dispatched, pendingRequest: pending("staff") };
    expect(kindsOf("staff", waiting)).toEqual([]);
    expect(changesOf("staff", waiting)).toEqual([]);
    expect(changesOf("worker", waiting)).toEqual([]);
    expect(changesOf("leader", waiting)).toEqual(["approve", "refuse"]);
    expect(changesOf("admin", waiting)).toEqual(["approve", "refuse"]);
    expect(mayDecide(ticket({ ...dispatched, pendingRequest: pending("leader") }), { actor: leaderMe.actor })).toBe(false);
    expect(mayDecide(ticket({ ...dispatched, pendingRequest: pending("leader") }), { actor: adminMe.actor })).toBe(true);
    expect(mayDecide(ticket(dispatched), { actor: adminMe.actor })).toBe(false);
  });
});

describe("queues", () => {
  it("gives each role its tabs", () => {
    const keys = (me: Me) => queuesFor(me.actor).map((queue) => queue.key);
    expect(keys(residentMe)).toEqual(["mine"]);
    expect(keys(workerMe)).toEqual(["collected", "territorial", "handled", "mine"]);
    expect(keys(leaderMe)).toEqual(["collected", "accepted", "territorial", "handled", "mine"]);
    expect(keys(adminMe)).toEqual(["collected", "accepted", "handled", "all"]);
    expect(keys(staffMe)).toEqual(["department"]);
    expect(queuesFor(staffMe.actor)[0].query).toEqual({ departmentKey: "urban_management", state: "dispatched" });
  });
});

describe("helpers", () => {
  it("routes like the API: deepest rule, then the category's department, then the grid itself", () => {
    const settings = {
      categories: [
        { key: "garbage", nameZh: "", nameEn: "", departmentKey: "urban_management", deadlineHours: 8 },
        { key: "other", nameZh: "", nameEn: "", departmentKey: null, deadlineHours: 40 },
      ],
      routingRules: [
        { categoryKey: "garbage", gridID: "g1", departmentKey: "a" },
        { categoryKey: "garbage", gridID: "g2", departmentKey: "b" },
      ],
    };
    expect(routeDepartment(settings, { categoryKey: "garbage", gridPath: ["g1", "g2", "g3"] })).toBe("b");
    expect(routeDepartment(settings, { categoryKey: "garbage", gridPath: ["g9"] })).toBe("urban_management");
    expect(routeDepartment(settings, { categoryKey: "other", gridPath: ["g1"] })).toBe(TERRITORIAL);
  });

  it("declares a photo's type from its MIME type or, failing that, its name", () => {
    expect(photoTypeOf({ type: "image/png", name: "a" })).toBe("image/png");
    expect(photoTypeOf({ type: "", name: "IMG_0001.HEIC" })).toBe("image/heic");
    expect(photoTypeOf({ type: "image/jpg", name: "a" })).toBe("image/jpeg");
    expect(photoTypeOf({ type: "application/pdf", name: "scan.pdf" })).toBeNull();
  });

  it("makes a fresh v4 UUID for each submission", () => {
    const first = newIdempotencyKey();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(first);
  });
});
