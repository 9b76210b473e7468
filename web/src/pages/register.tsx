import { A, useParams } from "@solidjs/router";
import { createSignal, Match, onCleanup, onMount, Show, Switch } from "solid-js";
import { ApiError } from "../data/api.ts";
import { setupApi, type Registration } from "../data/setup.ts";
import { useSetupLocale } from "../i18n/setup.ts";
import { useSession } from "../providers/session.tsx";
import { errorMessage } from "../ui/errors.ts";
import { DistrictPicker, rememberDistrict, rememberedDistrict } from "../ui/district-picker.tsx";
import { Field, PHONE, SubmitButton, TextInput } from "../ui/field.tsx";
import { AppHeader } from "../ui/header.tsx";
import { AlertIcon, CheckIcon } from "../ui/icons.tsx";
import { usePageTitle } from "../ui/title.ts";
import "./setup.css";

/** Seconds before another code may be asked for (the API's own limits stand behind it). */
const ResendSeconds = 60;

/**
 * `/register` and `/d/:slug/register`: a resident registers into their district, chosen from the
 * list of districts by name (the one in the link, else the one chosen last time, is preselected;
 * the choice is remembered). The district says
 * whether it takes registrations and whether staff approve them. Two steps: name and phone, then
 * the one-time code sent to the phone (SMS; the terminal locally). An active resident goes on to
 * sign in at the OpenID issuer, a pending one is told to wait for the staff.
 */
