/**
 * "Is it already reported?" (附近的问题): once the pin is set on the report form, the open
 * reports near it, as anyone in the district sees them (public view: places rounded, numbers
 * hidden), each linking to its ticket page where the resident can follow it instead.
 */
import { A } from "@solidjs/router";
import { For, Match, Switch } from "solid-js";
import type { Query } from "../data/query.ts";
import type { NearbyTicket } from "../data/tickets.ts";
import { useMapsLocale } from "../i18n/maps.ts";
import { useTicketLocale } from "../i18n/tickets.ts";
import { ChevronRightIcon } from "./icons.tsx";
import { StateBadge } from "./ticket-parts.tsx";
import "./nearby-reports.css";

export interface NearbyAnswer {
  items: NearbyTicket[];
  radiusM: number;
}

export function NearbyReports(props: { query: Query<NearbyAnswer>; slug: string; categoryName: (key: string) => string }) {
  const { t } = useMapsLocale();
  const { formatRelative } = useTicketLocale();
  return (
    <section class="nearby-reports" data-testid="nearby-reports" aria-live="polite">
      <Switch>
        <Match when={props.query.loading() && !props.query.data()}>
          <p class="nearby-line" data-state="loading">
            <span class="spinner" aria-hidden="true" />
            {t("nearby.loading")}
          </p>
        </Match>
        <Match when={props.query.error()}>
          <p class="nearby-line field-hint" data-state="error">
            {t("nearby.failed")}
          </p>
        </Match>
        <Match when={props.query.data()?.items.length === 0}>
          <p class="nearby-line field-hint" data-testid="nearby-empty" data-state="empty">
            {t("nearby.none", { radius: props.query.data()!.radiusM })}
          </p>
        </Match>
        <Match when={props.query.data()}>
          {(answer) => (
            <>
              <h3 class="nearby-title" data-testid="nearby-count">
                {t("nearby.count", { count: answer().items.length, radius: answer().radiusM })}
              </h3>
              <p class="field-hint">{t("nearby.hint")}</p>
              <ul class="nearby-list" aria-label={t("nearby.listLabel")}>
                <For each={answer().items}>
                  {(item, index) => (
                    <li>
                      <A
                        href={`/d/${props.slug}/tickets/${item.ticketID}`}
                        class="nearby-item"
                        data-testid="nearby-item"
                        data-ticket={item.ticketID}
                      >
                        <span class="nearby-number" aria-hidden="true">
                          {index() + 1}
                        </span>
                        <span class="nearby-text">
                          <span class="nearby-head">
                            <span class="nearby-category">{props.categoryName(item.categoryKey)}</span>
                            <StateBadge ticket={{ state: item.state, closure: null }} />
                          </span>
                          <span class="nearby-description">{item.description}</span>
                          <span class="nearby-meta">
                            {formatRelative(item.collectedAt)} · {t("nearby.distance", { metres: item.distanceM })}
                          </span>
                        </span>
                        <ChevronRightIcon size={16} />
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
