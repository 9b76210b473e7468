import { Match, Switch, type JSX } from "solid-js";
import { ApiError } from "../data/api.ts";
import { createQuery } from "../data/query.ts";
import type { DistrictConfig, District } from "../data/types.ts";
import { useTicketLocale } from "../i18n/tickets.ts";
import { useSession } from "../providers/session.tsx";
import { EmptyState, ErrorState, Skeleton } from "./states.tsx";

/**
 * The ticket pages' frame: loads the district and shows its children only when snap-and-report
 * (随手拍) is switched on there; otherwise says so.
 */
export function DistrictGate(props: { slug: string; children: (config: DistrictConfig, district: District) => JSX.Element }) {
  const session = useSession();
  const { t } = useTicketLocale();
  const detail = createQuery(
    () => props.slug,
    (slug) => session.api.district(slug),
  );
  const notFound = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 403);
  return (
    <Switch>
      <Match when={detail.data()?.config.mechanisms.tickets === false}>
        <EmptyState title={t("tickets.offTitle")} body={t("tickets.offBody")} />
      </Match>
      <Match when={detail.data()} keyed>
        {(loaded) => props.children(loaded.config, loaded.district)}
      </Match>
      <Match when={detail.error() && notFound(detail.error())}>
        <EmptyState title={t("district.notFoundTitle")} body={t("district.notFoundBody")} />
      </Match>
      <Match when={detail.error()}>{(error) => <ErrorState error={error()} onRetry={detail.reload} />}</Match>
      <Match when={true}>
        <Skeleton class="card" lines={5} />
      </Match>
    </Switch>
  );
}
