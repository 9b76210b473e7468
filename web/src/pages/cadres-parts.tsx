import { useParams } from "@solidjs/router";
import { createSignal, For, Show, type JSX } from "solid-js";
import {
  grades,
  type CadresApi,
  type Evaluation,
  type EvaluationInput,
  type Grade,
  type LedgerEntry,
  type NamedKind,
} from "../data/cadres.ts";
import { createQuery } from "../data/query.ts";
import type { DistrictConfig } from "../data/types.ts";
import { useCadreLocale } from "../i18n/cadres.ts";
import { DistrictGate } from "../ui/district-gate.tsx";
import { Field, SelectInput, TextInput } from "../ui/field.tsx";
import { QueryView } from "../ui/states.tsx";
import { createSubmission } from "../ui/submission.ts";

/**
 * The cadre pages' frame: the district's gate for cadre secondment (常态化下沉).
 */
export function CadreGate(props: { children: (config: DistrictConfig) => JSX.Element }) {
  const params = useParams<{ slug: string }>();
  const { t } = useCadreLocale();
  return (
    <DistrictGate
      slug={params.slug}
      mechanism="cadreSecondment"
      off={{ title: t("cadres.offTitle"), body: t("cadres.offBody") }}
      notFound={{ title: t("cadres.notFoundTitle"), body: t("cadres.notFoundBody") }}
    >
      {(config) => props.children(config)}
    </DistrictGate>
  );
}

/** A ledger kind's name in the current language (the key if the district no longer lists it). */
export function kindName(kinds: NamedKind[], key: string, language: string): string {
  const kind = kinds.find((candidate) => candidate.key === key);
  return kind ? (language === "en" ? kind.nameEn : kind.nameZh) : key;
}

/**
 * A list loaded page by page: the first page whenever `source` changes, then the next on
 * request; with its loading, error and empty states.
 */
