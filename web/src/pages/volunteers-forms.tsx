import { createSignal, Show, type JSX } from "solid-js";
import type { NamedKind } from "../data/config.ts";
import type { FieldErrors } from "../data/field-errors.ts";
import type { DistrictConfig } from "../data/types.ts";
import {
  ownersKinds,
  projectKinds,
  splitNames,
  todayInChina,
  type OwnersKind,
  type ProjectKind,
  type VolunteersApi,
  type VolunteerTeam,
} from "../data/volunteers.ts";
import { useVolunteerLocale } from "../i18n/volunteers.ts";
import { GridSelect } from "../ui/grid-select.tsx";
import { useDistrict } from "../providers/district.tsx";
import { Field, SelectInput, TextInput } from "../ui/field.tsx";
import { createSubmission } from "../ui/submission.ts";

/** A form's submission, with the volunteers' wording for its failures. */
function createSubmit() {
  const { t } = useVolunteerLocale();
  return createSubmission(t);
}

const required = (values: Record<string, string>, t: (key: "forms.required") => string): FieldErrors =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => !value.trim())
      .map(([key]) => [key, t("forms.required")]),
  );

/** A record's grid is required: the error when none is chosen. */
const gridRequired = (gridID: string, t: (key: "forms.noGrid") => string): FieldErrors => (gridID ? {} : { gridID: t("forms.noGrid") });

/** A record's kind (类型), from one of the district's governance lists. */
function KindField(props: { id: string; kinds: NamedKind[]; value: string; onValue: (value: string) => void; error?: string }) {
  const { t, pick } = useVolunteerLocale();
  return (
    <Field id={props.id} label={t("forms.kind")} error={props.error}>
      {(attributes) => (
        <SelectInput
          {...attributes}
          value={props.value}
          onValue={props.onValue}
          options={props.kinds.map((entry) => ({ value: entry.key, label: pick(entry) }))}
        />
      )}
    </Field>
  );
}

/** The day something happened: today or before (China Standard Time). */
function DateField(props: { id: string; value: string; onValue: (value: string) => void; error?: string }) {
  const { t } = useVolunteerLocale();
  return (
    <Field id={props.id} label={t("forms.date")} error={props.error}>
      {(attributes) => <TextInput {...attributes} type="date" value={props.value} onValue={props.onValue} max={todayInChina()} />}
    </Field>
  );
}

/** The buttons and the failure message at the foot of every form. */
function FormFoot(props: { saving: boolean; failure?: string; onCancel: () => void; testid: string }) {
  const { t } = useVolunteerLocale();
  return (
    <>
      <Show when={props.failure}>
        <p class="notice notice-error" role="alert">
          {props.failure}
        </p>
      </Show>
      <div class="volunteer-form-actions">
        <button type="button" class="button button-secondary" onClick={props.onCancel}>
          {t("forms.cancel")}
        </button>
        <button type="submit" class="button button-primary" disabled={props.saving} data-testid={`${props.testid}-submit`}>
          <Show when={props.saving}>
            <span class="spinner" aria-hidden="true" />
          </Show>
          {props.saving ? t("forms.saving") : t("forms.save")}
        </button>
      </div>
    </>
  );
}

/** The grid a record goes on: one grid select (search by name or code, or tier by tier). */
export function GridPicker(props: { id: string; onGrid: (gridID: string) => void; error?: string }) {
  const { t } = useVolunteerLocale();
  const district = useDistrict();
  const [gridID, setGridID] = createSignal("");
  return (
    <GridSelect
      id={props.id}
      label={t("forms.grid")}
      hint={t("forms.gridHint")}
      error={props.error}
      value={gridID()}
      onChange={(grid) => {
        setGridID(grid?.gridID ?? "");
        props.onGrid(grid?.gridID ?? "");
      }}
      tiers={district.config.tiers}
      testid="grid-picker"
    />
  );
}

interface FormProps {
  api: VolunteersApi;
  config: DistrictConfig;
  onDone: () => void;
  onCancel: () => void;
}

