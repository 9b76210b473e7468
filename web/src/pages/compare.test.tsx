import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Comparison } from "../data/metrics.ts";
import type { Me } from "../data/types.ts";
import { adminMe, fujian, jianyang, jianyangConfig, operatorMe, provinceMe } from "../test/fixtures.ts";
import { fakeApi, renderApp, signedIn, type FakeRequest } from "../test/harness.tsx";

const definitions = [
  { key: "tickets.collected", group: "tickets", nameZh: "采集事件", nameEn: "Tickets collected", unit: "count", higherIsBetter: true },
  { key: "tickets.closureRate", group: "tickets", nameZh: "办结率", nameEn: "Closure rate", unit: "ratio", higherIsBetter: true },
  {
    key: "tickets.medianHours",
    group: "tickets",
    nameZh: "办结时长中位数（小时）",
    nameEn: "Median time to close (hours)",
    unit: "hours",
    higherIsBetter: false,
  },
  { key: "wishes.posted", group: "wishes", nameZh: "微心愿发布", nameEn: "Micro-wishes posted", unit: "count", higherIsBetter: true },
];

const row = (tenantID: string, nameZh: string, values: Record<string, number | null>) => ({
  tenantID,
  nameZh,
  nameEn: tenantID,
  cityZh: "南平市",
  cityEn: "Nanping",
  values,
});

const comparison: Comparison = {
  provinceID: "fujian",
  period: "all",
  definitions,
  rows: [
    row("jianyang", "建阳区", {
      "tickets.collected": 5632,
      "tickets.closureRate": 0.9982,
      "tickets.medianHours": 20,
      "wishes.posted": 300,
    }),
    row("yanping", "延平区", { "tickets.collected": 800, "tickets.closureRate": 0.75, "tickets.medianHours": 6.5, "wishes.posted": 0 }),
    row("shunchang", "顺昌县", { "tickets.collected": 120, "tickets.closureRate": null, "tickets.medianHours": null, "wishes.posted": 0 }),
  ],
  rankings: {
    "tickets.collected": ["jianyang", "yanping", "shunchang"],
    "tickets.closureRate": ["jianyang", "yanping"],
    "tickets.medianHours": ["yanping", "jianyang"],
    "wishes.posted": ["jianyang", "shunchang", "yanping"],
  },
  reads: 6,
};

function api(me: Me, reply: (request: FakeRequest) => Comparison = () => comparison) {
  return fakeApi({
    "GET /me": () => me,
    "GET /districts": () => ({ items: [jianyang], cursor: null }),
    "GET /districts/jianyang": () => ({ district: jianyang, config: jianyangConfig }),
    "GET /provinces": () => ({ items: [fujian, { provinceID: "zhejiang", nameZh: "浙江省", nameEn: "Zhejiang" }], cursor: null }),
    "GET /me/notifications": () => ({ items: [], cursor: null }),
    "GET /metrics/compare": reply,
  });
}

const order = () => screen.getAllByTestId(/^compare-row-/).map((element) => element.dataset.testid!.replace("compare-row-", ""));

afterEach(() => vi.restoreAllMocks());

