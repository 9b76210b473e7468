import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { NearbyTicket } from "../data/tickets.ts";
import { jianyangApi, problem, renderApp, signedIn } from "../test/harness.tsx";
import { categories, departments, residentMe, ticketConfig } from "../test/ticket-fixtures.ts";

// Leaflet needs a real layout (exercised in web/e2e/nearby.seeded.test.ts): a button drops the pin here.
const pin = vi.hoisted(() => ({ lon: 118.12, lat: 27.33 }));
vi.mock("../ui/location-picker.tsx", () => ({
  LocationPicker: (props: { onPick: (point: { lon: number; lat: number }, source: string) => void }) => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.testid = "ticket-map";
    button.textContent = "drop pin";
    button.addEventListener("click", () => props.onPick({ lon: pin.lon, lat: pin.lat }, "map"));
    return button;
  },
}));

const inside = {
  grid: { gridID: "grid_JY-01-01-01", code: "JY-01-01-01", name: "七贤社区第1网格", tier: 3 },
  ancestors: [{ gridID: "grid_JY-01", code: "JY-01", name: "潭城街道第1网格", tier: 1 }],
  dedicated: [],
};
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const nearbyItems: NearbyTicket[] = [
  {
    ticketID: "ticket_near1",
    state: "accepted",
    categoryKey: "garbage",
    description: "东门垃圾桶满了，电话***********",
    address: null,
    lon: 118.12,
    lat: 27.33,
    distanceM: 40,
    collectedAt: hoursAgo(3),
  },
  {
    ticketID: "ticket_near2",
    state: "collected",
    categoryKey: "road_damage",
    description: "路面有坑",
    address: "七贤路",
    lon: 118.121,
    lat: 27.33,
    distanceM: 130,
    collectedAt: hoursAgo(30),
  },
];

function api(nearby: () => unknown) {
  return jianyangApi(residentMe, ticketConfig, {
    "GET /config/categories": () => ({ items: categories }),
    "GET /config/departments": () => ({ items: departments }),
    "GET /grids/locate": (request) =>
      Number(request.search.get("lon")) > 119 ? problem(404, { code: "grid.outside_district", detail: "outside" }) : inside,
    "GET /tickets/nearby": nearby,
  });
}

async function openForm() {
  signedIn();
  const app = renderApp("/d/jianyang/tickets/new");
  await screen.findByRole("option", { name: "垃圾堆放" }, { timeout: 5000 });
  return app;
}

describe("open reports near the pin", () => {
  it("asks nothing before a pin, then lists the open reports near it with category, state and time, each linking to its ticket", async () => {
    const user = userEvent.setup();
    pin.lon = 118.12;
    const { requests } = api(() => ({ items: nearbyItems, radiusM: 300 }));
    const app = await openForm();
    expect(screen.queryByTestId("nearby-reports")).not.toBeInTheDocument();
    expect(requests.some((request) => request.path === "/tickets/nearby")).toBe(false);

    await user.click(screen.getByTestId("ticket-map"));
    expect(await screen.findByTestId("nearby-count")).toHaveTextContent("附近 300 米内已有 2 个未办结的问题");
    const asked = requests.find((request) => request.path === "/tickets/nearby")!;
    expect([asked.search.get("lon"), asked.search.get("lat")]).toEqual(["118.12", "27.33"]);
    const items = screen.getAllByTestId("nearby-item");
    expect(items.map((item) => item.getAttribute("href"))).toEqual([
      "/d/jianyang/tickets/ticket_near1",
      "/d/jianyang/tickets/ticket_near2",
    ]);
    expect(items[0]).toHaveTextContent("垃圾堆放");
    expect(within(items[0]).getByTestId("ticket-state")).toHaveTextContent("待派遣");
    expect(items[0]).toHaveTextContent("3小时前");
    expect(items[0]).toHaveTextContent("约 40 米");
    expect(items[1]).toHaveTextContent("道路破损");

    await user.click(screen.getByTestId("lang-switch"));
    expect(screen.getByTestId("nearby-count")).toHaveTextContent("2 open reports within 300 m");
    await user.click(screen.getByTestId("lang-switch"));

    await user.click(items[1]);
    await waitFor(() => expect(app.location()).toBe("/d/jianyang/tickets/ticket_near2"));
  });

  it("says so when nothing is open nearby, and asks nothing for a pin outside the district", async () => {
    const user = userEvent.setup();
    pin.lon = 118.12;
    const { requests } = api(() => ({ items: [], radiusM: 300 }));
    await openForm();
    await user.click(screen.getByTestId("ticket-map"));
    expect(await screen.findByTestId("nearby-empty")).toHaveTextContent("附近 300 米内暂无未办结的问题，请放心上报。");
    expect(screen.queryByTestId("nearby-item")).not.toBeInTheDocument();

    pin.lon = 120;
    await user.click(screen.getByTestId("ticket-map"));
    await screen.findByText(/不在本区/);
    expect(screen.queryByTestId("nearby-reports")).not.toBeInTheDocument();
    expect(requests.filter((request) => request.path === "/tickets/nearby")).toHaveLength(1);
  });

  it("keeps the form usable when the nearby list fails", async () => {
    const user = userEvent.setup();
    pin.lon = 118.12;
    api(() => problem(503, { code: "unavailable", detail: "busy" }));
    await openForm();
    await user.click(screen.getByTestId("ticket-map"));
    expect(await screen.findByText("暂时无法查看附近的问题，不影响上报。")).toBeInTheDocument();
    expect(screen.getByTestId("ticket-submit")).toBeEnabled();
  });
});
