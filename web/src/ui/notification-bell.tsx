/**
 * The bell in the header: how many notifications are unread (the API's `read` flag), and (loaded
 * on first open, with the ticket pages' dictionary) the list linking to the tickets. Opening an
 * item marks it read; "mark all read" marks everything. On a phone the panel is fixed below the
 * bell across the screen's width, so that it never runs off an edge whatever the header's layout.
 */
import { useLocation } from "@solidjs/router";
import { createEffect, createSignal, on, onCleanup, Show, type Component } from "solid-js";
import { ok } from "../data/api.ts";
import type { TicketNotification } from "../data/tickets.ts";
import { useLocale } from "../providers/locale.tsx";
import { useSession } from "../providers/session.tsx";
import { BellIcon } from "./icons.tsx";
import type { NotificationListProps } from "./notification-list.tsx";

/** The list, loaded on first open (a type-only import keeps it out of the first bundle). */
type ListComponent = Component<NotificationListProps>;

/** How often the count is refreshed while the page is visible. */
const POLL_MS = 60_000;
/** A navigation refreshes it too, unless it was refreshed this recently. */
const FRESH_MS = 10_000;

export function NotificationBell(props: { slug: string; userID: string }) {
  const { t } = useLocale();
  const session = useSession();
  const location = useLocation();
  const [items, setItems] = createSignal<TicketNotification[]>([]);
  const [state, setState] = createSignal<"loading" | "ready" | "error">("loading");
  const [open, setOpen] = createSignal(false);
  /** The list (with the ticket dictionary) arrives on first open. */
  const [List, setList] = createSignal<ListComponent>();
  let loadedAt = 0;
  let root!: HTMLDivElement;

  async function load() {
    loadedAt = Date.now();
    try {
      const page = await ok(session.api.client.GET("/me/notifications", { params: { query: { limit: 20 } } }));
      setItems(page.items);
      setState("ready");
    } catch {
      setState((current) => (current === "ready" ? "ready" : "error"));
    }
  }

  /** Marked read from here (the list keeps its items, so their rows are not redrawn). */
  const [markedRead, setMarkedRead] = createSignal<ReadonlySet<string>>(new Set());
  const isRead = (item: TicketNotification) => item.read || markedRead().has(item.notificationID);
  const unread = () => items().filter((item) => !isRead(item)).length;

  /** Marks one notification read (kept unread here if that fails: the next opening shows it again). */
  async function markOne(item: TicketNotification) {
    if (isRead(item)) return;
    setMarkedRead((before) => new Set([...before, item.notificationID]));
    try {
      await ok(session.api.client.POST("/me/notifications/read", { body: { notificationIDs: [item.notificationID] } }));
    } catch {
      setMarkedRead((before) => new Set([...before].filter((id) => id !== item.notificationID)));
    }
  }

  /** Marks everything read (one mark on the server, whatever the number). */
  async function markAll() {
    const ids = items().map((item) => item.notificationID);
    try {
      await ok(session.api.client.POST("/me/notifications/read", { body: {} }));
      setMarkedRead((before) => new Set([...before, ...ids]));
    } catch {
      // Still unread: the count stays.
    }
  }

  createEffect(
    on(
      () => location.pathname,
      () => {
        if (Date.now() - loadedAt > FRESH_MS) void load();
      },
    ),
  );
  const timer = setInterval(() => {
    if (typeof document === "undefined" || document.visibilityState !== "hidden") void load();
  }, POLL_MS);
  const onPointer = (event: PointerEvent) => {
    if (open() && !root.contains(event.target as Node)) setOpen(false);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open()) {
      setOpen(false);
      root.querySelector<HTMLButtonElement>("button")?.focus();
    }
  };
  document.addEventListener("pointerdown", onPointer);
  document.addEventListener("keydown", onKey);
  onCleanup(() => {
    clearInterval(timer);
    document.removeEventListener("pointerdown", onPointer);
    document.removeEventListener("keydown", onKey);
  });

  /**
   * On a phone the panel is fixed just below the bell (styles.css). Its containing block may be
   * the header rather than the screen (a backdrop filter makes it one): measured and corrected.
   */
  function place() {
    const panel = root.querySelector<HTMLElement>(".notifications-panel");
    if (!panel || getComputedStyle(panel).position !== "fixed") return;
    const wanted = Math.round(root.getBoundingClientRect().bottom + 6);
    root.style.setProperty("--notifications-top", `${wanted}px`);
    const off = Math.round(panel.getBoundingClientRect().top) - wanted;
    if (off) root.style.setProperty("--notifications-top", `${wanted - off}px`);
  }

  function toggle() {
    const next = !open();
    setOpen(next);
    if (next) place();
    if (next) {
      if (!List())
        void import("./notification-list.tsx").then((module) => setList(() => module.NotificationList)).catch(() => setState("error"));
      void load();
    }
  }

  return (
    <div class="notifications" ref={root}>
      <button
        type="button"
        class="button button-ghost notifications-button"
        data-testid="notifications"
        aria-expanded={open()}
        aria-haspopup="true"
        aria-label={unread() ? t("header.notificationsUnread", { count: unread() }) : t("header.notifications")}
        title={t("header.notifications")}
        onClick={toggle}
      >
        <BellIcon size={19} />
        <Show when={unread()}>
          <span class="notifications-count" data-testid="notifications-count">
            {unread() > 9 ? "9+" : unread()}
          </span>
        </Show>
      </button>
      <Show when={open()}>
        <div class="notifications-panel" role="dialog" aria-label={t("header.notifications")} data-testid="notifications-panel">
          <Show
            when={List()}
            fallback={
              <p class="notifications-loading">
                <span class="spinner" aria-hidden="true" />
              </p>
            }
          >
            {(loaded) => {
              const NotificationList = loaded();
              return (
                <NotificationList
                  items={items()}
                  state={state()}
                  slug={props.slug}
                  isRead={isRead}
                  onOpen={(item) => {
                    void markOne(item);
                    setOpen(false);
                  }}
                  onMarkRead={(item) => void markOne(item)}
                  onMarkAll={() => void markAll()}
                  onRetry={load}
                />
              );
            }}
          </Show>
        </div>
      </Show>
    </div>
  );
}
