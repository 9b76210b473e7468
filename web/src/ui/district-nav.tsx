import { A } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import { createQuery } from "../data/query.ts";
import type { MechanismKey } from "../data/types.ts";
import { navItems, type NavItem } from "../pages/home-rules.ts";
import { useLocale } from "../providers/locale.tsx";
import { districtOf, useSession } from "../providers/session.tsx";
import { ChartIcon, HomeIcon, MapIcon, MechanismIcon } from "./icons.tsx";
import { mechanismName } from "./terms.ts";

/**
 * The signed-in district user's pages: their home, every mechanism the district has switched on
 * (and their roles may use), the map and the dashboard. A bar under the header on wider screens;
 * on a phone a tab bar fixed to the bottom of the screen, scrolling sideways when it is full
 * (`NavSpacer`, at the end of the page, keeps the page's end above it).
 */
export function DistrictNav() {
  const locale = useLocale();
  const { t } = locale;
  const session = useSession();
  const me = () => (session.token() ? session.me.data() : undefined);
  const slug = () => districtOf(me());
  const district = createQuery(slug, (tenantID) => session.api.district(tenantID), { refresh: session.api.districtRevision });
  const items = createMemo(() => {
    const config = district.data()?.config;
    return config ? navItems(me()?.actor, config.mechanisms) : [];
  });
  const label = (item: NavItem) => {
    if (item.key === "home") return t("nav.home");
    if (item.key === "grids") return t("header.grids");
    if (item.key === "dashboard") return t("header.dashboard");
    return mechanismName(district.data()?.config, item.key, locale);
  };
  const icon = (item: NavItem) => {
    if (item.key === "home") return <HomeIcon size={20} />;
    if (item.key === "grids") return <MapIcon size={20} />;
    if (item.key === "dashboard") return <ChartIcon size={20} />;
    return <MechanismIcon mechanism={item.key as MechanismKey} size={20} />;
  };
  return (
    <Show when={slug() && items().length > 0}>
      <nav class="district-nav" aria-label={t("header.nav")} data-testid="district-nav">
        <ul class="container district-nav-list">
          <For each={items()}>
            {(item) => (
              <li>
                <A
                  href={item.path ? `/d/${slug()}/${item.path}` : `/d/${slug()}`}
                  end={item.key === "home"}
                  class="district-nav-link"
                  activeClass="is-active"
                  data-testid={item.testID}
                >
                  {icon(item)}
                  <span class="district-nav-label">{label(item)}</span>
                </A>
              </li>
            )}
          </For>
        </ul>
      </nav>
    </Show>
  );
}

/** Room at the end of the page for the phone's tab bar, when there is one (a later sibling of it: see styles.css). */
export function NavSpacer() {
  return <div class="district-nav-spacer" aria-hidden="true" />;
}
