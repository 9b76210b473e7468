import { Register, withActor } from "@wangge/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectBrowser, screenshot, signIn, startPortal } from "./harness.ts";

/**
 * The grid register (数据平台) end to end in headless Chromium against the real API and DynamoDB
 * Local, on Jianyang's demo grids: the demo grid worker (on the grid at the district's centre)
 * adds a house, opens a household and adds a person; finds them by name with the ID number
 * masked; reveals it with a purpose; the district admin reads that reveal in the access log. Then
 * the command map, on a phone, draws a few dozen houses as clusters, each grid's count on it, a
 * running emergency round per grid, and goes a tier down and back, without an error.
 */

let stack: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;

const CENTRE = { longitude: 118.12, latitude: 27.33 };

/** A valid resident ID number of a fictitious person (GB 11643 check character), unique per run. */
function fictitiousID(): string {
  const first17 = `350721${1960 + Math.floor(Math.random() * 40)}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 10)}${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;
  return first17 + Register.residentIDCheck(first17);
}

beforeAll(async () => {
  stack = await startPortal({ seedGrids: true });
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe("the grid register", () => {
  it("a grid worker registers a person and reveals their ID number with a purpose; the district admin sees the reading in the access log", async () => {
    const worker = await signIn(browser, stack.api.origin, "login-jianyang-worker", {
      geolocation: CENTRE,
      permissions: ["geolocation"],
    });
    const page = worker.page;
    await page.getByTestId("open-mechanism-register").click();
    await page.getByTestId("registry-page").waitFor();

    // ─── a house at the worker's position, and a household in it ───
    const address = `桃园路 ${Date.now() % 100_000} 号`;
    await page.getByTestId("registry-tab-houses").click();
    await page.getByTestId("registry-add-houses").click();
    await page.getByTestId("house-address").fill(address);
    await page.getByTestId("use-my-position").click();
    await page.getByTestId("registry-point-grid").waitFor();
    await page.getByTestId("house-form-submit").click();
    await page.getByTestId("registry-notice").waitFor();
    const house = page.locator('[data-testid="registry-house"]', { hasText: address });
    await house.getByTestId("registry-open-household").click();
    await page.locator('[data-testid="registry-house"]', { hasText: address }).filter({ hasText: "1 户" }).waitFor();

    // ─── a person in that household, the ID number checked as typed ───
    const idNumber = fictitiousID();
    const name = `林测${String.fromCharCode(0x4e00 + (Date.now() % 500))}`;
    await page.getByTestId("registry-tab-people").click();
    await page.getByTestId("registry-add-people").click();
    await page.getByTestId("person-name").fill(name);
    await page.getByTestId("person-id").fill(idNumber);
    await page.getByText(/^出生日期 \d{4}-\d{2}-\d{2}，[男女]$/).waitFor();
    // The household is found by a part of its address, within the worker's grid.
    await page.getByTestId("person-household-search").fill(address.slice(4));
    await page.locator('[data-testid="person-household-option"]', { hasText: address }).click();
    await page.locator('[data-testid="person-household-chosen"]', { hasText: address }).waitFor();
    await page.getByTestId("person-relation").fill("户主");
    await page.getByTestId("person-tag-elderly_alone").check();
    await page.getByTestId("person-form-submit").click();
    await page.getByTestId("registry-notice").waitFor();

    // ─── found by name, masked ───
    await page.getByTestId("registry-search").fill(name);
    await page.getByTestId("registry-search-submit").click();
    const row = page.locator('[data-testid="registry-person"]', { hasText: name });
    await row.waitFor();
    const masked = await row.getByTestId("registry-person-id").textContent();
    expect(masked).toBe(`${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`);
    expect(await row.textContent()).not.toContain(idNumber);
    expect(await row.textContent()).toContain("独居老人");

    // ─── revealed with a purpose ───
    await row.getByTestId("registry-person-link").click();
    await page.getByTestId("record").waitFor();
    await page.getByTestId("record-reveal-idNumber").click();
    await page.getByTestId("reveal-purpose").fill("核实独居老人走访登记");
    await page.getByTestId("reveal-submit").click();
    expect(await page.getByTestId("reveal-value").textContent()).toBe(idNumber);
    await screenshot(page, "desktop-register-reveal.png");

    // ─── the district admin reads it in the access log ───
    const admin = await signIn(browser, stack.api.origin, "login-jianyang-admin");
    await admin.page.goto(`${stack.api.origin}/d/jianyang/registry/access-log`);
    const entry = admin.page.locator('[data-testid="access-entry"]', { hasText: "核实独居老人走访登记" });
    await entry.waitFor();
    expect(await entry.getByTestId("access-entry-record").textContent()).toContain(name);
    expect(await entry.getByTestId("access-entry-field").textContent()).toContain("身份证号");
    expect([...worker.errors, ...admin.errors]).toEqual([]);
    await Promise.all([worker.context.close(), admin.context.close()]);
  });

  it("the command map draws many houses as clusters with counts on a phone, without an error", async () => {
    // Forty houses a few metres apart around the centre, added through the register's own function.
    const centre = await withActor({ type: "system", tenantID: "jianyang" }, async () =>
      (await import("@wangge/core")).Grid.locate({ lon: CENTRE.longitude, lat: CENTRE.latitude }),
    );
    const staff = {
      type: "user" as const,
      userID: "worker",
      tenantID: "jianyang",
      roles: ["grid_worker" as const],
      gridID: centre.grid.gridID,
    };
    await withActor(staff, async () => {
      for (let index = 0; index < 40; index++)
        await Register.createHouse({
          address: `桃园新村 ${index + 1} 栋`,
          kind: "residential",
          lon: CENTRE.longitude + (index % 8) * 0.00003,
          lat: CENTRE.latitude + Math.floor(index / 8) * 0.00003,
        });
    });
    // A district-wide emergency round (this file's own copy of the demo): one first-tier grid has reported it done.
    const { Emergency } = await import("@wangge/core");
    const reported = await withActor({ type: "system", tenantID: "jianyang" }, async () => {
      await Emergency.setMode({ mode: "emergency", scope: "district", reason: "演练" });
      const task = await Emergency.createTask({ title: "第1轮入户排查", scope: "district", checklist: ["通知到户", "排查登记"] });
      const [first] = (await Emergency.getBoard({ taskID: task.taskID })).grids;
      await Emergency.reportTask({ taskID: task.taskID, gridID: first.gridID, ticks: [true, true] });
      return first.name;
    });
    const leader = await signIn(browser, stack.api.origin, "login-jianyang-admin", {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      hasTouch: true,
    });
    const failures: string[] = [];
    leader.page.on("response", (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    await leader.page.goto(`${stack.api.origin}/d/jianyang/command`);
    await leader.page.locator('[data-testid="command-map"][data-status="ready"]').waitFor();
    const cluster = leader.page.getByTestId("command-cluster").first();
    await cluster.waitFor();
    expect(Number(await cluster.textContent())).toBeGreaterThan(1);
    await leader.page.getByTestId("command-counts").waitFor();
    await leader.page.getByTestId("command-legend").waitFor();
    // The round's progress: over the panel, and per grid (the one that reported, done).
    await leader.page.getByTestId("command-round").waitFor();
    await leader.page.getByTestId("command-show-all").click();
    await leader.page
      .locator('[data-testid="command-count-row"]', { hasText: reported })
      .getByTestId("command-round-value")
      .filter({ hasText: "已完成" })
      .first()
      .waitFor();
    await screenshot(leader.page, "phone-command-map-round.png", false);
    // Each grid's count is drawn on the map; a grid's row goes one tier down, the breadcrumb back up.
    await leader.page.getByTestId("command-grid-badge").first().waitFor();
    const rows = leader.page.getByTestId("command-count-row");
    const firstTier = await rows.count();
    expect(firstTier).toBeGreaterThan(1);
    await rows.first().getByTestId("command-drill").click();
    await leader.page.getByTestId("command-crumb").waitFor();
    const rowCount = `document.querySelectorAll('[data-testid="command-count-row"]').length`;
    await leader.page.waitForFunction(`${rowCount} > 0 && ${rowCount} !== ${firstTier}`);
    await leader.page.getByTestId("command-grid-badge").first().waitFor();
    await screenshot(leader.page, "phone-command-map-tier2.png");
    await leader.page.getByTestId("command-crumb-top").click();
    // Back up, the panel lists the first 20 again (显示全部 is per tier).
    await leader.page.waitForFunction(`${rowCount} === ${Math.min(firstTier, 20)}`);
    await leader.page.getByTestId("command-grid-badge").first().waitFor();
    const overflow = await leader.page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(leader.page, "phone-command-map.png");
    expect(leader.errors).toEqual([]);
    expect(failures).toEqual([]);
    await leader.context.close();
  });
});