export function PagedList<S, T>(props: {
  source: () => S;
  load: (source: S, cursor?: string | null) => Promise<{ items: T[]; cursor: string | null }>;
  empty: string;
  class: string;
  testID: string;
  skeletonLines: number;
  children: (item: T) => JSX.Element;
}) {
  const { t } = useCadreLocale();
  const [more, setMore] = createSignal<T[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const first = createQuery(props.source, async (source) => {
    const page = await props.load(source);
    setMore([]);
    setCursor(page.cursor);
    return page.items;
  });
  async function loadMore() {
    setLoadingMore(true);
    try {
      const page = await props.load(props.source(), cursor());
      setMore([...more(), ...page.items]);
      setCursor(page.cursor);
    } finally {
      setLoadingMore(false);
    }
  }
  return (
    <QueryView query={first} lines={props.skeletonLines}>
      {(items) => (
        <Show when={items().length} fallback={<p class="cadre-muted">{props.empty}</p>}>
          <ul class={props.class} data-testid={props.testID}>
            <For each={[...items(), ...more()]}>{(item) => props.children(item)}</For>
          </ul>
          <Show when={cursor()}>
            <button type="button" class="button button-secondary" disabled={loadingMore()} onClick={loadMore}>
              {t("ledger.more")}
            </button>
          </Show>
        </Show>
      )}
    </QueryView>
  );
}

/** A cadre's ledger entries, newest first, page by page. */
export function LedgerList(props: {
  api: CadresApi;
  kinds: NamedKind[];
  filter: { mine?: boolean; cadreID?: string };
  version: () => number;
}) {
  const { t, language } = useCadreLocale();
  return (
    <section class="card cadre-section" aria-labelledby="ledger-title">
      <h2 class="cadre-section-title" id="ledger-title">
        {t("ledger.title")}
      </h2>
      <PagedList
        source={() => ({ version: props.version() })}
        load={(_, cursor) => props.api.ledger(cursor === undefined ? props.filter : { ...props.filter, cursor })}
        empty={t("ledger.empty")}
        class="ledger-list"
        testID="ledger-list"
        skeletonLines={3}
      >
        {(entry: LedgerEntry) => (
          <li class="ledger-item" data-testid="ledger-entry" data-kind={entry.kind}>
            <div class="ledger-item-head">
              <span class="chip chip-accent">{kindName(props.kinds, entry.kind, language())}</span>
              <span class="ledger-date">{entry.date}</span>
              <span class="ledger-hours">{t("ledger.hours", { hours: entry.hours })}</span>
            </div>
            <Show when={entry.notes}>
              <p class="ledger-notes">{entry.notes}</p>
            </Show>
            <Show when={entry.photos.length}>
              <p class="cadre-muted">{t("ledger.photos", { count: entry.photos.length })}</p>
            </Show>
          </li>
        )}
      </PagedList>
    </section>
  );
}

/** A cadre's monthly evaluations by the community, newest first. */
export function EvaluationList(props: { api: CadresApi; cadreID: string; version: () => number }) {
  const { t } = useCadreLocale();
  const evaluations = createQuery(
    () => ({ cadreID: props.cadreID, version: props.version() }),
    ({ cadreID }) => props.api.evaluations(cadreID),
  );
  return (
    <section class="card cadre-section" aria-labelledby="evaluations-title">
      <h2 class="cadre-section-title" id="evaluations-title">
        {t("evaluations.title")}
      </h2>
      <QueryView query={evaluations} lines={2}>
        {(page) => (
          <Show when={page().items.length} fallback={<p class="cadre-muted">{t("evaluations.empty")}</p>}>
            <ul class="evaluation-list" data-testid="evaluation-list">
              <For each={page().items}>{(evaluation) => <EvaluationItem evaluation={evaluation} />}</For>
            </ul>
          </Show>
        )}
      </QueryView>
    </section>
  );
}

function EvaluationItem(props: { evaluation: Evaluation }) {
  const { t } = useCadreLocale();
  return (
    <li class="evaluation-item" data-testid="evaluation" data-grade={props.evaluation.grade}>
      <div class="ledger-item-head">
        <span class="ledger-date">{props.evaluation.month}</span>
        <span class={`grade grade-${props.evaluation.grade}`}>{t(`grade.${props.evaluation.grade}`)}</span>
      </div>
      <p class="cadre-muted">
        {t("evaluations.scores", {
          attitude: props.evaluation.attitude,
          workState: props.evaluation.workState,
          performance: props.evaluation.performance,
        })}
      </p>
      <Show when={props.evaluation.comment}>
        <p class="ledger-notes">{props.evaluation.comment}</p>
      </Show>
    </li>
  );
}

/** The previous month (YYYY-MM) in China Standard Time: the one usually evaluated or reported. */
export function lastMonth(at = new Date()): string {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const previous = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  return previous.toISOString().slice(0, 7);
}

/** The community's monthly evaluation of a cadre (one per month). */
export function EvaluationForm(props: { api: CadresApi; cadreID: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useCadreLocale();
  const [month, setMonth] = createSignal(lastMonth());
  const [scores, setScores] = createSignal({ attitude: "4", workState: "4", performance: "4" });
  const [grade, setGrade] = createSignal<Grade>("good");
  const [comment, setComment] = createSignal("");
  const form = createSubmission(t);
  const { errors, failure, saving } = form;
  const scoreOptions = ["5", "4", "3", "2", "1"].map((value) => ({ value, label: value }));
  function submit(event: Event) {
    event.preventDefault();
    const input: EvaluationInput = {
      month: month(),
      attitude: Number(scores().attitude),
      workState: Number(scores().workState),
      performance: Number(scores().performance),
      grade: grade(),
      comment: comment().trim() || undefined,
    };
    void form.submit(
      () => ({}),
      () => props.api.evaluate(props.cadreID, input),
      () => props.onDone(),
    );
  }
  return (
    <form class="card cadre-form" onSubmit={submit} data-testid="evaluation-form" noValidate>
      <h2 class="cadre-section-title">{t("evaluate.title")}</h2>
      <div class="cadre-form-grid">
        <Field id="evaluation-month" label={t("evaluate.month")} error={errors().month}>
          {(attributes) => <TextInput {...attributes} type="month" value={month()} onValue={setMonth} data-testid="evaluation-month" />}
        </Field>
        <For each={["attitude", "workState", "performance"] as const}>
          {(key) => (
            <Field id={`evaluation-${key}`} label={t(`evaluate.${key}`)} error={errors()[key]}>
              {(attributes) => (
                <SelectInput
                  {...attributes}
                  value={scores()[key]}
                  onValue={(value) => setScores({ ...scores(), [key]: value })}
                  options={scoreOptions}
                  data-testid={`evaluation-${key}`}
                />
              )}
            </Field>
          )}
        </For>
        <Field id="evaluation-grade" label={t("evaluate.grade")} error={errors().grade}>
          {(attributes) => (
            <SelectInput
              {...attributes}
              value={grade()}
              onValue={(value) => setGrade(value as Grade)}
              options={grades.map((value) => ({ value, label: t(`grade.${value}`) }))}
              data-testid="evaluation-grade"
            />
          )}
        </Field>
      </div>
      <Field id="evaluation-comment" label={t("evaluate.comment")} error={errors().comment}>
        {(attributes) => (
          <textarea
            class="input textarea"
            {...attributes}
            rows={3}
            maxLength={1000}
            value={comment()}
            onInput={(event) => setComment(event.currentTarget.value)}
            data-testid="evaluation-comment"
          />
        )}
      </Field>
      <Show when={failure()}>
        <p class="notice notice-error" role="alert">
          {failure()}
        </p>
      </Show>
      <div class="cadre-form-actions">
        <button type="button" class="button button-secondary" onClick={props.onCancel}>
          {t("evaluate.cancel")}
        </button>
        <button type="submit" class="button button-primary" disabled={saving()} data-testid="evaluation-submit">
          {t("evaluate.submit")}
        </button>
      </div>
    </form>
  );
}
