import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Coverage } from "../data/grids.ts";
import { assignment, grid, renderWithWorkspace, square } from "../test/grid-fixtures.tsx";
import { fakeApi } from "../test/harness.tsx";
import { GridPanel } from "./grid-panel.tsx";

const jy01 = grid("JY-01", { name: "潭城街道第1网格" });
const selected = grid("JY-01-01", {
  name: "七贤社区网格",
  parentID: jy01.gridID,
  path: [jy01.gridID],
  areaM2: 1_984_321,
  households: 2087,
  population: 6128,
});
const children = [grid("JY-01-01-01", { parentID: selected.gridID }), grid("JY-01-01-02", { parentID: selected.gridID })];
const people = [
  assignment("罗强", "grid_instructor", { phone: "158****3975" }),
  assignment("何敏", "grid_leader_2", { phone: "15911829289" }),
  assignment("丁丽超", "grid_assistant", { homeUnit: "区住建局" }),
];

const okReport: Coverage = {
  grid: { gridID: selected.gridID, code: selected.code, name: selected.name, tier: 2 },
  children: 2,
  ok: true,
  parentAreaM2: 1_984_321,
  childrenAreaM2: 1_984_321,
  outside: [],
  overlaps: [],
  gaps: [],
};
const badReport: Coverage = {
  ...okReport,
  ok: false,
  outside: [{ gridID: "grid_JY-01-01-02", code: "JY-01-01-02", areaM2: 87.6, geometry: square(118.1, 27.3, 0.001) }],
  overlaps: [
    {
      a: { gridID: "grid_JY-01-01-01", code: "JY-01-01-01" },
      b: { gridID: "grid_JY-01-01-02", code: "JY-01-01-02" },
      areaM2: 1234.4,
      geometry: square(118.1, 27.3, 0.002),
    },
  ],
  gaps: [{ areaM2: 5600.2, geometry: square(118.12, 27.31, 0.003) }],
};

function api(report: Coverage = okReport) {
  return fakeApi({
    [`GET /grids/${selected.gridID}`]: () => ({
      grid: selected,
      ancestors: [{ gridID: jy01.gridID, code: jy01.code, name: jy01.name, tier: 1 }],
    }),
    "GET /grids": (request) =>
      request.search.get("parentID") === selected.gridID ? { items: children, cursor: null } : { items: [], cursor: null },
    "GET /people": (request) =>
      request.search.get("gridID") === selected.gridID ? { items: people, cursor: null } : { items: [], cursor: null },
    [`GET /grids/${selected.gridID}/coverage`]: () => report,
    "GET /grids/root/coverage": () => ({ ...okReport, grid: null, children: 230 }),
  });
}

describe("the grid panel", () => {
  it("shows the grid's facts, its ancestors, its children and its people with the district's role names", async () => {
    const user = userEvent.setup();
    const { requests } = api();
    const view = renderWithWorkspace((workspace) => <GridPanel workspace={workspace} />);
    view.workspace().select(selected.gridID, "map");

    const panel = screen.getByTestId("grid-panel");
    expect(await within(panel).findByTestId("grid-name")).toHaveTextContent("七贤社区网格");
    expect(panel).toHaveTextContent("二级网格");
    expect(panel).toHaveTextContent("1.98 km²");
    expect(panel).toHaveTextContent("2,087");
    expect(panel).toHaveTextContent("6,128");
    const crumbs = within(panel).getByRole("navigation", { name: "所属上级网格" });
    await waitFor(() => expect(crumbs).toHaveTextContent("全区JY-01JY-01-01"));

    const rows = await within(panel).findAllByTestId("person-row");
    expect(rows).toHaveLength(3);
    // In the order of the district's role catalogue, with its names.
    expect(rows.map((row) => within(row).getByTestId("person-role").textContent)).toEqual(["二级网格长", "网格指导员", "网格助理"]);
    expect(rows[2]).toHaveTextContent("派出单位：区住建局");
    // Phones come masked when the caller may not see them: shown as they are, not dialled.
    expect(within(rows[1]).queryByRole("link")).not.toBeInTheDocument();
    expect(rows[1]).toHaveTextContent("158****3975");
    expect(within(rows[0]).getByRole("link", { name: "拨打 何敏 的电话" })).toHaveAttribute("href", "tel:15911829289");
    expect(requests.find((request) => request.path === "/people")?.search.get("gridID")).toBe(selected.gridID);

    expect(await within(panel).findByTestId("child-JY-01-01-01")).toBeInTheDocument();
    await user.click(within(panel).getByRole("button", { name: "JY-01" }));
    expect(view.workspace().selectedID()).toBe(jy01.gridID);
  });

  it("names roles in English when English is chosen", async () => {
    api();
    const view = renderWithWorkspace((workspace) => <GridPanel workspace={workspace} />, { language: "en" });
    view.workspace().select(selected.gridID, "map");
    const rows = await screen.findAllByTestId("person-row");
    expect(rows.map((row) => within(row).getByTestId("person-role").textContent)).toEqual([
      "Second-level grid leader",
      "Grid instructor",
      "Grid assistant (seconded cadre)",
    ]);
    expect(screen.getByTestId("grid-panel")).toHaveTextContent("Second-level grid");
  });

  it("lists every coverage problem with its area and marks it for the map", async () => {
    const user = userEvent.setup();
    api(badReport);
    const view = renderWithWorkspace((workspace) => <GridPanel workspace={workspace} />);
    view.workspace().select(selected.gridID, "map");
    await user.click(await screen.findByTestId("check-coverage"));
    const result = await screen.findByTestId("coverage-result");
    expect(result).toHaveAttribute("data-ok", "false");
    expect(result).toHaveTextContent("发现 3 处覆盖问题");
    const items = within(result).getAllByRole("button");
    expect(items.map((item) => item.textContent)).toEqual([
      "越界JY-01-01-02 超出本网格88 m²",
      "重叠JY-01-01-01 与 JY-01-01-02 重叠1,234 m²",
      "缺口未被任何下级网格覆盖5,600 m²",
    ]);
    expect(view.workspace().coverage()?.report?.gaps).toHaveLength(1);
    await user.click(items[2]);
    expect(view.workspace().focus()?.bbox).toEqual([118.12, 27.31, 118.123, 27.313]);
  });

  it("says 无缝覆盖 when the children cover the grid exactly", async () => {
    const user = userEvent.setup();
    api(okReport);
    const view = renderWithWorkspace((workspace) => <GridPanel workspace={workspace} />);
    view.workspace().select(selected.gridID, "map");
    await user.click(await screen.findByTestId("check-coverage"));
    const result = await screen.findByTestId("coverage-result");
    expect(result).toHaveAttribute("data-ok", "true");
    expect(result).toHaveTextContent("无缝覆盖：无缺口、无重叠");
  });

  it("with nothing selected, shows the district's tiers and checks the first tier as `root`", async () => {
    const user = userEvent.setup();
    const { requests } = api();
    renderWithWorkspace((workspace) => <GridPanel workspace={workspace} />);
    const panel = screen.getByTestId("grid-panel");
    expect(panel).toHaveTextContent("全区网格");
    for (const name of ["一级网格", "二级网格", "三级网格", "专属网格"]) expect(panel).toHaveTextContent(name);
    await user.click(screen.getByTestId("check-coverage"));
    expect(await screen.findByTestId("coverage-result")).toHaveTextContent("230 个一级网格之间没有重叠。");
    expect(requests.some((request) => request.path === "/grids/root/coverage")).toBe(true);
  });
});
