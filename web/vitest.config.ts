import solid from "vite-plugin-solid";
import { defineProject } from "vitest/config";

export default defineProject({
  plugins: [solid()],
  test: {
    name: "web",
    root: __dirname,
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "happy-dom",
    passWithNoTests: true,
  },
  resolve: { conditions: ["development", "browser"] },
});
