/**
 * The API alone in a process of its own, for `npm run load`: its memory is then the API's and
 * nothing else's. Forked by scripts/load/run.ts with the stack it is given in its environment
 * (DYNAMODB_ENDPOINT, TABLE_NAME, S3_ENDPOINT, BUCKET_NAME), under tsx and `--expose-gc`.
 *
 * It seeds the demo districts, serves the real API in local mode on a free loopback port, and
 * talks to its parent over IPC only — the product gains no debug route:
 * - it sends `{ type: "ready", url }` once the API answers;
 * - `{ id, op: "mint", callers }` → `{ id, tokens }`: ID tokens from the local OpenID provider;
 * - `{ id, op: "memory" }` → `{ id, memory, live }`: `process.memoryUsage()` as it is, and the
 *   heap still used after two forced collections (what the process holds on to).
 * It exits when its parent goes (the IPC channel closes), so a run leaves nothing behind.
 */
import type { Caller } from "../test/api.ts";
import { freePort } from "../lib/local-stack.ts";

export type ToChild = { id: number; op: "mint"; callers: Caller[] } | { id: number; op: "memory" };
export type FromChild =
  | { type: "ready"; url: string }
  | { type: "failed"; message: string }
  | { id: number; tokens: string[] }
  | { id: number; memory: NodeJS.MemoryUsage; live: number };

const send = (message: FromChild) => process.send!(message);
process.on("disconnect", () => process.exit(0));

try {
  const { Storage } = await import("@wangge/core");
  const Demo = await import("@wangge/core/demo/index");
  const { localAuth } = await import("@wangge/api/app");
  const { startServer } = await import("@wangge/api/server");
  await Storage.ensureTable();
  await Storage.ensureBucket();
  await Demo.seed();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startServer({ mode: "local", port, auth: localAuth(url), corsOrigins: ["*"], docsAssets: "/docs/assets" });

  process.on("message", async (message: ToChild) => {
    if (message.op === "mint") {
      send({ id: message.id, tokens: await Promise.all(message.callers.map((caller) => server.provider!.mint(caller))) });
    } else {
      const memory = process.memoryUsage();
      // Twice: the first collection's finalisers can free more for the second.
      globalThis.gc!();
      globalThis.gc!();
      send({ id: message.id, memory, live: process.memoryUsage().heapUsed });
    }
  });
  send({ type: "ready", url: server.url });
} catch (error) {
  send({ type: "failed", message: (error as Error).stack ?? String(error) });
  process.exit(1);
}
