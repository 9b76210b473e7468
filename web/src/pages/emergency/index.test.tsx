import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, onTestFinished } from "vitest";
import type { EmergencyBoard, EmergencyMode, EmergencyTask, MyEmergencyTask } from "../../data/emergency.ts";
import type { Me } from "../../data/types.ts";
import { adminMe, jianyang, jianyangConfig } from "../../test/fixtures.ts";
import { fakeApi, renderApp, signedIn, type FakeRequest } from "../../test/harness.tsx";
import { residentMe, workerMe } from "../../test/ticket-fixtures.ts";

const normal: EmergencyMode = {
  mode: "normal",
  scope: "district",
  grids: [],
  reason: null,
  since: null,
  switchedBy: null,
  version: 0,
  affectsMe: false,
};
const emergency: EmergencyMode = {
  mode: "emergency",
  scope: "district",
  grids: [],
  reason: "本土疫情防控",
  since: "2022-04-08T01:00:00.000Z",
  switchedBy: "admin",
  version: 1,
  affectsMe: true,
};
const round: EmergencyTask = {
  taskID: "etask_1",
  title: "第3轮全员核酸检测",
  scope: "risk_area",
  checklist: ["设置采样点", "组织居民采样"],
  gridCount: 2,
  createdAt: "2022-04-09T00:00:00.000Z",
  createdBy: "admin",
};
const part = (gridID: string, status: "pending" | "done") => ({
  taskID: "etask_1",
  gridID,
  code: gridID.toUpperCase(),
  name: `网格${gridID}`,
  status,
  ticks: [status === "done", status === "done"],
  note: null,
  reportedAt: null,
  reportedBy: null,
});
const board: EmergencyBoard = {
  task: round,
  total: 2,
  done: 1,
  pending: 1,
  percentage: 50,
  grids: [part("a", "done"), part("b", "pending")],
};

function api(me: Me, routes: Record<string, (request: FakeRequest) => unknown> = {}, config = jianyangConfig) {
  return fakeApi({
    "GET /me": () => me,
    "GET /districts/jianyang": () => ({ district: jianyang, config }),
    "GET /me/notifications": () => ({ items: [], cursor: null }),
    "GET /emergency/mode": () => normal,
    "GET /emergency/tasks": () => ({ items: [round], cursor: null }),
    "GET /emergency/tasks/mine": () => ({ items: [] }),
    "GET /emergency/tasks/etask_1/board": () => board,
    "GET /grids": () => ({
      items: [
        { gridID: "a", code: "A", name: "网格a" },
        { gridID: "b", code: "B", name: "网格b" },
      ],
      cursor: null,
    }),
    ...routes,
  });
}

