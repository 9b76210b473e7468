import { screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { DistrictConfig, Me } from "../data/types.ts";
import { adminMe, jianyang, minimalConfig } from "../test/fixtures.ts";
import { fakeApi, renderApp, signedIn } from "../test/harness.tsx";
import { setupDone } from "./setup-checklist.tsx";

const { version: _version, updatedAt: _at, updatedBy: _by, ...firstSettings } = minimalConfig;
const guangze = { ...jianyang, tenantID: "guangze", nameZh: "光泽县", nameEn: "Guangze County" };
const guangzeAdmin: Me = {
  actor: { type: "user", userID: "user_a1", tenantID: "guangze", roles: ["district_admin"] },
  profile: { ...adminMe.profile, userID: "user_a1", tenantID: "guangze" },
};
const metrics = (values: Record<string, number>, people = 0) => ({ values, roles: [{ key: "grid_worker", people }] });
const users = (roles: string[][]) => ({
  items: roles.map((held, index) => ({ userID: `user_${index}`, name: `人${index}`, roles: held, status: "active" })),
  cursor: null,
});

function api(config: DistrictConfig, reads: { metrics?: unknown; users?: unknown; me?: Me } = {}) {
  return fakeApi({
    "GET /me": () => reads.me ?? guangzeAdmin,
    "GET /districts/guangze": () => ({ district: guangze, config }),
    "GET /provinces": () => ({ items: [], cursor: null }),
    "GET /config/versions/1": () => ({ version: 1, settings: firstSettings }),
    "GET /metrics/district": () => reads.metrics ?? metrics({ "grids.total": 0, "tickets.collected": 0 }),
    "GET /users": () => reads.users ?? users([["district_admin"]]),
  });
}

describe("the first-run checklist's done-states", () => {
  it("a district just onboarded has what its template gave; each step is done once changed or in use", () => {
    // The minimal template names tiers and roles, and no departments or categories.
    const fresh = setupDone({ config: minimalConfig, first: firstSettings, metrics: metrics({}), users: [] });
    expect(fresh).toEqual({
      tiers: "template",
      grids: "todo",
      roles: "template",
      departments: "todo",
      categories: "todo",
      people: "todo",
    });

    const renamed = {
      ...minimalConfig,
      tiers: [
        { level: 1, nameZh: "片区", nameEn: "Block" },
        { level: 2, nameZh: "楼栋", nameEn: "Building" },
      ],
    };
    const withCategory = {
      ...renamed,
      tickets: {
        ...minimalConfig.tickets,
        categories: [
          ...minimalConfig.tickets.categories,
          { key: "pets", nameZh: "宠物扰民", nameEn: "Pets", departmentKey: null, deadlineHours: 24 },
        ],
      },
    };
    expect(setupDone({ config: withCategory, first: firstSettings })).toMatchObject({
      tiers: "done",
      categories: "done",
      departments: "todo",
      roles: "template",
      grids: "todo",
    });

    const inUse = setupDone({
      config: minimalConfig,
      first: firstSettings,
      metrics: metrics({ "grids.total": 12, "tickets.collected": 3 }, 2),
      users: [{ userID: "u1", name: "黄", roles: ["grid_worker"], status: "active" }],
    });
    expect(Object.values(inUse).every((state) => state === "done")).toBe(true);
  });

  it("residents and disabled staff are not the district's people yet", () => {
    const done = setupDone({
      config: minimalConfig,
      users: [
        { userID: "u1", name: "居民", roles: ["resident"], status: "active" },
        { userID: "u2", name: "停用", roles: ["grid_worker"], status: "disabled" },
        { userID: "u3", name: "管理员", roles: ["district_admin"], status: "active" },
      ],
    });
    expect(done.people).toBe("todo");
  });
});

describe("the first-run checklist on the district home", () => {
  it("shows a new district's admin every step with a link to where it is done", async () => {
    signedIn();
    const renamed = {
      ...minimalConfig,
      version: 2,
      tiers: [
        { level: 1, nameZh: "片区", nameEn: "Block" },
        { level: 2, nameZh: "楼栋", nameEn: "Building" },
      ],
    };
    api(renamed);
    renderApp("/d/guangze");
    const checklist = await screen.findByTestId("setup-checklist");
    // Tiers renamed (done), roles as the template gave them (counted, and said so).
    expect(checklist).toHaveTextContent("已完成 2 / 6 项");
    expect(screen.getByTestId("setup-item-tiers")).toHaveAttribute("data-state", "done");
    expect(screen.getByTestId("setup-item-roles")).toHaveAttribute("data-state", "template");
    expect(screen.getByTestId("setup-item-roles")).toHaveTextContent("模板已设好");
    for (const item of ["grids", "departments", "categories", "people"])
      expect(screen.getByTestId(`setup-item-${item}`)).toHaveAttribute("data-done", "false");
    const href = (item: string) => screen.getByTestId(`setup-item-${item}`).querySelector("a")?.getAttribute("href");
    expect(href("tiers")).toBe("/d/guangze/settings/tiers");
    expect(href("grids")).toBe("/d/guangze/grids/import");
    expect(href("roles")).toBe("/d/guangze/settings/roles");
    expect(href("departments")).toBe("/d/guangze/settings/tickets");
    expect(href("categories")).toBe("/d/guangze/settings/tickets");
    expect(href("people")).toBe("/d/guangze/settings/users");
  });

  it("is gone once everything is done", async () => {
    signedIn();
    const { requests } = api(minimalConfig, {
      metrics: metrics({ "grids.total": 5, "tickets.collected": 1 }, 1),
      users: users([["district_admin"], ["grid_worker"]]),
    });
    renderApp("/d/guangze");
    await screen.findByTestId("district-name");
    // Every read was made and answered: still no checklist.
    await waitFor(() =>
      expect(requests.filter((request) => ["/users", "/metrics/district", "/config/versions/1"].includes(request.path))).toHaveLength(3),
    );
    await new Promise((resolve) => setTimeout(resolve));
    expect(screen.queryByTestId("setup-checklist")).not.toBeInTheDocument();
  });

  it("is not shown to anyone but the district's admins", async () => {
    signedIn();
    const resident: Me = { ...guangzeAdmin, actor: { ...guangzeAdmin.actor, roles: ["resident"] } as Me["actor"] };
    const { requests } = api(minimalConfig, { me: resident });
    renderApp("/d/guangze");
    await screen.findByTestId("district-name");
    await new Promise((resolve) => setTimeout(resolve));
    expect(screen.queryByTestId("setup-checklist")).not.toBeInTheDocument();
    expect(requests.some((request) => request.path === "/users" || request.path === "/metrics/district")).toBe(false);
  });
});