describe("the provincial comparison", () => {
  it("is a provincial admin's home: every district, sortable by any metric, best first", async () => {
    const user = userEvent.setup();
    api(provinceMe);
    signedIn();
    const app = renderApp("/");
    await screen.findByTestId("compare-table", {}, { timeout: 5000 });
    expect(app.location()).toBe("/compare");
    expect(screen.getByTestId("nav-compare")).toHaveAttribute("href", "/compare");
    // Sorted by tickets collected, most first, with ranks.
    expect(order()).toEqual(["jianyang", "yanping", "shunchang"]);
    expect(within(screen.getByTestId("compare-row-jianyang")).getByTestId("rank")).toHaveTextContent("第1名");
    expect(screen.getByTestId("compare-row-jianyang")).toHaveTextContent("5,632");
    expect(screen.getByTestId("compare-row-jianyang")).toHaveTextContent("99.82%");

    // Lower is better: the first click puts the quickest first; no figure goes last.
    await user.click(screen.getByTestId("sort-tickets.medianHours"));
    expect(order()).toEqual(["yanping", "jianyang", "shunchang"]);
    expect(screen.getByTestId("sort-tickets.medianHours").closest("th")).toHaveAttribute("aria-sort", "ascending");
    expect(within(screen.getByTestId("compare-row-yanping")).getByTestId("rank")).toHaveTextContent("第1名");
    expect(within(screen.getByTestId("compare-row-shunchang")).getByTestId("rank")).toHaveTextContent("—");
    // A second click reverses.
    await user.click(screen.getByTestId("sort-tickets.medianHours"));
    expect(order()).toEqual(["jianyang", "yanping", "shunchang"]);
    expect(screen.getByTestId("sort-tickets.medianHours").closest("th")).toHaveAttribute("aria-sort", "descending");

    // Another group's columns; equal figures share a rank.
    await user.selectOptions(screen.getByTestId("compare-group"), "wishes");
    await user.click(screen.getByTestId("sort-wishes.posted"));
    expect(order()).toEqual(["jianyang", "shunchang", "yanping"]);
    expect(within(screen.getByTestId("compare-row-yanping")).getByTestId("rank")).toHaveTextContent("第2名");

    // The rankings list follows the metric picked.
    const rankings = screen.getByTestId("ranking-list");
    expect(
      within(rankings)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["第1名建阳区99.82%", "第2名延平区75.00%"]);
    await user.selectOptions(screen.getByTestId("ranking-metric"), "tickets.medianHours");
    expect(
      within(screen.getByTestId("ranking-list"))
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["第1名延平区6.5", "第2名建阳区20.0"]);
  });

  it("asks for a month range, and downloads the CSV with the bearer token under the server's file name", async () => {
    const user = userEvent.setup();
    const { requests } = api(provinceMe);
    const fake = globalThis.fetch;
    const exports: Array<{ url: string; authorization: string | null }> = [];
    vi.stubGlobal("fetch", async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      if (!url.includes("/metrics/compare/export")) return fake(input, init);
      exports.push({ url, authorization: new Headers(init.headers).get("authorization") });
      return new Response("\uFEFF区县,District\r\n", {
        headers: { "content-type": "text/csv", "content-disposition": 'attachment; filename="comparison-fujian-2022-01_2022-06.csv"' },
      });
    });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    URL.createObjectURL = vi.fn(() => "blob:comparison");
    URL.revokeObjectURL = vi.fn();
    signedIn();
    renderApp("/compare");
    await screen.findByTestId("compare-table", {}, { timeout: 5000 });
    await user.click(screen.getByTestId("period-kind-range"));
    await user.selectOptions(await screen.findByTestId("period-from-year"), "2022");
    const asked = () => requests.filter((request) => request.path === "/metrics/compare").map((request) => request.search.toString());
    await waitFor(() => expect(asked()).toContain(`from=2022-01&to=${new Date().getFullYear()}-12`));
    await user.selectOptions(screen.getByTestId("period-to-year"), "2022");
    await user.selectOptions(screen.getByTestId("period-to-month"), "06");
    await waitFor(() => expect(asked()).toContain("from=2022-01&to=2022-06"));
    await screen.findByTestId("compare-table");
    await user.click(screen.getByTestId("download-csv"));
    await waitFor(() => expect(saved).toEqual(["comparison-fujian-2022-01_2022-06.csv"]));
    expect(exports).toEqual([{ url: "/api/metrics/compare/export?from=2022-01&to=2022-06&format=csv", authorization: "Bearer token-1" }]);
  });

  it("lets the operator pick the province", async () => {
    const user = userEvent.setup();
    const { requests } = api(operatorMe);
    signedIn();
    renderApp("/compare");
    await screen.findByTestId("compare-table", {}, { timeout: 5000 });
    await user.selectOptions(screen.getByTestId("compare-province"), "zhejiang");
    await waitFor(() =>
      expect(requests.filter((request) => request.path === "/metrics/compare").map((request) => request.search.get("provinceID"))).toEqual([
        "fujian",
        "zhejiang",
      ]),
    );
  });

  it("says when a province has no districts, and that district users cannot compare", async () => {
    api(provinceMe, () => ({ ...comparison, rows: [], rankings: {} }));
    signedIn();
    const app = renderApp("/compare");
    expect(await screen.findByText("本省还没有开通的区县", {}, { timeout: 5000 })).toBeInTheDocument();
    app.unmount();
    api(adminMe);
    renderApp("/compare");
    expect(await screen.findByText("省级对比供省级管理员和平台运营方使用。", {}, { timeout: 5000 })).toBeInTheDocument();
  });
});
