import { Config, Grid, Tally, Volunteer, withActor } from "@wangge/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, square, startTestApi } from "../../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };
let community: string;
let street: string;
let other: string;

beforeAll(async () => {
  api = await startTestApi();
  const make = async (code: string, name: string, tier: number, boundary: object, parentID?: string) => {
    const response = await api.call("POST", "/grids", { ...admin, body: { code, name, tier, boundary, parentID } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.gridID as string;
  };
  community = await make("QX", "七贤社区网格", 1, square(118.1, 27.3, 0.02));
  street = await make("QX-01", "七贤第一网格", 2, square(118.101, 27.301, 0.005), community);
  other = await make("TJ", "潭城社区网格", 1, square(118.2, 27.3, 0.02));
});
afterAll(() => api?.close());

describe("volunteers", () => {
  it("answers 404 mechanism.off where the district has not switched volunteers on", async () => {
    for (const [method, path, body] of [
      ["GET", "/volunteers/teams"],
      ["GET", "/volunteers/summary"],
      [
        "POST",
        "/volunteers/activities",
        { kind: "policy_talk", title: "政策宣讲", date: "2022-05-01", gridID: "grid_x", organisers: ["社区"], served: 10 },
      ],
    ] as const) {
      const response = await api.call(method, path, { as: As.yanpingAdmin, body });
      expect(response.status, path).toBe(404);
      expect(response.body.code).toBe("mechanism.off");
    }
  });

  it("sets up a team with members, masks their phones for residents, adds and removes members, records problems solved — all counted", async () => {
    const created = await api.call("POST", "/volunteers/teams", {
      as: As.jianyangLeader,
      body: {
        kind: "security_patrol",
        name: "七贤治安巡逻队",
        gridID: street,
        leaderName: "林建华",
        leaderPhone: "13812345678",
        members: [
          { name: "王秀英", phone: "13900001111" },
          { name: "陈立新", phone: "13900002222" },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const team = created.body;
    expect(team).toMatchObject({
      kind: "security_patrol",
      gridID: street,
      gridPath: [community, street],
      memberCount: 2,
      leaderPhone: "13812345678",
    });

    const added = await api.call("POST", `/volunteers/teams/${team.teamID}/members`, {
      as: As.jianyangLeader,
      body: { name: "张丽", phone: "13900003333" },
    });
    expect(added.status).toBe(201);
    const removed = await api.call("DELETE", `/volunteers/teams/${team.teamID}/members/${added.body.memberID}`, admin);
    expect(removed.status).toBe(200);
    expect((await api.call("DELETE", `/volunteers/teams/${team.teamID}/members/${added.body.memberID}`, admin)).status).toBe(404);

    const asResident = await api.call("GET", `/volunteers/teams/${team.teamID}`, { as: As.jianyangResident });
    expect(asResident.status).toBe(200);
    expect(asResident.body.team).toMatchObject({ memberCount: 2, leaderPhone: "138****5678" });
    expect(asResident.body.members.map((member: { phone: string }) => member.phone).sort()).toEqual(["139****1111", "139****2222"]);
    const asWorker = await api.call("GET", `/volunteers/teams/${team.teamID}`, { as: As.jianyangWorker });
    expect(asWorker.body.members.map((member: { phone: string }) => member.phone).sort()).toEqual(["13900001111", "13900002222"]);

    const problem = await api.call("POST", `/volunteers/teams/${team.teamID}/problems`, {
      as: As.jianyangWorker,
      body: { date: "2022-06-12", title: "夜间巡逻劝离聚集人员" },
    });
    expect(problem.status, JSON.stringify(problem.body)).toBe(201);
    expect(problem.body).toMatchObject({ gridID: street, teamID: team.teamID });
    const problems = await api.call("GET", `/volunteers/teams/${team.teamID}/problems`, { as: As.jianyangResident });
    expect(problems.body.items.map((item: { title: string }) => item.title)).toEqual(["夜间巡逻劝离聚集人员"]);

    await api.call("POST", "/volunteers/teams", {
      ...admin,
      body: { kind: "mediation", name: "潭城调解队", gridID: other, leaderName: "吴强" },
    });
    const underCommunity = await api.call("GET", `/volunteers/teams?gridID=${community}`, { as: As.jianyangResident });
    expect(
      underCommunity.body.items.map((item: { name: string; memberCount: number; problemsSolved: number }) => [
        item.name,
        item.memberCount,
        item.problemsSolved,
      ]),
    ).toEqual([["七贤治安巡逻队", 2, 1]]);
    const mediation = await api.call("GET", "/volunteers/teams?kind=mediation", admin);
    expect(mediation.body.items.map((item: { name: string }) => item.name)).toEqual(["潭城调解队"]);

    const teamScope = await withActor({ type: "system", tenantID: "jianyang" }, () => Tally.readTallies(`team:${team.teamID}`, "all"));
    expect(teamScope["volunteers.members"].count).toBe(2);
    expect(teamScope["volunteers.problemsSolved"].count).toBe(1);
    const summary = await api.call("GET", `/volunteers/summary?gridID=${community}`, { as: As.jianyangResident });
    expect(summary.body.totals).toMatchObject({ teams: 1, members: 2, problemsSolved: 1 });
    const district = await api.call("GET", "/volunteers/summary", admin);
    expect(district.body.totals).toMatchObject({ teams: 2, members: 2, problemsSolved: 1 });
  });

  it("records activities by month and grid, adding up the people served; and red property management", async () => {
    const record = (body: Record<string, unknown>, as = As.jianyangWorker) => api.call("POST", "/volunteers/activities", { as, body });
    const talk = await record({
      kind: "policy_talk",
      title: "医保政策进小区",
      date: "2022-03-05",
      gridID: street,
      organisers: ["七贤社区", "区医保局"],
      served: 120,
    });
    expect(talk.status, JSON.stringify(talk.body)).toBe(201);
    expect(
      (
        await record({
          kind: "appliance_repair",
          title: "家电义务维修",
          date: "2022-03-20",
          gridID: other,
          organisers: ["国网建阳供电公司"],
          served: 45,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await record(
          { kind: "health_care", title: "健康义诊", date: "2022-04-02", gridID: community, organisers: ["区卫健局"], served: 80 },
          As.jianyangAdmin,
        )
      ).status,
    ).toBe(201);

    const march = await api.call("GET", "/volunteers/activities?month=2022-03", { as: As.jianyangResident });
    expect(march.body.items.map((item: { title: string }) => item.title)).toEqual(["家电义务维修", "医保政策进小区"]);
    const marchInCommunity = await api.call("GET", `/volunteers/activities?month=2022-03&gridID=${community}`, admin);
    expect(marchInCommunity.body.items.map((item: { title: string }) => item.title)).toEqual(["医保政策进小区"]);
    const inCommunity = await api.call("GET", `/volunteers/activities?gridID=${community}`, admin);
    expect(inCommunity.body.items.map((item: { title: string }) => item.title).sort()).toEqual(["健康义诊", "医保政策进小区"]);

    const owners = [
      { kind: "committee_worker", gridID: street, date: "2022-02-01", personName: "李芳", estate: "建发二区" },
      { kind: "consultation", gridID: street, date: "2022-03-10", topic: "加装电梯费用分摊", estate: "建发二区" },
      { kind: "livelihood_project", gridID: street, date: "2022-09-30", projectKind: "lift", topic: "建发二区3号楼加装电梯" },
      { kind: "livelihood_project", gridID: other, date: "2022-07-15", projectKind: "facade", topic: "潭城老街立面改造" },
    ];
    for (const body of owners) {
      const response = await api.call("POST", "/volunteers/owners", { as: As.jianyangLeader, body });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
    const projects = await api.call("GET", "/volunteers/owners?kind=livelihood_project", { as: As.jianyangResident });
    expect(projects.body.items.map((item: { topic: string; projectKind: string }) => [item.topic, item.projectKind])).toEqual([
      ["建发二区3号楼加装电梯", "lift"],
      ["潭城老街立面改造", "facade"],
    ]);

    const summary = await api.call("GET", "/volunteers/summary?year=2022", { as: As.jianyangResident });
    expect(summary.status).toBe(200);
    expect(summary.body.totals).toMatchObject({ activities: 3, served: 245, committeeWorkers: 1, consultations: 1, livelihoodProjects: 2 });
    expect(summary.body.year).toBe("2022");
    expect(summary.body.months).toHaveLength(12);
    expect(summary.body.months[2]).toMatchObject({ month: "2022-03", activities: 2, served: 165, consultations: 1 });
    expect(summary.body.months[3]).toMatchObject({ month: "2022-04", activities: 1, served: 80 });
    const community2022 = await api.call("GET", `/volunteers/summary?gridID=${community}`, admin);
    expect(community2022.body.totals).toMatchObject({ activities: 2, served: 200, livelihoodProjects: 1 });
  });

  it("refuses kinds outside the district's lists, residents writing, future dates and unknown grids", async () => {
    const activity = { kind: "policy_talk", title: "政策宣讲", date: "2022-05-01", gridID: street, organisers: ["社区"], served: 10 };
    const badActivity = await api.call("POST", "/volunteers/activities", { ...admin, body: { ...activity, kind: "fireworks" } });
    expect(badActivity.status).toBe(400);
    expect(badActivity.body.code).toBe("volunteer.unknown_kind");
    expect(badActivity.body.errors[0]).toMatchObject({ path: "kind" });
    expect(badActivity.body.errors[0].message).toContain("appliance_repair");
    const team = { kind: "security_patrol", name: "巡逻队", gridID: street, leaderName: "林" };
    const badTeam = await api.call("POST", "/volunteers/teams", { ...admin, body: { ...team, kind: "choir" } });
    expect(badTeam.status).toBe(400);
    expect(badTeam.body.errors[0].message).toContain("mediation");
    expect((await api.call("POST", "/volunteers/activities", { ...admin, body: { ...activity, served: -1 } })).status).toBe(400);
    expect((await api.call("POST", "/volunteers/activities", { ...admin, body: { ...activity, date: "2999-01-01" } })).status).toBe(400);
    expect(
      (
        await api.call("POST", "/volunteers/owners", {
          ...admin,
          body: { kind: "livelihood_project", gridID: street, date: "2022-01-01", projectKind: "pool", topic: "泳池" },
        })
      ).status,
    ).toBe(400);
    const noGrid = await api.call("POST", "/volunteers/activities", {
      ...admin,
      body: { ...activity, gridID: "grid_00000000000000000000000000" },
    });
    expect(noGrid.status).toBe(404);

    for (const [path, body] of [
      ["/volunteers/activities", activity],
      ["/volunteers/teams", team],
      ["/volunteers/owners", { kind: "consultation", gridID: street, date: "2022-03-10", topic: "停车" }],
    ] as const) {
      const response = await api.call("POST", path, { as: As.jianyangResident, body });
      expect(response.status, path).toBe(403);
      expect(response.body.code).toBe("access.role");
    }
    // Grid workers record activities and problems, but do not set up teams.
    expect((await api.call("POST", "/volunteers/teams", { as: As.jianyangWorker, body: team })).status).toBe(403);
    const before = await api.call("GET", "/volunteers/summary", admin);
    expect(before.body.totals.teams).toBe(2);
  });

  it("does not show or touch another district's team", async () => {
    const yanping = { type: "system", tenantID: "yanping" } as const;
    const foreign = await withActor(yanping, async () => {
      await Config.change((config) => ({ mechanisms: { ...config.mechanisms, volunteers: true } }));
      const grid = await Grid.create({ code: "YP", name: "延平网格", tier: 1, boundary: square(118.1, 26.6, 0.02) });
      return Volunteer.createTeam({
        kind: "publicity",
        name: "延平宣传队",
        gridID: grid.gridID,
        leaderName: "黄",
        members: [{ name: "甲", phone: "13700000000" }],
      });
    });
    const read = await api.call("GET", `/volunteers/teams/${foreign.teamID}`, admin);
    expect(read.status).toBe(404);
    expect(read.body.code).toBe("volunteer.team_not_found");
    const members = await api.call("POST", `/volunteers/teams/${foreign.teamID}/members`, {
      ...admin,
      body: { name: "乙", phone: "13700000001" },
    });
    expect(members.status).toBe(404);
    const problem = await api.call("POST", `/volunteers/teams/${foreign.teamID}/problems`, {
      ...admin,
      body: { date: "2022-06-01", title: "越界记录" },
    });
    expect(problem.status).toBe(404);
    const activity = await api.call("POST", "/volunteers/activities", {
      ...admin,
      body: {
        kind: "policy_talk",
        title: "越界活动",
        date: "2022-05-01",
        gridID: street,
        organisers: ["社区"],
        teamIDs: [foreign.teamID],
        served: 10,
      },
    });
    expect(activity.status).toBe(404);
    const stillOne = await withActor(yanping, () => Volunteer.getTeam(foreign.teamID));
    expect(stillOne.team).toMatchObject({ memberCount: 1, problemsSolved: 0 });
  });
});
