import { Grid, withActor } from "@wangge/core";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectBrowser, signInAt, startPortal } from "./harness.ts";

/**
 * Names, not ids, in Chromium against the real API seeded with Jianyang's 3,861 demo grids: an
 * admin invites a grid worker by typing a grid's code into the grid select, and the audit trail
 * says so in Chinese.
 */

let stack: Awaited<ReturnType<typeof startPortal>>;
let browser: BrowserContext;
let connection: Browser;

beforeAll(async () => {
  stack = await startPortal({ seedGrids: true });
  // One context for the file's pages, as a browser profile of its own would be.
  connection = await connectBrowser();
  browser = await connection.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
});

afterAll(async () => {
  await connection?.close();
  await stack?.close();
});

describe("names, not ids", () => {
  it("an admin invites a grid worker by typing a grid's code, and the audit trail says who was invited", async () => {
    // A third-tier grid of the demo, as the map shows it: by its code.
    const grid = await withActor(
      { type: "system", tenantID: "jianyang" },
      async () => (await Grid.search({ q: "", tier: 3, limit: 1 })).items[0],
    );
    expect(grid.code).toMatch(/^JY-/);

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signInAt(page, stack.api.origin, "login-jianyang-admin");
    await page.getByTestId("district-name").waitFor();
    await page.goto(`${stack.api.origin}/d/jianyang/settings/users`);
    await page.getByTestId("settings-users").waitFor();
    await page.getByTestId("user-invite").click();
    await page.getByTestId("invite-name").fill("陈一诺");
    await page.getByTestId("invite-phone").fill("13955550123");
    await page.getByTestId("invite-role").selectOption("grid_worker");

    const select = page.getByTestId("invite-grid");
    await select.click();
    await select.pressSequentially(grid.code);
    const option = page.locator(`[data-testid="invite-grid-option"][data-grid="${grid.gridID}"]`);
    await option.waitFor();
    // The best match first: name · code · tier in the district's words.
    expect(await page.getByTestId("invite-grid-option").first().getAttribute("data-grid")).toBe(grid.gridID);
    expect(await option.textContent()).toContain(grid.name);
    expect(await option.textContent()).toContain("三级网格");
    await select.press("Enter");
    expect(await select.inputValue()).toBe(`${grid.name} · ${grid.code}`);
    await page.getByTestId("invite-submit").click();
    await page.locator('[data-testid^="user-row-"]', { hasText: "陈一诺" }).first().waitFor();

    const invited = await stack.api.call("GET", "/users?limit=200", { as: { userID: "admin", tenantID: "jianyang" } });
    expect(invited.body.items.find((user: { name: string }) => user.name === "陈一诺")).toMatchObject({
      roles: ["grid_worker"],
      gridID: grid.gridID,
    });

    await page.goto(`${stack.api.origin}/d/jianyang/settings/audit`);
    const first = page.getByTestId("audit-event").first();
    await first.waitFor();
    expect(await first.textContent()).toContain("邀请了 网格员 陈一诺");
    expect(await first.textContent()).not.toContain("user.invited");
    expect(errors).toEqual([]);
  });
});
