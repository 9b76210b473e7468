/**
 * Starts the real API (local mode: the local OpenID provider, its JWKS over HTTP) against the
 * test run's DynamoDB Local and s3rver, seeded with the demo districts.
 */
import { Storage } from "@wangge/core";
import { forgetAccess } from "@wangge/core/user/access";
import { codeSentBy } from "@wangge/core/identity/one-time-codes.test-support";
import { secondCadres } from "@wangge/core/cadre/second.test-support";
import { UserEntity } from "@wangge/core/user/user.entity";
import * as Demo from "@wangge/core/demo/index";
import { localAuth } from "@wangge/api/app";
import { startServer } from "@wangge/api/server";
import { freePort } from "../lib/local-stack.ts";
import { As, type Caller } from "../lib/callers.ts";

export { As, type Caller };

/**
 * The API on a free port. The demo is seeded unless the file starts from the seeded base
 * (`*.seeded.test.ts`), which holds it already; `seedGrids` adds Jianyang's grids and people,
 * which the seeded base holds too (then it is one read).
 */
export async function startTestApi(options: { portalDir?: string; basePath?: string; seedGrids?: boolean } = {}) {
  await Storage.ensureBucket();
  // Seeding again would put the demo accounts back as they were before the grids' seed placed them.
  if (process.env.WANGGE_TEST_BASE !== "seeded") await Demo.seed();
  if (options.seedGrids) await Demo.seedJianyangGrids({ registerHouseholds: Demo.SmallRegisterHouseholds });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}${options.basePath ?? ""}`;
  const server = await startServer({
    mode: "local",
    port,
    auth: localAuth(base),
    corsOrigins: ["*"],
    docsAssets: "/docs/assets",
    basePath: options.basePath,
    portalDir: options.portalDir,
  });
  const tokens = new Map<string, string>();

  /** An ID token for `caller`, minted with the local provider's key (where the sign-in flow is not under test). */
  async function token(caller: Caller): Promise<string> {
    const key = `${caller.tenantID}/${caller.userID}`;
    if (!tokens.has(key)) tokens.set(key, await server.provider!.mint(caller));
    return tokens.get(key)!;
  }

  /** A request as `caller` (or anonymous), returning status, content type and parsed body. */
  async function call(method: string, path: string, init: { as?: Caller; body?: unknown; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.as) headers.authorization = `Bearer ${await token(init.as)}`;
    if (init.body !== undefined && typeof init.body !== "string") headers["content-type"] = "application/json";
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
    });
    const text = await response.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: response.status, type: response.headers.get("content-type") ?? "", body };
  }

  /**
   * Places a grid worker or leader on a grid, as a district admin does: their grid work is then
   * limited to it and the grids below it (a worker on no grid may act on none).
   */
  async function place(caller: Caller, gridID: string) {
    await UserEntity.patch({ tenantID: caller.tenantID!, userID: caller.userID }).set({ gridID }).go();
    forgetAccess(caller.tenantID, caller.userID);
  }

  /**
   * Seconds a cadre to a lowest-tier grid, as a district admin does: their wishes and needs
   * claims are then limited to it and the grids below it.
   */
  async function second(caller: Caller, gridID: string) {
    await secondCadres(caller.tenantID!, [caller.userID], gridID);
    forgetAccess(caller.tenantID, caller.userID);
  }

  /**
   * A resident registers as the portal does: a code to the phone (step 1), then the code back
   * (step 2). Returns step 2's reply; step 1's when it was refused.
   */
  async function register(slug: string, input: { name: string; phone: string }) {
    let started: Awaited<ReturnType<typeof call>> | undefined;
    let code: string;
    try {
      code = await codeSentBy("register", input.phone, async () => {
        started = await call("POST", `/districts/${slug}/registrations`, { body: input });
      });
    } catch {
      return started!;
    }
    return call("POST", `/districts/${slug}/residents`, { body: { phone: input.phone, code } });
  }

  return {
    url: base,
    origin: `http://127.0.0.1:${port}`,
    token,
    call,
    place,
    second,
    register,
    provider: server.provider!,
    /** The API in process (no socket, no HTTP parser): `app.fetch`. */
    fetch: server.fetch,
    close: server.close,
  };
}

export { square } from "../lib/square.ts";
