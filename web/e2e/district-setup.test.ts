import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeSentBy } from "@wangge/core/identity/one-time-codes.test-support";
import { connectBrowser, phoneSized, screenshot, signInAt, signInByPhone, startPortal } from "./harness.ts";

/**
 * A district configures itself, end to end in headless Chromium against the real API: the
 * operator onboards Guangze (光泽县) in the wizard from the minimal template; its admin signs in
 * by phone, names the two tiers 片区/Block and 楼栋/Building, adds a category of its own and
 * imports its grids; a resident registers, reports a ticket in that category and sees the
 * district's own words; a resident of Jianyang sees none of it.
 */

let stack: Awaited<ReturnType<typeof startPortal>>;
let origin: string;
let browser: Browser;

const SLUG = "guangze";
const ADMIN_PHONE = "13700000071";
const RESIDENT_PHONE = "13900000072";
/** A point inside the building-level grid below. */
const HOME = { longitude: 117.505, latitude: 27.805 };

const square = (minLon: number, minLat: number, maxLon: number, maxLat: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [minLon, minLat],
      [maxLon, minLat],
      [maxLon, maxLat],
      [minLon, maxLat],
      [minLon, minLat],
    ],
  ],
});

/** One 片区 (tier 1) and one 楼栋 (tier 2) inside it. */
const gridFile = JSON.stringify({
  type: "FeatureCollection",
  features: [
    { type: "Feature", properties: { code: "GZ-01", name: "东关片区", tier: 1 }, geometry: square(117.49, 27.79, 117.53, 27.83) },
    {
      type: "Feature",
      properties: { code: "GZ-01-01", name: "东关3号楼", tier: 2, parentCode: "GZ-01" },
      geometry: square(117.5, 27.8, 117.51, 27.81),
    },
  ],
});

