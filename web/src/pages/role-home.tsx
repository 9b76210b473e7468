import { A } from "@solidjs/router";
import { For, type JSX, Show } from "solid-js";
import { cadresApi, todayInChina } from "../data/cadres.ts";
import { needsApi } from "../data/needs.ts";
import { createQuery, type Query } from "../data/query.ts";
import { queuesFor, ticketsApi, type Queue, type TicketListQuery } from "../data/tickets.ts";
import type { SignedInActor } from "../data/types.ts";
import { wishesApi } from "../data/wishes.ts";
import { useRegisterLocale } from "../i18n/register.ts";
import { useTicketLocale } from "../i18n/tickets.ts";
import { useSession } from "../providers/session.tsx";
import { AlertIcon, CameraIcon, ChevronRightIcon, MapPinIcon } from "../ui/icons.tsx";
import { EmptyState, QueryView } from "../ui/states.tsx";
import { useTicketLists } from "../ui/ticket-parts.tsx";
import type { HomeSection } from "./home-rules.ts";
import { TicketRows } from "./tickets.tsx";
import "./tickets.css";

/** A list's first page as a count: `n`, or `n+` when there are more pages. */
const PAGE = 50;

/**
 * The work blocks of a district user's home (`homeSections` chooses them from the roles and the
 * district's mechanisms): a resident's report button and reports, a grid worker's queues and the
 * grid's open wishes and needs, a department's queue by due time, a cadre's grid, ledger and
 * wishes to claim. Loaded with the ticket pages' chunk (it shows their rows).
 */
export default function RoleWork(props: { slug: string; actor: SignedInActor; sections: HomeSection[] }) {
  const show = (section: HomeSection) => props.sections.includes(section);
  const base = () => `/d/${props.slug}`;
  return (
    <div class="role-home" data-testid="role-home">
      <Show when={show("report")}>
        <ReportButton href={`${base()}/tickets/new`} />
      </Show>
      <Show when={show("myReports")}>
        <MyReports base={base()} slug={props.slug} />
      </Show>
      <Show when={show("myRecord")}>
        <A href={`${base()}/my-record`} class="card home-block home-my-record" data-testid="home-my-record">
          <MyRecordLabel />
          <ChevronRightIcon size={14} />
        </A>
      </Show>
      <Show when={show("queues")}>
        <Queues base={base()} actor={props.actor} />
      </Show>
      <Show when={show("departmentQueue")}>
        <DepartmentQueue base={base()} slug={props.slug} actor={props.actor} />
      </Show>
      <Show when={show("myGrid")}>
        <CadreWork base={base()} />
      </Show>
      <Show when={show("gridWishes") || show("wishesToClaim")}>
        <OpenWishes base={base()} actor={props.actor} claim={show("wishesToClaim")} />
      </Show>
      <Show when={show("gridNeeds")}>
        <OpenNeeds base={base()} actor={props.actor} />
      </Show>
    </div>
  );
}

function Block(props: { title: string; testID: string; more?: { href: string; testID?: string; label?: string }; children: JSX.Element }) {
  const { t } = useTicketLocale();
  return (
    <section class="card home-block" data-testid={props.testID}>
      <div class="home-block-head">
        <h2 class="section-title">{props.title}</h2>
        <Show when={props.more}>
          {(more) => (
            <A href={more().href} class="home-block-more" data-testid={more().testID}>
              {more().label ?? t("home.seeAll")}
              <ChevronRightIcon size={14} />
            </A>
          )}
        </Show>
      </div>
      {props.children}
    </section>
  );
}

function ReportButton(props: { href: string }) {
  const { t } = useTicketLocale();
  return (
    <A href={props.href} class="home-report" data-testid="home-report">
      <span class="home-report-icon">
        <CameraIcon size={28} />
      </span>
      <span class="home-report-text">
        <span class="home-report-title">{t("home.report")}</span>
        <span class="home-report-hint">{t("home.reportHint")}</span>
      </span>
      <ChevronRightIcon size={18} />
    </A>
  );
}

/** Tickets as the queue pages show them, with the district's names for categories and departments. */
function TicketList(props: { slug: string; query: TicketListQuery; testID: string; empty: () => JSX.Element }) {
  const session = useSession();
  const tickets = ticketsApi(session.api);
  const { names } = useTicketLists(tickets);
  const page = createQuery(
    () => JSON.stringify(props.query),
    (key) => tickets.list(JSON.parse(key) as TicketListQuery),
  );
  return (
    <QueryView query={page} lines={3}>
      {(loaded) => (
        <Show when={loaded().items.length > 0} fallback={props.empty()}>
          <TicketRows tickets={loaded().items} slug={props.slug} names={names} testID={props.testID} />
        </Show>
      )}
    </QueryView>
  );
}

