import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DistrictUser } from "../data/config.ts";
import { namesDictionaries } from "../i18n/names.ts";
import { dictionaries } from "../i18n/index.ts";
import { adminMe, jianyang, jianyangConfig } from "../test/fixtures.ts";
import { fakeApi, problem, renderApp, signedIn, type FakeRequest } from "../test/harness.tsx";

const grid = (gridID: string, code: string, name: string, tier: number) => ({ gridID, code, name, tier });
const taoyuan = grid("grid_ty", "JY-28", "桃园社区", 1);
const group2 = grid("grid_ty2", "JY-28-02", "桃园二组", 2);
const xinqiao = grid("grid_xq", "JY-28-02-02", "新桥微网格", 3);
const shuinan = grid("grid_sn", "JY-3", "水南街道", 1);
const all = [taoyuan, group2, xinqiao, shuinan];
const children: Record<string, typeof all> = { root: [taoyuan, shuinan], grid_ty: [group2], grid_ty2: [xinqiao] };
const full = (ref: (typeof all)[number]) => ({ ...ref, path: [], bbox: [], areaM2: 1, status: "active", parentID: null });

function district(routes: Record<string, (request: FakeRequest) => unknown> = {}) {
  const invited: unknown[] = [];
  const fake = fakeApi({
    "GET /me": () => adminMe,
    "GET /districts/jianyang": () => ({ district: jianyang, config: jianyangConfig }),
    "GET /provinces": () => ({ items: [], cursor: null }),
    "GET /me/notifications": () => ({ items: [], cursor: null }),
    "GET /config": () => jianyangConfig,
    "GET /users": () => ({ items: [], cursor: null }),
    // The real search's rule, over the four grids: code prefix, then name.
    "GET /grids/search": (request) => {
      const q = (request.search.get("q") ?? "").toLowerCase();
      const items = all.filter((item) => item.code.toLowerCase().startsWith(q) || item.name.includes(q));
      return { items, more: false };
    },
    "GET /grids/grid_xq": () => ({ grid: full(xinqiao), ancestors: [] }),
    "GET /grids": (request) => ({ items: (children[request.search.get("parentID") ?? "root"] ?? []).map(full), cursor: null }),
    "POST /users": (request) => {
      invited.push(request.body);
      const body = request.body as { gridID: string };
      if (body.gridID !== xinqiao.gridID)
        return problem(400, {
          title: "Bad request",
          code: "user.placement",
          detail: "The roles need a department or a grid that this district has.",
          errors: [{ path: "gridID", message: `there is no active grid ${body.gridID} in this district` }],
        });
      const user: DistrictUser = {
        userID: "u9",
        name: "黄晓梅",
        phoneMasked: "139****0009",
        emailMasked: null,
        roles: ["grid_worker"],
        gridID: xinqiao.gridID,
        departmentKey: null,
        status: "active",
        createdAt: "2026-12-01T00:00:00.000Z",
      };
      return user;
    },
    ...routes,
  });
  return { invited, requests: fake.requests };
}

async function openInvite() {
  signedIn();
  renderApp("/d/jianyang/settings/users");
  await screen.findByTestId("settings-users", {}, { timeout: 10_000 });
  const user = userEvent.setup();
  await user.click(screen.getByTestId("user-invite"));
  await user.type(screen.getByTestId("invite-name"), "黄晓梅");
  await user.type(screen.getByTestId("invite-phone"), "13900000009");
  return user;
}

