import { birthDateOf, genderOf, isCreditCode, residentIDProblem } from "@wangge/core/register/numbers";
import { createEffect, createResource, createSignal, For, on, onCleanup, Show, type JSX } from "solid-js";
import { houseKinds, organisationKinds, registerSettingsOf, type Household, type RegisterApi } from "../data/register.ts";
import { ticketsApi } from "../data/tickets.ts";
import type { DistrictConfig } from "../data/types.ts";
import { useRegisterLocale } from "../i18n/register.ts";
import { useSession } from "../providers/session.tsx";
import { Field, PHONE, SubmitButton, TextInput } from "../ui/field.tsx";
import { GridSelect } from "../ui/grid-select.tsx";
import { LocationPicker, type Point } from "../ui/location-picker.tsx";
import { registerError } from "./registry-parts.tsx";
import { MessageNotice } from "../ui/failure-notice.tsx";

interface FormProps {
  config: DistrictConfig;
  register: RegisterApi;
  onSaved: () => void;
  onCancel: () => void;
}

/** A form's frame: its title, fields, the failure in the reader's language, save and cancel. */
function RegisterForm(props: {
  title: string;
  testid: string;
  busy: boolean;
  failure: string | null;
  onSubmit: () => void;
  onCancel: () => void;
  children: JSX.Element;
}) {
  const { t } = useRegisterLocale();
  return (
    <form
      class="card registry-form"
      data-testid={props.testid}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <h2 class="section-title">{props.title}</h2>
      {props.children}
      <MessageNotice text={props.failure} testID={`${props.testid}-error`} />
      <div class="registry-form-actions">
        <button type="button" class="button button-secondary" onClick={() => props.onCancel()}>
          {t("registry.form.cancel")}
        </button>
        <SubmitButton
          busy={props.busy}
          label={t("registry.form.submit")}
          busyLabel={t("registry.form.saving")}
          testid={`${props.testid}-submit`}
        />
      </div>
    </form>
  );
}

/** Sends a form once: busy meanwhile, the failure in the reader's language after. */
function createSend() {
  const { t } = useRegisterLocale();
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);
  return {
    busy,
    failure,
    fail: (message: string) => setFailure(message),
    async send(work: () => Promise<unknown>, done: () => void) {
      if (busy()) return;
      setBusy(true);
      setFailure(null);
      try {
        await work();
        done();
      } catch (error) {
        setFailure(registerError(error, t));
      } finally {
        setBusy(false);
      }
    },
  };
}

/** The place of a house or organisation: a point on the map, and the grid found from it. */
function PointField(props: { config: DistrictConfig; value: Point | null; onPick: (point: Point) => void; error?: string }) {
  const { t } = useRegisterLocale();
  const tickets = ticketsApi(useSession().api);
  const [grid] = createResource(
    () => props.value,
    (point) =>
      tickets.locate(point.lon, point.lat).then(
        (found) => found.grid.name,
        () => null,
      ),
  );
  return (
    <div class="field" classList={{ "is-invalid": Boolean(props.error) }}>
      <span class="field-label">{t("registry.form.point")}</span>
      <div class="registry-picker">
        <LocationPicker config={props.config} tickets={tickets} value={props.value} onPick={(point) => props.onPick(point)} />
      </div>
      <Show when={grid()}>
        <p class="field-hint" data-testid="registry-point-grid">
          {t("registry.grid")}：{grid()}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error">{props.error}</p>
      </Show>
    </div>
  );
}

/** 新增房屋: address, kind and a point (its grid found from it). */
export function HouseForm(props: FormProps) {
  const { t } = useRegisterLocale();
  const form = createSend();
  const [address, setAddress] = createSignal("");
  const [kind, setKind] = createSignal(houseKinds[0]);
  const [point, setPoint] = createSignal<Point | null>(null);
  const [checked, setChecked] = createSignal(false);
  const addressError = () => (checked() && address().trim().length < 2 ? t("registry.form.required") : undefined);
  const pointError = () => (checked() && !point() ? t("registry.form.pointMissing") : undefined);
  const submit = () => {
    setChecked(true);
    const at = point();
    if (addressError() || !at) return;
    void form.send(() => props.register.createHouse({ address: address().trim(), kind: kind(), lon: at.lon, lat: at.lat }), props.onSaved);
  };
  return (
    <RegisterForm
      title={t("registry.add.house")}
      testid="house-form"
      busy={form.busy()}
      failure={form.failure()}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <Field id="house-address" label={t("registry.form.address")} error={addressError()}>
        {(field) => <TextInput {...field} class="input" value={address()} onValue={setAddress} data-testid="house-address" />}
      </Field>
      <Field id="house-kind" label={t("registry.form.kind")}>
        {(field) => (
          <select
            {...field}
            class="input select"
            data-testid="house-kind"
            onChange={(event) => setKind(event.currentTarget.value as never)}
          >
            <For each={houseKinds}>{(value) => <option value={value}>{t(`registry.houseKind.${value}`)}</option>}</For>
          </select>
        )}
      </Field>
      <PointField config={props.config} value={point()} onPick={setPoint} error={pointError()} />
    </RegisterForm>
  );
}

