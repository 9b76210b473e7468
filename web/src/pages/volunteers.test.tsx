import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Me } from "../data/types.ts";
import type { Activity, Summary, VolunteerTeam } from "../data/volunteers.ts";
import { jianyangConfig } from "../test/fixtures.ts";
import { grid as gridFixture } from "../test/grid-fixtures.tsx";
import { jianyangApi, problem, renderApp, signedIn, type FakeRequest } from "../test/harness.tsx";
import { adminMe, leaderMe, residentMe, workerMe } from "../test/ticket-fixtures.ts";

const zero = {
  teams: 0,
  members: 0,
  problemsSolved: 0,
  activities: 0,
  served: 0,
  committeeWorkers: 0,
  consultations: 0,
  livelihoodProjects: 0,
};
const months = (values: Record<number, number>) =>
  Array.from({ length: 12 }, (_, index) => ({
    ...zero,
    month: `2022-${String(index + 1).padStart(2, "0")}`,
    activities: values[index + 1] ?? 0,
    served: (values[index + 1] ?? 0) * 50,
  }));
const summary: Summary = {
  scope: "district",
  totals: {
    teams: 165,
    members: 1320,
    problemsSolved: 610,
    activities: 180,
    served: 9800,
    committeeWorkers: 65,
    consultations: 180,
    livelihoodProjects: 72,
  },
  years: ["2022"],
  year: "2022",
  months: months({ 3: 20, 6: 12, 11: 4 }),
};
const emptySummary: Summary = { scope: "district", totals: zero, years: [], year: null, months: [] };

const team = (overrides: Partial<VolunteerTeam> = {}): VolunteerTeam => ({
  teamID: "team_1",
  kind: "security_patrol",
  name: "七贤治安巡逻队",
  gridID: "grid_1",
  gridPath: ["grid_1"],
  leaderName: "林建华",
  leaderPhone: "138****5678",
  memberCount: 2,
  problemsSolved: 3,
  createdAt: "2022-02-01T02:00:00.000Z",
  ...overrides,
});
const activity = (overrides: Partial<Activity> = {}): Activity => ({
  activityID: "activity_1",
  kind: "policy_talk",
  title: "医保政策进小区",
  date: "2022-03-05",
  gridID: "grid_1",
  gridPath: ["grid_1"],
  organisers: ["七贤社区", "区医保局"],
  teamIDs: [],
  served: 120,
  createdAt: "2022-03-05T02:00:00.000Z",
  ...overrides,
});
const grid = (gridID: string, name: string) => gridFixture(gridID, { gridID, name, tier: 1 });

function api(me: Me, routes: Record<string, (request: FakeRequest) => unknown> = {}, config = jianyangConfig) {
  return jianyangApi(me, config, {
    "GET /volunteers/summary": () => summary,
    "GET /volunteers/teams": () => ({
      items: [team(), team({ teamID: "team_2", kind: "environment", name: "环境整治队", memberCount: 5, problemsSolved: 0 })],
      cursor: null,
    }),
    "GET /volunteers/activities": () => ({ items: [activity()], cursor: null }),
    "GET /volunteers/owners": () => ({ items: [], cursor: null }),
    ...routes,
  });
}

