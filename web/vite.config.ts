import { fileURLToPath } from "node:url";
import { defineConfig, type ProxyOptions } from "vite";
import solid from "vite-plugin-solid";

const root = fileURLToPath(new URL(".", import.meta.url));
const port = Number(process.env.WEB_PORT ?? 5173);

/** `/api/*` goes to the local API with the prefix stripped (`/api/me` → `/me`). */
const proxy: Record<string, ProxyOptions> = {
  "/api": {
    target: process.env.WANGGE_API_URL ?? "http://127.0.0.1:3000",
    changeOrigin: true,
    rewrite: (path) => path.replace(/^\/api(?=\/|\?|$)/, "") || "/",
  },
};

export default defineConfig({
  root,
  plugins: [solid()],
  server: { host: "127.0.0.1", port, strictPort: true, proxy },
  preview: { host: "127.0.0.1", port, strictPort: true, proxy },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
});
