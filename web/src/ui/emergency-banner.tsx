import { A } from "@solidjs/router";
import { onCleanup, onMount, Show } from "solid-js";
import { emergencyApi, MODE_CHANGED, type EmergencyMode } from "../data/emergency.ts";
import { createQuery } from "../data/query.ts";
import type { EmergencyMessageKey } from "../i18n/emergency.zh-CN.ts";
import { fill, type MessageParams } from "../i18n/index.ts";
import { useLocale } from "../providers/locale.tsx";
import { districtOf, useSession } from "../providers/session.tsx";
import { AlertIcon } from "./icons.tsx";
import "./emergency-banner.css";

/** How often the banner reads the mode again while a page stays open. */
const POLL_MS = 60_000;

/**
 * The red bar under the header on every page of a district in emergency mode (平急切换): the
 * reason and since when, and a link to the emergency tasks. It reads the mode once per page
 * load, again every minute, and at once after a switch made on this page; it shows nothing
 * where the mechanism is off or the district is in normal mode. Its words come with the
 * emergency pages' dictionary part, loaded only when there is something to show.
 */
export function EmergencyBanner() {
  const session = useSession();
  const locale = useLocale();
  const slug = () => (session.token() ? districtOf(session.me.data()) : undefined);
  const district = createQuery(slug, (tenantID) => session.api.district(tenantID), { refresh: session.api.districtRevision });
  const on = () => (district.data()?.config.mechanisms.emergencyMode ? slug() : undefined);
  // Reloading keeps the last answer on screen while the next one loads.
  const mode = createQuery(on, () => emergencyApi(session.api).mode());
  const active = () => (on() && mode.data()?.mode === "emergency" ? mode.data() : undefined);
  const words = createQuery(
    () => Boolean(active()),
    () => import("../i18n/emergency.ts").then((module) => module.emergencyDictionaries),
  );
  onMount(() => {
    const refresh = () => on() && mode.reload();
    const timer = setInterval(refresh, POLL_MS);
    window.addEventListener(MODE_CHANGED, refresh);
    onCleanup(() => {
      clearInterval(timer);
      window.removeEventListener(MODE_CHANGED, refresh);
    });
  });
  return (
    <Show when={words.data() && active()}>
      {(current) => {
        const t = (key: EmergencyMessageKey, params?: MessageParams) => fill(words.data()![locale.language()][key], params);
        const since = (iso: string) =>
          new Intl.DateTimeFormat(locale.language(), {
            year: "numeric",
            month: "short",
            day: "numeric",
            hour: "2-digit",
            minute: "2-digit",
            hour12: false,
          }).format(new Date(iso));
        const grids = (mode: EmergencyMode) =>
          mode.grids.length <= 2
            ? mode.grids.map((grid) => grid.name).join("、")
            : t("emergency.bannerMore", { first: mode.grids[0].name, count: mode.grids.length });
        return (
          <div class="emergency-banner" classList={{ "is-mine": current().affectsMe }} role="status" data-testid="emergency-banner">
            <div class="container emergency-banner-inner">
              <AlertIcon size={18} class="emergency-banner-icon" />
              <strong class="emergency-banner-label">{t("emergency.banner")}</strong>
              <span class="emergency-banner-text" data-testid="emergency-banner-text">
                {current().scope === "district"
                  ? t("emergency.bannerDistrict", { reason: current().reason ?? "" })
                  : t("emergency.bannerGrids", { grids: grids(current()), reason: current().reason ?? "" })}
              </span>
              <Show when={current().since}>
                {(at) => <span class="emergency-banner-since">{t("emergency.bannerSince", { since: since(at()) })}</span>}
              </Show>
              <A class="emergency-banner-link" href={`/d/${on()}/emergency`}>
                {t("emergency.bannerOpen")}
              </A>
            </div>
          </div>
        );
      }}
    </Show>
  );
}
