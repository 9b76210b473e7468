import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DistrictMetrics, GridMetrics } from "../data/metrics.ts";
import type { Me } from "../data/types.ts";
import { adminMe, jianyang, jianyangConfig } from "../test/fixtures.ts";
import { fakeApi, renderApp, signedIn, type FakeRequest } from "../test/harness.tsx";
import { shownGroups } from "./dashboard.tsx";

const months = Array.from({ length: 12 }, (_, index) => `2022-${String(index + 1).padStart(2, "0")}`);

function dashboard(values: Record<string, number | null>, more: Partial<DistrictMetrics> = {}): DistrictMetrics {
  return {
    tenantID: "jianyang",
    period: "all",
    values,
    trend: {
      year: "2022",
      months,
      values: { "tickets.collected": months.map((_, index) => (index === 4 ? (values["tickets.collected"] ?? 0) : 0)) },
    },
    tiers: [
      { level: 1, nameZh: "乡镇（街道）网格", nameEn: "Township grid", grids: 13 },
      { level: 2, nameZh: "村（社区）网格", nameEn: "Village grid", grids: 140 },
      { level: 3, nameZh: "基础网格", nameEn: "Basic grid", grids: 1080 },
    ],
    dedicatedGrids: 31,
    roles: [{ key: "grid_worker", nameZh: "三级网格员", nameEn: "Third-level grid worker", people: 1166 }],
    categories: [
      {
        key: "garbage",
        nameZh: "垃圾清运",
        nameEn: "Garbage",
        values: {
          "tickets.collected": 5632,
          "tickets.closed": 5622,
          "tickets.closureRate": 0.9982,
          "tickets.onTimeRate": 0.95,
          "tickets.medianHours": 12.34,
        },
      },
    ],
    departments: [
      {
        key: "urban_management",
        nameZh: "区城管局",
        nameEn: "Urban management",
        values: {
          "tickets.collected": 10,
          "tickets.closed": 9,
          "tickets.closureRate": 0.9,
          "tickets.onTimeRate": null,
          "tickets.medianHours": null,
        },
      },
    ],
    reads: 5,
    ...more,
  };
}

const source = {
  "grids.total": 1264,
  "grids.tier1": 13,
  "people.total": 2391,
  "tickets.collected": 5632,
  "tickets.closed": 5622,
  "tickets.closureRate": 0.9982,
  "tickets.medianHours": 20.25,
};

const gridMetrics = (gridID: string): GridMetrics =>
  gridID === "root"
    ? {
        grid: null,
        period: "all",
        values: {},
        children: [
          {
            gridID: "g-a",
            code: "A",
            name: "潭城街道",
            tier: 1,
            values: { "tickets.collected": 40, "tickets.closed": 39, "tickets.closureRate": 0.975 },
          },
          {
            gridID: "g-b",
            code: "B",
            name: "童游街道",
            tier: 1,
            values: { "tickets.collected": 10, "tickets.closed": 10, "tickets.closureRate": 1 },
          },
        ],
        reads: 4,
      }
    : {
        grid: { gridID, code: "A", name: "潭城街道", tier: 1 },
        period: "all",
        values: {},
        children: [
          {
            gridID: "g-a1",
            code: "A1",
            name: "东门社区",
            tier: 2,
            values: { "tickets.collected": 7, "tickets.closed": 7, "tickets.closureRate": 1 },
          },
          // A street with many communities: the table shows the first 20 until asked for all.
          ...Array.from({ length: 24 }, (_, index) => ({
            gridID: `g-a${index + 2}`,
            code: `A${index + 2}`,
            name: `社区${index + 2}`,
            tier: 2,
            values: { "tickets.collected": 1, "tickets.closed": 1, "tickets.closureRate": 1 },
          })),
        ],
        reads: 4,
      };

