import { A, useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ApiError } from "../data/api.ts";
import { useSetupLocale } from "../i18n/setup.ts";
import { useSession } from "../providers/session.tsx";
import { errorMessage } from "../ui/errors.ts";
import { Field, PHONE, SubmitButton, TextInput } from "../ui/field.tsx";
import { AlertIcon } from "../ui/icons.tsx";

/** Why a phone sign-in failed, in words a person can act on. */
export function phoneLoginError(error: unknown, t: ReturnType<typeof useSetupLocale>["t"]): string {
  if (error instanceof ApiError) {
    if (error.code === "user.pending") return t("phoneLogin.pending");
    if (error.code === "user.disabled") return t("phoneLogin.disabled");
    if (error.code === "district.not_found") return t("register.unknown");
    if (error.status === 404) return t("phoneLogin.unknown");
  }
  return errorMessage(error, t);
}

/** Signing in as a district user with the district's slug and a phone number (local mode). */
export function PhoneLogin(props: { initialDistrict?: string }) {
  const { t } = useSetupLocale();
  const session = useSession();
  const navigate = useNavigate();
  const [district, setDistrict] = createSignal(props.initialDistrict ?? "");
  const [phone, setPhone] = createSignal("");
  const [errors, setErrors] = createSignal<{ district?: string; phone?: string }>({});
  const [failure, setFailure] = createSignal<string>();
  const [sending, setSending] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    const slug = district().trim().toLowerCase();
    const number = phone().replace(/\s+/g, "");
    const found = {
      district: slug ? undefined : t("phoneLogin.errorDistrict"),
      phone: PHONE.test(number) ? undefined : t("phoneLogin.errorPhone"),
    };
    setErrors(found);
    setFailure(undefined);
    if (found.district || found.phone) return;
    setSending(true);
    try {
      await session.signIn({ tenantID: slug, phone: number });
      navigate("/", { replace: true });
    } catch (error) {
      setFailure(phoneLoginError(error, t));
    } finally {
      setSending(false);
    }
  }

  return (
    <section class="card phone-login" aria-labelledby="phone-login-title">
      <h2 class="section-title" id="phone-login-title">
        {t("phoneLogin.title")}
      </h2>
      <p class="section-hint">{t("phoneLogin.hint")}</p>
      <form class="form" onSubmit={submit} novalidate data-testid="phone-login">
        <Show when={failure()}>
          <p class="notice notice-error" role="alert" data-testid="phone-login-error">
            <AlertIcon size={18} />
            {failure()}
          </p>
        </Show>
        <div class="form-row">
          <Field id="phone-login-district" label={t("phoneLogin.district")} hint={t("phoneLogin.districtHint")} error={errors().district}>
            {(attributes) => (
              <TextInput
                {...attributes}
                name="district"
                lang="en"
                autocomplete="off"
                spellcheck={false}
                data-testid="phone-login-district"
                value={district()}
                onValue={setDistrict}
                disabled={sending()}
              />
            )}
          </Field>
          <Field id="phone-login-phone" label={t("phoneLogin.phone")} error={errors().phone}>
            {(attributes) => (
              <TextInput
                {...attributes}
                name="phone"
                type="tel"
                inputMode="tel"
                autocomplete="tel"
                data-testid="phone-login-phone"
                value={phone()}
                onValue={setPhone}
                disabled={sending()}
              />
            )}
          </Field>
        </div>
        <SubmitButton
          block
          testid="phone-login-submit"
          busy={sending()}
          busyLabel={t("phoneLogin.submitting")}
          label={t("phoneLogin.submit")}
        />
      </form>
      <p class="phone-login-register">
        {t("phoneLogin.registerPrompt")}{" "}
        <A href="/register" data-testid="register-link">
          {t("phoneLogin.register")}
        </A>
      </p>
    </section>
  );
}
