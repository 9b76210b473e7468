import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onePixelPng } from "@wangge/core/ticket/images.test-support";
import { As, square, startTestApi } from "../../../scripts/test/api.ts";
import { faultProxies } from "../../../scripts/test/fault-proxy.ts";

/**
 * The stores go down mid-run (their connections dropped, their ports closed) and come back:
 * the API answers 503 `storage.unavailable` with Retry-After — no hang (each call here gives up
 * after 30 s), no crash — and works again once they are back. With S3 down, only what needs
 * S3 fails. Runs against the real DynamoDB Local and s3rver through TCP proxies.
 */
let api: Awaited<ReturnType<typeof startTestApi>>;
const stores = faultProxies();
const admin = { as: As.jianyangAdmin };
const resident = { as: As.jianyangResident };

async function call(method: string, path: string, init: { as: { userID: string; tenantID: string | null }; body?: unknown }) {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${await api.token(init.as)}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as any };
}

beforeAll(async () => {
  api = await startTestApi();
  const grid = await call("POST", "/grids", {
    ...admin,
    body: { code: "FT", name: "故障网格", tier: 1, boundary: square(118.1, 27.3, 0.05) },
  });
  expect(grid.status, JSON.stringify(grid.body)).toBe(201);
});
afterAll(async () => {
  await stores.dynamo.start();
  await stores.s3.start();
  await api?.close();
});

describe("a store that goes down and comes back", () => {
  it("DynamoDB down: 503 storage.unavailable on reads and writes, /health says so; back: the same calls work", async () => {
    expect((await call("GET", "/districts/jianyang", admin)).status).toBe(200);
    await stores.dynamo.stop();
    for (const [method, path, body] of [
      ["GET", "/tickets?mine=true", undefined],
      ["POST", "/tickets", { categoryKey: "garbage", description: "楼下垃圾桶满了", lon: 118.12, lat: 27.33 }],
    ] as const) {
      const down = await call(method, path, { ...resident, body });
      expect([down.status, down.body.code, down.retryAfter], `${method} ${path}`).toEqual([503, "storage.unavailable", "5"]);
    }
    const health = await fetch(`${api.url}/health`, { signal: AbortSignal.timeout(30_000) });
    expect(health.status).toBe(503);
    expect(((await health.json()) as { table: { reachable: boolean } }).table.reachable).toBe(false);

    await stores.dynamo.start();
    expect((await call("GET", "/tickets?mine=true", resident)).status).toBe(200);
    const reported = await call("POST", "/tickets", {
      ...resident,
      body: { categoryKey: "garbage", description: "楼下垃圾桶满了", lon: 118.12, lat: 27.33 },
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
  });

  it("S3 down: a report with a photo is 503 and nothing is written; the rest keeps working", async () => {
    const upload = await call("POST", "/tickets/photos", { ...resident, body: { contentType: "image/png" } });
    expect(upload.status).toBe(201);
    expect((await fetch(upload.body.url, { method: "PUT", body: onePixelPng(), headers: { "content-type": "image/png" } })).status).toBe(
      200,
    );
    const before = (await call("GET", "/tickets?mine=true", resident)).body.items.length;

    await stores.s3.stop();
    const report = { categoryKey: "garbage", description: "带照片的上报", lon: 118.12, lat: 27.33, photoKeys: [upload.body.photoKey] };
    const down = await call("POST", "/tickets", { ...resident, body: report });
    expect([down.status, down.body.code]).toEqual([503, "storage.unavailable"]);
    expect((await call("GET", "/tickets?mine=true", resident)).body.items.length).toBe(before);
    expect((await call("GET", "/districts/jianyang", admin)).status).toBe(200);

    await stores.s3.start();
    expect((await call("POST", "/tickets", { ...resident, body: report })).status).toBe(201);
  });
});
