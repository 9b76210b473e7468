import { A, useParams } from "@solidjs/router";
import { createMemo, For, lazy, Match, Show, Switch } from "solid-js";
import { ApiError } from "../data/api.ts";
import { mechanismKeys } from "../data/config.ts";
import { createQuery } from "../data/query.ts";
import type { District, DistrictConfig, Me, Province, RoleDefinition } from "../data/types.ts";
import { useLocale } from "../providers/locale.tsx";
import { districtOf, isDistrictAdmin, useSession } from "../providers/session.tsx";
import { RoleBadge, roleKey, StatusBadge } from "../ui/badges.tsx";
import { CameraIcon, CheckIcon, ChevronRightIcon, GearIcon, MapIcon, MapPinIcon, MechanismIcon } from "../ui/icons.tsx";
import { EmptyState, ErrorState, Skeleton } from "../ui/states.tsx";
import { usePageTitle } from "../ui/title.ts";
import { mechanismName } from "../ui/terms.ts";
import { homeSections, mechanismPaths, type HomeSection } from "./home-rules.ts";
import { SetupChecklist } from "./setup-checklist.tsx";

/** A district user's work (queues, lists, the report button): with the ticket pages' chunk, loaded when shown. */
const RoleWork = lazy(() => import("./role-home.tsx"));

/** The blocks that are work, not the admin's overview. */
const workSections = (sections: HomeSection[]) => sections.filter((section) => section !== "setup" && section !== "overview");

/**
 * `/d/:slug`: a district's home. Its own people land on their work, by role (`homeSections`):
 * residents on the report button and their reports, grid staff on their queues, department
 * staff on their department's queue, cadres on their grid and ledger, admins on the setup
 * checklist and the district's overview. Anyone else (platform staff) sees the overview.
 */
export function DistrictPage() {
  const params = useParams<{ slug: string }>();
  const session = useSession();
  const { t, pick } = useLocale();
  const detail = createQuery(
    () => params.slug,
    (slug) => session.api.district(slug),
    { refresh: session.api.districtRevision },
  );
  // Province names are a nicety: without them the province's ID is shown.
  const provinces = createQuery(
    () => true,
    () => session.api.provinces().catch((): Province[] => []),
  );
  const province = () => provinces.data()?.find((candidate) => candidate.provinceID === detail.data()?.district.provinceID);
  usePageTitle(() => (detail.data() ? pick(detail.data()!.district) : undefined));

  const member = (slug: string) => districtOf(session.me.data()) === slug;
  const notFound = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 403);

  return (
    <Switch>
      <Match when={detail.data()}>
        {(loaded) => (
          <Show
            when={member(loaded().district.tenantID) && session.me.data()}
            fallback={
              <Show when={!session.token() || session.me.data() || session.me.error()} fallback={<Skeleton class="card" lines={4} />}>
                <DistrictView district={loaded().district} config={loaded().config} province={province()} />
              </Show>
            }
          >
            {(me) => (
              <DistrictHome
                me={me()}
                district={loaded().district}
                config={loaded().config}
                sections={homeSections(me().actor, loaded().config.mechanisms)}
                province={province()}
              />
            )}
          </Show>
        )}
      </Match>
      <Match when={detail.error() && notFound(detail.error())}>
        <EmptyState title={t("district.notFoundTitle")} body={t("district.notFoundBody")} />
      </Match>
      <Match when={detail.error()}>{(error) => <ErrorState error={error()} onRetry={detail.reload} />}</Match>
      <Match when={true}>
        <div class="district" aria-busy="true">
          <Skeleton class="card hero" lines={3} />
          <div class="district-grid">
            <Skeleton class="card" lines={5} />
            <Skeleton class="card" lines={5} />
          </div>
        </div>
      </Match>
    </Switch>
  );
}

/** A member's home: a greeting with the district's name, their work, and for admins the overview. */
function DistrictHome(props: { me: Me; district: District; config: DistrictConfig; sections: HomeSection[]; province?: Province }) {
  const { t, pick } = useLocale();
  const slug = () => props.district.tenantID;
  const work = () => workSections(props.sections);
  const overview = () => props.sections.includes("overview");
  const roles = () => props.me.profile.roles.map((role) => t(roleKey(role))).join(" · ");
  return (
    <div class="district-home">
      <Show when={props.sections.includes("setup")}>
        <SetupChecklist slug={slug()} config={props.config} />
      </Show>
      <Show when={!overview()}>
        <header class="home-hero">
          <p class="eyebrow">{t("home.hello", { name: props.me.profile.name })}</p>
          <h1 class="home-hero-name" data-testid="district-name">
            {pick(props.district)}
          </h1>
          <p class="muted home-hero-roles">{roles()}</p>
        </header>
      </Show>
      <Show when={work().length > 0}>
        <RoleWork slug={slug()} actor={props.me.actor} sections={work()} />
      </Show>
      <Show when={!overview() && work().length === 0}>
        <EmptyState title={t("home.nothingTitle")} body={t("home.nothingBody")} />
      </Show>
      <Show when={overview()}>
        <DistrictView
          district={props.district}
          config={props.config}
          province={props.province}
          member
          gridsHref={`/d/${slug()}/grids`}
          settingsHref={isDistrictAdmin(props.me, slug()) ? `/d/${slug()}/settings` : undefined}
          ticketsHref={props.config.mechanisms.tickets ? `/d/${slug()}/tickets` : undefined}
        />
      </Show>
    </div>
  );
}

