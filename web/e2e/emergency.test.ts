import { UserEntity } from "@wangge/core/user/user.entity";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As } from "../../scripts/test/api.ts";
import { connectBrowser, screenshot, signIn, startPortal } from "./harness.ts";

/**
 * The normal/emergency switch (平急切换) end to end in headless Chromium against the real API:
 * the admin switches the district to emergency mode (the banner appears), issues a round to
 * the demo worker's grid, the worker reports it done from a phone, the admin's live board
 * shows 100%, and the admin switches back to normal (the banner goes).
 */

let stack: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;
let gridID: string;

beforeAll(async () => {
  stack = await startPortal();
  const grid = await stack.api.call("POST", "/grids", {
    as: As.jianyangAdmin,
    body: {
      code: "QX-01",
      name: "七贤第一网格",
      tier: 1,
      boundary: {
        type: "Polygon",
        coordinates: [
          [
            [118.1, 27.3],
            [118.14, 27.3],
            [118.14, 27.34],
            [118.1, 27.34],
            [118.1, 27.3],
          ],
        ],
      },
    },
  });
  expect(grid.status).toBe(201);
  gridID = grid.body.gridID;
  await UserEntity.patch({ tenantID: "jianyang", userID: "worker" }).set({ gridID }).go();
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

const person = (testID: string, viewport = { width: 1280, height: 800 }): Promise<Person> =>
  signIn(browser, stack.api.origin, testID, { viewport });

const shot = (page: Page, name: string) => screenshot(page, name);

describe("the normal/emergency switch", () => {
  it("an admin switches to emergency mode, issues a round, the grid reports it done, the board shows 100%, and back to normal", async () => {
    const admin = await person("login-jianyang-admin");
    const page = admin.page;
    await page.goto(`${stack.api.origin}/d/jianyang/emergency`);
    await page.locator('[data-testid="emergency-mode"][data-mode="normal"]').waitFor();
    expect(await page.getByTestId("emergency-banner").count()).toBe(0);

    // The switch asks for a reason, then for confirmation.
    await page.getByTestId("emergency-switch-submit").click();
    await page.locator(".field-error").first().waitFor();
    await page.getByTestId("emergency-reason").fill("本土疫情防控：全区进入应急状态");
    await page.getByTestId("emergency-switch-submit").click();
    await page.getByTestId("emergency-confirm").waitFor();
    await page.getByTestId("emergency-confirm-submit").click();
    await page.locator('[data-testid="emergency-mode"][data-mode="emergency"]').waitFor();
    await page.getByTestId("emergency-banner").waitFor();
    expect(await page.getByTestId("emergency-banner-text").textContent()).toContain("本土疫情防控");

    // A round to the worker's grid, with a two-item checklist.
    await page.getByTestId("emergency-new-round").click();
    await page.getByTestId("round-title").fill("第3轮全员核酸检测");
    await page.getByTestId("round-scope-risk_area").check();
    await page.locator(`[data-testid="grid-pick"][data-grid="${gridID}"]`).check();
    await page.getByTestId("round-checklist").fill("设置采样点\n组织居民采样");
    await page.getByTestId("round-submit").click();
    await page.getByTestId("emergency-board").waitFor();
    await page.locator('[data-testid="board-percentage"]', { hasText: "0%" }).waitFor();
    expect(await page.getByTestId("board-total").textContent()).toBe("1");
    await shot(page, "emergency-admin.png");

    // The worker sees the banner on every page and the task first on the emergency page (on a phone).
    const worker = await person("login-jianyang-worker", { width: 375, height: 740 });
    await worker.page.getByTestId("emergency-banner").waitFor();
    await worker.page.goto(`${stack.api.origin}/d/jianyang/emergency`);
    const task = worker.page.getByTestId("emergency-task");
    await task.waitFor();
    expect(await task.locator(".emergency-task-title").textContent()).toBe("第3轮全员核酸检测");
    const ticks = task.getByTestId("emergency-tick");
    expect(await ticks.count()).toBe(2);
    await ticks.nth(0).check();
    await ticks.nth(1).check();
    await task.locator("textarea").fill("采样点设在小区南门，已全部完成");
    await task.getByTestId("emergency-report").click();
    await worker.page.getByTestId("emergency-mine-notice").waitFor();
    await expect.poll(() => worker.page.getByTestId("emergency-task").count(), { timeout: 15_000 }).toBe(0);
    await shot(worker.page, "emergency-worker.png");

    // The admin's board: 100%, the grid done.
    await page.reload();
    await page.locator('[data-testid="board-percentage"]', { hasText: "100%" }).waitFor();
    expect(await page.locator('[data-testid="board-grid"][data-status="done"]').count()).toBe(1);

    // Back to normal: the banner goes.
    await page.getByTestId("emergency-reason").fill("疫情解除，恢复常态");
    await page.getByTestId("emergency-switch-submit").click();
    await page.getByTestId("emergency-confirm-submit").click();
    await page.locator('[data-testid="emergency-mode"][data-mode="normal"]').waitFor();
    await page.getByTestId("emergency-banner").waitFor({ state: "detached" });
    expect((await stack.api.call("GET", "/emergency/mode", { as: As.jianyangWorker })).body).toMatchObject({ mode: "normal", version: 2 });

    expect(admin.errors).toEqual([]);
    expect(worker.errors).toEqual([]);
    await admin.context.close();
    await worker.context.close();
  });
});
