import { useNavigate } from "@solidjs/router";
import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { ApiError } from "../data/api.ts";
import { createQuery } from "../data/query.ts";
import type { DemoAccount } from "../data/types.ts";
import { useLocale } from "../providers/locale.tsx";
import { useSession } from "../providers/session.tsx";
import { RoleBadge } from "../ui/badges.tsx";
import { errorMessage } from "../ui/errors.ts";
import { AppHeader } from "../ui/header.tsx";
import { AlertIcon, ChevronRightIcon } from "../ui/icons.tsx";
import { Skeleton } from "../ui/states.tsx";
import { usePageTitle } from "../ui/title.ts";
import { PhoneLogin } from "./login-phone.tsx";
import "./setup.css";

interface AccountGroup {
  key: string;
  tenantID: string | null;
  accounts: DemoAccount[];
}

const platformOrder = ["platform_operator", "provincial_admin"];

/** Platform accounts first (operator, then provincial admins), then one group per district. */
export function groupAccounts(accounts: DemoAccount[]): AccountGroup[] {
  const platform = accounts
    .filter((account) => account.tenantID === null)
    .sort((a, b) => platformOrder.indexOf(a.role) - platformOrder.indexOf(b.role));
  const groups: AccountGroup[] = platform.length ? [{ key: "platform", tenantID: null, accounts: platform }] : [];
  for (const account of accounts) {
    if (account.tenantID === null) continue;
    let group = groups.find((candidate) => candidate.tenantID === account.tenantID);
    if (!group) {
      group = { key: account.tenantID, tenantID: account.tenantID, accounts: [] };
      groups.push(group);
    }
    group.accounts.push(account);
  }
  return groups;
}

export function accountTestID(account: DemoAccount): string {
  return `login-${account.tenantID ?? "platform"}-${account.userID}`;
}

/** `/login`: the demo sign-in (local mode): one card per demo account. */
export function LoginPage() {
  const { t, language } = useLocale();
  const session = useSession();
  const navigate = useNavigate();
  usePageTitle(() => t("login.title"));

  const accounts = createQuery(
    () => true,
    () => session.api.devAccounts(),
  );
  const groups = createMemo(() => groupAccounts(accounts.data()?.accounts ?? []));
  const [pending, setPending] = createSignal<string>();
  const [failure, setFailure] = createSignal<unknown>();

  async function signIn(account: DemoAccount) {
    if (pending()) return;
    setPending(accountTestID(account));
    setFailure(undefined);
    try {
      await session.signIn(account);
      navigate("/", { replace: true });
    } catch (error) {
      setFailure(() => error);
    } finally {
      setPending(undefined);
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
          <p class="notice notice-error" role="alert">
            <AlertIcon size={18} />
            {t("login.failed", { detail: errorMessage(failure(), t) })}
          </p>
        </Show>

        {/* Signing in by phone (and so registering) goes through the local issuer, like the demo accounts. */}
        <Show when={accounts.data()}>
          <PhoneLogin />
        </Show>

        <Switch>
          <Match when={accounts.error()}>
            {(error) => (
              <div class="state state-error login-unavailable" role="alert" data-testid="login-unavailable">
                <AlertIcon size={28} class="state-icon" />
                <h2 class="state-title">{t("login.unavailableTitle")}</h2>
                <p class="state-body">{t("login.unavailableBody")}</p>
                <Show when={!(error() instanceof ApiError && (error() as ApiError).status === 404)}>
                  <p class="state-detail">{errorMessage(error(), t)}</p>
                </Show>
                <button type="button" class="button button-secondary" onClick={accounts.reload}>
                  {t("common.retry")}
                </button>
              </div>
            )}
          </Match>
          <Match when={accounts.data()}>
            <Show when={groups().length} fallback={<p class="state state-empty">{t("login.empty")}</p>}>
              <p class="notice notice-info">{t("login.notice")}</p>
              <For each={groups()}>
                {(group) => (
                  <section class="login-group" aria-labelledby={`group-${group.key}`}>
                    <h2 class="section-title" id={`group-${group.key}`}>
                      {group.tenantID === null ? t("login.groupPlatform") : t("login.groupDistrict", { tenant: group.tenantID })}
                    </h2>
                    <ul class="account-grid">
                      <For each={group.accounts}>
                        {(account) => (
                          <li>
                            <button
                              type="button"
                              class={`account-card role-${account.role}`}
                              data-testid={accountTestID(account)}
                              disabled={Boolean(pending())}
                              aria-busy={pending() === accountTestID(account)}
                              onClick={() => signIn(account)}
                            >
                              <span class="avatar avatar-lg" aria-hidden="true">
                                {account.name.slice(0, 1)}
                              </span>
                              <span class="account-text">
                                <span class="account-name">{account.name}</span>
                                <RoleBadge role={account.role} />
                                <span class="account-description">
                                  {pending() === accountTestID(account)
                                    ? t("login.signingIn")
                                    : language() === "zh-CN"
                                      ? account.descriptionZh
                                      : account.descriptionEn}
                                </span>
                              </span>
                              <ChevronRightIcon size={18} class="account-chevron" />
                            </button>
                          </li>
                        )}
                      </For>
                    </ul>
                  </section>
                )}
              </For>
            </Show>
          </Match>
          <Match when={true}>
            <div class="account-grid">
              <Skeleton class="card" lines={3} />
              <Skeleton class="card" lines={3} />
              <Skeleton class="card" lines={3} />
            </div>
          </Match>
        </Switch>
      </main>
    </>
  );
}
