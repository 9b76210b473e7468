import type { Browser, BrowserContextOptions } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As } from "../../scripts/test/api.ts";
import { connectBrowser, screenshot, signIn, startPortal } from "./harness.ts";

/**
 * The bell, in Chromium on a phone (390×844) and a desktop (1440×900), against the real API on
 * the seeded base: a grid worker is told of a new ticket in their grid, by its category and
 * place; the panel stays inside the screen; the notice opens the ticket. The visual check of
 * issue 17: the panel's box is measured against the viewport, not eyeballed.
 */

let stack: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;

beforeAll(async () => {
  stack = await startPortal({ seedGrids: true });
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const screens: [string, BrowserContextOptions][] = [
  ["phone", { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true }],
  ["desktop", { viewport: { width: 1440, height: 900 } }],
];

describe("notifications", () => {
  for (const [name, options] of screens)
    it(`on a ${name}: a grid worker is told of a new ticket in their grid, the panel stays on screen, and the notice opens the ticket`, async () => {
      const api = stack.api;
      // The demo places the worker on the grid at Jianyang's centre: a resident reports there.
      const description = `${name} 路口垃圾桶倒了，没人清理`;
      const created = await api.call("POST", "/tickets", {
        as: As.jianyangResident,
        body: { categoryKey: "garbage", description, lon: 118.12, lat: 27.33, address: "童游街道 1 号" },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const ticketID = created.body.ticket.ticketID as string;

      const worker = await signIn(browser, api.origin, "login-jianyang-worker", options);
      const page = worker.page;
      await page.getByTestId("notifications-count").waitFor();
      await page.getByTestId("notifications").click();
      const panel = page.getByTestId("notifications-panel");
      const first = panel.getByTestId("notification-item").first();
      await first.waitFor();
      await screenshot(page, `notifications-${name}.png`, false);

      const box = await panel.boundingBox();
      const viewport = options.viewport!;
      expect(box).not.toBeNull();
      expect(box!.x, "left edge").toBeGreaterThanOrEqual(0);
      expect(box!.y, "top edge").toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, "right edge").toBeLessThanOrEqual(viewport.width);
      expect(box!.y + box!.height, "bottom edge").toBeLessThanOrEqual(viewport.height);
      // Nothing of the page scrolls sideways because of it.
      expect(await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth")).toBeLessThanOrEqual(0);

      const notice = panel.locator(`[data-testid="notification-item"][href$="/tickets/${ticketID}"]`);
      await expect.poll(() => notice.count()).toBe(1);
      expect(await notice.getAttribute("data-kind")).toBe("collect");
      const text = (await notice.textContent()) ?? "";
      expect(text).toContain("新上报待受理");
      expect(text).toContain("垃圾堆放");
      expect(text).toContain("童游街道 1 号");
      expect(text).toContain("本网格");

      await notice.click();
      await page.waitForURL(`**/d/jianyang/tickets/${ticketID}`);
      await page.locator('[data-testid="ticket-view"][data-state="collected"]').waitFor();
      expect((await page.getByTestId("ticket-description-text").textContent())?.trim()).toBe(description);
      expect(await page.getByTestId("notifications-panel").count()).toBe(0);
      expect(worker.errors).toEqual([]);
      await worker.context.close();
    });
});
