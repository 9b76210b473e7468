import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { jianyang } from "../test/fixtures.ts";
import { fakeApi, renderApp, signedIn } from "../test/harness.tsx";
import { residentMe, ticketConfig } from "../test/ticket-fixtures.ts";

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
let notifications = [
  { notificationID: "n3", ticketID: "t1", kind: "verify", state: "closed", at: ago(5), read: false },
  { notificationID: "n2", ticketID: "t1", kind: "dispatch", state: "dispatched", at: ago(60), read: false },
  { notificationID: "n1", ticketID: "t1", kind: "accept", state: "accepted", at: ago(120), read: true },
];

function api() {
  return fakeApi({
    "GET /me": () => residentMe,
    "GET /districts/jianyang": () => ({ district: jianyang, config: ticketConfig }),
    "GET /provinces": () => ({ items: [], cursor: null }),
    "GET /me/notifications": () => ({ items: notifications, cursor: null }),
    "POST /me/notifications/read": (request) => {
      const ids = (request.body as { notificationIDs: string[] }).notificationIDs;
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

  it("rings with the unread count, lists the notifications linking to their tickets, and marks them read once opened", async () => {
    const user = userEvent.setup();
    const { requests } = api();
    signedIn();
    const app = renderApp("/d/jianyang");
    const bell = await screen.findByTestId("notifications");
    expect(await screen.findByTestId("notifications-count")).toHaveTextContent("2");
    expect(bell).toHaveAttribute("aria-label", "通知：2 条新消息");

    await user.click(bell);
    const panel = await screen.findByTestId("notifications-panel");
    const items = await within(panel).findAllByTestId("notification-item", {}, { timeout: 5000 });
    expect(items.map((item) => item.textContent?.replace(/\d+.*$/, ""))).toEqual([
      "您上报的问题已结案，请评价",
      "您上报的问题已派遣处置",
      "您上报的问题已受理立案",
    ]);
    expect(items[0]).toHaveClass("is-new");
    expect(items[2]).not.toHaveClass("is-new");
    expect(items[0]).toHaveAttribute("href", "/d/jianyang/tickets/t1");
    await waitFor(() => expect(screen.queryByTestId("notifications-count")).not.toBeInTheDocument());
    const marks = requests.filter((request) => request.method === "POST" && request.path === "/me/notifications/read");
    expect(marks.map((request) => request.body)).toEqual([{ notificationIDs: ["n3", "n2"] }]);
    expect(notifications.every((item) => item.read)).toBe(true);
    // Still highlighted while the list is open.
    expect(items[1]).toHaveClass("is-new");

    await user.click(items[0]);
    await waitFor(() => expect(app.location()).toBe("/d/jianyang/tickets/t1"));
    expect(screen.queryByTestId("notifications-panel")).not.toBeInTheDocument();
  });
});
