import { createEffect, createMemo, For, Match, on, Show, Switch } from "solid-js";
import { ROOT, type GridWorkspace } from "../data/grid-workspace.ts";
import type { Assignment, Coverage, Grid } from "../data/grids.ts";
import { useGridLocale } from "../i18n/grids.ts";
import { errorMessage } from "./errors.ts";
import { CloseIcon, PeopleIcon, PhoneIcon, ShieldCheckIcon } from "./grid-icons.tsx";
import { layerColour, problemColour } from "./grid-style.ts";
import { AlertIcon, CheckIcon, ChevronRightIcon } from "./icons.tsx";
import { tierName } from "./terms.ts";

/** The side panel: the selected grid, or the whole district when nothing is selected. */
export function GridPanel(props: { workspace: GridWorkspace }) {
  return (
    <div class="grid-panel" data-testid="grid-panel">
      <Show when={props.workspace.selectedID()} keyed fallback={<DistrictOverview workspace={props.workspace} />}>
        {(gridID) => <GridDetails workspace={props.workspace} gridID={gridID} />}
      </Show>
    </div>
  );
}

/** A grid's tier as the district names it (ui/terms.ts), or for a dedicated grid its kind. */
export function useGridTierLabel(workspace: GridWorkspace) {
  const locale = useGridLocale();
  return (grid: Pick<Grid, "tier" | "dedicatedKind">) => {
    if (grid.tier === null) {
      const kind = workspace.config.dedicatedKinds.find((candidate) => candidate.key === grid.dedicatedKind);
      return locale.t("grids.dedicatedOf", { kind: kind ? locale.pick(kind) : (grid.dedicatedKind ?? "") });
    }
    return tierName(workspace.config, grid.tier, locale) ?? String(grid.tier);
  };
}

function DistrictOverview(props: { workspace: GridWorkspace }) {
  const { t, pick, formatNumber } = useGridLocale();
  const tierLabel = (level: number | null) =>
    level === null ? t("grids.dedicated") : (tierName(props.workspace.config, level, { pick }) ?? String(level));
  return (
    <div class="panel-body">
      <div class="panel-head">
        <h2 class="panel-title">{t("grids.overviewTitle")}</h2>
      </div>
      <p class="panel-hint">{t("grids.overviewHint")}</p>
      <ul class="tier-counts">
        <For each={props.workspace.layers}>
          {(layer) => (
            <li class="tier-count">
              <span class="tree-swatch" style={{ "--swatch": layerColour(layer.level) }} aria-hidden="true" />
              <span class="tier-count-name">{tierLabel(layer.level)}</span>
              <span class="tier-count-value">
                <Show when={layer.state() === "loading" || layer.state() === "idle"}>
                  <span class="spinner" aria-hidden="true" />
                </Show>
                {formatNumber(layer.items().length)}
              </span>
            </li>
          )}
        </For>
      </ul>
      <CoverageCheck workspace={props.workspace} target={ROOT} />
    </div>
  );
}

