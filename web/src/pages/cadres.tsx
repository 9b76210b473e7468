import { A, useParams } from "@solidjs/router";
import { saveBlob } from "../ui/save-blob.ts";
import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { cadresApi, isCadre, isCommunity, todayInChina, type Cadre, type CadresApi, type MyAssignments } from "../data/cadres.ts";
import type { FieldErrors } from "../data/field-errors.ts";
import { createPhotoUploads } from "../data/photo-uploads.ts";
import { createQuery } from "../data/query.ts";
import { ticketsApi } from "../data/tickets.ts";
import type { SignedInActor } from "../data/types.ts";
import { useCadreLocale } from "../i18n/cadres.ts";
import { useSession } from "../providers/session.tsx";
import { errorMessage } from "../ui/errors.ts";
import { Field, SelectInput, TextInput } from "../ui/field.tsx";
import { ChevronRightIcon } from "../ui/icons.tsx";
import { PhotoPicker } from "../ui/photo-picker.tsx";
import { createSubmission } from "../ui/submission.ts";
import { EmptyState, ErrorState, Skeleton, QueryView } from "../ui/states.tsx";
import { useMechanismTitle, useTierName } from "../ui/terms.ts";
import { usePageTitle } from "../ui/title.ts";
import { PageHead } from "../ui/page-head.tsx";
import { CadreGate, EvaluationList, lastMonth, LedgerList, PagedList } from "./cadres-parts.tsx";
import "./cadres.css";

/**
 * `/d/:slug/cadres`: for a seconded cadre, their grid and their ledger (log a visit from the
 * phone, see the entries and the community's evaluations); for the community (district admin,
 * grid leader), which grids have grid assistants, the cadres, and the units' feedback reports.
 */
export function CadresPage() {
  const session = useSession();
  const { t } = useCadreLocale();
  const params = useParams<{ slug: string }>();
  const title = useMechanismTitle(
    () => params.slug,
    "cadreSecondment",
    () => t("cadres.title"),
  );
  usePageTitle(title);
  const api = cadresApi(session.api);
  const actor = () => session.me.data()?.actor;
  return (
    <div class="cadre-page">
      <PageHead title={title()} subtitle={t("cadres.subtitle")} />
      <CadreGate>
        {() => (
          <Switch>
            <Match when={actor() && isCadre(actor())}>
              <MyGrid api={api} />
            </Match>
            <Match when={actor() && isCommunity(actor())}>
              <Community api={api} actor={actor()!} />
            </Match>
            <Match when={actor()}>
              <EmptyState title={t("cadres.noAccessTitle")} body={t("cadres.noAccessBody")} />
            </Match>
            <Match when={session.me.error()}>{(error) => <ErrorState error={error()} onRetry={session.me.reload} />}</Match>
            <Match when={true}>
              <Skeleton class="card" lines={4} />
            </Match>
          </Switch>
        )}
      </CadreGate>
    </div>
  );
}

// ─── the cadre's own view ──────────────────────────────────────────────────

function MyGrid(props: { api: CadresApi }) {
  const { t } = useCadreLocale();
  const mine = createQuery(
    () => true,
    () => props.api.mine(),
  );
  const [version, setVersion] = createSignal(0);
  return (
    <QueryView query={mine} lines={4} skeletonClass="card">
      {(loaded) => (
        <Show when={loaded().current} fallback={<EmptyState title={t("mine.unassignedTitle")} body={t("mine.unassignedBody")} />}>
          {(current) => (
            <div class="cadre-body">
              <section class="card cadre-section cadre-grid-card" data-testid="my-assignment">
                <h2 class="cadre-section-title">{t("mine.title")}</h2>
                <dl class="cadre-facts">
                  <div>
                    <dt>{t("mine.grid")}</dt>
                    <dd data-testid="my-grid">{current().gridName}</dd>
                  </div>
                  <div>
                    <dt>{t("mine.unit")}</dt>
                    <dd>{current().unitName}</dd>
                  </div>
                  <div>
                    <dt>{t("mine.period")}</dt>
                    <dd>{t("mine.periodValue", { from: current().from, to: current().to })}</dd>
                  </div>
                </dl>
              </section>
              <LogForm api={props.api} mine={loaded()} onDone={() => setVersion(version() + 1)} />
              <LedgerList api={props.api} kinds={loaded().kinds} filter={{ mine: true }} version={version} />
              <EvaluationList api={props.api} cadreID={current().cadreID} version={version} />
            </div>
          )}
        </Show>
      )}
    </QueryView>
  );
}

