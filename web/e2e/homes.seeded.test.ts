import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectBrowser, secondDemoCadre, screenshot, signIn, startPortal } from "./harness.ts";

/**
 * Each role's home and the phone's navigation, in headless Chromium against the real API with
 * Jianyang's demo grids: a resident and a grid worker on a phone (390×844) land on their own
 * work under a one-row header that stays at the top, with a tab bar of the district's switched-on
 * mechanisms; department staff and a cadre land on theirs on a desktop.
 */

let stack: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;

const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true };

beforeAll(async () => {
  stack = await startPortal({ seedGrids: true });
  await secondDemoCadre();
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const person = (testID: string, options: BrowserContextOptions = {}) => signIn(browser, stack.api.origin, testID, options);

/** The phone's header: one row, at the top after scrolling a long page, and nothing wider than the screen. */
async function expectPhoneChrome(page: Page) {
  const header = page.locator("header.app-header");
  const box = await header.boundingBox();
  expect(box?.height).toBeLessThanOrEqual(64);
  expect(await page.getByTestId("header-district").textContent()).toBe("建阳区");
  // The district's name is shown whole, not cut to "建…".
  expect(await page.getByTestId("header-district").evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  expect(await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth")).toBeLessThanOrEqual(0);
  // However short the home, a long page must scroll under the header: lengthen this one.
  await page.evaluate(`{
    const filler = document.createElement("div");
    filler.style.height = "3000px";
    document.querySelector("main").append(filler);
    window.scrollTo(0, 1500);
  }`);
  await page.waitForFunction("window.scrollY > 1000");
  expect(await header.evaluate((element) => Math.round(element.getBoundingClientRect().top))).toBe(0);
  // The tab bar stays at the bottom of the screen.
  const nav = await page.getByTestId("district-nav").boundingBox();
  expect(nav && Math.round(nav.y + nav.height)).toBe(844);
  await page.evaluate("window.scrollTo(0, 0)");
}

/** The test IDs of the links in the district's navigation, in order. */
const navLinks = (page: Page) =>
  page
    .getByTestId("district-nav")
    .locator("a")
    .evaluateAll((links) => links.map((link) => link.getAttribute("data-testid")));

describe("each role's home", () => {
  it("a resident on a phone lands on the report button and their reports, under a one-row sticky header and a tab bar", async () => {
    const { page, errors, context } = await person("login-jianyang-resident", phone);
    await page.getByTestId("home-report").waitFor();
    expect(await page.getByTestId("home-report").getAttribute("href")).toBe("/d/jianyang/tickets/new");
    await page.getByTestId("home-my-reports").waitFor();
    // Not the admin's overview.
    expect(await page.getByTestId("roles").count()).toBe(0);
    expect(await page.getByTestId("setup-checklist").count()).toBe(0);
    // Every switched-on mechanism a resident uses; not the emergency board, which is staff's.
    const links = await navLinks(page);
    expect(links).toEqual(expect.arrayContaining(["nav-home", "nav-tickets", "open-mechanism-wishes", "open-mechanism-volunteers"]));
    expect(links).not.toContain("open-mechanism-emergencyMode");
    await expectPhoneChrome(page);
    await screenshot(page, "phone-home-resident.png", false);

    // The tab bar takes them to a mechanism, and the home is one tap back.
    await page.getByTestId("open-mechanism-wishes").click();
    await page.waitForURL(/\/d\/jianyang\/wishes$/);
    await page.getByTestId("nav-home").click();
    await page.getByTestId("home-report").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a grid worker on a phone lands on their queues with counts and the overdue count, and the grid's open wishes and needs", async () => {
    const { page, errors, context } = await person("login-jianyang-worker", phone);
    await page.getByTestId("home-queues").waitFor();
    for (const queue of ["collected", "territorial", "handled", "mine"])
      await page
        .locator(`[data-testid="home-queue-${queue}"] .home-count-value`)
        .filter({ hasText: /^\d+\+?$/ })
        .waitFor();
    await page
      .getByTestId("home-overdue-count")
      .filter({ hasText: /^\d+\+?$/ })
      .waitFor();
    await page.getByTestId("home-wishes").waitFor();
    await page.getByTestId("home-needs").waitFor();
    expect(await page.getByTestId("home-report").count()).toBe(0);
    const links = await navLinks(page);
    expect(links).toEqual(expect.arrayContaining(["nav-tickets", "open-mechanism-wishes", "open-mechanism-needsLists"]));
    await expectPhoneChrome(page);
    await screenshot(page, "phone-home-worker.png", false);

    // A queue's count opens that queue.
    await page.getByTestId("home-queue-collected").click();
    await page.waitForURL(/\/d\/jianyang\/tickets\?queue=collected$/);
    expect(await page.getByTestId("queue-collected").getAttribute("aria-pressed")).toBe("true");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("department staff land on their department's queue and a cadre on their grid, ledger and wishes to claim (desktop)", async () => {
    const staff = await person("login-jianyang-staff");
    await staff.page.getByTestId("home-department-queue").waitFor();
    expect(await staff.page.getByTestId("home-queues").count()).toBe(0);
    // A desktop keeps a one-row header, with the navigation under it.
    expect((await staff.page.locator("header.app-header").boundingBox())?.height).toBeLessThanOrEqual(64);
    expect(await navLinks(staff.page)).toContain("nav-tickets");
    expect(staff.errors).toEqual([]);
    await staff.context.close();

    const cadre = await person("login-jianyang-cadre");
    await cadre.page.getByTestId("home-my-grid-name").waitFor();
    await cadre.page.getByTestId("home-my-ledger").waitFor();
    await cadre.page.getByTestId("home-wishes").waitFor();
    expect(await navLinks(cadre.page)).toContain("open-mechanism-cadreSecondment");
    expect(cadre.errors).toEqual([]);
    await cadre.context.close();
  });
});