/** The district's home, drawn from its record and configuration. */
export function DistrictView(props: {
  district: District;
  config: DistrictConfig;
  province?: Province;
  gridsHref?: string;
  ticketsHref?: string;
  /** District admins: the configuration screens. */
  settingsHref?: string;
  /** The caller belongs to this district: mechanisms that are on link to their pages. */
  member?: boolean;
}) {
  const locale = useLocale();
  const { t, pick, other, formatDate } = locale;
  const mechanisms = createMemo(() =>
    mechanismKeys.filter((key) => key in props.config.mechanisms).map((key) => ({ key, on: props.config.mechanisms[key] })),
  );
  const mechanismsOn = () => mechanisms().filter((mechanism) => mechanism.on).length;
  const rolesAt = (level: number) => props.config.roles.filter((role) => role.tier === level && !role.dedicated);
  const tierOf = (role: RoleDefinition) => {
    if (role.dedicated) return t("district.roleDedicated");
    const tier = props.config.tiers.find((candidate) => candidate.level === role.tier);
    return tier ? pick(tier) : t("district.roleAnyTier");
  };

  return (
    <div class="district">
      <section class="card hero" aria-labelledby="district-name">
        <div class="hero-top">
          <div class="hero-titles">
            <p class="eyebrow hero-location">
              <MapPinIcon size={16} />
              {t("district.location", {
                city: pick({ nameZh: props.district.cityZh, nameEn: props.district.cityEn }),
                province: props.province ? pick(props.province) : props.district.provinceID,
              })}
            </p>
            <h1 class="hero-name" id="district-name" data-testid="district-name">
              {pick(props.district)}
            </h1>
          </div>
          <div class="hero-meta">
            <StatusBadge status={props.district.status} />
          </div>
        </div>
        <dl class="stats">
          <div class="stat">
            <dt>{t("district.statTiers")}</dt>
            <dd>{props.config.tiers.length}</dd>
          </div>
          <div class="stat">
            <dt>{t("district.statDedicated")}</dt>
            <dd>{props.config.dedicatedKinds.length}</dd>
          </div>
          <div class="stat">
            <dt>{t("district.statRoles")}</dt>
            <dd>{props.config.roles.length}</dd>
          </div>
          <div class="stat">
            <dt>{t("district.statMechanisms")}</dt>
            <dd>
              {mechanismsOn()}
              <span class="stat-of">/{mechanisms().length}</span>
            </dd>
          </div>
        </dl>
        <Show when={props.ticketsHref}>
          {(href) => (
            <A href={href()} class="hero-link" data-testid="open-tickets">
              <span class="hero-link-icon">
                <CameraIcon size={20} />
              </span>
              <span class="hero-link-text">
                <span class="hero-link-title">{mechanismName(props.config, "tickets", locale)}</span>
                <span class="hero-link-hint">{t("district.openTicketsHint")}</span>
              </span>
              <ChevronRightIcon size={16} class="hero-link-chevron" />
            </A>
          )}
        </Show>
        <Show when={props.gridsHref}>
          {(href) => (
            <A href={href()} class="hero-link" data-testid="open-grids">
              <span class="hero-link-icon">
                <MapIcon size={20} />
              </span>
              <span class="hero-link-text">
                <span class="hero-link-title">{t("district.openGrids")}</span>
                <span class="hero-link-hint">{t("district.openGridsHint")}</span>
              </span>
              <ChevronRightIcon size={16} class="hero-link-chevron" />
            </A>
          )}
        </Show>
        <Show when={props.settingsHref}>
          {(href) => (
            <A href={href()} class="hero-link" data-testid="open-settings">
              <span class="hero-link-icon">
                <GearIcon size={20} />
              </span>
              <span class="hero-link-text">
                <span class="hero-link-title">{t("district.openSettings")}</span>
                <span class="hero-link-hint">{t("district.openSettingsHint")}</span>
              </span>
              <ChevronRightIcon size={16} class="hero-link-chevron" />
            </A>
          )}
        </Show>
      </section>

      <div class="district-grid">
        <section class="card" aria-labelledby="tiers-title">
          <h2 class="section-title" id="tiers-title">
            {t("district.tiersTitle")}
          </h2>
          <p class="section-hint">{t("district.tiersHint")}</p>
          <ol class="tier-ladder" data-testid="tier-ladder">
            <For each={props.config.tiers}>
              {(tier, index) => (
                <li class="tier-step" style={{ "--depth": index() }}>
                  <span class="tier-level">{t("district.tierLevel", { level: tier.level })}</span>
                  <div class="tier-body">
                    <p class="tier-name">{pick(tier)}</p>
                    <p class="tier-other">{other(tier)}</p>
                    <Show when={rolesAt(tier.level).length} fallback={<p class="tier-roles-empty">{t("district.tierNoRoles")}</p>}>
                      <ul class="chips chips-small" aria-label={t("district.tierRoles")}>
                        <For each={rolesAt(tier.level)}>{(role) => <li class="chip">{pick(role)}</li>}</For>
                      </ul>
                    </Show>
                  </div>
                </li>
              )}
            </For>
          </ol>

          <h3 class="subsection-title">{t("district.dedicatedTitle")}</h3>
          <p class="section-hint">{t("district.dedicatedHint")}</p>
          <Show when={props.config.dedicatedKinds.length} fallback={<p class="muted">{t("district.dedicatedEmpty")}</p>}>
            <ul class="chips" data-testid="dedicated-kinds">
              <For each={props.config.dedicatedKinds}>
                {(kind) => (
                  <li class="chip chip-accent" title={other(kind)}>
                    {pick(kind)}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>

        <section class="card" aria-labelledby="mechanisms-title">
          <div class="section-head">
            <h2 class="section-title" id="mechanisms-title">
              {t("district.mechanismsTitle")}
            </h2>
            <span class="section-count">{t("district.mechanismsSummary", { on: mechanismsOn(), total: mechanisms().length })}</span>
          </div>
          <ul class="mechanisms" data-testid="mechanisms">
            <For each={mechanisms()}>
              {(mechanism) => (
                <li
                  class="mechanism"
                  classList={{ "is-on": mechanism.on, "is-off": !mechanism.on }}
                  data-testid={`mechanism-${mechanism.key}`}
                  data-state={mechanism.on ? "on" : "off"}
                >
                  <span class="mechanism-icon">
                    <MechanismIcon mechanism={mechanism.key} size={22} />
                  </span>
                  <span class="mechanism-text">
                    <Show
                      when={mechanism.on && props.member && mechanismPaths[mechanism.key]}
                      fallback={<span class="mechanism-name">{mechanismName(props.config, mechanism.key, locale)}</span>}
                    >
                      {(path) => (
                        <A class="mechanism-name mechanism-link" href={`/d/${props.district.tenantID}/${path()}`}>
                          {mechanismName(props.config, mechanism.key, locale)}
                        </A>
                      )}
                    </Show>
                    <span class="mechanism-desc">{t(`mechanism.${mechanism.key}.desc`)}</span>
                  </span>
                  <span class="mechanism-state">
                    <Show when={mechanism.on}>
                      <CheckIcon size={14} />
                    </Show>
                    {mechanism.on ? t("common.on") : t("common.off")}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </section>

        <section class="card span-all" aria-labelledby="roles-title">
          <h2 class="section-title" id="roles-title">
            {t("district.rolesTitle")}
          </h2>
          <p class="section-hint">{t("district.rolesHint")}</p>
          <table class="role-table" data-testid="roles">
            <thead>
              <tr>
                <th scope="col">{t("district.roleName")}</th>
                <th scope="col">{t("district.roleAccess")}</th>
                <th scope="col">{t("district.roleTier")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.config.roles}>
                {(role) => (
                  <tr>
                    <th scope="row" data-label={t("district.roleName")}>
                      <span class="role-name">{pick(role)}</span>
                      <span class="role-other">{other(role)}</span>
                      <Show when={role.seconded}>
                        <span class="badge badge-flag">{t("district.roleSeconded")}</span>
                      </Show>
                    </th>
                    <td data-label={t("district.roleAccess")}>
                      <RoleBadge role={role.accessRole} />
                    </td>
                    <td data-label={t("district.roleTier")}>{tierOf(role)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
      </div>

      <p class="config-meta">{t("district.configVersion", { version: props.config.version, date: formatDate(props.config.updatedAt) })}</p>
    </div>
  );
}
