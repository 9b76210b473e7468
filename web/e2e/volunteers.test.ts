import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As } from "../../scripts/test/api.ts";
import { connectBrowser, phoneSized, screenshot, signIn, startPortal } from "./harness.ts";

/**
 * Volunteers (志愿服务 1+X) end to end in headless Chromium against the real API: a grid leader,
 * on a phone, opens the volunteer page from the district home, sets up a team on a grid chosen
 * tier by tier, records an activity, and sees the figures and the lists; a resident sees the
 * same figures and no forms.
 */

let stack: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;

beforeAll(async () => {
  stack = await startPortal();
  const grid = await stack.api.call("POST", "/grids", {
    as: As.jianyangAdmin,
    body: {
      code: "QX",
      name: "七贤社区网格",
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
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const person = (testID: string) => signIn(browser, stack.api.origin, testID, phoneSized);

const shot = (page: Page, name: string) => screenshot(page, name);
const figure = (page: Page, key: string) => page.getByTestId(`figure-${key}`).locator("dd").textContent();

describe("volunteers", () => {
  it("a grid leader sets up a team and records an activity from a phone; a resident sees the figures", async () => {
    const leader = await person("login-jianyang-leader");
    const page = leader.page;
    await page.getByTestId("open-mechanism-volunteers").click();
    await page.waitForURL(/\/d\/jianyang\/volunteers/);
    await page.getByText("还没有数据。登记队伍、活动后，这里会显示统计。").waitFor();
    await page.getByText("还没有志愿服务队").waitFor();

    // A team on the grid, chosen from the first tier.
    await page.getByTestId("open-team-form").click();
    const team = page.getByTestId("team-form");
    await team.getByLabel("类型").selectOption("security_patrol");
    await team.getByLabel("队伍名称").fill("七贤治安巡逻队");
    await team.getByLabel("队长姓名").fill("林建华");
    await team.getByTestId("grid-picker").fill("七贤社区");
    await team.getByTestId("grid-picker-option").filter({ hasText: "七贤社区网格" }).click();
    await team.getByTestId("team-submit").click();
    await page.locator('[data-testid="team-row"]').filter({ hasText: "七贤治安巡逻队" }).waitFor();
    await page.getByTestId("team-form").waitFor({ state: "detached" });

    // A member, then an activity with the team taking part.
    const row = page.locator('[data-testid="team-row"]').first();
    await row.getByTestId("team-toggle").click();
    await row.getByTestId("open-member-form").click();
    await row.getByLabel("姓名").fill("王秀英");
    await row.getByLabel("手机号").fill("13900001111");
    await row.getByTestId("member-submit").click();
    await row.getByText("13900001111").waitFor();

    await page.getByTestId("open-activity-form").click();
    const activity = page.getByTestId("activity-form");
    await activity.getByLabel("类型").selectOption("health_care");
    await activity.getByLabel("标题").fill("健康义诊进社区");
    await activity.getByLabel("服务人次").fill("86");
    await activity.getByTestId("grid-picker").fill("七贤社区");
    await activity.getByTestId("grid-picker-option").filter({ hasText: "七贤社区网格" }).click();
    await activity.getByLabel("组织单位").fill("区卫健局、七贤社区");
    await activity.getByLabel("参与队伍").selectOption({ label: "七贤治安巡逻队" });
    await activity.getByTestId("activity-submit").click();
    await page.locator('[data-testid="activity-row"]').filter({ hasText: "健康义诊进社区" }).waitFor();
    await page.locator('[data-testid="figure-served"]').filter({ hasText: "86" }).waitFor();
    expect(await figure(page, "teams")).toBe("1");
    expect(await figure(page, "members")).toBe("1");
    expect(await figure(page, "activities")).toBe("1");
    expect(await page.locator('[data-testid="month-bar"]').count()).toBe(12);
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, "phone-volunteers.png");
    expect(leader.errors).toEqual([]);

    const resident = await person("login-jianyang-resident");
    await resident.page.goto(`${stack.api.origin}/d/jianyang/volunteers`);
    await resident.page.locator('[data-testid="figure-served"]').filter({ hasText: "86" }).waitFor();
    await resident.page.locator('[data-testid="team-row"]').filter({ hasText: "七贤治安巡逻队" }).waitFor();
    expect(await resident.page.getByTestId("open-activity-form").count()).toBe(0);
    expect(await resident.page.getByTestId("open-team-form").count()).toBe(0);
    expect(resident.errors).toEqual([]);
  });
});
