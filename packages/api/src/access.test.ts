import { AccessCacheSeconds } from "@wangge/core/user/access";
import { UserEntity } from "@wangge/core/user/user.entity";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { As, startTestApi } from "../../../scripts/test/api.ts";

/**
 * The token says who is calling; the district's records say what they may do, on each request.
 * Tried as the attacker of the issue did: a district admin disabled (or demoted) by another admin
 * keeps their old token and tries to use it.
 */
let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };

async function inviteAdmin(name: string, phone: string) {
  const invited = await api.call("POST", "/users", { ...admin, body: { name, phone, roles: ["district_admin"] } });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const caller = { userID: invited.body.userID as string, tenantID: "jianyang" };
  return { userID: caller.userID, as: caller, token: await api.token(caller) };
}
const withToken = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());
afterEach(() => {
  vi.useRealTimers();
});

describe("authorization from the records", () => {
  it("a disabled admin's old token creates no admin: 403 user.disabled at once", async () => {
    const second = await inviteAdmin("副管理员甲", "13811110001");
    expect((await api.call("GET", "/users", withToken(second.token))).status).toBe(200);
    const disabled = await api.call("PATCH", `/users/${second.userID}`, { ...admin, body: { status: "disabled" } });
    expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
    const attempt = await api.call("POST", "/users", {
      ...withToken(second.token),
      body: { name: "冒名管理员", phone: "13811110009", roles: ["district_admin"] },
    });
    expect([attempt.status, attempt.body.code]).toEqual([403, "user.disabled"]);
  });

  it("a demoted admin reads no audit trail: 403 at once", async () => {
    const second = await inviteAdmin("副管理员乙", "13811110002");
    expect((await api.call("GET", "/audit", withToken(second.token))).status).toBe(200);
    const demoted = await api.call("PATCH", `/users/${second.userID}`, { ...admin, body: { roles: ["resident"] } });
    expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);
    const audit = await api.call("GET", "/audit", withToken(second.token));
    expect([audit.status, audit.body.code]).toEqual([403, "access.role"]);
  });

  it("a change made elsewhere (another instance, the table itself) counts once the cache window has passed", async () => {
    const second = await inviteAdmin("副管理员丙", "13811110003");
    const third = await inviteAdmin("副管理员丁", "13811110004");
    vi.useFakeTimers({ toFake: ["Date"] });
    expect((await api.call("GET", "/audit", withToken(second.token))).status).toBe(200);
    expect((await api.call("GET", "/audit", withToken(third.token))).status).toBe(200);
    await UserEntity.patch({ tenantID: "jianyang", userID: second.userID }).set({ status: "disabled" }).go();
    await UserEntity.patch({ tenantID: "jianyang", userID: third.userID })
      .set({ roles: ["resident"] })
      .go();
    // Within the window this instance still acts on what it read…
    vi.advanceTimersByTime((AccessCacheSeconds - 2) * 1000);
    expect((await api.call("GET", "/audit", withToken(second.token))).status).toBe(200);
    // …and not a moment after it.
    vi.advanceTimersByTime(3000);
    const disabled = await api.call("GET", "/audit", withToken(second.token));
    expect([disabled.status, disabled.body.code]).toEqual([403, "user.disabled"]);
    const demoted = await api.call("GET", "/audit", withToken(third.token));
    expect([demoted.status, demoted.body.code]).toEqual([403, "access.role"]);
  });

  it("a token for a user who no longer exists → 401", async () => {
    const gone = await inviteAdmin("已删除管理员", "13811110005");
    await UserEntity.delete({ tenantID: "jianyang", userID: gone.userID }).go();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.advanceTimersByTime(AccessCacheSeconds * 1000 + 1);
    const refused = await api.call("GET", "/me", withToken(gone.token));
    expect([refused.status, refused.body.code]).toEqual([401, "auth.unknown_user"]);
  });
});
