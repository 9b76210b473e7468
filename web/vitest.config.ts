import solid from "vite-plugin-solid";
import { defineProject } from "vitest/config";

export default defineProject({
  plugins: [solid()],
  test: {
    name: "web",
    root: import.meta.dirname,
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "happy-dom",
    setupFiles: ["./src/test/setup.ts"],
    // Generous: CI machines are small and busy; the first render of a page loads its modules.
    testTimeout: 30_000,
  },
  resolve: { conditions: ["development", "browser"] },
});
