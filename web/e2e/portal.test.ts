import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectBrowser, startPortal, signInAt } from "./harness.ts";

/**
 * The built portal in headless Chromium against the real API (local mode), DynamoDB Local
 * and s3rver: a person signs in with the demo login and sees their district's home.
 */

let stack: Awaited<ReturnType<typeof startPortal>>;
let api: typeof stack.api;
let browser: BrowserContext;
let connection: Browser;

beforeAll(async () => {
  stack = await startPortal();
  api = stack.api;
  // One context for the file's pages, as a browser profile of its own would be.
  connection = await connectBrowser();
  browser = await connection.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
});

afterAll(async () => {
  await connection?.close();
  await stack?.close();
});

async function signIn(page: Page, testID: string) {
  await signInAt(page, api.origin, testID);
}

describe("the portal", () => {
  it("a district admin signs in with the demo login and sees the district home", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signIn(page, "login-jianyang-admin");
    const heading = page.getByTestId("district-name");
    await heading.waitFor();
    expect(await heading.textContent()).toContain("建阳区");
    const body = await page.textContent("body");
    for (const text of ["一级网格", "二级网格", "三级网格", "网格助理"]) expect(body).toContain(text);

    await page.getByTestId("lang-switch").click();
    await page.getByText("Jianyang District").first().waitFor();
    expect(await heading.textContent()).toContain("Jianyang District");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("works on a phone: no sideways scrolling on a 375 px screen", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn(page, "login-jianyang-resident");
    await page.getByTestId("district-name").waitFor();
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: join(process.env.SCREENSHOTS, "phone-district-home.png"), fullPage: true });
    await page.close();
  });

  it("a provincial admin sees the province's districts, and signing out returns to the login", async () => {
    const page = await browser.newPage();
    await signIn(page, "login-platform-fujian-admin");
    await page.getByText("延平区").first().waitFor();
    expect(await page.textContent("body")).toContain("建阳区");
    // Opening a district's pages asks the API only for what a provincial admin may read (no 4xx):
    // its overview, and on its own working pages a notice that points to the comparison.
    const refused: string[] = [];
    page.on("response", (response) => {
      if (response.url().includes("/api/") && response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${api.origin}/d/jianyang`);
    await page.getByTestId("district-name").waitFor();
    for (const path of ["/d/jianyang/tickets", "/d/jianyang/dashboard", "/d/jianyang/grids", "/d/jianyang/wishes"]) {
      await page.goto(`${api.origin}${path}`);
      await page.getByTestId("visitor-home").waitFor();
      await page.waitForLoadState("networkidle");
      expect(await page.getByTestId("visitor-home").getAttribute("href")).toBe("/compare");
    }
    expect(refused).toEqual([]);
    await page.getByTestId("sign-out").click();
    // Signed out at the provider too (its end-session endpoint), and back on the login page.
    await page.waitForURL(`${api.origin}/login`);
    await page.getByTestId("sign-in").waitFor();
    expect(await page.evaluate<string | null>("localStorage.getItem('wangge.token')")).toBeNull();
    await page.close();
  });
});