describe("the volunteer page", () => {
  it("shows the headline figures as big numbers and the year month by month as bars", async () => {
    const user = userEvent.setup();
    api(residentMe);
    signedIn();
    renderApp("/d/jianyang/volunteers");
    const figures = await screen.findByTestId("volunteer-figures", {}, { timeout: 5000 });
    expect(within(figures).getByTestId("figure-teams")).toHaveTextContent("志愿服务队165");
    expect(within(figures).getByTestId("figure-served")).toHaveTextContent("9,800");
    expect(within(figures).getByTestId("figure-livelihoodProjects")).toHaveTextContent("72");
    const bars = screen.getAllByTestId("month-bar");
    expect(bars).toHaveLength(12);
    expect(bars.map((bar) => bar.getAttribute("data-value"))).toEqual(["0", "0", "20", "0", "0", "12", "0", "0", "0", "0", "4", "0"]);
    expect(screen.getByTestId("month-chart")).toHaveAttribute("aria-label", "2022年逐月开展活动");

    await user.selectOptions(screen.getByTestId("chart-metric"), "served");
    await waitFor(() => expect(screen.getAllByTestId("month-bar")[2]).toHaveAttribute("data-value", "1000"));
  }, 20_000);

  it("shows a resident the teams with masked phones, filters them by kind, lists activities, and offers no forms", async () => {
    const user = userEvent.setup();
    const { requests } = api(residentMe, {
      "GET /volunteers/teams/team_1": () => ({
        team: team(),
        members: [{ memberID: "m1", teamID: "team_1", name: "王秀英", phone: "139****1111", joinedAt: "" }],
      }),
      "GET /volunteers/teams/team_1/problems": () => ({
        items: [{ problemID: "p1", teamID: "team_1", gridID: "grid_1", date: "2022-06-12", title: "夜间巡逻劝离聚集人员", createdAt: "" }],
        cursor: null,
      }),
    });
    signedIn();
    renderApp("/d/jianyang/volunteers");
    const rows = await screen.findAllByTestId("team-row", {}, { timeout: 5000 });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("治安巡逻");
    expect(rows[0]).toHaveTextContent("2 名队员");
    expect(screen.queryByTestId("open-activity-form")).not.toBeInTheDocument();
    expect(screen.queryByTestId("open-team-form")).not.toBeInTheDocument();

    await user.click(within(rows[0]).getByTestId("team-toggle"));
    expect(await within(rows[0]).findByText("139****1111")).toBeInTheDocument();
    expect(within(rows[0]).getByText(/夜间巡逻劝离聚集人员/)).toBeInTheDocument();
    expect(within(rows[0]).queryByText("移出")).not.toBeInTheDocument();
    expect(within(rows[0]).queryByTestId("open-problem-form")).not.toBeInTheDocument();

    await user.selectOptions(screen.getByTestId("filter-team-kind"), "environment");
    await waitFor(() =>
      expect(requests.some((request) => request.path === "/volunteers/teams" && request.search.get("kind") === "environment")).toBe(true),
    );

    await user.click(screen.getByTestId("tab-activities"));
    const activityRows = await screen.findAllByTestId("activity-row");
    expect(activityRows[0]).toHaveTextContent("政策宣讲");
    expect(activityRows[0]).toHaveTextContent("服务 120 人次");
    expect(activityRows[0]).toHaveTextContent("七贤社区、区医保局");
  }, 20_000);

  it("lets a grid worker record an activity on a grid found by its name, then shows the activities", async () => {
    const user = userEvent.setup();
    const posted: unknown[] = [];
    const { requests } = api(workerMe, {
      "GET /grids": (request) =>
        request.search.get("parentID") === "root"
          ? { items: [grid("grid_1", "七贤社区网格")], cursor: null }
          : { items: [grid("grid_11", "七贤第一网格")], cursor: null },
      "GET /grids/search": (request) => ({
        items: [grid("grid_1", "七贤社区网格"), grid("grid_11", "七贤第一网格")].filter((found) =>
          found.name.includes(request.search.get("q") ?? ""),
        ),
        more: false,
      }),
      "POST /volunteers/activities": (request) => {
        posted.push(request.body);
        return activity({ title: "家电义务维修", kind: "appliance_repair", served: 45 });
      },
    });
    signedIn();
    renderApp("/d/jianyang/volunteers");
    await user.click(await screen.findByTestId("open-activity-form", {}, { timeout: 5000 }));
    // Grid workers record activities and problems, not teams or red-property records.
    expect(screen.queryByTestId("open-team-form")).not.toBeInTheDocument();
    expect(screen.queryByTestId("open-owners-form")).not.toBeInTheDocument();

    const form = screen.getByTestId("activity-form");
    await user.click(within(form).getByTestId("activity-submit"));
    expect(within(form).getAllByText("请填写此项").length).toBeGreaterThan(0);
    expect(within(form).getByText("请选择网格")).toBeInTheDocument();

    await user.selectOptions(within(form).getByLabelText("类型"), "appliance_repair");
    await user.type(within(form).getByLabelText("标题"), "家电义务维修");
    const date = within(form).getByLabelText("日期") as HTMLInputElement;
    await user.clear(date);
    await user.type(date, "2022-03-20");
    await user.type(within(form).getByLabelText("服务人次"), "45");
    await user.type(await within(form).findByTestId("grid-picker"), "第一");
    await waitFor(() =>
      expect(
        within(form)
          .getAllByTestId("grid-picker-option")
          .map((option) => option.dataset.grid),
      ).toEqual(["grid_11"]),
    );
    await user.click(within(form).getByTestId("grid-picker-option"));
    await user.type(within(form).getByLabelText("组织单位"), "国网建阳供电公司、七贤社区");
    await user.click(within(form).getByTestId("activity-submit"));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      kind: "appliance_repair",
      title: "家电义务维修",
      date: "2022-03-20",
      gridID: "grid_11",
      organisers: ["国网建阳供电公司", "七贤社区"],
      teamIDs: [],
      served: 45,
    });
    await waitFor(() => expect(screen.queryByTestId("activity-form")).not.toBeInTheDocument());
    expect(screen.getByTestId("tab-activities")).toHaveAttribute("aria-pressed", "true");
    // The figures load again after the write.
    expect(requests.filter((request) => request.path === "/volunteers/summary").length).toBeGreaterThanOrEqual(2);
  }, 20_000);

  it("shows the API's field errors on a grid leader's team form", async () => {
    const user = userEvent.setup();
    api(leaderMe, {
      "GET /grids": () => ({ items: [grid("grid_1", "七贤社区网格")], cursor: null }),
      "GET /grids/search": () => ({ items: [grid("grid_1", "七贤社区网格")], more: false }),
      "POST /volunteers/teams": () =>
        problem(400, {
          code: "volunteer.unknown_kind",
          detail: "There is no volunteer team kind here.",
          errors: [{ path: "kind", message: "one of environment, security_patrol" }],
        }),
    });
    signedIn();
    renderApp("/d/jianyang/volunteers");
    await user.click(await screen.findByTestId("open-team-form", {}, { timeout: 5000 }));
    expect(screen.getByTestId("open-owners-form")).toBeInTheDocument();
    const form = screen.getByTestId("team-form");
    await user.type(within(form).getByLabelText("队伍名称"), "七贤巡逻队");
    await user.type(within(form).getByLabelText("队长姓名"), "林建华");
    await user.type(await within(form).findByTestId("grid-picker"), "七贤");
    await user.click(await within(form).findByTestId("grid-picker-option"));
    await user.click(within(form).getByTestId("team-submit"));
    expect(await within(form).findByText("one of environment, security_patrol")).toBeInTheDocument();
    expect(within(form).getByRole("alert")).toHaveTextContent("There is no volunteer team kind here.");
  });

  it("has empty states for a district without records, and red property management tabs", async () => {
    const user = userEvent.setup();
    api(adminMe, {
      "GET /volunteers/summary": () => emptySummary,
      "GET /volunteers/teams": () => ({ items: [], cursor: null }),
    });
    signedIn();
    renderApp("/d/jianyang/volunteers");
    expect(await screen.findByText("还没有数据。登记队伍、活动后，这里会显示统计。", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(await screen.findByText("还没有志愿服务队")).toBeInTheDocument();
    await user.click(screen.getByTestId("tab-owners"));
    expect(await screen.findByText("还没有这一类记录")).toBeInTheDocument();
    expect(screen.getByTestId("owners-committee_worker")).toHaveAttribute("aria-pressed", "true");
  });

  it("says so where the district has volunteers switched off", async () => {
    api(residentMe, {}, { ...jianyangConfig, mechanisms: { ...jianyangConfig.mechanisms, volunteers: false } });
    signedIn();
    renderApp("/d/jianyang/volunteers");
    expect(await screen.findByText("本区未开启志愿服务", {}, { timeout: 5000 })).toBeInTheDocument();
  });
});
