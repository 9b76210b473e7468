import { afterEach, describe, expect, it, vi } from "vitest";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { withActor } from "../actor.ts";
import { TooManyRequestsError } from "../error.ts";
import { documentClient, tableName } from "../storage/table.ts";
import { rejection } from "../util/rejection.test-support.ts";
import { checkCode, LockMs, MaxWrongCodes, OneTimeCodeEntity, sendCode } from "./one-time-codes.ts";
import { codeSentBy } from "./one-time-codes.test-support.ts";
import { CodeLimits, consume } from "./rate-limit.ts";

const inDistrict = <T>(body: () => Promise<T>) => withActor({ type: "public", tenantID: "codes" }, body);
const send = (phone: string) => codeSentBy("register", phone, () => inDistrict(() => sendCode("register", phone, { name: "居民" })));
const check = (phone: string, code: string) => inDistrict(() => checkCode("register", phone, code));
const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

afterEach(() => {
  vi.useRealTimers();
});

describe("one-time codes", () => {
  it("take the right code once, with the name sent along; keep neither code nor phone's code in clear", async () => {
    const code = await send("13600000001");
    const raw = await documentClient().send(
      new GetCommand({
        TableName: tableName(),
        Key: OneTimeCodeEntity.get({ tenantID: "codes", purpose: "register", phone: "13600000001" }).params().Key,
      }),
    );
    expect(JSON.stringify(raw.Item)).not.toContain(code);
    expect(await check("13600000001", code)).toEqual({ name: "居民" });
    expect((await rejection(check("13600000001", code))).code).toBe("code.expired");
  });

  it("let exactly one of two checks racing with the right code win; the other is told the code is used", async () => {
    const code = await send("13600000002");
    const results = await Promise.allSettled([check("13600000002", code), check("13600000002", code)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason.code).toBe("code.expired");
  });

  it("refuse a code for another purpose or another district", async () => {
    const code = await send("13600000003");
    expect((await rejection(inDistrict(() => checkCode("sign_in", "13600000003", code)))).code).toBe("code.expired");
    expect((await rejection(withActor({ type: "public", tenantID: "other" }, () => checkCode("register", "13600000003", code)))).code).toBe(
      "code.expired",
    );
    expect(await check("13600000003", code)).toEqual({ name: "居民" });
  });

  it("lock the phone at the tenth wrong code in a row, new codes or not, for 15 minutes", async () => {
    let code = await send("13600000004");
    for (let wrong = 1; wrong < MaxWrongCodes; wrong++) {
      if (wrong === 5) code = await send("13600000004"); // a new code does not reset the count
      const refused = await rejection(check("13600000004", wrongOf(code)));
      expect([refused.kind, refused.code]).toEqual(["input", "code.wrong"]);
      expect(refused.details?.[0].message).toContain(`${MaxWrongCodes - wrong} tries left`);
    }
    const locked = await rejection(check("13600000004", wrongOf(code)));
    expect(locked).toBeInstanceOf(TooManyRequestsError);
    expect([locked.code, (locked as TooManyRequestsError).retryAfterSeconds]).toEqual(["code.locked", LockMs / 1000]);
    // Locked: the right code does not help, and no new one is sent.
    expect((await rejection(check("13600000004", code))).code).toBe("code.locked");
    expect((await rejection(inDistrict(() => sendCode("register", "13600000004")))).code).toBe("code.locked");
    // After the lock: a new code works, and the count starts again.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + LockMs + 1000 });
    const fresh = await send("13600000004");
    expect((await rejection(check("13600000004", wrongOf(fresh)))).details?.[0].message).toContain(`${MaxWrongCodes - 1} tries left`);
    expect(await check("13600000004", fresh)).toEqual({ name: "居民" });
  });

  it("expire after 5 minutes", async () => {
    const code = await send("13600000005");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 5 * 60_000 + 1000 });
    expect((await rejection(check("13600000005", code))).code).toBe("code.expired");
  });
});

describe("rate limits", () => {
  it("allow the limit's points per window, then 429 with the seconds to wait, per key and scope; a new window allows again", async () => {
    const limit = CodeLimits.sendsPerPhone;
    for (let sent = 1; sent <= limit.points; sent++) await consume(limit, "codes", "13600000006");
    const refused = await rejection(consume(limit, "codes", "13600000006"));
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect(refused.code).toBe("rate.phone");
    const wait = (refused as TooManyRequestsError).retryAfterSeconds;
    expect(wait).toBeGreaterThan(limit.duration - 60);
    expect(wait).toBeLessThanOrEqual(limit.duration);
    // Another phone, or the same phone in another district, has its own count.
    await consume(limit, "codes", "13600000007");
    await consume(limit, "other", "13600000006");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + limit.duration * 1000 + 1000 });
    await consume(limit, "codes", "13600000006");
  });

  it("count concurrent tries exactly: of twenty at once against a limit of twenty, all pass; the next is refused", async () => {
    const limit = CodeLimits.sendsPerAddress;
    const tries = await Promise.allSettled(Array.from({ length: limit.points }, () => consume(limit, "address", "203.0.113.9")));
    expect(tries.filter((result) => result.status === "fulfilled")).toHaveLength(limit.points);
    expect((await rejection(consume(limit, "address", "203.0.113.9"))).code).toBe("rate.address");
  });
});
