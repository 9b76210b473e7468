/**
 * The test run's one headless Chromium: the global setup starts it (a Playwright browser server)
 * when browser tests are part of the run, and each browser test file connects to it
 * (`connectBrowser` in web/e2e/harness.ts) rather than launching its own: a Chromium's start and
 * stop cost every file some seconds of both cores. Files stay apart: each works in contexts of
 * its own (cookies, storage, downloads), which go when the file disconnects.
 */
import { chromium, type BrowserServer } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Chromium's flags for this closed network. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts the run's Chromium; files connect to `server.wsEndpoint()`. */
export function startBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}
