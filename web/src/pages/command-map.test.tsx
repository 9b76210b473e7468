import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { FakeRequest } from "../test/harness.tsx";
import { measureOf, openNeeds, roundPartOf, shadeOf, type EmergencyBoard } from "../data/command.ts";
import { LANGUAGE_KEY } from "../providers/locale.tsx";
import { adminMe, jianyangConfig } from "../test/fixtures.ts";
import { jianyangApi, renderApp, signedIn } from "../test/harness.tsx";

const page = <T,>(items: T[]) => ({ items, cursor: null });
const counts = (people: number, households: number, elderly = 0) => ({
  houses: households,
  households,
  people,
  organisations: 0,
  tags: (elderly ? { elderly_alone: elderly } : {}) as Record<string, number>,
});
const square = (x: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [118 + x, 27],
      [118.1 + x, 27],
      [118.1 + x, 27.1],
      [118 + x, 27.1],
      [118 + x, 27],
    ],
  ],
});
const grid = (gridID: string, name: string, tier: number, path: string[], x: number) => ({
  gridID,
  code: gridID.toUpperCase(),
  name,
  tier,
  kind: null,
  parentID: path.at(-1) ?? "root",
  path,
  status: "active",
  boundary: square(x),
  bbox: [118 + x, 27, 118.1 + x, 27.1],
  areaM2: 1,
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
});
const board: EmergencyBoard = {
  task: {
    taskID: "etask_1",
    title: "第3轮全员核酸检测",
    scope: "district",
    checklist: ["通知到户", "组织检测"],
    gridCount: 2,
    createdAt: "2026-12-01T00:00:00.000Z",
    createdBy: "admin",
  },
  total: 2,
  done: 1,
  pending: 1,
  percentage: 50,
  grids: [
    {
      taskID: "etask_1",
      gridID: "grid_a",
      code: "A",
      name: "水南",
      status: "done",
      ticks: [true, true],
      note: null,
      reportedAt: null,
      reportedBy: null,
    },
    {
      taskID: "etask_1",
      gridID: "grid_b",
      code: "B",
      name: "童游",
      status: "pending",
      ticks: [true, false],
      note: null,
      reportedAt: null,
      reportedBy: null,
    },
  ],
};

/** The command map's API: two first-tier grids, 水南 with one child; needs, people on duty and a round running. */
function commandApi(emergency = true) {
  return jianyangApi(adminMe, jianyangConfig, {
    "GET /register/points": () => ({ houses: [], organisations: [], truncated: false }),
    "GET /register/counts": (request: FakeRequest) =>
      request.search.get("gridID") === "grid_a"
        ? {
            gridID: "grid_a",
            counts: counts(120, 40, 3),
            children: [{ gridID: "grid_a1", code: "A1", name: "水南一组", counts: counts(120, 40, 3) }],
          }
        : {
            gridID: null,
            counts: counts(200, 70, 5),
            children: [
              { gridID: "grid_a", code: "A", name: "水南", counts: counts(120, 40, 3) },
              { gridID: "grid_b", code: "B", name: "童游", counts: counts(80, 30, 2) },
            ],
          },
    "GET /grids": (request: FakeRequest) =>
      request.search.get("parentID") === "grid_a"
        ? page([grid("grid_a1", "水南一组", 2, ["grid_a"], 0)])
        : page([grid("grid_a", "水南", 1, [], 0), grid("grid_b", "童游", 1, [], 0.2)]),
    "GET /metrics/grids/root": () => ({
      grid: null,
      period: "all",
      values: { "needs.created": 9, "needs.closed": 4 },
      children: [
        { gridID: "grid_a", code: "A", name: "水南", tier: 1, values: { "needs.created": 6, "needs.closed": 2 } },
        { gridID: "grid_b", code: "B", name: "童游", tier: 1, values: { "needs.created": 3, "needs.closed": 2 } },
      ],
      reads: 3,
    }),
    "GET /metrics/grids/grid_a": () => ({
      grid: { gridID: "grid_a", code: "A", name: "水南", tier: 1 },
      period: "all",
      values: {},
      children: [{ gridID: "grid_a1", code: "A1", name: "水南一组", tier: 2, values: { "needs.created": 1 } }],
      reads: 3,
    }),
    "GET /people/on-duty": (request: FakeRequest) =>
      request.search.get("gridID") === "grid_a"
        ? {
            gridID: "grid_a",
            count: 1,
            people: [{ personID: "p1", name: "林网格长", roleKey: "grid_leader_1" }],
            children: [{ gridID: "grid_a1", code: "A1", name: "水南一组", count: 0, people: [] }],
          }
        : {
            gridID: null,
            count: 0,
            people: [],
            children: [
              {
                gridID: "grid_a",
                code: "A",
                name: "水南",
                count: 2,
                people: [
                  { personID: "p1", name: "林网格长", roleKey: "grid_leader_1" },
                  { personID: "p2", name: "黄网格员", roleKey: "grid_worker" },
                ],
              },
              { gridID: "grid_b", code: "B", name: "童游", count: 0, people: [] },
            ],
          },
    "GET /emergency/mode": () => ({
      mode: emergency ? "emergency" : "normal",
      scope: "district",
      grids: [],
      reason: emergency ? "疫情防控" : null,
      since: null,
      switchedBy: null,
      version: 1,
      affectsMe: emergency,
    }),
    "GET /emergency/tasks": () => page([board.task]),
    "GET /emergency/tasks/etask_1/board": () => board,
    "GET /tickets": () => page([]),
    "GET /wishes": () => page([]),
  });
}

