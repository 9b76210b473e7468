import { join } from "node:path";
import { Grid, withActor } from "@wangge/core";
import { secondCadres } from "@wangge/core/cadre/second.test-support";
import { codeSentBy } from "@wangge/core/identity/one-time-codes.test-support";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { inject } from "vitest";
import { waitUntilReady } from "../../scripts/test/prepare.ts";
import { startTestApi } from "../../scripts/test/api.ts";

/**
 * What the browser tests share: the portal, built once per run by the global setup, served with
 * the real API under `/api` (DynamoDB Local, s3rver, the demo seeded), and the run's one
 * Chromium, started by the global setup too (scripts/test/browser.ts).
 */
export { chromiumArgs, chromiumPath } from "../../scripts/test/browser.ts";

/**
 * The run's Chromium, connected to. The file's contexts are its own; `close()` closes them and
 * disconnects (the browser goes on for the other files). Over the connection a download is read
 * with `saveAs` or `createReadStream` (`path()` is for a browser launched in process).
 */
export async function connectBrowser(): Promise<Browser> {
  const endpoint = inject("browserEndpoint");
  if (!endpoint) throw new Error("No browser in this run: the global setup starts it only when files under web/e2e/ are part of the run.");
  return chromium.connect(endpoint);
}

/**
 * The built portal and the API behind it. With `seedGrids`, Jianyang's grids too: a file named
 * `*.seeded.test.ts` has them already, any other seeds them itself (some 20 s).
 */
export async function startPortal(options: { seedGrids?: boolean } = {}) {
  const portal = inject("portal");
  if (!portal)
    throw new Error("No portal build in this run: the global setup builds it only when files under web/e2e/ are part of the run.");
  await waitUntilReady(portal, "The portal's build");
  const api = await startTestApi({ portalDir: portal.folder, basePath: "/api", seedGrids: options.seedGrids });
  return {
    api,
    close: () => api.close(),
  };
}

/** A phone-sized page (375 px, touch), for the mechanisms people use on the street. */
/** Seconds the demo cadre to the grid at Jianyang's centre, as the demo year does: its wishes are theirs to claim. */
export async function secondDemoCadre() {
  const centre = await withActor({ type: "system", tenantID: "jianyang" }, () => Grid.locate({ lon: 118.12, lat: 27.33 }));
  await secondCadres("jianyang", ["cadre"], centre.grid.gridID);
}

export const phoneSized: BrowserContextOptions = { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, hasTouch: true };

/**
 * Signs in as the portal does: `/login`'s button to the local OpenID provider's page, and there
 * the demo account's button `testID` (`login-<district|platform>-<user>`); back on the portal.
 */
export async function signInAt(page: Page, origin: string, testID: string) {
  await page.goto(`${origin}/login`);
  await page.getByTestId("sign-in").click();
  await page.getByTestId(testID).click();
}

/**
 * Signs in by phone at the local provider's page (from wherever the portal sent the browser
 * there): the district chosen from the list (by its slug, the option's value; people read its
 * name), the phone, then the one-time code, heard in process as the SMS would bring it.
 */
export async function signInByPhone(page: Page, tenantID: string, phone: string) {
  await page.getByTestId("signin-phone").waitFor();
  await page.getByTestId("signin-district").selectOption(tenantID);
  await page.getByTestId("signin-phone").fill(phone);
  const code = await codeSentBy("sign_in", phone, async () => {
    await page.getByTestId("signin-send").click();
    await page.getByTestId("signin-code").waitFor();
  });
  await page.getByTestId("signin-code").fill(code);
  await page.getByTestId("signin-verify").click();
}

/**
 * One person: a fresh browser context in Chinese (a desktop window unless `options` say
 * otherwise), signed in at the local provider with the demo account behind its button
 * `testID`, on their district's home; `errors` collects the page's uncaught errors.
 */
export async function signIn(browser: Browser, origin: string, testID: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN", ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signInAt(page, origin, testID);
  await page.getByTestId("district-name").waitFor();
  return { context, page, errors };
}

/** A screenshot into `$SCREENSHOTS`, when it is set. */
export const screenshot = (page: Page, name: string, fullPage = true) =>
  process.env.SCREENSHOTS
    ? page.screenshot({ path: join(process.env.SCREENSHOTS, name), fullPage }).then(() => undefined)
    : Promise.resolve();
