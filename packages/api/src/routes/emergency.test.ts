import { UserEntity } from "@wangge/core/user/user.entity";
import { afterAll, beforeAll, expect, it } from "vitest";
import { As, square, startTestApi } from "../../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };
let north: string;
let northEast: string;
let south: string;

beforeAll(async () => {
  api = await startTestApi();
  const make = async (body: Record<string, unknown>) => {
    const response = await api.call("POST", "/grids", { ...admin, body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.gridID as string;
  };
  north = await make({ code: "N", name: "北区网格", tier: 1, boundary: square(118.1, 27.32, 0.02) });
  south = await make({ code: "S", name: "南区网格", tier: 1, boundary: square(118.1, 27.3, 0.02) });
  northEast = await make({ code: "N-1", name: "北区东片", tier: 2, parentID: north, boundary: square(118.11, 27.33, 0.005) });
  // The demo worker works on the north-east grid, the leader on the south grid.
  await UserEntity.patch({ tenantID: "jianyang", userID: "worker" }).set({ gridID: northEast }).go();
  await UserEntity.patch({ tenantID: "jianyang", userID: "leader" }).set({ gridID: south }).go();
});
afterAll(() => api?.close());

const mode = (as = As.jianyangAdmin) => api.call("GET", "/emergency/mode", { as });

it("is off in a district that has not switched the mechanism on (404 mechanism.off)", async () => {
  const read = await mode(As.yanpingAdmin);
  expect(read.status).toBe(404);
  expect(read.body.code).toBe("mechanism.off");
  const write = await api.call("PUT", "/emergency/mode", { as: As.yanpingAdmin, body: { mode: "emergency", reason: "测试" } });
  expect(write.status).toBe(404);
  expect(write.body.code).toBe("mechanism.off");
});

it("a non-admin cannot switch the mode (403), and nothing changes", async () => {
  const before = await mode(As.jianyangWorker);
  expect(before.body).toMatchObject({ mode: "normal", version: 0, affectsMe: false });
  for (const as of [As.jianyangWorker, As.jianyangLeader, As.jianyangCadre, As.jianyangResident]) {
    const response = await api.call("PUT", "/emergency/mode", { as, body: { mode: "emergency", reason: "疫情防控" } });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe("access.role");
  }
  expect((await mode()).body).toEqual(before.body);
  const audit = await api.call("GET", "/audit?subjectID=emergencyMode", admin);
  expect(audit.body.items).toEqual([]);
});

it("switches chosen grids into emergency mode (their descendants too), and needs emergency mode for a round", async () => {
  const early = await api.call("POST", "/emergency/tasks", {
    ...admin,
    body: { title: "第1轮核酸检测", scope: "district", checklist: ["采样"] },
  });
  expect(early.status).toBe(409);
  expect(early.body.code).toBe("emergency.not_on");

  const bad = await api.call("PUT", "/emergency/mode", { ...admin, body: { mode: "emergency", scope: "grids", reason: "疫情防控" } });
  expect(bad.status).toBe(400);
  const switched = await api.call("PUT", "/emergency/mode", {
    ...admin,
    body: { mode: "emergency", scope: "grids", gridIDs: [north], reason: "北区出现阳性病例" },
  });
  expect(switched.status, JSON.stringify(switched.body)).toBe(200);
  expect(switched.body).toMatchObject({ mode: "emergency", scope: "grids", reason: "北区出现阳性病例", version: 1 });
  expect(switched.body.grids).toEqual([{ gridID: north, code: "N", name: "北区网格" }]);
  // The worker's grid lies under the north grid; the leader's does not.
  expect((await mode(As.jianyangWorker)).body).toMatchObject({ mode: "emergency", affectsMe: true });
  expect((await mode(As.jianyangLeader)).body).toMatchObject({ mode: "emergency", affectsMe: false });
  expect((await mode(As.jianyangResident)).status).toBe(200);
});

it("two switches at once: one wins, the other is a 409, and the state is whole", async () => {
  const { version } = (await mode()).body;
  const [a, b] = await Promise.all([
    api.call("PUT", "/emergency/mode", {
      ...admin,
      body: { mode: "emergency", scope: "district", reason: "全区静态管理", expectedVersion: version },
    }),
    api.call("PUT", "/emergency/mode", {
      ...admin,
      body: { mode: "emergency", scope: "grids", gridIDs: [south], reason: "南区风险排查", expectedVersion: version },
    }),
  ]);
  expect([a.status, b.status].sort()).toEqual([200, 409]);
  const loser = a.status === 409 ? a : b;
  expect(loser.body.code).toBe("emergency.changed");
  const winner = a.status === 200 ? a : b;
  const now = (await mode()).body;
  expect(now.version).toBe(version + 1);
  expect({ scope: now.scope, grids: now.grids, reason: now.reason }).toEqual({
    scope: winner.body.scope,
    grids: winner.body.grids,
    reason: winner.body.reason,
  });
  const audit = await api.call("GET", "/audit?subjectID=emergencyMode", admin);
  expect(audit.body.items.map((event: { action: string }) => event.action)).toEqual(["emergency.switch", "emergency.switch"]);

  // Without a version, the writes still cannot interleave: the stored mode is one of the two, whole.
  const [c, d] = await Promise.all([
    api.call("PUT", "/emergency/mode", { ...admin, body: { mode: "emergency", scope: "district", reason: "全区静态管理" } }),
    api.call("PUT", "/emergency/mode", {
      ...admin,
      body: { mode: "emergency", scope: "grids", gridIDs: [north, south], reason: "两区排查" },
    }),
  ]);
  expect(c.status === 200 || d.status === 200).toBe(true);
  for (const response of [c, d]) expect([200, 409]).toContain(response.status);
  const last = (await mode()).body;
  expect([
    { scope: "district", grids: [], reason: "全区静态管理" },
    {
      scope: "grids",
      grids: [
        { gridID: north, code: "N", name: "北区网格" },
        { gridID: south, code: "S", name: "南区网格" },
      ],
      reason: "两区排查",
    },
  ]).toContainEqual({ scope: last.scope, grids: last.grids, reason: last.reason });
});

it("runs a round: grids report with checklist ticks, the board counts, my tasks come first", async () => {
  await api.call("PUT", "/emergency/mode", { ...admin, body: { mode: "emergency", scope: "district", reason: "全区核酸检测" } });
  const district = await api.call("POST", "/emergency/tasks", {
    ...admin,
    body: { title: "第1轮全员核酸检测", scope: "district", checklist: ["设点", "采样", "转运"] },
  });
  expect(district.status, JSON.stringify(district.body)).toBe(201);
  // District-wide rounds go to every first-tier grid.
  expect(district.body).toMatchObject({ scope: "district", gridCount: 2 });
  const risk = await api.call("POST", "/emergency/tasks", {
    ...admin,
    body: { title: "风险区第3轮核酸检测", scope: "risk_area", gridIDs: [northEast], checklist: ["入户采样", "上报名单"] },
  });
  expect(risk.status).toBe(201);
  expect(risk.body.gridCount).toBe(1);
  const byWorker = await api.call("POST", "/emergency/tasks", {
    as: As.jianyangWorker,
    body: { title: "x1", scope: "district", checklist: ["x"] },
  });
  expect(byWorker.status).toBe(403);

  const mine = await api.call("GET", "/emergency/tasks/mine", { as: As.jianyangWorker });
  expect(mine.status).toBe(200);
  expect(mine.body.items.map((item: { task: { title: string } }) => item.task.title)).toEqual(["风险区第3轮核酸检测"]);
  const leaders = await api.call("GET", "/emergency/tasks/mine", { as: As.jianyangLeader });
  expect(leaders.body.items.map((item: { task: { title: string } }) => item.task.title)).toEqual(["第1轮全员核酸检测"]);

  const report = (as: typeof As.jianyangAdmin, taskID: string, gridID: string, body: unknown) =>
    api.call("POST", `/emergency/tasks/${taskID}/grids/${gridID}/report`, { as, body });
  // A grid outside the round: 404; someone else's grid: 403; the wrong number of ticks: 400.
  const outside = await report(As.jianyangAdmin, risk.body.taskID, south, { ticks: [true, true] });
  expect(outside.status).toBe(404);
  expect(outside.body.code).toBe("emergency.grid_not_in_task");
  expect((await report(As.jianyangLeader, risk.body.taskID, northEast, { ticks: [true, true] })).status).toBe(403);
  expect((await report(As.jianyangWorker, risk.body.taskID, northEast, { ticks: [true] })).status).toBe(400);
  expect((await report(As.jianyangWorker, "etask_nope", northEast, { ticks: [true, true] })).status).toBe(404);

  const partial = await report(As.jianyangWorker, risk.body.taskID, northEast, { ticks: [true, false], note: "采样完成，名单整理中" });
  expect(partial.status).toBe(200);
  expect(partial.body).toMatchObject({ status: "pending", ticks: [true, false] });
  let board = await api.call("GET", `/emergency/tasks/${risk.body.taskID}/board`, admin);
  expect(board.body).toMatchObject({ total: 1, done: 0, percentage: 0 });
  const done = await report(As.jianyangWorker, risk.body.taskID, northEast, { ticks: [true, true], note: "全部完成" });
  expect(done.body).toMatchObject({ status: "done", note: "全部完成", reportedBy: "worker" });
  board = await api.call("GET", `/emergency/tasks/${risk.body.taskID}/board`, { as: As.jianyangWorker });
  expect(board.body).toMatchObject({ total: 1, done: 1, pending: 0, percentage: 100 });
  expect(board.body.grids).toMatchObject([{ gridID: northEast, status: "done", ticks: [true, true] }]);
  expect((await report(As.jianyangWorker, risk.body.taskID, northEast, { ticks: [true, true] })).status).toBe(409);
  expect((await api.call("GET", "/emergency/tasks/mine", { as: As.jianyangWorker })).body.items).toEqual([]);

  await report(As.jianyangLeader, district.body.taskID, south, { ticks: [true, true, true] });
  board = await api.call("GET", `/emergency/tasks/${district.body.taskID}/board`, admin);
  expect(board.body).toMatchObject({ total: 2, done: 1, pending: 1, percentage: 50 });
  expect(Object.fromEntries(board.body.grids.map((grid: { gridID: string; status: string }) => [grid.gridID, grid.status]))).toEqual({
    [north]: "pending",
    [south]: "done",
  });

  const rounds = await api.call("GET", "/emergency/tasks", { as: As.jianyangCadre });
  expect(rounds.body.items.map((task: { title: string }) => task.title)).toEqual(["风险区第3轮核酸检测", "第1轮全员核酸检测"]);
  expect((await api.call("GET", "/emergency/tasks", { as: As.jianyangResident })).status).toBe(403);
  const trail = await api.call("GET", `/audit?subjectID=${risk.body.taskID}`, admin);
  expect(trail.body.items.map((event: { action: string }) => event.action)).toEqual([
    "emergency.report",
    "emergency.report",
    "emergency.task",
  ]);

  const normal = await api.call("PUT", "/emergency/mode", { ...admin, body: { mode: "normal", reason: "疫情解除" } });
  expect(normal.body).toMatchObject({ mode: "normal", grids: [] });
  expect((await mode(As.jianyangWorker)).body).toMatchObject({ mode: "normal", affectsMe: false });
  const again = await api.call("PUT", "/emergency/mode", { ...admin, body: { mode: "normal", reason: "疫情解除" } });
  expect(again.status).toBe(409);
  const late = await api.call("POST", "/emergency/tasks", { ...admin, body: { title: "第2轮", scope: "district", checklist: ["采样"] } });
  expect(late.body.code).toBe("emergency.not_on");
});
