import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, square, startTestApi } from "../../../scripts/test/api.ts";

/**
 * Scopes, record by record (the `grid`, `department` and `seconded` cells of docs/permissions.md): grid
 * staff placed on grid A act on A's records and are refused B's, its sibling; department
 * staff see their department's tickets only. Inside → allowed; outside → 403 `scope.grid`
 * (or 404 for a record they may not see at all).
 */
let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };
const worker = { as: As.jianyangWorker };
const leader = { as: As.jianyangLeader };
const staff = { as: As.jianyangStaff };
const resident = { as: As.jianyangResident };
const grids = { top: "", a: "", b: "" };
const tickets = { a: "", b: "" };

async function created(response: { status: number; body: any }) {
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

beforeAll(async () => {
  api = await startTestApi();
  grids.top = (
    await created(
      await api.call("POST", "/grids", { ...admin, body: { code: "SC", name: "范围社区", tier: 1, boundary: square(118.3, 27.4, 0.02) } }),
    )
  ).gridID;
  grids.a = (
    await created(
      await api.call("POST", "/grids", {
        ...admin,
        body: { code: "SC-1", name: "甲网格", tier: 2, parentID: grids.top, boundary: square(118.3, 27.4, 0.01) },
      }),
    )
  ).gridID;
  grids.b = (
    await created(
      await api.call("POST", "/grids", {
        ...admin,
        body: { code: "SC-2", name: "乙网格", tier: 2, parentID: grids.top, boundary: square(118.31, 27.4, 0.01) },
      }),
    )
  ).gridID;
  for (const gridStaff of [As.jianyangWorker, As.jianyangLeader]) await api.place(gridStaff, grids.a);
  const report = (lon: number) =>
    api.call("POST", "/tickets", { ...resident, body: { categoryKey: "garbage", description: "楼下垃圾堆放多日", lon, lat: 27.405 } });
  tickets.a = (await created(await report(118.305))).ticket.ticketID;
  tickets.b = (await created(await report(118.315))).ticket.ticketID;
});
afterAll(() => api?.close());

const refusal = (response: { status: number; body: any }) => [response.status, response.body?.code];

describe("grid staff act on their own grid and below", () => {
  it("tickets: read, accept and list A's; B's are not theirs to see (404), B's queue is refused", async () => {
    expect((await api.call("GET", `/tickets/${tickets.a}`, worker)).status).toBe(200);
    expect(refusal(await api.call("GET", `/tickets/${tickets.b}`, worker))).toEqual([404, "ticket.not_found"]);
    expect(refusal(await api.call("POST", `/tickets/${tickets.b}/accept`, { ...worker, body: {} }))).toEqual([404, "ticket.not_found"]);
    const queue = await api.call("GET", "/tickets?state=collected", worker);
    const ids = queue.body.items.map((ticket: { ticketID: string }) => ticket.ticketID);
    expect(ids).toContain(tickets.a);
    expect(ids).not.toContain(tickets.b);
    expect(refusal(await api.call("GET", `/tickets?state=collected&gridID=${grids.b}`, leader))).toEqual([403, "scope.grid"]);
    expect(refusal(await api.call("GET", `/tickets?state=collected&gridID=${grids.top}`, leader))).toEqual([403, "scope.grid"]);
    expect((await api.call("POST", `/tickets/${tickets.a}/accept`, { ...worker, body: {} })).body.state).toBe("accepted");
    // A district admin sees and acts on both.
    expect((await api.call("POST", `/tickets/${tickets.b}/accept`, { ...admin, body: {} })).body.state).toBe("accepted");
  });

  it("wishes: claim A's, not B's; B's list is refused", async () => {
    const post = async (gridID: string) =>
      (
        await created(
          await api.call("POST", "/wishes", { ...resident, body: { title: "想要一副老花镜", description: "眼睛看不清报纸", gridID } }),
        )
      ).wishID;
    const [inA, inB] = [await post(grids.a), await post(grids.b)];
    expect(refusal(await api.call("POST", `/wishes/${inB}/claim`, { ...worker, body: {} }))).toEqual([403, "scope.grid"]);
    expect((await api.call("POST", `/wishes/${inA}/claim`, { ...worker, body: {} })).status).toBe(200);
    expect(refusal(await api.call("GET", `/wishes?gridID=${grids.b}`, worker))).toEqual([403, "scope.grid"]);
    expect(
      (await api.call("GET", `/wishes?gridID=${grids.a}&status=claimed`, worker)).body.items.map((wish: { wishID: string }) => wish.wishID),
    ).toEqual([inA]);
  });

  it("needs lists: enter and claim on A; B is refused", async () => {
    const item = (gridID: string, who = worker) =>
      api.call("POST", "/needs", { ...who, body: { kind: "problem", title: "路灯不亮", gridID } });
    const inA = await created(await item(grids.a));
    expect(refusal(await item(grids.b))).toEqual([403, "scope.grid"]);
    const inB = await created(await item(grids.b, admin));
    expect(refusal(await api.call("POST", `/needs/${inB.itemID}/claim`, { ...leader, body: { unit: "区供电所" } }))).toEqual([
      403,
      "scope.grid",
    ]);
    expect((await api.call("POST", `/needs/${inA.itemID}/claim`, { ...leader, body: { unit: "区供电所" } })).status).toBe(200);
    expect(refusal(await api.call("GET", `/needs?gridID=${grids.b}`, leader))).toEqual([403, "scope.grid"]);
  });

  it("people: whole phone numbers on A, masked on B", async () => {
    for (const [gridID, phone] of [
      [grids.a, "13655550001"],
      [grids.b, "13655550002"],
    ])
      await created(
        await api.call("POST", "/people/assignments", {
          ...admin,
          body: { gridID, roleKey: "grid_leader_2", person: { name: "网格长乙", phone } },
        }),
      );
    const phones = async (gridID: string) =>
      (await api.call("GET", `/people?gridID=${gridID}`, worker)).body.items.map((person: { phone: string }) => person.phone);
    expect(await phones(grids.a)).toEqual(["13655550001"]);
    expect(await phones(grids.b)).toEqual(["136****0002"]);
  });

  it("ledger: a grid leader reads A's, not B's", async () => {
    expect((await api.call("GET", `/ledger?gridID=${grids.a}`, leader)).status).toBe(200);
    expect(refusal(await api.call("GET", `/ledger?gridID=${grids.b}`, leader))).toEqual([403, "scope.grid"]);
  });

  it("emergency rounds: report for A, not for B", async () => {
    const mode = await api.call("PUT", "/emergency/mode", { ...admin, body: { mode: "emergency", scope: "district", reason: "台风来袭" } });
    expect(mode.status, JSON.stringify(mode.body)).toBe(200);
    const task = await created(
      await api.call("POST", "/emergency/tasks", {
        ...admin,
        body: { title: "第1轮入户排查", scope: "risk_area", gridIDs: [grids.a, grids.b], checklist: ["入户"] },
      }),
    );
    const reportFor = (gridID: string) =>
      api.call("POST", `/emergency/tasks/${task.taskID}/grids/${gridID}/report`, { ...worker, body: { ticks: [true], note: "已完成" } });
    expect(refusal(await reportFor(grids.b))).toEqual([403, "emergency.not_your_grid"]);
    expect((await reportFor(grids.a)).status).toBe(200);
  });
});

describe("department staff act on their department's tickets", () => {
  it("reads and handles its own department's ticket; another department's is not there (404)", async () => {
    await api.call("POST", `/tickets/${tickets.a}/dispatch`, { ...admin, body: { departmentKey: "urban_management" } });
    await api.call("POST", `/tickets/${tickets.b}/dispatch`, { ...admin, body: { departmentKey: "housing" } });
    expect((await api.call("GET", `/tickets/${tickets.a}`, staff)).status).toBe(200);
    expect(refusal(await api.call("GET", `/tickets/${tickets.b}`, staff))).toEqual([404, "ticket.not_found"]);
    expect(refusal(await api.call("POST", `/tickets/${tickets.b}/handling`, { ...staff, body: { note: "已处理" } }))).toEqual([
      404,
      "ticket.not_found",
    ]);
    expect((await api.call("POST", `/tickets/${tickets.a}/handling`, { ...staff, body: { note: "已清运" } })).body.state).toBe("handled");
    expect(refusal(await api.call("GET", "/tickets?state=dispatched&departmentKey=housing", staff))).toEqual([
      403,
      "ticket.not_your_department",
    ]);
  });
});

describe("cadres act on the grid they are seconded to", () => {
  it("claim A's lowest grid's wishes and needs items, not B's (403 scope.seconded)", async () => {
    const lowest = async (parentID: string, code: string, x: number) =>
      (
        await created(
          await api.call("POST", "/grids", {
            ...admin,
            body: { code, name: `${code}微网格`, tier: 3, parentID, boundary: square(x, 27.4, 0.01) },
          }),
        )
      ).gridID as string;
    const [inA, inB] = [await lowest(grids.a, "SC-1-1", 118.3), await lowest(grids.b, "SC-2-1", 118.31)];
    await api.second(As.jianyangCadre, inA);
    const cadre = { as: As.jianyangCadre };
    const wishOn = async (gridID: string) =>
      (
        await created(
          await api.call("POST", "/wishes", { ...resident, body: { title: "想要一个助行器", description: "腿脚不便", gridID } }),
        )
      ).wishID as string;
    const itemOn = async (gridID: string) =>
      (await created(await api.call("POST", "/needs", { ...admin, body: { kind: "problem", title: "路灯不亮", gridID } })))
        .itemID as string;
    expect(refusal(await api.call("POST", `/wishes/${await wishOn(inB)}/claim`, { ...cadre, body: {} }))).toEqual([403, "scope.seconded"]);
    expect(refusal(await api.call("POST", `/needs/${await itemOn(inB)}/claim`, { ...cadre, body: {} }))).toEqual([403, "scope.seconded"]);
    expect((await api.call("POST", `/wishes/${await wishOn(inA)}/claim`, { ...cadre, body: {} })).body.status).toBe("claimed");
    expect((await api.call("POST", `/needs/${await itemOn(inA)}/claim`, { ...cadre, body: {} })).body.status).toBe("claimed");
  });
});
