import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As } from "../../scripts/test/api.ts";
import { connectBrowser, phoneSized, screenshot, signIn, signInAt, signInByPhone, startPortal } from "./harness.ts";
import { square } from "../../scripts/test/api.ts";

/**
 * Signing in through OpenID Connect end to end: the portal's `/login` sends the browser to the
 * local OpenID provider's page (Authorization Code + PKCE), the person signs in there — a demo
 * account, or phone + the one-time code the provider prints — and comes back signed in with an
 * ID token the API accepts.
 */

let stack: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;

beforeAll(async () => {
  stack = await startPortal();
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function open(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN", ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors };
}

/** The claims of the ID token the portal keeps (read without verifying; the API verified it). */
async function keptClaims(page: import("playwright-core").Page) {
  const token = await page.evaluate<string | null>("localStorage.getItem('wangge.token')");
  expect(token).toBeTruthy();
  return JSON.parse(Buffer.from(token!.split(".")[1], "base64url").toString()) as Record<string, unknown>;
}

describe("signing in at the OpenID provider", () => {
  it("a resident signs in through the provider's page and lands on their district", async () => {
    const { context, page, errors } = await open(phoneSized);
    await page.goto(`${stack.api.origin}/login`);
    await page.getByTestId("sign-in").click();
    // The provider's own page, under the API's /oidc, reached with a PKCE challenge.
    await page.waitForURL(/\/api\/oidc\/interaction\//);
    expect(await page.title()).toBe("登录网格");
    await screenshot(page, "phone-provider-sign-in.png");
    await page.getByTestId("login-jianyang-resident").click();
    await page.getByTestId("district-name").waitFor();
    expect(page.url()).toBe(`${stack.api.origin}/d/jianyang`);
    expect(await keptClaims(page)).toMatchObject({ tenant: "jianyang", user: "resident", aud: "wangge-portal" });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("platform staff sign in the same way and see the districts", async () => {
    const { context, page, errors } = await open();
    await signInAt(page, stack.api.origin, "login-platform-operator");
    await page.waitForURL(`${stack.api.origin}/districts`);
    await page.getByTestId("district-card-jianyang").waitFor();
    const claims = await keptClaims(page);
    expect(claims).toMatchObject({ user: "operator" });
    expect(claims.tenant).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a district worker signs in with phone + the one-time code; a wrong code is refused first", async () => {
    const invited = await stack.api.call("POST", "/users", {
      as: As.jianyangAdmin,
      body: { name: "林", phone: "13766660101", roles: ["cadre"] },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const { context, page, errors } = await open();
    await page.goto(`${stack.api.origin}/login`);
    // The district is picked by name in the portal, remembered, and preselected at the provider.
    await page.getByTestId("district-picker").fill("建阳");
    await screenshot(page, "desktop-login-district-picker.png");
    await page.getByTestId("district-option-jianyang").click();
    expect(await page.evaluate<string | null>("localStorage.getItem('wangge.district')")).toBe("jianyang");
    await page.getByTestId("sign-in").click();
    await page.getByTestId("signin-phone").waitFor();
    expect(await page.getByTestId("signin-district").inputValue()).toBe("jianyang");
    expect(await page.getByTestId("signin-district").locator("option:checked").textContent()).toContain("建阳区");
    // A wrong code first: the page says so and asks again.
    await page.getByTestId("signin-phone").fill("13766660101");
    await page.getByTestId("signin-send").click();
    await page.getByTestId("signin-code").fill("000000");
    await page.getByTestId("signin-verify").click();
    expect(await page.getByTestId("signin-error").getAttribute("data-code")).toBe("code.wrong");
    await page.getByRole("link", { name: "换一个手机号" }).click();
    await signInByPhone(page, "jianyang", "13766660101");
    await page.getByTestId("district-name").waitFor();
    expect(await keptClaims(page)).toMatchObject({ tenant: "jianyang", user: invited.body.userID });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a disabled user is told why at the provider and does not get in", async () => {
    const user = await stack.api.call("POST", "/users", {
      as: As.jianyangAdmin,
      body: { name: "郭", phone: "13766660102", roles: ["cadre"] },
    });
    await stack.api.call("PATCH", `/users/${user.body.userID}`, { as: As.jianyangAdmin, body: { status: "disabled" } });
    const { context, page } = await open();
    await page.goto(`${stack.api.origin}/login`);
    await page.getByTestId("sign-in").click();
    await signInByPhone(page, "jianyang", "13766660102");
    const refusal = page.getByTestId("signin-error");
    await refusal.waitFor();
    expect(await refusal.getAttribute("data-code")).toBe("user.disabled");
    expect(await refusal.textContent()).toContain("已被停用");
    await context.close();
  });

  it("a district admin disables a worker in the portal, and the worker's open session is refused", async () => {
    const grid = await stack.api.call("POST", "/grids", {
      as: As.jianyangAdmin,
      body: { code: "SX", name: "停用测试网格", tier: 1, boundary: square(118.6, 27.6, 0.02) },
    });
    const invited = await stack.api.call("POST", "/users", {
      as: As.jianyangAdmin,
      body: { name: "曹网格", phone: "13766660103", roles: ["grid_worker"], gridID: grid.body.gridID },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const worker = await open();
    await worker.page.goto(`${stack.api.origin}/login`);
    await worker.page.getByTestId("sign-in").click();
    await signInByPhone(worker.page, "jianyang", "13766660103");
    await worker.page.getByTestId("district-name").waitFor();

    const admin = await signIn(browser, stack.api.origin, "login-jianyang-admin");
    await admin.page.goto(`${stack.api.origin}/d/jianyang/settings/users`);
    await admin.page.getByTestId(`user-disable-${invited.body.userID}`).click();
    await admin.page.locator(`[data-testid="user-row-${invited.body.userID}"][data-status="disabled"]`).waitFor();

    // The worker's page, still signed in with the token from before, is refused on its next request.
    const me = worker.page.waitForResponse((response) => response.url().endsWith("/api/me"));
    await worker.page.reload();
    const refused = await me;
    expect([refused.status(), ((await refused.json()) as { code: string }).code]).toEqual([403, "user.disabled"]);
    await admin.context.close();
    await worker.context.close();
  });
});