beforeAll(async () => {
  stack = await startPortal();
  origin = stack.api.origin;
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function open(options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN", ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors };
}

async function save(page: Page) {
  await page.getByTestId("config-save").click();
  await page.getByTestId("config-saved").waitFor();
}

describe("a district configures itself", () => {
  it("onboarded in the wizard, set up by its admin with its own words, used by a resident; Jianyang is unaffected", async () => {
    // ─── the operator onboards Guangze in the wizard, from the minimal template ───
    const operator = await open();
    await signInAt(operator.page, origin, "login-platform-operator");
    await operator.page.getByTestId("onboard-form").waitFor();
    const wizard = operator.page.getByTestId("onboard-form");
    await wizard.getByLabel("区县名称（中文）").fill("光泽县");
    await wizard.getByLabel("区县名称（英文）").fill("Guangze");
    expect(await wizard.getByLabel("专属链接名").inputValue()).toBe(SLUG);
    await operator.page.getByTestId("wizard-next").click();
    await wizard.getByLabel("所属省份").selectOption("fujian");
    await wizard.getByLabel("所属城市（中文）").fill("南平市");
    await wizard.getByLabel("所属城市（英文）").fill("Nanping");
    await operator.page.getByTestId("wizard-next").click();
    await operator.page.getByTestId("wizard-template-minimal").check();
    await operator.page.getByTestId("template-preview").waitFor();
    expect(await operator.page.getByTestId("preview-tiers").textContent()).toBe("社区网格 › 基础网格");
    await operator.page.getByTestId("wizard-next").click();
    await wizard.getByLabel("姓名").fill("李敏");
    await wizard.getByLabel("手机号").fill(ADMIN_PHONE);
    await operator.page.getByTestId("wizard-next").click();
    await screenshot(operator.page, "desktop-onboard-review.png");
    await operator.page.getByTestId("wizard-submit").click();
    const live = operator.page.getByTestId("onboard-success");
    await live.waitFor();
    expect(await live.textContent()).toContain("光泽县已上线");
    expect(await operator.page.getByTestId("onboard-next-steps").textContent()).toContain(ADMIN_PHONE);
    await operator.page.getByTestId(`district-card-${SLUG}`).waitFor();
    await operator.context.close();

    // ─── its admin opens the district's own sign-in link, signs in by phone and finds the first-run checklist ───
    const admin = await open();
    const page = admin.page;
    await page.goto(`${origin}/d/${SLUG}/login`);
    expect(await page.getByTestId("district-picker").inputValue()).toBe("光泽县");
    expect(await page.getByTestId("login-title").textContent()).toBe("登录光泽县");
    await page.getByTestId("sign-in").click();
    // The provider's page has the district chosen, by name.
    await page.getByTestId("signin-phone").waitFor();
    expect(await page.getByTestId("signin-district").inputValue()).toBe(SLUG);
    expect(await page.getByTestId("signin-district").locator("option:checked").textContent()).toContain("光泽县");
    await signInByPhone(page, SLUG, ADMIN_PHONE);
    await page.getByTestId("district-name").waitFor();
    expect(await page.getByTestId("district-name").textContent()).toBe("光泽县");
    const checklist = page.getByTestId("setup-checklist");
    await checklist.waitFor();
    // What the template gave counts (tiers, roles, categories, departments); grids are still to do.
    for (const item of ["tiers", "categories"])
      expect(await page.getByTestId(`setup-item-${item}`).getAttribute("data-state")).toBe("template");
    expect(await page.getByTestId("setup-item-grids").getAttribute("data-state")).toBe("todo");
    await screenshot(page, "desktop-setup-checklist.png");

    // two tiers with the district's own names
    await page.getByTestId("setup-item-tiers").locator("a").click();
    await page.getByTestId("tier-name-zh-1").waitFor();
    await page.getByTestId("tier-name-zh-1").fill("片区");
    await page.getByTestId("tier-name-en-1").fill("Block");
    await page.getByTestId("tier-name-zh-2").fill("楼栋");
    await page.getByTestId("tier-name-en-2").fill("Building");
    await save(page);

    // one category of its own (the minimal template has two: it is the third row)
    await page.goto(`${origin}/d/${SLUG}/settings/tickets`);
    await page.getByTestId("category-add").click();
    await page.getByTestId("category-key-2").fill("pets");
    await page.getByTestId("category-name-zh-2").fill("宠物扰民");
    await page.getByTestId("category-name-en-2").fill("Pet nuisance");
    await page.getByTestId("category-department-2").selectOption("");
    await page.getByTestId("category-deadline-2").fill("24");
    await save(page);

    // its grids, imported through the portal
    await page.goto(`${origin}/d/${SLUG}`);
    await page.getByTestId("setup-item-grids").locator("a").click();
    await page
      .getByTestId("import-file")
      .setInputFiles({ name: "guangze.geojson", mimeType: "application/geo+json", buffer: Buffer.from(gridFile) });
    await page.getByTestId("import-submit").click();
    await page.getByTestId("import-done").waitFor({ timeout: 60_000 });

    // the checklist follows the real data
    await page.goto(`${origin}/d/${SLUG}`);
    await page.locator('[data-testid="setup-item-grids"][data-done="true"]').waitFor();
    expect(await page.getByTestId("setup-item-tiers").getAttribute("data-state")).toBe("done");
    expect(await page.getByTestId("setup-item-categories").getAttribute("data-state")).toBe("done");
    expect(await page.getByTestId("tier-ladder").textContent()).toContain("片区");
    expect(admin.errors).toEqual([]);

    // ─── a resident registers into Guangze from a phone and reports in the new category ───
    const resident = await open({ ...phoneSized, locale: "zh-CN", geolocation: HOME, permissions: ["geolocation"] });
    const phone = resident.page;
    await phone.goto(`${origin}/login`);
    await phone.getByTestId("sign-in").waitFor();
    await screenshot(phone, "phone-login.png");
    await phone.getByTestId("register-link").click();
    // The district is picked from the list by (part of) its Chinese name; nobody types a slug.
    await phone.getByTestId("district-picker").fill("光泽");
    await phone.getByTestId(`district-option-${SLUG}`).click();
    await phone.getByTestId("register-district-name").waitFor();
    expect(await phone.getByTestId("register-district-name").textContent()).toBe("光泽县");
    await phone.getByTestId("register-name").fill("陈小雨");
    await phone.getByTestId("register-phone").fill(RESIDENT_PHONE);
    await screenshot(phone, "phone-register.png");
    // The code the SMS would bring (the terminal's, heard in process).
    const code = await codeSentBy("register", RESIDENT_PHONE, async () => {
      await phone.getByTestId("register-submit").click();
      await phone.getByTestId("register-code").waitFor();
    });
    await screenshot(phone, "phone-register-code.png");
    await phone.getByTestId("register-code").fill(code);
    await phone.getByTestId("register-verify").click();
    // Registered: on to the provider's page (the district already chosen), to sign in with the phone and its one-time code.
    await phone.getByTestId("signin-phone").waitFor();
    expect(await phone.getByTestId("signin-district").inputValue()).toBe(SLUG);
    await signInByPhone(phone, SLUG, RESIDENT_PHONE);
    await phone.getByTestId("district-name").waitFor();
    expect(phone.url()).toBe(`${origin}/d/${SLUG}`);
    expect(await phone.getByTestId("setup-checklist").count()).toBe(0);

    await phone.getByTestId("open-tickets").click();
    await phone.getByTestId("report-link").click();
    await phone.locator('[data-testid="ticket-map"][data-state="ready"]').waitFor();
    const options = await phone.getByTestId("ticket-category").locator("option").allTextContents();
    expect(options).toContain("宠物扰民");
    await phone.getByTestId("ticket-category").selectOption("pets");
    await phone.getByTestId("ticket-description").fill("楼道里的狗每天夜里叫，影响休息。");
    await phone.getByTestId("use-my-position").click();
    const location = phone.locator('[data-testid="ticket-location"][data-state="found"]');
    await location.waitFor();
    expect(await location.textContent()).toContain("GZ-01-01");
    expect(await phone.getByTestId("location-tier").textContent()).toBe("楼栋");
    expect(await location.textContent()).toContain("东关片区");
    await screenshot(phone, "phone-setup-report.png");
    await phone.getByTestId("ticket-submit").click();
    await phone.waitForURL(new RegExp(`/d/${SLUG}/tickets/ticket_[^/]+$`));
    await phone.getByTestId("ticket-title").waitFor();
    expect(await phone.getByTestId("ticket-title").textContent()).toContain("宠物扰民");
    await phone.getByTestId("ticket-grid-tier").waitFor();
    expect(await phone.getByTestId("ticket-grid-tier").textContent()).toBe("楼栋");
    await screenshot(phone, "phone-setup-ticket.png");

    // and in English, the district's English words
    await phone.getByTestId("lang-switch").click();
    expect(await phone.getByTestId("ticket-title").textContent()).toContain("Pet nuisance");
    expect(await phone.getByTestId("ticket-grid-tier").textContent()).toBe("Building");
    expect(resident.errors).toEqual([]);

    // ─── a resident of Jianyang: no such category, Jianyang's own tier names ───
    const other = await open();
    await signInAt(other.page, origin, "login-jianyang-resident");
    await other.page.getByTestId("district-name").waitFor();
    // A resident's home is their work (the report button), in their own district.
    expect(await other.page.getByTestId("district-name").textContent()).toBe("建阳区");
    await other.page.getByTestId("home-report").waitFor();
    await other.page.goto(`${origin}/d/jianyang/tickets/new`);
    await other.page.getByTestId("ticket-category").waitFor();
    const theirs = await other.page.getByTestId("ticket-category").locator("option").allTextContents();
    expect(theirs).not.toContain("宠物扰民");
    expect(theirs.length).toBeGreaterThan(1);
    expect(other.errors).toEqual([]);
  });
});
