import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, onMount, Show } from "solid-js";
import { useSetupLocale } from "../i18n/setup.ts";
import { useLocale } from "../providers/locale.tsx";
import { useSession } from "../providers/session.tsx";
import { ApiError, NetworkError } from "../data/api.ts";
import { errorMessage } from "../ui/errors.ts";
import { AppHeader } from "../ui/header.tsx";
import { AlertIcon } from "../ui/icons.tsx";
import { usePageTitle } from "../ui/title.ts";
import { completeSignIn } from "../data/sign-in.ts";
import "./setup.css";

/** Why signing in failed: the issuer's or the sign-in library's own words (they name the step), else the usual message. */
function signInError(error: unknown, t: Parameters<typeof errorMessage>[1]): string {
  if (error instanceof Error && !(error instanceof ApiError) && !(error instanceof NetworkError) && error.message) return error.message;
  return errorMessage(error, t);
}

/**
 * `/login`: sign in at the OpenID issuer — the local provider (demo accounts, phone + one-time
 * code), Cognito's managed login, or the province's own — and come back signed in.
 */
export function LoginPage() {
  const { t } = useLocale();
  const setup = useSetupLocale();
  const session = useSession();
  const [search] = useSearchParams();
  usePageTitle(() => t("login.title"));
  const [pending, setPending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  const returnTo = () => (typeof search.returnTo === "string" && search.returnTo.startsWith("/") ? search.returnTo : "/");

  async function signIn() {
    if (pending()) return;
    setPending(true);
    setFailure(undefined);
    try {
      await session.signIn(returnTo());
    } catch (error) {
      setFailure(() => error);
      setPending(false);
    }
  }

  return (
    <>
      <AppHeader />
      <main id="main" class="container page login">
        <div class="login-head">
          <p class="eyebrow">{t("app.tagline")}</p>
          <h1 class="page-title">{t("login.title")}</h1>
          <p class="page-subtitle">{t("login.subtitle")}</p>
        </div>

        <Show when={session.notice() === "expired"}>
          <p class="notice notice-warning" role="status">
            <AlertIcon size={18} />
            {t("session.expired")}
          </p>
        </Show>
        <Show when={failure()}>
          <p class="notice notice-error" role="alert" data-testid="login-error">
            <AlertIcon size={18} />
            {t("login.failed", { detail: signInError(failure(), t) })}
          </p>
        </Show>

        <section class="card">
          <button
            type="button"
            class="button button-primary"
            data-testid="sign-in"
            disabled={pending()}
            aria-busy={pending()}
            onClick={signIn}
          >
            {pending() ? t("login.signingIn") : t("login.signIn")}
          </button>
          <p class="section-hint">
            {setup.t("phoneLogin.registerPrompt")}{" "}
            <A href="/register" data-testid="register-link">
              {setup.t("phoneLogin.register")}
            </A>
          </p>
        </section>
      </main>
    </>
  );
}

/** `/auth/callback`: where the issuer sends the browser back; the code becomes the session's tokens. */
export function AuthCallbackPage() {
  const { t } = useLocale();
  const session = useSession();
  const navigate = useNavigate();
  usePageTitle(() => t("login.title"));
  const [failure, setFailure] = createSignal<unknown>();

  onMount(async () => {
    try {
      const signed = await completeSignIn();
      session.accept(signed);
      navigate(signed.returnTo, { replace: true });
    } catch (error) {
      setFailure(() => error);
    }
  });

  return (
    <>
      <AppHeader />
      <main id="main" class="container page login">
        <Show when={failure()} fallback={<p class="state">{t("login.signingIn")}</p>}>
          <p class="notice notice-error" role="alert" data-testid="login-error">
            <AlertIcon size={18} />
            {t("login.failed", { detail: signInError(failure(), t) })}
          </p>
          <A href="/login" class="button button-secondary">
            {t("login.again")}
          </A>
        </Show>
      </main>
    </>
  );
}