export function RegisterPage() {
  const { t, pick } = useSetupLocale();
  const session = useSession();
  const setup = setupApi(session.api);
  usePageTitle(() => t("register.title"));

  const params = useParams<{ slug?: string }>();
  const [slug, setSlug] = createSignal(params.slug ?? rememberedDistrict() ?? "");
  const [district, setDistrict] = createSignal<Registration>();
  const [name, setName] = createSignal("");
  const [phone, setPhone] = createSignal("");
  const [code, setCode] = createSignal("");
  /** Step 2: the phone a code was sent to (the form then asks for the code). */
  const [sentTo, setSentTo] = createSignal<string>();
  /** Seconds until another code may be asked for (a code every 60 s, or what a 429 says). */
  const [wait, setWait] = createSignal(0);
  const timer = setInterval(() => setWait((seconds) => Math.max(0, seconds - 1)), 1000);
  onCleanup(() => clearInterval(timer));
  const [errors, setErrors] = createSignal<{ district?: string; name?: string; phone?: string; code?: string }>({});
  const [failure, setFailure] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [pending, setPending] = createSignal(false);

  // The district's own link opens its registration at once.
  onMount(() => {
    if (params.slug) void find();
  });

  async function find(event?: SubmitEvent) {
    event?.preventDefault();
    if (busy()) return;
    const wanted = slug().trim().toLowerCase();
    setFailure(undefined);
    setErrors({ district: wanted ? undefined : t("phoneLogin.errorDistrict") });
    if (!wanted) return;
    setBusy(true);
    try {
      setDistrict(await setup.registration(wanted));
      rememberDistrict(wanted);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        setSlug("");
        setErrors({ district: t("register.unknown") });
      } else setFailure(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  /** What a refusal of the code steps means to a resident, on its field or above the form. */
  function explain(error: unknown) {
    if (error instanceof ApiError && error.status === 429) {
      setWait(Math.max(wait(), error.retryAfterSeconds ?? 60));
      const key =
        error.code === "code.locked" ? "register.locked" : error.code === "rate.phone" ? "register.tooManyCodes" : "register.tooMany";
      setFailure(t(key, { minutes: String(Math.ceil((error.retryAfterSeconds ?? 60) / 60)) }));
    } else if (error instanceof ApiError && error.code === "code.wrong") setErrors({ code: t("register.codeWrong") });
    else if (error instanceof ApiError && error.code === "code.expired") setErrors({ code: t("register.codeExpired") });
    else if (error instanceof ApiError && error.code === "user.exists") setFailure(t("register.exists"));
    else if (error instanceof ApiError && error.code === "registration.closed") setFailure(t("register.closed"));
    else if (error instanceof ApiError && error.fieldErrors.length) {
      const byField: { name?: string; phone?: string; code?: string } = {};
      for (const issue of error.fieldErrors) {
        const field = issue.path.replace(/^body\./, "");
        if (field === "name" || field === "phone" || field === "code") byField[field] ??= issue.message;
      }
      setErrors(byField);
      setFailure(errorMessage(error, t));
    } else setFailure(errorMessage(error, t));
  }

  /** Step 1: the name and phone; a code goes to the phone. */
  async function sendCode(event?: SubmitEvent) {
    event?.preventDefault();
    const target = district();
    if (busy() || !target || wait() > 0) return;
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
      await setup.startRegistration(target.tenantID, { name: name().trim(), phone: number });
      setSentTo(number);
      setCode("");
      setWait(ResendSeconds);
    } catch (error) {
      explain(error);
    } finally {
      setBusy(false);
    }
  }

  /** Step 2: the code from the SMS; registered, the resident signs in (or waits for approval). */
  async function register(event: SubmitEvent) {
    event.preventDefault();
    const target = district();
    const number = sentTo();
    if (busy() || !target || !number) return;
    const given = code().replace(/\s+/g, "");
    setErrors({ code: /^\d{6}$/.test(given) ? undefined : t("register.errorCode") });
    setFailure(undefined);
    if (!/^\d{6}$/.test(given)) return;
    setBusy(true);
    try {
      const registered = await setup.register(target.tenantID, { phone: number, code: given });
      if (registered.status === "pending") {
        setPending(true);
        return;
      }
      // Registered: signing in is the issuer's (phone + one-time code at the local provider).
      await session.signIn(`/d/${target.tenantID}`, target.tenantID);
    } catch (error) {
      explain(error);
    } finally {
      setBusy(false);
    }
  }

  function change() {
    setDistrict(undefined);
    setSentTo(undefined);
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
                    <Show
                      when={sentTo()}
                      fallback={
                        <form class="form" onSubmit={sendCode} novalidate data-testid="register-form">
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
                            busyLabel={t("register.sending")}
                            label={wait() > 0 ? t("register.resendIn", { seconds: String(wait()) }) : t("register.sendCode")}
                          />
                        </form>
                      }
                    >
                      {(number) => (
                        <form class="form" onSubmit={register} novalidate data-testid="register-code-form">
                          <h2 class="section-title">{t("register.codeTitle")}</h2>
                          <p class="page-subtitle" data-testid="register-sent">
                            {t("register.codeSent", { phone: `${number().slice(0, 3)}****${number().slice(7)}` })}
                          </p>
                          <Field id="register-code" label={t("register.code")} error={errors().code}>
                            {(attributes) => (
                              <TextInput
                                {...attributes}
                                name="code"
                                inputMode="numeric"
                                autocomplete="one-time-code"
                                maxLength={6}
                                data-testid="register-code"
                                value={code()}
                                onValue={setCode}
                                disabled={busy()}
                              />
                            )}
                          </Field>
                          <SubmitButton
                            block
                            testid="register-verify"
                            busy={busy()}
                            busyLabel={t("register.submitting")}
                            label={t("register.submit")}
                          />
                          <div class="success-actions">
                            <button
                              type="button"
                              class="button button-ghost"
                              data-testid="register-resend"
                              disabled={busy() || wait() > 0}
                              onClick={() => void sendCode()}
                            >
                              {wait() > 0 ? t("register.resendIn", { seconds: String(wait()) }) : t("register.resend")}
                            </button>
                            <button type="button" class="button button-ghost" onClick={() => setSentTo(undefined)}>
                              {t("register.changePhone")}
                            </button>
                          </div>
                        </form>
                      )}
                    </Show>
                  </Show>
                </>
              )}
            </Match>
            <Match when={true}>
              <form class="form" onSubmit={find} novalidate data-testid="register-find">
                <Field id="register-district" label={t("register.district")} hint={t("register.districtHint")} error={errors().district}>
                  {(attributes) => (
                    <DistrictPicker
                      {...attributes}
                      value={slug() || undefined}
                      onChange={(entry) => {
                        setSlug(entry.slug);
                        void find();
                      }}
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
          <A href={district() ? `/d/${district()!.tenantID}/login` : "/login"}>{t("register.haveAccount")}</A>
        </p>
      </main>
    </>
  );
}
