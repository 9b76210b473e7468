import { join } from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As } from "../../scripts/test/api.ts";
import { connectBrowser, startPortal, signInAt } from "./harness.ts";
import { onePixelPng } from "@wangge/core/ticket/images.test-support";

/**
 * Snap-and-report (随手拍) end to end in headless Chromium against the real API, DynamoDB Local
 * and s3rver, with Jianyang's demo grids: a resident reports with a photo from a phone, a grid
 * worker accepts, a grid leader dispatches, the department reports handling, the worker
 * verifies, and the resident sees it closed and rates it. One browser context per person.
 */

let stack: Awaited<ReturnType<typeof startPortal>>;
let api: typeof stack.api;
let browser: Browser;
/** A point inside Jianyang, and the grid there. */
let point: { lon: number; lat: number; gridCode: string };

/** A valid 1×1 PNG. */
const png = onePixelPng();

beforeAll(async () => {
  stack = await startPortal({ seedGrids: true });
  api = stack.api;
  point = await pointInside();
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** lon 118.12, lat 27.33 if the API places it in a grid, else the centre of the first first-tier grid. */
async function pointInside(): Promise<{ lon: number; lat: number; gridCode: string }> {
  const located = await api.call("GET", "/grids/locate?lon=118.12&lat=27.33", { as: As.jianyangResident });
  if (located.status === 200) return { lon: 118.12, lat: 27.33, gridCode: located.body.grid.code };
  const first = await api.call("GET", "/grids?tier=1&limit=1", { as: As.jianyangAdmin });
  const [minLon, minLat, maxLon, maxLat] = first.body.items[0].bbox as number[];
  const centre = { lon: Number(((minLon + maxLon) / 2).toFixed(6)), lat: Number(((minLat + maxLat) / 2).toFixed(6)) };
  const there = await api.call("GET", `/grids/locate?lon=${centre.lon}&lat=${centre.lat}`, { as: As.jianyangResident });
  expect(there.status).toBe(200);
  return { ...centre, gridCode: there.body.grid.code };
}

interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A fresh browser context (its own storage, so its own session) signed in as a demo account. */
async function person(testID: string, options: BrowserContextOptions = {}): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN", ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signInAt(page, api.origin, testID);
  await page.getByTestId("district-name").waitFor();
  return { context, page, errors };
}

const shot = (page: Page, name: string, fullPage = false) =>
  process.env.SCREENSHOTS ? page.screenshot({ path: join(process.env.SCREENSHOTS, name), fullPage }) : Promise.resolve();

/** Opens the ticket, takes one step through its form, and waits for the state it leads to. */
async function act(page: Page, action: string, state: string, fill?: () => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  await fill?.();
  await page.getByTestId("action-submit").click();
  await page.locator(`[data-testid="ticket-view"][data-state="${state}"]`).waitFor();
  await page.getByTestId("ticket-notice").waitFor();
}

describe("snap-and-report", () => {
  it("a ticket goes from a resident's phone through accept, dispatch, handling and verification to a rating", async () => {
    // ─── the resident reports from a phone, with a photo, at their position ───
    const resident = await person("login-jianyang-resident", {
      viewport: { width: 375, height: 740 },
      deviceScaleFactor: 2,
      hasTouch: true,
      geolocation: { longitude: point.lon, latitude: point.lat, accuracy: 10 },
      permissions: ["geolocation"],
    });
    const phone = resident.page;
    await phone.getByTestId("open-tickets").click();
    await phone.getByTestId("report-link").click();
    await phone.locator('[data-testid="ticket-map"][data-state="ready"]').waitFor();
    // Without a tile server the first-tier grids are drawn on canvas for orientation.
    await phone.locator('[data-testid="ticket-map"] canvas').first().waitFor();
    expect(await phone.locator('[data-testid="ticket-map"] .leaflet-tile').count()).toBe(0);

    await phone.getByTestId("ticket-category").selectOption("garbage");
    await phone.getByTestId("ticket-description").fill("小区东门外垃圾堆放两天了，无人清运，气味很大。");
    await phone.getByTestId("ticket-photos").setInputFiles({ name: "garbage.png", mimeType: "image/png", buffer: png });
    await phone.locator('[data-testid="photo-tile"][data-state="done"]').waitFor();

    // A tap drops the pin where it lands; "use my position" moves it to the device's.
    await phone.getByTestId("ticket-map").tap();
    await phone.locator('[data-testid="ticket-location"]:not([data-state="none"]):not([data-state="loading"])').waitFor();
    await phone.getByTestId("use-my-position").click();
    await phone.locator(`[data-testid="ticket-map"][data-lon="${point.lon}"][data-lat="${point.lat}"]`).waitFor();
    const location = phone.locator('[data-testid="ticket-location"][data-state="found"]');
    await location.waitFor();
    expect(await location.textContent()).toContain(point.gridCode);
    const overflow = await phone.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(phone, "phone-ticket-report.png", true);

    await phone.getByTestId("ticket-submit").click();
    await phone.waitForURL(/\/d\/jianyang\/tickets\/ticket_[^/]+$/);
    const ticketID = phone.url().split("/").pop()!;
    await phone.locator('[data-testid="ticket-view"][data-state="collected"]').waitFor();
    expect(await phone.getByTestId("ticket-notice").textContent()).toContain("已提交");
    expect(await phone.locator(".ticket-head .photo-strip img").count()).toBe(1);
    await shot(phone, "phone-ticket-reported.png", true);
    const ticketURL = `${api.origin}/d/jianyang/tickets/${ticketID}`;

    // ─── the grid worker accepts it from the 待受理 queue ───
    const worker = await person("login-jianyang-worker");
    await worker.page.getByTestId("nav-tickets").click();
    await shot(worker.page, "desktop-ticket-queue.png");
    await worker.page.locator(`[data-testid="ticket-row"][data-ticket="${ticketID}"]`).click();
    await act(worker.page, "accept", "accepted");
    expect(await worker.page.getByTestId("ticket-due").count()).toBe(1);

    // ─── the grid leader dispatches it: garbage routes to urban management ───
    const leader = await person("login-jianyang-leader");
    await leader.page.goto(`${api.origin}/d/jianyang/tickets?queue=accepted`);
    await leader.page.locator(`[data-testid="ticket-row"][data-ticket="${ticketID}"]`).click();
    await act(leader.page, "dispatch", "dispatched", async () => {
      expect(await leader.page.getByTestId("action-department").inputValue()).toBe("urban_management");
    });
    expect(await leader.page.getByTestId("ticket-department").textContent()).toContain("城管");

    // ─── the department's staff find it in their queue and report handling ───
    const staff = await person("login-jianyang-staff");
    await staff.page.getByTestId("nav-tickets").click();
    await staff.page.locator(`[data-testid="ticket-row"][data-ticket="${ticketID}"]`).click();
    await act(staff.page, "handle", "handled", async () => {
      await staff.page.getByTestId("action-note").fill("已安排清运，现场已清理干净。");
      await staff.page.getByTestId("action-photos").setInputFiles({ name: "done.png", mimeType: "image/png", buffer: png });
      await staff.page.locator('[data-testid="action-form"] [data-testid="photo-tile"][data-state="done"]').waitFor();
    });
    expect(await staff.page.getByTestId("action-verify").count()).toBe(0);

    // ─── the worker verifies and closes it ───
    await worker.page.goto(ticketURL);
    await worker.page.locator('[data-testid="ticket-view"][data-state="handled"]').waitFor();
    await act(worker.page, "verify", "closed");
    expect(await worker.page.getByTestId("ticket-state").textContent()).toContain("已解决");
    await shot(worker.page, "desktop-ticket-closed.png", true);
    if (process.env.SCREENSHOTS) {
      await worker.page.goto(`${api.origin}/d/jianyang/tickets/new`);
      await worker.page.locator('[data-testid="ticket-map"][data-state="ready"]').waitFor();
      await worker.page.getByTestId("ticket-submit").click();
      await worker.page.getByTestId("lang-switch").click();
      await shot(worker.page, "desktop-ticket-report-en.png", true);
    }

    // ─── the resident is told, sees it closed and rates it ───
    await phone.goto(`${api.origin}/d/jianyang`);
    await phone.getByTestId("notifications-count").waitFor();
    await phone.getByTestId("notifications").click();
    await phone.locator('[data-testid="notification-item"][data-kind="verify"]').click();
    await phone.waitForURL(ticketURL);
    await phone.locator('[data-testid="ticket-view"][data-state="closed"]').waitFor();
    const actions = await phone.evaluate<string[]>(
      `[...document.querySelectorAll(".action-buttons button")].map((button) => button.dataset.testid)`,
    );
    expect(actions).toEqual(["action-rate", "action-reopen"]);
    await act(phone, "rate", "closed", async () => {
      await phone.locator('label:has([data-testid="rating-5"])').click();
      await phone.getByTestId("action-note").fill("清理得很及时，谢谢！");
    });
    await phone.locator('[data-testid="timeline-entry"][data-action="rate"]').waitFor();
    const timeline = await phone.evaluate<string[]>(
      `[...document.querySelectorAll('[data-testid="timeline-entry"]')].map((entry) => entry.dataset.action)`,
    );
    expect(timeline).toEqual(["collect", "accept", "dispatch", "handle", "verify", "rate"]);
    expect(await phone.getByTestId("action-rate").count()).toBe(0);
    await shot(phone, "phone-ticket-closed.png", true);

    // The API agrees.
    const stored = await api.call("GET", `/tickets/${ticketID}`, { as: As.jianyangResident });
    expect(stored.body.ticket).toMatchObject({
      state: "closed",
      closure: "solved",
      rating: 5,
      departmentKey: "urban_management",
      categoryKey: "garbage",
    });
    expect(stored.body.ticket.photos).toHaveLength(2);

    for (const someone of [resident, worker, leader, staff]) {
      expect(someone.errors).toEqual([]);
      await someone.context.close();
    }
  });
});