/** Log a visit (or other work) with date, hours, notes and optional photos. */
function LogForm(props: { api: CadresApi; mine: MyAssignments; onDone: () => void }) {
  const { t, language } = useCadreLocale();
  const session = useSession();
  const uploads = createPhotoUploads(ticketsApi(session.api));
  const [kind, setKind] = createSignal(props.mine.kinds[0]?.key ?? "visit");
  const [date, setDate] = createSignal(todayInChina());
  const [hours, setHours] = createSignal("1");
  const [notes, setNotes] = createSignal("");
  const form = createSubmission(t);
  const { errors, failure, saving } = form;
  const [saved, setSaved] = createSignal(false);
  function submit(event: Event) {
    event.preventDefault();
    setSaved(false);
    const value = Number(hours());
    void form.submit(
      () => {
        const found: FieldErrors = {};
        if (!date()) found.date = t("log.required");
        if (!Number.isFinite(value) || value < 0.25 || value > 24) found.hours = t("log.hoursRange");
        return found;
      },
      () => props.api.log({ kind: kind(), date: date(), hours: value, notes: notes().trim() || undefined, photoKeys: uploads.keys() }),
      () => {
        setNotes("");
        uploads.clear();
        setSaved(true);
        props.onDone();
      },
      () => (uploads.busy() ? t("log.photosBusy") : undefined),
    );
  }
  return (
    <form class="card cadre-form" onSubmit={submit} noValidate data-testid="ledger-form">
      <h2 class="cadre-section-title">{t("log.title")}</h2>
      <div class="cadre-form-grid">
        <Field id="ledger-kind" label={t("log.kind")} error={errors().kind}>
          {(attributes) => (
            <SelectInput
              {...attributes}
              value={kind()}
              onValue={setKind}
              options={props.mine.kinds.map((candidate) => ({
                value: candidate.key,
                label: language() === "en" ? candidate.nameEn : candidate.nameZh,
              }))}
              data-testid="ledger-kind"
            />
          )}
        </Field>
        <Field id="ledger-date" label={t("log.date")} error={errors().date}>
          {(attributes) => (
            <TextInput {...attributes} type="date" max={todayInChina()} value={date()} onValue={setDate} data-testid="ledger-date" />
          )}
        </Field>
        <Field id="ledger-hours" label={t("log.hours")} error={errors().hours}>
          {(attributes) => (
            <TextInput
              {...attributes}
              type="number"
              inputMode="decimal"
              min="0.25"
              max="24"
              step="0.25"
              value={hours()}
              onValue={setHours}
              data-testid="ledger-hours"
            />
          )}
        </Field>
      </div>
      <Field id="ledger-notes" label={t("log.notes")} hint={t("log.notesHint")} error={errors().notes}>
        {(attributes) => (
          <textarea
            class="input textarea"
            {...attributes}
            rows={3}
            maxLength={2000}
            value={notes()}
            onInput={(event) => setNotes(event.currentTarget.value)}
            data-testid="ledger-notes"
          />
        )}
      </Field>
      <PhotoPicker uploads={uploads} id="ledger-photos" label={t("log.photos")} testID="ledger-photos" error={errors().photoKeys} />
      <Show when={failure()}>
        <p class="notice notice-error" role="alert" data-testid="ledger-error">
          {failure()}
        </p>
      </Show>
      <Show when={saved()}>
        <p class="notice notice-info" role="status" data-testid="ledger-saved">
          {t("log.saved")}
        </p>
      </Show>
      <div class="cadre-form-actions">
        <button type="submit" class="button button-primary button-large" disabled={saving()} data-testid="ledger-submit">
          {saving() ? t("log.saving") : t("log.submit")}
        </button>
      </div>
    </form>
  );
}

