import { connect } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApi } from "../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

/** Sends `request` as raw bytes and returns the raw reply. */
function raw(request: string): Promise<string> {
  const { hostname, port } = new URL(api.origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let reply = "";
    socket.on("data", (chunk) => (reply += chunk));
    socket.on("end", () => resolve(reply));
    socket.on("error", reject);
  });
}

// Found by the fuzz (issue 16): Node answered these itself, with an empty body.
it("a URL over Node's 16 KB header limit gets a 431 problem, not a bare status", async () => {
  const response = await fetch(`${api.url}/health?q=${"x".repeat(20_000)}`);
  expect(response.status).toBe(431);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(await response.json()).toMatchObject({
    status: 431,
    code: "input.headers_too_large",
    title: expect.any(String),
    type: expect.any(String),
  });
});

it("a request that is not HTTP gets a 400 problem", async () => {
  const reply = await raw("NOT HTTP AT ALL\r\n\r\n");
  const [head, body] = reply.split("\r\n\r\n");
  expect(head).toMatch(/^HTTP\/1\.1 400 /);
  expect(head).toMatch(/content-type: application\/problem\+json/i);
  expect(JSON.parse(body!)).toMatchObject({ status: 400, code: "input.malformed" });
});

// Found by the fuzz (issue 16): the node adapter drained an unread body for 500 ms and then
// destroyed the socket, while the client was already sending its next request on it.
it("a reply sent before the request's body was read closes the connection, so no next request is lost on it", async () => {
  const upload = {
    method: "POST",
    body: JSON.stringify({ description: "x".repeat(200_000) }),
    headers: { "content-type": "application/json" },
  };
  const early = await fetch(`${api.url}/tickets`, upload);
  expect(early.status).toBe(401);
  expect(early.headers.get("connection")).toBe("close");
  await early.text();
  // Many at once, as the fuzz sent them: every one is answered.
  const statuses = await Promise.all(
    Array.from({ length: 8 }, async () => {
      const codes: number[] = [];
      for (let index = 0; index < 25; index++) {
        const response = await fetch(index % 2 ? `${api.url}/health` : `${api.url}/tickets`, index % 2 ? {} : upload);
        await response.text();
        codes.push(response.status);
      }
      return codes;
    }),
  );
  expect(new Set(statuses.flat())).toEqual(new Set([200, 401]));
  // A body that was read keeps the connection open.
  const read = await fetch(`${api.url}/districts/jianyang/registrations`, {
    method: "POST",
    body: "{}",
    headers: { "content-type": "application/json" },
  });
  expect(read.headers.get("connection")).not.toBe("close");
});
