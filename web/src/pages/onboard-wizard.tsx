import { A } from "@solidjs/router";
import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { ApiError, fieldName } from "../data/api.ts";
import { createQuery } from "../data/query.ts";
import { setupApi, type DistrictSettings, type TemplateName } from "../data/setup.ts";
import type { MessageKey } from "../i18n/index.ts";
import { useSetupLocale, type SetupMessageKey } from "../i18n/setup.ts";
import type { OnboardInput, OnboardResult, Province } from "../data/types.ts";
import { useSession } from "../providers/session.tsx";
import { errorMessage } from "../ui/errors.ts";
import { Field, PHONE, SelectInput, SubmitButton, TextInput } from "../ui/field.tsx";
import { AlertIcon, CheckIcon } from "../ui/icons.tsx";
import { mechanismKeys } from "../data/config.ts";
import "./setup.css";

export const fields = ["slug", "nameZh", "nameEn", "provinceID", "cityZh", "cityEn", "template", "admin.name", "admin.phone"] as const;
export type FieldName = (typeof fields)[number];
export type Values = Record<FieldName, string>;

/** The wizard's steps, each with the fields it asks for; the last one reviews and submits. */
export const steps = [
  { key: "names", label: "wizard.stepNames", hint: "wizard.namesHint", fields: ["nameZh", "nameEn", "slug"] },
  { key: "place", label: "wizard.stepPlace", hint: "wizard.placeHint", fields: ["provinceID", "cityZh", "cityEn"] },
  { key: "template", label: "wizard.stepTemplate", hint: "wizard.templateHint", fields: ["template"] },
  { key: "admin", label: "wizard.stepAdmin", hint: "wizard.adminHint", fields: ["admin.name", "admin.phone"] },
  { key: "review", label: "wizard.stepReview", hint: "wizard.reviewHint", fields: [] },
] as const satisfies ReadonlyArray<{ key: string; label: SetupMessageKey; hint: SetupMessageKey; fields: readonly FieldName[] }>;

const REVIEW = steps.length - 1;

export const empty = (): Values => ({
  slug: "",
  nameZh: "",
  nameEn: "",
  provinceID: "",
  cityZh: "",
  cityEn: "",
  template: "jianyang",
  "admin.name": "",
  "admin.phone": "",
});

const SLUG = /^[a-z][a-z0-9-]*[a-z0-9]$/;

function isField(name: string): name is FieldName {
  return (fields as readonly string[]).includes(name);
}