function MyReports(props: { base: string; slug: string }) {
  const { t } = useTicketLocale();
  return (
    <Block title={t("home.myReports")} testID="home-my-reports" more={{ href: `${props.base}/tickets`, testID: "open-tickets" }}>
      <TicketList
        slug={props.slug}
        query={{ mine: true, limit: 5 }}
        testID="my-reports"
        empty={() => <EmptyState title={t("home.myReportsEmpty")} body={t("home.myReportsEmptyBody")} />}
      />
    </Block>
  );
}

/** A count of a list's first page: `n`, or `n+` when more pages follow. */
function useCount(query: () => TicketListQuery) {
  const session = useSession();
  const tickets = ticketsApi(session.api);
  const page = createQuery(
    () => JSON.stringify(query()),
    (key) => tickets.list({ ...(JSON.parse(key) as TicketListQuery), limit: PAGE }),
  );
  return { page, count: () => page.data()?.items.length, more: () => Boolean(page.data()?.cursor) };
}

function CountValue(props: { count: number | undefined; more: boolean }) {
  const { t, formatNumber } = useTicketLocale();
  return (
    <Show when={props.count !== undefined} fallback={<span class="muted">…</span>}>
      {props.more ? t("home.atLeast", { count: formatNumber(props.count!) }) : formatNumber(props.count!)}
    </Show>
  );
}

/** The worker's or leader's queues with their counts, and how many of their tickets are overdue. */
function Queues(props: { base: string; actor: SignedInActor }) {
  const { t } = useTicketLocale();
  // The roles of a signed-in person do not change under the page: the queues are read once.
  const queues = queuesFor(props.actor).filter((queue) => queue.key !== "all" && queue.key !== "department");
  const overdue = queues.filter((queue) => queue.key !== "mine").map((queue) => useCount(() => ({ ...queue.query, overdue: true })));
  const overdueCount = () => overdue.reduce((sum, one) => sum + (one.count() ?? 0), 0);
  const overdueMore = () => overdue.some((one) => one.more());
  const overdueKnown = () => overdue.every((one) => one.count() !== undefined);
  return (
    <Block title={t("home.queues")} testID="home-queues" more={{ href: `${props.base}/tickets` }}>
      <p class="section-hint">{t("home.queuesHint")}</p>
      <ul class="home-counts">
        <For each={queues}>{(queue) => <QueueCount base={props.base} queue={queue} />}</For>
        <li>
          <A
            href={`${props.base}/tickets?overdue=true`}
            class="home-count home-count-overdue"
            classList={{ "is-alert": overdueCount() > 0 }}
            data-testid="home-overdue"
            title={t("home.overdueHint")}
          >
            <span class="home-count-label">
              <AlertIcon size={14} />
              {t("home.overdue")}
            </span>
            <span class="home-count-value" data-testid="home-overdue-count">
              <CountValue count={overdueKnown() ? overdueCount() : undefined} more={overdueMore()} />
            </span>
          </A>
        </li>
      </ul>
    </Block>
  );
}

function QueueCount(props: { base: string; queue: Queue }) {
  const { t } = useTicketLocale();
  const { count, more } = useCount(() => props.queue.query);
  return (
    <li>
      <A
        href={`${props.base}/tickets?queue=${props.queue.key}`}
        class="home-count"
        data-testid={`home-queue-${props.queue.key}`}
        data-count={count() ?? ""}
      >
        <span class="home-count-label">{t(`queue.${props.queue.key}`)}</span>
        <span class="home-count-value">
          <CountValue count={count()} more={more()} />
        </span>
      </A>
    </li>
  );
}

function DepartmentQueue(props: { base: string; slug: string; actor: SignedInActor }) {
  const { t } = useTicketLocale();
  const department = () => (props.actor.type === "user" ? props.actor.department : undefined);
  return (
    <Block title={t("home.departmentQueue")} testID="home-department-queue" more={{ href: `${props.base}/tickets?queue=department` }}>
      <p class="section-hint">{t("home.departmentQueueHint")}</p>
      <Show when={department()} fallback={<EmptyState title={t("home.departmentQueueEmpty")} body={t("home.departmentQueueEmptyBody")} />}>
        {(key) => (
          <TicketList
            slug={props.slug}
            query={{ departmentKey: key(), state: "dispatched", limit: 10 }}
            testID="department-queue"
            empty={() => <EmptyState title={t("home.departmentQueueEmpty")} body={t("home.departmentQueueEmptyBody")} />}
          />
        )}
      </Show>
    </Block>
  );
}

