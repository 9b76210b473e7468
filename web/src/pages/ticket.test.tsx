import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { TicketDetail } from "../data/tickets.ts";
import type { Me } from "../data/types.ts";
import { jianyang } from "../test/fixtures.ts";
import { fakeApi, problem, renderApp, signedIn, type FakeRequest } from "../test/harness.tsx";
import {
  adminMe,
  categories,
  departments,
  detailAt,
  leaderMe,
  residentMe,
  staffMe,
  ticketConfig,
  workerMe,
} from "../test/ticket-fixtures.ts";

const ID = "ticket_01jdtest0001";
const actionIDs = [
  "accept",
  "reject",
  "dispatch",
  "handle",
  "verify",
  "send-back",
  "rate",
  "reopen",
  "request-change",
  "approve",
  "refuse",
];

function api(me: Me, detail: TicketDetail | (() => TicketDetail), routes: Record<string, (request: FakeRequest) => unknown> = {}) {
  return fakeApi({
    "GET /me": () => me,
    "GET /districts/jianyang": () => ({ district: jianyang, config: ticketConfig }),
    "GET /me/notifications": () => ({ items: [], cursor: null }),
    "GET /config/categories": () => ({ items: categories }),
    "GET /config/departments": () => ({ items: departments }),
    [`GET /tickets/${ID}`]: () => (typeof detail === "function" ? detail() : detail),
    [`GET /tickets/${ID}/reporter`]: () => ({ name: "张秀英", phoneMasked: "139****0008" }),
    "GET /grids/grid_JY-01-01-01": () => ({
      grid: { gridID: "grid_JY-01-01-01", code: "JY-01-01-01", name: "七贤社区第1网格", tier: 3 },
      ancestors: [{ gridID: "grid_JY-01", code: "JY-01", name: "潭城街道第1网格", tier: 1 }],
    }),
    ...routes,
  });
}

async function open() {
  signedIn();
  const app = renderApp(`/d/jianyang/tickets/${ID}`);
  await screen.findByTestId("ticket-view", {}, { timeout: 5000 });
  return app;
}

const pendingBy = (by: string) => ({
  seq: 4,
  kind: "transfer",
  reason: "不属于城管职责",
  hours: null,
  departmentKey: "transport",
  by,
  at: new Date().toISOString(),
});

/** The action buttons shown, by their test hook. */
const shown = () => actionIDs.filter((action) => screen.queryByTestId(`action-${action}`));

