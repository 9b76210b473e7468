import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ConfigVersion, DistrictConfig, DistrictUser } from "../data/config.ts";
import type { Me } from "../data/types.ts";
import { dictionaries } from "../i18n/index.ts";
import { settingsDictionaries } from "../i18n/settings.ts";
import { adminMe, jianyang, jianyangConfig } from "../test/fixtures.ts";
import { fakeApi, problem, renderApp, signedIn, type FakeRequest } from "../test/harness.tsx";

const workerMe: Me = {
  actor: { type: "user", userID: "worker", tenantID: "jianyang", roles: ["grid_worker"] },
  profile: { ...adminMe.profile, userID: "worker", name: "黄晓梅", roles: ["grid_worker"] },
};

const withDepartments: DistrictConfig = {
  ...jianyangConfig,
  version: 4,
  tickets: {
    ...jianyangConfig.tickets,
    departments: [
      { key: "urban", nameZh: "城管局", nameEn: "Urban management" },
      { key: "civil", nameZh: "民政局", nameEn: "Civil affairs" },
    ],
    categories: [{ key: "road", nameZh: "道路破损", nameEn: "Damaged road", departmentKey: "urban", deadlineHours: 48 }],
  },
};

/** A fake API holding one district configuration that PATCH /config changes like the real one. */
function api(me: Me = adminMe, routes: Record<string, (request: FakeRequest) => unknown> = {}, initial: DistrictConfig = withDepartments) {
  const state = { config: initial };
  const patches: unknown[] = [];
  const fake = fakeApi({
    "GET /me": () => me,
    "GET /districts/jianyang": () => ({ district: jianyang, config: state.config }),
    "GET /provinces": () => ({ items: [], cursor: null }),
    "GET /me/notifications": () => ({ items: [], cursor: null }),
    "GET /config": () => state.config,
    "PATCH /config": (request) => {
      const body = request.body as { expectedVersion: number; changes: Partial<DistrictConfig> };
      patches.push(body);
      if (body.expectedVersion !== state.config.version)
        return problem(409, { code: "config.version", detail: "The configuration changed meanwhile." });
      state.config = { ...state.config, ...body.changes, version: state.config.version + 1, updatedAt: "2026-11-29T10:00:00.000Z" };
      return state.config;
    },
    ...routes,
  });
  return { state, patches, requests: fake.requests };
}

async function open(section: string) {
  signedIn();
  renderApp(`/d/jianyang/settings/${section}`);
  await screen.findByTestId(`settings-${section}`, {}, { timeout: 10_000 });
}