// ─── the community's view ──────────────────────────────────────────────────

function Community(props: { api: CadresApi; actor: SignedInActor }) {
  return (
    <div class="cadre-body">
      <CoveragePanel api={props.api} />
      <CadreList api={props.api} />
      <FeedbackPanel api={props.api} />
    </div>
  );
}

const SHOWN = 60;

function CoveragePanel(props: { api: CadresApi }) {
  const { t } = useCadreLocale();
  const params = useParams<{ slug: string }>();
  const tierLabel = useTierName(
    () => params.slug,
    (level) => t("coverage.tierLevel", { tier: level }),
  );
  const coverage = createQuery(
    () => true,
    () => props.api.coverage(),
  );
  const [uncoveredOnly, setUncoveredOnly] = createSignal(true);
  const shown = createMemo(() => (coverage.data()?.items ?? []).filter((grid) => !uncoveredOnly() || grid.assistants.length === 0));
  return (
    <section class="card cadre-section" aria-labelledby="coverage-title" data-testid="coverage">
      <h2 class="cadre-section-title" id="coverage-title">
        {t("coverage.title")}
      </h2>
      <QueryView query={coverage} lines={3}>
        {(data) => (
          <Show when={data().grids} fallback={<p class="cadre-muted">{t("coverage.emptyGrids")}</p>}>
            <p class="coverage-summary" data-testid="coverage-summary">
              {t("coverage.summary", {
                tier: tierLabel(data().tier),
                grids: data().grids,
                covered: data().covered,
                uncovered: data().uncovered,
              })}
            </p>
            <div
              class="coverage-bar"
              role="img"
              aria-label={t("coverage.summary", {
                tier: tierLabel(data().tier),
                grids: data().grids,
                covered: data().covered,
                uncovered: data().uncovered,
              })}
            >
              <span style={{ width: `${(100 * data().covered) / Math.max(1, data().grids)}%` }} />
            </div>
            <fieldset class="chips">
              <button type="button" class="chip" aria-pressed={uncoveredOnly()} onClick={() => setUncoveredOnly(true)}>
                {t("coverage.showUncovered")}
              </button>
              <button type="button" class="chip" aria-pressed={!uncoveredOnly()} onClick={() => setUncoveredOnly(false)}>
                {t("coverage.showAll")}
              </button>
            </fieldset>
            <ul class="coverage-list">
              <For each={shown().slice(0, SHOWN)}>
                {(grid) => (
                  <li class="coverage-item" data-covered={grid.assistants.length > 0}>
                    <span class="coverage-grid">
                      {grid.name} <span class="cadre-muted">{grid.code}</span>
                    </span>
                    <span class="coverage-assistants">
                      {grid.assistants.length
                        ? grid.assistants.map((assistant) => `${assistant.name}（${assistant.unitName}）`).join("、")
                        : t("coverage.none")}
                    </span>
                  </li>
                )}
              </For>
            </ul>
            <Show when={shown().length > SHOWN}>
              <p class="cadre-muted">{t("coverage.more", { count: shown().length - SHOWN })}</p>
            </Show>
          </Show>
        )}
      </QueryView>
    </section>
  );
}