const rowOf = (name: string) => screen.getAllByTestId("command-count-row").find((row) => row.textContent?.includes(name))!;

afterEach(() => localStorage.clear());

describe("一张网, the command map", () => {
  it("lists each grid's counts with its open needs, people on duty and part of the round, and drills down a tier and back", async () => {
    const { requests } = commandApi();
    signedIn();
    renderApp("/d/jianyang/command");
    await screen.findAllByTestId("command-count-row", {}, { timeout: 20_000 });
    await waitFor(() => expect(within(rowOf("水南")).getByTestId("command-round-value")).toHaveTextContent("已完成"));
    const south = rowOf("水南");
    expect(within(south).getByTestId("command-needs-value")).toHaveTextContent("4");
    expect(within(south).getByTestId("command-duty-value")).toHaveTextContent("2");
    expect(within(rowOf("童游")).getByTestId("command-round-value")).toHaveTextContent("已完成 1/2 项");
    expect(screen.getByTestId("command-round")).toHaveTextContent("已完成 1/2 个网格（50%）");
    // Names on duty in the side panel, with the district's role names.
    const roster = screen.getAllByTestId("command-duty-grid");
    expect(roster[0]).toHaveTextContent("林网格长（一级网格长）、黄网格员（三级网格员）");
    expect(roster[1]).toHaveTextContent("暂无在岗人员");

    // A chosen special group: its count per grid.
    const user = userEvent.setup();
    await user.selectOptions(screen.getByTestId("command-measure"), "tag:elderly_alone");
    expect(within(rowOf("水南")).getByTestId("command-measure-value")).toHaveTextContent("3");

    // Down one tier: the children's counts, the round reported by the grid above, and the breadcrumb back up.
    await user.click(within(rowOf("水南")).getByTestId("command-drill"));
    await waitFor(() => expect(screen.getAllByTestId("command-count-row")).toHaveLength(1));
    expect(rowOf("水南一组")).toBeTruthy();
    expect(requests.some((request) => request.path === "/register/counts" && request.search.get("gridID") === "grid_a")).toBe(true);
    expect(requests.some((request) => request.path === "/people/on-duty" && request.search.get("gridID") === "grid_a")).toBe(true);
    expect(requests.some((request) => request.path === "/grids" && request.search.get("parentID") === "grid_a")).toBe(true);
    await waitFor(() => expect(within(rowOf("水南一组")).getByTestId("command-round-value")).toHaveTextContent("已完成"));
    expect(screen.getByTestId("command-round-own")).toHaveTextContent("本网格：已完成");
    expect(screen.getByTestId("command-duty-own")).toHaveTextContent("林网格长（一级网格长）");
    await user.click(screen.getByTestId("command-crumb-top"));
    await waitFor(() => expect(screen.getAllByTestId("command-count-row")).toHaveLength(2));
  });

  it("toggles each layer in the legend, and offers the round only while one runs", async () => {
    commandApi(false);
    signedIn();
    renderApp("/d/jianyang/command");
    await screen.findAllByTestId("command-count-row", {}, { timeout: 20_000 });
    const legend = screen.getByTestId("command-legend");
    await waitFor(() => expect(within(rowOf("水南")).getByTestId("command-duty-value")).toBeTruthy());
    expect(within(legend).queryByTestId("command-layer-emergency")).toBeNull();
    expect(screen.queryByTestId("command-round")).toBeNull();
    const user = userEvent.setup();
    await user.click(within(legend).getByTestId("command-layer-duty"));
    expect(within(rowOf("水南")).queryByTestId("command-duty-value")).toBeNull();
    expect(screen.queryByTestId("command-duty")).toBeNull();
    await user.click(within(legend).getByTestId("command-layer-needs"));
    expect(within(rowOf("水南")).queryByTestId("command-needs-value")).toBeNull();
    for (const layer of ["points", "tickets", "wishes"]) expect(within(legend).getByTestId(`command-layer-${layer}`)).toBeTruthy();
  });

  it("lists the first 20 grids of a long tier, and all of them on 显示全部", async () => {
    const many = Array.from({ length: 25 }, (_, index) => ({
      gridID: `grid_${index}`,
      code: `G${index}`,
      name: `第${index + 1}网格`,
      counts: counts(index, index),
    }));
    jianyangApi(
      adminMe,
      { ...jianyangConfig, mechanisms: { ...jianyangConfig.mechanisms, needsLists: false, emergencyMode: false } },
      {
        "GET /register/points": () => ({ houses: [], organisations: [], truncated: false }),
        "GET /register/counts": () => ({ gridID: null, counts: counts(300, 300), children: many }),
        "GET /grids": () => page([]),
        "GET /people/on-duty": () => ({
          gridID: null,
          count: 0,
          people: [],
          children: many.map((grid) => ({ ...grid, count: 0, people: [] })),
        }),
        "GET /tickets": () => page([]),
        "GET /wishes": () => page([]),
      },
    );
    signedIn();
    renderApp("/d/jianyang/command");
    await waitFor(() => expect(screen.getAllByTestId("command-count-row")).toHaveLength(20), { timeout: 20_000 });
    await waitFor(() => expect(screen.getAllByTestId("command-duty-grid")).toHaveLength(20));
    await userEvent.setup().click(screen.getByTestId("command-show-all"));
    expect(screen.getAllByTestId("command-count-row")).toHaveLength(25);
    expect(screen.getAllByTestId("command-duty-grid")).toHaveLength(25);
    expect(screen.queryByTestId("command-show-all")).toBeNull();
  });

  it("speaks English to an English reader", async () => {
    localStorage.setItem(LANGUAGE_KEY, "en");
    commandApi();
    signedIn();
    renderApp("/d/jianyang/command");
    await screen.findAllByTestId("command-count-row", {}, { timeout: 20_000 });
    await waitFor(() => expect(within(rowOf("童游")).getByTestId("command-round-value")).toHaveTextContent("1 of 2 items done"));
    expect(screen.getByTestId("command-round")).toHaveTextContent("1 of 2 grids done (50%)");
    expect(screen.getAllByTestId("command-duty-grid")[1]).toHaveTextContent("Nobody on duty");
  });
});

describe("the command map's rules", () => {
  it("counts a measure, shades by share of the most, counts open needs, and finds a grid's part of the round through its ancestors", () => {
    expect(measureOf(counts(10, 4, 2), "people")).toBe(10);
    expect(measureOf(counts(10, 4, 2), "tag:elderly_alone")).toBe(2);
    expect(measureOf(counts(10, 4), "tag:disabled")).toBe(0);
    expect(shadeOf(0, [0, 5])).toBeNull();
    expect(shadeOf(5, [1, 5])).toBe("#33507a");
    expect(shadeOf(1, [1, 5])).toBe("#e9eef6");
    expect(openNeeds({ "needs.created": 5, "needs.closed": 2 })).toBe(3);
    expect(openNeeds(undefined)).toBe(0);
    expect(roundPartOf(board, "grid_b", [])).toEqual({ status: "pending", ticked: 1, items: 2, via: null });
    expect(roundPartOf(board, "grid_a9", ["grid_a", "grid_a1"])).toEqual({ status: "done", ticked: 2, items: 2, via: "水南" });
    expect(roundPartOf(board, "grid_c", [])).toBeNull();
    expect(roundPartOf(null, "grid_a", [])).toBeNull();
  });
});
