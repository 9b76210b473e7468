import { A } from "@solidjs/router";
import { For, Match, Switch } from "solid-js";
import { useTicketLocale, type TicketMessageKey } from "../i18n/tickets.ts";
import type { TicketNotification } from "../data/tickets.ts";
import "./notification-list.css";

const kinds = ["accept", "reject", "dispatch", "handle", "verify", "send_back", "reopen", "rate", "photo"];

export interface NotificationListProps {
  items: TicketNotification[];
  state: "loading" | "ready" | "error";
  slug: string;
  /** The notifications that were unread when the list was opened. */
  fresh: ReadonlySet<string>;
  onNavigate: () => void;
  onRetry: () => void;
}

/** The bell's list (loaded on first open): what happened to which ticket, newest first. */
export function NotificationList(props: NotificationListProps) {
  const { t, formatRelative, formatDateTime } = useTicketLocale();
  const message = (item: TicketNotification) =>
    kinds.includes(item.kind) ? t(`notification.${item.kind}` as TicketMessageKey) : t("notification.other");
  return (
    <div class="notification-list">
      <p class="notification-title">{t("notification.title")}</p>
      <Switch>
        <Match when={props.state === "error" && !props.items.length}>
          <p class="notification-empty">
            {t("notification.failed")}{" "}
            <button type="button" class="link-button" onClick={() => props.onRetry()}>
              {t("common.retry")}
            </button>
          </p>
        </Match>
        <Match when={props.state === "loading" && !props.items.length}>
          <p class="notification-empty">
            <span class="spinner" aria-hidden="true" /> {t("common.loading")}
          </p>
        </Match>
        <Match when={!props.items.length}>
          <p class="notification-empty">{t("notification.empty")}</p>
        </Match>
        <Match when={true}>
          <ul>
            <For each={props.items}>
              {(item) => (
                <li>
                  <A
                    href={item.ticketID ? `/d/${props.slug}/tickets/${item.ticketID}` : `/d/${props.slug}/tickets`}
                    class="notification-item"
                    classList={{ "is-new": props.fresh.has(item.notificationID) }}
                    data-testid="notification-item"
                    data-kind={item.kind}
                    onClick={() => props.onNavigate()}
                  >
                    <span class="notification-dot" aria-hidden="true" />
                    <span class="notification-text">
                      <span class="notification-message">{message(item)}</span>
                      <time class="notification-time" dateTime={item.at} title={formatDateTime(item.at)}>
                        {formatRelative(item.at)}
                      </time>
                    </span>
                  </A>
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </div>
  );
}
