import { useParams, useSearchParams } from "@solidjs/router";
import { createPagedList, type PagedList } from "../data/paged-list.ts";
import { createMemo, createSignal, For, Match, Show, Switch, type Accessor, type JSX } from "solid-js";
import { createQuery } from "../data/query.ts";
import type { DistrictConfig, SignedInActor } from "../data/types.ts";
import {
  chartKeys,
  figureKeys,
  mayOrganise,
  mayRecord,
  ownersKinds,
  volunteersApi,
  type Activity,
  type Figures,
  type OwnersKind,
  type OwnersRecord,
  type Summary,
  type VolunteersApi,
  type VolunteerTeam,
} from "../data/volunteers.ts";
import { useVolunteerLocale } from "../i18n/volunteers.ts";
import { useSession } from "../providers/session.tsx";
import { errorMessage } from "../ui/errors.ts";
import { PlusIcon } from "../ui/icons.tsx";
import { EmptyState, ErrorState, Skeleton, QueryView } from "../ui/states.tsx";
import { DistrictGate } from "../ui/district-gate.tsx";
import { useMechanismTitle } from "../ui/terms.ts";
import { usePageTitle } from "../ui/title.ts";
import { PageHead } from "../ui/page-head.tsx";
import { ActivityForm, MemberForm, OwnersForm, ProblemForm, TeamForm } from "./volunteers-forms.tsx";
import "./volunteers.css";

type Tab = "teams" | "activities" | "owners";
const tabs: Tab[] = ["teams", "activities", "owners"];
type FormKind = "activity" | "team" | "owners";

/** `/d/:slug/volunteers`: volunteers and activities (志愿服务 1+X) and red property management (红色物业). */
export function VolunteersPage() {
  const params = useParams<{ slug: string }>();
  const session = useSession();
  const { t } = useVolunteerLocale();
  const title = useMechanismTitle(
    () => params.slug,
    "volunteers",
    () => t("volunteers.title"),
  );
  usePageTitle(title);
  return (
    <div class="volunteer-page">
      <PageHead title={title()} subtitle={t("volunteers.subtitle")} />
      <DistrictGate
        slug={params.slug}
        mechanism="volunteers"
        actor
        off={{ title: t("volunteers.offTitle"), body: t("volunteers.offBody") }}
        notFound={{ title: t("volunteers.notFoundTitle"), body: t("volunteers.notFoundBody") }}
      >
        {(config, _district, actor) => <Volunteers config={config} actor={actor} api={volunteersApi(session.api)} />}
      </DistrictGate>
    </div>
  );
}

/** The figures, the forms the caller may use, and the three lists. */
export function Volunteers(props: { config: DistrictConfig; actor: SignedInActor; api: VolunteersApi }) {
  const { t } = useVolunteerLocale();
  const [search, setSearch] = useSearchParams<{ tab?: string }>();
  const tab = (): Tab => (tabs.includes(search.tab as Tab) ? (search.tab as Tab) : "teams");
  const [form, setForm] = createSignal<FormKind>();
  // Bumped after every write: the figures and lists load again.
  const [version, setVersion] = createSignal(0);
  const saved = (next?: Tab) => {
    setForm(undefined);
    setVersion((current) => current + 1);
    if (next) setSearch({ tab: next }, { replace: true });
  };
  const teamsForForm = createQuery(
    () => form() === "activity",
    () => props.api.teams({ limit: 200 }),
  );
  const allowed = createMemo(() =>
    [
      mayRecord(props.actor) && ("activity" as const),
      mayOrganise(props.actor) && ("team" as const),
      mayOrganise(props.actor) && ("owners" as const),
    ].filter((kind): kind is FormKind => Boolean(kind)),
  );
  return (
    <div class="volunteer-body">
      <SummaryPanel api={props.api} version={version} />

      <Show when={allowed().length}>
        <section class="volunteer-actions" aria-label={t("forms.title")}>
          <For each={allowed()}>
            {(kind) => (
              <button
                type="button"
                class="button button-secondary"
                aria-pressed={form() === kind}
                data-testid={`open-${kind}-form`}
                onClick={() => setForm(form() === kind ? undefined : kind)}
              >
                <PlusIcon size={16} />
                {t(`forms.${kind}`)}
              </button>
            )}
          </For>
        </section>
      </Show>
      <Switch>
        <Match when={form() === "activity"}>
          <ActivityForm
            api={props.api}
            config={props.config}
            teams={teamsForForm.data()?.items ?? []}
            onDone={() => saved("activities")}
            onCancel={() => setForm(undefined)}
          />
        </Match>
        <Match when={form() === "team"}>
          <TeamForm api={props.api} config={props.config} onDone={() => saved("teams")} onCancel={() => setForm(undefined)} />
        </Match>
        <Match when={form() === "owners"}>
          <OwnersForm api={props.api} config={props.config} onDone={() => saved("owners")} onCancel={() => setForm(undefined)} />
        </Match>
      </Switch>

      <fieldset class="pill-tabs" aria-label={t("tabs.label")}>
        <For each={tabs}>
          {(candidate) => (
            <button
              type="button"
              class="pill-tab"
              aria-pressed={candidate === tab()}
              data-testid={`tab-${candidate}`}
              onClick={() => setSearch({ tab: candidate }, { replace: true })}
            >
              {t(`tabs.${candidate}`)}
            </button>
          )}
        </For>
      </fieldset>
      <Switch>
        <Match when={tab() === "teams"}>
          <TeamList
            api={props.api}
            config={props.config}
            actor={props.actor}
            version={version}
            onChanged={() => setVersion((current) => current + 1)}
          />
        </Match>
        <Match when={tab() === "activities"}>
          <ActivityList api={props.api} config={props.config} version={version} />
        </Match>
        <Match when={tab() === "owners"}>
          <OwnersList api={props.api} version={version} />
        </Match>
      </Switch>
    </div>
  );
}

