import { A, useParams, useSearchParams } from "@solidjs/router";
import { createComputed, createMemo, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { createQuery } from "../data/query.ts";
import {
  mayReport,
  queuesFor,
  ticketsApi,
  ticketStates,
  type Queue,
  type QueueKey,
  type Ticket,
  type TicketListQuery,
  type TicketsApi,
  type TicketState,
} from "../data/tickets.ts";
import type { SignedInActor } from "../data/types.ts";
import { useTicketLocale } from "../i18n/tickets.ts";
import { useSession } from "../providers/session.tsx";
import { TicketGate } from "../ui/district-gate.tsx";
import { errorMessage } from "../ui/errors.ts";
import { CameraIcon, ChevronRightIcon, PlusIcon } from "../ui/icons.tsx";
import { EmptyState, ErrorState, Skeleton } from "../ui/states.tsx";
import { ClockIcon } from "../ui/ticket-icons.tsx";
import { OverdueFlag, StateBadge, useTicketLists } from "../ui/ticket-parts.tsx";
import { useMechanismTitle } from "../ui/terms.ts";
import { usePageTitle } from "../ui/title.ts";
import { PageHead } from "../ui/page-head.tsx";
import "./tickets.css";

/** `/d/:slug/tickets`: a resident's own reports; staff's work queues, one tab per queue. */
export function TicketsPage() {
  const params = useParams<{ slug: string }>();
  const session = useSession();
  const { t } = useTicketLocale();
  const title = useMechanismTitle(
    () => params.slug,
    "tickets",
    () => t("tickets.title"),
  );
  usePageTitle(title);
  const tickets = ticketsApi(session.api);
  const actor = () => session.me.data()?.actor;
  return (
    <div class="ticket-page">
      <PageHead title={title()} subtitle={t("tickets.subtitle")} class="tickets-head">
        <Show when={mayReport(actor())}>
          <A href={`/d/${params.slug}/tickets/new`} class="button button-primary button-large report-link" data-testid="report-link">
            <CameraIcon size={20} />
            {t("tickets.report")}
          </A>
        </Show>
      </PageHead>
      <TicketGate slug={params.slug}>
        {() => (
          <Switch>
            <Match when={actor()}>{(signedIn) => <TicketQueues actor={signedIn()} tickets={tickets} slug={params.slug} />}</Match>
            <Match when={session.me.error()}>{(error) => <ErrorState error={error()} onRetry={session.me.reload} />}</Match>
            <Match when={true}>
              <Skeleton class="card" lines={4} />
            </Match>
          </Switch>
        )}
      </TicketGate>
    </div>
  );
}

type Search = { queue?: string; state?: string; category?: string; overdue?: string };

/** The tabs, the filters (kept in the address) and the list of the chosen queue. */
export function TicketQueues(props: { actor: SignedInActor; tickets: TicketsApi; slug: string }) {
  const { t, pick } = useTicketLocale();
  const [search, setSearch] = useSearchParams<Search>();
  const queues = createMemo(() => queuesFor(props.actor));
  const queue = createMemo<Queue | undefined>(() => queues().find((candidate) => candidate.key === search.queue) ?? queues()[0]);
  const { categories, names } = useTicketLists(props.tickets);

  const stateFilter = () =>
    queue()?.stateFilter && ticketStates.includes(search.state as TicketState) ? (search.state as TicketState) : undefined;
  const filtered = () => Boolean(stateFilter() || search.category || search.overdue === "true");
  const listQuery = createMemo<TicketListQuery | null>(() => {
    const chosen = queue();
    if (!chosen) return null;
    return {
      ...chosen.query,
      state: stateFilter() ?? chosen.query.state,
      categoryKey: search.category || undefined,
      overdue: search.overdue === "true" || undefined,
    };
  });
  const key = createMemo(() => (listQuery() ? JSON.stringify(listQuery()) : null));
  const first = createQuery(key, (serialised) => props.tickets.list(JSON.parse(serialised) as TicketListQuery));
  const [more, setMore] = createSignal<Ticket[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [moreState, setMoreState] = createSignal<"idle" | "loading" | "error">("idle");
  const [moreError, setMoreError] = createSignal<unknown>();
  createComputed(
    on(first.data, (page) => {
      setMore([]);
      setCursor(page?.cursor ?? null);
      setMoreState("idle");
    }),
  );
  const items = createMemo(() => {
    const seen = new Set<string>();
    return [...(first.data()?.items ?? []), ...more()].filter((ticket) => !seen.has(ticket.ticketID) && seen.add(ticket.ticketID));
  });

  async function loadMore() {
    const query = listQuery();
    if (!query || !cursor() || moreState() === "loading") return;
    setMoreState("loading");
    const asked = key();
    try {
      const page = await props.tickets.list({ ...query, cursor: cursor() });
      if (asked !== key()) return;
      setMore((current) => [...current, ...page.items]);
      setCursor(page.cursor);
      setMoreState("idle");
    } catch (error) {
      if (asked !== key()) return;
      setMoreError(() => error);
      setMoreState("error");
    }
  }

  const choose = (next: QueueKey) => setSearch({ queue: next, state: undefined }, { replace: true });

  return (
    <Show when={queue()} fallback={<EmptyState title={t("tickets.noQueueTitle")} body={t("tickets.noQueueBody")} />}>
      {(current) => (
        <div class="ticket-queues">
          <Show when={queues().length > 1}>
            <fieldset class="pill-tabs queue-tabs" aria-label={t("tickets.queues")}>
              <For each={queues()}>
                {(candidate) => (
                  <button
                    type="button"
                    class="pill-tab queue-tab"
                    aria-pressed={candidate.key === current().key}
                    data-testid={`queue-${candidate.key}`}
                    onClick={() => choose(candidate.key)}
                  >
                    {t(`queue.${candidate.key}`)}
                  </button>
                )}
              </For>
            </fieldset>
          </Show>
          <p class="queue-hint">{t(`queue.${current().key}.hint`)}</p>

          <fieldset class="queue-filters" aria-label={t("tickets.filters")}>
            <Show when={current().stateFilter}>
              <label class="filter">
                <span class="visually-hidden">{t("tickets.filterState")}</span>
                <select
                  class="input select input-small"
                  data-testid="filter-state"
                  value={stateFilter() ?? (current().key === "mine" ? "" : (current().query.state ?? ""))}
                  onChange={(event) => setSearch({ state: event.currentTarget.value || undefined }, { replace: true })}
                >
                  <Show when={current().key === "mine"}>
                    <option value="">{t("tickets.allStates")}</option>
                  </Show>
                  <For each={ticketStates}>
                    {(state) => (
                      <option value={state} selected={state === (stateFilter() ?? (current().key === "mine" ? "" : current().query.state))}>
                        {t(`state.${state}`)}
                      </option>
                    )}
                  </For>
                </select>
              </label>
            </Show>
            <label class="filter">
              <span class="visually-hidden">{t("tickets.filterCategory")}</span>
              <select
                class="input select input-small"
                data-testid="filter-category"
                value={search.category ?? ""}
                onChange={(event) => setSearch({ category: event.currentTarget.value || undefined }, { replace: true })}
              >
                <option value="">{t("tickets.allCategories")}</option>
                <For each={categories.data() ?? []}>
                  {(category) => (
                    <option value={category.key} selected={category.key === search.category}>
                      {pick(category)}
                    </option>
                  )}
                </For>
              </select>
            </label>
            <label class="filter filter-check">
              <input
                type="checkbox"
                data-testid="filter-overdue"
                checked={search.overdue === "true"}
                onChange={(event) => setSearch({ overdue: event.currentTarget.checked ? "true" : undefined }, { replace: true })}
              />
              <span>{t("tickets.filterOverdue")}</span>
            </label>
          </fieldset>

          <Switch>
            <Match when={first.error()}>{(error) => <ErrorState error={error()} onRetry={first.reload} />}</Match>
            <Match when={first.loading() && !first.data()}>
              <Skeleton class="card" lines={5} />
            </Match>
            <Match when={first.data() && items().length === 0}>
              <Show
                when={!filtered()}
                fallback={
                  <EmptyState title={t("tickets.emptyFiltered")} body={t("tickets.emptyFilteredBody")}>
                    <button
                      type="button"
                      class="button button-secondary"
                      onClick={() => setSearch({ state: undefined, category: undefined, overdue: undefined }, { replace: true })}
                    >
                      {t("tickets.clearFilters")}
                    </button>
                  </EmptyState>
                }
              >
                <EmptyState title={t(`queue.${current().key}.emptyTitle`)} body={t(`queue.${current().key}.emptyBody`)}>
                  <Show when={current().key === "mine"}>
                    <A href={`/d/${props.slug}/tickets/new`} class="button button-primary">
                      <PlusIcon size={16} />
                      {t("tickets.report")}
                    </A>
                  </Show>
                </EmptyState>
              </Show>
            </Match>
            <Match when={true}>
              <TicketRows tickets={items()} slug={props.slug} names={names} testID="ticket-list" busy={first.loading()} />
              <Show when={cursor()}>
                <div class="load-more">
                  <button
                    type="button"
                    class="button button-secondary"
                    onClick={loadMore}
                    disabled={moreState() === "loading"}
                    data-testid="load-more"
                  >
                    <Show when={moreState() === "loading"}>
                      <span class="spinner" aria-hidden="true" />
                    </Show>
                    {t("common.loadMore")}
                  </button>
                </div>
              </Show>
              <Show when={moreState() === "error"}>
                <p class="notice notice-error" role="alert">
                  {errorMessage(moreError(), t)}
                </p>
              </Show>
            </Match>
          </Switch>
        </div>
      )}
    </Show>
  );
}

/** A list of tickets, a {@link TicketRow} each, with their categories' and departments' names. */
export function TicketRows(props: {
  tickets: Ticket[];
  slug: string;
  names: ReturnType<typeof useTicketLists>["names"];
  testID: string;
  busy?: boolean;
}) {
  return (
    <ul class="ticket-list" data-testid={props.testID} aria-busy={props.busy}>
      <For each={props.tickets}>
        {(ticket) => (
          <li>
            <TicketRow
              ticket={ticket}
              slug={props.slug}
              category={props.names.category(ticket.categoryKey)}
              department={props.names.department(ticket.departmentKey)}
            />
          </li>
        )}
      </For>
    </ul>
  );
}

/** One ticket in a list: what, where, how far, and how much time is left. */
export function TicketRow(props: { ticket: Ticket; slug: string; category: string; department: string }) {
  const { t, formatRelative, formatDateTime } = useTicketLocale();
  const open = () => props.ticket.state !== "closed";
  return (
    <A
      href={`/d/${props.slug}/tickets/${props.ticket.ticketID}`}
      class="ticket-row"
      classList={{ "is-overdue": props.ticket.overdue }}
      data-testid="ticket-row"
      data-ticket={props.ticket.ticketID}
      data-state={props.ticket.state}
    >
      <span class="ticket-row-main">
        <span class="ticket-row-top">
          <span class="ticket-row-category">{props.category}</span>
          <StateBadge ticket={props.ticket} />
          <Show when={props.ticket.overdue}>
            <OverdueFlag />
          </Show>
        </span>
        <span class="ticket-row-description">{props.ticket.description}</span>
        <span class="ticket-row-meta">
          <time dateTime={props.ticket.collectedAt} title={formatDateTime(props.ticket.collectedAt)}>
            {t("tickets.reportedAgo", { when: formatRelative(props.ticket.collectedAt) })}
          </time>
          <Show when={open() && props.ticket.dueAt}>
            {(due) => (
              <span class="ticket-row-due" classList={{ "is-overdue": props.ticket.overdue }} title={formatDateTime(due())}>
                <ClockIcon size={13} />
                {t("tickets.due", { when: formatRelative(due()) })}
              </span>
            )}
          </Show>
          <Show when={props.department}>
            <span>{props.department}</span>
          </Show>
          <Show when={props.ticket.address}>
            <span class="ticket-row-address">{props.ticket.address}</span>
          </Show>
        </span>
      </span>
      <ChevronRightIcon size={16} class="ticket-row-chevron" />
    </A>
  );
}
