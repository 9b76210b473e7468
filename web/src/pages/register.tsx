import { A } from "@solidjs/router";
import { createSignal, Match, Show, Switch } from "solid-js";
import { ApiError } from "../data/api.ts";
import { setupApi, type Registration } from "../data/setup.ts";
import { useSetupLocale } from "../i18n/setup.ts";
import { useSession } from "../providers/session.tsx";
import { errorMessage } from "../ui/errors.ts";
import { Field, PHONE, SubmitButton, TextInput } from "../ui/field.tsx";
import { AppHeader } from "../ui/header.tsx";
import { AlertIcon, CheckIcon } from "../ui/icons.tsx";
import { usePageTitle } from "../ui/title.ts";
import "./setup.css";

/**
 * `/register`: a resident registers into their district. The district (by its slug) says
 * whether it takes registrations and whether staff approve them; an active resident goes on to
 * sign in at the OpenID issuer, a pending one is told to wait for the staff.
 */
export function RegisterPage() {
  const { t, pick } = useSetupLocale();
  const session = useSession();
  const setup = setupApi(session.api);
  usePageTitle(() => t("register.title"));

  const [slug, setSlug] = createSignal("");
  const [district, setDistrict] = createSignal<Registration>();
  const [name, setName] = createSignal("");
  const [phone, setPhone] = createSignal("");
  const [errors, setErrors] = createSignal<{ district?: string; name?: string; phone?: string }>({});
  const [failure, setFailure] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [pending, setPending] = createSignal(false);

  async function find(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const wanted = slug().trim().toLowerCase();
    setFailure(undefined);
    setErrors({ district: wanted ? undefined : t("phoneLogin.errorDistrict") });
    if (!wanted) return;
    setBusy(true);
    try {
      setDistrict(await setup.registration(wanted));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setErrors({ district: t("register.unknown") });
      else setFailure(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  async function register(event: SubmitEvent) {
    event.preventDefault();
    const target = district();
    if (busy() || !target) return;
    const number = phone().replace(/\s+/g, "");
    const found = {
      name: name().trim() ? undefined : t("register.errorName"),
      phone: PHONE.test(number) ? undefined : t("register.errorPhone"),
    };
    setErrors(found);
    setFailure(undefined);
    if (found.name || found.phone) return;
    setBusy(true);
    try {
      const registered = await setup.register(target.tenantID, { name: name().trim(), phone: number });
      if (registered.status === "pending") {
        setPending(true);
        return;
      }
      // Registered: signing in is the issuer's (phone + one-time code at the local provider).
      await session.signIn(`/d/${target.tenantID}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === "user.exists") setErrors({ phone: t("register.exists") });
      else if (error instanceof ApiError && error.code === "registration.closed") setFailure(t("register.closed"));
      else if (error instanceof ApiError && error.fieldErrors.length) {
        const byField: { name?: string; phone?: string } = {};
        for (const issue of error.fieldErrors) if (issue.path === "name" || issue.path === "phone") byField[issue.path] ??= issue.message;
        setErrors(byField);
        setFailure(errorMessage(error, t));
      } else setFailure(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  function change() {
    setDistrict(undefined);
    setErrors({});
    setFailure(undefined);
  }

  return (
    <>
      <AppHeader />
      <main id="main" class="container page register">
        <div class="login-head">
          <h1 class="page-title">{t("register.title")}</h1>
          <p class="page-subtitle">{t("register.subtitle")}</p>
        </div>
        <section class="card" aria-live="polite">
          <Show when={failure()}>
            <p class="notice notice-error" role="alert" data-testid="register-error">
              <AlertIcon size={18} />
              {failure()}
            </p>
          </Show>
          <Switch>
            <Match when={pending() && district()}>
              {(target) => (
                <div class="success" role="status" data-testid="register-pending">
                  <span class="success-icon" aria-hidden="true">
                    <CheckIcon size={22} />
                  </span>
                  <h2 class="success-title">{t("register.pendingTitle")}</h2>
                  <p class="success-body">{t("register.pendingBody", { name: pick(target()) })}</p>
                  <div class="success-actions">
                    <A href="/login" class="button button-secondary">
                      {t("register.toLogin")}
                    </A>
                  </div>
                </div>
              )}
            </Match>
            <Match when={district()}>
              {(target) => (
                <>
                  <div class="register-district">
                    <span class="register-district-name" data-testid="register-district-name">
                      {pick(target())}
                    </span>
                    <button type="button" class="button button-ghost" onClick={change}>
                      {t("register.change")}
                    </button>
                  </div>
                  <Show
                    when={target().selfRegistration}
                    fallback={
                      <div class="state state-empty" data-testid="register-closed">
                        <h2 class="state-title">{t("register.closedTitle", { name: pick(target()) })}</h2>
                        <p class="state-body">{t("register.closedBody")}</p>
                      </div>
                    }
                  >
                    <form class="form" onSubmit={register} novalidate data-testid="register-form">
                      <h2 class="section-title">{t("register.open", { name: pick(target()) })}</h2>
                      <Show when={target().approval}>
                        <p class="notice notice-info" data-testid="register-approval">
                          {t("register.approvalNote")}
                        </p>
                      </Show>
                      <Field id="register-name" label={t("register.name")} error={errors().name}>
                        {(attributes) => (
                          <TextInput
                            {...attributes}
                            name="name"
                            autocomplete="name"
                            data-testid="register-name"
                            value={name()}
                            onValue={setName}
                            disabled={busy()}
                          />
                        )}
                      </Field>
                      <Field id="register-phone" label={t("register.phone")} error={errors().phone}>
                        {(attributes) => (
                          <TextInput
                            {...attributes}
                            name="phone"
                            type="tel"
                            inputMode="tel"
                            autocomplete="tel"
                            data-testid="register-phone"
                            value={phone()}
                            onValue={setPhone}
                            disabled={busy()}
                          />
                        )}
                      </Field>
                      <SubmitButton
                        block
                        testid="register-submit"
                        busy={busy()}
                        busyLabel={t("register.submitting")}
                        label={t("register.submit")}
                      />
                    </form>
                  </Show>
                </>
              )}
            </Match>
            <Match when={true}>
              <form class="form" onSubmit={find} novalidate data-testid="register-find">
                <Field id="register-district" label={t("register.district")} hint={t("register.districtHint")} error={errors().district}>
                  {(attributes) => (
                    <TextInput
                      {...attributes}
                      name="district"
                      lang="en"
                      autocomplete="off"
                      spellcheck={false}
                      data-testid="register-district"
                      value={slug()}
                      onValue={setSlug}
                      disabled={busy()}
                    />
                  )}
                </Field>
                <SubmitButton
                  block
                  testid="register-find-submit"
                  busy={busy()}
                  busyLabel={t("register.finding")}
                  label={t("register.find")}
                />
              </form>
            </Match>
          </Switch>
        </section>
        <p>
          <A href="/login">{t("register.haveAccount")}</A>
        </p>
      </main>
    </>
  );
}
