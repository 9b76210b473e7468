import { codeSentBy } from "../identity/one-time-codes.test-support.ts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Actor, withActor } from "../actor.ts";
import * as Audit from "../audit/index.ts";
import * as Config from "../config/index.ts";
import { DistrictEntity } from "../district/district.entity.ts";
import { setDirectory } from "../identity/directory.ts";
import { MemoryDirectory } from "../identity/memory.test-support.ts";
import * as Onboarding from "../onboarding/index.ts";
import * as Province from "../province/index.ts";
import { drift, repair } from "./accounts.ts";
import * as User from "./index.ts";
import { StaffEntity, UserClaimEntity, UserEntity } from "./user.entity.ts";
import { rejection } from "../util/rejection.test-support.ts";

const operator = { type: "operator", userID: "op" } as const;
const directory = new MemoryDirectory();
let admin: Actor;
const asAdmin = <T>(body: () => Promise<T>) => withActor(admin, body);

const base = {
  provinceID: "fujian",
  cityZh: "南平市",
  cityEn: "Nanping",
  nameZh: "账号区",
  nameEn: "Accounts",
  template: "minimal",
} as const;

beforeAll(async () => {
  setDirectory(directory);
  await withActor(operator, async () => {
    await Province.create({ provinceID: "fujian", nameZh: "福建省", nameEn: "Fujian" });
    const onboarded = await Onboarding.onboard({ ...base, slug: "acct", admin: { name: "账号管理员", phone: "13800000101" } });
    admin = { type: "user", userID: onboarded.admin.userID, tenantID: "acct", roles: ["district_admin"] };
  });
});
afterAll(() => setDirectory(undefined));
beforeEach(() => {
  directory.failing = 0;
});

describe("accounts follow the records", () => {
  it("onboarding gives the district's first admin an account naming the district and the user", () => {
    expect(directory.account({ tenantID: "acct", userID: (admin as { userID: string }).userID })).toEqual({
      tenantID: "acct",
      userID: (admin as { userID: string }).userID,
      name: "账号管理员",
      phone: "13800000101",
      enabled: true,
    });
  });

  it("inviting staff creates an enabled account; disabling disables it and signs them out everywhere; enabling enables it", async () => {
    const worker = await asAdmin(() => User.inviteUser({ name: "王五", phone: "13800000102", email: "wang@acct.cn", roles: ["cadre"] }));
    const key = { tenantID: "acct", userID: worker.userID };
    expect(directory.account(key)).toMatchObject({ name: "王五", phone: "13800000102", email: "wang@acct.cn", enabled: true });

    await asAdmin(() => User.updateUserRoles({ userID: worker.userID, status: "disabled" }));
    expect(directory.account(key)?.enabled).toBe(false);
    expect(directory.signedOut).toContain(`acct.${worker.userID}`);
    // Their old tokens stay refused once they are enabled again.
    const disabled = await UserEntity.get({ tenantID: "acct", userID: worker.userID }).go();
    expect(disabled.data?.sessionsValidAfter).toBeDefined();

    await asAdmin(() => User.updateUserRoles({ userID: worker.userID, status: "active" }));
    expect(directory.account(key)?.enabled).toBe(true);
  });

  it("a change of roles alone leaves the directory alone (roles live in the records)", async () => {
    const worker = await asAdmin(() => User.inviteUser({ name: "赵六", phone: "13800000103", roles: ["cadre"] }));
    const calls = directory.calls;
    await asAdmin(() => User.updateUserRoles({ userID: worker.userID, roles: ["resident"] }));
    expect(directory.calls).toBe(calls);
  });

  it("a resident waiting for approval has no account until approved", async () => {
    await asAdmin(() => Config.change(() => ({ access: { residentSelfRegistration: true, residentApproval: true } })));
    const asPublic = <T>(body: () => Promise<T>) => withActor({ type: "public", tenantID: "acct" }, body);
    const code = await codeSentBy("register", "13800000104", () =>
      asPublic(() => User.startRegistration({ name: "居民甲", phone: "13800000104" })),
    );
    const registered = await asPublic(() => User.registerResident({ phone: "13800000104", code }));
    expect(registered.status).toBe("pending");
    expect(directory.account({ tenantID: "acct", userID: registered.userID })).toBeUndefined();
    await asAdmin(() => User.updateUserRoles({ userID: registered.userID, status: "active" }));
    expect(directory.account({ tenantID: "acct", userID: registered.userID })).toMatchObject({ enabled: true });
  });

  it("retries a directory that fails twice, and the invite succeeds", async () => {
    directory.failing = 2;
    const user = await asAdmin(() => User.inviteUser({ name: "重试", phone: "13800000105", roles: ["cadre"] }));
    expect(directory.account({ tenantID: "acct", userID: user.userID })).toBeDefined();
  });
});

