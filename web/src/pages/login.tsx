import { A, useNavigate, useParams, useSearchParams } from "@solidjs/router";
import { createSignal, onMount, Show } from "solid-js";
import type { DirectoryEntry } from "../data/setup.ts";
import { useSetupLocale } from "../i18n/setup.ts";
import { useLocale } from "../providers/locale.tsx";
import { useSession } from "../providers/session.tsx";
import { ApiError, NetworkError } from "../data/api.ts";
import { errorMessage } from "../ui/errors.ts";
import { DistrictPicker, rememberDistrict, rememberedDistrict } from "../ui/district-picker.tsx";
import { Field } from "../ui/field.tsx";
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
 * `/login` and a district's own `/d/:slug/login`: sign in at the OpenID issuer — the local
 * provider (demo accounts, phone + one-time code), Cognito's managed login, or the province's
 * own — and come back signed in. Residents and district staff pick their district from the list
 * by name (the link's district, else the one chosen last time, is preselected and remembered);
 * it goes to the issuer and is where they land. Platform and provincial staff choose none.
 */
export function LoginPage() {
  const { t } = useLocale();
  const setup = useSetupLocale();
  const session = useSession();
  const params = useParams<{ slug?: string }>();
  const [search] = useSearchParams();
  const [slug, setSlug] = createSignal(params.slug ?? rememberedDistrict());
  /** The chosen district's directory entry, once the directory is read (unknown slugs find none). */
  const [chosen, setChosen] = createSignal<DirectoryEntry>();
  const [unknown, setUnknown] = createSignal(false);
  usePageTitle(() => (params.slug && chosen() ? setup.t("districtLogin.title", { name: setup.pick(chosen()!) }) : t("login.title")));
  const [pending, setPending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  const returnTo = () => {
    if (typeof search.returnTo === "string" && search.returnTo.startsWith("/")) return search.returnTo;
    return chosen() ? `/d/${chosen()!.slug}` : "/";
  };

  function loaded(entries: DirectoryEntry[]) {
    const found = entries.find((entry) => entry.slug === slug());
    setChosen(found);
    if (!found && slug()) {
      // A link or a memory of a district that is not (or no longer) live: choose again.
      setUnknown(Boolean(params.slug));
      setSlug(undefined);
    }
  }

  function choose(entry: DirectoryEntry) {
    setSlug(entry.slug);
    setChosen(entry);
    setUnknown(false);
    rememberDistrict(entry.slug);
  }

  async function signIn() {
    if (pending()) return;
    setPending(true);
    setFailure(undefined);
    try {
      const district = chosen()?.slug;
      await (district ? session.signIn(returnTo(), district) : session.signIn(returnTo()));
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
          <h1 class="page-title" data-testid="login-title">
            {params.slug && chosen() ? setup.t("districtLogin.title", { name: setup.pick(chosen()!) }) : t("login.title")}
          </h1>
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

        <Show when={unknown()}>
          <p class="notice notice-warning" role="status" data-testid="login-unknown-district">
            <AlertIcon size={18} />
            {setup.t("districtLogin.unknown")}
          </p>
        </Show>

        <section class="card">
          <Field id="login-district" label={setup.t("districtLogin.district")} hint={setup.t("districtLogin.districtHint")}>
            {(attributes) => <DistrictPicker {...attributes} value={slug()} onChange={choose} onLoaded={loaded} disabled={pending()} />}
          </Field>
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
            <A href={chosen() ? `/d/${chosen()!.slug}/register` : "/register"} data-testid="register-link">
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
