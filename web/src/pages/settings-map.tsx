/**
 * 底图: the map service under the grids. The usual Chinese services as presets — 天地图 with the
 * district's own key (CGCS2000 ≈ WGS-84, so grids line up), 高德 and 百度 shown but refused
 * (GCJ-02 / BD-09 would put the grids hundreds of metres off) — or a tile URL of the district's
 * own; none means the offline base map drawn from the district's grids (outlines and names).
 */
import { For, Show, createSignal } from "solid-js";
import { leafletTiles, tiandituKeyOf, tiandituMap, tileUrlProblem } from "@wangge/core/config/base-map";
import type { DistrictConfig } from "../data/config.ts";
import { useMapsLocale } from "../i18n/maps.ts";
import { Block, InputField, SaveBar, createSectionSave, type SettingsFrame } from "./settings-parts.tsx";

type Preset = "none" | "tianditu_vec" | "tianditu_img" | "custom" | "amap" | "baidu";
const presets: Preset[] = ["none", "tianditu_vec", "tianditu_img", "custom", "amap", "baidu"];
/** Offered so that people see why they are not: their coordinates are shifted. */
const refused = new Set<Preset>(["amap", "baidu"]);

type MapSettings = DistrictConfig["map"];

function presetOf(map: MapSettings): Preset {
  const tianditu = tiandituKeyOf(map.tileUrl);
  if (tianditu) return tianditu.layer === "vec" ? "tianditu_vec" : "tianditu_img";
  return map.tileUrl ? "custom" : "none";
}

export function MapSection(props: { frame: SettingsFrame }) {
  const { t } = useMapsLocale();
  const initial = props.frame.config().map;
  const save = createSectionSave(props.frame);
  const [preset, setPreset] = createSignal<Preset>(presetOf(initial));
  const [tk, setTk] = createSignal(tiandituKeyOf(initial.tileUrl)?.tk ?? "");
  const [tileUrl, setTileUrl] = createSignal(presetOf(initial) === "custom" ? (initial.tileUrl ?? "") : "");
  const [annotationUrl, setAnnotationUrl] = createSignal(presetOf(initial) === "custom" ? (initial.tileAnnotationUrl ?? "") : "");
  const [attribution, setAttribution] = createSignal(presetOf(initial) === "custom" ? (initial.tileAttribution ?? "") : "");

  /** The map settings the form stands for (the view, centre and zoom, kept as they are). */
  function next(): MapSettings {
    const current = props.frame.config().map;
    const view = { center: current.center, zoom: current.zoom };
    const chosen = preset();
    if (chosen === "tianditu_vec" || chosen === "tianditu_img")
      return { ...view, ...tiandituMap(chosen === "tianditu_vec" ? "vec" : "img", tk().trim()) };
    if (chosen === "custom")
      return {
        ...view,
        tileUrl: tileUrl().trim(),
        tileAnnotationUrl: annotationUrl().trim() || null,
        tileAttribution: attribution().trim() || null,
      };
    return { ...view, tileUrl: null, tileAnnotationUrl: null, tileAttribution: null };
  }

  function check(): Record<string, string> {
    const errors: Record<string, string> = {};
    const chosen = preset();
    if (refused.has(chosen)) errors["map.tileUrl"] = t("basemap.gcjRefused", { name: t(`basemap.preset.${chosen}`) });
    if (chosen.startsWith("tianditu") && !/^[A-Za-z0-9]{8,64}$/.test(tk().trim())) errors["map.tk"] = t("basemap.errorTk");
    if (chosen === "custom") {
      if (!tileUrl().trim()) errors["map.tileUrl"] = t("basemap.errorUrl");
      else {
        const problem = tileUrlProblem(tileUrl().trim());
        if (problem) errors["map.tileUrl"] = problem;
      }
      const labels = annotationUrl().trim() && tileUrlProblem(annotationUrl().trim());
      if (labels) errors["map.tileAnnotationUrl"] = labels;
    }
    return errors;
  }

  const unchanged = () => {
    const before = props.frame.config().map;
    const after = next();
    return (
      before.tileUrl === after.tileUrl &&
      (before.tileAnnotationUrl ?? null) === (after.tileAnnotationUrl ?? null) &&
      before.tileAttribution === after.tileAttribution
    );
  };
  const edit = (change: () => void) => save.edit(change);

  return (
    <div class="settings-section" data-testid="settings-map">
      <Block title={t("basemap.title")} hint={t("basemap.hint")}>
        <div class="field">
          <label class="field-label" for="map-preset">
            {t("basemap.preset")}
          </label>
          <select
            id="map-preset"
            class="input select"
            data-testid="map-preset"
            value={preset()}
            onChange={(event) => edit(() => setPreset(event.currentTarget.value as Preset))}
          >
            <For each={presets}>
              {(option) => (
                <option value={option} disabled={refused.has(option)} selected={option === preset()}>
                  {t(`basemap.preset.${option}`)}
                </option>
              )}
            </For>
          </select>
          <Show when={save.error("map.tileUrl") && preset() !== "custom"}>
            <p class="field-error" data-testid="map-error">
              {save.error("map.tileUrl")}
            </p>
          </Show>
        </div>
        <p class="notice notice-info" data-testid="map-crs-note">
          {t("basemap.crsNote")}
        </p>
        <Show when={preset() === "tianditu_vec" || preset() === "tianditu_img"}>
          <InputField
            id="map-tk"
            label={t("basemap.tk")}
            hint={t("basemap.tkHint")}
            value={tk()}
            onValue={(value) => edit(() => setTk(value))}
            error={save.error("map.tk")}
            testid="map-tk"
          />
        </Show>
        <Show when={preset() === "custom"}>
          <InputField
            id="map-tile-url"
            label={t("basemap.tileUrl")}
            hint={t("basemap.tileUrlHint")}
            value={tileUrl()}
            onValue={(value) => edit(() => setTileUrl(value))}
            error={save.error("map.tileUrl")}
            placeholder="https://…/{z}/{x}/{y}.png"
            testid="map-tile-url"
          />
          <InputField
            id="map-annotation-url"
            label={t("basemap.annotationUrl")}
            value={annotationUrl()}
            onValue={(value) => edit(() => setAnnotationUrl(value))}
            error={save.error("map.tileAnnotationUrl")}
            testid="map-annotation-url"
          />
          <InputField
            id="map-attribution"
            label={t("basemap.attribution")}
            value={attribution()}
            onValue={(value) => edit(() => setAttribution(value))}
            error={save.error("map.tileAttribution")}
            testid="map-attribution"
          />
        </Show>
        <p class="field-hint" data-testid="map-current">
          {t("basemap.preview", {
            what: props.frame.config().map.tileUrl
              ? leafletTiles(props.frame.config().map.tileUrl!).url.split("?")[0]
              : t("basemap.offline"),
          })}
        </p>
      </Block>
      <SaveBar
        save={save}
        frame={props.frame}
        dirty={!unchanged()}
        onDiscard={() => {
          const map = props.frame.config().map;
          setPreset(presetOf(map));
          setTk(tiandituKeyOf(map.tileUrl)?.tk ?? "");
          setTileUrl(presetOf(map) === "custom" ? (map.tileUrl ?? "") : "");
        }}
        onSave={() => void save.save({ map: next() }, { check, unchanged: unchanged() && !refused.has(preset()) })}
      />
    </div>
  );
}
