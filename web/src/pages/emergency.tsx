import { useParams, useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, For, Match, onCleanup, onMount, Show, Switch } from "solid-js";
import { ApiError } from "../data/api.ts";
import {
  checklistOf,
  emergencyApi,
  hasGridTasks,
  mayCommand,
  mayReadRounds,
  MODE_CHANGED,
  type EmergencyApi,
  type EmergencyMode,
  type EmergencyTask,
  type GridChoice,
  type MyEmergencyTask,
} from "../data/emergency.ts";
import { createQuery } from "../data/query.ts";
import type { DistrictConfig, SignedInActor } from "../data/types.ts";
import { useEmergencyLocale } from "../i18n/emergency.ts";
import { useSession } from "../providers/session.tsx";
import { errorMessage } from "../ui/errors.ts";
import { FailureNotice } from "../ui/failure-notice.tsx";
import { AlertIcon } from "../ui/icons.tsx";
import { EmptyState, ErrorState, Skeleton } from "../ui/states.tsx";
import { DistrictGate } from "../ui/district-gate.tsx";
import { useMechanismTitle } from "../ui/terms.ts";
import { usePageTitle } from "../ui/title.ts";
import "./emergency.css";

/** How often an open board reads the round again. */
const BOARD_POLL_MS = 15_000;

/**
 * `/d/:slug/emergency` (平急切换): a grid's own open tasks first, then the district's mode (the
 * admin switches it here), the task rounds (the admin issues them) and a live board per round.
 */
export function EmergencyPage() {
  const params = useParams<{ slug: string }>();
  const session = useSession();
  const { t } = useEmergencyLocale();
  const title = useMechanismTitle(() => params.slug, "emergencyMode", () => t("emergency.title"));
  usePageTitle(title);
  const api = emergencyApi(session.api);
  return (
    <div class="emergency-page">
      <div class="page-head">
        <div>
          <h1 class="page-title">{title()}</h1>
          <p class="page-subtitle">{t("emergency.subtitle")}</p>
        </div>
      </div>
      <DistrictGate slug={params.slug} mechanism="emergencyMode" actor off={{ title: t("emergency.offTitle"), body: t("emergency.offBody") }}>
        {(config, _district, actor) => <EmergencyWorkspace api={api} actor={actor} config={config} />}
      </DistrictGate>
    </div>
  );
}

export function EmergencyWorkspace(props: { api: EmergencyApi; actor: SignedInActor; config: DistrictConfig }) {
  const { t } = useEmergencyLocale();
  const mode = createQuery(
    () => true,
    () => props.api.mode(),
  );
  // Reports and new rounds change what the lists and the board show.
  const [changes, setChanges] = createSignal(0);
  const changed = () => setChanges((value) => value + 1);
  return (
    <div class="emergency-workspace">
      <Show when={hasGridTasks(props.actor)}>
        <MyTasks api={props.api} onReported={changed} />
      </Show>
      <ModeCard
        api={props.api}
        config={props.config}
        mode={mode.data()}
        error={mode.error()}
        onRetry={mode.reload}
        admin={mayCommand(props.actor)}
        onSwitched={() => {
          mode.reload();
          window.dispatchEvent(new Event(MODE_CHANGED));
        }}
      />
      <Show
        when={mayReadRounds(props.actor)}
        fallback={<EmptyState title={t("emergency.noAccessTitle")} body={t("emergency.noAccessBody")} />}
      >
        <Rounds
          api={props.api}
          config={props.config}
          admin={mayCommand(props.actor)}
          emergencyOn={mode.data()?.mode === "emergency"}
          changes={changes()}
          onChanged={changed}
        />
      </Show>
    </div>
  );
}

// ─── my tasks ───────────────────────────────────────────────────────────────