function GridDetails(props: { workspace: GridWorkspace; gridID: string }) {
  const { t, formatNumber } = useGridLocale();
  const ws = props.workspace;
  const tierLabel = useGridTierLabel(ws);
  const grid = () => ws.selectedGrid();
  const loaded = () => {
    const reply = ws.detail.data();
    return reply && reply.grid.gridID === props.gridID ? reply : undefined;
  };
  const maxTier = () => Math.max(...ws.config.tiers.map((tier) => tier.level));
  const children = () => ws.branch(props.gridID);
  const regularChildren = () =>
    children()
      .items()
      .filter((child) => child.tier !== null);
  const dedicatedChildren = () =>
    children()
      .items()
      .filter((child) => child.tier === null);

  createEffect(
    on(
      () => props.gridID,
      (gridID) => {
        if (ws.selectedGrid()?.tier !== null) void ws.loadChildren(gridID);
      },
    ),
  );

  const area = (areaM2: number) => {
    const km2 = areaM2 / 1_000_000;
    return t("grids.areaKm2", { value: formatNumber(km2, km2 < 1 ? 3 : 2) });
  };
  const count = (value: number | null | undefined) =>
    value === null || value === undefined ? t("grids.notRecorded") : formatNumber(value);

  return (
    <div class="panel-body" aria-busy={ws.detail.loading()}>
      <Switch>
        <Match when={grid()}>
          {(shown) => (
            <>
              <div class="panel-head">
                <span class="tier-tag" style={{ "--swatch": layerColour(shown().tier) }}>
                  <span class="tree-swatch" aria-hidden="true" />
                  {tierLabel(shown())}
                </span>
                <button
                  type="button"
                  class="icon-button"
                  aria-label={t("grids.close")}
                  title={t("grids.close")}
                  onClick={() => ws.select(null, "panel")}
                >
                  <CloseIcon size={18} />
                </button>
              </div>
              <nav class="crumbs" aria-label={t("grids.breadcrumb")}>
                <ol>
                  <li>
                    <button type="button" class="crumb" onClick={() => ws.select(null, "panel")}>
                      {t("grids.breadcrumbRoot")}
                    </button>
                  </li>
                  <For each={loaded()?.ancestors ?? []}>
                    {(ancestor) => (
                      <li>
                        <ChevronRightIcon size={12} class="crumb-sep" />
                        <button type="button" class="crumb" title={ancestor.name} onClick={() => ws.select(ancestor.gridID, "panel")}>
                          {ancestor.code}
                        </button>
                      </li>
                    )}
                  </For>
                  <li>
                    <ChevronRightIcon size={12} class="crumb-sep" />
                    <span class="crumb is-current" aria-current="page">
                      {shown().code}
                    </span>
                  </li>
                </ol>
              </nav>
              <h2 class="panel-title" data-testid="grid-name">
                {shown().name}
              </h2>
              <dl class="facts">
                <div class="fact">
                  <dt>{t("grids.code")}</dt>
                  <dd>
                    <code>{shown().code}</code>
                  </dd>
                </div>
                <div class="fact">
                  <dt>{t("grids.area")}</dt>
                  <dd>{area(shown().areaM2)}</dd>
                </div>
                <div class="fact">
                  <dt>{t("grids.households")}</dt>
                  <dd>{count(shown().households)}</dd>
                </div>
                <div class="fact">
                  <dt>{t("grids.population")}</dt>
                  <dd>{count(shown().population)}</dd>
                </div>
              </dl>

              <PeopleList workspace={ws} />

              <Show when={shown().tier !== null}>
                <Show
                  when={(shown().tier ?? 0) < maxTier()}
                  fallback={
                    <section class="panel-section">
                      <h3 class="panel-heading">
                        <ShieldCheckIcon size={16} />
                        {t("grids.coverageTitle")}
                      </h3>
                      <p class="panel-note">{t("grids.coverageFinest")}</p>
                    </section>
                  }
                >
                  <CoverageCheck workspace={ws} target={props.gridID} />
                </Show>
              </Show>

              <Show when={shown().tier !== null}>
                <section class="panel-section">
                  <h3 class="panel-heading">
                    {t("grids.children")}
                    <Show when={children().state() === "done"}>
                      <span class="panel-count">{formatNumber(regularChildren().length)}</span>
                    </Show>
                  </h3>
                  <Switch>
                    <Match when={children().state() === "error"}>
                      <p class="panel-note is-error">{t("grids.childrenFailed")}</p>
                    </Match>
                    <Match when={children().state() !== "done"}>
                      <div class="skeleton-block" role="status">
                        <span class="visually-hidden">{t("common.loading")}</span>
                        <div class="skeleton" style={{ width: "70%" }} />
                        <div class="skeleton" style={{ width: "55%" }} />
                      </div>
                    </Match>
                    <Match when={regularChildren().length === 0 && dedicatedChildren().length === 0}>
                      <p class="panel-note">{t("grids.noChildren")}</p>
                    </Match>
                    <Match when={true}>
                      <ChildList workspace={ws} items={regularChildren()} />
                      <Show when={dedicatedChildren().length}>
                        <h4 class="panel-subheading">{t("grids.dedicatedChildren")}</h4>
                        <ChildList workspace={ws} items={dedicatedChildren()} />
                      </Show>
                    </Match>
                  </Switch>
                </section>
              </Show>
            </>
          )}
        </Match>
        <Match when={ws.detail.error()}>
          {(failure) => (
            <div class="panel-note is-error" role="alert">
              <AlertIcon size={16} />
              <span>
                {t("grids.detailFailed")}: {errorMessage(failure(), t)}
              </span>
              <button type="button" class="button button-ghost button-small" onClick={ws.detail.reload}>
                {t("common.retry")}
              </button>
            </div>
          )}
        </Match>
        <Match when={true}>
          <div class="skeleton-block" role="status">
            <span class="visually-hidden">{t("common.loading")}</span>
            <div class="skeleton" style={{ width: "40%" }} />
            <div class="skeleton" style={{ width: "80%" }} />
            <div class="skeleton" style={{ width: "65%" }} />
          </div>
        </Match>
      </Switch>
    </div>
  );
}