// ─── figures and chart ─────────────────────────────────────────────────────

function SummaryPanel(props: { api: VolunteersApi; version: Accessor<number> }) {
  const { t, formatNumber } = useVolunteerLocale();
  const [year, setYear] = createSignal<string>();
  const [metric, setMetric] = createSignal<keyof Figures>("activities");
  const summary = createQuery(
    () => JSON.stringify({ year: year(), version: props.version() }),
    (key) => props.api.summary({ year: (JSON.parse(key) as { year?: string }).year }),
  );
  const empty = (data: Summary) => figureKeys.every((key) => data.totals[key] === 0);
  return (
    <section class="card volunteer-summary" aria-labelledby="volunteer-figures">
      <h2 class="section-title" id="volunteer-figures">
        {t("figures.title")}
      </h2>
      <QueryView query={summary} lines={3} failureFirst>
        {(data) => (
          <Show when={!empty(data())} fallback={<p class="volunteer-empty-figures">{t("figures.empty")}</p>}>
            <dl class="volunteer-figures" data-testid="volunteer-figures">
              <For each={figureKeys}>
                {(key) => (
                  <div class="volunteer-figure" data-testid={`figure-${key}`}>
                    <dt>{t(`figures.${key}`)}</dt>
                    <dd>{formatNumber(data().totals[key])}</dd>
                  </div>
                )}
              </For>
            </dl>
            <Show when={data().year}>
              {(shown) => (
                <div class="volunteer-chart-block">
                  <div class="volunteer-chart-controls">
                    <label class="volunteer-filter">
                      <span class="visually-hidden">{t("chart.metric")}</span>
                      <select
                        class="input select input-small"
                        data-testid="chart-metric"
                        onChange={(event) => setMetric(event.currentTarget.value as keyof Figures)}
                      >
                        <For each={chartKeys}>
                          {(key) => (
                            <option value={key} selected={key === metric()}>
                              {t(`figures.${key}`)}
                            </option>
                          )}
                        </For>
                      </select>
                    </label>
                    <Show when={data().years.length > 1}>
                      <label class="volunteer-filter">
                        <span class="visually-hidden">{t("chart.year")}</span>
                        <select
                          class="input select input-small"
                          data-testid="chart-year"
                          onChange={(event) => setYear(event.currentTarget.value)}
                        >
                          <For each={data().years}>
                            {(candidate) => (
                              <option value={candidate} selected={candidate === shown()}>
                                {candidate}
                              </option>
                            )}
                          </For>
                        </select>
                      </label>
                    </Show>
                  </div>
                  <MonthChart
                    title={t("chart.title", { year: shown(), metric: t(`figures.${metric()}`) })}
                    values={data().months.map((month) => ({ month: Number(month.month.slice(5)), value: month[metric()] }))}
                  />
                </div>
              )}
            </Show>
          </Show>
        )}
      </QueryView>
    </section>
  );
}

