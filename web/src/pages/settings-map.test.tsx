import { screen, waitFor } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DistrictConfig } from "../data/config.ts";
import { adminMe, jianyang, jianyangConfig } from "../test/fixtures.ts";
import { fakeApi, problem, renderApp, signedIn } from "../test/harness.tsx";

/** A fake API holding one configuration that PATCH /config changes, refusing shifted-coordinate hosts as the real one does. */
function api() {
  const state = { config: { ...jianyangConfig, version: 2 } as DistrictConfig };
  const patches: Array<{ changes: Partial<DistrictConfig> }> = [];
  fakeApi({
    "GET /me": () => adminMe,
    "GET /districts/jianyang": () => ({ district: jianyang, config: state.config }),
    "GET /provinces": () => ({ items: [], cursor: null }),
    "GET /me/notifications": () => ({ items: [], cursor: null }),
    "GET /config": () => state.config,
    "PATCH /config": (request) => {
      const body = request.body as { expectedVersion: number; changes: Partial<DistrictConfig> };
      patches.push(body);
      if (body.changes.map?.tileUrl?.includes("blocked.example"))
        return problem(400, {
          code: "input.invalid",
          detail: "The request is not valid.",
          errors: [{ path: "changes.map.tileUrl", message: "该服务不可用（服务器说）" }],
        });
      state.config = { ...state.config, ...body.changes, version: state.config.version + 1, updatedAt: "2026-12-06T10:00:00.000Z" };
      return state.config;
    },
  });
  return { state, patches };
}

async function open() {
  signedIn();
  renderApp("/d/jianyang/settings/map");
  await screen.findByTestId("settings-map", {}, { timeout: 15_000 });
}

describe("the base map settings", { timeout: 20_000 }, () => {
  it("start offline, and save 天地图 with the district's key and its label layer, keeping the map's view", async () => {
    const user = userEvent.setup();
    const { patches, state } = api();
    await open();
    expect(screen.getByTestId("map-preset")).toHaveValue("none");
    expect(screen.getByTestId("map-current")).toHaveTextContent("离线底图（网格轮廓与名称）");
    expect(screen.getByTestId("map-crs-note")).toHaveTextContent("GCJ-02");
    // 高德 and 百度 are listed, but cannot be picked.
    expect(screen.getByRole("option", { name: "高德地图（GCJ-02，不可用）" })).toBeDisabled();
    expect(screen.getByRole("option", { name: "百度地图（BD-09，不可用）" })).toBeDisabled();

    await user.selectOptions(screen.getByTestId("map-preset"), "tianditu_vec");
    await user.click(screen.getByTestId("config-save"));
    expect(await screen.findByText("请填写天地图密钥。")).toBeInTheDocument();
    expect(patches).toHaveLength(0);

    await user.type(screen.getByTestId("map-tk"), "0123456789abcdef0123456789abcdef");
    await user.click(screen.getByTestId("config-save"));
    await screen.findByTestId("config-saved");
    expect(patches).toHaveLength(1);
    const map = patches[0].changes.map!;
    expect(map.tileUrl).toContain("https://t{s}.tianditu.gov.cn/vec_w/wmts?");
    expect(map.tileUrl).toContain("tk=0123456789abcdef0123456789abcdef");
    expect(map.tileAnnotationUrl).toContain("/cva_w/wmts?");
    expect([map.center, map.zoom]).toEqual([jianyangConfig.map.center, jianyangConfig.map.zoom]);
    expect(state.config.map.tileUrl).toBe(map.tileUrl);
    expect(screen.getByTestId("map-current")).toHaveTextContent("tianditu.gov.cn/vec_w/wmts");
  });

  it("checks a custom tile URL before sending it, and shows the API's refusal beside the field", async () => {
    const user = userEvent.setup();
    const { patches } = api();
    await open();
    await user.selectOptions(screen.getByTestId("map-preset"), "custom");
    await user.type(screen.getByTestId("map-tile-url"), "http://tiles.example/{{z}/{{x}/{{y}.png");
    await user.click(screen.getByTestId("config-save"));
    expect(await screen.findByText(/https/)).toBeInTheDocument();
    expect(patches).toHaveLength(0);

    await user.clear(screen.getByTestId("map-tile-url"));
    await user.type(screen.getByTestId("map-tile-url"), "https://blocked.example/{{z}/{{x}/{{y}.png");
    await user.click(screen.getByTestId("config-save"));
    // Beside the field, and in the save bar's list of reasons.
    expect(await screen.findAllByText("该服务不可用（服务器说）")).toHaveLength(2);
    expect(patches).toHaveLength(1);

    await user.clear(screen.getByTestId("map-tile-url"));
    await user.type(screen.getByTestId("map-tile-url"), "https://tiles.example/{{z}/{{x}/{{y}.png");
    await user.click(screen.getByTestId("config-save"));
    await screen.findByTestId("config-saved");
    await waitFor(() => expect(patches[1].changes.map?.tileUrl).toBe("https://tiles.example/{z}/{x}/{y}.png"));
  });
});
