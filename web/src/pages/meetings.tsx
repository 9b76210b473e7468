import { createSignal, For, Index, Show } from "solid-js";
import { mayOrganise, meetingsApi, type Meeting, type MeetingsApi } from "../data/meetings.ts";
import { needKinds, type NeedKind } from "../data/needs.ts";
import { createQuery } from "../data/query.ts";
import type { DistrictConfig, SignedInActor } from "../data/types.ts";
import { useMenuLocale } from "../i18n/menu.ts";
import { useSession } from "../providers/session.tsx";
import { CardList, FormButtons, GridPicker, MenuPage, Notice, StepError, useStep } from "./wishes-common.tsx";

/** `/d/:slug/meetings`: the schedule of the district's meetings; organisers schedule and record outcomes. */
export function MeetingsPage() {
  const session = useSession();
  const meetings = meetingsApi(session.api);
  return (
    <MenuPage page="meetings" mechanism="meetings">
      {(config, actor) => <MeetingsBody actor={actor} config={config} meetings={meetings} />}
    </MenuPage>
  );
}

function MeetingsBody(props: { actor: SignedInActor; config: DistrictConfig; meetings: MeetingsApi }) {
  const { t, language } = useMenuLocale();
  const [version, setVersion] = createSignal(0);
  const [notice, setNotice] = createSignal<string | null>(null);
  const list = createQuery(
    () => version() + 1,
    () => props.meetings.list({ limit: 100 }),
  );
  const typeName = (key: string) => {
    const type = props.config.governance.meetingTypes.find((candidate) => candidate.key === key);
    return type ? (language() === "en" ? type.nameEn : type.nameZh) : key;
  };
  const changed = (message: string) => {
    setNotice(message);
    setVersion((value) => value + 1);
  };
  return (
    <div class="menu-body">
      <Show when={mayOrganise(props.actor)}>
        <MeetingForm
          config={props.config}
          meetings={props.meetings}
          typeName={typeName}
          onCreated={() => changed(t("meetings.scheduled"))}
        />
      </Show>
      <Notice text={notice()} testID="meetings-notice" />
      <CardList list={list} empty={{ title: t("meetings.emptyTitle"), body: t("meetings.emptyBody") }} testID="meetings-list">
        {(meeting) => <MeetingCard meeting={meeting} actor={props.actor} meetings={props.meetings} typeName={typeName} onDone={changed} />}
      </CardList>
    </div>
  );
}

function MeetingForm(props: { config: DistrictConfig; meetings: MeetingsApi; typeName: (key: string) => string; onCreated: () => void }) {
  const { t } = useMenuLocale();
  const [open, setOpen] = createSignal(false);
  const [typeKey, setTypeKey] = createSignal(props.config.governance.meetingTypes[0]?.key ?? "");
  const [gridID, setGridID] = createSignal<string | null>(null);
  const [when, setWhen] = createSignal("");
  const [place, setPlace] = createSignal("");
  const [topic, setTopic] = createSignal("");
  const step = useStep();
  const ready = () => Boolean(typeKey() && gridID() && when() && place().trim().length >= 2 && topic().trim().length >= 2);
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="button button-primary" onClick={() => setOpen(true)} data-testid="meetings-new">
          {t("meetings.new")}
        </button>
      }
    >
      <form
        class="card menu-form"
        data-testid="meetings-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!ready()) return;
          // The time is entered in China Standard Time.
          const scheduledAt = `${when()}:00+08:00`;
          const ok = await step.run("create", () =>
            props.meetings.create({ typeKey: typeKey(), gridID: gridID()!, scheduledAt, place: place().trim(), topic: topic().trim() }),
          );
          if (ok) {
            setOpen(false);
            props.onCreated();
          }
        }}
      >
        <label class="field">
          <span class="field-label">{t("meetings.form.type")}</span>
          <select
            class="input select"
            value={typeKey()}
            onChange={(event) => setTypeKey(event.currentTarget.value)}
            data-testid="meetings-form-type"
          >
            <For each={props.config.governance.meetingTypes}>{(type) => <option value={type.key}>{props.typeName(type.key)}</option>}</For>
          </select>
        </label>
        <GridPicker value={gridID()} onChange={setGridID} testID="meetings-form-grid" />
        <label class="field">
          <span class="field-label">{t("meetings.form.time")}</span>
          <input
            type="datetime-local"
            class="input"
            value={when()}
            onInput={(event) => setWhen(event.currentTarget.value)}
            data-testid="meetings-form-time"
          />
        </label>
        <label class="field">
          <span class="field-label">{t("meetings.form.place")}</span>
          <input
            class="input"
            maxLength={120}
            value={place()}
            onInput={(event) => setPlace(event.currentTarget.value)}
            data-testid="meetings-form-place"
          />
        </label>
        <label class="field">
          <span class="field-label">{t("meetings.form.topic")}</span>
          <input
            class="input"
            maxLength={200}
            value={topic()}
            onInput={(event) => setTopic(event.currentTarget.value)}
            data-testid="meetings-form-topic"
          />
        </label>
        <StepError step={step} />
        <FormButtons
          label={t("menu.submit")}
          disabled={!ready() || step.busy() !== null}
          testID="meetings-form-submit"
          onCancel={() => setOpen(false)}
        />
      </form>
    </Show>
  );
}

