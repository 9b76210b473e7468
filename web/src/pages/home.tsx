import { Navigate } from "@solidjs/router";
import { Match, Switch } from "solid-js";
import { useLocale } from "../providers/locale.tsx";
import { homePath, useSession } from "../providers/session.tsx";
import { AppHeader } from "../ui/header.tsx";
import { ErrorState, LoadingText } from "../ui/states.tsx";

/** `/`: sends each person where they work: their district, the district list, or the login page. */
export function HomePage() {
  const { t } = useLocale();
  const session = useSession();
  return (
    <Switch>
      <Match when={!session.token() && !session.resuming()}>
        <Navigate href="/login" />
      </Match>
      <Match when={session.me.data()}>{(me) => <Navigate href={homePath(me())} />}</Match>
      <Match when={session.me.error()}>
        {(error) => (
          <>
            <AppHeader />
            <main id="main" class="container page">
              <ErrorState error={error()} onRetry={session.me.reload} />
            </main>
          </>
        )}
      </Match>
      <Match when={true}>
        <main id="main" class="container page page-center">
          <LoadingText message={t("home.opening")} />
        </main>
      </Match>
    </Switch>
  );
}
