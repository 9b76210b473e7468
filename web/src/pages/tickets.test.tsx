import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Ticket } from "../data/tickets.ts";
import type { Me } from "../data/types.ts";
import { jianyangConfig } from "../test/fixtures.ts";
import { jianyangApi, renderApp, signedIn, type FakeRequest } from "../test/harness.tsx";
import { categories, departments, residentMe, staffMe, ticket, ticketConfig, workerMe } from "../test/ticket-fixtures.ts";

function api(me: Me, list: (request: FakeRequest) => { items: Ticket[]; cursor: string | null }, config = ticketConfig) {
  return jianyangApi(me, config, {
    "GET /config/categories": () => ({ items: categories }),
    "GET /config/departments": () => ({ items: departments }),
    "GET /tickets": list,
  });
}

const lists = (requests: FakeRequest[]) =>
  requests
    .filter((request) => request.path === "/tickets")
    .map((request) => Object.fromEntries([...request.search.entries()].filter(([key]) => key !== "limit")));

describe("the ticket lists", () => {
  it("shows a resident their own reports, overdue ones flagged, and loads more with the cursor", async () => {
    const user = userEvent.setup();
    const first = [
      ticket({
        ticketID: "t1",
        state: "dispatched",
        departmentKey: "urban_management",
        dueAt: new Date(Date.now() - 3_600_000).toISOString(),
        overdue: true,
      }),
      ticket({ ticketID: "t2" }),
    ];
    const { requests } = api(residentMe, (request) =>
      request.search.get("cursor") === "next"
        ? { items: [ticket({ ticketID: "t3", state: "closed", closure: "solved" })], cursor: null }
        : { items: first, cursor: "next" },
    );
    signedIn();
    renderApp("/d/jianyang/tickets");
    const rows = await screen.findAllByTestId("ticket-row", {}, { timeout: 5000 });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveClass("is-overdue");
    expect(within(rows[0]).getByTestId("ticket-overdue")).toHaveTextContent("已超期");
    expect(within(rows[0]).getByTestId("ticket-state")).toHaveTextContent("处置中");
    expect(rows[0]).toHaveTextContent("区城管局");
    expect(rows[0]).toHaveAttribute("href", "/d/jianyang/tickets/t1");
    expect(screen.getByTestId("report-link")).toHaveAttribute("href", "/d/jianyang/tickets/new");
    // One queue: no tabs.
    expect(screen.queryByTestId("queue-mine")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("load-more"));
    await waitFor(() => expect(screen.getAllByTestId("ticket-row")).toHaveLength(3));
    expect(screen.queryByTestId("load-more")).not.toBeInTheDocument();
    expect(lists(requests)).toEqual([{ mine: "true" }, { mine: "true", cursor: "next" }]);
  });

  it("tells a resident with no reports how to make one", async () => {
    api(residentMe, () => ({ items: [], cursor: null }));
    signedIn();
    renderApp("/d/jianyang/tickets");
    expect(await screen.findByText("您还没有上报过问题", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getAllByRole("link", { name: "我要上报" }).length).toBeGreaterThan(0);
  });

  it("gives a grid worker a tab per queue, with filters that reach the query", async () => {
    const user = userEvent.setup();
    const { requests } = api(workerMe, () => ({ items: [], cursor: null }));
    signedIn();
    const app = renderApp("/d/jianyang/tickets");
    expect(await screen.findByText("没有待受理的工单", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(["collected", "territorial", "handled", "mine"].map((key) => screen.getByTestId(`queue-${key}`).textContent)).toEqual([
      "待受理",
      "属地处置",
      "待核查",
      "我的上报",
    ]);
    expect(screen.getByTestId("queue-collected")).toHaveAttribute("aria-pressed", "true");

    await user.click(screen.getByTestId("queue-handled"));
    expect(await screen.findByText("没有待核查的工单")).toBeInTheDocument();
    await user.selectOptions(screen.getByTestId("filter-category"), "garbage");
    await user.click(screen.getByTestId("filter-overdue"));
    expect(await screen.findByText("没有符合筛选条件的工单")).toBeInTheDocument();
    expect(app.location()).toContain("queue=handled");

    await user.click(screen.getByTestId("queue-territorial"));
    await waitFor(() =>
      expect(lists(requests).at(-1)).toEqual({
        departmentKey: "territorial",
        state: "dispatched",
        categoryKey: "garbage",
        overdue: "true",
      }),
    );
    expect(lists(requests).slice(0, 4)).toEqual([
      { state: "collected" },
      { state: "handled" },
      { state: "handled", categoryKey: "garbage" },
      { state: "handled", categoryKey: "garbage", overdue: "true" },
    ]);
    await user.click(screen.getByRole("button", { name: "清除筛选" }));
    await waitFor(() => expect(lists(requests).at(-1)).toEqual({ departmentKey: "territorial", state: "dispatched" }));
  });

  it("gives department staff their department's queue", async () => {
    const { requests } = api(staffMe, () => ({
      items: [ticket({ ticketID: "t9", state: "dispatched", departmentKey: "urban_management" })],
      cursor: null,
    }));
    signedIn();
    renderApp("/d/jianyang/tickets");
    await screen.findAllByTestId("ticket-row", {}, { timeout: 5000 });
    expect(lists(requests)).toEqual([{ departmentKey: "urban_management", state: "dispatched" }]);
    expect(screen.queryByTestId("report-link")).not.toBeInTheDocument();
  });

  it("says so when the district has snap-and-report switched off", async () => {
    api(residentMe, () => ({ items: [], cursor: null }), {
      ...jianyangConfig,
      mechanisms: { ...jianyangConfig.mechanisms, tickets: false },
    });
    signedIn();
    renderApp("/d/jianyang/tickets");
    expect(await screen.findByText("本区未开启随手拍", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByTestId("nav-tickets")).not.toBeInTheDocument();
    expect(screen.queryByTestId("notifications")).not.toBeInTheDocument();
  });
});
