import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
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
