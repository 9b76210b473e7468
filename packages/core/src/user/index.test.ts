import { beforeAll, describe, expect, it } from "vitest";
import * as Onboarding from "../onboarding/index.ts";
import { withActor, type Actor } from "../actor.ts";
import * as Audit from "../audit/index.ts";
import * as Config from "../config/index.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "../error.ts";
import * as Grid from "../grid/index.ts";
import * as Province from "../province/index.ts";
import * as User from "./index.ts";
import { rejection } from "../util/rejection.test-support.ts";
import { race } from "../onboarding/test-district.test-support.ts";
import { codeSentBy } from "../identity/one-time-codes.test-support.ts";

const operator = { type: "operator", userID: "op" } as const;
const square = (x: number, y: number, size: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});

let alphaAdmin: Actor;
let bravoAdmin: Actor;
let gridID: string;

const asAlpha = <T>(body: () => Promise<T>) => withActor(alphaAdmin, body);
/** The public routes (registration) run as the public actor of the district the URL names. */
const publicOf =
  (tenantID: string) =>
  <T>(body: () => Promise<T>) =>
    withActor({ type: "public", tenantID }, body);
/** A resident registers as the portal does: a code to the phone, then the code back. */
const registerIn = (tenantID: string) => async (input: { name: string; phone: string }) => {
  const code = await codeSentBy("register", input.phone, () => publicOf(tenantID)(() => User.startRegistration(input)));
  return publicOf(tenantID)(() => User.registerResident({ phone: input.phone, code }));
};
/** The local token issuer signs in as the system actor inside the district. */
const issuerOf =
  (tenantID: string) =>
  <T>(body: () => Promise<T>) =>
    withActor({ type: "system", tenantID }, body);

beforeAll(async () => {
  await withActor(operator, async () => {
    await Province.create({ provinceID: "fujian", nameZh: "福建省", nameEn: "Fujian" });
    const base = { provinceID: "fujian", cityZh: "南平市", cityEn: "Nanping" };
    const alpha = await Onboarding.onboard({
      ...base,
      slug: "alpha",
      nameZh: "甲区",
      nameEn: "Alpha",
      template: "jianyang",
      admin: { name: "甲管理员", phone: "13800000001" },
    });
    const bravo = await Onboarding.onboard({
      ...base,
      slug: "bravo",
      nameZh: "乙区",
      nameEn: "Bravo",
      template: "minimal",
      admin: { name: "乙管理员", phone: "13800000002" },
    });
    alphaAdmin = { type: "user", userID: alpha.admin.userID, tenantID: "alpha", roles: ["district_admin"] };
    bravoAdmin = { type: "user", userID: bravo.admin.userID, tenantID: "bravo", roles: ["district_admin"] };
  });
  gridID = (await asAlpha(() => Grid.create({ code: "A1", name: "甲一格", tier: 1, boundary: square(118, 27, 0.02) }))).gridID;
});