/** A slug suggested from the English name: "Guangze County" → "guangze-county". */
export function suggestSlug(nameEn: string): string {
  return nameEn
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+/, "")
    .replace(/-+$/, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

/** The step a field is asked on. */
export const stepOf = (name: FieldName) => steps.findIndex((step) => (step.fields as readonly FieldName[]).includes(name));

/** The API's body from the wizard's values. */
export function onboardPayload(values: Values): OnboardInput {
  return {
    slug: values.slug.trim(),
    nameZh: values.nameZh.trim(),
    nameEn: values.nameEn.trim(),
    provinceID: values.provinceID,
    cityZh: values.cityZh.trim(),
    cityEn: values.cityEn.trim(),
    template: values.template as TemplateName,
    admin: { name: values["admin.name"].trim(), phone: values["admin.phone"].replace(/\s+/g, "") },
  };
}

/**
 * The operator's onboarding wizard: names → place → template (with a preview) → first admin →
 * review → live. Each step checks its own fields before going on; mistakes the API finds are
 * shown beside their fields, on their step.
 */
export function OnboardWizard(props: {
  provinces: Province[] | undefined;
  provincesError?: unknown;
  onOnboarded?: (result: OnboardResult) => void;
}) {
  const { t, pick } = useSetupLocale();
  const session = useSession();
  const setup = setupApi(session.api);
  const [values, setValues] = createStore<Values>(empty());
  const [errors, setErrors] = createStore<Partial<Record<FieldName, string>>>({});
  const [step, setStep] = createSignal(0);
  const [slugTouched, setSlugTouched] = createSignal(false);
  const [formError, setFormError] = createSignal<string>();
  const [otherErrors, setOtherErrors] = createSignal<string[]>([]);
  const [submitting, setSubmitting] = createSignal(false);
  const [result, setResult] = createSignal<{ onboarded: OnboardResult; phone: string }>();
  const templates = createQuery(
    () => step() >= stepOf("template"),
    () => setup.templates(),
  );
  const chosen = createMemo(() => templates.data()?.items.find((item) => item.name === values.template)?.settings);
  let form: HTMLFormElement | undefined;

  const set = (name: FieldName) => (value: string) => {
    setValues(name, value);
    if (errors[name]) setErrors(name, undefined);
    if (name === "slug") setSlugTouched(true);
    if (name === "nameEn" && !slugTouched()) {
      setValues("slug", suggestSlug(value));
      if (errors.slug) setErrors("slug", undefined);
    }
  };

  function validate(names: readonly FieldName[]): Partial<Record<FieldName, string>> {
    const found: Partial<Record<FieldName, string>> = {};
    for (const name of names) if (!values[name].trim()) found[name] = t("common.required");
    if (names.includes("slug") && values.slug && (!SLUG.test(values.slug) || values.slug.length > 40)) found.slug = t("onboard.errorSlug");
    if (names.includes("admin.phone") && values["admin.phone"] && !PHONE.test(values["admin.phone"].replace(/\s+/g, "")))
      found["admin.phone"] = t("onboard.errorPhone");
    return found;
  }

  function focusFirst(found: Partial<Record<FieldName, string>>) {
    const first = fields.find((name) => found[name]);
    if (first) queueMicrotask(() => form?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
  }

  function go(to: number) {
    setFormError(undefined);
    setStep(to);
    queueMicrotask(() => form?.querySelector<HTMLElement>("input:not([type=radio]), select, input[type=radio]:checked")?.focus());
  }

  function next() {
    const names = steps[step()].fields;
    const found = validate(names);
    setErrors(Object.fromEntries(names.map((name) => [name, found[name]])));
    if (Object.keys(found).length) {
      setFormError(t("onboard.errorFix"));
      focusFirst(found);
      return;
    }
    go(step() + 1);
  }

  async function submit() {
    if (submitting()) return;
    setOtherErrors([]);
    setFormError(undefined);
    // Every step again (a value may have been cleared by going back).
    const found = validate(fields);
    if (Object.keys(found).length) return showErrors(found, t("onboard.errorFix"));
    setSubmitting(true);
    try {
      const payload = onboardPayload(values);
      const onboarded = await session.api.onboard(payload);
      setResult({ onboarded, phone: payload.admin.phone });
      setValues(empty());
      setSlugTouched(false);
      setStep(0);
      props.onOnboarded?.(onboarded);
    } catch (error) {
      const fromServer: Partial<Record<FieldName, string>> = {};
      const unplaced: string[] = [];
      if (error instanceof ApiError) {
        if (error.code === "district.exists") fromServer.slug = t("onboard.errorExists");
        for (const issue of error.fieldErrors) {
          const name = fieldName(issue.path);
          if (isField(name)) fromServer[name] ??= issue.message;
          else unplaced.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
        }
      }
      setOtherErrors(unplaced);
      showErrors(fromServer, errorMessage(error, t));
    } finally {
      setSubmitting(false);
    }
  }

  /** Shows the errors and goes to the first step that has one (or stays on the review). */
  function showErrors(found: Partial<Record<FieldName, string>>, message: string) {
    setErrors(found);
    setFormError(message);
    const first = fields.filter((name) => found[name]).map(stepOf);
    if (first.length) setStep(Math.min(...first));
    focusFirst(found);
  }

  function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (step() < REVIEW) next();
    else void submit();
  }

  const id = (name: FieldName) => `onboard-${name.replace(".", "-")}`;
  const text = (
    name: FieldName,
    label: string,
    extra: { hint?: string; lang?: string; inputMode?: "tel" | "text"; autocomplete?: string } = {},
  ) => (
    <Field id={id(name)} label={label} hint={extra.hint} error={errors[name]}>
      {(attributes) => (
        <TextInput
          {...attributes}
          name={name}
          lang={extra.lang}
          inputMode={extra.inputMode}
          autocomplete={extra.autocomplete ?? "off"}
          spellcheck={false}
          value={values[name]}
          onValue={set(name)}
          disabled={submitting()}
        />
      )}
    </Field>
  );
  const provinceName = () => {
    const province = props.provinces?.find((candidate) => candidate.provinceID === values.provinceID);
    return province ? pick(province) : values.provinceID;
  };
  const templateLabel = (name: string) => t(name === "minimal" ? "onboard.templateMinimal" : "onboard.templateJianyang");

  return (
    <section class="card onboard" aria-labelledby="onboard-title">
      <h2 class="section-title" id="onboard-title">
        {t("onboard.title")}
      </h2>
      <p class="section-hint">{t("onboard.subtitle")}</p>

      <Show
        when={result()}
        fallback={
          <form ref={form} class="form" onSubmit={onSubmit} novalidate data-testid="onboard-form" data-step={steps[step()].key}>
            <ol
              class="wizard-steps"
              aria-label={t("wizard.progress", { step: step() + 1, total: steps.length, name: t(steps[step()].label) })}
            >
              <For each={steps}>
                {(candidate, index) => (
                  <li
                    class="wizard-step"
                    classList={{ "is-done": index() < step(), "is-current": index() === step() }}
                    aria-current={index() === step() ? "step" : undefined}
                  >
                    {index() + 1}. {t(candidate.label)}
                  </li>
                )}
              </For>
            </ol>
            <p class="section-hint" data-testid="wizard-step">
              {t(steps[step()].hint)}
            </p>
            <Show when={formError()}>
              <div class="notice notice-error" role="alert" data-testid="onboard-error">
                <AlertIcon size={18} />
                <div>
                  <p>{formError()}</p>
                  <Show when={otherErrors().length}>
                    <ul class="notice-list">
                      <For each={otherErrors()}>{(message) => <li>{message}</li>}</For>
                    </ul>
                  </Show>
                </div>
              </div>
            </Show>

            <Switch>
              <Match when={steps[step()].key === "names"}>
                <div class="form-row">
                  {text("nameZh", t("onboard.nameZh"), { lang: "zh-CN" })}
                  {text("nameEn", t("onboard.nameEn"), { lang: "en" })}
                </div>
                {text("slug", t("onboard.slug"), { hint: t("onboard.slugHint"), lang: "en" })}
              </Match>
              <Match when={steps[step()].key === "place"}>
                <Field
                  id={id("provinceID")}
                  label={t("onboard.province")}
                  error={errors.provinceID ?? (props.provincesError ? t("onboard.provincesFailed") : undefined)}
                >
                  {(attributes) => (
                    <SelectInput
                      {...attributes}
                      name="provinceID"
                      value={values.provinceID}
                      onValue={set("provinceID")}
                      disabled={submitting() || !props.provinces}
                      placeholder={props.provinces ? t("onboard.provinceChoose") : t("common.loading")}
                      options={(props.provinces ?? []).map((province) => ({ value: province.provinceID, label: pick(province) }))}
                    />
                  )}
                </Field>
                <div class="form-row">
                  {text("cityZh", t("onboard.cityZh"), { lang: "zh-CN" })}
                  {text("cityEn", t("onboard.cityEn"), { lang: "en" })}
                </div>
              </Match>
              <Match when={steps[step()].key === "template"}>
                <fieldset class="fieldset">
                  <legend class="subsection-title">{t("onboard.template")}</legend>
                  <div class="template-options" role="radiogroup">
                    <For each={["jianyang", "minimal"] as TemplateName[]}>
                      {(name) => (
                        <label class="template-option" classList={{ "is-chosen": values.template === name }}>
                          <input
                            type="radio"
                            name="template"
                            value={name}
                            data-testid={`wizard-template-${name}`}
                            checked={values.template === name}
                            onChange={() => set("template")(name)}
                          />
                          <span>{templateLabel(name)}</span>
                        </label>
                      )}
                    </For>
                  </div>
                </fieldset>
                <Switch>
                  <Match when={chosen()}>{(settings) => <TemplatePreview settings={settings()} />}</Match>
                  <Match when={templates.error()}>
                    {(error) => <p class="muted">{t("wizard.previewFailed", { detail: errorMessage(error(), t) })}</p>}
                  </Match>
                  <Match when={true}>
                    <p class="muted">{t("wizard.previewLoading")}</p>
                  </Match>
                </Switch>
              </Match>
              <Match when={steps[step()].key === "admin"}>
                <fieldset class="fieldset">
                  <legend class="subsection-title">{t("onboard.adminTitle")}</legend>
                  <div class="form-row">
                    {text("admin.name", t("onboard.adminName"), { autocomplete: "name" })}
                    {text("admin.phone", t("onboard.adminPhone"), { inputMode: "tel", autocomplete: "tel" })}
                  </div>
                </fieldset>
              </Match>
              <Match when={steps[step()].key === "review"}>
                <dl class="wizard-review" data-testid="wizard-review">
                  <dt>{t("onboard.nameZh")}</dt>
                  <dd>{values.nameZh}</dd>
                  <dt>{t("onboard.nameEn")}</dt>
                  <dd>{values.nameEn}</dd>
                  <dt>{t("onboard.slug")}</dt>
                  <dd>
                    <code>{values.slug}</code>
                  </dd>
                  <dt>{t("onboard.province")}</dt>
                  <dd>
                    {provinceName()} · {values.cityZh} / {values.cityEn}
                  </dd>
                  <dt>{t("onboard.template")}</dt>
                  <dd>{templateLabel(values.template)}</dd>
                  <dt>{t("onboard.adminTitle")}</dt>
                  <dd>
                    {values["admin.name"]} · {values["admin.phone"]}
                  </dd>
                </dl>
              </Match>
            </Switch>

            <div class="wizard-actions">
              <Show when={step() > 0}>
                <button
                  type="button"
                  class="button button-secondary"
                  data-testid="wizard-back"
                  disabled={submitting()}
                  onClick={() => go(step() - 1)}
                >
                  {t("wizard.back")}
                </button>
              </Show>
              <Show
                when={step() === REVIEW}
                fallback={
                  <button type="submit" class="button button-primary" data-testid="wizard-next">
                    {t("wizard.next")}
                  </button>
                }
              >
                <SubmitButton testid="wizard-submit" busy={submitting()} busyLabel={t("onboard.submitting")} label={t("onboard.submit")} />
              </Show>
            </div>
          </form>
        }
      >
        {(done) => (
          <div class="success" role="status" data-testid="onboard-success">
            <span class="success-icon" aria-hidden="true">
              <CheckIcon size={22} />
            </span>
            <h3 class="success-title">{t("wizard.liveTitle", { name: pick(done().onboarded.district) })}</h3>
            <p class="success-body">{t("wizard.liveBody", { admin: done().onboarded.admin.name })}</p>
            <h4 class="subsection-title">{t("wizard.liveNext")}</h4>
            <ol class="wizard-live-steps" data-testid="onboard-next-steps">
              <li>{t("wizard.liveStep1", { slug: done().onboarded.district.tenantID, phone: done().phone })}</li>
              <li>{t("wizard.liveStep2")}</li>
              <li>{t("wizard.liveStep3")}</li>
            </ol>
            <div class="success-actions">
              <A href={`/d/${done().onboarded.district.tenantID}`} class="button button-primary" data-testid="onboard-open">
                {t("onboard.successOpen")}
              </A>
              <button type="button" class="button button-secondary" onClick={() => setResult(undefined)}>
                {t("onboard.successAnother")}
              </button>
            </div>
          </div>
        )}
      </Show>
    </section>
  );
}

/** What a template starts a district with: tiers, roles, mechanisms on, categories. */
export function TemplatePreview(props: { settings: DistrictSettings }) {
  const { t, pick } = useSetupLocale();
  const on = () => mechanismKeys.filter((key) => props.settings.mechanisms[key]);
  return (
    <dl class="template-preview" data-testid="template-preview">
      <dt>{t("wizard.previewTiers")}</dt>
      <dd data-testid="preview-tiers">{props.settings.tiers.map((tier) => pick(tier)).join(" › ")}</dd>
      <dt>{t("wizard.previewRoles")}</dt>
      <dd data-testid="preview-roles">{props.settings.roles.map((role) => pick(role)).join("、")}</dd>
      <dt>{t("wizard.previewMechanisms")}</dt>
      <dd data-testid="preview-mechanisms">
        {on()
          .map((key) => t(`mechanism.${key}` as MessageKey))
          .join("、")}
      </dd>
      <dt>{t("wizard.previewCategories")}</dt>
      <dd data-testid="preview-categories">{t("wizard.previewCategoriesCount", { count: props.settings.tickets.categories.length })}</dd>
    </dl>
  );
}
