import { A, useParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { createQuery } from "../data/query.ts";
import { registerApi, type Household, type RegisterApi, type ResidentRecordDetail, type RevealableField } from "../data/register.ts";
import type { DistrictConfig } from "../data/types.ts";
import { useRegisterLocale } from "../i18n/register.ts";
import { useSession } from "../providers/session.tsx";
import { ConfirmDialog } from "../ui/confirm-dialog.tsx";
import { GridName } from "../ui/grid-name.tsx";
import { QueryView } from "../ui/states.tsx";
import { registerError, RegistryFrame, TagChips } from "./registry-parts.tsx";
import { MessageNotice } from "../ui/failure-notice.tsx";

/**
 * `/d/:slug/registry/people/:recordID`: one person's record, masked. Next to the ID number, phone
 * and date of birth a 查看 button (for those who may reveal) asks why, then shows the full value
 * once; the reading is in the access log. 迁出 with a confirmation.
 */
export function RecordPage() {
  const params = useParams<{ slug: string; recordID: string }>();
  const session = useSession();
  const register = registerApi(session.api);
  const { t } = useRegisterLocale();
  return (
    <RegistryFrame
      title="record.title"
      testid="record-page"
      actions={
        <A href={`/d/${params.slug}/registry`} class="button button-secondary">
          ← {t("record.back")}
        </A>
      }
    >
      {(config) => <RecordBody config={config} register={register} recordID={params.recordID} />}
    </RegistryFrame>
  );
}

function RecordBody(props: { config: DistrictConfig; register: RegisterApi; recordID: string }) {
  const params = useParams<{ slug: string }>();
  const { t, formatDate } = useRegisterLocale();
  const record = createQuery(
    () => props.recordID,
    (recordID) => props.register.person(recordID),
  );
  const [revealing, setRevealing] = createSignal<RevealableField | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);
  async function moveOut() {
    setBusy(true);
    setFailure(null);
    try {
      await props.register.moveOut(props.recordID);
      setConfirming(false);
      record.reload();
    } catch (error) {
      setConfirming(false);
      setFailure(registerError(error, t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <QueryView query={record} lines={6} skeletonClass="card">
      {(person) => (
        <section class="card registry-record" data-testid="record">
          <h2 class="section-title" data-testid="record-name">
            {person().name}
          </h2>
          <dl class="registry-facts">
            <Fact label={t("record.idNumber")}>
              <MaskedValue person={person()} field="idNumber" shown={person().idMasked} onReveal={setRevealing} />
            </Fact>
            <Fact label={t("record.phone")}>
              <MaskedValue person={person()} field="phone" shown={person().phoneMasked ?? t("record.none")} onReveal={setRevealing} />
            </Fact>
            <Fact label={t("record.dateOfBirth")}>
              <MaskedValue person={person()} field="dateOfBirth" shown="****-**-**" onReveal={setRevealing} />
            </Fact>
            <Fact label={t("record.gender")}>{t(`registry.gender.${person().gender}`)}</Fact>
            <Fact label={t("record.status")}>
              <span data-testid="record-status">{t(`record.status.${person().status}`)}</span>
            </Fact>
            <Fact label={t("record.grid")}>
              <GridName gridID={person().gridID} />
            </Fact>
            <Fact label={t("record.address")}>{person().address ?? t("record.none")}</Fact>
            <Fact label={t("record.household")}>
              <Show when={person().householdID} fallback={t("record.none")}>
                {(householdID) => (
                  <A href={`/d/${params.slug}/registry/households/${householdID()}`}>{person().relation ?? t("householdView.title")}</A>
                )}
              </Show>
            </Fact>
            <Fact label={t("record.movedIn")}>{person().movedInAt ? formatDate(person().movedInAt!) : t("record.none")}</Fact>
            <Fact label={t("record.tags")}>
              <TagChips config={props.config} keys={person().tags} />
              <Show
                when={person().sensitiveTags}
                fallback={
                  <Show when={person().sensitiveTagCount > 0}>
                    <span class="muted" data-testid="record-sensitive-count">
                      {t("registry.sensitiveCount", { count: person().sensitiveTagCount })}
                    </span>
                  </Show>
                }
              >
                {(keys) => <TagChips config={props.config} keys={keys()} sensitive />}
              </Show>
            </Fact>
          </dl>
          <MessageNotice text={failure()} />
          <Show when={person().status === "living"}>
            <div class="registry-form-actions">
              <button type="button" class="button button-secondary" data-testid="record-move-out" onClick={() => setConfirming(true)}>
                {t("record.moveOut")}
              </button>
            </div>
          </Show>
          <Show when={revealing()}>
            {(field) => (
              <RevealDialog register={props.register} recordID={props.recordID} field={field()} onClose={() => setRevealing(null)} />
            )}
          </Show>
          <Show when={confirming()}>
            <ConfirmDialog
              title={t("record.moveOutTitle")}
              body={t("record.moveOutBody", { name: person().name })}
              confirmLabel={t("record.moveOut")}
              busy={busy()}
              onConfirm={() => void moveOut()}
              onCancel={() => setConfirming(false)}
              testID="record-move-out-dialog"
            />
          </Show>
        </section>
      )}
    </QueryView>
  );
}

function Fact(props: { label: string; children: import("solid-js").JSX.Element }) {
  return (
    <div class="registry-fact">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function MaskedValue(props: {
  person: ResidentRecordDetail;
  field: RevealableField;
  shown: string;
  onReveal: (field: RevealableField) => void;
}) {
  const { t } = useRegisterLocale();
  return (
    <span class="registry-masked">
      <span class="registry-mono" data-testid={`record-${props.field}`}>
        {props.shown}
      </span>
      <Show when={props.person.mayReveal && (props.field !== "phone" || props.person.phoneMasked)}>
        <button
          type="button"
          class="button button-secondary button-small"
          data-testid={`record-reveal-${props.field}`}
          onClick={() => props.onReveal(props.field)}
        >
          {t("record.reveal")}
        </button>
      </Show>
    </span>
  );
}

/** 查看: asks the purpose (required), then shows the full value once; the reading is logged. */
function RevealDialog(props: { register: RegisterApi; recordID: string; field: RevealableField; onClose: () => void }) {
  const { t } = useRegisterLocale();
  const [purpose, setPurpose] = createSignal("");
  const [checked, setChecked] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [value, setValue] = createSignal<string | null>(null);
  const fieldName = () => t(`record.${props.field}`);
  const purposeError = () => (checked() && purpose().trim().length < 2 ? t("record.purposeRequired") : undefined);
  async function reveal(event: Event) {
    event.preventDefault();
    setChecked(true);
    if (purposeError()) return;
    setBusy(true);
    setFailure(null);
    try {
      const answer = await props.register.reveal(props.recordID, props.field, purpose().trim());
      setValue(answer.value ?? t("record.none"));
    } catch (error) {
      setFailure(registerError(error, t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="confirm-dialog-backdrop">
      <div class="confirm-dialog card" role="dialog" aria-modal="true" aria-labelledby="reveal-title" data-testid="reveal-dialog">
        <h2 class="section-title" id="reveal-title">
          {t("record.revealTitle", { field: fieldName() })}
        </h2>
        <Show
          when={value()}
          fallback={
            <form onSubmit={(event) => void reveal(event)} noValidate>
              <div class="field" classList={{ "is-invalid": Boolean(purposeError()) }}>
                <label class="field-label" for="reveal-purpose">
                  {t("record.purpose")}
                </label>
                <input
                  id="reveal-purpose"
                  class="input"
                  value={purpose()}
                  placeholder={t("record.purposeHint")}
                  maxLength={200}
                  aria-invalid={Boolean(purposeError())}
                  data-testid="reveal-purpose"
                  onInput={(event) => setPurpose(event.currentTarget.value)}
                />
                <Show when={purposeError()}>
                  <p class="field-error" data-testid="reveal-purpose-error">
                    {purposeError()}
                  </p>
                </Show>
              </div>
              <p class="muted">{t("record.logged")}</p>
              <MessageNotice text={failure()} testID="reveal-error" />
              <div class="confirm-dialog-actions">
                <button type="button" class="button button-secondary" onClick={() => props.onClose()}>
                  {t("common.cancel")}
                </button>
                <button type="submit" class="button button-primary" disabled={busy()} data-testid="reveal-submit">
                  {t("record.revealSubmit")}
                </button>
              </div>
            </form>
          }
        >
          <p class="muted">{t("record.revealed", { field: fieldName() })}</p>
          <p class="registry-revealed registry-mono" data-testid="reveal-value">
            {value()}
          </p>
          <div class="confirm-dialog-actions">
            <button type="button" class="button button-primary" data-testid="reveal-close" onClick={() => props.onClose()}>
              {t("record.close")}
            </button>
          </div>
        </Show>
      </div>
    </div>
  );
}

/**
 * `/d/:slug/registry/households/:householdID`: a household's members (masked) and its moves
 * (迁移记录) with grid names; it may move to another house.
 */
export function HouseholdPage() {
  const params = useParams<{ slug: string; householdID: string }>();
  const session = useSession();
  const register = registerApi(session.api);
  const { t } = useRegisterLocale();
  return (
    <RegistryFrame
      title="householdView.title"
      testid="household-page"
      actions={
        <A href={`/d/${params.slug}/registry`} class="button button-secondary">
          ← {t("record.back")}
        </A>
      }
    >
      {() => <HouseholdBody register={register} householdID={params.householdID} />}
    </RegistryFrame>
  );
}

function HouseholdBody(props: { register: RegisterApi; householdID: string }) {
  const params = useParams<{ slug: string }>();
  const { t, formatDate } = useRegisterLocale();
  const found = createQuery(
    () => props.householdID,
    async (householdID) => {
      const [read, houses] = await Promise.all([props.register.household(householdID), props.register.houses({ limit: 200 })]);
      return {
        household: read.household as Household | null,
        members: read.members,
        houses: houses.items.filter((house) => house.houseID !== read.household.houseID),
      };
    },
  );
  const [target, setTarget] = createSignal("");
  const [notice, setNotice] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  async function move() {
    if (!target()) return;
    setFailure(null);
    try {
      await props.register.moveHousehold(props.householdID, target());
      setNotice(t("householdView.moved"));
      found.reload();
    } catch (error) {
      setFailure(registerError(error, t));
    }
  }
  return (
    <QueryView query={found} lines={5} skeletonClass="card">
      {(data) => (
        <Show when={data().household} fallback={<p class="notice notice-error">{t("registry.error.register.household_not_found")}</p>}>
          {(household) => (
            <section class="card registry-record" data-testid="household">
              <h2 class="section-title">{household().address}</h2>
              <p class="muted">
                <GridName gridID={household().gridID} /> · {t("registry.members", { count: household().members })}
              </p>
              <h3 class="registry-subtitle">{t("householdView.members")}</h3>
              <ul class="registry-list">
                <For each={data().members}>
                  {(person) => (
                    <li class="registry-row registry-row-plain" data-testid="household-member">
                      <A href={`/d/${params.slug}/registry/people/${person.recordID}`}>{person.name}</A>
                      <span class="muted">{person.relation ?? ""}</span>
                      <span class="registry-mono">{person.idMasked}</span>
                    </li>
                  )}
                </For>
              </ul>
              <h3 class="registry-subtitle">{t("householdView.moves")}</h3>
              <Show when={household().moves.length} fallback={<p class="muted">{t("householdView.noMoves")}</p>}>
                <ul class="registry-list" data-testid="household-moves">
                  <For each={household().moves}>
                    {(step) => (
                      <li class="registry-row registry-row-plain">
                        <span>{formatDate(step.at)}</span>
                        <span>
                          <GridName gridID={step.fromGridID} /> → <GridName gridID={step.toGridID} />
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <h3 class="registry-subtitle">{t("householdView.moveTo")}</h3>
              <div class="registry-search">
                <select class="input select" data-testid="household-move-house" onChange={(event) => setTarget(event.currentTarget.value)}>
                  <option value="">{t("registry.form.chooseHouse")}</option>
                  <For each={data().houses}>{(house) => <option value={house.houseID}>{house.address}</option>}</For>
                </select>
                <button
                  type="button"
                  class="button button-primary"
                  disabled={!target()}
                  data-testid="household-move"
                  onClick={() => void move()}
                >
                  {t("householdView.moveSubmit")}
                </button>
              </div>
              <MessageNotice text={notice()} kind="success" />
              <MessageNotice text={failure()} />
            </section>
          )}
        </Show>
      )}
    </QueryView>
  );
}
