import { Navigate, type RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";
import { useSession } from "../providers/session.tsx";
import { AppHeader } from "../ui/header.tsx";

/** Pages for signed-in people: the header above, the login page for everyone else. */
export function SignedInLayout(props: RouteSectionProps) {
  const session = useSession();
  return (
    <Show when={session.token()} fallback={<Navigate href="/login" />}>
      <AppHeader />
      <main id="main" class="container page">
        {props.children}
      </main>
    </Show>
  );
}
