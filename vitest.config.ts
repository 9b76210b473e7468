import { configDefaults, defineConfig } from "vitest/config";

/**
 * One `vitest run` runs every suite. Each project names what it needs:
 * connected suites share one DynamoDB Local + s3rver started by the global setup
 * (in memory, on free ports); infra synthesises stacks; web runs in happy-dom;
 * e2e drives the built portal in headless Chromium. Files named `*.seeded.test.ts` start from
 * the seeded base instead (the demo with Jianyang's grids, seeded once per run: see
 * scripts/test/connect.ts). `demo` holds the long runs of the demo's replays (the year, and the
 * smaller year resumed at every step): only `npm run test:demo` runs it (`npm test` leaves it
 * out with `--project '!demo'`).
 */
const connected = { environment: "node", setupFiles: ["./scripts/test/connect.ts"] };
/**
 * The demo's replays: the full year (`*.demo.test.ts`, ~17 min) and a smaller year on the seeded
 * base, stopped and resumed at every step (~2 min). Minutes each, so opt-in (`npm run test:demo`).
 */
const demoFiles = ["packages/core/src/demo/**/*.demo.test.ts", "packages/core/src/demo/demo.seeded.test.ts"];

export default defineConfig({
  test: {
    globalSetup: ["./scripts/test/global-setup.ts"],
    // Files are independent: two at a time (vitest's default would be one on two cores).
    maxWorkers: 2,
    reporters: ["default", "./scripts/test/slowest-files.ts"],
    // The AWS SDK's notice that it will need Node 22 from 2027, in every file's output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    projects: [
      {
        test: {
          name: "core",
          include: ["packages/core/src/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...demoFiles],
          ...connected,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "api",
          include: ["packages/api/src/**/*.test.ts", "scripts/**/*.test.ts"],
          ...connected,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "infra",
          include: ["infra/**/*.test.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      "./web/vitest.config.ts",
      "./web/vitest.isolated.config.ts",
      {
        test: {
          name: "e2e",
          include: ["web/e2e/**/*.test.ts"],
          ...connected,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: "demo",
          include: demoFiles,
          ...connected,
          testTimeout: 3_600_000,
          hookTimeout: 3_600_000,
        },
      },
    ],
  },
});
