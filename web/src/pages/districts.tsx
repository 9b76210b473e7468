import { A, Navigate } from "@solidjs/router";
import { createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { createQuery } from "../data/query.ts";
import type { District, OnboardResult, Province } from "../data/types.ts";
import { useLocale } from "../providers/locale.tsx";
import { homePath, useSession } from "../providers/session.tsx";
import { StatusBadge } from "../ui/badges.tsx";
import { ChevronRightIcon, GridMark, MapPinIcon } from "../ui/icons.tsx";
import { EmptyState, ErrorState, Skeleton, QueryView } from "../ui/states.tsx";
import { usePageTitle } from "../ui/title.ts";
import { OnboardForm } from "./onboard-form.tsx";

export const PAGE_SIZE = 12;

/** `/districts`: the operator's and provincial admins' view; district users go to their own. */
export function DistrictsPage() {
  const session = useSession();
  const { t } = useLocale();
  usePageTitle(() => t("districts.title"));
  return (
    <QueryView query={session.me} lines={4} skeletonClass="card">
      {(me) => (
        <Show when={me().actor.type !== "user"} fallback={<Navigate href={homePath(me())} />}>
          <DistrictDirectory operator={me().actor.type === "operator"} />
        </Show>
      )}
    </QueryView>
  );
}

export function DistrictDirectory(props: { operator: boolean }) {
  const session = useSession();
  const { t } = useLocale();
  const [items, setItems] = createSignal<District[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [loaded, setLoaded] = createSignal(false);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const provinces = createQuery(
    () => true,
    () => session.api.provinces(),
  );

  async function load(from: string | null) {
    setLoading(true);
    setError(undefined);
    try {
      const page = await session.api.districts({ limit: PAGE_SIZE, cursor: from });
      setItems((current) => {
        const seen = new Set(current.map((district) => district.tenantID));
        return [...current, ...page.items.filter((district) => !seen.has(district.tenantID))];
      });
      setCursor(page.cursor);
      setLoaded(true);
    } catch (failure) {
      setError(() => failure);
    } finally {
      setLoading(false);
    }
  }

  onMount(() => void load(null));

  function onboarded(result: OnboardResult) {
    setItems((current) => [result.district, ...current.filter((district) => district.tenantID !== result.district.tenantID)]);
  }

  return (
    <div class="directory-page">
      <div class="page-head">
        <h1 class="page-title">{t("districts.title")}</h1>
        <p class="page-subtitle">{props.operator ? t("districts.subtitleOperator") : t("districts.subtitleProvince")}</p>
      </div>
      <div class="directory" classList={{ "with-aside": props.operator }}>
        <section class="directory-list" aria-labelledby="districts-list-title" aria-busy={loading()}>
          <h2 class="visually-hidden" id="districts-list-title">
            {t("districts.title")}
          </h2>
          <Switch>
            <Match when={!loaded() && error()}>{(failure) => <ErrorState error={failure()} onRetry={() => load(null)} />}</Match>
            <Match when={!loaded()}>
              <div class="district-cards">
                <Skeleton class="card" lines={3} />
                <Skeleton class="card" lines={3} />
                <Skeleton class="card" lines={3} />
                <Skeleton class="card" lines={3} />
              </div>
            </Match>
            <Match when={items().length === 0}>
              <EmptyState
                icon={<GridMark size={32} class="state-icon" />}
                title={t("districts.emptyTitle")}
                body={props.operator ? t("districts.emptyOperator") : t("districts.emptyProvince")}
              />
            </Match>
            <Match when={true}>
              <ul class="district-cards" data-testid="district-cards">
                <For each={items()}>
                  {(district) => (
                    <li>
                      <DistrictCard district={district} provinces={provinces.data()} />
                    </li>
                  )}
                </For>
              </ul>
              <Show when={loaded() && error()}>
                <ErrorState error={error()} onRetry={() => load(cursor())} />
              </Show>
              <Show when={cursor() && !error()}>
                <div class="load-more">
                  <button
                    type="button"
                    class="button button-secondary"
                    data-testid="load-more"
                    disabled={loading()}
                    onClick={() => load(cursor())}
                  >
                    <Show when={loading()}>
                      <span class="spinner" aria-hidden="true" />
                    </Show>
                    {loading() ? t("common.loading") : t("common.loadMore")}
                  </button>
                </div>
              </Show>
            </Match>
          </Switch>
        </section>
        <Show when={props.operator}>
          <aside class="directory-aside">
            <OnboardForm provinces={provinces.data()} provincesError={provinces.error()} onOnboarded={onboarded} />
          </aside>
        </Show>
      </div>
    </div>
  );
}

function DistrictCard(props: { district: District; provinces: Province[] | undefined }) {
  const { t, pick, other, formatDate } = useLocale();
  const province = () => props.provinces?.find((candidate) => candidate.provinceID === props.district.provinceID);
  return (
    <A href={`/d/${props.district.tenantID}`} class="card district-card" data-testid={`district-card-${props.district.tenantID}`}>
      <span class="district-card-top">
        <span class="district-card-name">{pick(props.district)}</span>
        <StatusBadge status={props.district.status} />
      </span>
      <span class="district-card-other">{other(props.district)}</span>
      <span class="district-card-location">
        <MapPinIcon size={15} />
        {t("district.location", {
          city: pick({ nameZh: props.district.cityZh, nameEn: props.district.cityEn }),
          province: province() ? pick(province()!) : props.district.provinceID,
        })}
      </span>
      <span class="district-card-foot">
        <code>{props.district.tenantID}</code>
        <span>{t("districts.created", { date: formatDate(props.district.createdAt) })}</span>
        <ChevronRightIcon size={16} class="district-card-chevron" />
      </span>
    </A>
  );
}