describe("choosing a grid by name or code", { timeout: 20_000 }, () => {
  it("invites a grid worker to the grid found by typing its code, sending that grid's ID", async () => {
    const { invited, requests } = district();
    const user = await openInvite();
    const input = screen.getByTestId("invite-grid");
    expect(input).toHaveAttribute("role", "combobox");
    await user.type(input, "JY-28-02-0");
    await waitFor(() => expect(screen.getAllByTestId("invite-grid-option")).toHaveLength(1));
    // Name · code · tier, the tier in the district's own words.
    expect(screen.getByTestId("invite-grid-option")).toHaveTextContent("新桥微网格JY-28-02-02 · 三级网格");
    expect(requests.some((request) => request.path === "/grids/search" && request.search.get("q") === "JY-28-02-0")).toBe(true);
    await user.keyboard("{Enter}");
    expect(input).toHaveValue("新桥微网格 · JY-28-02-02");
    expect(input).toHaveAttribute("aria-expanded", "false");
    await user.click(screen.getByTestId("invite-submit"));
    await screen.findByTestId("user-row-u9");
    // The person's grid is shown by name and code, not by its ID.
    await waitFor(() => expect(screen.getByTestId("user-grid-name-u9")).toHaveTextContent("网格：新桥微网格 · JY-28-02-02"));
    expect(invited).toEqual([{ name: "黄晓梅", phone: "13900000009", roles: ["grid_worker"], gridID: "grid_xq" }]);
  });

  it("is used with the keyboard alone: arrows move, right opens the tier below, left goes back, Enter chooses, Esc closes", async () => {
    district();
    const user = await openInvite();
    const input = screen.getByTestId("invite-grid");
    input.focus();
    // An empty box lists the first tier.
    await waitFor(() =>
      expect(screen.getAllByTestId("invite-grid-option").map((option) => option.dataset.grid)).toEqual(["grid_ty", "grid_sn"]),
    );
    await user.keyboard("{ArrowDown}");
    expect(input.getAttribute("aria-activedescendant")).toBe(screen.getAllByTestId("invite-grid-option")[1].id);
    await user.keyboard("{ArrowUp}{ArrowRight}");
    await waitFor(() => expect(screen.getAllByTestId("invite-grid-option").map((option) => option.dataset.grid)).toEqual(["grid_ty2"]));
    await user.keyboard("{ArrowRight}");
    await waitFor(() => expect(screen.getAllByTestId("invite-grid-option").map((option) => option.dataset.grid)).toEqual(["grid_xq"]));
    await user.keyboard("{ArrowLeft}");
    await waitFor(() => expect(screen.getAllByTestId("invite-grid-option").map((option) => option.dataset.grid)).toEqual(["grid_ty2"]));
    await user.keyboard("{Enter}");
    expect(input).toHaveValue("桃园二组 · JY-28-02");
    expect(screen.queryByRole("listbox")).toBeNull();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByRole("listbox")).toBeTruthy();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(input).toHaveValue("桃园二组 · JY-28-02");
  });

  it("finds grids by a part of the name and says in Chinese when the API does not know the grid", async () => {
    const { invited } = district();
    const user = await openInvite();
    await user.type(screen.getByTestId("invite-grid"), "二组");
    await waitFor(() => expect(screen.getAllByTestId("invite-grid-option").map((option) => option.dataset.grid)).toEqual(["grid_ty2"]));
    await user.click(screen.getByTestId("invite-grid-option"));
    await user.click(screen.getByTestId("invite-submit"));
    const field = (await screen.findByText(namesDictionaries["zh-CN"]["gridSelect.unknown"])).closest(".field")!;
    expect(within(field as HTMLElement).getByTestId("invite-grid")).toBeTruthy();
    expect(invited).toEqual([{ name: "黄晓梅", phone: "13900000009", roles: ["grid_worker"], gridID: "grid_ty2" }]);
  });
});

describe("the names part of the dictionary", () => {
  it("has the same keys and placeholders in both languages, none empty and none of the main part's", () => {
    const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const chinese = Object.keys(namesDictionaries["zh-CN"]).sort();
    expect(Object.keys(namesDictionaries.en).sort()).toEqual(chinese);
    for (const key of chinese as (keyof (typeof namesDictionaries)["en"])[]) {
      expect(namesDictionaries["zh-CN"][key].trim(), key).not.toBe("");
      expect(namesDictionaries.en[key].trim(), key).not.toBe("");
      expect(placeholders(namesDictionaries.en[key]), key).toEqual(placeholders(namesDictionaries["zh-CN"][key]));
      expect(key in dictionaries["zh-CN"], key).toBe(false);
    }
  });
});
