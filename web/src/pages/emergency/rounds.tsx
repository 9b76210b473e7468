import { useSearchParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { checklistOf, useEmergencyApi, type EmergencyTask } from "../../data/emergency.ts";
import { createQuery } from "../../data/query.ts";
import { useEmergencyLocale } from "../../i18n/emergency.ts";
import { useDistrict } from "../../providers/district.tsx";
import { FailureNotice } from "../../ui/failure-notice.tsx";
import { GridPicker, type GridChoice } from "../../ui/grid-picker.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { Board } from "./board.tsx";

/** The task rounds (the admin issues them), and the board of the chosen one. */
export function Rounds(props: { admin: boolean; emergencyOn: boolean; changes: number; onChanged: () => void }) {
  const { t, formatDateTime } = useEmergencyLocale();
  const api = useEmergencyApi();
  const [search, setSearch] = useSearchParams<{ round?: string }>();
  const list = createQuery(
    () => `rounds#${props.changes}`,
    () => api.tasks(),
  );
  const [more, setMore] = createSignal<EmergencyTask[]>([]);
  const [cursor, setCursor] = createSignal<string | null | undefined>(undefined);
  const items = () => [...(list.data()?.items ?? []), ...more()];
  const nextCursor = () => (cursor() === undefined ? list.data()?.cursor : cursor());
  const [creating, setCreating] = createSignal(false);
  async function loadMore() {
    const page = await api.tasks(nextCursor());
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
        <QueryView query={list} lines={3} failureFirst>
          {() => (
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
          )}
        </QueryView>
      </section>
      <Show when={search.round} keyed fallback={<p class="emergency-quiet">{t("emergency.boardPick")}</p>}>
        {(taskID) => <Board taskID={taskID} changes={props.changes} />}
      </Show>
    </>
  );
}

function NewRound(props: { onCancel: () => void; onCreated: (task: EmergencyTask) => void }) {
  const { t } = useEmergencyLocale();
  const api = useEmergencyApi();
  const { config } = useDistrict();
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
    const next = {
      title: title().trim().length < 2,
      grids: scope() === "risk_area" && grids().length === 0,
      checklist: items.length === 0 || items.length > 20,
    };
    setErrors(next);
    if (next.title || next.grids || next.checklist) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const task = await api.createTask({
        title: title().trim(),
        scope: scope(),
        gridIDs: scope() === "risk_area" ? grids().map((grid) => grid.gridID) : [],
        checklist: items,
      });
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
        <input
          id="round-title"
          class="input"
          maxLength={80}
          placeholder={t("emergency.roundTitlePlaceholder")}
          value={title()}
          data-testid="round-title"
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
        <Show when={errors().title}>
          <p class="field-error">{t("emergency.roundTitleRequired")}</p>
        </Show>
      </div>
      <fieldset class="emergency-radios">
        <legend class="field-label">{t("emergency.roundScope")}</legend>
        <For each={["district", "risk_area"] as const}>
          {(option) => (
            <label class="emergency-radio">
              <input
                type="radio"
                name="round-scope"
                value={option}
                checked={scope() === option}
                data-testid={`round-scope-${option}`}
                onChange={() => setScope(option)}
              />
              <span>{t(`emergency.roundScope.${option}`)}</span>
            </label>
          )}
        </For>
      </fieldset>
      <Show when={scope() === "risk_area"} fallback={<p class="field-hint">{t("emergency.roundScopeDistrictHint")}</p>}>
        <GridPicker
          tiers={config.tiers}
          load={(tier) => api.gridsOfTier(tier)}
          chosen={grids()}
          onChange={setGrids}
          invalid={Boolean(errors().grids)}
          testID="round-grids"
        />
        <Show when={errors().grids}>
          <p class="field-error">{t("emergency.gridsRequired")}</p>
        </Show>
      </Show>
      <div class="field" classList={{ "is-invalid": Boolean(errors().checklist) }}>
        <label class="field-label" for="round-checklist">
          {t("emergency.roundChecklist")}
        </label>
        <textarea
          id="round-checklist"
          class="input textarea"
          rows={4}
          placeholder={t("emergency.roundChecklistPlaceholder")}
          value={checklist()}
          data-testid="round-checklist"
          onInput={(event) => setChecklist(event.currentTarget.value)}
        />
        <Show when={errors().checklist}>
          <p class="field-error">{t("emergency.roundChecklistRequired")}</p>
        </Show>
      </div>
      <FailureNotice error={failure()} />
      <div class="emergency-actions">
        <button type="button" class="button button-secondary" onClick={() => props.onCancel()}>
          {t("common.cancel")}
        </button>
        <button type="submit" class="button button-primary" disabled={busy()} data-testid="round-submit">
          {t("emergency.roundSubmit")}
        </button>
      </div>
    </form>
  );
}
