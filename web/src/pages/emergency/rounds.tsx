import { useSearchParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { checklistOf, useEmergencyApi, type EmergencyTask } from "../../data/emergency.ts";
import { createQuery } from "../../data/query.ts";
import { useEmergencyLocale } from "../../i18n/emergency.ts";
import { FailureNotice } from "../../ui/failure-notice.tsx";
import { Field, TextInput } from "../../ui/field.tsx";
import type { GridChoice } from "../../ui/grid-picker.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { Board } from "./board.tsx";
import { ScopeChoice } from "./scope-choice.tsx";

/** The task rounds (the admin issues them), and the board of the chosen one. */
export function Rounds(props: { admin: boolean; emergencyOn: boolean; changes: number; onChanged: () => void }) {
  const { t, formatDateTime } = useEmergencyLocale();
  const api = useEmergencyApi();
  const [search, setSearch] = useSearchParams<{ round?: string }>();
  /** A round picked from the list (not one opened from a link): its board scrolls into view. */
  const [picked, setPicked] = createSignal(false);
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
                        onClick={() => {
                          setPicked(true);
                          setSearch({ round: task.taskID }, { replace: true });
                        }}
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
        {(taskID) => <Board taskID={taskID} changes={props.changes} reveal={picked()} />}
      </Show>
    </>
  );
}

function NewRound(props: { onCancel: () => void; onCreated: (task: EmergencyTask) => void }) {
  const { t } = useEmergencyLocale();
  const api = useEmergencyApi();
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
      <Field id="round-title" label={t("emergency.roundTitle")} error={errors().title ? t("emergency.roundTitleRequired") : undefined}>
        {(attributes) => (
          <TextInput
            {...attributes}
            maxLength={80}
            placeholder={t("emergency.roundTitlePlaceholder")}
            value={title()}
            data-testid="round-title"
            onValue={setTitle}
          />
        )}
      </Field>
      <ScopeChoice
        name="round-scope"
        legend={t("emergency.roundScope")}
        scopes={["district", "risk_area"] as const}
        scopeLabel={(option) => t(`emergency.roundScope.${option}`)}
        gridScope="risk_area"
        scope={scope()}
        onScope={setScope}
        grids={grids()}
        onGrids={setGrids}
        gridsMissing={errors().grids}
        pickerTestID="round-grids"
        otherHint={t("emergency.roundScopeDistrictHint")}
      />
      <Field
        id="round-checklist"
        label={t("emergency.roundChecklist")}
        error={errors().checklist ? t("emergency.roundChecklistRequired") : undefined}
      >
        {(attributes) => (
          <textarea
            {...attributes}
            class="input textarea"
            rows={4}
            placeholder={t("emergency.roundChecklistPlaceholder")}
            value={checklist()}
            data-testid="round-checklist"
            onInput={(event) => setChecklist(event.currentTarget.value)}
          />
        )}
      </Field>
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
