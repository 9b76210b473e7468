import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Config, withActor } from "@wangge/core";
import { setDirectory } from "@wangge/core/identity/directory";
import { MemoryDirectory } from "@wangge/core/identity/memory.test-support";
import { As, square, startTestApi } from "../../../../scripts/test/api.ts";
import { signInThroughProvider } from "../../../../scripts/test/sign-in.ts";
import { signInAccount } from "../oidc/accounts.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
let gridID: string;
const admin = { as: As.jianyangAdmin };

/** Signs in by phone + one-time code at the local OpenID provider, as a person does on its sign-in page. */
async function signIn(tenantID: string, phone: string) {
  const result = await signInThroughProvider(api, { tenantID, phone });
  return { status: result.status, body: { token: result.idToken!, code: result.code, detail: result.detail } };
}
async function callWith(token: string, method: string, path: string, body?: unknown) {
  return api.call(method, path, { body, headers: { authorization: `Bearer ${token}` } });
}

beforeAll(async () => {
  api = await startTestApi();
  const grid = await api.call("POST", "/grids", {
    ...admin,
    body: { code: "US", name: "用户测试社区", tier: 1, boundary: square(118.5, 27.5, 0.02) },
  });
  expect(grid.status, JSON.stringify(grid.body)).toBe(201);
  gridID = grid.body.gridID;
});
afterAll(() => api?.close());

describe("users and access through the API", () => {
  it("an invited worker is listed masked, signs in by phone and acts with the roles given; a role change counts at once, in the open session too", async () => {
    const invited = await api.call("POST", "/users", {
      ...admin,
      body: { name: "赵网格", phone: "13712345678", roles: ["grid_worker"], gridID },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.body).toMatchObject({
      name: "赵网格",
      phoneMasked: "137****5678",
      roles: ["grid_worker"],
      gridID,
      status: "active",
      departmentKey: null,
    });
    const listed = await api.call("GET", "/users?q=5678", admin);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((user: { userID: string }) => user.userID)).toEqual([invited.body.userID]);
    expect(JSON.stringify(listed.body)).not.toContain("13712345678");

    const token = await signIn("jianyang", "13712345678");
    expect(token.status, JSON.stringify(token.body)).toBe(200);
    const me = await callWith(token.body.token, "GET", "/me");
    expect(me.body.profile).toMatchObject({ userID: invited.body.userID, roles: ["grid_worker"], phoneMasked: "137****5678" });
    // A grid worker is not an admin.
    const forbidden = await callWith(token.body.token, "GET", "/users");
    expect(forbidden.status).toBe(403);
    expect(
      (await callWith(token.body.token, "POST", "/users", { name: "x", phone: "13700000001", roles: ["district_admin"] })).status,
    ).toBe(403);

    const promoted = await api.call("PATCH", `/users/${invited.body.userID}`, {
      ...admin,
      body: { roles: ["grid_worker", "district_admin"] },
    });
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);
    expect(promoted.body.roles).toEqual(["grid_worker", "district_admin"]);
    // The roles come from the record on each request: the token from before the change acts with them.
    expect((await callWith(token.body.token, "GET", "/users")).status).toBe(200);

    const audit = await api.call("GET", `/audit?subjectID=${invited.body.userID}`, admin);
    expect(audit.body.items.map((event: { action: string }) => event.action)).toEqual(["user.roles_changed", "user.invited"]);
  });

  it("refuses a phone already taken (also a seeded user's) with 409, and a bad department or grid with 400", async () => {
    const first = await api.call("POST", "/users", { ...admin, body: { name: "钱", phone: "13722223333", roles: ["cadre"] } });
    expect(first.status).toBe(201);
    const again = await api.call("POST", "/users", { ...admin, body: { name: "孙", phone: "13722223333", roles: ["cadre"] } });
    expect([again.status, again.body.code]).toEqual([409, "user.exists"]);
    // The demo's district admin was seeded with 13900000003.
    const seeded = await api.call("POST", "/users", { ...admin, body: { name: "李", phone: "13900000003", roles: ["cadre"] } });
    expect([seeded.status, seeded.body.code]).toEqual([409, "user.exists"]);

    const department = await api.call("POST", "/users", {
      ...admin,
      body: { name: "周", phone: "13733334444", roles: ["department_staff"], departmentKey: "ministry_of_magic" },
    });
    expect(department.status).toBe(400);
    expect(department.body.errors.map((error: { path: string }) => error.path)).toEqual(["departmentKey"]);
    const grid = await api.call("POST", "/users", { ...admin, body: { name: "吴", phone: "13733334444", roles: ["grid_leader"] } });
    expect(grid.status).toBe(400);
    expect(grid.body.errors.map((error: { path: string }) => error.path)).toEqual(["gridID"]);
    const neither = await api.call("POST", "/users", { ...admin, body: { name: "郑", roles: ["cadre"] } });
    expect(neither.status).toBe(400);
    const staff = await api.call("POST", "/users", {
      ...admin,
      body: { name: "王", email: "wang@example.cn", roles: ["department_staff"], departmentKey: "urban_management" },
    });
    expect(staff.status, JSON.stringify(staff.body)).toBe(201);
    expect(staff.body).toMatchObject({ phoneMasked: null, emailMasked: "w***@example.cn", departmentKey: "urban_management" });
  });

  it("a disabled user gets no token, and gets one again once enabled", async () => {
    const user = await api.call("POST", "/users", { ...admin, body: { name: "冯", phone: "13744445555", roles: ["cadre"] } });
    const disabled = await api.call("PATCH", `/users/${user.body.userID}`, { ...admin, body: { status: "disabled" } });
    expect(disabled.body.status).toBe("disabled");
    const refused = await signIn("jianyang", "13744445555");
    expect([refused.status, refused.body.code]).toEqual([403, "user.disabled"]);
    await expect(signInAccount({ tenantID: "jianyang", userID: user.body.userID })).rejects.toMatchObject({ code: "user.disabled" });
    expect((await api.call("GET", "/users?status=disabled", admin)).body.items.map((item: { userID: string }) => item.userID)).toContain(
      user.body.userID,
    );
    await api.call("PATCH", `/users/${user.body.userID}`, { ...admin, body: { status: "active" } });
    // Disabling ended their sessions up to the next whole second (a token's iat has no finer grain): sign in after it.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 50));
    expect((await signIn("jianyang", "13744445555")).status).toBe(200);
    expect((await signIn("jianyang", "13799999999")).status).toBe(404);
  });
});

