import { Navigate, type RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";
import { useSession } from "../providers/session.tsx";
import { EmergencyBanner } from "../ui/emergency-banner.tsx";
import { AppHeader } from "../ui/header.tsx";

/** Pages for signed-in people: the header above, the login page for everyone else. */
export function SignedInLayout(props: RouteSectionProps) {
  const session = useSession();
  return (
    <Show when={session.token()} fallback={<Navigate href="/login" />}>
      <AppHeader />
      <EmergencyBanner />
      <main id="main" class="container page">
        {props.children}
      </main>
    </Show>
  );
}

/** The same, edge to edge and as tall as the window on wide screens: for the map. */
export function SignedInWideLayout(props: RouteSectionProps) {
  const session = useSession();
  return (
    <Show when={session.token()} fallback={<Navigate href="/login" />}>
      <div class="shell-wide">
        <AppHeader />
        <EmergencyBanner />
        <main id="main" class="page-wide">
          {props.children}
        </main>
      </div>
    </Show>
  );
}