function ChildList(props: { workspace: GridWorkspace; items: Grid[] }) {
  const tierLabel = useGridTierLabel(props.workspace);
  return (
    <ul class="child-list">
      <For each={props.items}>
        {(child) => (
          <li>
            <button
              type="button"
              class="child-item"
              data-testid={`child-${child.code}`}
              onClick={() => props.workspace.select(child.gridID, "panel")}
            >
              <span class="tree-swatch" style={{ "--swatch": layerColour(child.tier) }} aria-hidden="true" />
              <span class="child-text">
                <span class="child-name">{child.name}</span>
                <span class="child-meta">
                  <code>{child.code}</code>
                  <Show when={child.tier === null}> · {tierLabel(child)}</Show>
                </span>
              </span>
              <ChevronRightIcon size={14} class="child-chevron" />
            </button>
          </li>
        )}
      </For>
    </ul>
  );
}

function PeopleList(props: { workspace: GridWorkspace }) {
  const { t, pick, formatDate, formatNumber } = useGridLocale();
  const ws = props.workspace;
  const roles = () => ws.config.roles;
  const order = (assignment: Assignment) => {
    const index = roles().findIndex((role) => role.key === assignment.roleKey);
    return index < 0 ? roles().length : index;
  };
  const people = createMemo(() =>
    [...(ws.people.data() ?? [])].sort(
      (a, b) => Number(b.active) - Number(a.active) || order(a) - order(b) || a.name.localeCompare(b.name, "zh-CN"),
    ),
  );
  const roleName = (key: string) => {
    const role = roles().find((candidate) => candidate.key === key);
    return role ? pick(role) : key;
  };
  /** A masked number (138****5678) cannot be dialled. */
  const dialable = (phone: string) => /^\+?\d[\d -]{5,}$/.test(phone);

  return (
    <section class="panel-section">
      <h3 class="panel-heading">
        <PeopleIcon size={16} />
        {t("grids.people")}
        <Show when={ws.people.data()}>
          <span class="panel-count">{t("grids.peopleCount", { count: formatNumber(people().length) })}</span>
        </Show>
      </h3>
      <Switch>
        <Match when={ws.people.error()}>
          {(failure) => (
            <div class="panel-note is-error" role="alert">
              <span>{errorMessage(failure(), t)}</span>
              <button type="button" class="button button-ghost button-small" onClick={ws.people.reload}>
                {t("common.retry")}
              </button>
            </div>
          )}
        </Match>
        <Match when={!ws.people.data()}>
          <div class="skeleton-block" role="status">
            <span class="visually-hidden">{t("common.loading")}</span>
            <div class="skeleton" style={{ width: "60%" }} />
            <div class="skeleton" style={{ width: "75%" }} />
          </div>
        </Match>
        <Match when={people().length === 0}>
          <p class="panel-note">{t("grids.noPeople")}</p>
        </Match>
        <Match when={true}>
          <ul class="people">
            <For each={people()}>
              {(person) => (
                <li class="person-row" classList={{ "is-ended": !person.active }} data-testid="person-row">
                  <span class="avatar" aria-hidden="true">
                    {person.name.slice(0, 1)}
                  </span>
                  <span class="person-text">
                    <span class="person-line">
                      <span class="person-name">{person.name}</span>
                      <span class="badge badge-role" data-testid="person-role">
                        {roleName(person.roleKey)}
                      </span>
                      <Show when={!person.active}>
                        <span class="badge">{t("grids.ended")}</span>
                      </Show>
                    </span>
                    <span class="person-meta">
                      <Show when={person.homeUnit}>
                        <span>{t("grids.homeUnit", { unit: person.homeUnit! })}</span>
                      </Show>
                      <span>{t("grids.since", { date: formatDate(person.from) })}</span>
                    </span>
                  </span>
                  <Show when={dialable(person.phone)} fallback={<span class="person-phone">{person.phone}</span>}>
                    <a
                      class="person-phone is-link"
                      href={`tel:${person.phone.replace(/[^\d+]/g, "")}`}
                      aria-label={t("grids.call", { name: person.name })}
                    >
                      <PhoneIcon size={14} />
                      {person.phone}
                    </a>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </section>
  );
}

type Problem =
  | { kind: "outside"; areaM2: number; geometry: unknown; code: string }
  | { kind: "overlap"; areaM2: number; geometry: unknown; a: string; b: string }
  | { kind: "gap"; areaM2: number; geometry: unknown };

function problemsOf(report: Coverage): Problem[] {
  return [
    ...report.outside.map((item): Problem => ({ kind: "outside", areaM2: item.areaM2, geometry: item.geometry, code: item.code })),
    ...report.overlaps.map(
      (item): Problem => ({ kind: "overlap", areaM2: item.areaM2, geometry: item.geometry, a: item.a.code, b: item.b.code }),
    ),
    ...report.gaps.map((item): Problem => ({ kind: "gap", areaM2: item.areaM2, geometry: item.geometry })),
  ];
}

/** The coverage check (无缝覆盖) of a grid's children, or of the first tier (`root`). */
export function CoverageCheck(props: { workspace: GridWorkspace; target: string }) {
  const { t, formatNumber } = useGridLocale();
  const ws = props.workspace;
  const mine = () => {
    const current = ws.coverage();
    return current && current.target === props.target ? current : null;
  };
  const root = () => props.target === ROOT;
  const km2 = (areaM2: number) => t("grids.areaKm2", { value: formatNumber(areaM2 / 1_000_000, 2) });
  const describe = (problem: Problem) =>
    problem.kind === "outside"
      ? t("grids.outsideItem", { code: problem.code })
      : problem.kind === "overlap"
        ? t("grids.overlapItem", { a: problem.a, b: problem.b })
        : t("grids.gapItem");

  return (
    <section class="panel-section">
      <h3 class="panel-heading">
        <ShieldCheckIcon size={16} />
        {t("grids.coverageTitle")}
      </h3>
      <p class="panel-note">{root() ? t("grids.coverageHintRoot") : t("grids.coverageHint")}</p>
      <div class="coverage-actions">
        <button
          type="button"
          class="button button-secondary"
          data-testid="check-coverage"
          disabled={mine()?.state === "loading"}
          onClick={() => void ws.checkCoverage(props.target)}
        >
          <Show when={mine()?.state === "loading"} fallback={<ShieldCheckIcon size={16} />}>
            <span class="spinner" aria-hidden="true" />
          </Show>
          {mine()?.state === "loading" ? t("grids.checking") : root() ? t("grids.checkCoverageRoot") : t("grids.checkCoverage")}
        </button>
        <Show when={mine()?.state === "done"}>
          <button type="button" class="button button-ghost button-small" onClick={ws.clearCoverage}>
            {t("grids.clearCoverage")}
          </button>
        </Show>
      </div>
      <Switch>
        <Match when={mine()?.state === "error"}>
          <div class="notice notice-error" role="alert" data-testid="coverage-result">
            <AlertIcon size={16} />
            <span>{errorMessage(mine()!.error, t)}</span>
          </div>
        </Match>
        <Match when={mine()?.report}>
          {(report) => (
            <div class="coverage-result" data-testid="coverage-result" data-ok={report().ok ? "true" : "false"} role="status">
              <Show
                when={!report().ok}
                fallback={
                  <div class="coverage-ok">
                    <span class="coverage-ok-icon">
                      <CheckIcon size={16} />
                    </span>
                    <span>
                      <strong>{t("grids.coverageOk")}</strong>
                      <span class="coverage-sub">
                        {root()
                          ? t("grids.coverageOkRoot", { children: formatNumber(report().children) })
                          : t("grids.coverageOkBody", { children: formatNumber(report().children) })}
                      </span>
                    </span>
                  </div>
                }
              >
                <p class="coverage-bad">
                  <span class="coverage-bad-swatch" style={{ background: problemColour }} aria-hidden="true" />
                  {t("grids.coverageProblems", { count: formatNumber(problemsOf(report()).length) })}
                </p>
                <ul class="problems">
                  <For each={problemsOf(report())}>
                    {(problem) => (
                      <li>
                        <button type="button" class="problem" title={t("grids.showOnMap")} onClick={() => ws.focusOn(problem.geometry)}>
                          <span class={`problem-kind kind-${problem.kind}`}>{t(`grids.${problem.kind}`)}</span>
                          <span class="problem-text">{describe(problem)}</span>
                          <span class="problem-area">{t("grids.areaM2", { value: formatNumber(Math.round(problem.areaM2)) })}</span>
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <Show when={!root()}>
                <p class="coverage-sub">
                  {t("grids.coverageAreas", { parent: km2(report().parentAreaM2), children: km2(report().childrenAreaM2) })}
                </p>
              </Show>
            </div>
          )}
        </Match>
      </Switch>
    </section>
  );
}
