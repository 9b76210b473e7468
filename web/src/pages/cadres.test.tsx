import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Cadre, Coverage, Evaluation, LedgerEntry } from "../data/cadres.ts";
import type { Me } from "../data/types.ts";
import { adminMe, jianyangConfig, minimalConfig } from "../test/fixtures.ts";
import { jianyangApi, problem, renderApp, signedIn, type FakeRequest } from "../test/harness.tsx";
import { residentMe } from "../test/ticket-fixtures.ts";

const cadreMe: Me = {
  actor: { type: "user", userID: "cadre", tenantID: "jianyang", roles: ["cadre"] },
  profile: { ...adminMe.profile, userID: "cadre", name: "刘志明", roles: ["cadre"] },
};
const kinds = [
  { key: "visit", nameZh: "入户走访", nameEn: "Home visit" },
  { key: "sentiment_map", nameZh: "绘制小区民情图", nameEn: "Community sentiment map" },
];
const cadre: Cadre = {
  cadreID: "cadre_1",
  name: "刘志明",
  phoneMasked: "139****0007",
  unitID: "unit_1",
  unitName: "区财政局",
  userID: "cadre",
  gridID: "grid_3",
  gridName: "书坊一区",
  gridPath: ["grid_1", "grid_2", "grid_3"],
  from: "2022-03-01",
  to: "2030-12-31",
  status: "active",
  endedAt: null,
  createdAt: "2022-03-01T02:00:00.000Z",
};
const entry = (overrides: Partial<LedgerEntry> = {}): LedgerEntry => ({
  entryID: "ledger_1",
  cadreID: "cadre_1",
  cadreName: "刘志明",
  unitID: "unit_1",
  gridID: "grid_3",
  kind: "visit",
  date: "2026-11-02",
  hours: 2,
  notes: "走访独居老人",
  photos: [],
  createdAt: "2026-11-02T10:00:00.000Z",
  ...overrides,
});
const evaluation: Evaluation = {
  cadreID: "cadre_1",
  month: "2026-10",
  attitude: 5,
  workState: 4,
  performance: 5,
  grade: "excellent",
  comment: "下沉到位",
  evaluatedAt: "",
  evaluatedBy: "leader",
};
const coverage: Coverage = {
  tier: 3,
  grids: 2,
  covered: 1,
  uncovered: 1,
  assistants: 1,
  items: [
    { gridID: "grid_3", code: "C-1-1", name: "书坊一区", assistants: [{ cadreID: "cadre_1", name: "刘志明", unitName: "区财政局" }] },
    { gridID: "grid_4", code: "C-1-2", name: "书坊二区", assistants: [] },
  ],
};

function api(me: Me, routes: Record<string, (request: FakeRequest) => unknown> = {}, config = jianyangConfig) {
  return jianyangApi(
    me,
    { ...config, governance: { ...config.governance, ledgerActivityKinds: kinds } },
    {
      "GET /cadre-assignments/mine": () => ({ current: cadre, assignments: [cadre], kinds }),
      "GET /ledger": () => ({ items: [entry()], cursor: null }),
      "GET /cadres/cadre_1/evaluations": () => ({ items: [evaluation], cursor: null }),
      "GET /cadres/cadre_1": () => cadre,
      "GET /cadre-coverage": () => coverage,
      "GET /home-units": () => ({ items: [{ unitID: "unit_1", name: "区财政局", kind: "government", createdAt: "" }], cursor: null }),
      "GET /cadres": () => ({ items: [cadre], cursor: null }),
      ...routes,
    },
  );
}

