import { describe, expect, it } from "vitest";
import { ConflictError } from "../error.ts";
import { keyOfUsername, usernameOf, withRetry } from "./directory.ts";
import { signedOutSince } from "./sessions.ts";

describe("account names", () => {
  it("name an account after its district and user, platform staff after the platform, and read back", () => {
    expect(usernameOf({ tenantID: "jianyang", userID: "user_01abc" })).toBe("jianyang.user_01abc");
    expect(usernameOf({ tenantID: null, userID: "staff_01abc" })).toBe("platform.staff_01abc");
    expect(keyOfUsername("jianyang.user_01abc")).toEqual({ tenantID: "jianyang", userID: "user_01abc" });
    expect(keyOfUsername("platform.staff_01abc")).toEqual({ tenantID: null, userID: "staff_01abc" });
    expect(keyOfUsername("someone@example.cn")).toBeNull();
    expect(keyOfUsername("nodot")).toBeNull();
  });
});

describe("retries", () => {
  it("retry a call that fails for a while, and give up after the attempts", async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls < 3) throw new Error("timeout");
      return "done";
    };
    expect(await withRetry(flaky, 3, 1)).toBe("done");
    calls = 0;
    await expect(withRetry(flaky, 2, 1)).rejects.toThrow("timeout");
    expect(calls).toBe(2);
  });

  it("do not retry what the directory will refuse again (an alias taken)", async () => {
    let calls = 0;
    const refused = async () => {
      calls++;
      throw new ConflictError("identity.alias_taken", "taken");
    };
    await expect(withRetry(refused, 3, 1)).rejects.toBeInstanceOf(ConflictError);
    expect(calls).toBe(1);
  });
});

describe("sessions", () => {
  it("refuse tokens issued before the last sign-out, and keep those issued at or after it", () => {
    const at = "2026-12-06T01:00:00.000Z";
    const seconds = Date.parse(at) / 1000;
    expect(signedOutSince(seconds - 1, at)).toBe(true);
    expect(signedOutSince(seconds, at)).toBe(false);
    expect(signedOutSince(seconds + 60, at)).toBe(false);
    expect(signedOutSince(seconds - 3600, undefined)).toBe(false);
  });
});
