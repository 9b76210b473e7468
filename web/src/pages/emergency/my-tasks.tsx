import { createSignal, For, Show } from "solid-js";
import { useEmergencyApi, type MyEmergencyTask } from "../../data/emergency.ts";
import { createQuery } from "../../data/query.ts";
import { useEmergencyLocale } from "../../i18n/emergency.ts";
import { FailureNotice } from "../../ui/failure-notice.tsx";
import { QueryView } from "../../ui/states.tsx";

/** A grid's own open tasks (its workers and leaders): tick the checklist and report. */
export function MyTasks(props: { onReported: () => void }) {
  const { t } = useEmergencyLocale();
  const api = useEmergencyApi();
  const mine = createQuery(
    () => true,
    () => api.mine(),
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
      <QueryView query={mine} lines={3} failureFirst>
        {(data) => (
          <Show when={data().items.length} fallback={<p class="emergency-quiet">{t("emergency.mineEmpty")}</p>}>
            <ul class="emergency-mine-list">
              <For each={data().items}>
                {(item) => (
                  <li>
                    <TaskReport
                      item={item}
                      onReported={(done) => {
                        setNotice(
                          () => () =>
                            done ? t("emergency.reportedDone", { grid: item.grid.name, title: item.task.title }) : t("emergency.reported"),
                        );
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
      </QueryView>
    </section>
  );
}

function TaskReport(props: { item: MyEmergencyTask; onReported: (done: boolean) => void }) {
  const { t } = useEmergencyLocale();
  const api = useEmergencyApi();
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
      const result = await api.report(props.item.task.taskID, props.item.grid.gridID, { ticks: ticks(), note: note().trim() || undefined });
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