/** 登记服务活动: kind, title, date, grid, organisers, people served. */
export function ActivityForm(props: FormProps & { teams: VolunteerTeam[] }) {
  const { t } = useVolunteerLocale();
  const form = createSubmit();
  const kinds = () => props.config.governance.activityKinds;
  const [kind, setKind] = createSignal(kinds()[0]?.key ?? "");
  const [title, setTitle] = createSignal("");
  const [date, setDate] = createSignal(todayInChina());
  const [gridID, setGridID] = createSignal("");
  const [organisers, setOrganisers] = createSignal("");
  const [teamID, setTeamID] = createSignal("");
  const [served, setServed] = createSignal("");
  const onSubmit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    void form.submit(
      () => ({
        ...required({ title: title(), date: date(), organisers: organisers(), served: served() }, t),
        ...gridRequired(gridID(), t),
      }),
      () =>
        props.api.createActivity({
          kind: kind(),
          title: title().trim(),
          date: date(),
          gridID: gridID(),
          organisers: splitNames(organisers()),
          teamIDs: teamID() ? [teamID()] : [],
          served: Number(served()),
        }),
      props.onDone,
    );
  };
  return (
    <form class="card volunteer-form" onSubmit={onSubmit} novalidate data-testid="activity-form">
      <h3 class="volunteer-form-title">{t("forms.activity")}</h3>
      <KindField id="activity-kind" kinds={kinds()} value={kind()} onValue={setKind} error={form.errors().kind} />
      <Field id="activity-title" label={t("forms.title.field")} error={form.errors().title}>
        {(attributes) => <TextInput {...attributes} value={title()} onValue={setTitle} maxLength={120} />}
      </Field>
      <div class="volunteer-form-row">
        <DateField id="activity-date" value={date()} onValue={setDate} error={form.errors().date} />
        <Field id="activity-served" label={t("forms.served")} error={form.errors().served}>
          {(attributes) => <TextInput {...attributes} type="number" inputMode="numeric" min={0} value={served()} onValue={setServed} />}
        </Field>
      </div>
      <GridPicker id="activity-grid" onGrid={setGridID} error={form.errors().gridID} />
      <Field id="activity-organisers" label={t("forms.organisers")} hint={t("forms.organisersHint")} error={form.errors().organisers}>
        {(attributes) => <TextInput {...attributes} value={organisers()} onValue={setOrganisers} />}
      </Field>
      <Show when={props.teams.length}>
        <Field id="activity-team" label={t("forms.teams")} error={form.errors().teamIDs}>
          {(attributes) => (
            <SelectInput
              {...attributes}
              value={teamID()}
              onValue={setTeamID}
              options={[{ value: "", label: "—" }, ...props.teams.map((team) => ({ value: team.teamID, label: team.name }))]}
            />
          )}
        </Field>
      </Show>
      <FormFoot saving={form.saving()} failure={form.failure()} onCancel={props.onCancel} testid="activity" />
    </form>
  );
}

