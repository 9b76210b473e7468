import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { viteBin } from "../../scripts/lib/env.ts";
import { startTestApi } from "../../scripts/test/api.ts";

/**
 * What the browser tests share: the portal built into a temporary folder and served with the
 * real API under `/api` (DynamoDB Local, s3rver, the demo seeded), and Chromium's flags for
 * this closed network.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const run = promisify(execFile);

export async function startPortal(options: { seedGrids?: boolean } = {}) {
  const outDir = mkdtempSync(join(tmpdir(), "wangge-portal-"));
  const build = run(process.execPath, [viteBin(), "build", "--outDir", outDir, "--emptyOutDir"], {
    cwd: join(import.meta.dirname, ".."),
    env: { ...process.env, VITE_API_URL: "/api" },
  });
  // The build and the seeding do not depend on each other.
  const [api] = await Promise.all([startTestApi({ portalDir: outDir, basePath: "/api", seedGrids: options.seedGrids }), build]);
  return {
    api,
    async close() {
      await api.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** A phone-sized page (375 px, touch), for the mechanisms people use on the street. */
export const phoneSized: BrowserContextOptions = { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, hasTouch: true };

/**
 * One person: a fresh browser context in Chinese (a desktop window unless `options` say
 * otherwise), signed in with the demo account behind the login page's button `testID`, on their
 * district's home; `errors` collects the page's uncaught errors.
 */
export async function signIn(browser: Browser, origin: string, testID: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN", ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${origin}/login`);
  await page.getByTestId(testID).click();
  await page.getByTestId("district-name").waitFor();
  return { context, page, errors };
}

/** A screenshot into `$SCREENSHOTS`, when it is set. */
export const screenshot = (page: Page, name: string, fullPage = true) =>
  process.env.SCREENSHOTS ? page.screenshot({ path: join(process.env.SCREENSHOTS, name), fullPage }).then(() => undefined) : Promise.resolve();
