import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Meeting } from "../data/meetings.ts";
import type { NeedItem } from "../data/needs.ts";
import type { Me } from "../data/types.ts";
import type { Wish } from "../data/wishes.ts";
import { adminMe, jianyangConfig } from "../test/fixtures.ts";
import { grid } from "../test/grid-fixtures.tsx";
import { jianyangApi, problem, renderApp, signedIn, type FakeRequest } from "../test/harness.tsx";
import { residentMe, workerMe } from "../test/ticket-fixtures.ts";

const cadreMe: Me = {
  actor: { type: "user", userID: "cadre", tenantID: "jianyang", roles: ["cadre"] },
  profile: { ...adminMe.profile, userID: "cadre", name: "刘志明", roles: ["cadre"] },
};
const grids = [grid("JY-01", { gridID: "grid_a", name: "七贤社区", parentID: "root" })];

function wish(fields: Partial<Wish> = {}): Wish {
  return {
    wishID: "wish_1",
    title: "想要一副老花镜",
    description: "看不清药盒上的字",
    status: "open",
    gridID: "grid_a",
    gridPath: ["grid_a"],
    lon: null,
    lat: null,
    posterID: "resident",
    claimantID: null,
    claimedAt: null,
    fulfilledAt: null,
    fulfilNote: null,
    photos: [],
    confirmedAt: null,
    createdAt: "2026-05-01T02:00:00.000Z",
    updatedAt: "2026-05-01T02:00:00.000Z",
    ...fields,
  };
}

function need(fields: Partial<NeedItem> = {}): NeedItem {
  return {
    itemID: "need_1",
    kind: "problem",
    title: "楼道灯不亮",
    description: null,
    status: "open",
    gridID: "grid_a",
    gridPath: ["grid_a"],
    source: "meeting",
    meetingID: "meeting_1",
    createdBy: "worker",
    claimantID: null,
    claimantName: null,
    claimantUnit: null,
    claimedAt: null,
    closedBy: null,
    closedAt: null,
    closeNote: null,
    photos: [],
    confirmedAt: null,
    createdAt: "2026-05-01T02:00:00.000Z",
    updatedAt: "2026-05-01T02:00:00.000Z",
    ...fields,
  };
}

const meeting: Meeting = {
  meetingID: "meeting_1",
  typeKey: "listen_to_neighbours",
  gridID: "grid_a",
  gridPath: ["grid_a"],
  scheduledAt: "2026-05-20T11:30:00.000Z",
  place: "社区活动室",
  topic: "小区停车难",
  status: "scheduled",
  heldAt: null,
  attendanceCount: null,
  attendees: [],
  minutes: null,
  outcomeItemIDs: [],
  createdBy: "worker",
  createdAt: "2026-05-01T02:00:00.000Z",
};

function api(me: Me, routes: Record<string, (request: FakeRequest) => unknown> = {}, config = jianyangConfig) {
  return jianyangApi(me, config, {
    "GET /grids": () => ({ items: grids, cursor: null }),
    "GET /grids/search": () => ({ items: grids, more: false }),
    ...routes,
  });
}

describe("the micro-wish page", () => {
  it("lets a resident post a wish on a chosen grid and then shows it among their own", async () => {
    const user = userEvent.setup();
    const posted: Wish[] = [];
    const { requests } = api(residentMe, {
      "POST /wishes": (request) => {
        posted.push(wish({ ...(request.body as Partial<Wish>) }));
        return posted[0];
      },
      "GET /wishes": () => ({ items: posted, cursor: null }),
    });
    signedIn();
    renderApp("/d/jianyang/wishes");
    await screen.findByTestId("wish-form", {}, { timeout: 5000 });
    await user.click(screen.getByTestId("wish-submit"));
    expect(screen.getByRole("alert")).toHaveTextContent("请填写心愿和说明");
    await user.type(screen.getByTestId("wish-title"), "想要一副老花镜");
    await user.type(screen.getByTestId("wish-description"), "看不清药盒上的字");
    await user.type(await screen.findByTestId("wish-grid"), "七贤");
    await user.click(await screen.findByTestId("wish-grid-option"));
    await user.click(screen.getByTestId("wish-submit"));
    expect(await screen.findByTestId("wish-notice")).toHaveTextContent("心愿已发布");
    const card = await screen.findByTestId("wish-card");
    expect(within(card).getByTestId("wish-status")).toHaveTextContent("待认领");
    expect(within(card).getByTestId("wish-cancel")).toBeInTheDocument();
    expect(requests.find((request) => request.method === "POST")?.body).toEqual({
      title: "想要一副老花镜",
      description: "看不清药盒上的字",
      gridID: "grid_a",
    });
    expect(
      requests
        .filter((request) => request.path === "/wishes" && request.method === "GET")
        .at(-1)
        ?.search.get("view"),
    ).toBe("mine");
  });

  it("lets a cadre claim an open wish, and shows a conflict when someone was faster", async () => {
    const user = userEvent.setup();
    let claims = 0;
    api(cadreMe, {
      "GET /wishes": () => ({ items: [wish()], cursor: null }),
      "POST /wishes/wish_1/claim": () =>
        ++claims === 1
          ? problem(409, { code: "wish.claimed", detail: "This wish has been claimed already." })
          : wish({ status: "claimed", claimantID: "cadre" }),
    });
    signedIn();
    renderApp("/d/jianyang/wishes");
    const card = await screen.findByTestId("wish-card", {}, { timeout: 5000 });
    expect(screen.getByTestId("wish-tab-open")).toHaveAttribute("aria-pressed", "true");
    expect(screen.queryByTestId("wish-form")).not.toBeInTheDocument();
    await user.click(within(card).getByTestId("wish-claim"));
    expect(await within(card).findByRole("alert")).toHaveTextContent("claimed already");
    await user.click(within(card).getByTestId("wish-claim"));
    expect(await screen.findByTestId("wish-notice")).toHaveTextContent("已认领");
  });

  it("says so when the district has micro-wishes switched off", async () => {
    api(residentMe, {}, { ...jianyangConfig, mechanisms: { ...jianyangConfig.mechanisms, wishes: false } });
    signedIn();
    renderApp("/d/jianyang/wishes");
    expect(await screen.findByText("本区未开启此项机制", {}, { timeout: 5000 })).toBeInTheDocument();
  });
});

