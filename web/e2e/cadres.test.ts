import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As } from "../../scripts/test/api.ts";
import { connectBrowser, phoneSized, screenshot, signIn, startPortal } from "./harness.ts";

/**
 * Cadre secondment (常态化下沉) end to end in headless Chromium against the real API and
 * DynamoDB Local: the demo cadre, assigned to a third-level grid, logs a visit from a phone and
 * sees it in their ledger; the district admin sees which grids have assistants, opens the
 * cadre's ledger, finds the visit there and records the month's evaluation, which the cadre sees.
 */

let stack: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;
let gridName: string;

const square = (x: number, y: number, size: number) => {
  const [a, b, c, d] = [118.6 + x, 27.8 + y, 118.6 + x + size, 27.8 + y + size];
  return {
    type: "Polygon",
    coordinates: [
      [
        [a, b],
        [c, b],
        [c, d],
        [a, d],
        [a, b],
      ],
    ],
  };
};

beforeAll(async () => {
  stack = await startPortal();
  const api = stack.api;
  const admin = { as: As.jianyangAdmin };
  const grid = async (body: Record<string, unknown>) => {
    const response = await api.call("POST", "/grids", { ...admin, body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { gridID: string; name: string };
  };
  const community = await grid({ code: "E2E-C", name: "下沉演示社区", tier: 1, boundary: square(0, 0, 0.02) });
  const block = await grid({
    code: "E2E-C-1",
    name: "下沉演示二级网格",
    tier: 2,
    parentID: community.gridID,
    boundary: square(0, 0, 0.02),
  });
  const covered = await grid({ code: "E2E-C-1-1", name: "书坊一区", tier: 3, parentID: block.gridID, boundary: square(0, 0, 0.01) });
  await grid({ code: "E2E-C-1-2", name: "书坊二区", tier: 3, parentID: block.gridID, boundary: square(0.01, 0, 0.01) });
  gridName = covered.name;
  const unit = await api.call("POST", "/home-units", { ...admin, body: { name: "区财政局" } });
  expect(unit.status).toBe(201);
  const assigned = await api.call("POST", "/cadres", {
    ...admin,
    body: {
      name: "刘志明",
      phone: "13900000007",
      unitID: unit.body.unitID,
      gridID: covered.gridID,
      userID: "cadre",
      from: "2022-03-01",
      to: "2030-12-31",
    },
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const person = (testID: string, options: BrowserContextOptions = {}) => signIn(browser, stack.api.origin, testID, options);

const shot = (page: Page, name: string, fullPage = false) => screenshot(page, name, fullPage);

describe("cadre secondment and the two-way ledger", () => {
  it("the demo cadre logs a visit from a phone; the admin finds it in the cadre's ledger and evaluates the month", async () => {
    const note = `走访书坊一区独居老人，登记用水困难 ${Date.now()}`;
    // ─── the cadre, on a phone ───
    const cadre = await person("login-jianyang-cadre", phoneSized);
    const phone = cadre.page;
    await phone.getByTestId("open-mechanism-cadreSecondment").click();
    await phone.waitForURL(/\/d\/jianyang\/cadres$/);
    expect(await phone.getByTestId("my-grid").textContent()).toBe(gridName);
    await phone.getByTestId("ledger-kind").selectOption("visit");
    await phone.getByTestId("ledger-hours").fill("1.5");
    await phone.getByTestId("ledger-notes").fill(note);
    const overflow = await phone.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(phone, "phone-cadre-ledger.png", true);
    await phone.getByTestId("ledger-submit").click();
    await phone.getByTestId("ledger-saved").waitFor();
    const mine = phone.locator('[data-testid="ledger-entry"][data-kind="visit"]', { hasText: note });
    await mine.waitFor();
    expect(await mine.textContent()).toContain("1.5");
    expect(await phone.getByTestId("ledger-notes").inputValue()).toBe("");

    // ─── the district admin ───
    const admin = await person("login-jianyang-admin");
    const desk = admin.page;
    await desk.getByTestId("open-mechanism-cadreSecondment").click();
    await desk.waitForURL(/\/d\/jianyang\/cadres$/);
    await desk.getByTestId("coverage-summary").waitFor();
    expect(await desk.getByTestId("coverage-summary").textContent()).toContain("1 个有网格助理，1 个没有");
    await desk.locator('[data-testid="cadre-row"][data-user="cadre"]').click();
    await desk.waitForURL(/\/d\/jianyang\/cadres\/cadre_[^/]+$/);
    await desk.locator('[data-testid="ledger-entry"]', { hasText: note }).waitFor();
    await desk.getByTestId("open-evaluation").click();
    await desk.getByTestId("evaluation-grade").selectOption("excellent");
    await desk.getByTestId("evaluation-comment").fill("入户走访扎实");
    await desk.getByTestId("evaluation-submit").click();
    await desk.locator('[data-testid="evaluation"][data-grade="excellent"]').waitFor();
    await shot(desk, "desk-cadre-ledger.png", true);

    // ─── the cadre sees the evaluation ───
    await phone.reload();
    await phone.locator('[data-testid="evaluation"][data-grade="excellent"]', { hasText: "入户走访扎实" }).waitFor();

    expect(cadre.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
    await cadre.context.close();
    await admin.context.close();
  });
});