describe("a directory that stays out of reach", () => {
  it("undoes an invite: no user, no phone claim, a 503; the same phone can be invited once the directory is back", async () => {
    directory.failing = Number.POSITIVE_INFINITY;
    const error = await rejection(asAdmin(() => User.inviteUser({ name: "失败", phone: "13800000106", roles: ["cadre"] })));
    expect(error).toMatchObject({ kind: "unavailable", code: "identity.directory_unavailable" });
    const held = await UserEntity.query.byPhone({ tenantID: "acct", phone: "13800000106" }).go();
    expect(held.data).toEqual([]);
    expect((await UserClaimEntity.get({ tenantID: "acct", claim: "phone:13800000106" }).go()).data).toBeNull();

    directory.failing = 0;
    const user = await asAdmin(() => User.inviteUser({ name: "失败", phone: "13800000106", roles: ["cadre"] }));
    expect(directory.account({ tenantID: "acct", userID: user.userID })).toBeDefined();
    const events = await asAdmin(() => Audit.listAuditEvents({}));
    expect(events.items.map((event) => event.action)).toContain("user.creation_undone");
  });

  it("undoes a disable: the user stays active in the records, as in the directory", async () => {
    const worker = await asAdmin(() => User.inviteUser({ name: "停不了", phone: "13800000107", roles: ["cadre"] }));
    directory.failing = Number.POSITIVE_INFINITY;
    const error = await rejection(asAdmin(() => User.updateUserRoles({ userID: worker.userID, status: "disabled" })));
    expect(error.code).toBe("identity.directory_unavailable");
    const record = await UserEntity.get({ tenantID: "acct", userID: worker.userID }).go();
    expect(record.data?.status).toBe("active");
    expect(directory.account({ tenantID: "acct", userID: worker.userID })?.enabled).toBe(true);
  });

  it("undoes an onboarding: the district is not there, and onboarding it again works", async () => {
    directory.failing = Number.POSITIVE_INFINITY;
    const input = { ...base, slug: "acct-two", admin: { name: "二号", phone: "13800000108" } };
    const error = await rejection(withActor(operator, () => Onboarding.onboard(input)));
    expect(error.code).toBe("identity.directory_unavailable");
    expect((await DistrictEntity.get({ tenantID: "acct-two" }).go()).data).toBeNull();
    directory.failing = 0;
    const onboarded = await withActor(operator, () => Onboarding.onboard(input));
    expect(directory.account({ tenantID: "acct-two", userID: onboarded.admin.userID })).toBeDefined();
  });
});

describe("platform staff", () => {
  it("an operator added from the records gets an account with no district; a directory out of reach leaves no record", async () => {
    const added = await withActor({ type: "system" }, () =>
      User.addStaff({ name: "平台运营", kind: "operator", email: "ops@wangge.cn", phone: "13800000120" }),
    );
    expect(directory.account({ tenantID: null, userID: added.userID })).toEqual({
      tenantID: null,
      userID: added.userID,
      name: "平台运营",
      phone: "13800000120",
      email: "ops@wangge.cn",
      enabled: true,
    });
    directory.failing = Number.POSITIVE_INFINITY;
    const error = await rejection(
      withActor(operator, () => User.addStaff({ name: "省管理员", kind: "province", provinceID: "fujian", email: "p@fj.cn" })),
    );
    expect(error.code).toBe("identity.directory_unavailable");
    const staff = await StaffEntity.scan.go({ pages: "all" });
    expect(staff.data.map((member) => member.name)).not.toContain("省管理员");
    expect((await rejection(withActor(admin, () => User.addStaff({ name: "x", kind: "operator", email: "x@x.cn" })))).kind).toBe(
      "forbidden",
    );
  });
});

