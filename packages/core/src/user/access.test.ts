import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { VisibleError } from "../error.ts";
import { AccessCacheSeconds, actorOf, forgetAccess } from "./access.ts";
import { StaffEntity, UserEntity } from "./user.entity.ts";

/**
 * What a caller may do comes from their record, read again at most `AccessCacheSeconds` after
 * the last read. The records are changed here straight in the table, as another Lambda instance
 * would change them: this process is not told, so only the clock makes the change count.
 */
const tenantID = "access-test";
const issuedAt = () => Math.floor(Date.now() / 1000);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: VisibleError) => [error.kind, error.code],
  );

beforeAll(async () => {
  await UserEntity.put({ tenantID, userID: "admin-b", name: "管理员乙", phone: "13900000101", roles: ["district_admin"] }).go();
  await UserEntity.put({ tenantID, userID: "worker-c", name: "网格员丙", phone: "13900000102", roles: ["grid_worker"], gridID: "g1" }).go();
  await StaffEntity.put({ userID: "access-province", name: "省管理员", kind: "province", provinceID: "fujian" }).go();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("access from the records", () => {
  it("acts with the roles, grid and department of the record, not of the token", async () => {
    expect(await actorOf({ tenantID, userID: "worker-c", issuedAt: issuedAt() })).toEqual({
      type: "user",
      userID: "worker-c",
      tenantID,
      roles: ["grid_worker"],
      gridID: "g1",
      // The name too, from the same read: timelines keep it.
      name: "网格员丙",
    });
    expect(await actorOf({ tenantID: null, userID: "access-province", issuedAt: issuedAt() })).toEqual({
      type: "province",
      userID: "access-province",
      provinceID: "fujian",
    });
  });

  it("a disabled admin's session is refused once the cache window has passed, not before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const identity = { tenantID, userID: "admin-b", issuedAt: issuedAt() };
    expect((await actorOf(identity)).type).toBe("user");
    await UserEntity.patch({ tenantID, userID: "admin-b" }).set({ status: "disabled" }).go();
    vi.advanceTimersByTime((AccessCacheSeconds - 1) * 1000);
    expect(await actorOf(identity)).toMatchObject({ roles: ["district_admin"] });
    vi.advanceTimersByTime(2000);
    expect(await failure(actorOf(identity))).toEqual(["forbidden", "user.disabled"]);
    await UserEntity.patch({ tenantID, userID: "admin-b" }).set({ status: "active" }).go();
    forgetAccess(tenantID, "admin-b");
  });

  it("a demoted admin acts as what they are now once the window has passed; a moved worker on the new grid", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const admin = { tenantID, userID: "admin-b", issuedAt: issuedAt() };
    const worker = { tenantID, userID: "worker-c", issuedAt: issuedAt() };
    await actorOf(admin);
    await actorOf(worker);
    await UserEntity.patch({ tenantID, userID: "admin-b" })
      .set({ roles: ["resident"] })
      .go();
    await UserEntity.patch({ tenantID, userID: "worker-c" }).set({ gridID: "g2" }).go();
    vi.advanceTimersByTime(AccessCacheSeconds * 1000 + 1);
    expect(await actorOf(admin)).toMatchObject({ roles: ["resident"] });
    expect(await actorOf(worker)).toMatchObject({ gridID: "g2" });
  });

  it("refuses a user who no longer exists (401), a pending one (403), and tokens from before a sign-out everywhere (401)", async () => {
    expect(await failure(actorOf({ tenantID, userID: "nobody", issuedAt: issuedAt() }))).toEqual(["auth", "auth.unknown_user"]);
    expect(await failure(actorOf({ tenantID: null, userID: "nobody", issuedAt: issuedAt() }))).toEqual(["auth", "auth.unknown_user"]);
    await UserEntity.put({
      tenantID,
      userID: "pending-d",
      name: "居民丁",
      phone: "13900000103",
      roles: ["resident"],
      status: "pending",
    }).go();
    expect(await failure(actorOf({ tenantID, userID: "pending-d", issuedAt: issuedAt() }))).toEqual(["forbidden", "user.pending"]);

    const before = issuedAt() - 10;
    await UserEntity.put({
      tenantID,
      userID: "signed-out-e",
      name: "居民戊",
      phone: "13900000104",
      roles: ["resident"],
      sessionsValidAfter: new Date((before + 5) * 1000).toISOString(),
    }).go();
    expect(await failure(actorOf({ tenantID, userID: "signed-out-e", issuedAt: before }))).toEqual(["auth", "auth.signed_out"]);
    expect((await actorOf({ tenantID, userID: "signed-out-e", issuedAt: before + 6 })).type).toBe("user");
  });
});