describe("a newly onboarded district: its last admin and residents' registration", () => {
  let adminToken: string;

  beforeAll(async () => {
    const onboarded = await api.call("POST", "/districts", {
      as: As.operator,
      body: {
        slug: "zhenghe",
        nameZh: "政和县",
        nameEn: "Zhenghe County",
        provinceID: "fujian",
        cityZh: "南平市",
        cityEn: "Nanping",
        template: "minimal",
        admin: { name: "政和管理员", phone: "13811112222" },
      },
    });
    expect(onboarded.status, JSON.stringify(onboarded.body)).toBe(201);
    const token = await signIn("zhenghe", "13811112222");
    expect(token.status, JSON.stringify(token.body)).toBe(200);
    adminToken = token.body.token;
  });

  it("the only district admin may not disable or demote themselves (409 user.last_admin)", async () => {
    const me = await callWith(adminToken, "GET", "/me");
    const disable = await callWith(adminToken, "PATCH", `/users/${me.body.profile.userID}`, { status: "disabled" });
    expect([disable.status, disable.body.code]).toEqual([409, "user.last_admin"]);
    const demote = await callWith(adminToken, "PATCH", `/users/${me.body.profile.userID}`, { roles: ["resident"] });
    expect([demote.status, demote.body.code]).toEqual([409, "user.last_admin"]);
    expect((await callWith(adminToken, "GET", "/users")).status).toBe(200);
  });

  it("residents register without a token: open, then with approval (pending until approved), then closed", async () => {
    const info = await api.call("GET", "/districts/zhenghe/registration");
    expect(info.status, JSON.stringify(info.body)).toBe(200);
    expect(info.body).toEqual({ tenantID: "zhenghe", nameZh: "政和县", nameEn: "Zhenghe County", selfRegistration: true, approval: false });
    expect((await api.call("GET", "/districts/atlantis/registration")).status).toBe(404);
    expect((await api.call("POST", "/districts/atlantis/registrations", { body: { name: "x", phone: "13900000000" } })).status).toBe(404);
    expect((await api.call("POST", "/districts/atlantis/residents", { body: { phone: "13900000000", code: "123456" } })).status).toBe(404);

    const open = await api.register("zhenghe", { name: "居民一", phone: "13655550001" });
    expect(open.status, JSON.stringify(open.body)).toBe(201);
    expect(open.body.status).toBe("active");
    const residentToken = await signIn("zhenghe", "13655550001");
    expect(residentToken.status).toBe(200);
    expect((await callWith(residentToken.body.token, "GET", "/me")).body.profile.roles).toEqual(["resident"]);
    expect((await callWith(residentToken.body.token, "GET", "/users")).status).toBe(403);
    // The phone's owner, and only they (with the code), learn that it has an account already.
    const twice = await api.register("zhenghe", { name: "居民一", phone: "13655550001" });
    expect([twice.status, twice.body.code]).toEqual([409, "user.exists"]);
    const invalid = await api.call("POST", "/districts/zhenghe/registrations", { body: { name: "", phone: "123" } });
    expect([invalid.status, invalid.body.errors.map((error: { path: string }) => error.path)]).toEqual([400, ["body.name", "body.phone"]]);
    const noCode = await api.call("POST", "/districts/zhenghe/residents", { body: { phone: "13655550009", code: "12" } });
    expect([noCode.status, noCode.body.errors.map((error: { path: string }) => error.path)]).toEqual([400, ["body.code"]]);

    await withActor({ type: "system", tenantID: "zhenghe" }, () =>
      Config.change(() => ({ access: { residentSelfRegistration: true, residentApproval: true } })),
    );
    expect((await api.call("GET", "/districts/zhenghe/registration")).body.approval).toBe(true);
    const pending = await api.register("zhenghe", { name: "居民二", phone: "13655550002" });
    expect([pending.status, pending.body.status]).toEqual([201, "pending"]);
    const waiting = await signIn("zhenghe", "13655550002");
    expect([waiting.status, waiting.body.code]).toEqual([403, "user.pending"]);
    expect(waiting.body.detail).toMatch(/approval by district staff/);
    const queue = await callWith(adminToken, "GET", "/users?status=pending");
    expect(queue.body.items.map((user: { userID: string; phoneMasked: string }) => [user.userID, user.phoneMasked])).toEqual([
      [pending.body.userID, "136****0002"],
    ]);
    const approved = await callWith(adminToken, "PATCH", `/users/${pending.body.userID}`, { status: "active" });
    expect([approved.status, approved.body.status]).toEqual([200, "active"]);
    expect((await signIn("zhenghe", "13655550002")).status).toBe(200);
    const audit = await callWith(adminToken, "GET", `/audit?subjectID=${pending.body.userID}`);
    expect(audit.body.items.map((event: { action: string }) => event.action)).toEqual(["resident.approved", "resident.registered"]);
    // The registration ran as the public actor of the district in the URL, and says so.
    const registered = audit.body.items.find((event: { action: string }) => event.action === "resident.registered");
    expect(registered.actorID).toBe("public");

    await withActor({ type: "system", tenantID: "zhenghe" }, () =>
      Config.change(() => ({ access: { residentSelfRegistration: false, residentApproval: true } })),
    );
    const closed = await api.call("POST", "/districts/zhenghe/registrations", { body: { name: "居民三", phone: "13655550003" } });
    expect([closed.status, closed.body.code]).toEqual([403, "registration.closed"]);
  });

  it("the public routes leave the authenticated district routes as they were", async () => {
    expect((await api.call("GET", "/districts/jianyang", admin)).status).toBe(200);
    expect((await api.call("GET", "/districts/jianyang")).status).toBe(401);
    expect((await api.call("GET", "/districts")).status).toBe(401);
    expect((await api.call("GET", "/districts/templates")).status).toBe(401);
    expect((await api.call("GET", "/users")).status).toBe(401);
  });
});