describe("the emergency page", () => {
  it("lets the admin switch the district to emergency mode after confirming; the banner follows", async () => {
    const user = userEvent.setup();
    let mode = normal;
    const { requests } = api(adminMe, {
      "GET /emergency/mode": () => mode,
      "PUT /emergency/mode": () => (mode = emergency),
    });
    signedIn();
    renderApp("/d/jianyang/emergency");
    await screen.findByTestId("emergency-switch", {}, { timeout: 5000 });
    expect(screen.queryByTestId("emergency-banner")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("emergency-switch-submit"));
    expect(screen.getByText("请填写原因（至少 2 个字）")).toBeInTheDocument();
    expect(screen.queryByTestId("emergency-confirm")).not.toBeInTheDocument();
    await user.type(screen.getByTestId("emergency-reason"), "本土疫情防控");
    await user.click(screen.getByTestId("emergency-switch-submit"));
    await user.click(within(screen.getByTestId("emergency-confirm")).getByTestId("emergency-confirm-submit"));
    await waitFor(() => expect(screen.getByTestId("emergency-mode")).toHaveAttribute("data-mode", "emergency"));
    expect(requests.find((request) => request.method === "PUT")?.body).toEqual({
      mode: "emergency",
      scope: "district",
      gridIDs: [],
      reason: "本土疫情防控",
      expectedVersion: 0,
    });
    expect(await screen.findByTestId("emergency-banner", {}, { timeout: 5000 })).toHaveTextContent("全区已进入应急状态：本土疫情防控");
    // In emergency mode the admin may issue rounds.
    expect(screen.getByTestId("emergency-new-round")).toBeInTheDocument();
  }, 20_000);

  it("shows a round's live board: numbers and a tile per grid, scrolled into view when picked", async () => {
    const user = userEvent.setup();
    const scrolled: Element[] = [];
    const scrollIntoView = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    onTestFinished(() => {
      Element.prototype.scrollIntoView = scrollIntoView;
    });
    api(adminMe);
    signedIn();
    renderApp("/d/jianyang/emergency");
    await user.click(await screen.findByTestId("emergency-round", {}, { timeout: 5000 }));
    await waitFor(() => expect(scrolled).toEqual([screen.getByTestId("emergency-board")]));
    expect(document.activeElement).toBe(screen.getByTestId("emergency-board"));
    await waitFor(() => expect(screen.getByTestId("board-percentage")).toHaveTextContent("50%"));
    expect(screen.getByTestId("board-total")).toHaveTextContent("2");
    expect(screen.getAllByTestId("board-grid").map((tile) => tile.getAttribute("data-status"))).toEqual(["done", "pending"]);
  });

  it("puts a grid worker's own tasks first and reports the checklist ticks", async () => {
    const user = userEvent.setup();
    let mine: MyEmergencyTask[] = [{ task: round, grid: part("b", "pending") }];
    const { requests } = api(workerMe, {
      "GET /emergency/mode": () => emergency,
      "GET /emergency/tasks/mine": () => ({ items: mine }),
      "POST /emergency/tasks/etask_1/grids/b/report": () => {
        mine = [];
        return { ...part("b", "done"), note: "完成" };
      },
    });
    signedIn();
    renderApp("/d/jianyang/emergency");
    const task = await screen.findByTestId("emergency-task", {}, { timeout: 5000 });
    // My tasks come before the mode and the rounds.
    const sections = [...document.querySelectorAll("[data-testid^=emergency-]")].map((element) => element.getAttribute("data-testid"));
    expect(sections.indexOf("emergency-mine")).toBeLessThan(sections.indexOf("emergency-mode"));
    expect(screen.queryByTestId("emergency-switch")).not.toBeInTheDocument();
    const ticks = within(task).getAllByTestId("emergency-tick");
    await user.click(ticks[0]);
    expect(within(task).getByTestId("emergency-report")).toHaveTextContent("上报进度（1/2）");
    await user.click(ticks[1]);
    await user.type(within(task).getByRole("textbox"), "完成");
    await user.click(within(task).getByTestId("emergency-report"));
    expect(await screen.findByTestId("emergency-mine-notice")).toHaveTextContent("网格b 已完成“第3轮全员核酸检测”");
    expect(requests.find((request) => request.method === "POST")?.body).toEqual({ ticks: [true, true], note: "完成" });
    await waitFor(() => expect(screen.queryByTestId("emergency-task")).not.toBeInTheDocument());
  });

  it("shows a resident the mode but no rounds", async () => {
    const { requests } = api(residentMe, { "GET /emergency/mode": () => emergency });
    signedIn();
    renderApp("/d/jianyang/emergency");
    expect(await screen.findByText("应急任务由网格工作人员处理", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByTestId("emergency-rounds")).not.toBeInTheDocument();
    expect(screen.queryByTestId("emergency-mine")).not.toBeInTheDocument();
    expect(requests.some((request) => request.path === "/emergency/tasks")).toBe(false);
  });

  it("says so, and shows no banner, where the mechanism is off", async () => {
    const { requests } = api(
      adminMe,
      { "GET /emergency/mode": () => emergency },
      { ...jianyangConfig, mechanisms: { ...jianyangConfig.mechanisms, emergencyMode: false } },
    );
    signedIn();
    renderApp("/d/jianyang/emergency");
    expect(await screen.findByText("本区未开启平急切换", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByTestId("emergency-banner")).not.toBeInTheDocument();
    expect(requests.some((request) => request.path.startsWith("/emergency"))).toBe(false);
  });
});
