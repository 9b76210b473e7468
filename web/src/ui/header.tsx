import { A, useNavigate } from "@solidjs/router";
import { Show } from "solid-js";
import { createQuery } from "../data/query.ts";
import { useLocale } from "../providers/locale.tsx";
import { districtOf, homePath, useSession } from "../providers/session.tsx";
import { roleKey } from "./badges.tsx";
import { GridMark, SignOutIcon } from "./icons.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { NotificationBell } from "./notification-bell.tsx";

/**
 * The bar on every page: the product, the district (for district users), who is signed in
 * and in which role, the language switch and sign-out. It stays at the top; on a phone it is one
 * row (the person's name and role, and the product's name, give way to the district's). A
 * district user's pages are listed by `DistrictNav`, under it.
 */
export function AppHeader() {
  const { t, pick } = useLocale();
  const session = useSession();
  const navigate = useNavigate();
  const me = () => (session.token() ? session.me.data() : undefined);
  const tenantID = () => districtOf(me());
  const district = createQuery(tenantID, (slug) => session.api.district(slug), { refresh: session.api.districtRevision });
  const isStaff = () => {
    const type = me()?.actor.type;
    return type === "operator" || type === "province";
  };
  /** 随手拍 is on in the signed-in person's district. */
  const ticketsOn = () => district.data()?.config.mechanisms.tickets === true;
  const userID = () => {
    const actor = me()?.actor;
    return actor?.type === "user" ? actor.userID : undefined;
  };
  const roles = () => (me()?.profile.roles ?? []).map((role) => t(roleKey(role))).join(" · ");

  function signOut() {
    session.signOut();
    navigate("/login", { replace: true });
  }

  return (
    <header class="app-header" classList={{ "is-signed-in": Boolean(me()) }}>
      <a class="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <div class="container header-inner">
        <div class="header-start">
          <A href={me() ? homePath(me()!) : "/"} class="brand" aria-label={`${t("app.name")} ${t("app.nameLatin")}`}>
            <span class="brand-mark">
              <GridMark size={20} />
            </span>
            <span class="brand-name" lang="zh-CN">
              {t("app.name")}
            </span>
            <span class="brand-latin" lang="en">
              {t("app.nameLatin")}
            </span>
          </A>
          <Show when={district.data()}>
            {(detail) => (
              <A href={`/d/${detail().district.tenantID}`} class="header-district" data-testid="header-district">
                {pick(detail().district)}
              </A>
            )}
          </Show>
          <Show when={isStaff()}>
            <nav class="header-nav" aria-label={t("header.nav")}>
              <A href="/districts" activeClass="is-active">
                {t("header.districts")}
              </A>
              <A href="/compare" activeClass="is-active" data-testid="nav-compare">
                {t("header.compare")}
              </A>
            </nav>
          </Show>
        </div>
        <div class="header-end">
          <Show when={me()}>
            {(signedIn) => (
              <div class="header-user" data-testid="header-user">
                <span class="avatar" aria-hidden="true" title={`${signedIn().profile.name} · ${roles()}`}>
                  {signedIn().profile.name.slice(0, 1)}
                </span>
                <span class="header-user-text">
                  <span class="header-user-name">{signedIn().profile.name}</span>
                  <span class="header-user-role">{roles()}</span>
                </span>
              </div>
            )}
          </Show>
          <Show when={ticketsOn() && tenantID() && userID()}>
            <NotificationBell slug={tenantID()!} userID={userID()!} />
          </Show>
          <LanguageSwitch />
          <Show when={session.token()}>
            <button
              type="button"
              class="button button-ghost sign-out"
              data-testid="sign-out"
              aria-label={t("header.signOutLabel")}
              onClick={signOut}
            >
              <SignOutIcon size={18} />
              <span>{t("header.signOut")}</span>
            </button>
          </Show>
        </div>
      </div>
    </header>
  );
}