describe("inviting staff", () => {
  it("adds an active user with the roles, grid and department given, masked in the list and on the audit trail", async () => {
    const worker = await asAlpha(() => User.inviteUser({ name: "王网格", phone: "13911112222", roles: ["grid_worker"], gridID }));
    expect(worker).toMatchObject({
      name: "王网格",
      phoneMasked: "139****2222",
      emailMasked: null,
      roles: ["grid_worker"],
      gridID,
      status: "active",
    });
    const staff = await asAlpha(() =>
      User.inviteUser({ name: "李城管", email: " Li.Cheng@Example.cn ", roles: ["department_staff"], departmentKey: "urban_management" }),
    );
    expect(staff).toMatchObject({ phoneMasked: null, emailMasked: "l***@example.cn", departmentKey: "urban_management" });

    const listed = await asAlpha(() => User.listUsers({}));
    const ids = listed.items.map((user) => user.userID);
    expect(ids).toEqual(expect.arrayContaining([worker.userID, staff.userID]));
    expect(JSON.stringify(listed)).not.toContain("13911112222");
    expect(JSON.stringify(listed)).not.toContain("li.cheng");
    const events = await asAlpha(() => Audit.listAuditEvents({ subjectID: worker.userID }));
    expect(events.items.map((event) => event.action)).toEqual(["user.invited"]);

    // The invited user signs in by phone with the roles given.
    const signedIn = await issuerOf("alpha")(() => User.signIn({ phone: "13911112222" }));
    expect(signedIn).toMatchObject({ userID: worker.userID, roles: ["grid_worker"] });
  });

  it("refuses a phone or e-mail already taken in the district, including by a user from before claims", async () => {
    await asAlpha(() => User.inviteUser({ name: "甲", phone: "13922223333", roles: ["cadre"] }));
    const again = await rejection(asAlpha(() => User.inviteUser({ name: "乙", phone: "13922223333", roles: ["cadre"] })));
    expect(again).toBeInstanceOf(ConflictError);
    expect(again.code).toBe("user.exists");
    expect(again.details).toEqual([{ path: "phone", message: "already taken in this district" }]);
    // The first admin was onboarded without a claim: the phone index still counts.
    expect((await rejection(asAlpha(() => User.inviteUser({ name: "丙", phone: "13800000001", roles: ["cadre"] })))).code).toBe(
      "user.exists",
    );
    await asAlpha(() => User.inviteUser({ name: "丁", email: "ding@example.cn", roles: ["cadre"] }));
    expect(
      (await rejection(asAlpha(() => User.inviteUser({ name: "戊", email: "DING@example.cn", roles: ["cadre"] })))).details?.[0].path,
    ).toBe("email");
    // Another district may have the same number.
    await withActor(bravoAdmin, () => User.inviteUser({ name: "乙区的甲", phone: "13922223333", roles: ["cadre"] }));
  });

  it("two concurrent invitations of the same phone: one wins", async () => {
    const results = await Promise.allSettled([
      asAlpha(() => User.inviteUser({ name: "并发一", phone: "13933334444", roles: ["cadre"] })),
      asAlpha(() => User.inviteUser({ name: "并发二", phone: "13933334444", roles: ["cadre"] })),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("needs a known department for department staff and an active grid for grid workers and leaders", async () => {
    const department = await rejection(
      asAlpha(() => User.inviteUser({ name: "x", phone: "13944445555", roles: ["department_staff"], departmentKey: "nowhere" })),
    );
    expect(department).toBeInstanceOf(InputError);
    expect(department.details?.map((detail) => detail.path)).toEqual(["departmentKey"]);
    const noDepartment = await rejection(asAlpha(() => User.inviteUser({ name: "x", phone: "13944445555", roles: ["department_staff"] })));
    expect(noDepartment.details?.map((detail) => detail.path)).toEqual(["departmentKey"]);
    const grid = await rejection(
      asAlpha(() => User.inviteUser({ name: "x", phone: "13944445555", roles: ["grid_leader"], gridID: "grid_missing" })),
    );
    expect(grid.details?.map((detail) => detail.path)).toEqual(["gridID"]);
    // Another district's grid is not this district's.
    const foreign = await rejection(
      withActor(bravoAdmin, () => User.inviteUser({ name: "x", phone: "13944445555", roles: ["grid_worker"], gridID })),
    );
    expect(foreign.details?.map((detail) => detail.path)).toEqual(["gridID"]);
    await expect(asAlpha(() => User.inviteUser({ name: "x", roles: ["cadre"] }))).rejects.toThrow(/phone number or an e-mail/);
  });

  it("is for district admins only", async () => {
    const worker: Actor = { type: "user", userID: "w", tenantID: "alpha", roles: ["grid_worker"] };
    await expect(
      withActor(worker, () => User.inviteUser({ name: "x", phone: "13955556666", roles: ["district_admin"] })),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(withActor(worker, () => User.listUsers({}))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("listing users", () => {
  it("filters by status, role and a search of names and phone digits, page by page", async () => {
    const residents = await asAlpha(() => User.listUsers({ role: "grid_worker" }));
    expect(residents.items.every((user) => user.roles.includes("grid_worker"))).toBe(true);
    expect((await asAlpha(() => User.listUsers({ q: "王网" }))).items.map((user) => user.name)).toEqual(["王网格"]);
    expect((await asAlpha(() => User.listUsers({ q: "2222" }))).items.map((user) => user.name)).toEqual(["王网格"]);
    expect((await asAlpha(() => User.listUsers({ status: "pending" }))).items).toEqual([]);

    const all = await asAlpha(() => User.listUsers({ limit: 200 }));
    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await asAlpha(() => User.listUsers({ limit: 2, cursor }));
      expect(page.items.length).toBeLessThanOrEqual(2);
      pages.push(...page.items.map((user) => user.userID));
      cursor = page.cursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual(all.items.map((user) => user.userID));
    // Filtered pages are full pages too.
    const cadres = await asAlpha(() => User.listUsers({ role: "cadre", limit: 1 }));
    expect(cadres.items).toHaveLength(1);
    expect(cadres.cursor).not.toBeNull();
  });
});

describe("changing roles and access", () => {
  it("changes roles and department, disables and enables, each on the audit trail", async () => {
    const user = await asAlpha(() => User.inviteUser({ name: "变更", phone: "13966667777", roles: ["grid_worker"], gridID }));
    const changed = await asAlpha(() =>
      User.updateUserRoles({ userID: user.userID, roles: ["department_staff"], departmentKey: "civil_affairs", gridID: null }),
    );
    expect(changed).toMatchObject({ roles: ["department_staff"], departmentKey: "civil_affairs", gridID: null });
    expect(await issuerOf("alpha")(() => User.signIn({ userID: user.userID }))).toMatchObject({
      roles: ["department_staff"],
      departmentKey: "civil_affairs",
    });
    // No longer department staff: no department either.
    expect(await asAlpha(() => User.updateUserRoles({ userID: user.userID, roles: ["cadre"] }))).toMatchObject({
      roles: ["cadre"],
      departmentKey: null,
    });

    expect((await asAlpha(() => User.updateUserRoles({ userID: user.userID, status: "disabled" }))).status).toBe("disabled");
    expect((await rejection(issuerOf("alpha")(() => User.signIn({ phone: "13966667777" })))).code).toBe("user.disabled");
    expect((await asAlpha(() => User.updateUserRoles({ userID: user.userID, status: "active" }))).status).toBe("active");
    const events = await asAlpha(() => Audit.listAuditEvents({ subjectID: user.userID }));
    expect(events.items.map((event) => event.action)).toEqual([
      "user.enabled",
      "user.disabled",
      "user.roles_changed",
      "user.roles_changed",
      "user.invited",
    ]);
    // A bad grid is refused, and nothing changes.
    expect(
      (await rejection(asAlpha(() => User.updateUserRoles({ userID: user.userID, roles: ["grid_leader"], gridID: "grid_missing" })))).code,
    ).toBe("user.placement");
  });

  it("keeps an active district admin: the last one may not disable or demote themselves", async () => {
    const self = alphaAdmin.type === "user" ? alphaAdmin.userID : "";
    const demote = await rejection(asAlpha(() => User.updateUserRoles({ userID: self, roles: ["grid_worker"], gridID })));
    expect(demote.code).toBe("user.last_admin");
    expect((await rejection(asAlpha(() => User.updateUserRoles({ userID: self, status: "disabled" })))).code).toBe("user.last_admin");

    // With a second admin, one may step down; the remaining one is then the last.
    const second = await asAlpha(() => User.inviteUser({ name: "第二管理员", phone: "13977778888", roles: ["district_admin"] }));
    expect((await asAlpha(() => User.updateUserRoles({ userID: self, roles: ["district_admin", "grid_leader"], gridID }))).roles).toEqual([
      "district_admin",
      "grid_leader",
    ]);
    expect((await asAlpha(() => User.updateUserRoles({ userID: second.userID, status: "disabled" }))).status).toBe("disabled");
    expect((await rejection(asAlpha(() => User.updateUserRoles({ userID: self, status: "disabled" })))).code).toBe("user.last_admin");
    await asAlpha(() => User.updateUserRoles({ userID: second.userID, status: "active" }));

    // Two admins disabling each other at once: exactly one succeeds; the other would leave no admin (or finds the record changed).
    const secondAdmin: Actor = { type: "user", userID: second.userID, tenantID: "alpha", roles: ["district_admin"] };
    const { won, lostWith } = await race([
      () => asAlpha(() => User.updateUserRoles({ userID: second.userID, status: "disabled" })),
      () => withActor(secondAdmin, () => User.updateUserRoles({ userID: self, status: "disabled" })),
    ]);
    expect(won).toHaveLength(1);
    expect(lostWith).toHaveLength(1);
    expect(["user.last_admin", "user.changed"]).toContain(lostWith[0]);
    const admins = await asAlpha(() => User.listUsers({ role: "district_admin", status: "active" }));
    expect(admins.items).toHaveLength(1);
  });

  it("does not reach users of another district", async () => {
    const self = alphaAdmin.type === "user" ? alphaAdmin.userID : "";
    const error = await rejection(withActor(bravoAdmin, () => User.updateUserRoles({ userID: self, status: "disabled" })));
    expect(error).toBeInstanceOf(NotFoundError);
    const bravoList = await withActor(bravoAdmin, () => User.listUsers({}));
    expect(bravoList.items.map((user) => user.name)).not.toContain("甲管理员");
  });
});

describe("residents' self-registration", () => {
  it("tells the registration page the district's names and rules, and not found for an unknown district", async () => {
    expect(await publicOf("alpha")(() => User.registration())).toEqual({
      tenantID: "alpha",
      nameZh: "甲区",
      nameEn: "Alpha",
      selfRegistration: true,
      approval: false,
    });
    expect(await rejection(publicOf("nowhere")(() => User.registration()))).toBeInstanceOf(NotFoundError);
    expect(await rejection(publicOf("nowhere")(() => User.startRegistration({ name: "x", phone: "13900000000" })))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it("records a registration as the public caller's, and lets the public actor do nothing staff do", async () => {
    const registered = await registerIn("bravo")({ name: "居民丁", phone: "13912340009" });
    const audit = await withActor(bravoAdmin, () => Audit.listAuditEvents({ subjectID: registered.userID }));
    expect(audit.items).toEqual([expect.objectContaining({ action: "resident.registered", actorID: "public" })]);
    expect((await rejection(publicOf("bravo")(() => User.listUsers({})))).code).toBe("auth.required");
    expect((await rejection(publicOf("bravo")(() => User.updateUserRoles({ userID: registered.userID, status: "disabled" })))).code).toBe(
      "auth.required",
    );
    expect(
      (await rejection(publicOf("bravo")(() => User.inviteUser({ name: "冒充", phone: "13912340010", roles: ["district_admin"] })))).code,
    ).toBe("auth.required");
  });

  it("registers an active resident when open, pending with approval, and refuses when closed", async () => {
    const open = await registerIn("bravo")({ name: "居民甲", phone: "13912340001" });
    expect(open.status).toBe("active");
    expect(await issuerOf("bravo")(() => User.signIn({ phone: "13912340001" }))).toMatchObject({ roles: ["resident"] });
    // The same phone again: a code is sent as for anyone (the reply tells nothing); the code then says the phone has an account.
    expect(await publicOf("bravo")(() => User.startRegistration({ name: "居民甲", phone: "13912340001" }))).toEqual({
      sent: true,
      expiresInSeconds: 300,
    });
    expect((await rejection(registerIn("bravo")({ name: "居民甲", phone: "13912340001" }))).code).toBe("user.exists");

    await withActor(bravoAdmin, () => Config.change(() => ({ access: { residentSelfRegistration: true, residentApproval: true } })));
    const pending = await registerIn("bravo")({ name: "居民乙", phone: "13912340002" });
    expect(pending.status).toBe("pending");
    const waiting = await rejection(issuerOf("bravo")(() => User.signIn({ phone: "13912340002" })));
    expect([waiting.kind, waiting.code]).toEqual(["forbidden", "user.pending"]);
    expect((await withActor(bravoAdmin, () => User.listUsers({ status: "pending" }))).items.map((user) => user.userID)).toEqual([
      pending.userID,
    ]);
    await withActor(bravoAdmin, () => User.updateUserRoles({ userID: pending.userID, status: "active" }));
    expect(await issuerOf("bravo")(() => User.signIn({ phone: "13912340002" }))).toMatchObject({ userID: pending.userID });
    const events = await withActor(bravoAdmin, () => Audit.listAuditEvents({ subjectID: pending.userID }));
    expect(events.items.map((event) => event.action)).toEqual(["resident.approved", "resident.registered"]);

    await withActor(bravoAdmin, () => Config.change(() => ({ access: { residentSelfRegistration: false, residentApproval: true } })));
    const closed = await rejection(publicOf("bravo")(() => User.startRegistration({ name: "居民丙", phone: "13912340003" })));
    expect([closed.kind, closed.code]).toEqual(["forbidden", "registration.closed"]);
    // Registering into bravo shows nothing in alpha.
    expect((await asAlpha(() => User.listUsers({ q: "居民" }))).items).toEqual([]);
  });
});
