import { join } from "node:path";
import { Grid, withActor } from "@wangge/core";
import { secondCadres } from "@wangge/core/cadre/second.test-support";
import { codeSentBy } from "@wangge/core/identity/one-time-codes.test-support";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
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

/** The file's sessions: an account's (origin and button `testID`) storage after its first sign-in. */
const sessions = new Map<string, Awaited<ReturnType<BrowserContext["storageState"]>>>();

/**
 * A fresh browser context in Chinese (a desktop window unless `options` say otherwise) with the
 * demo account behind the button `testID` signed in, on the page the portal sends them to;
 * `errors` collects the page's uncaught errors. The account's first time in the file goes through
 * the local provider (`signInAt`); after that the person comes back with the session the portal
 * kept (its tokens in localStorage) and opens `/`, which sends each person to their home: the
 * provider's pages and a second load of the portal cost some 5 s of Chromium's CPU per sign-in.
 * The flow itself is under test in sign-in.test.ts, and in every file once per account.
 */
export async function openSignedIn(browser: Browser, origin: string, testID: string, options: BrowserContextOptions = {}) {
  const key = `${origin} ${testID}`;
  const kept = sessions.get(key);
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: "zh-CN",
    ...options,
    ...(kept ? { storageState: kept } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  if (kept) await page.goto(`${origin}/`);
  else {
    await signInAt(page, origin, testID);
    await keepSession(page, key);
  }
  return { context, page, errors };
}

/** Waits until the portal has the signed-in person's token and has left the sign-in pages, and keeps the context's storage for the account's next time. */
async function keepSession(page: Page, key: string) {
  await page.waitForURL((url) => !/^\/(login|auth\/callback|api\/oidc\/|$)/.test(url.pathname));
  await page.waitForFunction("localStorage.getItem('wangge.token') !== null");
  sessions.set(key, await page.context().storageState());
}

/**
 * One person of a district: `openSignedIn`, then on their district's home.
 */
export async function signIn(browser: Browser, origin: string, testID: string, options: BrowserContextOptions = {}) {
  const opened = await openSignedIn(browser, origin, testID, options);
  await opened.page.getByTestId("district-name").waitFor();
  return opened;
}

/**
 * For a file that keeps one context for its pages: signs `page` in as `testID` the first time,
 * and after that (the context holds the session already) opens `/` for the person's home.
 */
export async function signInOnce(page: Page, origin: string, testID: string) {
  const key = `${origin} ${testID} context`;
  if (sessions.has(key)) await page.goto(`${origin}/`);
  else {
    await signInAt(page, origin, testID);
    await keepSession(page, key);
  }
}

/** A screenshot into `$SCREENSHOTS`, when it is set. */
export const screenshot = (page: Page, name: string, fullPage = true) =>
  process.env.SCREENSHOTS
    ? page.screenshot({ path: join(process.env.SCREENSHOTS, name), fullPage }).then(() => undefined)
    : Promise.resolve();