describe("signing out everywhere", () => {
  it("a user signs themself out: the record says from when, and the directory revokes their refresh tokens", async () => {
    const worker = await asAdmin(() => User.inviteUser({ name: "自己", phone: "13800000109", roles: ["cadre"] }));
    const self: Actor = { type: "user", userID: worker.userID, tenantID: "acct", roles: ["cadre"] };
    const before = Date.now();
    const result = await withActor(self, () => User.signOutEverywhere({}));
    expect(result).toMatchObject({ userID: worker.userID, directory: true });
    expect(Date.parse(result.sessionsValidAfter)).toBeGreaterThanOrEqual(before);
    const record = await UserEntity.get({ tenantID: "acct", userID: worker.userID }).go();
    expect(record.data?.sessionsValidAfter).toBe(result.sessionsValidAfter);
    expect(directory.signedOut).toContain(`acct.${worker.userID}`);
  });

  it("a district admin signs out any user of the district; anyone else only themself", async () => {
    const a = await asAdmin(() => User.inviteUser({ name: "甲", phone: "13800000110", roles: ["cadre"] }));
    const b = await asAdmin(() => User.inviteUser({ name: "乙", phone: "13800000111", roles: ["cadre"] }));
    expect((await asAdmin(() => User.signOutEverywhere({ userID: a.userID }))).userID).toBe(a.userID);
    const asA: Actor = { type: "user", userID: a.userID, tenantID: "acct", roles: ["cadre"] };
    expect((await rejection(withActor(asA, () => User.signOutEverywhere({ userID: b.userID })))).kind).toBe("forbidden");
    expect((await rejection(asAdmin(() => User.signOutEverywhere({ userID: "user_nobody" })))).kind).toBe("not_found");
    const events = await asAdmin(() => Audit.listAuditEvents({ subjectID: a.userID }));
    expect(events.items.map((event) => event.action)).toContain("user.signed_out_everywhere");
  });

  it("platform staff sign themselves out; a directory out of reach is reported, and the record still ends the sessions", async () => {
    await StaffEntity.put({ userID: "op_signout", name: "运营", kind: "operator" }).go();
    directory.failing = Number.POSITIVE_INFINITY;
    const result = await withActor({ type: "operator", userID: "op_signout" }, () => User.signOutEverywhere({}));
    expect(result.directory).toBe(false);
    const record = await StaffEntity.get({ userID: "op_signout" }).go();
    expect(record.data?.sessionsValidAfter).toBe(result.sessionsValidAfter);
  });
});

describe("reconcile", () => {
  it("finds accounts missing, extra, disabled or renamed, and repairs them", async () => {
    const kept = await asAdmin(() => User.inviteUser({ name: "对账", phone: "13800000112", roles: ["cadre"] }));
    const lost = await asAdmin(() => User.inviteUser({ name: "丢失", phone: "13800000113", roles: ["cadre"] }));
    directory.accounts.delete(`acct.${lost.userID}`);
    directory.account({ tenantID: "acct", userID: kept.userID })!.enabled = false;
    directory.account({ tenantID: "acct", userID: kept.userID })!.name = "改名";
    await directory.put({ tenantID: "acct", userID: "user_ghost", name: "幽灵", enabled: true });

    const found = (await drift(directory)) ?? [];
    const summary = found.map((item) => `${item.kind}:${item.account.userID}`);
    expect(summary).toEqual(
      expect.arrayContaining([`missing:${lost.userID}`, `enabled:${kept.userID}`, `attributes:${kept.userID}`, "extra:user_ghost"]),
    );
    await repair(directory, found);
    expect(await drift(directory)).toEqual([]);
  });
});