describe("signing out everywhere", () => {
  it("a user signs themself out (POST /me/sign-out); an admin signs out another user (POST /users/{userID}/sign-out); others may not", async () => {
    const invited = await api.call("POST", "/users", { ...admin, body: { name: "钱退出", phone: "13712340077", roles: ["cadre"] } });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const other = await api.call("POST", "/users", { ...admin, body: { name: "孙其他", phone: "13712340078", roles: ["cadre"] } });
    const token = (await signIn("jianyang", "13712340077")).body.token;

    const mine = await callWith(token, "POST", "/me/sign-out");
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body).toMatchObject({ userID: invited.body.userID, directory: true });
    expect(Number.isNaN(Date.parse(mine.body.sessionsValidAfter))).toBe(false);

    // The token in hand is refused at once; a sign-in after the sign-out's second works again.
    const stale = await callWith(token, "GET", "/me");
    expect([stale.status, stale.body.code]).toEqual([401, "auth.signed_out"]);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(mine.body.sessionsValidAfter) - Date.now() + 50));
    const fresh = (await signIn("jianyang", "13712340077")).body.token;
    expect((await callWith(fresh, "GET", "/me")).status).toBe(200);
    const notAdmin = await callWith(fresh, "POST", `/users/${other.body.userID}/sign-out`);
    expect([notAdmin.status, notAdmin.body.code]).toEqual([403, "access.role"]);

    const othersToken = await api.token({ userID: other.body.userID, tenantID: "jianyang" });
    const byAdmin = await api.call("POST", `/users/${other.body.userID}/sign-out`, admin);
    expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(200);
    expect(byAdmin.body.userID).toBe(other.body.userID);
    const othersStale = await callWith(othersToken, "GET", "/me");
    expect([othersStale.status, othersStale.body.code]).toEqual([401, "auth.signed_out"]);
    expect((await api.call("POST", "/users/user_nobody/sign-out", admin)).status).toBe(404);
    expect((await api.call("POST", "/me/sign-out")).status).toBe(401);
  });
});

describe("a sign-in directory out of reach", () => {
  it("an invite is refused with 503 identity.directory_unavailable and leaves no user behind", async () => {
    const directory = new MemoryDirectory();
    directory.failing = Number.POSITIVE_INFINITY;
    setDirectory(directory);
    try {
      const refused = await api.call("POST", "/users", { ...admin, body: { name: "李不在", phone: "13712340099", roles: ["cadre"] } });
      expect(refused.status, JSON.stringify(refused.body)).toBe(503);
      expect(refused.body).toMatchObject({ code: "identity.directory_unavailable" });
    } finally {
      setDirectory(undefined);
    }
    const listed = await api.call("GET", "/users?q=0099", admin);
    expect(listed.body.items).toEqual([]);
    expect((await api.call("POST", "/users", { ...admin, body: { name: "李不在", phone: "13712340099", roles: ["cadre"] } })).status).toBe(
      201,
    );
  });
});
