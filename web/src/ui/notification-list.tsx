import { A } from "@solidjs/router";
import { For, Match, Show, Switch } from "solid-js";
import type { TicketNotification } from "../data/tickets.ts";
import { type NotificationMessageKey, useNotificationLocale } from "../i18n/notifications.ts";
import { useTicketLocale } from "../i18n/tickets.ts";
import "./notification-list.css";

export interface NotificationListProps {
  items: TicketNotification[];
  state: "loading" | "ready" | "error";
  slug: string;
  /** Whether an item is read (by the API, or marked here since). */
  isRead: (item: TicketNotification) => boolean;
  /** An item was opened (its ticket page): mark it read and close. */
  onOpen: (item: TicketNotification) => void;
  onMarkRead: (item: TicketNotification) => void;
  onMarkAll: () => void;
  onRetry: () => void;
}

type Language = "zh-CN" | "en";
const nameIn = (name: { zh: string; en: string } | null, language: Language) => (name ? (language === "en" ? name.en : name.zh) : null);

/**
 * What happened, in a few words: the step, with the department it went to or the closure it
 * ended with ("已派遣至区城管局", "已办结"). Pure, for the list and its test.
 */
export function stepText(
  item: TicketNotification,
  t: (key: NotificationMessageKey, params?: Record<string, string | number>) => string,
  language: Language,
): string {
  const department = nameIn(item.department, language);
  switch (item.kind) {
    case "dispatch":
    case "approve_transfer":
      return item.departmentKey === "territorial"
        ? t("note.dispatchTerritorial")
        : department
          ? t("note.dispatch", { department })
          : t("note.other");
    case "handle":
      return department ? t("note.handle", { department }) : t("note.handleNoDepartment");
    case "verify":
      if (item.closure && item.closure !== "solved")
        return t("note.verifyOther", { closure: t(`note.closure.${item.closure}` as NotificationMessageKey) });
      return item.audience === "own" ? t("note.verifyRate") : t("note.verify");
    case "collect":
    case "accept":
    case "reject":
    case "send_back":
    case "reopen":
    case "rate":
    case "photo":
    case "duplicate":
    case "overdue":
    case "request_extend":
    case "request_send_up":
    case "request_transfer":
    case "request_void":
      return t(`note.${item.kind}` as NotificationMessageKey);
    default:
      if (item.kind.startsWith("approve_")) return t("note.approved");
      if (item.kind.startsWith("deny_")) return t("note.denied");
      return t("note.other");
  }
}

/** Which ticket, where: the category, then the grid and the address. */
export function subjectText(item: TicketNotification, language: Language, unknownCategory: string): string {
  const place = [item.gridName, item.address].filter(Boolean).join(" · ");
  return [nameIn(item.category, language) ?? unknownCategory, place].filter(Boolean).join(" · ");
}

/** The bell's list (loaded on first open): what happened to which ticket and where, newest first. */
export function NotificationList(props: NotificationListProps) {
  const tickets = useTicketLocale();
  const { t, language } = useNotificationLocale();
  const unread = () => props.items.filter((item) => !props.isRead(item)).length;
  return (
    <div class="notification-list">
      <div class="notification-head">
        <p class="notification-title">{tickets.t("notification.title")}</p>
        <Show when={unread()}>
          <button
            type="button"
            class="link-button notification-mark-all"
            data-testid="notifications-mark-all"
            onClick={() => props.onMarkAll()}
          >
            {t("note.markAll")}
          </button>
        </Show>
      </div>
      <Switch>
        <Match when={props.state === "error" && !props.items.length}>
          <p class="notification-empty">
            {tickets.t("notification.failed")}{" "}
            <button type="button" class="link-button" onClick={() => props.onRetry()}>
              {tickets.t("common.retry")}
            </button>
          </p>
        </Match>
        <Match when={props.state === "loading" && !props.items.length}>
          <p class="notification-empty">
            <span class="spinner" aria-hidden="true" /> {tickets.t("common.loading")}
          </p>
        </Match>
        <Match when={!props.items.length}>
          <p class="notification-empty">{tickets.t("notification.empty")}</p>
        </Match>
        <Match when={true}>
          <ul>
            <For each={props.items}>
              {(item) => (
                <li class="notification-row" classList={{ "is-new": !props.isRead(item) }}>
                  <A
                    href={item.ticketID ? `/d/${props.slug}/tickets/${item.ticketID}` : `/d/${props.slug}/tickets`}
                    class="notification-item"
                    classList={{ "is-new": !props.isRead(item) }}
                    data-testid="notification-item"
                    data-kind={item.kind}
                    onClick={() => props.onOpen(item)}
                  >
                    <span class="notification-dot" aria-hidden="true" />
                    <span class="notification-text">
                      <span class="notification-message">{stepText(item, t, language())}</span>
                      <span class="notification-subject">{subjectText(item, language(), t("note.unknownCategory"))}</span>
                      <span class="notification-meta">
                        {t(`note.audience.${item.audience}` as NotificationMessageKey)} ·{" "}
                        <time class="notification-time" dateTime={item.at} title={tickets.formatDateTime(item.at)}>
                          {tickets.formatRelative(item.at)}
                        </time>
                      </span>
                    </span>
                  </A>
                  <Show when={!props.isRead(item)}>
                    <button
                      type="button"
                      class="notification-mark"
                      data-testid="notification-mark-read"
                      title={t("note.markRead")}
                      aria-label={t("note.markRead")}
                      onClick={() => props.onMarkRead(item)}
                    >
                      ✓
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </div>
  );
}
