import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Me } from "../data/types.ts";
import { adminMe, jianyang, jianyangConfig, minimalConfig } from "../test/fixtures.ts";
import { grid } from "../test/grid-fixtures.tsx";
import { fakeApi, renderApp, signedIn } from "../test/harness.tsx";

// Leaflet needs a real layout: the map itself is exercised in the browser test (web/e2e/grids.test.ts).
vi.mock("../ui/grid-map.tsx", () => ({
  GridMap: () => {
    const stub = document.createElement("div");
    stub.dataset.testid = "grid-map";
    return stub;
  },
}));

const workerMe: Me = {
  actor: { type: "user", userID: "worker", tenantID: "jianyang", roles: ["grid_worker"] },
  profile: { ...adminMe.profile, userID: "worker", name: "黄晓梅", roles: ["grid_worker"] },
};

const tier1 = Array.from({ length: 3 }, (_, index) => grid(`JY-0${index + 1}`));
const tier2 = [grid("JY-01-01", { parentID: tier1[0].gridID, path: [tier1[0].gridID] })];

function api(me: Me = adminMe, config = jianyangConfig) {
  return fakeApi({
    "GET /me": () => me,
    "GET /districts/jianyang": () => ({ district: jianyang, config }),
    "GET /provinces": () => ({ items: [], cursor: null }),
    "GET /grids": (request) => {
      const parentID = request.search.get("parentID");
      if (parentID === "root") return { items: tier1, cursor: null };
      if (parentID) return { items: [], cursor: null };
      // Tiers for the map, two pages for the first one.
      const tier = request.search.get("tier");
      if (tier === "1")
        return request.search.get("cursor") === "page-2"
          ? { items: tier1.slice(2), cursor: null }
          : { items: tier1.slice(0, 2), cursor: "page-2" };
      if (tier === "2") return { items: tier2, cursor: null };
      return { items: [], cursor: null };
    },
  });
}

describe("the grid map page", () => {
  it("loads the tiers for the map page by page, following cursors, with the district's tier names in the legend", async () => {
    signedIn();
    const { requests } = api();
    renderApp("/d/jianyang/grids");
    expect(await screen.findByTestId("grid-map")).toBeInTheDocument();
    expect(await within(screen.getByTestId("grid-tree")).findByTestId("tree-node-JY-01")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("grid-load-progress")).toHaveTextContent("已加载 4 个网格"));
    expect(screen.getByTestId("layer-1")).toHaveTextContent("一级网格3");
    expect(screen.getByTestId("layer-2")).toHaveTextContent("二级网格1");
    expect(screen.getByTestId("layer-dedicated")).toHaveTextContent("专属网格0");

    const tierCalls = requests.filter((request) => request.search.has("tier"));
    expect(tierCalls.map((request) => [request.search.get("tier"), request.search.get("cursor")])).toEqual([
      ["1", null],
      ["1", "page-2"],
      ["2", null],
      ["3", null],
      ["dedicated", null],
    ]);
    for (const call of tierCalls) {
      expect(call.search.get("boundary")).toBe("true");
      expect(call.search.get("limit")).toBe("200");
    }
  });

  it("takes tier names from the district's configuration and skips a hidden tier", async () => {
    const user = userEvent.setup();
    signedIn();
    api(adminMe, minimalConfig);
    renderApp("/d/jianyang/grids");
    const legend = await screen.findByTestId("layer-1");
    expect(legend).toHaveTextContent("社区网格");
    expect(screen.getByTestId("layer-2")).toHaveTextContent("基础网格");
    expect(screen.queryByTestId("layer-dedicated")).not.toBeInTheDocument();
    await user.click(legend);
    expect(legend).toHaveAttribute("aria-pressed", "false");
  });

  it("links to the import page for district admins only", async () => {
    signedIn();
    api(adminMe);
    const admin = renderApp("/d/jianyang/grids");
    expect(await screen.findByTestId("grids-import-link")).toHaveAttribute("href", "/d/jianyang/grids/import");
    admin.unmount();

    api(workerMe);
    renderApp("/d/jianyang/grids");
    await screen.findByTestId("tree-node-JY-01");
    expect(screen.queryByTestId("grids-import-link")).not.toBeInTheDocument();
  });

  it("is reached from the header and from the district home", async () => {
    const user = userEvent.setup();
    signedIn();
    api();
    const app = renderApp("/d/jianyang");
    expect(await screen.findByTestId("open-grids")).toHaveAttribute("href", "/d/jianyang/grids");
    await user.click(await screen.findByTestId("nav-grids"));
    await screen.findByTestId("grid-tree");
    expect(app.location()).toBe("/d/jianyang/grids");
    expect(screen.getByTestId("nav-grids")).toHaveClass("is-active");
  });

  it("on a phone, picking a grid in the tree shows its details", async () => {
    const user = userEvent.setup();
    signedIn();
    api();
    renderApp("/d/jianyang/grids");
    const workspace = (await screen.findByTestId("grid-panel")).closest(".grid-workspace")!;
    expect(workspace).toHaveAttribute("data-view", "tree");
    await user.click(await screen.findByTestId("tree-node-JY-02"));
    expect(workspace).toHaveAttribute("data-view", "detail");
    await user.click(screen.getByRole("button", { name: "网格树" }));
    expect(workspace).toHaveAttribute("data-view", "tree");
  });
});
