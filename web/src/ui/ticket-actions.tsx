/**
 * The steps the caller may take on a ticket now, each opening a short form: accept or reject
 * with a reason, dispatch to a department (the routed one preselected), report handling with
 * photos, verify with a closure kind or send back, rate 1–5, reopen with a reason; ask for a
 * change that needs an approval (extend, send back up, transfer, void) or approve / refuse one.
 */
import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { ApiError, NetworkError } from "../data/api.ts";
import { createPhotoUploads } from "../data/photo-uploads.ts";
import {
  EXTEND_HOURS,
  requestKinds,
  routeDepartment,
  TERRITORIAL,
  verifyClosures,
  type Category,
  type ChangeKind,
  type Department,
  type Ticket,
  type TicketAction,
  type TicketsApi,
  type VerifyClosure,
} from "../data/tickets.ts";
import type { DistrictConfig, SignedInActor } from "../data/types.ts";
import { useTicketLocale } from "../i18n/tickets.ts";
import { errorMessage } from "./errors.ts";
import { AlertIcon } from "./icons.tsx";
import { PhotoPicker } from "./photo-picker.tsx";
import { StarIcon } from "./ticket-icons.tsx";

/** What became of an attempted step, for the page to show above the ticket. */
export type ActionOutcome = { kind: "done"; action: TicketAction } | { kind: "conflict" };

/** Actions that close the ticket or turn it back are drawn quieter than the main one. */
const secondary: TicketAction[] = ["reject", "send_back", "reopen", "request_change", "refuse"];

/** What a step on a ticket needs to know: the ticket, where to send the step, and the district's words. */
interface TicketStepProps {
  ticket: Ticket;
  tickets: TicketsApi;
  config: DistrictConfig;
  categories: Category[] | undefined;
  departments: Department[] | undefined;
  departmentName: (key: string | null) => string;
  /** Who is acting (for the changes they may ask for). */
  actor: SignedInActor | undefined;
  /** The step went through (`ticket` is the updated one) or someone else acted first. */
  onOutcome: (outcome: ActionOutcome, ticket?: Ticket) => void;
}

export function TicketActions(props: TicketStepProps & { actions: TicketAction[] }) {
  const { t } = useTicketLocale();
  const [open, setOpen] = createSignal<TicketAction | null>(null);
  // A new state offers other steps: close a form that no longer applies.
  const current = () => (open() && props.actions.includes(open()!) ? open() : null);
  return (
    <section class="card ticket-actions" aria-labelledby="actions-title" data-testid="ticket-actions">
      <h2 class="section-title" id="actions-title">
        {t("actions.title")}
      </h2>
      <div class="action-buttons">
        <For each={props.actions}>
          {(action) => (
            <button
              type="button"
              class="button"
              classList={{
                "button-primary": !secondary.includes(action),
                "button-secondary": secondary.includes(action),
                "is-open": current() === action,
              }}
              aria-expanded={current() === action}
              data-testid={`action-${action.replace("_", "-")}`}
              onClick={() => setOpen(current() === action ? null : action)}
            >
              {t(`action.${action}`)}
            </button>
          )}
        </For>
      </div>
      <Show when={current()} keyed>
        {(action) => (
          <ActionForm
            {...props}
            action={action}
            onCancel={() => setOpen(null)}
            onOutcome={(outcome, ticket) => {
              setOpen(null);
              props.onOutcome(outcome, ticket);
            }}
          />
        )}
      </Show>
    </section>
  );
}

