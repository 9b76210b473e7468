import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { ApiError, fieldName } from "../data/api.ts";
import type { OnboardResult, Province } from "../data/types.ts";
import { useLocale } from "../providers/locale.tsx";
import { useSession } from "../providers/session.tsx";
import { errorMessage } from "../ui/errors.ts";
import { Field, SelectInput, TextInput } from "../ui/field.tsx";
import { AlertIcon, CheckIcon } from "../ui/icons.tsx";

const fields = ["slug", "nameZh", "nameEn", "provinceID", "cityZh", "cityEn", "template", "admin.name", "admin.phone"] as const;
type FieldName = (typeof fields)[number];
type Values = Record<FieldName, string>;

const empty = (): Values => ({
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
const PHONE = /^1\d{10}$/;

function isField(name: string): name is FieldName {
  return (fields as readonly string[]).includes(name);
}

/**
 * The operator's form to onboard a district: the tenant, its template and its first admin.
 * Mistakes are shown beside their fields, whether caught here or by the API.
 */
export function OnboardForm(props: {
  provinces: Province[] | undefined;
  provincesError?: unknown;
  onOnboarded?: (result: OnboardResult) => void;
}) {
  const { t, pick } = useLocale();
  const session = useSession();
  const [values, setValues] = createStore<Values>(empty());
  const [errors, setErrors] = createStore<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = createSignal<string>();
  const [otherErrors, setOtherErrors] = createSignal<string[]>([]);
  const [submitting, setSubmitting] = createSignal(false);
  const [result, setResult] = createSignal<OnboardResult>();
  let form: HTMLFormElement | undefined;

  const set = (name: FieldName) => (value: string) => {
    setValues(name, value);
    if (errors[name]) setErrors(name, undefined);
  };

  function validate(): Partial<Record<FieldName, string>> {
    const found: Partial<Record<FieldName, string>> = {};
    for (const name of fields) if (!values[name].trim()) found[name] = t("common.required");
    if (values.slug && (!SLUG.test(values.slug) || values.slug.length > 40)) found.slug = t("onboard.errorSlug");
    if (values["admin.phone"] && !PHONE.test(values["admin.phone"].trim())) found["admin.phone"] = t("onboard.errorPhone");
    return found;
  }

  function showErrors(found: Partial<Record<FieldName, string>>, message: string) {
    setErrors(found);
    setFormError(message);
    const first = fields.find((name) => found[name]);
    if (first) queueMicrotask(() => form?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (submitting()) return;
    setErrors(Object.fromEntries(fields.map((name) => [name, undefined])));
    setFormError(undefined);
    setOtherErrors([]);
    const found = validate();
    if (Object.keys(found).length) return showErrors(found, t("onboard.errorFix"));

    setSubmitting(true);
    try {
      const onboarded = await session.api.onboard({
        slug: values.slug.trim(),
        nameZh: values.nameZh.trim(),
        nameEn: values.nameEn.trim(),
        provinceID: values.provinceID,
        cityZh: values.cityZh.trim(),
        cityEn: values.cityEn.trim(),
        template: values.template as "jianyang" | "minimal",
        admin: { name: values["admin.name"].trim(), phone: values["admin.phone"].trim() },
      });
      setResult(onboarded);
      setValues(empty());
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

  const id = (name: FieldName) => `onboard-${name.replace(".", "-")}`;
  const text = (name: FieldName, label: string, extra: { hint?: string; lang?: string; inputMode?: "tel" | "text"; autocomplete?: string } = {}) => (
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

  return (
    <section class="card onboard" aria-labelledby="onboard-title">
      <h2 class="section-title" id="onboard-title">
        {t("onboard.title")}
      </h2>
      <p class="section-hint">{t("onboard.subtitle")}</p>

      <Show
        when={result()}
        fallback={
          <form ref={form} class="form" onSubmit={submit} novalidate data-testid="onboard-form">
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
            {text("slug", t("onboard.slug"), { hint: t("onboard.slugHint"), lang: "en" })}
            <div class="form-row">
              {text("nameZh", t("onboard.nameZh"), { lang: "zh-CN" })}
              {text("nameEn", t("onboard.nameEn"), { lang: "en" })}
            </div>
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
            <Field id={id("template")} label={t("onboard.template")} error={errors.template}>
              {(attributes) => (
                <SelectInput
                  {...attributes}
                  name="template"
                  value={values.template}
                  onValue={set("template")}
                  disabled={submitting()}
                  options={[
                    { value: "jianyang", label: t("onboard.templateJianyang") },
                    { value: "minimal", label: t("onboard.templateMinimal") },
                  ]}
                />
              )}
            </Field>
            <fieldset class="fieldset">
              <legend class="subsection-title">{t("onboard.adminTitle")}</legend>
              <div class="form-row">
                {text("admin.name", t("onboard.adminName"), { autocomplete: "name" })}
                {text("admin.phone", t("onboard.adminPhone"), { inputMode: "tel", autocomplete: "tel" })}
              </div>
            </fieldset>
            <button type="submit" class="button button-primary button-block" disabled={submitting()} aria-busy={submitting()}>
              <Show when={submitting()}>
                <span class="spinner" aria-hidden="true" />
              </Show>
              {submitting() ? t("onboard.submitting") : t("onboard.submit")}
            </button>
          </form>
        }
      >
        {(done) => (
          <div class="success" role="status" data-testid="onboard-success">
            <span class="success-icon" aria-hidden="true">
              <CheckIcon size={22} />
            </span>
            <h3 class="success-title">{t("onboard.successTitle", { name: pick(done().district) })}</h3>
            <p class="success-body">{t("onboard.successBody", { admin: done().admin.name, userID: done().admin.userID })}</p>
            <div class="success-actions">
              <A href={`/d/${done().district.tenantID}`} class="button button-primary" data-testid="onboard-open">
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