/** Twelve bars, one a month: plain SVG, scaled to the largest month, labelled for screen readers. */
export function MonthChart(props: { title: string; values: { month: number; value: number }[] }) {
  const { t, formatNumber } = useVolunteerLocale();
  const width = 360;
  const height = 170;
  const top = 18;
  const bottom = 20;
  const slot = width / 12;
  const max = () => Math.max(1, ...props.values.map((entry) => entry.value));
  const barHeight = (value: number) => ((height - top - bottom) * value) / max();
  return (
    <figure class="volunteer-chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.title} data-testid="month-chart">
        <line x1="0" x2={width} y1={height - bottom} y2={height - bottom} class="volunteer-chart-axis" />
        <For each={props.values}>
          {(entry, index) => (
            <g data-testid="month-bar" data-value={entry.value}>
              <title>{t("chart.label", { month: entry.month, value: formatNumber(entry.value) })}</title>
              <rect
                class="volunteer-chart-bar"
                x={index() * slot + slot * 0.18}
                width={slot * 0.64}
                y={height - bottom - barHeight(entry.value)}
                height={barHeight(entry.value)}
                rx="2"
              />
              <Show when={entry.value > 0}>
                <text
                  class="volunteer-chart-value"
                  x={index() * slot + slot / 2}
                  y={height - bottom - barHeight(entry.value) - 4}
                  text-anchor="middle"
                >
                  {formatNumber(entry.value)}
                </text>
              </Show>
              <text class="volunteer-chart-month" x={index() * slot + slot / 2} y={height - 5} text-anchor="middle">
                {entry.month}
              </text>
            </g>
          )}
        </For>
      </svg>
    </figure>
  );
}

// ─── lists ─────────────────────────────────────────────────────────────────

function ListFrame<T>(props: { list: PagedList<T>; empty: JSX.Element; testid: string; children: (item: T) => JSX.Element }) {
  const { t } = useVolunteerLocale();
  return (
    <Switch>
      <Match when={!props.list.loaded() && props.list.error()}>
        {(error) => <ErrorState error={error()} onRetry={props.list.reload} />}
      </Match>
      <Match when={!props.list.loaded()}>
        <Skeleton class="card" lines={4} />
      </Match>
      <Match when={props.list.items().length === 0}>{props.empty}</Match>
      <Match when={true}>
        <ul class="volunteer-list" data-testid={props.testid} aria-busy={props.list.loading()}>
          <For each={props.list.items()}>{(item) => <li>{props.children(item)}</li>}</For>
        </ul>
        <Show when={props.list.hasMore()}>
          <div class="load-more">
            <button type="button" class="button button-secondary" onClick={() => props.list.more()} disabled={props.list.loading()}>
              {t("common.loadMore")}
            </button>
          </div>
        </Show>
        <Show when={props.list.error()}>
          <p class="notice notice-error" role="alert">
            {errorMessage(props.list.error(), t)}
          </p>
        </Show>
      </Match>
    </Switch>
  );
}

function TeamList(props: {
  api: VolunteersApi;
  config: DistrictConfig;
  actor: SignedInActor;
  version: Accessor<number>;
  onChanged: () => void;
}) {
  const { t, pick } = useVolunteerLocale();
  const [kind, setKind] = createSignal("");
  // Which teams are open, kept here: a write reloads the list, and the cards with it.
  const [opened, setOpened] = createSignal<Set<string>>(new Set());
  const toggle = (teamID: string) =>
    setOpened((current) => {
      const next = new Set(current);
      if (!next.delete(teamID)) next.add(teamID);
      return next;
    });
  const kindName = (key: string) => {
    const found = props.config.governance.volunteerTeamKinds.find((entry) => entry.key === key);
    return found ? pick(found) : key;
  };
  const list = createPagedList(
    () => JSON.stringify({ kind: kind(), version: props.version() }),
    (key, cursor) => props.api.teams({ kind: (JSON.parse(key) as { kind: string }).kind || undefined, cursor }),
    { keep: true },
  );
  return (
    <section class="volunteer-section">
      <div class="volunteer-filters">
        <label class="volunteer-filter">
          <span class="visually-hidden">{t("teams.filterKind")}</span>
          <select class="input select input-small" data-testid="filter-team-kind" onChange={(event) => setKind(event.currentTarget.value)}>
            <option value="">{t("teams.allKinds")}</option>
            <For each={props.config.governance.volunteerTeamKinds}>
              {(entry) => (
                <option value={entry.key} selected={entry.key === kind()}>
                  {pick(entry)}
                </option>
              )}
            </For>
          </select>
        </label>
      </div>
      <ListFrame
        list={list}
        testid="team-list"
        empty={
          kind() ? (
            <EmptyState title={t("teams.emptyFiltered")} />
          ) : (
            <EmptyState title={t("teams.emptyTitle")} body={t("teams.emptyBody")} />
          )
        }
      >
        {(team) => (
          <TeamCard
            team={team}
            kind={kindName(team.kind)}
            api={props.api}
            actor={props.actor}
            open={opened().has(team.teamID)}
            onToggle={() => toggle(team.teamID)}
            onChanged={props.onChanged}
          />
        )}
      </ListFrame>
    </section>
  );
}

