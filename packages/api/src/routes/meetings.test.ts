import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, square, startTestApi } from "../../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };
const worker = { as: As.jianyangWorker };
let community: string;
let grid: string;

beforeAll(async () => {
  api = await startTestApi();
  const top = await api.call("POST", "/grids", {
    ...admin,
    body: { code: "MT", name: "议事社区", tier: 1, boundary: square(118.6, 27.8, 0.02) },
  });
  community = top.body.gridID;
  const child = await api.call("POST", "/grids", {
    ...admin,
    body: { code: "MT01", name: "议事一网格", tier: 2, parentID: community, boundary: square(118.6, 27.8, 0.01) },
  });
  grid = child.body.gridID;
});
afterAll(() => api?.close());

const schedule = (body: Record<string, unknown> = {}, who = worker) =>
  api.call("POST", "/meetings", {
    ...who,
    body: {
      typeKey: "listen_to_neighbours",
      gridID: grid,
      scheduledAt: "2026-05-20T19:30:00+08:00",
      place: "社区活动室",
      topic: "小区停车难",
      ...body,
    },
  });

describe("meetings through the API", () => {
  it("a meeting is scheduled, then held: attendance, minutes and outcomes become needs items in one step, once", async () => {
    const created = await schedule();
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      status: "scheduled",
      typeKey: "listen_to_neighbours",
      scheduledAt: "2026-05-20T11:30:00.000Z",
      gridPath: [community, grid],
    });
    const id = created.body.meetingID;

    const outcome = {
      minutes: "居民反映停车难、楼道堆物；议定：规划临时停车位，组织楼道清理。",
      attendanceCount: 23,
      attendees: ["张秀英", "李建国"],
      outcomes: [
        { kind: "problem", title: "楼道堆放杂物" },
        { kind: "project", title: "规划临时停车位", description: "利用小区东侧空地" },
      ],
    };
    const [first, second] = await Promise.all([
      api.call("POST", `/meetings/${id}/outcome`, { ...worker, body: outcome }),
      api.call("POST", `/meetings/${id}/outcome`, { ...admin, body: outcome }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const recorded = first.status === 200 ? first : second;
    expect(recorded.body.meeting).toMatchObject({ status: "held", attendanceCount: 23, attendees: ["张秀英", "李建国"] });
    expect(
      recorded.body.items.map((item: { kind: string; source: string; meetingID: string; gridID: string }) => [
        item.kind,
        item.source,
        item.meetingID,
        item.gridID,
      ]),
    ).toEqual([
      ["problem", "meeting", id, grid],
      ["project", "meeting", id, grid],
    ]);
    const again = await api.call("POST", `/meetings/${id}/outcome`, { ...worker, body: outcome });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("meeting.recorded");

    const read = await api.call("GET", `/meetings/${id}`, { as: As.jianyangResident });
    expect(read.body.items.map((item: { title: string; status: string }) => [item.title, item.status])).toEqual([
      ["楼道堆放杂物", "open"],
      ["规划临时停车位", "open"],
    ]);
    const needs = await api.call("GET", `/needs?gridID=${community}`, admin);
    expect(needs.body.items).toHaveLength(2);
    const progress = await api.call("GET", `/needs/progress?gridID=${community}`, admin);
    expect(progress.body).toMatchObject({ created: 2, problems: 1, projects: 1, open: 2 });

    const stats = await api.call("GET", `/meetings/stats?gridID=${community}`, admin);
    expect(stats.body).toMatchObject({ scheduled: 1, held: 1, attendance: 23 });
    expect(stats.body.byType.listen_to_neighbours).toBe(1);
    const list = await api.call("GET", `/meetings?gridID=${community}`, admin);
    expect(list.body.items.map((meeting: { meetingID: string }) => meeting.meetingID)).toEqual([id]);
    const upcoming = await api.call("GET", `/meetings?from=${encodeURIComponent("2026-05-01T00:00:00Z")}&status=held`, admin);
    expect(upcoming.body.items.map((meeting: { meetingID: string }) => meeting.meetingID)).toEqual([id]);
  });

  it("refuses bad input: a type not in the district's list, no attendance, a resident scheduling, too many outcomes", async () => {
    const unknown = await schedule({ typeKey: "tea_dance" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe("meeting.unknown_type");
    expect(unknown.body.errors[0].message).toContain("grid_council");
    expect((await schedule({ scheduledAt: "next tuesday" })).status).toBe(400);
    expect((await schedule({}, { as: As.jianyangResident })).status).toBe(403);
    expect((await schedule({}, { as: As.jianyangCadre })).status).toBe(403);
    const meeting = await schedule({ typeKey: "grid_council" });
    const noAttendance = await api.call("POST", `/meetings/${meeting.body.meetingID}/outcome`, {
      ...worker,
      body: { minutes: "讨论了若干事项" },
    });
    expect(noAttendance.status).toBe(400);
    const tooMany = await api.call("POST", `/meetings/${meeting.body.meetingID}/outcome`, {
      ...worker,
      body: {
        minutes: "讨论了若干事项",
        attendanceCount: 5,
        outcomes: Array.from({ length: 21 }, (_, n) => ({ kind: "problem", title: `问题${n}` })),
      },
    });
    expect(tooMany.status).toBe(400);
    // Twenty outcomes fit the one transaction with every counter.
    const twenty = await api.call("POST", `/meetings/${meeting.body.meetingID}/outcome`, {
      ...worker,
      body: {
        minutes: "讨论了若干事项",
        attendanceCount: 5,
        outcomes: Array.from({ length: 20 }, (_, n) => ({ kind: n % 2 ? "problem" : "project", title: `事项${n}` })),
      },
    });
    expect(twenty.status, JSON.stringify(twenty.body)).toBe(200);
    expect(twenty.body.items).toHaveLength(20);
    const off = await api.call("POST", "/meetings", {
      as: As.yanpingAdmin,
      body: { typeKey: "grid_council", gridID: grid, scheduledAt: "2026-05-20T19:30:00+08:00", place: "x地点", topic: "议题" },
    });
    expect(off.status).toBe(404);
    expect(off.body.code).toBe("mechanism.off");
  });
});
