import { A, useLocation, useParams } from "@solidjs/router";
import { createMemo, createSignal, Match, Show, Switch } from "solid-js";
import { ApiError } from "../data/api.ts";
import { createQuery } from "../data/query.ts";
import {
  allowedActions,
  changeActions,
  handlerOf,
  mayContactReporter,
  ticketsApi,
  type Category,
  type Department,
  type TicketAction,
  type TicketDetail,
  type TicketsApi,
} from "../data/tickets.ts";
import type { DistrictConfig, SignedInActor } from "../data/types.ts";
import { useTicketLocale } from "../i18n/tickets.ts";
import { TicketGate } from "../ui/district-gate.tsx";
import { ReporterFact } from "../ui/reporter-contact.tsx";
import { AlertIcon, CheckIcon, ChevronRightIcon } from "../ui/icons.tsx";
import { EmptyState, ErrorState, Skeleton } from "../ui/states.tsx";
import { TicketActions, type ActionOutcome } from "../ui/ticket-actions.tsx";
import { DuplicateAction, mayMarkDuplicate, numberOf, PublicTicketView } from "../ui/ticket-follow.tsx";
import { useNotificationLocale } from "../i18n/notifications.ts";
import { ok } from "../data/api.ts";
import { useSession } from "../providers/session.tsx";
import { ClockIcon } from "../ui/ticket-icons.tsx";
import { OverdueFlag, PhotoStrip, Stars, StateBadge, TicketStepper, TicketTimeline, useTicketNames } from "../ui/ticket-parts.tsx";
import { tierName } from "../ui/terms.ts";
import { usePageTitle } from "../ui/title.ts";
import "./tickets.css";

/** `/d/:slug/tickets/:ticketID`: one ticket, how far it has come, and what the caller may do next. */
export function TicketPage() {
  const params = useParams<{ slug: string; ticketID: string }>();
  const session = useSession();
  const location = useLocation<{ reported?: boolean }>();
  const { t } = useTicketLocale();
  const tickets = ticketsApi(session.api);
  return (
    <div class="ticket-page ticket-detail-page">
      <div class="page-head">
        <A href={`/d/${params.slug}/tickets`} class="back-link">
          <ChevronRightIcon size={14} class="back-icon" />
          {t("tickets.back")}
        </A>
      </div>
      <TicketGate slug={params.slug}>
        {(config) => (
          <TicketLoader
            ticketID={params.ticketID}
            slug={params.slug}
            tickets={tickets}
            config={config}
            actor={session.me.data()?.actor}
            reported={Boolean(location.state?.reported)}
          />
        )}
      </TicketGate>
    </div>
  );
}

type Notice = { kind: "reported" } | { kind: "done"; action: TicketAction } | { kind: "conflict" };

export function TicketLoader(props: {
  ticketID: string;
  tickets: TicketsApi;
  config: DistrictConfig;
  actor: SignedInActor | undefined;
  reported?: boolean;
  slug?: string;
}) {
  const { t } = useTicketLocale();
  const params = useParams<{ slug: string }>();
  const detail = createQuery(
    () => props.ticketID,
    (ticketID) => props.tickets.get(ticketID),
  );
  const categories = createQuery(
    () => true,
    () => props.tickets.categories().catch((): Category[] => []),
  );
  const departments = createQuery(
    () => true,
    () => props.tickets.departments().catch((): Department[] => []),
  );
  const [notice, setNotice] = createSignal<Notice | null>(props.reported ? { kind: "reported" } : null);
  const names = useTicketNames({ categories: categories.data, departments: departments.data });
  usePageTitle(() => (detail.data() ? `${names.category(detail.data()!.ticket.categoryKey)} · ${t("tickets.title")}` : t("tickets.title")));

  function outcome(result: ActionOutcome) {
    if (result.kind === "conflict") setNotice({ kind: "conflict" });
    else setNotice({ kind: "done", action: result.action });
    detail.reload();
  }

  const notFound = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 403);
  // Someone else's ticket: what the public may see of it (a public category), with the follow button.
  const session = useSession();
  const notes = useNotificationLocale();
  const publicView = createQuery(
    () => (detail.error() && notFound(detail.error()) ? props.ticketID : undefined),
    (ticketID) => ok(session.api.client.GET("/tickets/{ticketID}/public", { params: { path: { ticketID } } })),
  );
  const forbidden = () => [detail.error(), publicView.error()].some((error) => error instanceof ApiError && error.status === 403);
  return (
    <Switch>
      <Match when={detail.data()}>
        {(loaded) => (
          <>
            <Show when={notice()}>
              {(shown) => (
                <p
                  class="notice"
                  classList={{ "notice-success": shown().kind !== "conflict", "notice-warning": shown().kind === "conflict" }}
                  role="status"
                  data-testid={shown().kind === "conflict" ? "ticket-conflict" : "ticket-notice"}
                >
                  <Show when={shown().kind === "conflict"} fallback={<CheckIcon size={16} />}>
                    <AlertIcon size={16} />
                  </Show>
                  <span>
                    {(() => {
                      const current = shown();
                      if (current.kind === "reported") return t("ticket.reported");
                      if (current.kind === "conflict") return t("actions.conflict");
                      return t(`actions.done.${current.action as "accept"}`);
                    })()}
                  </span>
                </p>
              )}
            </Show>
            <TicketView
              detail={loaded()}
              config={props.config}
              actor={props.actor}
              tickets={props.tickets}
              categories={categories.data()}
              departments={departments.data()}
              onOutcome={outcome}
              reloading={detail.loading()}
            />
          </>
        )}
      </Match>
      <Match when={publicView.data()}>
        {(shown) => (
          <PublicTicketView
            slug={props.slug ?? params.slug}
            ticket={shown()}
            categoryName={names.category(shown().categoryKey)}
            onChange={publicView.reload}
          />
        )}
      </Match>
      <Match when={detail.error() && notFound(detail.error()) && publicView.error()}>
        <div data-testid="ticket-unavailable" data-status={forbidden() ? 403 : 404}>
          <EmptyState
            title={forbidden() ? notes.t("public.forbiddenTitle") : notes.t("public.notFoundTitle")}
            body={notes.t("public.notFoundBody")}
          />
        </div>
      </Match>
      <Match when={detail.error()}>{(error) => <ErrorState error={error()} onRetry={detail.reload} />}</Match>
      <Match when={true}>
        <div class="ticket-layout" aria-busy="true">
          <Skeleton class="card" lines={5} />
          <Skeleton class="card" lines={4} />
        </div>
      </Match>
    </Switch>
  );
}

