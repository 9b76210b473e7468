import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As } from "../../scripts/test/api.ts";
import { connectBrowser, signInAt, startPortal } from "./harness.ts";

/**
 * "Is it already reported?" and the offline base map, in headless Chromium against the real API
 * and Jianyang's seeded grids: with no tile service the report map names the first-tier grids;
 * a resident who sets the pin where someone else's report is open sees it on the map and in the
 * list, and opens it from there.
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

/** The centre of the first first-tier grid, which the API places in a grid. */
async function pointInside(): Promise<{ lon: number; lat: number }> {
  const first = await stack.api.call("GET", "/grids?tier=1&limit=1", { as: As.jianyangAdmin });
  const [minLon, minLat, maxLon, maxLat] = first.body.items[0].bbox as number[];
  const centre = { lon: Number(((minLon + maxLon) / 2).toFixed(6)), lat: Number(((minLat + maxLat) / 2).toFixed(6)) };
  expect((await stack.api.call("GET", `/grids/locate?lon=${centre.lon}&lat=${centre.lat}`, { as: As.jianyangResident })).status).toBe(200);
  return centre;
}

describe("before reporting", () => {
  it("shows grid names on a map without tiles, and lists someone else's open report near the pin with a link to it", async () => {
    const { api } = stack;
    const config = (await api.call("GET", "/config", { as: As.jianyangAdmin })).body;
    expect(config.map.tileUrl).toBeNull();

    const point = await pointInside();
    /** The first-tier grid the pin is in. */
    const home = (await api.call("GET", `/grids/locate?lon=${point.lon}&lat=${point.lat}`, { as: As.jianyangResident })).body.ancestors[0]
      .name as string;
    const reported = await api.call("POST", "/tickets", {
      as: As.jianyangWorker,
      body: { categoryKey: "street_light", description: "路口的路灯坏了三天", lon: point.lon + 0.0005, lat: point.lat },
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    const ticketID = reported.body.ticket.ticketID as string;

    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      hasTouch: true,
      locale: "zh-CN",
      geolocation: { longitude: point.lon, latitude: point.lat, accuracy: 10 },
      permissions: ["geolocation"],
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signInAt(page, api.origin, "login-jianyang-resident");
    await page.getByTestId("district-name").waitFor();
    await page.goto(`${api.origin}/d/jianyang/tickets/new`);
    await page.locator('[data-testid="ticket-map"][data-state="ready"]').waitFor();

    expect(await page.locator('[data-testid="ticket-map"] .leaflet-tile').count()).toBe(0);
    // The pin at the resident's position: the open report 50 m away is on the map and in the list.
    await page.getByTestId("use-my-position").click();
    await page.locator('[data-testid="ticket-location"][data-state="found"]').waitFor();
    const item = page.locator(`[data-testid="nearby-item"][data-ticket="${ticketID}"]`);
    await item.waitFor();
    expect(await page.getByTestId("nearby-count").textContent()).toMatch(/附近 300 米内已有 \d+ 个未办结的问题/);
    expect(await item.textContent()).toContain("路灯损坏");
    expect(await item.textContent()).toContain("路口的路灯坏了三天");
    expect(await item.getAttribute("href")).toBe(`/d/jianyang/tickets/${ticketID}`);
    await page.locator(`[data-testid="nearby-marker"][data-ticket="${ticketID}"]`).waitFor();

    // No tile service: the offline base map names the first-tier grid the map is zoomed into.
    const label = page.locator('[data-testid="ticket-map"] [data-testid="grid-label"]', { hasText: home });
    await label.waitFor();
    const labels = await page.locator('[data-testid="ticket-map"] [data-testid="grid-label"]').allTextContents();
    expect(labels).toContain(home);
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);

    await item.click();
    await page.waitForURL(`${api.origin}/d/jianyang/tickets/${ticketID}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
