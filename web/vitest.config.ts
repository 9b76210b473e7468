import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import solid from "vite-plugin-solid";
import { defineProject, type UserWorkspaceConfig } from "vitest/config";

const root = import.meta.dirname;

/**
 * The test files that replace a module with `vi.mock`: a replacement holds only in a fresh
 * module graph, so they run isolated (`web-isolated`); every other file shares its worker's
 * modules and page environment with the files before it (`isolate: false`: a third of the time).
 */
export const mockingFiles = readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" })
  .filter((file) => /\.test\.tsx?$/.test(file))
  .filter((file) => readFileSync(join(root, "src", file), "utf8").includes("vi.mock("))
  .map((file) => `src/${file}`);

export function webProject(name: string, isolated: boolean): UserWorkspaceConfig {
  return {
    plugins: [solid()],
    test: {
      name,
      root,
      include: isolated ? mockingFiles : ["src/**/*.test.{ts,tsx}"],
      exclude: isolated ? [] : mockingFiles,
      environment: "happy-dom",
      setupFiles: ["./src/test/setup.ts"],
      // Generous: CI machines are small and busy; the first render of a page loads its modules.
      testTimeout: 30_000,
      isolate: isolated,
    },
    resolve: { conditions: ["development", "browser"] },
  };
}

export default defineProject(webProject("web", false));