/** The cadre's grid (seconded), and their ledger this month. */
function CadreWork(props: { base: string }) {
  const { t, formatNumber } = useTicketLocale();
  const session = useSession();
  const cadres = cadresApi(session.api);
  const mine = createQuery(
    () => true,
    () => cadres.mine(),
  );
  const month = todayInChina().slice(0, 7);
  const ledger = createQuery(
    () => true,
    () => cadres.ledger({ mine: true }),
  );
  const thisMonth = () => (ledger.data()?.items ?? []).filter((entry) => entry.date.startsWith(month));
  const hours = () => thisMonth().reduce((sum, entry) => sum + entry.hours, 0);
  return (
    <>
      <Block title={t("home.myGrid")} testID="home-my-grid">
        <QueryView query={mine} lines={2}>
          {(loaded) => (
            <Show when={loaded().current} fallback={<EmptyState title={t("home.myGridNone")} body={t("home.myGridNoneBody")} />}>
              {(current) => (
                <div class="home-facts">
                  <p class="home-fact-main">
                    <MapPinIcon size={16} />
                    <span data-testid="home-my-grid-name">{current().gridName}</span>
                  </p>
                  <p class="muted">{t("home.myGridUnit", { unit: current().unitName })}</p>
                  <p class="muted">{t("home.myGridPeriod", { from: current().from, to: current().to })}</p>
                </div>
              )}
            </Show>
          )}
        </QueryView>
      </Block>
      <Block title={t("home.myLedger")} testID="home-my-ledger" more={{ href: `${props.base}/cadres`, label: t("home.logWork") }}>
        <QueryView query={ledger} lines={2}>
          {() => (
            <Show when={thisMonth().length > 0} fallback={<p class="muted">{t("home.myLedgerEmpty")}</p>}>
              <p data-testid="home-ledger-summary">
                {t("home.myLedgerSummary", { count: formatNumber(thisMonth().length), hours: formatNumber(hours(), 1) })}
              </p>
            </Show>
          )}
        </QueryView>
      </Block>
    </>
  );
}

/** A short list of records by title, each linking to their mechanism's page (`<testID>-list`, `<testID>` per item). */
function TitleList(props: { query: Query<{ items: { title: string }[] }>; href: string; testID: string; empty: string }) {
  return (
    <QueryView query={props.query} lines={3}>
      {(loaded) => (
        <Show when={loaded().items.length > 0} fallback={<p class="muted">{props.empty}</p>}>
          <ul class="home-items" data-testid={`${props.testID}-list`}>
            <For each={loaded().items}>
              {(item) => (
                <li>
                  <A href={props.href} class="home-item" data-testid={props.testID}>
                    {item.title}
                  </A>
                </li>
              )}
            </For>
          </ul>
        </Show>
      )}
    </QueryView>
  );
}

/** Open wishes in the person's grid (and below): for grid staff to see, for cadres to claim. */
function OpenWishes(props: { base: string; actor: SignedInActor; claim: boolean }) {
  const { t } = useTicketLocale();
  const session = useSession();
  const wishes = wishesApi(session.api);
  const gridID = () => (props.actor.type === "user" ? props.actor.gridID : undefined);
  const open = createQuery(
    () => gridID() ?? "",
    (grid) => wishes.list({ view: "grid", status: "open", gridID: grid || undefined, limit: 5 }),
  );
  return (
    <Block
      title={props.claim ? t("home.wishesToClaim") : t("home.gridWishes")}
      testID="home-wishes"
      more={{ href: `${props.base}/wishes` }}
    >
      <TitleList
        query={open}
        href={`${props.base}/wishes`}
        testID="home-wish"
        empty={props.claim ? t("home.wishesToClaimEmpty") : t("home.gridWishesEmpty")}
      />
    </Block>
  );
}

/** Open needs-list items in the person's grid (and below). */
function OpenNeeds(props: { base: string; actor: SignedInActor }) {
  const { t } = useTicketLocale();
  const session = useSession();
  const needs = needsApi(session.api);
  const gridID = () => (props.actor.type === "user" ? props.actor.gridID : undefined);
  const open = createQuery(
    () => gridID() ?? "",
    (grid) => needs.list({ status: "open", gridID: grid || undefined, limit: 5 }),
  );
  return (
    <Block title={t("home.gridNeeds")} testID="home-needs" more={{ href: `${props.base}/needs` }}>
      <TitleList query={open} href={`${props.base}/needs`} testID="home-need" empty={t("home.gridNeedsEmpty")} />
    </Block>
  );
}

/** The resident's link to their own register record (我的登记信息). */
function MyRecordLabel() {
  const { t } = useRegisterLocale();
  return <span class="section-title">{t("myRecord.open")}</span>;
}