function MeetingCard(props: {
  meeting: Meeting;
  actor: SignedInActor;
  meetings: MeetingsApi;
  typeName: (key: string) => string;
  onDone: (message: string) => void;
}) {
  const { t, formatDateTime } = useMenuLocale();
  const [recording, setRecording] = createSignal(false);
  return (
    <article class="card menu-card" data-testid="meeting-card" data-meeting={props.meeting.meetingID} data-status={props.meeting.status}>
      <div class="menu-card-top">
        <span class="badge menu-kind">{props.typeName(props.meeting.typeKey)}</span>
        <h2 class="menu-card-title">{props.meeting.topic}</h2>
        <span class={`badge menu-status status-${props.meeting.status}`}>{t(`meetings.status.${props.meeting.status}`)}</span>
      </div>
      <p class="menu-card-meta">
        <time dateTime={props.meeting.scheduledAt}>{formatDateTime(props.meeting.scheduledAt)}</time>
        <span>{props.meeting.place}</span>
        <Show when={props.meeting.attendanceCount !== null}>
          <span>{t("meetings.attendance", { count: props.meeting.attendanceCount ?? 0 })}</span>
        </Show>
        <Show when={props.meeting.outcomeItemIDs.length > 0}>
          <span>{t("meetings.outcomeCount", { count: props.meeting.outcomeItemIDs.length })}</span>
        </Show>
      </p>
      <Show when={props.meeting.minutes}>
        <p class="menu-card-body">{props.meeting.minutes}</p>
      </Show>
      <Show when={props.meeting.status === "scheduled" && mayOrganise(props.actor) && !recording()}>
        <div class="menu-actions">
          <button type="button" class="button button-primary button-small" onClick={() => setRecording(true)} data-testid="meeting-record">
            {t("meetings.record")}
          </button>
        </div>
      </Show>
      <Show when={recording()}>
        <OutcomeForm
          meeting={props.meeting}
          meetings={props.meetings}
          onCancel={() => setRecording(false)}
          onDone={(count) => {
            setRecording(false);
            props.onDone(t("meetings.recorded", { count }));
          }}
        />
      </Show>
    </article>
  );
}

/** Attendance, minutes, and the outcomes that become needs items — saved in one step. */
function OutcomeForm(props: { meeting: Meeting; meetings: MeetingsApi; onCancel: () => void; onDone: (count: number) => void }) {
  const { t } = useMenuLocale();
  const [count, setCount] = createSignal("");
  const [attendees, setAttendees] = createSignal("");
  const [minutes, setMinutes] = createSignal("");
  const [outcomes, setOutcomes] = createSignal<{ kind: NeedKind; title: string }[]>([]);
  const step = useStep();
  const names = () =>
    attendees()
      .split(/[,，、\n]/)
      .map((name) => name.trim())
      .filter(Boolean);
  const ready = () =>
    minutes().trim().length >= 2 &&
    (count() !== "" || names().length > 0) &&
    outcomes().every((outcome) => outcome.title.trim().length >= 2);
  return (
    <form
      class="menu-inline-form"
      data-testid="outcome-form"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!ready()) return;
        let created = 0;
        const ok = await step.run("record", async () => {
          const result = await props.meetings.record(props.meeting.meetingID, {
            minutes: minutes().trim(),
            attendanceCount: count() === "" ? undefined : Number(count()),
            attendees: names(),
            outcomes: outcomes().map((outcome) => ({ kind: outcome.kind, title: outcome.title.trim() })),
          });
          created = result.items.length;
        });
        if (ok) props.onDone(created);
      }}
    >
      <label class="field">
        <span class="field-label">{t("meetings.form.attendance")}</span>
        <input
          type="number"
          min="0"
          inputMode="numeric"
          class="input"
          value={count()}
          onInput={(event) => setCount(event.currentTarget.value)}
          data-testid="outcome-attendance"
        />
      </label>
      <label class="field">
        <span class="field-label">{t("meetings.form.attendees")}</span>
        <input
          class="input"
          value={attendees()}
          onInput={(event) => setAttendees(event.currentTarget.value)}
          data-testid="outcome-attendees"
        />
      </label>
      <label class="field">
        <span class="field-label">{t("meetings.form.minutes")}</span>
        <textarea
          class="input textarea"
          rows={3}
          value={minutes()}
          onInput={(event) => setMinutes(event.currentTarget.value)}
          data-testid="outcome-minutes"
        />
      </label>
      <fieldset class="field menu-outcomes">
        <legend class="field-label">{t("meetings.form.outcomes")}</legend>
        <Index each={outcomes()}>
          {(outcome, index) => (
            <div class="menu-row">
              <select
                class="input select input-small"
                aria-label={t("needs.form.kind")}
                value={outcome().kind}
                onChange={(event) =>
                  setOutcomes((current) =>
                    current.map((item, at) => (at === index ? { ...item, kind: event.currentTarget.value as NeedKind } : item)),
                  )
                }
              >
                <For each={needKinds}>{(kind) => <option value={kind}>{t(`needs.kind.${kind}`)}</option>}</For>
              </select>
              <input
                class="input"
                aria-label={t("needs.form.title")}
                value={outcome().title}
                onInput={(event) =>
                  setOutcomes((current) => current.map((item, at) => (at === index ? { ...item, title: event.currentTarget.value } : item)))
                }
                data-testid="outcome-title"
              />
              <button
                type="button"
                class="button button-secondary button-small"
                onClick={() => setOutcomes((current) => current.filter((_, at) => at !== index))}
              >
                {t("meetings.form.remove")}
              </button>
            </div>
          )}
        </Index>
        <button
          type="button"
          class="button button-secondary button-small"
          onClick={() => setOutcomes((current) => [...current, { kind: "problem", title: "" }])}
          data-testid="outcome-add"
        >
          {t("meetings.form.addOutcome")}
        </button>
      </fieldset>
      <StepError step={step} />
      <FormButtons
        label={t("meetings.form.save")}
        disabled={!ready() || step.busy() !== null}
        testID="outcome-submit"
        onCancel={() => props.onCancel()}
      />
    </form>
  );
}
