import { defineConfig } from "vitest/config";

/**
 * One `vitest run` runs every suite. Each project names what it needs:
 * connected suites share one DynamoDB Local + s3rver started by the global setup
 * (in memory, on free ports); infra synthesises stacks; web runs in happy-dom;
 * e2e drives the built portal in headless Chromium.
 */
export default defineConfig({
  test: {
    globalSetup: ["./scripts/test/global-setup.ts"],
    projects: [
      {
        test: {
          name: "core",
          include: ["packages/core/src/**/*.test.ts"],
          environment: "node",
          setupFiles: ["./scripts/test/connect.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "api",
          include: ["packages/api/src/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
          setupFiles: ["./scripts/test/connect.ts"],
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
      {
        test: {
          name: "e2e",
          include: ["web/e2e/**/*.test.ts"],
          environment: "node",
          setupFiles: ["./scripts/test/connect.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