/** 组建志愿服务队: kind, name, grid, leader. */
export function TeamForm(props: FormProps) {
  const { t } = useVolunteerLocale();
  const form = createSubmit();
  const kinds = () => props.config.governance.volunteerTeamKinds;
  const [kind, setKind] = createSignal(kinds()[0]?.key ?? "");
  const [name, setName] = createSignal("");
  const [gridID, setGridID] = createSignal("");
  const [leaderName, setLeaderName] = createSignal("");
  const [leaderPhone, setLeaderPhone] = createSignal("");
  const onSubmit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    void form.submit(
      () => ({ ...required({ name: name(), leaderName: leaderName() }, t), ...gridRequired(gridID(), t) }),
      () =>
        props.api.createTeam({
          kind: kind(),
          name: name().trim(),
          gridID: gridID(),
          leaderName: leaderName().trim(),
          ...(leaderPhone().trim() ? { leaderPhone: leaderPhone().trim() } : {}),
        }),
      props.onDone,
    );
  };
  return (
    <form class="card volunteer-form" onSubmit={onSubmit} novalidate data-testid="team-form">
      <h3 class="volunteer-form-title">{t("forms.team")}</h3>
      <KindField id="team-kind" kinds={kinds()} value={kind()} onValue={setKind} error={form.errors().kind} />
      <Field id="team-name" label={t("forms.name")} error={form.errors().name}>
        {(attributes) => <TextInput {...attributes} value={name()} onValue={setName} maxLength={60} />}
      </Field>
      <GridPicker id="team-grid" onGrid={setGridID} error={form.errors().gridID} />
      <div class="volunteer-form-row">
        <Field id="team-leader" label={t("forms.leaderName")} error={form.errors().leaderName}>
          {(attributes) => <TextInput {...attributes} value={leaderName()} onValue={setLeaderName} maxLength={40} />}
        </Field>
        <Field id="team-leader-phone" label={t("forms.leaderPhone")} error={form.errors().leaderPhone}>
          {(attributes) => (
            <TextInput {...attributes} type="tel" inputMode="tel" value={leaderPhone()} onValue={setLeaderPhone} maxLength={11} />
          )}
        </Field>
      </div>
      <FormFoot saving={form.saving()} failure={form.failure()} onCancel={props.onCancel} testid="team" />
    </form>
  );
}

/** 登记红色物业: a grid worker on an owners' committee, a consultation, or a livelihood project. */
export function OwnersForm(props: FormProps) {
  const { t } = useVolunteerLocale();
  const form = createSubmit();
  const [kind, setKind] = createSignal<OwnersKind>("consultation");
  const [date, setDate] = createSignal(todayInChina());
  const [gridID, setGridID] = createSignal("");
  const [personName, setPersonName] = createSignal("");
  const [estate, setEstate] = createSignal("");
  const [topic, setTopic] = createSignal("");
  const [projectKind, setProjectKind] = createSignal<ProjectKind>("lift");
  const onSubmit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    const estateValue = estate().trim() ? { estate: estate().trim() } : {};
    void form.submit(
      () => ({
        ...required(
          kind() === "committee_worker" ? { date: date(), personName: personName(), estate: estate() } : { date: date(), topic: topic() },
          t,
        ),
        ...gridRequired(gridID(), t),
      }),
      () =>
        props.api.createOwnersRecord(
          kind() === "committee_worker"
            ? { kind: "committee_worker", gridID: gridID(), date: date(), personName: personName().trim(), estate: estate().trim() }
            : kind() === "consultation"
              ? { kind: "consultation", gridID: gridID(), date: date(), topic: topic().trim(), ...estateValue }
              : {
                  kind: "livelihood_project",
                  gridID: gridID(),
                  date: date(),
                  topic: topic().trim(),
                  projectKind: projectKind(),
                  ...estateValue,
                },
        ),
      props.onDone,
    );
  };
  return (
    <form class="card volunteer-form" onSubmit={onSubmit} novalidate data-testid="owners-form">
      <h3 class="volunteer-form-title">{t("forms.owners")}</h3>
      <Field id="owners-kind" label={t("forms.ownersKind")}>
        {(attributes) => (
          <SelectInput
            {...attributes}
            value={kind()}
            onValue={(value) => setKind(value as OwnersKind)}
            options={ownersKinds.map((entry) => ({ value: entry, label: t(`owners.kind.${entry}`) }))}
          />
        )}
      </Field>
      <Show when={kind() === "committee_worker"}>
        <Field id="owners-person" label={t("forms.personName")} error={form.errors().personName}>
          {(attributes) => <TextInput {...attributes} value={personName()} onValue={setPersonName} maxLength={40} />}
        </Field>
      </Show>
      <Show when={kind() !== "committee_worker"}>
        <Field id="owners-topic" label={kind() === "consultation" ? t("forms.topic") : t("forms.projectTitle")} error={form.errors().topic}>
          {(attributes) => <TextInput {...attributes} value={topic()} onValue={setTopic} maxLength={120} />}
        </Field>
      </Show>
      <Show when={kind() === "livelihood_project"}>
        <Field id="owners-project-kind" label={t("forms.projectKind")} error={form.errors().projectKind}>
          {(attributes) => (
            <SelectInput
              {...attributes}
              value={projectKind()}
              onValue={(value) => setProjectKind(value as ProjectKind)}
              options={projectKinds.map((entry) => ({ value: entry, label: t(`owners.project.${entry}`) }))}
            />
          )}
        </Field>
      </Show>
      <div class="volunteer-form-row">
        <Field id="owners-estate" label={t("forms.estate")} error={form.errors().estate}>
          {(attributes) => <TextInput {...attributes} value={estate()} onValue={setEstate} maxLength={60} />}
        </Field>
        <DateField id="owners-date" value={date()} onValue={setDate} error={form.errors().date} />
      </div>
      <GridPicker id="owners-grid" onGrid={setGridID} error={form.errors().gridID} />
      <FormFoot saving={form.saving()} failure={form.failure()} onCancel={props.onCancel} testid="owners" />
    </form>
  );
}