/** A team in the list; opened, its members (removable by organisers) and problems solved, with the forms the caller may use. */
function TeamCard(props: {
  team: VolunteerTeam;
  kind: string;
  api: VolunteersApi;
  actor: SignedInActor;
  open: boolean;
  onToggle: () => void;
  onChanged: () => void;
}) {
  const { t, formatDate } = useVolunteerLocale();
  const open = () => props.open;
  const [form, setForm] = createSignal<"member" | "problem">();
  const [reloads, setReloads] = createSignal(0);
  const [notice, setNotice] = createSignal<string>();
  const detail = createQuery(
    () => open() && `${props.team.teamID}:${reloads()}`,
    async () => {
      const [team, problems] = await Promise.all([props.api.team(props.team.teamID), props.api.problems(props.team.teamID)]);
      return { ...team, problems: problems.items };
    },
  );
  const done = () => {
    setForm(undefined);
    setReloads((current) => current + 1);
    props.onChanged();
  };
  async function remove(memberID: string, name: string) {
    try {
      await props.api.removeMember(props.team.teamID, memberID);
      setNotice(t("teams.removed", { name }));
      done();
    } catch (error) {
      setNotice(errorMessage(error, t));
    }
  }
  return (
    <article class="card volunteer-team" data-testid="team-row" data-team={props.team.teamID}>
      <div class="volunteer-team-head">
        <div>
          <span class="badge volunteer-kind">{props.kind}</span>
          <h3 class="volunteer-team-name">{props.team.name}</h3>
          <p class="volunteer-meta">
            <span>{t("teams.leader", { name: props.team.leaderName })}</span>
            <span data-testid="team-members">{t("teams.members", { count: props.team.memberCount })}</span>
            <span>{t("teams.problems", { count: props.team.problemsSolved })}</span>
          </p>
        </div>
        <button
          type="button"
          class="button button-small button-secondary"
          aria-expanded={open()}
          data-testid="team-toggle"
          onClick={props.onToggle}
        >
          {open() ? t("teams.hide") : t("teams.show")}
        </button>
      </div>
      <Show when={open()}>
        <Switch>
          <Match when={detail.error()}>{(error) => <ErrorState error={error()} onRetry={detail.reload} />}</Match>
          <Match when={detail.data()}>
            {(loaded) => (
              <div class="volunteer-team-detail">
                <Show when={loaded().members.length} fallback={<p class="volunteer-muted">{t("teams.noMembers")}</p>}>
                  <ul class="volunteer-members" data-testid="team-member-list">
                    <For each={loaded().members}>
                      {(member) => (
                        <li>
                          <span>{member.name}</span>
                          <span class="volunteer-phone">{member.phone}</span>
                          <Show when={mayOrganise(props.actor)}>
                            <button
                              type="button"
                              class="link-button"
                              aria-label={t("teams.removeLabel", { name: member.name })}
                              onClick={() => void remove(member.memberID, member.name)}
                            >
                              {t("teams.remove")}
                            </button>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <h4 class="volunteer-subtitle">{t("teams.problemsTitle")}</h4>
                <Show when={loaded().problems.length} fallback={<p class="volunteer-muted">{t("teams.noProblems")}</p>}>
                  <ul class="volunteer-problems">
                    <For each={loaded().problems}>
                      {(problem) => (
                        <li>
                          <time dateTime={problem.date}>{formatDate(problem.date)}</time> {problem.title}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <Show when={notice()}>
                  <p class="notice" role="status">
                    {notice()}
                  </p>
                </Show>
                <div class="volunteer-team-actions">
                  <Show when={mayOrganise(props.actor)}>
                    <button
                      type="button"
                      class="button button-small button-secondary"
                      data-testid="open-member-form"
                      onClick={() => setForm("member")}
                    >
                      {t("forms.member")}
                    </button>
                  </Show>
                  <Show when={mayRecord(props.actor)}>
                    <button
                      type="button"
                      class="button button-small button-secondary"
                      data-testid="open-problem-form"
                      onClick={() => setForm("problem")}
                    >
                      {t("forms.problem")}
                    </button>
                  </Show>
                </div>
                <Show when={form() === "member"}>
                  <MemberForm api={props.api} team={props.team} onDone={done} onCancel={() => setForm(undefined)} />
                </Show>
                <Show when={form() === "problem"}>
                  <ProblemForm api={props.api} team={props.team} onDone={done} onCancel={() => setForm(undefined)} />
                </Show>
              </div>
            )}
          </Match>
          <Match when={true}>
            <Skeleton lines={2} />
          </Match>
        </Switch>
      </Show>
    </article>
  );
}

function ActivityList(props: { api: VolunteersApi; config: DistrictConfig; version: Accessor<number> }) {
  const { t, pick, formatDate, formatNumber } = useVolunteerLocale();
  const [month, setMonth] = createSignal("");
  const kindName = (key: string) => {
    const found = props.config.governance.activityKinds.find((entry) => entry.key === key);
    return found ? pick(found) : key;
  };
  const list = createPagedList<Activity, string>(
    () => JSON.stringify({ month: month(), version: props.version() }),
    (key, cursor) => props.api.activities({ month: (JSON.parse(key) as { month: string }).month || undefined, cursor }),
    { keep: true },
  );
  return (
    <section class="volunteer-section">
      <div class="volunteer-filters">
        <label class="volunteer-filter">
          <span class="visually-hidden">{t("activities.filterMonth")}</span>
          <input
            class="input input-small"
            type="month"
            data-testid="filter-month"
            value={month()}
            aria-label={t("activities.filterMonth")}
            onChange={(event) => setMonth(/^\d{4}-\d{2}$/.test(event.currentTarget.value) ? event.currentTarget.value : "")}
          />
        </label>
        <Show when={month()}>
          <button type="button" class="button button-small button-secondary" onClick={() => setMonth("")}>
            {t("activities.allMonths")}
          </button>
        </Show>
      </div>
      <ListFrame
        list={list}
        testid="activity-list"
        empty={
          month() ? (
            <EmptyState title={t("activities.emptyMonth")} />
          ) : (
            <EmptyState title={t("activities.emptyTitle")} body={t("activities.emptyBody")} />
          )
        }
      >
        {(activity) => (
          <article class="card volunteer-activity" data-testid="activity-row">
            <div class="volunteer-activity-top">
              <span class="badge volunteer-kind">{kindName(activity.kind)}</span>
              <time dateTime={activity.date}>{formatDate(activity.date)}</time>
            </div>
            <h3 class="volunteer-team-name">{activity.title}</h3>
            <p class="volunteer-meta">
              <span class="volunteer-served">{t("activities.served", { count: formatNumber(activity.served) })}</span>
              <span>{t("activities.organisers", { names: activity.organisers.join("、") })}</span>
            </p>
          </article>
        )}
      </ListFrame>
    </section>
  );
}

function OwnersList(props: { api: VolunteersApi; version: Accessor<number> }) {
  const { t, formatDate } = useVolunteerLocale();
  const [kind, setKind] = createSignal<OwnersKind>("committee_worker");
  const list = createPagedList<OwnersRecord, string>(
    () => JSON.stringify({ kind: kind(), version: props.version() }),
    (key, cursor) => props.api.ownersRecords({ kind: (JSON.parse(key) as { kind: OwnersKind }).kind, cursor }),
    { keep: true },
  );
  return (
    <section class="volunteer-section">
      <fieldset class="pill-tabs volunteer-subtabs" aria-label={t("owners.filterKind")}>
        <For each={ownersKinds}>
          {(candidate) => (
            <button
              type="button"
              class="pill-tab"
              aria-pressed={candidate === kind()}
              data-testid={`owners-${candidate}`}
              onClick={() => setKind(candidate)}
            >
              {t(`owners.kind.${candidate}`)}
            </button>
          )}
        </For>
      </fieldset>
      <ListFrame list={list} testid="owners-list" empty={<EmptyState title={t("owners.emptyTitle")} body={t("owners.emptyBody")} />}>
        {(record) => (
          <article class="card volunteer-activity" data-testid="owners-row">
            <div class="volunteer-activity-top">
              <Show when={record.projectKind} fallback={<span class="badge volunteer-kind">{t(`owners.kind.${record.kind}`)}</span>}>
                {(projectKind) => <span class="badge volunteer-kind">{t(`owners.project.${projectKind()}`)}</span>}
              </Show>
              <time dateTime={record.date}>
                {record.kind === "committee_worker" ? t("owners.since", { date: formatDate(record.date) }) : formatDate(record.date)}
              </time>
            </div>
            <h3 class="volunteer-team-name">{record.kind === "committee_worker" ? record.personName : record.topic}</h3>
            <Show when={record.estate}>
              <p class="volunteer-meta">{record.estate}</p>
            </Show>
          </article>
        )}
      </ListFrame>
    </section>
  );
}