describe("the ticket page", () => {
  it("shows only the steps the caller's role allows in the ticket's state", async () => {
    const cases: Array<[string, Me, TicketDetail, string[]]> = [
      ["worker, collected", workerMe, detailAt("collected"), ["accept", "reject", "request-change"]],
      ["resident, collected", residentMe, detailAt("collected"), []],
      ["leader, accepted", leaderMe, detailAt("accepted"), ["dispatch", "request-change"]],
      ["worker, accepted", workerMe, detailAt("accepted"), ["request-change"]],
      ["department staff, dispatched to them", staffMe, detailAt("dispatched"), ["handle", "request-change"]],
      ["admin, dispatched", adminMe, detailAt("dispatched"), ["request-change"]],
      ["admin, a change pending", adminMe, detailAt("dispatched", { pendingRequest: pendingBy("staff") }), ["approve", "refuse"]],
      ["requester, a change pending", staffMe, detailAt("dispatched", { pendingRequest: pendingBy("staff") }), ["handle"]],
      ["worker, handled by someone else", workerMe, detailAt("handled"), ["verify", "send-back", "request-change"]],
      ["handler, handled", staffMe, detailAt("handled"), ["request-change"]],
      ["reporter, closed", residentMe, detailAt("closed"), ["rate", "reopen"]],
      ["reporter, closed and rated", residentMe, detailAt("closed", { rating: 5 }), ["reopen"]],
      ["worker, closed", workerMe, detailAt("closed"), []],
    ];
    for (const [name, me, detail, expected] of cases) {
      api(me, detail);
      const app = await open();
      await waitFor(() => expect(screen.getByTestId("ticket-state")).toBeInTheDocument());
      expect(shown(), name).toEqual(expected);
      if (!expected.length) expect(screen.queryByTestId("ticket-actions"), name).not.toBeInTheDocument();
      app.unmount();
    }
  });

  it("shows the state, the national steps, the details and the whole timeline with who did what", async () => {
    api(residentMe, detailAt("handled", { overdue: true }));
    await open();
    expect(screen.getByTestId("ticket-state")).toHaveTextContent("待核查");
    expect(screen.getByTestId("ticket-overdue")).toHaveTextContent("已超期");
    expect(screen.getByTestId("ticket-title")).toHaveTextContent("垃圾堆放");

    const steps = within(screen.getByTestId("ticket-stepper")).getAllByRole("listitem");
    expect(steps.map((step) => step.className.replace("step is-", ""))).toEqual(["done", "done", "done", "done", "current", "todo"]);
    expect(steps.map((step) => step.querySelector(".step-name")?.textContent)).toEqual([
      "采集",
      "立案",
      "派遣",
      "处置",
      "核查结案",
      "评价",
    ]);

    const entries = screen.getAllByTestId("timeline-entry");
    expect(entries.map((entry) => entry.dataset.action)).toEqual(["collect", "accept", "dispatch", "handle"]);
    expect(entries[0]).toHaveTextContent("上报问题您");
    // People by role and name ("网格员 黄晓梅"), never by their user ID; an entry without a name says the role.
    expect(entries[1]).toHaveTextContent("受理立案网格员 黄晓梅");
    expect(entries[1]).not.toHaveTextContent("worker");
    expect(entries[1]).toHaveTextContent("情况属实");
    expect(entries[2]).toHaveTextContent("派遣至区城管局网格长");
    expect(entries[2]).not.toHaveTextContent("leader");
    expect(entries[3]).toHaveTextContent("已清运完毕");
    expect(within(entries[3]).getByRole("link")).toHaveAttribute("href", "http://s3.test/photo_2.png?signed");

    expect(screen.getByTestId("ticket-department")).toHaveTextContent("区城管局");
    expect(await screen.findByText("七贤社区第1网格")).toBeInTheDocument();
    expect(screen.getByTestId("ticket-due")).toHaveClass("is-overdue");
  });

  it("a leader dispatches to the routed department, pre-selected, and sees the new state", async () => {
    const user = userEvent.setup();
    let current = detailAt("accepted");
    const { requests } = api(leaderMe, () => current, {
      [`POST /tickets/${ID}/dispatch`]: () => {
        current = detailAt("dispatched");
        return current.ticket;
      },
    });
    await open();
    await user.click(screen.getByTestId("action-dispatch"));
    const select = screen.getByTestId("action-department") as HTMLSelectElement;
    expect(select.value).toBe("urban_management");
    expect(screen.getByText("按派遣规则建议：区城管局")).toBeInTheDocument();
    await user.click(screen.getByTestId("action-submit"));

    expect(await screen.findByTestId("ticket-notice")).toHaveTextContent("已派遣");
    await waitFor(() => expect(screen.getByTestId("ticket-state")).toHaveTextContent("处置中"));
    expect(requests.find((request) => request.path.endsWith("/dispatch"))?.body).toEqual({ departmentKey: "urban_management" });
    expect(screen.queryByTestId("action-dispatch")).not.toBeInTheDocument();
  });

  it("asks for a reason before not accepting", async () => {
    const user = userEvent.setup();
    const { requests } = api(workerMe, detailAt("collected"), {
      [`POST /tickets/${ID}/reject`]: () => detailAt("closed", { closure: "not_accepted" }).ticket,
    });
    await open();
    await user.click(screen.getByTestId("action-reject"));
    await user.click(screen.getByTestId("action-submit"));
    expect(screen.getByText("请写明不予立案的理由")).toBeInTheDocument();
    expect(requests.some((request) => request.path.endsWith("/reject"))).toBe(false);
    await user.type(screen.getByTestId("action-note"), "重复上报，已在处理");
    await user.click(screen.getByTestId("action-submit"));
    await waitFor(() => expect(requests.find((request) => request.path.endsWith("/reject"))?.body).toEqual({ note: "重复上报，已在处理" }));
  });

  it("when someone else acted first, says so and reloads the ticket", async () => {
    const user = userEvent.setup();
    let current = detailAt("collected");
    const { requests } = api(workerMe, () => current, {
      [`POST /tickets/${ID}/accept`]: () => {
        current = detailAt("accepted");
        return problem(409, {
          code: "ticket.changed",
          detail: "Someone else acted on this ticket at the same time; reload it and try again.",
        });
      },
    });
    await open();
    await user.click(screen.getByTestId("action-accept"));
    await user.click(screen.getByTestId("action-submit"));
    expect(await screen.findByTestId("ticket-conflict")).toHaveTextContent("其他人刚刚处理了这张工单，已为您重新加载最新状态。");
    await waitFor(() => expect(screen.getByTestId("ticket-state")).toHaveTextContent("待派遣"));
    expect(requests.filter((request) => request.method === "GET" && request.path === `/tickets/${ID}`)).toHaveLength(2);
    expect(shown()).toEqual(["request-change"]);
  });

  it("explains a refusal to verify one's own handling", async () => {
    const user = userEvent.setup();
    api(workerMe, detailAt("handled"), {
      [`POST /tickets/${ID}/verify`]: () =>
        problem(403, {
          code: "ticket.same_person",
          detail: "The one who handled a ticket may not also check it: another person verifies.",
        }),
    });
    await open();
    await user.click(screen.getByTestId("action-verify"));
    await user.click(screen.getByTestId("closure-duplicate"));
    await user.click(screen.getByTestId("action-submit"));
    expect(await screen.findByTestId("action-error")).toHaveTextContent("处置人不能核查自己处置的工单");
  });

  it("department staff ask to extend the deadline, with a reason and the hours", async () => {
    const user = userEvent.setup();
    let current = detailAt("dispatched");
    const { requests } = api(staffMe, () => current, {
      [`POST /tickets/${ID}/requests`]: (request) => {
        const body = request.body as { note: string; hours: number };
        current = detailAt("dispatched", {
          pendingRequest: { ...pendingBy("staff"), kind: "extend", reason: body.note, hours: body.hours, departmentKey: null },
        });
        return current.ticket;
      },
    });
    await open();
    await user.click(screen.getByTestId("action-request-change"));
    const kind = screen.getByTestId("action-change-kind") as HTMLSelectElement;
    expect([...kind.options].map((option) => option.value)).toEqual(["extend", "send_up", "transfer", "void"]);
    await user.selectOptions(kind, "extend");
    await user.type(screen.getByTestId("action-note"), "需要协调环卫车辆");
    await user.click(screen.getByTestId("action-submit"));
    expect(screen.getByText("请填写 1–2000 之间的整数")).toBeInTheDocument();
    await user.type(screen.getByTestId("action-hours"), "16");
    await user.click(screen.getByTestId("action-submit"));

    expect(await screen.findByTestId("ticket-notice")).toHaveTextContent("申请已提交，等待审批。");
    expect(requests.find((request) => request.path.endsWith("/requests"))?.body).toEqual({
      kind: "extend",
      note: "需要协调环卫车辆",
      hours: 16,
    });
    await waitFor(() => expect(screen.getByTestId("ticket-pending")).toHaveTextContent("延期申请待审批：需要协调环卫车辆"));
    expect(screen.queryByTestId("action-request-change")).not.toBeInTheDocument();
  });

  it("a transfer goes to a department picked from the district's, and a pending one is refused with its error", async () => {
    const user = userEvent.setup();
    const { requests } = api(workerMe, detailAt("dispatched"), {
      [`POST /tickets/${ID}/requests`]: () =>
        problem(409, { code: "ticket.request_pending", detail: "A change is already waiting for approval on this ticket." }),
    });
    await open();
    await user.click(screen.getByTestId("action-request-change"));
    await user.selectOptions(screen.getByTestId("action-change-kind"), "transfer");
    const department = screen.getByTestId("action-department") as HTMLSelectElement;
    expect([...department.options].map((option) => option.value)).not.toContain("urban_management");
    await user.selectOptions(department, "transport");
    await user.type(screen.getByTestId("action-note"), "道路问题归交通局");
    await user.click(screen.getByTestId("action-submit"));
    expect(await screen.findByTestId("action-error")).toHaveTextContent("已有一项变更申请在等待审批");
    expect(requests.find((request) => request.path.endsWith("/requests"))?.body).toEqual({
      kind: "transfer",
      note: "道路问题归交通局",
      departmentKey: "transport",
    });
  });

  it("a leader approves the pending change", async () => {
    const user = userEvent.setup();
    let current = detailAt("dispatched", { pendingRequest: pendingBy("staff") });
    const { requests } = api(leaderMe, () => current, {
      [`POST /tickets/${ID}/decision`]: () => {
        current = detailAt("dispatched", { departmentKey: "transport" });
        return current.ticket;
      },
    });
    await open();
    expect(screen.getByTestId("ticket-pending")).toHaveTextContent("转办申请待审批：不属于城管职责");
    await user.click(screen.getByTestId("action-approve"));
    await user.click(screen.getByTestId("action-submit"));
    expect(await screen.findByTestId("ticket-notice")).toHaveTextContent("已批准");
    expect(requests.find((request) => request.path.endsWith("/decision"))?.body).toEqual({ approve: true });
    await waitFor(() => expect(screen.queryByTestId("ticket-pending")).not.toBeInTheDocument());
  });

  it("refuses with a note, and explains that the requester cannot decide", async () => {
    const user = userEvent.setup();
    const { requests } = api(adminMe, detailAt("dispatched", { pendingRequest: pendingBy("staff") }), {
      [`POST /tickets/${ID}/decision`]: () =>
        problem(403, { code: "ticket.same_person", detail: "Who asks for a change does not approve it." }),
    });
    await open();
    await user.click(screen.getByTestId("action-refuse"));
    await user.type(screen.getByTestId("action-note"), "先按原部门办理");
    await user.click(screen.getByTestId("action-submit"));
    expect(await screen.findByTestId("action-error")).toHaveTextContent("申请人不能审批自己的申请");
    expect(requests.find((request) => request.path.endsWith("/decision"))?.body).toEqual({ approve: false, note: "先按原部门办理" });
  });

  it("the reporter rates with stars and a comment", async () => {
    const user = userEvent.setup();
    let current = detailAt("closed");
    const { requests } = api(residentMe, () => current, {
      [`POST /tickets/${ID}/rating`]: (request) => {
        const body = request.body as { rating: number; note: string };
        current = detailAt("closed", { rating: body.rating, ratingComment: body.note });
        return current.ticket;
      },
    });
    await open();
    await user.click(screen.getByTestId("action-rate"));
    await user.click(screen.getByTestId("action-submit"));
    expect(screen.getByText("请选择 1–5 星")).toBeInTheDocument();
    await user.click(screen.getByTestId("rating-4"));
    expect(screen.getByText("满意")).toBeInTheDocument();
    await user.type(screen.getByTestId("action-note"), "清理得很及时");
    await user.click(screen.getByTestId("action-submit"));
    expect(await screen.findByTestId("ticket-notice")).toHaveTextContent("感谢您的评价");
    expect(requests.find((request) => request.path.endsWith("/rating"))?.body).toEqual({ rating: 4, note: "清理得很及时" });
    await waitFor(() => expect(shown()).toEqual(["reopen"]));
    expect(screen.getByRole("img", { name: "4 星" })).toBeInTheDocument();
  });

  it("shows staff the reporter masked, and the whole number only once they say why", async () => {
    const user = userEvent.setup();
    const { requests } = api(workerMe, detailAt("collected"), {
      [`POST /tickets/${ID}/reporter/reveal`]: () => ({ name: "张秀英", phone: "13900000008" }),
    });
    await open();
    const fact = await screen.findByTestId("ticket-reporter");
    await waitFor(() => expect(fact).toHaveTextContent("张秀英 · 139****0008"));
    await user.click(within(fact).getByTestId("reporter-show"));
    await user.click(within(fact).getByTestId("reporter-confirm"));
    expect(fact).toHaveTextContent("请写明查看原因");
    expect(requests.some((request) => request.path.endsWith("/reveal"))).toBe(false);
    await user.type(within(fact).getByTestId("reporter-purpose"), "电话核实现场情况");
    await user.click(within(fact).getByTestId("reporter-confirm"));
    const phone = await within(fact).findByTestId("reporter-phone");
    expect(phone).toHaveAttribute("href", "tel:13900000008");
    expect(fact).toHaveTextContent("本次查看已记入审计日志");
    expect(requests.find((request) => request.path.endsWith("/reveal"))?.body).toEqual({ purpose: "电话核实现场情况" });
  });

  it("shows the reporter to no resident, not even on their own ticket", async () => {
    const { requests } = api(residentMe, detailAt("collected"));
    await open();
    expect(screen.queryByTestId("ticket-reporter")).not.toBeInTheDocument();
    expect(requests.some((request) => request.path.endsWith("/reporter"))).toBe(false);
  });

  it("speaks English", async () => {
    localStorage.setItem("wangge.language", "en");
    api(workerMe, detailAt("collected"));
    await open();
    expect(screen.getByTestId("ticket-state")).toHaveTextContent("To accept");
    expect(screen.getByTestId("action-accept")).toHaveTextContent("Accept");
    expect(screen.getByTestId("ticket-title")).toHaveTextContent("Garbage dumping");
    expect(screen.getAllByTestId("timeline-entry")[0]).toHaveTextContent("Reported the problemReporter (Resident)");
  });

  it("says when a ticket cannot be seen", async () => {
    fakeApi({
      "GET /me": () => residentMe,
      "GET /districts/jianyang": () => ({ district: jianyang, config: ticketConfig }),
      "GET /me/notifications": () => ({ items: [], cursor: null }),
      "GET /config/categories": () => ({ items: categories }),
      "GET /config/departments": () => ({ items: departments }),
      [`GET /tickets/${ID}`]: () => problem(404, { code: "ticket.not_found", detail: "There is no ticket you can see." }),
      [`GET /tickets/${ID}/public`]: () => problem(404, { code: "ticket.not_found", detail: "There is no ticket you can see." }),
    });
    signedIn();
    renderApp(`/d/jianyang/tickets/${ID}`);
    expect(await screen.findByText("看不到这件工单", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId("ticket-unavailable")).toHaveAttribute("data-status", "404");
  });

  it("shows a resident someone else's public ticket in its public form, and follows it", async () => {
    const user = userEvent.setup();
    let following = false;
    const view = () => ({
      ticketID: ID,
      state: "accepted",
      closure: null,
      categoryKey: "garbage",
      description: "东门垃圾堆放，电话***********",
      address: "七贤社区东门",
      lon: 118.12,
      lat: 27.33,
      gridID: "grid_JY-01-01-01",
      collectedAt: new Date().toISOString(),
      closedAt: null,
      updatedAt: new Date().toISOString(),
      followers: following ? 1 : 0,
      duplicateOf: null,
      following,
      own: false,
    });
    const { requests } = fakeApi({
      "GET /me": () => residentMe,
      "GET /districts/jianyang": () => ({ district: jianyang, config: ticketConfig }),
      "GET /me/notifications": () => ({ items: [], cursor: null }),
      "GET /config/categories": () => ({ items: categories }),
      "GET /config/departments": () => ({ items: departments }),
      [`GET /tickets/${ID}`]: () => problem(404, { code: "ticket.not_found", detail: "There is no ticket you can see." }),
      [`GET /tickets/${ID}/public`]: view,
      [`POST /tickets/${ID}/follow`]: () => {
        following = true;
        return { ticketID: ID, following };
      },
    });
    signedIn();
    renderApp(`/d/jianyang/tickets/${ID}`);
    const shown = await screen.findByTestId("ticket-public", {}, { timeout: 5000 });
    expect(within(shown).getByTestId("ticket-title")).toHaveTextContent("垃圾堆放");
    expect(within(shown).getByTestId("ticket-description-text")).toHaveTextContent("电话***********");
    const follow = within(shown).getByTestId("ticket-follow");
    expect(follow).toHaveTextContent("关注");
    await user.click(follow);
    await waitFor(() => expect(screen.getByTestId("ticket-follow")).toHaveTextContent("取消关注"));
    expect(requests.some((request) => request.method === "POST" && request.path === `/tickets/${ID}/follow`)).toBe(true);
  });
});
