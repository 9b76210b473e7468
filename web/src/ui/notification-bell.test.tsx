import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { jianyang } from "../test/fixtures.ts";
import { fakeApi, renderApp, signedIn } from "../test/harness.tsx";
import { residentMe, ticketConfig } from "../test/ticket-fixtures.ts";

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const place = { gridName: "七贤社区第一网格", address: "七贤社区东门", departmentKey: "urban_management", duplicateOf: null };
const garbage = { zh: "垃圾堆放", en: "Garbage dumping" };
const urban = { zh: "区城管局", en: "Urban management bureau" };
let notifications = [
  {
    notificationID: "n4",
    ticketID: "t2",
    kind: "collect",
    state: "collected",
    at: ago(2),
    read: false,
    audience: "grid",
    category: garbage,
    ...place,
    department: null,
    departmentKey: null,
    closure: null,
  },
  {
    notificationID: "n3",
    ticketID: "t1",
    kind: "verify",
    state: "closed",
    at: ago(5),
    read: false,
    audience: "own",
    category: garbage,
    ...place,
    department: urban,
    closure: "solved",
  },
  {
    notificationID: "n2",
    ticketID: "t1",
    kind: "dispatch",
    state: "dispatched",
    at: ago(60),
    read: false,
    audience: "own",
    category: garbage,
    ...place,
    department: urban,
    closure: null,
  },
  {
    notificationID: "n1",
    ticketID: "t1",
    kind: "accept",
    state: "accepted",
    at: ago(120),
    read: true,
    audience: "own",
    category: garbage,
    ...place,
    department: null,
    closure: null,
  },
];

function api() {
  return fakeApi({
    "GET /me": () => residentMe,
    "GET /districts/jianyang": () => ({ district: jianyang, config: ticketConfig }),
    "GET /provinces": () => ({ items: [], cursor: null }),
    "GET /me/notifications": () => ({ items: notifications, cursor: null }),
    "POST /me/notifications/read": (request) => {
      const ids = (request.body as { notificationIDs?: string[] }).notificationIDs ?? notifications.map((item) => item.notificationID);
      notifications = notifications.map((item) => (ids.includes(item.notificationID) ? { ...item, read: true } : item));
      return { marked: ids.length };
    },
  });
}

describe("the header for a district with snap-and-report", () => {
  it("links to the tickets from the navigation and the district home", async () => {
    api();
    signedIn();
    renderApp("/d/jianyang");
    expect(await screen.findByTestId("nav-tickets")).toHaveAttribute("href", "/d/jianyang/tickets");
    expect(await screen.findByTestId("open-tickets")).toHaveAttribute("href", "/d/jianyang/tickets");
  });

  it("rings with the unread count and lists what happened, to which category, where; opening one marks it read", async () => {
    const user = userEvent.setup();
    const { requests } = api();
    signedIn();
    const app = renderApp("/d/jianyang");
    const bell = await screen.findByTestId("notifications");
    expect(await screen.findByTestId("notifications-count")).toHaveTextContent("3");
    expect(bell).toHaveAttribute("aria-label", "通知：3 条新消息");

    await user.click(bell);
    const panel = await screen.findByTestId("notifications-panel");
    const items = await within(panel).findAllByTestId("notification-item", {}, { timeout: 5000 });
    expect(items.map((item) => item.querySelector(".notification-message")?.textContent)).toEqual([
      "新上报待受理",
      "已办结，请评价",
      "已派遣至区城管局",
      "已受理立案",
    ]);
    expect(items[2].querySelector(".notification-subject")).toHaveTextContent("垃圾堆放 · 七贤社区第一网格 · 七贤社区东门");
    expect(items[0].querySelector(".notification-meta")).toHaveTextContent(/^本网格 · /);
    expect(items[1].querySelector(".notification-meta")).toHaveTextContent(/^我的上报 · /);
    expect(items[0]).toHaveClass("is-new");
    expect(items[3]).not.toHaveClass("is-new");
    expect(items[1]).toHaveAttribute("href", "/d/jianyang/tickets/t1");
    // Opening the list marks nothing.
    expect(requests.filter((request) => request.method === "POST")).toEqual([]);

    await user.click(items[1]);
    await waitFor(() => expect(app.location()).toBe("/d/jianyang/tickets/t1"));
    expect(screen.queryByTestId("notifications-panel")).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("notifications-count")).toHaveTextContent("2"));
    const marks = requests.filter((request) => request.method === "POST" && request.path === "/me/notifications/read");
    expect(marks.map((request) => request.body)).toEqual([{ notificationIDs: ["n3"] }]);
  });

  it("marks one read with its own control, and all read with one request", async () => {
    const user = userEvent.setup();
    const { requests } = api();
    signedIn();
    renderApp("/d/jianyang");
    await user.click(await screen.findByTestId("notifications"));
    const panel = await screen.findByTestId("notifications-panel");
    const marks = await within(panel).findAllByTestId("notification-mark-read", {}, { timeout: 5000 });
    await user.click(marks[0]);
    await waitFor(() => expect(within(panel).getAllByTestId("notification-item")[0]).not.toHaveClass("is-new"));
    await user.click(within(panel).getByTestId("notifications-mark-all"));
    await waitFor(() => expect(screen.queryByTestId("notifications-count")).not.toBeInTheDocument());
    const posted = requests.filter((request) => request.method === "POST" && request.path === "/me/notifications/read");
    expect(posted.map((request) => request.body)).toEqual([{ notificationIDs: ["n4"] }, {}]);
  });
});
