import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectBrowser, secondDemoCadre, phoneSized, screenshot, signIn, startPortal } from "./harness.ts";

/**
 * Micro-wishes (微心愿) end to end in headless Chromium against the real API and DynamoDB Local,
 * with Jianyang's demo grids: a resident posts a wish from a phone at their position, the demo
 * cadre (网格助理) claims it, and the resident sees it claimed. One browser context per person.
 */

let stack: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;

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

const shot = (page: Page, name: string) => screenshot(page, name);

describe("micro-wishes", () => {
  it("a resident posts a wish from a phone, the demo cadre claims it, and the resident sees it claimed", async () => {
    // ─── the resident, on a phone at the district's centre ───
    const resident = await person("login-jianyang-resident", {
      ...phoneSized,
      geolocation: { longitude: 118.12, latitude: 27.33, accuracy: 10 },
      permissions: ["geolocation"],
    });
    const phone = resident.page;
    await phone.getByTestId("open-mechanism-wishes").click();
    await phone.getByTestId("wish-form").waitFor();
    await phone.getByTestId("wish-title").fill("想要一副老花镜");
    await phone.getByTestId("wish-description").fill("眼睛花了，看不清药盒上的说明，想要一副 300 度的老花镜。");
    await phone.getByTestId("wish-use-position").click();
    await phone.locator('[data-testid="wish-location"][data-state="found"]').waitFor();
    const overflow = await phone.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(phone, "phone-wish-post.png");
    await phone.getByTestId("wish-submit").click();
    await phone.getByTestId("wish-notice").waitFor();
    const card = phone.locator('[data-testid="wish-card"][data-status="open"]', { hasText: "想要一副老花镜" });
    await card.waitFor();
    const wishID = (await card.getAttribute("data-wish"))!;
    expect(wishID).toMatch(/^wish_/);

    // ─── the demo cadre finds it among the open wishes and claims it ───
    const cadre = await person("login-jianyang-cadre");
    await cadre.page.goto(`${stack.api.origin}/d/jianyang/wishes`);
    const open = cadre.page.locator(`[data-testid="wish-card"][data-wish="${wishID}"]`);
    await open.waitFor();
    await open.getByTestId("wish-claim").click();
    await cadre.page.getByTestId("wish-notice").waitFor();
    await cadre.page.getByTestId("wish-tab-claimed").click();
    await cadre.page.locator(`[data-testid="wish-card"][data-wish="${wishID}"][data-status="claimed"]`).waitFor();
    await shot(cadre.page, "desktop-wish-claimed.png");

    // ─── the resident sees it claimed ───
    await phone.goto(`${stack.api.origin}/d/jianyang/wishes?tab=mine`);
    const claimed = phone.locator(`[data-testid="wish-card"][data-wish="${wishID}"][data-status="claimed"]`);
    await claimed.waitFor();
    expect(await claimed.getByTestId("wish-status").textContent()).toContain("已认领");
    await shot(phone, "phone-wish-claimed.png");
    expect([...resident.errors, ...cadre.errors]).toEqual([]);
    await Promise.all([resident.context.close(), cadre.context.close()]);
  });
});