/** What the ID number typed so far says: its problem, or the date of birth and gender it carries. */
export function idNumberNote(id: string, t: ReturnType<typeof useRegisterLocale>["t"]): { error?: string; hint?: string } {
  const value = id.trim().toUpperCase();
  if (!value) return {};
  const problem = residentIDProblem(value);
  if (problem === "shape") return value.length < 18 ? {} : { error: t("registry.form.idShape") };
  if (problem === "birth") return { error: t("registry.form.idBirth") };
  if (problem === "check") return { error: t("registry.form.idCheck") };
  return { hint: t("registry.form.idOk", { date: birthDateOf(value), gender: t(`registry.gender.${genderOf(value)}`) }) };
}

/** How many households the picker shows at a time. */
const PICKER_PAGE = 20;
/** How long the picker waits after a keystroke before it asks the API. */
const PICKER_DELAY_MS = 250;

/**
 * 选择住户: the household a new person joins. A grid (the caller's own and below by default), then
 * a part of the address or the start of the head's name: the API's matches within that grid, a
 * page at a time (更多 goes on). Nothing is listed beyond what the grid holds.
 */
export function HouseholdPicker(props: {
  config: DistrictConfig;
  register: RegisterApi;
  value: Household | null;
  onPick: (household: Household | null) => void;
  error?: string;
}) {
  const { t } = useRegisterLocale();
  const [gridID, setGridID] = createSignal("");
  const [text, setText] = createSignal("");
  const [query, setQuery] = createSignal("");
  const [items, setItems] = createSignal<Household[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);
  /** Each search's number: only the latest one's answer is shown. */
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  async function load(more: boolean) {
    const mine = ++latest;
    setLoading(true);
    setFailure(null);
    try {
      const page = await props.register.households({
        gridID: gridID() || undefined,
        q: query() || undefined,
        cursor: more ? cursor() : undefined,
        limit: PICKER_PAGE,
      });
      if (mine !== latest) return;
      setItems((current) => (more ? [...current, ...page.items] : page.items));
      setCursor(page.cursor);
    } catch (error) {
      if (mine === latest) setFailure(registerError(error, t));
    } finally {
      if (mine === latest) setLoading(false);
    }
  }
  createEffect(on([gridID, query], () => void load(false)));

  const label = (household: Household) =>
    household.headName ? `${household.address} · ${t("registry.head", { name: household.headName })}` : household.address;
  return (
    <div class="field registry-household-picker" classList={{ "is-invalid": Boolean(props.error) }} data-testid="person-household">
      <span class="field-label" id="person-household-label">
        {t("registry.form.household")}
      </span>
      <Show
        when={props.value}
        fallback={
          <>
            <GridSelect
              id="person-household-grid"
              label={t("registry.grid")}
              hint={t("registry.allGrids")}
              value={gridID()}
              tiers={props.config.tiers}
              onChange={(chosen) => setGridID(chosen?.gridID ?? "")}
              testid="person-household-grid"
            />
            <input
              class="input"
              type="search"
              autocomplete="off"
              value={text()}
              placeholder={t("registry.form.householdSearch")}
              aria-label={t("registry.form.householdSearch")}
              aria-describedby={props.error ? "person-household-error" : undefined}
              data-testid="person-household-search"
              onInput={(event) => {
                const value = event.currentTarget.value;
                setText(value);
                clearTimeout(timer);
                timer = setTimeout(() => setQuery(value.trim()), PICKER_DELAY_MS);
              }}
            />
            <ul class="registry-household-options" aria-labelledby="person-household-label" aria-busy={loading()}>
              <For each={items()}>
                {(household) => (
                  <li>
                    <button
                      type="button"
                      class="registry-household-option"
                      data-testid="person-household-option"
                      onClick={() => props.onPick(household)}
                    >
                      {label(household)}
                    </button>
                  </li>
                )}
              </For>
            </ul>
            <p class="field-hint" role="status" data-testid="person-household-status">
              {loading()
                ? t("common.loading")
                : items().length === 0
                  ? cursor()
                    ? t("registry.form.householdKeepLooking")
                    : t("registry.form.householdNone")
                  : ""}
            </p>
            <Show when={cursor() && !loading()}>
              <button
                type="button"
                class="button button-secondary button-small"
                data-testid="person-household-more"
                onClick={() => void load(true)}
              >
                {t("common.loadMore")}
              </button>
            </Show>
            <MessageNotice text={failure()} />
          </>
        }
      >
        {(chosen) => (
          <div class="registry-household-chosen">
            <span data-testid="person-household-chosen">{label(chosen())}</span>
            <button
              type="button"
              class="button button-secondary button-small"
              data-testid="person-household-change"
              onClick={() => props.onPick(null)}
            >
              {t("registry.form.householdChange")}
            </button>
          </div>
        )}
      </Show>
      <Show when={props.error}>
        <p class="field-error" id="person-household-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}

/** 新增人员: name, ID number (checked as typed), phone, household, relation and special groups. */
export function PersonForm(props: FormProps) {
  const { t, pick } = useRegisterLocale();
  const form = createSend();
  const [name, setName] = createSignal("");
  const [idNumber, setIDNumber] = createSignal("");
  const [phone, setPhone] = createSignal("");
  const [household, setHousehold] = createSignal<Household | null>(null);
  const householdID = () => household()?.householdID ?? "";
  const [relation, setRelation] = createSignal("");
  const [tags, setTags] = createSignal<string[]>([]);
  const [checked, setChecked] = createSignal(false);
  const catalogue = () => registerSettingsOf(props.config).tags;
  const id = () => idNumberNote(idNumber(), t);
  const nameError = () => (checked() && !name().trim() ? t("registry.form.required") : undefined);
  const idError = () =>
    id().error ?? (checked() && residentIDProblem(idNumber().trim().toUpperCase()) ? t("registry.form.idShape") : undefined);
  const phoneError = () => (checked() && phone().trim() && !PHONE.test(phone().trim()) ? t("registry.form.phoneInvalid") : undefined);
  const householdError = () => (checked() && !householdID() ? t("registry.form.required") : undefined);
  const submit = () => {
    setChecked(true);
    if (nameError() || idError() || phoneError() || householdError()) return;
    void form.send(
      () =>
        props.register.createPerson({
          name: name().trim(),
          idNumber: idNumber().trim().toUpperCase(),
          phone: phone().trim() || undefined,
          householdID: householdID(),
          relation: relation().trim() || undefined,
          tags: tags(),
        }),
      props.onSaved,
    );
  };
  const toggle = (key: string, on: boolean) => setTags((list) => (on ? [...list, key] : list.filter((item) => item !== key)));
  return (
    <RegisterForm
      title={t("registry.add.person")}
      testid="person-form"
      busy={form.busy()}
      failure={form.failure()}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <Field id="person-name" label={t("registry.form.name")} error={nameError()}>
        {(field) => <TextInput {...field} class="input" value={name()} onValue={setName} data-testid="person-name" />}
      </Field>
      <Field id="person-id" label={t("registry.form.idNumber")} error={idError()} hint={id().hint}>
        {(field) => (
          <TextInput
            {...field}
            class="input registry-mono"
            maxLength={18}
            autocomplete="off"
            value={idNumber()}
            onValue={setIDNumber}
            data-testid="person-id"
          />
        )}
      </Field>
      <Field id="person-phone" label={t("registry.form.phone")} error={phoneError()}>
        {(field) => (
          <TextInput
            {...field}
            class="input"
            type="tel"
            inputMode="numeric"
            value={phone()}
            onValue={setPhone}
            data-testid="person-phone"
          />
        )}
      </Field>
      <HouseholdPicker config={props.config} register={props.register} value={household()} onPick={setHousehold} error={householdError()} />
      <Field id="person-relation" label={t("registry.form.relation")}>
        {(field) => <TextInput {...field} class="input" value={relation()} onValue={setRelation} data-testid="person-relation" />}
      </Field>
      <fieldset class="field registry-tags">
        <legend class="field-label">{t("registry.form.tags")}</legend>
        <For each={catalogue()}>
          {(tag) => (
            <label class="registry-tag-option">
              <input
                type="checkbox"
                data-testid={`person-tag-${tag.key}`}
                checked={tags().includes(tag.key)}
                onChange={(event) => toggle(tag.key, event.currentTarget.checked)}
              />
              <span>{pick(tag)}</span>
              <Show when={tag.sensitive}>
                <span class="badge badge-sensitive">{t("registry.form.sensitive")}</span>
              </Show>
            </label>
          )}
        </For>
      </fieldset>
    </RegisterForm>
  );
}

/** 新增单位: kind, name, credit code (checked as typed), address, point and contact. */
export function EnterpriseForm(props: FormProps) {
  const { t } = useRegisterLocale();
  const form = createSend();
  const [kind, setKind] = createSignal(organisationKinds[0]);
  const [name, setName] = createSignal("");
  const [creditCode, setCreditCode] = createSignal("");
  const [address, setAddress] = createSignal("");
  const [contactName, setContactName] = createSignal("");
  const [contactPhone, setContactPhone] = createSignal("");
  const [point, setPoint] = createSignal<Point | null>(null);
  const [checked, setChecked] = createSignal(false);
  const code = () => creditCode().trim().toUpperCase();
  const nameError = () => (checked() && name().trim().length < 2 ? t("registry.form.required") : undefined);
  const codeError = () =>
    code() && (code().length >= 18 || checked()) && !isCreditCode(code()) ? t("registry.form.creditInvalid") : undefined;
  const addressError = () => (checked() && address().trim().length < 2 ? t("registry.form.required") : undefined);
  const phoneError = () =>
    checked() && contactPhone().trim() && !PHONE.test(contactPhone().trim()) ? t("registry.form.phoneInvalid") : undefined;
  const pointError = () => (checked() && !point() ? t("registry.form.pointMissing") : undefined);
  const submit = () => {
    setChecked(true);
    const at = point();
    if (nameError() || codeError() || addressError() || phoneError() || !at) return;
    void form.send(
      () =>
        props.register.createEnterprise({
          kind: kind(),
          name: name().trim(),
          creditCode: code() || undefined,
          address: address().trim(),
          lon: at.lon,
          lat: at.lat,
          contactName: contactName().trim() || undefined,
          contactPhone: contactPhone().trim() || undefined,
        }),
      props.onSaved,
    );
  };
  return (
    <RegisterForm
      title={t("registry.add.enterprise")}
      testid="enterprise-form"
      busy={form.busy()}
      failure={form.failure()}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <Field id="enterprise-kind" label={t("registry.form.kind")}>
        {(field) => (
          <select
            {...field}
            class="input select"
            data-testid="enterprise-kind"
            onChange={(event) => setKind(event.currentTarget.value as never)}
          >
            <For each={organisationKinds}>{(value) => <option value={value}>{t(`registry.orgKind.${value}`)}</option>}</For>
          </select>
        )}
      </Field>
      <Field id="enterprise-name" label={t("registry.form.orgName")} error={nameError()}>
        {(field) => <TextInput {...field} class="input" value={name()} onValue={setName} data-testid="enterprise-name" />}
      </Field>
      <Field id="enterprise-code" label={t("registry.form.creditCode")} error={codeError()}>
        {(field) => (
          <TextInput
            {...field}
            class="input registry-mono"
            maxLength={18}
            value={creditCode()}
            onValue={setCreditCode}
            data-testid="enterprise-code"
          />
        )}
      </Field>
      <Field id="enterprise-address" label={t("registry.form.address")} error={addressError()}>
        {(field) => <TextInput {...field} class="input" value={address()} onValue={setAddress} data-testid="enterprise-address" />}
      </Field>
      <Field id="enterprise-contact" label={t("registry.form.contactName")}>
        {(field) => <TextInput {...field} class="input" value={contactName()} onValue={setContactName} data-testid="enterprise-contact" />}
      </Field>
      <Field id="enterprise-phone" label={t("registry.form.contactPhone")} error={phoneError()}>
        {(field) => (
          <TextInput {...field} class="input" type="tel" value={contactPhone()} onValue={setContactPhone} data-testid="enterprise-phone" />
        )}
      </Field>
      <PointField config={props.config} value={point()} onPick={setPoint} error={pointError()} />
    </RegisterForm>
  );
}