export function TicketView(props: {
  detail: TicketDetail;
  config: DistrictConfig;
  actor: SignedInActor | undefined;
  tickets: TicketsApi;
  categories: Category[] | undefined;
  departments: Department[] | undefined;
  onOutcome: (outcome: ActionOutcome) => void;
  reloading?: boolean;
}) {
  const { t, pick, formatDateTime, formatRelative } = useTicketLocale();
  const params = useParams<{ slug: string }>();
  const names = useTicketNames({ categories: () => props.categories, departments: () => props.departments });
  const ticket = () => props.detail.ticket;
  const myID = () => (props.actor?.type === "user" ? props.actor.userID : undefined);
  const actions = createMemo(() => [
    ...allowedActions(ticket(), {
      actor: props.actor,
      handlerID: handlerOf(props.detail.timeline, ticket()),
      settings: props.config.tickets,
    }),
    ...changeActions(ticket(), { actor: props.actor }),
  ]);
  const waitingForOther = () =>
    ticket().state === "handled" && handlerOf(props.detail.timeline, ticket()) === myID() && props.actor?.type === "user";
  const grid = createQuery(
    () => ticket().gridID,
    (gridID) => props.tickets.grid(gridID),
  );
  /** The reporter's photos: those of the report and those added later. */
  const sitePhotos = () => {
    const fromTimeline = props.detail.timeline
      .filter((entry) => entry.action === "collect" || entry.action === "photo")
      .flatMap((entry) => entry.photos);
    return fromTimeline.length ? fromTimeline : ticket().photos;
  };
  const open = () => ticket().state !== "closed";

  return (
    <div class="ticket-layout" data-testid="ticket-view" data-state={ticket().state} aria-busy={props.reloading}>
      <div class="ticket-main">
        <section class="card ticket-head" aria-labelledby="ticket-title">
          <div class="ticket-head-top">
            <StateBadge ticket={ticket()} />
            <Show when={ticket().overdue}>
              <OverdueFlag />
            </Show>
            <span class="ticket-id">
              {t("ticket.number", {
                id: ticket()
                  .ticketID.replace(/^ticket_/, "")
                  .slice(-8)
                  .toUpperCase(),
              })}
            </span>
          </div>
          <h1 class="ticket-title" id="ticket-title" data-testid="ticket-title">
            {names.category(ticket().categoryKey)}
          </h1>
          <p class="ticket-description" data-testid="ticket-description-text">
            {ticket().description}
          </p>
          <PhotoStrip keys={sitePhotos()} urls={props.detail.photoUrls} label={t("ticket.photos")} />
          <TicketStepper ticket={ticket()} />
        </section>

        <Show when={ticket().pendingRequest}>
          {(request) => (
            <p class="notice notice-warning" data-testid="ticket-pending">
              <ClockIcon size={16} />
              <span>
                {t("ticket.pending", {
                  kind: ["extend", "send_up", "transfer", "void"].includes(request().kind)
                    ? t(`change.${request().kind as "extend"}`)
                    : request().kind,
                  reason: request().reason,
                })}
              </span>
            </p>
          )}
        </Show>
        <Show when={actions().length}>
          <TicketActions
            ticket={ticket()}
            actions={actions()}
            tickets={props.tickets}
            config={props.config}
            categories={props.categories}
            departments={props.departments}
            departmentName={names.department}
            actor={props.actor}
            onOutcome={props.onOutcome}
          />
        </Show>
        <Show when={mayMarkDuplicate(ticket(), props.actor)}>
          <DuplicateAction ticket={ticket()} onDone={() => props.onOutcome({ kind: "done", action: "verify" })} />
        </Show>
        <Show when={waitingForOther()}>
          <p class="notice notice-info" data-testid="verify-by-other">
            {t("actions.otherVerifies")}
          </p>
        </Show>

        <section class="card" aria-labelledby="timeline-title">
          <h2 class="section-title" id="timeline-title">
            {t("ticket.timeline")}
          </h2>
          <TicketTimeline
            timeline={props.detail.timeline}
            photoUrls={props.detail.photoUrls}
            reporterID={ticket().reporterID}
            myID={myID()}
            department={names.department}
          />
        </section>
      </div>

      <aside class="ticket-side">
        <section class="card" aria-labelledby="facts-title">
          <h2 class="section-title" id="facts-title">
            {t("ticket.details")}
          </h2>
          <dl class="ticket-facts">
            <Show when={open() && ticket().dueAt}>
              {(due) => (
                <div class="ticket-fact" classList={{ "is-overdue": ticket().overdue }} data-testid="ticket-due">
                  <dt>{t("ticket.due")}</dt>
                  <dd>
                    <ClockIcon size={14} />
                    {formatDateTime(due())}
                    <span class="ticket-fact-note">
                      {ticket().overdue ? t("ticket.overdueBy", { when: formatRelative(due()) }) : formatRelative(due())}
                    </span>
                  </dd>
                </div>
              )}
            </Show>
            <div class="ticket-fact">
              <dt>{t("ticket.grid")}</dt>
              <dd>
                <Show when={grid.data()} fallback={<span class="muted">{grid.loading() ? t("common.loading") : ticket().gridID}</span>}>
                  {(found) => (
                    <span class="ticket-grid">
                      <span>
                        <code>{found().grid.code}</code> {found().grid.name}
                      </span>
                      <Show when={tierName(props.config, found().grid.tier, { pick })}>
                        {(tier) => (
                          <span class="ticket-fact-note" data-testid="ticket-grid-tier">
                            {tier()}
                          </span>
                        )}
                      </Show>
                      <span class="ticket-fact-note">
                        {found()
                          .ancestors.map((ref) => ref.name)
                          .join(" › ")}
                      </span>
                    </span>
                  )}
                </Show>
              </dd>
            </div>
            <div class="ticket-fact">
              <dt>{t("ticket.place")}</dt>
              <dd>
                <span class="ticket-grid">
                  <Show when={ticket().address}>
                    <span>{ticket().address}</span>
                  </Show>
                  <span class="ticket-fact-note">
                    {ticket().lat.toFixed(5)}, {ticket().lon.toFixed(5)}
                  </span>
                </span>
              </dd>
            </div>
            <Show when={ticket().departmentKey}>
              <div class="ticket-fact">
                <dt>{t("ticket.department")}</dt>
                <dd data-testid="ticket-department">{names.department(ticket().departmentKey)}</dd>
              </div>
            </Show>
            <Show when={ticket().duplicateOf}>
              {(original) => (
                <div class="ticket-fact" data-testid="ticket-duplicate-of">
                  <dt>{t("closure.duplicate")}</dt>
                  <dd>
                    <A href={`/d/${params.slug}/tickets/${original()}`}>{numberOf(original())}</A>
                  </dd>
                </div>
              )}
            </Show>
            <div class="ticket-fact">
              <dt>{t("ticket.reportedAt")}</dt>
              <dd>{formatDateTime(ticket().collectedAt)}</dd>
            </div>
            <Show when={mayContactReporter(props.actor, ticket())}>
              <ReporterFact ticketID={ticket().ticketID} tickets={props.tickets} />
            </Show>
            <Show when={ticket().closedAt && ticket().state === "closed"}>
              <div class="ticket-fact">
                <dt>{t("ticket.closedAt")}</dt>
                <dd>
                  {formatDateTime(ticket().closedAt!)}
                  <Show when={ticket().onTime !== null && ticket().closure !== "not_accepted"}>
                    <span class="ticket-fact-note">{ticket().onTime ? t("ticket.onTime") : t("ticket.late")}</span>
                  </Show>
                </dd>
              </div>
            </Show>
            <Show when={ticket().rating}>
              {(rating) => (
                <div class="ticket-fact">
                  <dt>{t("ticket.rating")}</dt>
                  <dd>
                    <span class="ticket-grid">
                      <Stars rating={rating()} />
                      <Show when={ticket().ratingComment}>
                        <span class="ticket-fact-note">{ticket().ratingComment}</span>
                      </Show>
                    </span>
                  </dd>
                </div>
              )}
            </Show>
            <Show when={ticket().reopenCount > 0}>
              <div class="ticket-fact">
                <dt>{t("ticket.reopened")}</dt>
                <dd>{t("ticket.reopenedTimes", { count: ticket().reopenCount })}</dd>
              </div>
            </Show>
          </dl>
        </section>
      </aside>
    </div>
  );
}
