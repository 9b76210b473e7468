import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DistrictConfig } from "../data/config.ts";
import { adminMe, jianyang, jianyangConfig } from "../test/fixtures.ts";
import { fakeApi, renderApp, signedIn } from "../test/harness.tsx";

/** A fake API holding one configuration that PATCH /config changes like the real one. */
function api() {
  const state = { config: { ...jianyangConfig, version: 4 } as DistrictConfig };
  const patches: { expectedVersion: number; changes: Partial<DistrictConfig> }[] = [];
  fakeApi({
    "GET /me": () => adminMe,
    "GET /districts/jianyang": () => ({ district: jianyang, config: state.config }),
    "GET /provinces": () => ({ items: [], cursor: null }),
    "GET /me/notifications": () => ({ items: [], cursor: null }),
    "GET /config": () => state.config,
    "PATCH /config": (request) => {
      const body = request.body as { expectedVersion: number; changes: Partial<DistrictConfig> };
      patches.push(body);
      state.config = { ...state.config, ...body.changes, version: state.config.version + 1 };
      return state.config;
    },
  });
  return { state, patches };
}

describe("settings → 数据平台", () => {
  it("adds a special group with a key made from its English name, marks it sensitive, and narrows who may reveal", async () => {
    const { patches } = api();
    signedIn();
    renderApp("/d/jianyang/settings/register");
    const section = await screen.findByTestId("settings-register", {}, { timeout: 20_000 });
    expect((within(section).getByTestId("register-tag-name-zh-2") as HTMLInputElement).value).toBe("低保户");
    expect(within(section).getByTestId("register-tag-sensitive-2")).toBeChecked();
    const user = userEvent.setup();
    await user.click(within(section).getByTestId("register-tag-add"));
    await user.type(within(section).getByTestId("register-tag-name-zh-3"), "失独家庭");
    await user.type(within(section).getByTestId("register-tag-name-en-3"), "Family that lost its only child");
    await user.click(within(section).getByTestId("register-tag-sensitive-3"));
    await user.click(within(section).getByTestId("register-reveal-grid_worker"));
    await user.click(screen.getByTestId("config-save"));
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0].expectedVersion).toBe(4);
    expect(patches[0].changes).toEqual({
      register: {
        tags: [
          ...jianyangConfig.register!.tags,
          { key: "family_that_lost_its_only_child", nameZh: "失独家庭", nameEn: "Family that lost its only child", sensitive: true },
        ],
        revealRoles: ["grid_leader", "district_admin"],
      },
    });
    expect((within(section).getByTestId("register-tag-key-3") as HTMLInputElement).value).toBe("family_that_lost_its_only_child");
  });

  it("refuses a tag without names before anything is sent", async () => {
    const { patches } = api();
    signedIn();
    renderApp("/d/jianyang/settings/register");
    const section = await screen.findByTestId("settings-register", {}, { timeout: 20_000 });
    const user = userEvent.setup();
    await user.click(within(section).getByTestId("register-tag-add"));
    await user.click(screen.getByTestId("config-save"));
    expect(await within(section).findAllByText("请填写此项")).not.toHaveLength(0);
    expect(patches).toEqual([]);
  });
});