function api(me: Me, reply: (request: FakeRequest) => DistrictMetrics, more: Record<string, (request: FakeRequest) => unknown> = {}) {
  return fakeApi({
    ...more,
    "GET /me": () => me,
    "GET /districts/jianyang": () => ({ district: jianyang, config: jianyangConfig }),
    "GET /provinces": () => ({ items: [], cursor: null }),
    "GET /me/notifications": () => ({ items: [], cursor: null }),
    "GET /metrics/district": reply,
    "GET /metrics/grids/root": () => gridMetrics("root"),
    "GET /metrics/grids/g-a": () => gridMetrics("g-a"),
    "GET /grids": () => ({ items: [], cursor: null }),
  });
}

describe("the district dashboard", () => {
  it("says the headline as the source does, and shows cards by group with the district's tier and role names", async () => {
    api(adminMe, () => dashboard(source));
    signedIn();
    renderApp("/d/jianyang/dashboard");
    expect(await screen.findByTestId("headline", {}, { timeout: 5000 })).toHaveTextContent(
      "采集推送民生事件5632件、办结5622件，办结率99.82%",
    );
    expect(screen.getByTestId("metric-grids.tier1")).toHaveTextContent("乡镇（街道）网格13");
    expect(screen.getByTestId("metric-grids.dedicated")).toHaveTextContent("31");
    expect(screen.getByTestId("metric-people.role.grid_worker")).toHaveTextContent("三级网格员1,166");
    expect(screen.getByTestId("metric-tickets.closureRate")).toHaveTextContent("99.82%");
    expect(screen.getByTestId("metric-tickets.medianHours")).toHaveTextContent("20.3");
    expect(screen.getByTestId("metric-tickets.averageRating")).toHaveTextContent("—");
    expect(screen.getByTestId("by-category-garbage")).toHaveTextContent("垃圾清运5,6325,62299.82%95.00%12.3");
    expect(screen.getByTestId("by-category-garbage")).toHaveTextContent("12.3");
    // A department counts a ticket once dispatched to it: its table has no "collected" column.
    const departments = screen.getByTestId("by-department");
    expect(
      within(departments)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).not.toContain("采集事件");
    expect(screen.getByTestId("by-department-urban_management")).toHaveTextContent(/^区城管局990\.00%/);
    expect(departments).toHaveTextContent("事件转派到部门后才计入该部门");
    expect(screen.getByTestId("nav-dashboard")).toHaveAttribute("href", "/d/jianyang/dashboard");
  });

  it("tells how each figure is counted, in the words of docs/metrics.md", async () => {
    const user = userEvent.setup();
    api(adminMe, () => dashboard(source));
    signedIn();
    renderApp("/d/jianyang/dashboard");
    const hint = await screen.findByTestId("hint-tickets.closureRate", {}, { timeout: 5000 });
    // Typed from docs/metrics.md's 口径 column.
    const words = "办结数 ÷ 采集数，与原文口径一致（5,622 ÷ 5,632 = 99.82%）；跨期办结的事件分别计入各自期间。";
    expect(hint).toHaveAttribute("title", words);
    expect(hint).toHaveAccessibleName("办结率的统计口径");
    expect(screen.getByTestId("metric-tickets.closureRate")).not.toHaveTextContent(words);
    await user.click(hint);
    expect(hint).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByTestId("metric-tickets.closureRate")).toHaveTextContent(words);
    // Every card says how it is counted: the district's own tiers and roles too.
    for (const card of screen.getAllByTestId(/^metric-/))
      expect(within(card).getByRole("button"), card.dataset.testid).toHaveAttribute("title");
    expect(screen.getByTestId("hint-people.role.grid_worker")).toHaveAttribute("title", "在网格上担任“三级网格员”的人数（当前数）。");
  });

  it("asks for the period picked, and says when a period has no figures", async () => {
    const user = userEvent.setup();
    const { requests } = api(adminMe, (request) =>
      request.search.get("period") === "2021"
        ? dashboard({ "grids.total": 1264, "tickets.collected": 0, "tickets.closed": 0, "tickets.closureRate": null })
        : dashboard(source),
    );
    signedIn();
    renderApp("/d/jianyang/dashboard");
    await screen.findByTestId("headline", {}, { timeout: 5000 });
    await user.click(screen.getByTestId("period-kind-year"));
    expect(screen.getByTestId("period-kind-year")).toHaveAttribute("aria-checked", "true");
    await user.selectOptions(await screen.findByTestId("period-year"), "2022");
    // A step back from 2022 is 2021.
    await user.click(screen.getByTestId("period-previous"));
    expect(await screen.findByText("本期还没有数据", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId("period-year")).toHaveValue("2021");
    expect(screen.getByTestId("headline")).toHaveTextContent("采集推送民生事件0件、办结0件，办结率—");
    expect(requests.filter((request) => request.path === "/metrics/district").map((request) => request.search.get("period"))).toContain(
      "2021",
    );
  });

  it("says the demo year is still loading, with how far, instead of an empty period", async () => {
    api(adminMe, () => dashboard({ "grids.total": 1264, "tickets.collected": 0, "tickets.closed": 0, "tickets.closureRate": null }), {
      "GET /dev/demo": () => ({
        older: false,
        districts: [
          { district: "jianyang", done: 4567, total: 10000, loading: true },
          { district: "shaowu", done: 0, total: 900, loading: true },
        ],
      }),
    });
    signedIn();
    renderApp("/d/jianyang/dashboard");
    expect(await screen.findByTestId("demo-loading", {}, { timeout: 5000 })).toHaveTextContent("演示年度数据仍在加载（45%）");
    await screen.findByTestId("headline");
    expect(screen.queryByText("本期还没有数据")).not.toBeInTheDocument();
  });

  it("drills down the tiers from the grid table", async () => {
    const user = userEvent.setup();
    const { requests } = api(adminMe, () => dashboard(source));
    signedIn();
    renderApp("/d/jianyang/dashboard");
    const row = await screen.findByTestId("grid-row-A", {}, { timeout: 5000 });
    expect(row).toHaveTextContent("潭城街道");
    expect(row).toHaveTextContent("97.50%");
    expect(within(row).getByText(/乡镇（街道）网格/)).toBeInTheDocument();
    await user.click(screen.getByTestId("drill-A"));
    const child = await screen.findByTestId("grid-row-A1");
    expect(child).toHaveTextContent("东门社区");
    expect(
      requests.some(
        (request) => request.path === "/grids" && request.search.get("parentID") === "g-a" && request.search.get("boundary") === "true",
      ),
    ).toBe(true);
    // 25 communities: the first 20 rows, then all on asking, and back.
    const rows = () => within(screen.getByTestId("grid-table")).getAllByRole("row").length - 1;
    expect(rows()).toBe(20);
    await user.click(screen.getByTestId("grid-table-more"));
    expect(rows()).toBe(25);
    expect(screen.getByTestId("grid-table-more")).toHaveTextContent("只显示前 20 个");
    await user.click(screen.getByTestId("grid-table-more"));
    expect(rows()).toBe(20);
    await user.click(screen.getByTestId("crumb-root"));
    await waitFor(() => expect(screen.getByTestId("grid-row-B")).toBeInTheDocument());
    expect(screen.queryByTestId("grid-table-more")).toBeNull();
  });

  it("leaves out the groups of mechanisms switched off, unless they have figures", () => {
    const off = { ...jianyangConfig.mechanisms, wishes: false, emergencyMode: false, tickets: true };
    expect(shownGroups({ "emergency.rounds": 3 }, off)).toEqual([
      "grids",
      "people",
      "tickets",
      "party",
      "cadres",
      "needs",
      "meetings",
      "volunteers",
      "emergency",
      "register",
    ]);
    expect(shownGroups({}, undefined)).toContain("wishes");
  });

  it("shows another district's dashboard to no one", async () => {
    api(adminMe, () => dashboard(source));
    signedIn();
    renderApp("/d/yanping/dashboard");
    expect(await screen.findByText("找不到该区县", {}, { timeout: 5000 })).toBeInTheDocument();
  });
});