function CadreList(props: { api: CadresApi }) {
  const params = useParams<{ slug: string }>();
  const { t } = useCadreLocale();
  const units = createQuery(
    () => true,
    () => props.api.units(),
  );
  const [unitID, setUnitID] = createSignal("");
  return (
    <section class="card cadre-section" aria-labelledby="cadres-title">
      <h2 class="cadre-section-title" id="cadres-title">
        {t("list.title")}
      </h2>
      <Field id="cadre-unit" label={t("list.unit")}>
        {(attributes) => (
          <SelectInput
            {...attributes}
            value={unitID()}
            onValue={setUnitID}
            options={[
              { value: "", label: t("list.allUnits") },
              ...(units.data()?.items ?? []).map((unit) => ({ value: unit.unitID, label: unit.name })),
            ]}
            data-testid="cadre-unit-filter"
          />
        )}
      </Field>
      <PagedList
        source={() => ({ unitID: unitID() })}
        load={(input, cursor) =>
          props.api.cadres({ ...(input.unitID ? { unitID: input.unitID } : {}), ...(cursor === undefined ? {} : { cursor }) })
        }
        empty={t("list.empty")}
        class="cadre-list"
        testID="cadre-list"
        skeletonLines={4}
      >
        {(cadre: Cadre) => (
          <li>
            <A class="cadre-row" href={`/d/${params.slug}/cadres/${cadre.cadreID}`} data-testid="cadre-row" data-user={cadre.userID ?? ""}>
              <span class="cadre-row-main">
                <strong>{cadre.name}</strong>
                <span class="cadre-muted">{cadre.unitName}</span>
              </span>
              <span class="cadre-row-grid">{cadre.gridName}</span>
              <ChevronRightIcon size={16} />
            </A>
          </li>
        )}
      </PagedList>
    </section>
  );
}

function FeedbackPanel(props: { api: CadresApi }) {
  const { t } = useCadreLocale();
  const units = createQuery(
    () => true,
    () => props.api.units(),
  );
  const [unitID, setUnitID] = createSignal("");
  const [month, setMonth] = createSignal(lastMonth());
  const [failure, setFailure] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const unit = () => units.data()?.items.find((candidate) => candidate.unitID === (unitID() || units.data()?.items[0]?.unitID));
  async function download(format: "xlsx" | "csv") {
    const chosen = unit();
    if (!chosen) return;
    setFailure(undefined);
    setBusy(true);
    try {
      const blob = await props.api.feedback(chosen.unitID, month(), format);
      saveBlob(blob, `${chosen.name}-${month()}-反馈表.${format}`);
    } catch (error) {
      setFailure(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card cadre-section" aria-labelledby="feedback-title" data-testid="feedback">
      <h2 class="cadre-section-title" id="feedback-title">
        {t("feedback.title")}
      </h2>
      <p class="cadre-muted">{t("feedback.body")}</p>
      <QueryView query={units} lines={2}>
        {(page) => (
          <Show when={page().items.length} fallback={<p class="cadre-muted">{t("feedback.noUnits")}</p>}>
            <div class="cadre-form-grid">
              <Field id="feedback-unit" label={t("feedback.unit")}>
                {(attributes) => (
                  <SelectInput
                    {...attributes}
                    value={unit()?.unitID ?? ""}
                    onValue={setUnitID}
                    options={page().items.map((candidate) => ({ value: candidate.unitID, label: candidate.name }))}
                    data-testid="feedback-unit"
                  />
                )}
              </Field>
              <Field id="feedback-month" label={t("feedback.month")}>
                {(attributes) => <TextInput {...attributes} type="month" value={month()} onValue={setMonth} data-testid="feedback-month" />}
              </Field>
            </div>
            <div class="cadre-form-actions">
              <button
                type="button"
                class="button button-primary"
                disabled={busy() || !month()}
                onClick={() => download("xlsx")}
                data-testid="feedback-xlsx"
              >
                {t("feedback.xlsx")}
              </button>
              <button
                type="button"
                class="button button-secondary"
                disabled={busy() || !month()}
                onClick={() => download("csv")}
                data-testid="feedback-csv"
              >
                {t("feedback.csv")}
              </button>
            </div>
            <Show when={failure()}>
              <p class="notice notice-error" role="alert">
                {failure()}
              </p>
            </Show>
          </Show>
        )}
      </QueryView>
    </section>
  );
}