describe("the cadre pages", () => {
  it("a cadre sees their grid, logs a visit and sees it with their evaluations", async () => {
    const user = userEvent.setup();
    const logged: unknown[] = [];
    const entries = [entry()];
    api(cadreMe, {
      "POST /ledger": (request) => {
        logged.push(request.body);
        const created = entry({ entryID: "ledger_2", notes: "巡查楼道消防通道", hours: 1.5 });
        entries.unshift(created);
        return created;
      },
      "GET /ledger": (request) => {
        expect(request.search.get("mine")).toBe("true");
        return { items: [...entries], cursor: null };
      },
    });
    signedIn();
    renderApp("/d/jianyang/cadres");
    expect(await screen.findByTestId("my-grid", {}, { timeout: 5000 })).toHaveTextContent("书坊一区");
    expect(await screen.findByTestId("evaluation")).toHaveTextContent("优秀");
    expect(screen.getAllByTestId("ledger-entry")).toHaveLength(1);
    // Only the cadre's own actions: no coverage, no evaluation form.
    expect(screen.queryByTestId("coverage")).toBeNull();

    await user.clear(screen.getByTestId("ledger-hours"));
    await user.type(screen.getByTestId("ledger-hours"), "30");
    await user.click(screen.getByTestId("ledger-submit"));
    expect(await screen.findByText("时长应在 0.25 到 24 小时之间")).toBeTruthy();
    expect(logged).toEqual([]);

    await user.clear(screen.getByTestId("ledger-hours"));
    await user.type(screen.getByTestId("ledger-hours"), "1.5");
    await user.type(screen.getByTestId("ledger-notes"), "巡查楼道消防通道");
    await user.click(screen.getByTestId("ledger-submit"));
    await screen.findByTestId("ledger-saved");
    expect(logged).toMatchObject([{ kind: "visit", hours: 1.5, notes: "巡查楼道消防通道", photoKeys: [] }]);
    await waitFor(() => expect(screen.getAllByTestId("ledger-entry")).toHaveLength(2));
    expect(screen.getAllByTestId("ledger-entry")[0]).toHaveTextContent("巡查楼道消防通道");
  });

  it("tells a cadre the API's refusal (another grid) in words", async () => {
    const user = userEvent.setup();
    api(cadreMe, {
      "POST /ledger": () =>
        problem(403, { code: "ledger.not_your_grid", detail: "You may log work only on the grid you are assigned to." }),
    });
    signedIn();
    renderApp("/d/jianyang/cadres");
    await screen.findByTestId("my-grid", {}, { timeout: 5000 });
    await user.click(screen.getByTestId("ledger-submit"));
    expect(await screen.findByTestId("ledger-error")).toHaveTextContent("only on the grid you are assigned to");
  });

  it("the community sees which grids lack an assistant, the cadres, and evaluates a cadre", async () => {
    const user = userEvent.setup();
    const evaluations: unknown[] = [];
    api(adminMe, {
      "POST /cadres/cadre_1/evaluations": (request) => {
        evaluations.push(request.body);
        return { ...evaluation, month: "2026-09" };
      },
    });
    signedIn();
    renderApp("/d/jianyang/cadres");
    expect(await screen.findByTestId("coverage-summary", {}, { timeout: 5000 })).toHaveTextContent(
      "三级网格 2 个：1 个有网格助理，1 个没有",
    );
    const coveragePanel = screen.getByTestId("coverage");
    expect(within(coveragePanel).getByText("暂无网格助理")).toBeTruthy();
    expect(within(coveragePanel).queryByText(/刘志明/)).toBeNull();
    expect(screen.getByTestId("feedback-xlsx")).toBeTruthy();
    await user.click(await screen.findByTestId("cadre-row"));
    await screen.findByTestId("cadre-detail");
    expect(await screen.findByTestId("ledger-entry")).toHaveTextContent("走访独居老人");
    await user.click(screen.getByTestId("open-evaluation"));
    await user.selectOptions(screen.getByTestId("evaluation-grade"), "excellent");
    await user.click(screen.getByTestId("evaluation-submit"));
    await waitFor(() => expect(evaluations).toMatchObject([{ grade: "excellent", attitude: 4, workState: 4, performance: 4 }]));
  });

  it("says so when the mechanism is off, and offers a resident nothing", async () => {
    api(adminMe, {}, minimalConfig);
    signedIn();
    renderApp("/d/jianyang/cadres");
    expect(await screen.findByText("本区未开启干部下沉", {}, { timeout: 5000 })).toBeTruthy();
  });

  it("offers a resident nothing to do", async () => {
    api(residentMe);
    signedIn();
    renderApp("/d/jianyang/cadres");
    expect(await screen.findByText("没有可用的功能", {}, { timeout: 5000 })).toBeTruthy();
  });
});
