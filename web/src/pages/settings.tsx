import { A, useParams } from "@solidjs/router";
import { createComputed, createSignal, For, Match, Show, Switch, type Component } from "solid-js";
import { Dynamic } from "solid-js/web";
import { configApi, sections, type DistrictConfig, type Section } from "../data/config.ts";
import { createQuery } from "../data/query.ts";
import { useSettingsLocale } from "../i18n/settings.ts";
import { isDistrictAdmin, useSession } from "../providers/session.tsx";
import { ChevronRightIcon } from "../ui/icons.tsx";
import { EmptyState, ErrorState, Skeleton } from "../ui/states.tsx";
import { usePageTitle } from "../ui/title.ts";
import { AuditSection, HistorySection } from "./settings-history.tsx";
import { GovernanceSection, TermsSection } from "./settings-lists.tsx";
import type { SettingsFrame } from "./settings-parts.tsx";
import { RolesSection, TiersSection } from "./settings-structure.tsx";
import { AccessSection, MechanismsSection } from "./settings-switches.tsx";
import { MapSection } from "./settings-map.tsx";
import { RegisterSection } from "./settings-register.tsx";
import { TicketsSection } from "./settings-tickets.tsx";
import { UsersSection } from "./settings-users.tsx";
import "./settings.css";

const screens: Record<Section, Component<{ frame: SettingsFrame }>> = {
  tiers: TiersSection,
  roles: RolesSection,
  mechanisms: MechanismsSection,
  tickets: TicketsSection,
  map: MapSection,
  governance: GovernanceSection,
  terms: TermsSection,
  access: AccessSection,
  register: RegisterSection,
  users: UsersSection,
  history: HistorySection,
  audit: AuditSection,
};

const isSection = (value: string | undefined): value is Section => (sections as readonly string[]).includes(value ?? "");

/**
 * `/d/:slug/settings` and `/d/:slug/settings/:section`: the district admin's configuration
 * screens (区级配置). The section list first; each section a form that saves the whole section
 * against the version loaded, and on success refreshes the portal's cached district.
 */
export function SettingsPage() {
  const params = useParams<{ slug: string; section?: string }>();
  const session = useSession();
  const { t, formatDateTime } = useSettingsLocale();
  const api = configApi(session.api);
  const section = () => (isSection(params.section) ? params.section : undefined);
  usePageTitle(() => (section() ? t(`section.${section()!}`) : t("settings.title")));

  const me = () => session.me.data();
  const admin = () => isDistrictAdmin(me(), params.slug);
  const loaded = createQuery(
    () => admin() && params.slug,
    () => api.get(),
  );
  const [config, setConfig] = createSignal<DistrictConfig>();
  // Bumped when the configuration is loaded again: the open section's form starts afresh.
  const [generation, setGeneration] = createSignal(0);
  createComputed(() => {
    const first = loaded.data();
    if (first) setConfig(() => first);
  });

  const frame: SettingsFrame = {
    get slug() {
      return params.slug;
    },
    config: () => config()!,
    api,
    saved(next) {
      setConfig(() => next);
      session.api.setDistrictConfig(params.slug, next);
    },
    reload() {
      void api.get().then((next) => {
        setConfig(() => next);
        session.api.setDistrictConfig(params.slug, next);
        setGeneration((value) => value + 1);
      }, loaded.reload);
    },
  };

  const base = () => `/d/${params.slug}/settings`;

  return (
    <div class="settings-page" data-testid="settings-page">
      <div class="page-head settings-head">
        <div>
          <Show when={section()}>
            <A href={base()} class="settings-back" data-testid="settings-back">
              ← {t("settings.allSections")}
            </A>
          </Show>
          <h1 class="page-title">{section() ? t(`section.${section()!}`) : t("settings.title")}</h1>
          <p class="page-subtitle">{section() ? t(`section.${section()!}.desc`) : t("settings.subtitle")}</p>
        </div>
        <Show when={config()}>
          {(current) => (
            <p class="settings-version">
              {t("settings.version", { version: current().version, date: formatDateTime(current().updatedAt) })}
            </p>
          )}
        </Show>
      </div>
      <Switch>
        <Match when={me() && !admin()}>
          <EmptyState title={t("settings.adminsOnlyTitle")} body={t("settings.adminsOnlyBody")}>
            <A href={`/d/${params.slug}`} class="button button-secondary">
              {t("notFound.home")}
            </A>
          </EmptyState>
        </Match>
        <Match when={config()}>
          <div class="settings-layout" classList={{ "has-section": Boolean(section()) }}>
            <Show when={section()}>
              <nav class="settings-nav" aria-label={t("settings.nav")}>
                <For each={sections}>
                  {(key) => (
                    <A href={`${base()}/${key}`} class="settings-nav-link" activeClass="is-active" data-testid={`settings-nav-${key}`}>
                      {t(`section.${key}`)}
                    </A>
                  )}
                </For>
              </nav>
            </Show>
            <div class="settings-main">
              <Show
                when={section()}
                fallback={
                  <Show
                    when={params.section === undefined}
                    fallback={<EmptyState title={t("notFound.title")} body={t("settings.subtitle")} />}
                  >
                    <ul class="settings-index" data-testid="settings-sections">
                      <For each={sections}>
                        {(key) => (
                          <li>
                            <A href={`${base()}/${key}`} class="card settings-index-link" data-testid={`settings-section-${key}`}>
                              <span class="settings-index-text">
                                <span class="settings-index-title">{t(`section.${key}`)}</span>
                                <span class="settings-index-desc">{t(`section.${key}.desc`)}</span>
                              </span>
                              <ChevronRightIcon size={16} />
                            </A>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                }
              >
                {(key) => (
                  <Show when={`${key()}:${generation()}`} keyed>
                    <Dynamic component={screens[key()]} frame={frame} />
                  </Show>
                )}
              </Show>
            </div>
          </div>
        </Match>
        <Match when={loaded.error()}>{(error) => <ErrorState error={error()} onRetry={loaded.reload} />}</Match>
        <Match when={session.me.error()}>{(error) => <ErrorState error={error()} onRetry={session.me.reload} />}</Match>
        <Match when={true}>
          <Skeleton class="card" lines={6} />
        </Match>
      </Switch>
    </div>
  );
}
