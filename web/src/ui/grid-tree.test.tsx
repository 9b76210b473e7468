import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fakeApi, problem } from "../test/harness.tsx";
import { grid, renderWithWorkspace } from "../test/grid-fixtures.tsx";
import { GridSearchResults, GridTree } from "./grid-tree.tsx";

const jy01 = grid("JY-01", { name: "潭城街道第1网格" });
const jy02 = grid("JY-02", { name: "潭城街道第2网格" });
const children = [
  grid("JY-01-02", { parentID: jy01.gridID, path: [jy01.gridID] }),
  grid("JY-01-01", { parentID: jy01.gridID, path: [jy01.gridID], name: "七贤社区网格" }),
];
const school = grid("JY-D-001", { tier: null, dedicatedKind: "school", name: "建阳一中", parentID: "grid_JY-01-01-01" });

function api() {
  return fakeApi({
    "GET /grids": (request) => {
      const parentID = request.search.get("parentID");
      if (parentID === "root") return { items: [jy02, jy01], cursor: null };
      if (parentID === jy01.gridID) return { items: children, cursor: null };
      if (parentID === "grid_JY-01-01") return { items: [school], cursor: null };
      return { items: [], cursor: null };
    },
  });
}

describe("the grid tree", () => {
  it("starts with the first tier and opens a grid to its children, loaded from the API when opened", async () => {
    const user = userEvent.setup();
    const { requests } = api();
    renderWithWorkspace((workspace) => <GridTree workspace={workspace} />);

    const tree = screen.getByTestId("grid-tree");
    expect(await within(tree).findByTestId("tree-node-JY-01")).toHaveTextContent("潭城街道第1网格");
    // Sorted by code.
    expect([...tree.querySelectorAll("[data-testid^=tree-node-]")].map((node) => node.getAttribute("data-testid"))).toEqual([
      "tree-node-JY-01",
      "tree-node-JY-02",
    ]);
    expect(requests.filter((request) => request.search.get("parentID") === jy01.gridID)).toHaveLength(0);

    await user.click(screen.getByTestId("tree-toggle-JY-01"));
    expect(await screen.findByTestId("tree-node-JY-01-01")).toHaveTextContent("七贤社区网格");
    expect(screen.getByTestId("tree-toggle-JY-01")).toHaveAttribute("aria-expanded", "true");
    const opened = requests.filter((request) => request.search.get("parentID") === jy01.gridID);
    expect(opened).toHaveLength(1);
    expect(opened[0].search.get("boundary")).toBeNull();

    // A dedicated grid shows its kind and has nothing to open.
    await user.click(screen.getByTestId("tree-toggle-JY-01-01"));
    expect(await screen.findByTestId("tree-node-JY-D-001")).toHaveTextContent("学校");
    expect(screen.queryByTestId("tree-toggle-JY-D-001")).not.toBeInTheDocument();

    // Closing and opening again does not load again.
    await user.click(screen.getByTestId("tree-toggle-JY-01"));
    expect(screen.queryByTestId("tree-node-JY-01-01")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("tree-toggle-JY-01"));
    await screen.findByTestId("tree-node-JY-01-01");
    expect(requests.filter((request) => request.search.get("parentID") === jy01.gridID)).toHaveLength(1);
  });

  it("selecting a node selects the grid, opens it and asks the map to go there", async () => {
    const user = userEvent.setup();
    api();
    const view = renderWithWorkspace((workspace) => <GridTree workspace={workspace} />);
    await user.click(await screen.findByTestId("tree-node-JY-01"));
    expect(view.workspace().selectedID()).toBe(jy01.gridID);
    expect(screen.getByTestId("tree-node-JY-01")).toHaveAttribute("aria-current", "true");
    expect(view.workspace().focus()?.bbox).toEqual(jy01.bbox);
    expect(await screen.findByTestId("tree-node-JY-01-02")).toBeInTheDocument();
  });

  it("opens down to a grid selected elsewhere (on the map)", async () => {
    api();
    const view = renderWithWorkspace((workspace) => <GridTree workspace={workspace} />);
    await screen.findByTestId("tree-node-JY-01");
    await view.workspace().loadChildren(jy01.gridID);
    view.workspace().select("grid_JY-01-01", "map");
    expect(await screen.findByTestId("tree-node-JY-01-01")).toHaveAttribute("aria-current", "true");
    // Picked on the map: the map stays where it is.
    expect(view.workspace().focus()).toBeNull();
  });

  it("says so when the first tier cannot be loaded, and tries again", async () => {
    const user = userEvent.setup();
    let fail = true;
    fakeApi({
      "GET /grids": () => (fail ? problem(500, { code: "internal", detail: "Something broke." }) : { items: [jy01], cursor: null }),
    });
    renderWithWorkspace((workspace) => <GridTree workspace={workspace} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Something broke.");
    fail = false;
    await user.click(screen.getByRole("button", { name: "重试" }));
    expect(await screen.findByTestId("tree-node-JY-01")).toBeInTheDocument();
  });
});

describe("searching grids", () => {
  it("finds loaded grids by code or name, exact codes first", async () => {
    const user = userEvent.setup();
    api();
    const view = renderWithWorkspace((workspace) => (
      <>
        <GridTree workspace={workspace} />
        <GridSearchResults workspace={workspace} query="jy-01" />
      </>
    ));
    await screen.findByTestId("tree-node-JY-01");
    await view.workspace().loadChildren(jy01.gridID);
    await waitFor(() => expect(screen.getByTestId("grid-search-results")).toHaveTextContent("3 个匹配"));
    const results = [...screen.getByTestId("grid-search-results").querySelectorAll("[data-testid^=search-result-]")];
    expect(results.map((result) => result.getAttribute("data-testid"))).toEqual([
      "search-result-JY-01",
      "search-result-JY-01-01",
      "search-result-JY-01-02",
    ]);
    expect(
      view
        .workspace()
        .search("七贤", 10)
        .items.map((found) => found.code),
    ).toEqual(["JY-01-01"]);
    await user.click(screen.getByTestId("search-result-JY-01-02"));
    expect(view.workspace().selectedID()).toBe("grid_JY-01-02");
  });

  it("says when nothing loaded matches", async () => {
    api();
    renderWithWorkspace((workspace) => <GridSearchResults workspace={workspace} query="XYZ" />);
    expect(screen.getByTestId("grid-search-results")).toHaveTextContent("已加载的网格中没有与“XYZ”匹配的。");
  });
});