// The first test also waits for the lazily loaded settings chunk to be transformed.
describe("the settings pages", { timeout: 20_000 }, () => {
  it("list the sections for a district admin and link them from the district home", async () => {
    api();
    signedIn();
    renderApp("/d/jianyang");
    const link = await screen.findByTestId("open-settings", {}, { timeout: 10_000 });
    expect(link).toHaveAttribute("href", "/d/jianyang/settings");
    await userEvent.setup().click(link);
    const list = await screen.findByTestId("settings-sections", {}, { timeout: 10_000 });
    expect(within(list).getAllByRole("link")).toHaveLength(12);
    expect(within(list).getByTestId("settings-section-map")).toHaveAttribute("href", "/d/jianyang/settings/map");
    expect(within(list).getByTestId("settings-section-tiers")).toHaveAttribute("href", "/d/jianyang/settings/tiers");
  });

  it("tell anyone but a district admin that they are for admins only", async () => {
    const { requests } = api(workerMe);
    signedIn();
    renderApp("/d/jianyang/settings/tiers");
    expect(await screen.findByText("仅区级管理员可用", {}, { timeout: 10_000 })).toBeTruthy();
    expect(requests.some((request) => request.path === "/config")).toBe(false);
  });

  it("edit the tiers: add, rename, move up and remove, sending the whole section with the version loaded", async () => {
    const user = userEvent.setup();
    // The API's key order (as zod writes it) differs from the form's: still "nothing changed".
    const { patches } = api(adminMe, {
      "GET /config": () => ({ ...withDepartments, tiers: withDepartments.tiers.map(({ level, ...names }) => ({ ...names, level })) }),
    });
    await open("tiers");
    await user.click(screen.getByTestId("config-save"));
    expect(await screen.findByText("没有需要保存的修改。")).toBeTruthy();
    expect(patches).toEqual([]);
    // The third tier has a role on it (三级网格员): it cannot be removed here.
    await user.click(screen.getByTestId("tier-remove-3"));
    expect(await screen.findByRole("alert")).toHaveTextContent("三级网格员");
    expect(screen.getByTestId("tier-name-zh-3")).toHaveValue("三级网格");

    await user.click(screen.getByTestId("tier-add"));
    await user.click(screen.getByTestId("config-save"));
    // Names are required: nothing is sent, the empty fields say why.
    expect(await screen.findByTestId("config-error")).toHaveTextContent("请先修正标出的 2 处问题");
    expect(patches).toEqual([]);

    await user.type(screen.getByTestId("tier-name-zh-4"), "四级网格");
    await user.type(screen.getByTestId("tier-name-en-4"), "Fourth-level grid");
    await user.clear(screen.getByTestId("tier-name-zh-1"));
    await user.type(screen.getByTestId("tier-name-zh-1"), "社区");
    expect(within(screen.getByTestId("tier-preview")).getByText("社区")).toBeTruthy();
    await user.click(screen.getByTestId("config-save"));
    await screen.findByTestId("config-saved");
    expect(patches).toEqual([
      {
        expectedVersion: 4,
        changes: {
          tiers: [
            { level: 1, nameZh: "社区", nameEn: "First-level grid" },
            { level: 2, nameZh: "二级网格", nameEn: "Second-level grid" },
            { level: 3, nameZh: "三级网格", nameEn: "Third-level grid" },
            { level: 4, nameZh: "四级网格", nameEn: "Fourth-level grid" },
          ],
          dedicatedKinds: jianyangConfig.dedicatedKinds,
        },
      },
    ]);

    // Moving the new tier up renumbers the ladder, and the roles on the tier it passed move with it.
    await user.click(screen.getByTestId("tier-up-4"));
    expect(screen.getByTestId("tier-name-zh-3")).toHaveValue("四级网格");
    expect(screen.getByTestId("tier-name-zh-4")).toHaveValue("三级网格");
    await user.click(screen.getByTestId("config-save"));
    await waitFor(() => expect(patches).toHaveLength(2));
    type Sent = { expectedVersion: number; changes: { tiers: { nameZh: string }[]; roles?: { key: string; tier: number | null }[] } };
    const moved = patches[1] as Sent;
    expect(moved.expectedVersion).toBe(5);
    expect(moved.changes.tiers.map((tier) => tier.nameZh)).toEqual(["社区", "二级网格", "四级网格", "三级网格"]);
    expect(moved.changes.roles?.find((role) => role.key === "grid_worker")?.tier).toBe(4);
    expect(moved.changes.roles?.find((role) => role.key === "grid_leader_1")?.tier).toBe(1);
    await screen.findByTestId("config-saved");

    // Removing the (roleless) fourth-level tier brings 三级网格 and its roles back to level 3.
    await user.click(screen.getByTestId("tier-remove-3"));
    expect(screen.queryByTestId("tier-name-zh-4")).toBeNull();
    await user.click(screen.getByTestId("config-save"));
    await waitFor(() => expect(patches).toHaveLength(3));
    const removed = patches[2] as Sent;
    expect(removed.expectedVersion).toBe(6);
    expect(removed.changes.tiers.map((tier) => tier.nameZh)).toEqual(["社区", "二级网格", "三级网格"]);
    expect(removed.changes.roles?.find((role) => role.key === "grid_worker")?.tier).toBe(3);
  });

  it("lists each reason the API gives for refusing a breaking change", async () => {
    const user = userEvent.setup();
    api(adminMe, {
      "PATCH /config": () =>
        problem(409, {
          code: "config.breaking",
          detail: "This change would break existing data.",
          errors: [
            { path: "tiers", message: "tier 3 (三级网格) still holds 2,600 grids" },
            { path: "dedicatedKinds", message: "kind school still holds S-1, S-2" },
          ],
        }),
    });
    await open("tiers");
    await user.click(screen.getByTestId("kind-remove-0"));
    await user.click(screen.getByTestId("config-save"));
    const error = await screen.findByTestId("config-error");
    expect(error).toHaveTextContent("这次修改会影响已有数据");
    const reasons = within(error).getAllByTestId("config-error-reason");
    expect(reasons.map((reason) => reason.textContent)).toEqual([
      "tier 3 (三级网格) still holds 2,600 grids",
      "kind school still holds S-1, S-2",
    ]);
  });

  it("offers to reload when someone else changed the configuration meanwhile", async () => {
    const user = userEvent.setup();
    const { state } = api();
    await open("mechanisms");
    state.config = { ...state.config, version: 9 };
    await user.click(screen.getByTestId("mechanism-wishes"));
    await user.click(screen.getByTestId("config-save"));
    expect(await screen.findByTestId("config-error")).toHaveTextContent("其他人修改了配置");
    await user.click(screen.getByTestId("config-reload"));
    await waitFor(() => expect(screen.getByText(/当前为第 9 版/)).toBeTruthy());
    expect(screen.getByTestId("mechanism-wishes")).toBeChecked();
  });

  it("adds a ticket category row and sends it with its department and deadline", async () => {
    const user = userEvent.setup();
    const { patches } = api();
    await open("tickets");
    await user.click(screen.getByTestId("category-add"));
    await user.type(screen.getByTestId("category-key-1"), "Waste");
    await user.type(screen.getByTestId("category-name-zh-1"), "垃圾分类");
    await user.type(screen.getByTestId("category-name-en-1"), "Waste sorting");
    await user.click(screen.getByTestId("config-save"));
    // The key's rule is explained beside the field.
    expect(await screen.findByText("以小写字母开头，只能包含小写字母、数字和下划线")).toBeTruthy();
    expect(patches).toEqual([]);

    await user.clear(screen.getByTestId("category-key-1"));
    await user.type(screen.getByTestId("category-key-1"), "waste");
    await user.selectOptions(screen.getByTestId("category-department-1"), "civil");
    await user.clear(screen.getByTestId("category-deadline-1"));
    await user.type(screen.getByTestId("category-deadline-1"), "30");
    expect(screen.getByText("约 3 个工作日")).toBeTruthy();
    // Public on Open311 unless said otherwise; this one is taken off the public list.
    expect(screen.getByTestId("category-public-1")).toBeChecked();
    await user.click(screen.getByTestId("category-public-1"));
    await user.click(screen.getByTestId("config-save"));
    await screen.findByTestId("config-saved");
    expect(patches).toEqual([
      {
        expectedVersion: 4,
        changes: {
          tickets: {
            ...withDepartments.tickets,
            categories: [
              { key: "road", nameZh: "道路破损", nameEn: "Damaged road", departmentKey: "urban", deadlineHours: 48 },
              { key: "waste", nameZh: "垃圾分类", nameEn: "Waste sorting", departmentKey: "civil", deadlineHours: 30, public: false },
            ],
          },
        },
      },
    ]);

    // Territorial (属地) is the empty option and is sent as null.
    await user.selectOptions(screen.getByTestId("category-department-0"), "");
    await user.click(screen.getByTestId("config-save"));
    await waitFor(() => expect(patches).toHaveLength(2));
    expect(
      (patches[1] as { changes: { tickets: { categories: { departmentKey: string | null }[] } } }).changes.tickets.categories[0]
        .departmentKey,
    ).toBeNull();
  });

  it("gives a new category with no key one of its own: from the English name, else category_1", async () => {
    const user = userEvent.setup();
    const { patches } = api();
    await open("tickets");
    await user.click(screen.getByTestId("category-add"));
    await user.type(screen.getByTestId("category-name-zh-1"), "噪音扰民");
    await user.type(screen.getByTestId("category-name-en-1"), "Noise");
    await user.click(screen.getByTestId("category-add"));
    await user.type(screen.getByTestId("category-name-zh-2"), "占道经营");
    await user.click(screen.getByTestId("config-save"));
    // The second has no English name: the check asks for one, and both rows show the keys made for them.
    expect(screen.getByTestId("category-key-1")).toHaveValue("noise");
    expect(screen.getByTestId("category-key-2")).toHaveValue("category_1");
    await user.type(screen.getByTestId("category-name-en-2"), "Street stalls");
    await user.click(screen.getByTestId("config-save"));
    await screen.findByTestId("config-saved");
    const sent = (patches.at(-1) as { changes: { tickets: { categories: { key: string }[] } } }).changes.tickets.categories;
    expect(sent.map((category) => category.key)).toEqual(["road", "noise", "category_1"]);
  });

  it("shows the API's field errors beside the fields they name", async () => {
    const user = userEvent.setup();
    api(adminMe, {
      "PATCH /config": () =>
        problem(400, {
          code: "input.invalid",
          detail: "Invalid input.",
          errors: [{ path: "changes.tickets.categories.0.deadlineHours", message: "Too big: expected number to be <=2000" }],
        }),
    });
    await open("tickets");
    await user.clear(screen.getByTestId("category-deadline-0"));
    await user.type(screen.getByTestId("category-deadline-0"), "100");
    await user.click(screen.getByTestId("config-save"));
    const error = await screen.findByTestId("config-error");
    expect(error).toHaveTextContent("tickets.categories.0.deadlineHours");
    expect(screen.getByTestId("category-deadline-0")).toHaveAttribute("aria-invalid", "true");
  });

  it("switches a mechanism off and the portal's menus follow at once", async () => {
    const user = userEvent.setup();
    const { patches } = api();
    await open("mechanisms");
    expect(await screen.findByTestId("nav-tickets")).toBeTruthy();
    expect(screen.getByTestId("mechanism-tickets")).toBeChecked();
    await user.click(screen.getByTestId("mechanism-tickets"));
    await user.click(screen.getByTestId("config-save"));
    expect(await screen.findByTestId("config-saved")).toHaveTextContent("第 5 版");
    expect(patches).toEqual([{ expectedVersion: 4, changes: { mechanisms: { ...withDepartments.mechanisms, tickets: false } } }]);
    // The header's snap-and-report link goes without a reload.
    await waitFor(() => expect(screen.queryByTestId("nav-tickets")).toBeNull());
    // And the district home shows the new configuration from the refreshed cache.
    await user.click(screen.getByTestId("header-district"));
    const tickets = await screen.findByTestId("mechanism-tickets", {}, { timeout: 10_000 });
    expect(tickets).toHaveAttribute("data-state", "off");
  });

  it("lists people with pending residents first, invites someone and approves a resident", async () => {
    const user = userEvent.setup();
    const person = (overrides: Partial<DistrictUser>): DistrictUser => ({
      userID: "u1",
      name: "黄晓梅",
      phoneMasked: "138****0002",
      emailMasked: null,
      roles: ["grid_worker"],
      gridID: "grid_3",
      departmentKey: null,
      status: "active",
      createdAt: "2026-01-01T00:00:00.000Z",
      ...overrides,
    });
    const people = [person({}), person({ userID: "r1", name: "王居民", roles: ["resident"], gridID: null, status: "pending" })];
    const invited: unknown[] = [];
    const changed: unknown[] = [];
    api(adminMe, {
      "GET /users": (request) => {
        const status = request.search.get("status");
        return { items: people.filter((item) => !status || item.status === status), cursor: null };
      },
      "POST /users": (request) => {
        invited.push(request.body);
        return person({
          userID: "u9",
          name: "陈部门",
          roles: ["department_staff"],
          gridID: null,
          departmentKey: "urban",
          phoneMasked: "139****0009",
        });
      },
      "PATCH /users/r1": (request) => {
        changed.push(request.body);
        return person({ userID: "r1", name: "王居民", roles: ["resident"], gridID: null, status: "active" });
      },
    });
    await open("users");
    const pending = await screen.findByTestId("users-pending");
    expect(within(pending).getByTestId("user-row-r1")).toHaveTextContent("待审核");
    const list = screen.getByTestId("users-list");
    expect(within(list).getByTestId("user-row-u1")).toHaveTextContent("黄晓梅");
    expect(within(list).queryByTestId("user-row-r1")).toBeNull();

    await user.click(screen.getByTestId("user-invite"));
    await user.type(screen.getByTestId("invite-name"), "陈部门");
    await user.type(screen.getByTestId("invite-phone"), "1390000");
    await user.selectOptions(screen.getByTestId("invite-role"), "department_staff");
    await user.click(screen.getByTestId("invite-submit"));
    expect(await screen.findByText("请输入以 1 开头的 11 位手机号")).toBeTruthy();
    await user.type(screen.getByTestId("invite-phone"), "0009");
    await user.selectOptions(screen.getByTestId("invite-department"), "urban");
    await user.click(screen.getByTestId("invite-submit"));
    expect(await screen.findByTestId("user-row-u9")).toHaveTextContent("城管局");
    expect(invited).toEqual([{ name: "陈部门", phone: "13900000009", roles: ["department_staff"], departmentKey: "urban" }]);

    await user.click(screen.getByTestId("user-approve-r1"));
    await waitFor(() => expect(screen.queryByTestId("users-pending")).toBeNull());
    expect(changed).toEqual([{ status: "active" }]);
    expect(within(screen.getByTestId("users-list")).getByTestId("user-row-r1")).toHaveTextContent("正常");
  });

  it("tells why a person cannot be disabled", async () => {
    const user = userEvent.setup();
    api(adminMe, {
      "GET /users": (request) => ({
        items:
          request.search.get("status") === "pending"
            ? []
            : [
                {
                  userID: "admin",
                  name: "林建华",
                  phoneMasked: "138****0001",
                  emailMasked: null,
                  roles: ["district_admin"],
                  gridID: null,
                  departmentKey: null,
                  status: "active",
                  createdAt: "",
                },
              ],
        cursor: null,
      }),
      "PATCH /users/admin": () => problem(409, { code: "user.last_admin", detail: "The district would be left without an active admin." }),
    });
    await open("users");
    await user.click(await screen.findByTestId("user-disable-admin"));
    expect(await screen.findByTestId("user-error-admin")).toHaveTextContent("without an active admin");
  });

  it("shows the history, what a version changed, and rolls back after a confirmation", async () => {
    const user = userEvent.setup();
    const versions: ConfigVersion[] = [
      {
        version: 4,
        createdAt: "2026-11-28T09:00:00.000Z",
        createdBy: "admin",
        createdByName: "林建华",
        sections: ["mechanisms"],
        note: "关闭微心愿",
        rollbackOf: null,
      },
      {
        version: 3,
        createdAt: "2026-11-27T09:00:00.000Z",
        createdBy: "admin",
        createdByName: "林建华",
        sections: ["tiers"],
        note: null,
        rollbackOf: null,
      },
    ];
    const rollbacks: unknown[] = [];
    const { state } = api(adminMe, {
      "GET /config/versions": () => ({ items: versions, cursor: null }),
      "GET /config/versions/3": () => ({ ...versions[1], settings: { ...withDepartments, tiers: withDepartments.tiers.slice(0, 2) } }),
      "POST /config/rollback": (request) => {
        rollbacks.push(request.body);
        state.config = { ...state.config, tiers: withDepartments.tiers.slice(0, 2), version: 5 };
        versions.unshift({
          version: 5,
          createdAt: "2026-11-29T09:00:00.000Z",
          createdBy: "admin",
          createdByName: "林建华",
          sections: ["tiers"],
          note: null,
          rollbackOf: 3,
        });
        return state.config;
      },
    });
    await open("history");
    expect(await screen.findByTestId("version-4")).toHaveTextContent("修改了：治理机制");
    expect(screen.getByTestId("version-4")).toHaveTextContent("关闭微心愿");
    await user.click(screen.getByTestId("version-open-3"));
    const diff = await screen.findByTestId("diff-tiers");
    // In the domain's words: the tier by its number and name, not `tiers.2.nameZh`.
    expect(within(diff).getByRole("rowheader")).toHaveTextContent("第3级");
    expect(diff).toHaveTextContent("第3级—三级网格");
    expect(diff).not.toHaveTextContent("nameZh");
    await user.click(screen.getByTestId("config-rollback"));
    expect(screen.getByTestId("rollback-confirm")).toHaveTextContent("确定回退到第 3 版");
    expect(rollbacks).toEqual([]);
    await user.click(screen.getByTestId("config-rollback-confirm"));
    expect(await screen.findByTestId("config-saved")).toHaveTextContent("已回退，当前为第 5 版");
    expect(rollbacks).toEqual([{ toVersion: 3, expectedVersion: 4 }]);
    expect(await screen.findByTestId("version-5")).toHaveTextContent("回退到第 3 版");
  });

  it("pages through the audit trail", async () => {
    const user = userEvent.setup();
    const event = (index: number) => ({
      eventID: `e${index}`,
      at: "2026-11-29T08:00:00.000Z",
      actorID: "admin",
      actorName: "林建华",
      actorRoles: ["district_admin"],
      action: "config.updated",
      subjectID: "config",
      summary: `change ${index}`,
      details: { version: 4 + index, previousVersion: 3 + index, sections: ["tiers", "mechanisms"], note: null, rollbackOf: null },
    });
    api(adminMe, {
      "GET /audit": (request) =>
        request.search.get("cursor") ? { items: [event(3)], cursor: null } : { items: [event(1), event(2)], cursor: "next" },
    });
    await open("audit");
    await waitFor(() => expect(screen.getAllByTestId("audit-event")).toHaveLength(2));
    // A sentence and a person, not `config.updated` by `admin`.
    expect(screen.getAllByTestId("audit-event")[0]).toHaveTextContent("修改了区县配置（第 5 版）：网格层级、治理机制");
    expect(screen.getAllByTestId("audit-event")[0]).toHaveTextContent("操作人 区级管理员 林建华");
    expect(screen.getAllByTestId("audit-event")[0]).not.toHaveTextContent("config.updated");
    await user.click(screen.getByRole("button", { name: "加载更多" }));
    await waitFor(() => expect(screen.getAllByTestId("audit-event")).toHaveLength(3));
  });
});

describe("the settings dictionary", () => {
  it("has every key in both languages with the same placeholders, and no key of the main part", () => {
    const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const chinese = Object.keys(settingsDictionaries["zh-CN"]).sort();
    expect(Object.keys(settingsDictionaries.en).sort()).toEqual(chinese);
    for (const key of chinese as (keyof (typeof settingsDictionaries)["en"])[]) {
      expect(settingsDictionaries.en[key].trim(), key).not.toBe("");
      expect(placeholders(settingsDictionaries.en[key]), key).toEqual(placeholders(settingsDictionaries["zh-CN"][key]));
      expect(key in dictionaries["zh-CN"], key).toBe(false);
    }
  });
});