/** 登记解决的问题, inside a team's card. */
export function ProblemForm(props: { api: VolunteersApi; team: VolunteerTeam; onDone: () => void; onCancel: () => void }) {
  const { t } = useVolunteerLocale();
  const form = createSubmit();
  const [title, setTitle] = createSignal("");
  const [date, setDate] = createSignal(todayInChina());
  const onSubmit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    void form.submit(
      () => required({ title: title(), date: date() }, t),
      () => props.api.recordProblem(props.team.teamID, { title: title().trim(), date: date() }),
      props.onDone,
    );
  };
  return (
    <form class="volunteer-inline-form" onSubmit={onSubmit} novalidate data-testid="problem-form">
      <h4 class="volunteer-form-title">{t("forms.problem")}</h4>
      <div class="volunteer-form-row">
        <Field id={`problem-title-${props.team.teamID}`} label={t("forms.problemTitle")} error={form.errors().title}>
          {(attributes) => <TextInput {...attributes} value={title()} onValue={setTitle} maxLength={120} />}
        </Field>
        <DateField id={`problem-date-${props.team.teamID}`} value={date()} onValue={setDate} error={form.errors().date} />
      </div>
      <FormFoot saving={form.saving()} failure={form.failure()} onCancel={props.onCancel} testid="problem" />
    </form>
  );
}

/** 添加队员, inside a team's card. */
export function MemberForm(props: { api: VolunteersApi; team: VolunteerTeam; onDone: () => void; onCancel: () => void }) {
  const { t } = useVolunteerLocale();
  const form = createSubmit();
  const [name, setName] = createSignal("");
  const [phone, setPhone] = createSignal("");
  const onSubmit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    void form.submit(
      () => required({ name: name(), phone: phone() }, t),
      () => props.api.addMember(props.team.teamID, { name: name().trim(), phone: phone().trim() }),
      props.onDone,
    );
  };
  return (
    <form class="volunteer-inline-form" onSubmit={onSubmit} novalidate data-testid="member-form">
      <h4 class="volunteer-form-title">{t("forms.member")}</h4>
      <div class="volunteer-form-row">
        <Field id={`member-name-${props.team.teamID}`} label={t("forms.memberName")} error={form.errors().name}>
          {(attributes) => <TextInput {...attributes} value={name()} onValue={setName} maxLength={40} />}
        </Field>
        <Field id={`member-phone-${props.team.teamID}`} label={t("forms.memberPhone")} error={form.errors().phone}>
          {(attributes) => <TextInput {...attributes} type="tel" inputMode="tel" value={phone()} onValue={setPhone} maxLength={11} />}
        </Field>
      </div>
      <FormFoot saving={form.saving()} failure={form.failure()} onCancel={props.onCancel} testid="member" />
    </form>
  );
}