function ActionForm(props: TicketStepProps & { action: TicketAction; onCancel: () => void }) {
  const { t, pick } = useTicketLocale();
  const [note, setNote] = createSignal("");
  // Messages are kept as ways to say them, so that they follow a switch of language.
  const [noteError, setNoteError] = createSignal<(() => string) | null>(null);
  const [failure, setFailure] = createSignal<(() => string) | null>(null);
  const [busy, setBusy] = createSignal(false);
  const routed = createMemo(() => routeDepartment(props.config.tickets, props.ticket));
  const [department, setDepartment] = createSignal(routed());
  const [closure, setClosure] = createSignal<VerifyClosure>("solved");
  const [rating, setRating] = createSignal(0);
  const [ratingError, setRatingError] = createSignal(false);
  const departmentOptions = createMemo(() => [
    ...(props.departments ?? []).map((item) => ({ key: item.key, label: pick(item) })),
    { key: TERRITORIAL, label: t("ticket.territorial") },
  ]);
  const uploads = props.action === "handle" ? createPhotoUploads(props.tickets) : undefined;
  const noteRequired = () => ["reject", "handle", "send_back", "reopen", "request_change"].includes(props.action);
  // A change request: its kind, the hours of an extension, the department of a transfer.
  const kinds = createMemo(() => requestKinds(props.ticket, { actor: props.actor }));
  const [kind, setKind] = createSignal<ChangeKind>(kinds()[0] ?? "void");
  const [hours, setHours] = createSignal("");
  const [hoursError, setHoursError] = createSignal<(() => string) | null>(null);
  const transferOptions = createMemo(() => departmentOptions().filter((option) => option.key !== props.ticket.departmentKey));
  const [transferTo, setTransferTo] = createSignal("");
  const transferTarget = () => transferTo() || transferOptions()[0]?.key || "";
  const category = () => props.categories?.find((candidate) => candidate.key === props.ticket.categoryKey);
  const id = (name: string) => `action-${props.action}-${name}`;

  async function submit(event: Event) {
    event.preventDefault();
    if (busy()) return;
    setFailure(null);
    const text = note().trim();
    if (noteRequired() && text.length < 2) {
      setNoteError(() => () => t(`actions.noteRequired.${props.action as "reject"}`));
      document.getElementById(id("note"))?.focus();
      return;
    }
    if (props.action === "rate" && !rating()) {
      setRatingError(true);
      return;
    }
    const extendHours = Number(hours());
    if (
      props.action === "request_change" &&
      kind() === "extend" &&
      !(Number.isInteger(extendHours) && extendHours >= EXTEND_HOURS.min && extendHours <= EXTEND_HOURS.max)
    ) {
      setHoursError(() => () => t("actions.hoursRange", { min: EXTEND_HOURS.min, max: EXTEND_HOURS.max }));
      document.getElementById(id("hours"))?.focus();
      return;
    }
    setBusy(true);
    try {
      if (uploads?.busy()) await uploads.settled();
      if (uploads?.items.some((item) => item.state === "failed")) {
        setFailure(() => () => t("report.errorPhotos"));
        return;
      }
      const id = props.ticket.ticketID;
      const api = props.tickets;
      const updated = await (() => {
        switch (props.action) {
          case "accept":
            return api.accept(id, text);
          case "reject":
            return api.reject(id, text);
          case "dispatch":
            return api.dispatch(id, department(), text);
          case "handle":
            return api.handle(id, text, uploads?.keys() ?? []);
          case "verify":
            return api.verify(id, closure(), text);
          case "send_back":
            return api.sendBack(id, text);
          case "rate":
            return api.rate(id, rating(), text);
          case "reopen":
            return api.reopen(id, text);
          case "request_change":
            return api.requestChange(id, {
              kind: kind(),
              note: text,
              ...(kind() === "extend" ? { hours: extendHours } : {}),
              ...(kind() === "transfer" ? { departmentKey: transferTarget() } : {}),
            });
          case "approve":
            return api.decide(id, true, text);
          case "refuse":
            return api.decide(id, false, text);
        }
      })();
      props.onOutcome({ kind: "done", action: props.action }, updated);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && (error.code === "ticket.changed" || error.code === "ticket.state")) {
        props.onOutcome({ kind: "conflict" });
        return;
      }
      setFailure(() => () => describe(error));
    } finally {
      setBusy(false);
    }
  }

  function describe(error: unknown): string {
    if (error instanceof NetworkError) return t("actions.errorNetwork");
    if (!(error instanceof ApiError)) return errorMessage(error, t);
    switch (error.code) {
      case "ticket.same_person":
        return props.action === "approve" || props.action === "refuse" ? t("actions.errorSameRequester") : t("actions.errorSamePerson");
      case "ticket.request_pending":
        return t("actions.errorRequestPending");
      case "ticket.no_request":
        return t("actions.errorNoRequest");
      case "ticket.unknown_department":
        return t("actions.errorUnknownDepartment");
      case "ticket.rated":
        return t("actions.errorRated");
      case "ticket.reopen_window":
        return t("actions.errorReopenWindow", { days: props.config.tickets.reopenDays });
      case "ticket.not_accepted":
        return t("actions.errorNotAccepted");
    }
    if (error.code?.startsWith("photo.") && uploads) {
      for (const field of error.fieldErrors) {
        const match = /^photoKeys\.(\d+)$/.exec(field.path);
        if (match) uploads.refuse(Number(match[1]), { code: "api", apiCode: error.code, detail: error.message });
      }
      return t("report.errorPhotoRefused");
    }
    const noteProblem = error.fieldErrors.find((field) => field.path === "note");
    if (noteProblem) setNoteError(() => () => noteProblem.message);
    const hoursProblem = error.fieldErrors.find((field) => field.path === "hours");
    if (hoursProblem) setHoursError(() => () => hoursProblem.message);
    if (error.status === 403) return `${t("actions.errorForbidden")} ${errorMessage(error, t)}`;
    return errorMessage(error, t);
  }

  return (
    <form class="action-form" onSubmit={submit} novalidate data-testid="action-form" data-action={props.action}>
      <Switch>
        <Match when={props.action === "accept"}>
          <p class="action-explain">
            {category() ? t("actions.acceptExplainDeadline", { hours: category()!.deadlineHours }) : t("actions.acceptExplain")}
          </p>
        </Match>
        <Match when={props.action === "reject"}>
          <p class="action-explain">{t("actions.rejectExplain")}</p>
        </Match>
        <Match when={props.action === "dispatch"}>
          <div class="field">
            <label class="field-label" for={id("department")}>
              {t("actions.department")}
            </label>
            <DepartmentSelect id={id("department")} value={department()} options={departmentOptions()} onChange={setDepartment} />
            <p class="field-hint">{t("actions.departmentRouted", { department: props.departmentName(routed()) })}</p>
          </div>
        </Match>
        <Match when={props.action === "handle"}>
          <p class="action-explain">{t("actions.handleExplain")}</p>
        </Match>
        <Match when={props.action === "verify"}>
          <fieldset class="fieldset closure-choices">
            <legend class="field-label">{t("actions.closure")}</legend>
            <For each={verifyClosures}>
              {(kind) => (
                <label class="choice">
                  <input
                    type="radio"
                    name={id("closure")}
                    value={kind}
                    checked={closure() === kind}
                    onChange={() => setClosure(kind)}
                    data-testid={`closure-${kind}`}
                  />
                  <span class="choice-text">
                    <span class="choice-name">{t(`closure.${kind}`)}</span>
                    <span class="choice-hint">{t(`actions.closureHint.${kind}`)}</span>
                  </span>
                </label>
              )}
            </For>
          </fieldset>
        </Match>
        <Match when={props.action === "send_back"}>
          <p class="action-explain">{t("actions.sendBackExplain")}</p>
        </Match>
        <Match when={props.action === "rate"}>
          <fieldset class="fieldset" classList={{ "is-invalid": ratingError() }}>
            <legend class="field-label">{t("actions.rating")}</legend>
            <div class="star-input" role="radiogroup" aria-label={t("actions.rating")}>
              <For each={[1, 2, 3, 4, 5]}>
                {(value) => (
                  <label class="star-choice" classList={{ "is-on": value <= rating() }}>
                    <input
                      type="radio"
                      class="visually-hidden"
                      name={id("rating")}
                      value={value}
                      checked={rating() === value}
                      data-testid={`rating-${value}`}
                      aria-label={t("ticket.ratingValue", { rating: value })}
                      onChange={() => {
                        setRating(value);
                        setRatingError(false);
                      }}
                    />
                    <StarIcon size={30} filled={value <= rating()} />
                  </label>
                )}
              </For>
              <span class="star-words">{rating() ? t(`rating.${rating() as 1}`) : ""}</span>
            </div>
            <Show when={ratingError()}>
              <p class="field-error">{t("actions.ratingRequired")}</p>
            </Show>
          </fieldset>
        </Match>
        <Match when={props.action === "reopen"}>
          <p class="action-explain">{t("actions.reopenExplain", { days: props.config.tickets.reopenDays })}</p>
        </Match>
        <Match when={props.action === "request_change"}>
          <p class="action-explain">{t("actions.requestExplain")}</p>
          <div class="field">
            <label class="field-label" for={id("kind")}>
              {t("actions.changeKind")}
            </label>
            <select
              id={id("kind")}
              class="input select"
              data-testid="action-change-kind"
              value={kind()}
              onChange={(event) => {
                setKind(event.currentTarget.value as ChangeKind);
                setHoursError(null);
              }}
            >
              <For each={kinds()}>
                {(option) => (
                  <option value={option} selected={option === kind()}>
                    {t(`actions.changeKind.${option}`)}
                  </option>
                )}
              </For>
            </select>
          </div>
          <Show when={kind() === "extend"}>
            <div class="field" classList={{ "is-invalid": Boolean(hoursError()) }}>
              <label class="field-label" for={id("hours")}>
                {t("actions.hours")}
              </label>
              <input
                id={id("hours")}
                class="input"
                type="number"
                inputmode="numeric"
                min={EXTEND_HOURS.min}
                max={EXTEND_HOURS.max}
                step={1}
                data-testid="action-hours"
                value={hours()}
                aria-invalid={Boolean(hoursError())}
                onInput={(event) => {
                  setHours(event.currentTarget.value);
                  setHoursError(null);
                }}
              />
              <Show
                when={hoursError()}
                fallback={<p class="field-hint">{t("actions.hoursHint", { min: EXTEND_HOURS.min, max: EXTEND_HOURS.max })}</p>}
              >
                <p class="field-error">{hoursError()?.()}</p>
              </Show>
            </div>
          </Show>
          <Show when={kind() === "transfer"}>
            <div class="field">
              <label class="field-label" for={id("department")}>
                {t("actions.transferTo")}
              </label>
              <DepartmentSelect id={id("department")} value={transferTarget()} options={transferOptions()} onChange={setTransferTo} />
            </div>
          </Show>
        </Match>
        <Match when={props.action === "approve" || props.action === "refuse"}>
          <p class="action-explain">{t(props.action === "approve" ? "actions.approveExplain" : "actions.refuseExplain")}</p>
        </Match>
      </Switch>

      <div class="field" classList={{ "is-invalid": Boolean(noteError()) }}>
        <label class="field-label" for={id("note")}>
          {t(`actions.note.${props.action as "accept"}`)}
          <Show when={!noteRequired()}>
            <span class="field-optional">{t("report.optional")}</span>
          </Show>
        </label>
        <textarea
          id={id("note")}
          class="input textarea"
          rows={3}
          maxlength={2000}
          data-testid="action-note"
          value={note()}
          aria-invalid={Boolean(noteError())}
          onInput={(event) => {
            setNote(event.currentTarget.value);
            setNoteError(null);
          }}
        />
        <Show when={noteError()}>
          <p class="field-error">{noteError()?.()}</p>
        </Show>
      </div>

      <Show when={uploads}>
        {(photos) => (
          <PhotoPicker
            uploads={photos()}
            id={id("photos")}
            testID="action-photos"
            label={t("actions.handlePhotos")}
            hint={t("actions.handlePhotosHint")}
          />
        )}
      </Show>

      <Show when={failure()}>
        {(say) => (
          <p class="notice notice-error" role="alert" data-testid="action-error">
            <AlertIcon size={16} />
            <span>{say()()}</span>
          </p>
        )}
      </Show>
      <div class="action-form-buttons">
        <button type="submit" class="button button-primary" data-testid="action-submit" disabled={busy()}>
          <Show when={busy()}>
            <span class="spinner" aria-hidden="true" />
          </Show>
          {t(`actions.confirm.${props.action as "accept"}`)}
        </button>
        <button type="button" class="button button-ghost" onClick={() => props.onCancel()} disabled={busy()}>
          {t("actions.cancel")}
        </button>
      </div>
    </form>
  );
}

/** The department picker of dispatching and of transferring. */
function DepartmentSelect(props: {
  id: string;
  value: string;
  options: { key: string; label: string }[];
  onChange: (key: string) => void;
}) {
  return (
    <select
      id={props.id}
      class="input select"
      data-testid="action-department"
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    >
      <For each={props.options}>
        {(option) => (
          <option value={option.key} selected={option.key === props.value}>
            {option.label}
          </option>
        )}
      </For>
    </select>
  );
}
