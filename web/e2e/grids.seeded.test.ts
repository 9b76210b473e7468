import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectBrowser, startPortal, signInOnce } from "./harness.ts";
import { onePixelPng } from "@wangge/core/ticket/images.test-support";

/**
 * The grid map in headless Chromium against the real API seeded with Jianyang's 3,861 demo
 * grids and their people: the tree, the map (Leaflet on canvas), the panel and the coverage check.
 */

let stack: Awaited<ReturnType<typeof startPortal>>;
let api: typeof stack.api;
let browser: BrowserContext;
let connection: Browser;

beforeAll(async () => {
  stack = await startPortal({ seedGrids: true });
  api = stack.api;
  // One context for the file's pages, as a browser profile of its own would be.
  connection = await connectBrowser();
  browser = await connection.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
});

afterAll(async () => {
  await connection?.close();
  await stack?.close();
});

/** The file's pages share one context: the account's first page signs in, the next ones come back signed in. */
async function signIn(page: Page, testID: string) {
  await signInOnce(page, api.origin, testID);
  await page.getByTestId("district-name").waitFor();
}

const shot = (page: Page, name: string) =>
  process.env.SCREENSHOTS ? page.screenshot({ path: join(process.env.SCREENSHOTS, name) }) : Promise.resolve();

describe("the grid map", () => {
  it("a district admin opens the map, expands the tree, sees a grid's people and checks its coverage", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signIn(page, "login-jianyang-admin");

    await page.getByTestId("nav-grids").click();
    await page.locator('[data-testid="grid-map"][data-state="ready"]').waitFor();
    // Leaflet draws on canvas, not SVG, on a plain background: no tile server is configured.
    // The map is ready before the first grids arrive; their layer's canvas comes with them.
    await page.locator('[data-testid="grid-map"] canvas').first().waitFor();
    expect(await page.locator('[data-testid="grid-map"] svg path').count()).toBe(0);
    expect(await page.locator('[data-testid="grid-map"] .leaflet-tile').count()).toBe(0);

    const tree = page.getByTestId("grid-tree");
    await tree.getByTestId("tree-node-JY-01").waitFor();
    await tree.getByTestId("tree-toggle-JY-01").click();
    await tree.getByTestId("tree-node-JY-01-01").click();

    const panel = page.getByTestId("grid-panel");
    await panel.getByTestId("grid-name").waitFor();
    expect(await panel.textContent()).toContain("JY-01-01");
    await panel.getByTestId("person-row").first().waitFor();
    expect(await panel.getByTestId("person-row").count()).toBeGreaterThanOrEqual(1);
    expect(await panel.textContent()).toContain("二级网格长");

    await panel.getByTestId("check-coverage").click();
    const result = panel.getByTestId("coverage-result");
    await result.waitFor({ timeout: 30_000 });
    // The demo grids tile their parents exactly.
    expect(await result.getAttribute("data-ok")).toBe("true");
    expect(await result.textContent()).toContain("无缝覆盖");

    // The map keeps loading tier by tier meanwhile; let it show some of the second tier.
    await page.waitForFunction(
      `Number((document.querySelector('[data-testid="layer-2"] .legend-count')?.textContent ?? "0").replace(/\\D/g, "")) > 0`,
    );
    await shot(page, "desktop-grid-map.png");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a district admin imports a spreadsheet with WKT boundaries and finds its grids in the tree and on the map", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signIn(page, "login-jianyang-admin");
    const firstTier = () =>
      page.evaluate<number>(
        `Number((document.querySelector('[data-testid="layer-1"] .legend-count')?.textContent ?? "0").replace(/\\D/g, ""))`,
      );
    await page.goto(`${api.origin}/d/jianyang/grids`);
    await page.locator('[data-testid="grid-map"][data-state="ready"]').waitFor();
    await page.getByTestId("tree-node-JY-01").waitFor();
    await page.waitForFunction(`!document.querySelector('[data-testid="layer-1"] .spinner')`);
    const before = await firstTier();
    expect(before).toBeGreaterThan(0);

    // Far from Jianyang's own grids: a new first-tier grid and a child, the child's tier left to its parent.
    const wkt = (w: number, s: number, e: number, n: number) => `"POLYGON((${w} ${s}, ${e} ${s}, ${e} ${n}, ${w} ${n}, ${w} ${s}))"`;
    const sheet = [
      "网格编码,网格名称,上级编码,层级,边界",
      `E2E-01,导入测试街道,,1,${wkt(119.5, 28.5, 119.52, 28.52)}`,
      `E2E-01-01,导入测试社区,E2E-01,,${wkt(119.5, 28.5, 119.51, 28.52)}`,
    ].join("\r\n");
    await page.goto(`${api.origin}/d/jianyang/grids/import`);
    await page.getByTestId("import-samples").waitFor();
    await page.getByTestId("import-file").setInputFiles({ name: "网格.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${sheet}`) });
    await page.getByTestId("column-map").waitFor();
    expect(await page.getByTestId("column-boundary").inputValue()).toBe("4");
    await page.getByTestId("import-submit").click();
    await page.getByTestId("import-done").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("import-done").textContent()).toContain("已写入 2 / 2 个网格");

    await page.goto(`${api.origin}/d/jianyang/grids`);
    await page.locator('[data-testid="grid-map"][data-state="ready"]').waitFor();
    await page.waitForFunction(
      `Number((document.querySelector('[data-testid="layer-1"] .legend-count')?.textContent ?? "0").replace(/\\D/g, "")) === ${before + 1}`,
    );
    const tree = page.getByTestId("grid-tree");
    await tree.getByTestId("tree-toggle-E2E-01").click();
    await tree.getByTestId("tree-node-E2E-01-01").click();
    const panel = page.getByTestId("grid-panel");
    await panel.getByTestId("grid-name").waitFor();
    expect(await panel.getByTestId("grid-name").textContent()).toContain("导入测试社区");
    expect(await panel.textContent()).toContain("E2E-01-01");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("works on a phone: the map on top, the details below, no sideways scrolling", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn(page, "login-jianyang-admin");
    await page.getByTestId("open-grids").click();
    await page.locator('[data-testid="grid-map"][data-state="ready"]').waitFor();
    await page.getByTestId("tree-node-JY-02").click();
    await page.getByTestId("grid-panel").getByTestId("person-row").first().waitFor();
    const map = await page.getByTestId("grid-map").boundingBox();
    const panel = await page.getByTestId("grid-panel").boundingBox();
    expect(map && panel && map.y < panel.y).toBe(true);
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: join(process.env.SCREENSHOTS, "phone-grid-map.png"), fullPage: true });
    await page.close();
  });

  it("draws the district's own tile layer, with its attribution, when one is configured", async () => {
    const page = await browser.newPage();
    const png = onePixelPng();
    await page.route("https://tiles.test/**", (route) => route.fulfill({ status: 200, contentType: "image/png", body: png }));
    await page.route("**/api/districts/jianyang", async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.config.map = { ...body.config.map, tileUrl: "https://tiles.test/{z}/{x}/{y}.png", tileAttribution: "© 测试底图" };
      await route.fulfill({ response, json: body });
    });
    await signIn(page, "login-jianyang-admin");
    await page.getByTestId("open-grids").click();
    await page.locator('[data-testid="grid-map"][data-state="ready"]').waitFor();
    await page.locator('[data-testid="grid-map"] .leaflet-tile-loaded').first().waitFor();
    expect(await page.locator('[data-testid="grid-map"] .leaflet-control-attribution').textContent()).toContain("© 测试底图");
    await page.close();
  });
});
