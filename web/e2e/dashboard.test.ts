import { join } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, square } from "../../scripts/test/api.ts";
import { connectBrowser, openSignedIn, startPortal } from "./harness.ts";

/**
 * The dashboard (数据看板) and the provincial comparison (省级对比) end to end in headless
 * Chromium against the real API and DynamoDB Local: tickets reported through the API show in
 * Jianyang's headline; Fujian's provincial admin compares Jianyang with Yanping, sorts and
 * downloads the CSV.
 */

let stack: Awaited<ReturnType<typeof startPortal>>;
let api: typeof stack.api;
let browser: Browser;

beforeAll(async () => {
  stack = await startPortal();
  api = stack.api;
  const grid = await api.call("POST", "/grids", {
    as: As.jianyangAdmin,
    body: { code: "D1", name: "看板网格", tier: 1, boundary: square(118.3, 27.5, 0.01) },
  });
  expect(grid.status).toBe(201);
  const ticketIDs: string[] = [];
  for (const description of ["路灯不亮，晚上很黑", "垃圾桶满了没人清"]) {
    const ticket = await api.call("POST", "/tickets", {
      as: As.jianyangResident,
      body: { categoryKey: "garbage", description, lon: 118.305, lat: 27.505 },
    });
    expect(ticket.status).toBe(201);
    ticketIDs.push(ticket.body.ticket.ticketID);
  }
  // One is not accepted (不予立案): closed, so the headline has a closure rate to show.
  const rejected = await api.call("POST", `/tickets/${ticketIDs[0]}/reject`, { as: As.jianyangAdmin, body: { note: "不属于受理范围" } });
  expect(rejected.status).toBe(200);
  browser = await connectBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function signIn(testID: string, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
  return openSignedIn(browser, api.origin, testID, { acceptDownloads: true, ...options });
}

const shot = (page: Page, name: string, fullPage = false) =>
  process.env.SCREENSHOTS ? page.screenshot({ path: join(process.env.SCREENSHOTS, name), fullPage }) : Promise.resolve();

describe("the dashboard and the comparison", () => {
  it("Jianyang's admin sees the headline figures of the tickets reported, the breakdowns and the grid", async () => {
    const { page, errors } = await signIn("login-jianyang-admin");
    await page.getByTestId("district-name").waitFor();
    await page.getByTestId("nav-dashboard").click();
    await page.waitForURL(/\/d\/jianyang\/dashboard$/);
    const headline = page.getByTestId("headline");
    await headline.waitFor();
    expect(await headline.textContent()).toBe("采集推送民生事件2件、办结1件，办结率50.00%");
    expect(await page.getByTestId("metric-grids.tier1").textContent()).toContain("1");
    // The category table and the trend chart (ECharts, loaded with the page) are drawn.
    expect(await page.getByTestId("by-category-garbage").textContent()).toContain("50.00%");
    await page.locator('[data-testid="trend-chart"] canvas').first().waitFor();
    // The grid breakdown lists the first tier, on the map too.
    const row = page.getByTestId("grid-row-D1");
    await row.waitFor();
    expect(await row.textContent()).toContain("看板网格");
    await page.locator('[data-testid="choropleth"] path, [data-testid="choropleth"] canvas').first().waitFor();
    await shot(page, "desktop-dashboard.png", true);

    // Another period without figures says so.
    await page.getByTestId("period-kind-year").click();
    await page.getByTestId("period-year").selectOption("2021");
    await page.getByText("本期还没有数据").waitFor();
    expect(await page.getByTestId("headline").textContent()).toBe("采集推送民生事件0件、办结0件，办结率—");
    expect(errors).toEqual([]);
    await page.context().close();

    // On a phone nothing scrolls the page sideways.
    const phone = await signIn("login-jianyang-admin", { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, hasTouch: true });
    await phone.page.getByTestId("district-name").waitFor();
    await phone.page.goto(`${api.origin}/d/jianyang/dashboard`);
    await phone.page.getByTestId("grid-row-D1").waitFor();
    expect(await phone.page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth")).toBeLessThanOrEqual(0);
    await shot(phone.page, "phone-dashboard.png", true);
    await phone.page.context().close();
  });

  it("Fujian's provincial admin lands on the comparison, sorts it and downloads the CSV", async () => {
    const { page, errors } = await signIn("login-platform-fujian-admin");
    await page.waitForURL(/\/compare$/);
    await page.getByTestId("compare-table").waitFor();
    const districts = () =>
      page.locator('[data-testid^="compare-row-"]').evaluateAll((rows) => rows.map((row) => row.getAttribute("data-testid")));
    expect((await districts()).sort()).toEqual(["compare-row-jianyang", "compare-row-yanping"]);
    expect(await page.getByTestId("compare-row-jianyang").textContent()).toContain("建阳区");
    expect(await page.getByTestId("compare-row-yanping").textContent()).toContain("延平区");
    // Sorted by tickets collected, most first; a click on the header reverses it.
    expect(await districts()).toEqual(["compare-row-jianyang", "compare-row-yanping"]);
    await page.getByTestId("sort-tickets.collected").click();
    expect(await districts()).toEqual(["compare-row-yanping", "compare-row-jianyang"]);
    expect(await page.getByTestId("sort-tickets.collected").locator("xpath=..").getAttribute("aria-sort")).toBe("ascending");
    await shot(page, "desktop-compare.png", true);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
    expect(download.suggestedFilename()).toBe("comparison-fujian-all.csv");
    // Over the connection to the run's browser the download is read as a stream (path() is for a browser launched in process).
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString("utf8");
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^区县,District,网格总数/);
    expect(csv).toContain("建阳区");
    expect(csv).toContain("延平区");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