function MyTasks(props: { api: EmergencyApi; onReported: () => void }) {
  const { t } = useEmergencyLocale();
  const mine = createQuery(
    () => true,
    () => props.api.mine(),
  );
  const [notice, setNotice] = createSignal<(() => string) | null>(null);
  return (
    <section class="card emergency-mine" aria-labelledby="emergency-mine-title" data-testid="emergency-mine">
      <h2 class="section-title" id="emergency-mine-title">
        {t("emergency.mineTitle")}
      </h2>
      <p class="field-hint">{t("emergency.mineHint")}</p>
      <Show when={notice()}>
        {(message) => (
          <p class="notice notice-info" role="status" data-testid="emergency-mine-notice">
            {message()()}
          </p>
        )}
      </Show>
      <Switch>
        <Match when={mine.error()}>{(error) => <ErrorState error={error()} onRetry={mine.reload} />}</Match>
        <Match when={mine.data()}>
          {(data) => (
            <Show when={data().items.length} fallback={<p class="emergency-quiet">{t("emergency.mineEmpty")}</p>}>
              <ul class="emergency-mine-list">
                <For each={data().items}>
                  {(item) => (
                    <li>
                      <TaskReport
                        api={props.api}
                        item={item}
                        onReported={(done) => {
                          setNotice(() => () => (done ? t("emergency.reportedDone", { grid: item.grid.name, title: item.task.title }) : t("emergency.reported")));
                          mine.reload();
                          props.onReported();
                        }}
                      />
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
        <Match when={true}>
          <Skeleton lines={3} />
        </Match>
      </Switch>
    </section>
  );
}

function TaskReport(props: { api: EmergencyApi; item: MyEmergencyTask; onReported: (done: boolean) => void }) {
  const { t } = useEmergencyLocale();
  const [ticks, setTicks] = createSignal<boolean[]>(props.item.task.checklist.map((_, index) => props.item.grid.ticks[index] ?? false));
  const [note, setNote] = createSignal(props.item.grid.note ?? "");
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  const ticked = () => ticks().filter(Boolean).length;
  const all = () => ticked() === ticks().length;
  const id = (name: string) => `task-${props.item.task.taskID}-${name}`;

  async function submit(event: Event) {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const result = await props.api.report(props.item.task.taskID, props.item.grid.gridID, { ticks: ticks(), note: note().trim() || undefined });
      props.onReported(result.status === "done");
    } catch (error) {
      setFailure(() => error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="emergency-task" onSubmit={submit} data-testid="emergency-task" data-task={props.item.task.taskID}>
      <div class="emergency-task-head">
        <h3 class="emergency-task-title">{props.item.task.title}</h3>
        <span class="badge badge-flag">{t(`emergency.roundScope.${props.item.task.scope}`)}</span>
        <span class="emergency-task-grid">{props.item.grid.name}</span>
      </div>
      <fieldset class="emergency-checklist">
        <legend class="field-label">{t("emergency.checklist")}</legend>
        <For each={props.item.task.checklist}>
          {(label, index) => (
            <label class="emergency-check">
              <input
                type="checkbox"
                checked={ticks()[index()]}
                data-testid="emergency-tick"
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  setTicks((current) => current.map((value, at) => (at === index() ? checked : value)));
                }}
              />
              <span>{label}</span>
            </label>
          )}
        </For>
      </fieldset>
      <div class="field">
        <label class="field-label" for={id("note")}>
          {t("emergency.note")}
        </label>
        <textarea
          id={id("note")}
          class="input textarea"
          rows={2}
          maxLength={500}
          placeholder={t("emergency.notePlaceholder")}
          value={note()}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </div>
      <FailureNotice error={failure()} />
      <div class="emergency-actions">
        <button type="submit" class="button button-primary" disabled={busy() || ticked() === 0} data-testid="emergency-report">
          {all() ? t("emergency.reportDone") : t("emergency.reportPartial", { ticked: ticked(), total: ticks().length })}
        </button>
      </div>
    </form>
  );
}

// ─── the mode and its switch ────────────────────────────────────────────────

function ModeCard(props: {
  api: EmergencyApi;
  config: DistrictConfig;
  mode: EmergencyMode | undefined;
  error: unknown;
  onRetry: () => void;
  admin: boolean;
  onSwitched: () => void;
}) {
  const { t, formatDateTime } = useEmergencyLocale();
  const gridNames = (mode: EmergencyMode) => mode.grids.map((grid) => grid.name).join("、");
  return (
    <section class="card emergency-mode" aria-labelledby="emergency-mode-title" data-testid="emergency-mode" data-mode={props.mode?.mode}>
      <h2 class="section-title" id="emergency-mode-title">
        {t("emergency.modeTitle")}
      </h2>
      <Switch>
        <Match when={props.mode}>
          {(mode) => (
            <>
              <div class="emergency-mode-state" classList={{ "is-emergency": mode().mode === "emergency" }}>
                <Show when={mode().mode === "emergency"}>
                  <AlertIcon size={22} />
                </Show>
                <strong data-testid="emergency-mode-name">{t(`emergency.mode.${mode().mode}`)}</strong>
                <Show when={mode().mode === "emergency"}>
                  <span>{mode().scope === "district" ? t("emergency.modeDistrict") : t("emergency.modeGrids", { grids: gridNames(mode()) })}</span>
                </Show>
              </div>
              <Show when={mode().mode === "emergency"} fallback={<p class="emergency-quiet">{t("emergency.modeNormalBody")}</p>}>
                <p class="emergency-mode-detail">{t("emergency.modeReason", { reason: mode().reason ?? "" })}</p>
              </Show>
              <Show when={mode().since}>{(since) => <p class="emergency-mode-detail">{t("emergency.modeSince", { since: formatDateTime(since()) })}</p>}</Show>
              <Show when={props.admin}>
                <SwitchForm api={props.api} config={props.config} mode={mode()} onSwitched={props.onSwitched} onConflict={props.onRetry} />
              </Show>
            </>
          )}
        </Match>
        <Match when={props.error}>{(error) => <ErrorState error={error()} onRetry={props.onRetry} />}</Match>
        <Match when={true}>
          <Skeleton lines={2} />
        </Match>
      </Switch>
    </section>
  );
}

function SwitchForm(props: { api: EmergencyApi; config: DistrictConfig; mode: EmergencyMode; onSwitched: () => void; onConflict: () => void }) {
  const { t } = useEmergencyLocale();
  const target = () => (props.mode.mode === "emergency" ? "normal" : "emergency");
  const [scope, setScope] = createSignal<"district" | "grids">("district");
  const [grids, setGrids] = createSignal<GridChoice[]>([]);
  const [reason, setReason] = createSignal("");
  const [errors, setErrors] = createSignal<{ reason?: boolean; grids?: boolean }>({});
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<(() => string) | null>(null);

  function ask(event: Event) {
    event.preventDefault();
    const next = { reason: reason().trim().length < 2, grids: target() === "emergency" && scope() === "grids" && grids().length === 0 };
    setErrors(next);
    setFailure(null);
    if (!next.reason && !next.grids) setConfirming(true);
  }

  async function confirm() {
    if (busy()) return;
    setBusy(true);
    try {
      await props.api.setMode(
        target() === "normal"
          ? { mode: "normal", reason: reason().trim(), expectedVersion: props.mode.version }
          : { mode: "emergency", scope: scope(), gridIDs: scope() === "grids" ? grids().map((grid) => grid.gridID) : [], reason: reason().trim(), expectedVersion: props.mode.version },
      );
      setConfirming(false);
      setReason("");
      setGrids([]);
      props.onSwitched();
    } catch (error) {
      setConfirming(false);
      if (error instanceof ApiError && error.status === 409) {
        setFailure(() => () => t("emergency.conflict"));
        props.onConflict();
      } else setFailure(() => () => errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="emergency-switch" onSubmit={ask} data-testid="emergency-switch">
      <h3 class="subsection-title">{target() === "emergency" ? t("emergency.toEmergency") : t("emergency.toNormal")}</h3>
      <Show when={target() === "emergency"}>
        <fieldset class="emergency-radios">
          <legend class="field-label">{t("emergency.scope")}</legend>
          <For each={["district", "grids"] as const}>
            {(option) => (
              <label class="emergency-radio">
                <input type="radio" name="emergency-scope" value={option} checked={scope() === option} data-testid={`emergency-scope-${option}`} onChange={() => setScope(option)} />
                <span>{t(`emergency.scope.${option}`)}</span>
              </label>
            )}
          </For>
        </fieldset>
        <Show when={scope() === "grids"}>
          <GridPicker api={props.api} config={props.config} chosen={grids()} onChange={setGrids} invalid={Boolean(errors().grids)} testID="emergency-mode-grids" />
          <Show when={errors().grids}>
            <p class="field-error">{t("emergency.gridsRequired")}</p>
          </Show>
        </Show>
      </Show>
      <div class="field" classList={{ "is-invalid": Boolean(errors().reason) }}>
        <label class="field-label" for="emergency-reason">
          {t("emergency.reason")}
        </label>
        <input
          id="emergency-reason"
          class="input"
          maxLength={200}
          value={reason()}
          aria-invalid={Boolean(errors().reason)}
          data-testid="emergency-reason"
          onInput={(event) => setReason(event.currentTarget.value)}
        />
        <Show when={errors().reason} fallback={<p class="field-hint">{t("emergency.reasonHint")}</p>}>
          <p class="field-error">{t("emergency.reasonRequired")}</p>
        </Show>
      </div>
      <Show when={failure()}>
        {(message) => (
          <p class="notice notice-error" role="alert" data-testid="emergency-switch-error">
            {message()()}
          </p>
        )}
      </Show>
      <div class="emergency-actions">
        <button type="submit" class="button" classList={{ "button-primary": target() === "emergency", "button-secondary": target() === "normal" }} data-testid="emergency-switch-submit">
          {target() === "emergency" ? t("emergency.toEmergency") : t("emergency.toNormal")}
        </button>
      </div>
      <Show when={confirming()}>
        <ConfirmDialog
          title={t("emergency.confirmTitle")}
          body={target() === "emergency" ? t("emergency.confirmEmergency", { scope: scope() === "district" ? t("emergency.scope.district") : grids().map((grid) => grid.name).join("、") }) : t("emergency.confirmNormal")}
          busy={busy()}
          onConfirm={confirm}
          onCancel={() => setConfirming(false)}
        />
      </Show>
    </form>
  );
}

/** A modal confirmation: focus goes to its confirm button, Escape cancels. */
function ConfirmDialog(props: { title: string; body: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useEmergencyLocale();
  let confirmButton: HTMLButtonElement | undefined;
  onMount(() => {
    confirmButton?.focus();
    const escape = (event: KeyboardEvent) => event.key === "Escape" && props.onCancel();
    document.addEventListener("keydown", escape);
    onCleanup(() => document.removeEventListener("keydown", escape));
  });
  return (
    <div class="emergency-dialog-backdrop">
      <div class="emergency-dialog card" role="alertdialog" aria-modal="true" aria-labelledby="emergency-dialog-title" aria-describedby="emergency-dialog-body" data-testid="emergency-confirm">
        <h2 class="section-title" id="emergency-dialog-title">
          {props.title}
        </h2>
        <p id="emergency-dialog-body">{props.body}</p>
        <div class="emergency-actions">
          <button type="button" class="button button-secondary" onClick={() => props.onCancel()}>
            {t("emergency.cancel")}
          </button>
          <button ref={confirmButton} type="button" class="button button-primary" disabled={props.busy} data-testid="emergency-confirm-submit" onClick={() => props.onConfirm()}>
            {t("emergency.confirm")}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Chooses grids: a tier, a filter, then ticks (the first 50 matches shown). */
function GridPicker(props: { api: EmergencyApi; config: DistrictConfig; chosen: GridChoice[]; onChange: (grids: GridChoice[]) => void; invalid: boolean; testID: string }) {
  const { t, pick } = useEmergencyLocale();
  const [tier, setTier] = createSignal(1);
  const [filter, setFilter] = createSignal("");
  const grids = createQuery(tier, (level) => props.api.gridsOfTier(level));
  const matches = createMemo(() => {
    const words = filter().trim().toLowerCase();
    return (grids.data() ?? []).filter((grid) => !words || grid.name.toLowerCase().includes(words) || grid.code.toLowerCase().includes(words));
  });
  const chosenIDs = createMemo(() => new Set(props.chosen.map((grid) => grid.gridID)));
  const toggle = (grid: GridChoice, on: boolean) =>
    props.onChange(on ? [...props.chosen, grid] : props.chosen.filter((candidate) => candidate.gridID !== grid.gridID));
  return (
    <div class="emergency-picker" classList={{ "is-invalid": props.invalid }} data-testid={props.testID}>
      <div class="emergency-picker-controls">
        <label class="field">
          <span class="field-label">{t("emergency.pickTier")}</span>
          <select class="input select" value={String(tier())} onChange={(event) => setTier(Number(event.currentTarget.value))}>
            <For each={props.config.tiers}>{(level) => <option value={String(level.level)}>{pick(level)}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span class="field-label">{t("emergency.pickFilter")}</span>
          <input class="input" value={filter()} data-testid={`${props.testID}-filter`} onInput={(event) => setFilter(event.currentTarget.value)} />
        </label>
      </div>
      <Show when={props.chosen.length}>
        <div class="chips" aria-label={t("emergency.pickCount", { count: props.chosen.length })}>
          <For each={props.chosen}>
            {(grid) => (
              <button type="button" class="chip chip-accent" aria-label={t("emergency.pickRemove", { name: grid.name })} onClick={() => toggle(grid, false)}>
                {grid.name} ×
              </button>
            )}
          </For>
        </div>
      </Show>
      <Switch>
        <Match when={grids.error()}>{(error) => <ErrorState error={error()} onRetry={grids.reload} />}</Match>
        <Match when={grids.data()}>
          <Show when={matches().length} fallback={<p class="emergency-quiet">{t("emergency.pickNone")}</p>}>
            <ul class="emergency-picker-list">
              <For each={matches().slice(0, 50)}>
                {(grid) => (
                  <li>
                    <label class="emergency-check">
                      <input type="checkbox" checked={chosenIDs().has(grid.gridID)} data-testid="emergency-pick" data-grid={grid.gridID} onChange={(event) => toggle(grid, event.currentTarget.checked)} />
                      <span>
                        {grid.name} <span class="emergency-code">{grid.code}</span>
                      </span>
                    </label>
                  </li>
                )}
              </For>
            </ul>
            <Show when={matches().length > 50}>
              <p class="field-hint">{t("emergency.pickMore", { count: matches().length - 50 })}</p>
            </Show>
          </Show>
        </Match>
        <Match when={true}>
          <Skeleton lines={2} />
        </Match>
      </Switch>
    </div>
  );
}

// ─── rounds and the board ───────────────────────────────────────────────────

function Rounds(props: { api: EmergencyApi; config: DistrictConfig; admin: boolean; emergencyOn: boolean; changes: number; onChanged: () => void }) {
  const { t, formatDateTime } = useEmergencyLocale();
  const [search, setSearch] = useSearchParams<{ round?: string }>();
  const list = createQuery(
    () => `rounds#${props.changes}`,
    () => props.api.tasks(),
  );
  const [more, setMore] = createSignal<EmergencyTask[]>([]);
  const [cursor, setCursor] = createSignal<string | null | undefined>(undefined);
  const items = () => [...(list.data()?.items ?? []), ...more()];
  const nextCursor = () => (cursor() === undefined ? list.data()?.cursor : cursor());
  const [creating, setCreating] = createSignal(false);
  async function loadMore() {
    const page = await props.api.tasks(nextCursor());
    setMore((current) => [...current, ...page.items]);
    setCursor(page.cursor);
  }
  return (
    <>
      <section class="card emergency-rounds" aria-labelledby="emergency-rounds-title" data-testid="emergency-rounds">
        <div class="emergency-section-head">
          <h2 class="section-title" id="emergency-rounds-title">
            {t("emergency.roundsTitle")}
          </h2>
          <Show when={props.admin && props.emergencyOn && !creating()}>
            <button type="button" class="button button-primary" data-testid="emergency-new-round" onClick={() => setCreating(true)}>
              {t("emergency.newRound")}
            </button>
          </Show>
        </div>
        <Show when={props.admin && !props.emergencyOn}>
          <p class="field-hint">{t("emergency.needEmergency")}</p>
        </Show>
        <Show when={creating() && props.emergencyOn}>
          <NewRound
            api={props.api}
            config={props.config}
            onCancel={() => setCreating(false)}
            onCreated={(task) => {
              setCreating(false);
              setMore([]);
              setCursor(undefined);
              props.onChanged();
              setSearch({ round: task.taskID }, { replace: true });
            }}
          />
        </Show>
        <Switch>
          <Match when={list.error()}>{(error) => <ErrorState error={error()} onRetry={list.reload} />}</Match>
          <Match when={list.data()}>
            <Show when={items().length} fallback={<EmptyState title={t("emergency.roundsEmpty")} body={t("emergency.roundsEmptyBody")} />}>
              <ul class="emergency-round-list">
                <For each={items()}>
                  {(task) => (
                    <li>
                      <button
                        type="button"
                        class="emergency-round"
                        classList={{ "is-selected": search.round === task.taskID }}
                        aria-pressed={search.round === task.taskID}
                        data-testid="emergency-round"
                        onClick={() => setSearch({ round: task.taskID }, { replace: true })}
                      >
                        <span class="emergency-round-title">{task.title}</span>
                        <span class="emergency-round-meta">
                          <span class="badge badge-flag">{t(`emergency.roundScope.${task.scope}`)}</span>
                          <span>{t("emergency.roundGrids", { count: task.gridCount })}</span>
                          <span>{t("emergency.roundCreated", { when: formatDateTime(task.createdAt) })}</span>
                        </span>
                      </button>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={nextCursor()}>
                <button type="button" class="button button-secondary load-more" onClick={loadMore}>
                  {t("emergency.loadMore")}
                </button>
              </Show>
            </Show>
          </Match>
          <Match when={true}>
            <Skeleton lines={3} />
          </Match>
        </Switch>
      </section>
      <Show when={search.round} keyed fallback={<p class="emergency-quiet">{t("emergency.boardPick")}</p>}>
        {(taskID) => <Board api={props.api} taskID={taskID} changes={props.changes} />}
      </Show>
    </>
  );
}

function NewRound(props: { api: EmergencyApi; config: DistrictConfig; onCancel: () => void; onCreated: (task: EmergencyTask) => void }) {
  const { t } = useEmergencyLocale();
  const [title, setTitle] = createSignal("");
  const [scope, setScope] = createSignal<"district" | "risk_area">("district");
  const [grids, setGrids] = createSignal<GridChoice[]>([]);
  const [checklist, setChecklist] = createSignal("");
  const [errors, setErrors] = createSignal<{ title?: boolean; grids?: boolean; checklist?: boolean }>({});
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();

  async function submit(event: Event) {
    event.preventDefault();
    if (busy()) return;
    const items = checklistOf(checklist());
    const next = { title: title().trim().length < 2, grids: scope() === "risk_area" && grids().length === 0, checklist: items.length === 0 || items.length > 20 };
    setErrors(next);
    if (next.title || next.grids || next.checklist) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const task = await props.api.createTask({ title: title().trim(), scope: scope(), gridIDs: scope() === "risk_area" ? grids().map((grid) => grid.gridID) : [], checklist: items });
      props.onCreated(task);
    } catch (error) {
      setFailure(() => error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="emergency-new-round" onSubmit={submit} data-testid="emergency-round-form">
      <h3 class="subsection-title">{t("emergency.newRoundTitle")}</h3>
      <div class="field" classList={{ "is-invalid": Boolean(errors().title) }}>
        <label class="field-label" for="round-title">
          {t("emergency.roundTitle")}
        </label>
        <input id="round-title" class="input" maxLength={80} placeholder={t("emergency.roundTitlePlaceholder")} value={title()} data-testid="round-title" onInput={(event) => setTitle(event.currentTarget.value)} />
        <Show when={errors().title}>
          <p class="field-error">{t("emergency.roundTitleRequired")}</p>
        </Show>
      </div>
      <fieldset class="emergency-radios">
        <legend class="field-label">{t("emergency.roundScope")}</legend>
        <For each={["district", "risk_area"] as const}>
          {(option) => (
            <label class="emergency-radio">
              <input type="radio" name="round-scope" value={option} checked={scope() === option} data-testid={`round-scope-${option}`} onChange={() => setScope(option)} />
              <span>{t(`emergency.roundScope.${option}`)}</span>
            </label>
          )}
        </For>
      </fieldset>
      <Show when={scope() === "risk_area"} fallback={<p class="field-hint">{t("emergency.roundScopeDistrictHint")}</p>}>
        <GridPicker api={props.api} config={props.config} chosen={grids()} onChange={setGrids} invalid={Boolean(errors().grids)} testID="round-grids" />
        <Show when={errors().grids}>
          <p class="field-error">{t("emergency.gridsRequired")}</p>
        </Show>
      </Show>
      <div class="field" classList={{ "is-invalid": Boolean(errors().checklist) }}>
        <label class="field-label" for="round-checklist">
          {t("emergency.roundChecklist")}
        </label>
        <textarea id="round-checklist" class="input textarea" rows={4} placeholder={t("emergency.roundChecklistPlaceholder")} value={checklist()} data-testid="round-checklist" onInput={(event) => setChecklist(event.currentTarget.value)} />
        <Show when={errors().checklist}>
          <p class="field-error">{t("emergency.roundChecklistRequired")}</p>
        </Show>
      </div>
      <FailureNotice error={failure()} />
      <div class="emergency-actions">
        <button type="button" class="button button-secondary" onClick={() => props.onCancel()}>
          {t("emergency.cancel")}
        </button>
        <button type="submit" class="button button-primary" disabled={busy()} data-testid="round-submit">
          {t("emergency.roundSubmit")}
        </button>
      </div>
    </form>
  );
}

/** The live board of a round: the numbers, a bar, and a tile per grid coloured done or pending. */
function Board(props: { api: EmergencyApi; taskID: string; changes: number }) {
  const { t, language } = useEmergencyLocale();
  const formatNumber = (value: number) => new Intl.NumberFormat(language()).format(value);
  const board = createQuery(
    () => `${props.taskID}#${props.changes}`,
    () => props.api.board(props.taskID),
  );
  onMount(() => {
    const timer = setInterval(() => board.reload(), BOARD_POLL_MS);
    onCleanup(() => clearInterval(timer));
  });
  return (
    <section class="card emergency-board" aria-labelledby="emergency-board-title" data-testid="emergency-board">
      <Switch>
        <Match when={board.data()}>
          {(data) => (
            <>
              <div class="emergency-section-head">
                <h2 class="section-title" id="emergency-board-title">
                  {t("emergency.boardTitle")} · {data().task.title}
                </h2>
                <span class="field-hint">{t("emergency.boardLive")}</span>
              </div>
              <dl class="emergency-numbers">
                <div>
                  <dt>{t("emergency.boardTotal")}</dt>
                  <dd data-testid="board-total">{formatNumber(data().total)}</dd>
                </div>
                <div class="is-done">
                  <dt>{t("emergency.boardDone")}</dt>
                  <dd data-testid="board-done">{formatNumber(data().done)}</dd>
                </div>
                <div class="is-pending">
                  <dt>{t("emergency.boardPending")}</dt>
                  <dd data-testid="board-pending">{formatNumber(data().pending)}</dd>
                </div>
                <div>
                  <dt>{t("emergency.boardPercentage")}</dt>
                  <dd data-testid="board-percentage">{data().percentage}%</dd>
                </div>
              </dl>
              <div
                class="emergency-bar"
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={data().percentage}
                aria-label={t("emergency.boardProgress", { done: data().done, total: data().total })}
              >
                <span style={{ width: `${data().percentage}%` }} />
              </div>
              <h3 class="subsection-title">{t("emergency.boardGrids")}</h3>
              <ul class="emergency-tiles">
                <For each={data().grids}>
                  {(grid) => (
                    <li class="emergency-tile" classList={{ "is-done": grid.status === "done" }} data-testid="board-grid" data-status={grid.status} title={grid.note ?? undefined}>
                      <span class="emergency-tile-name">{grid.name}</span>
                      <span class="emergency-tile-meta">
                        <span class="emergency-code">{grid.code}</span> · {t(`emergency.status.${grid.status}`)}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Match>
        <Match when={board.error()}>{(error) => <ErrorState error={error()} onRetry={board.reload} />}</Match>
        <Match when={true}>
          <Skeleton lines={4} />
        </Match>
      </Switch>
    </section>
  );
}
