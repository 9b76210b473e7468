import { Navigate, type RouteSectionProps } from "@solidjs/router";
import { Match, Switch, type JSX } from "solid-js";
import { useLocale } from "../providers/locale.tsx";
import { useSession } from "../providers/session.tsx";
import { EmergencyBanner } from "../ui/emergency-banner.tsx";
import { DistrictNav, NavSpacer } from "../ui/district-nav.tsx";
import { AppHeader } from "../ui/header.tsx";
import { LoadingText } from "../ui/states.tsx";

/**
 * Its children for signed-in people; the login page for everyone else; a moment's wait while a
 * session from an earlier visit is renewed.
 */
export function SignedInOnly(props: { children: JSX.Element }) {
  const { t } = useLocale();
  const session = useSession();
  return (
    <Switch>
      <Match when={session.token()}>{props.children}</Match>
      <Match when={session.resuming()}>
        <main id="main" class="container page page-center" data-testid="session-resuming">
          <LoadingText message={t("home.opening")} />
        </main>
      </Match>
      <Match when={true}>
        <Navigate href="/login" />
      </Match>
    </Switch>
  );
}

/** Pages for signed-in people: the header and the district's navigation above, the login page for everyone else. */
export function SignedInLayout(props: RouteSectionProps) {
  return (
    <SignedInOnly>
      <AppHeader />
      <DistrictNav />
      <EmergencyBanner />
      <main id="main" class="container page">
        {props.children}
      </main>
      <NavSpacer />
    </SignedInOnly>
  );
}

/** The same, edge to edge and as tall as the window on wide screens: for the map. */
export function SignedInWideLayout(props: RouteSectionProps) {
  return (
    <SignedInOnly>
      <div class="shell-wide">
        <AppHeader />
        <DistrictNav />
        <EmergencyBanner />
        <main id="main" class="page-wide">
          {props.children}
        </main>
        <NavSpacer />
      </div>
    </SignedInOnly>
  );
}