describe("the needs list page", () => {
  it("shows progress from the counters and lets a resident confirm a ticked-off item", async () => {
    const user = userEvent.setup();
    const { requests } = api(residentMe, {
      "GET /needs": () => ({
        items: [
          need({ status: "closed", claimantUnit: "区住建局", closeNote: "已更换灯泡" }),
          need({ itemID: "need_2", kind: "project", title: "加装电梯" }),
          need({ itemID: "need_3", status: "claimed", claimantID: "cadre-0122", claimantName: "刘志明" }),
          need({ itemID: "need_4", status: "claimed", claimantID: "cadre-0123" }),
        ],
        cursor: null,
      }),
      "GET /needs/progress": () => ({ created: 10, problems: 6, projects: 4, claimed: 8, closed: 6, confirmed: 4, open: 2, inProgress: 2 }),
      "POST /needs/need_1/confirm": () => need({ status: "confirmed" }),
    });
    signedIn();
    renderApp("/d/jianyang/needs");
    expect(await screen.findByTestId("needs-progress-title", {}, { timeout: 5000 })).toHaveTextContent("已销号 6 / 共 10 项");
    const cards = await screen.findAllByTestId("need-card");
    expect(cards[0]).toHaveTextContent("认领：区住建局");
    // A cadre by name, never by user ID (an older claim without a name: "一位下沉干部").
    expect(cards[2]).toHaveTextContent("认领：刘志明");
    expect(cards[3]).toHaveTextContent("认领：一位下沉干部");
    expect(cards.map((card) => card.textContent).join()).not.toContain("cadre-");
    expect(within(cards[1]).queryByRole("button")).not.toBeInTheDocument();
    expect(screen.queryByTestId("needs-new")).not.toBeInTheDocument();
    await user.click(within(cards[0]).getByTestId("need-confirm"));
    expect(await screen.findByTestId("needs-notice")).toHaveTextContent("感谢确认");
    await user.selectOptions(screen.getByTestId("needs-status"), "open");
    await waitFor(() =>
      expect(
        requests
          .filter((request) => request.path === "/needs")
          .at(-1)
          ?.search.get("status"),
      ).toBe("open"),
    );
  });
});

describe("the meetings page", () => {
  it("lets a grid worker record a meeting's outcome with items for the lists", async () => {
    const user = userEvent.setup();
    const { requests } = api(workerMe, {
      "GET /meetings": () => ({ items: [meeting], cursor: null }),
      "POST /meetings/meeting_1/outcome": () => ({ meeting: { ...meeting, status: "held" }, items: [need()] }),
    });
    signedIn();
    renderApp("/d/jianyang/meetings");
    const card = await screen.findByTestId("meeting-card", {}, { timeout: 5000 });
    expect(card).toHaveTextContent("我听邻说茶话会");
    await user.click(within(card).getByTestId("meeting-record"));
    await user.type(screen.getByTestId("outcome-attendance"), "23");
    await user.type(screen.getByTestId("outcome-attendees"), "张秀英，李建国");
    await user.type(screen.getByTestId("outcome-minutes"), "议定规划临时停车位");
    await user.click(screen.getByTestId("outcome-add"));
    await user.type(screen.getByTestId("outcome-title"), "楼道灯不亮");
    await user.click(screen.getByTestId("outcome-submit"));
    expect(await screen.findByTestId("meetings-notice")).toHaveTextContent("1 项事项转入清单");
    expect(requests.find((request) => request.method === "POST")?.body).toEqual({
      minutes: "议定规划临时停车位",
      attendanceCount: 23,
      attendees: ["张秀英", "李建国"],
      outcomes: [{ kind: "problem", title: "楼道灯不亮" }],
    });
  });

  it("shows a resident the schedule without the organiser's buttons", async () => {
    api(residentMe, { "GET /meetings": () => ({ items: [meeting], cursor: null }) });
    signedIn();
    renderApp("/d/jianyang/meetings");
    await screen.findByTestId("meeting-card", {}, { timeout: 5000 });
    expect(screen.queryByTestId("meetings-new")).not.toBeInTheDocument();
    expect(screen.queryByTestId("meeting-record")).not.toBeInTheDocument();
  });
});
