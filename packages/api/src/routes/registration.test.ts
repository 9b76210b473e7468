import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodeLimits } from "@wangge/core/identity/rate-limit";
import { LockMs, MaxWrongCodes } from "@wangge/core/identity/one-time-codes";
import { codeSentBy } from "@wangge/core/identity/one-time-codes.test-support";
import { startTestApi } from "../../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
/** Codes asked for from this test's address (the loopback) so far: the address's limit counts them all. */
let sendsFromHere = 0;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

/** Step 1, counted; with the reply's status, Retry-After and body. */
async function start(phone: string, name = "居民") {
  sendsFromHere++;
  const response = await fetch(`${api.url}/districts/jianyang/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, phone }),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), text: await response.text() };
}
const codeFor = (phone: string) => codeSentBy("register", phone, () => start(phone));
const finish = async (phone: string, code: string) => {
  const response = await fetch(`${api.url}/districts/jianyang/residents`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ phone, code }),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as any };
};
const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("a resident's registration with a verified phone", () => {
  it("sends a code and registers with it; the account is active only after the code", async () => {
    const admin = { as: { tenantID: "jianyang", userID: "admin" } };
    const code = await codeSentBy("register", "13588880001", () => start("13588880001", "林小居"));
    expect((await api.call("GET", "/users?q=林小居", admin)).body.items).toEqual([]);
    const registered = await finish("13588880001", code);
    expect([registered.status, registered.body.status]).toEqual([201, "active"]);
    const users = await api.call("GET", "/users?q=林小居", admin);
    expect(users.body.items).toEqual([
      expect.objectContaining({ userID: registered.body.userID, roles: ["resident"], phoneMasked: "135****0001" }),
    ]);
  });

  it("answers step 1 the same whether or not the phone has an account (no 409 that tells who is registered)", async () => {
    const known = await start("13588880001"); // registered in the test above
    const unknown = await start("13588880002");
    expect(known).toEqual(unknown);
    expect([unknown.status, JSON.parse(unknown.text)]).toEqual([202, { sent: true, expiresInSeconds: 300 }]);
  });

  it("refuses another phone's code, a wrong code, and locks the phone at the tenth wrong code in a row", async () => {
    const mine = await codeFor("13588880003");
    const theirs = await codeFor("13588880004");
    const borrowed = await finish("13588880003", theirs === mine ? wrongOf(mine) : theirs);
    expect([borrowed.status, borrowed.body.code]).toEqual([400, "code.wrong"]);
    for (let wrong = 2; wrong < MaxWrongCodes; wrong++) {
      const refused = await finish("13588880003", wrongOf(mine));
      expect([refused.status, refused.body.code, refused.body.errors[0].path]).toEqual([400, "code.wrong", "code"]);
    }
    const locked = await finish("13588880003", wrongOf(mine));
    expect([locked.status, locked.body.code, locked.retryAfter]).toEqual([429, "code.locked", String(LockMs / 1000)]);
    // The right code does not help now; no new code is sent while locked.
    expect((await finish("13588880003", mine)).body.code).toBe("code.locked");
    const again = await start("13588880003");
    expect([again.status, JSON.parse(again.text).code]).toEqual([429, "code.locked"]);
    // The other resident's code still works for them.
    expect((await finish("13588880004", theirs)).status).toBe(201);
  });

  it(`sends at most ${CodeLimits.sendsPerPhone.points} codes to one phone in an hour: then 429 rate.phone with Retry-After`, async () => {
    for (let sent = 1; sent <= CodeLimits.sendsPerPhone.points; sent++) expect((await start("13588880005")).status).toBe(202);
    const limited = await start("13588880005");
    expect([limited.status, JSON.parse(limited.text).code]).toEqual([429, "rate.phone"]);
    expect(Number(limited.retryAfter)).toBeGreaterThan(CodeLimits.sendsPerPhone.duration - 120);
    expect(Number(limited.retryAfter)).toBeLessThanOrEqual(CodeLimits.sendsPerPhone.duration);
  });

  it(`takes at most ${CodeLimits.sendsPerAddress.points} code requests from one address in an hour: a flood gets 429 rate.address`, async () => {
    let phone = 13588881000;
    while (sendsFromHere < CodeLimits.sendsPerAddress.points) expect((await start(String(phone++))).status).toBe(202);
    const flood = await start(String(phone++));
    expect([flood.status, JSON.parse(flood.text).code]).toEqual([429, "rate.address"]);
    expect(Number(flood.retryAfter)).toBeGreaterThan(0);
    // The address is counted across districts: a flood does not get a fresh count by naming another.
    const other = await api.call("POST", "/districts/zhenghe/registrations", { body: { name: "居民", phone: "13588889999" } });
    expect([other.status, other.body.code]).toEqual([429, "rate.address"]);
  });
});
