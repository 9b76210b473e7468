import { Router, type RouteDefinition, type RouteSectionProps } from "@solidjs/router";
import { lazy } from "solid-js";
import { DistrictPage } from "./pages/district.tsx";
import { HomePage } from "./pages/home.tsx";
import { SignedInLayout } from "./pages/layout.tsx";
import { LoginPage } from "./pages/login.tsx";
import { NotFoundPage } from "./pages/not-found.tsx";
import { LocaleProvider } from "./providers/locale.tsx";
import { SessionProvider } from "./providers/session.tsx";

/** Only platform staff open the directory (and its onboarding form): loaded when first visited. */
const DistrictsPage = lazy(() => import("./pages/districts.tsx").then((module) => ({ default: module.DistrictsPage })));

export const routes: RouteDefinition[] = [
  { path: "/login", component: LoginPage },
  { path: "/", component: HomePage },
  {
    path: "/",
    component: SignedInLayout,
    children: [
      { path: "/d/:slug", component: DistrictPage },
      { path: "/districts", component: DistrictsPage },
    ],
  },
  { path: "*404", component: NotFoundPage },
];

/** Wraps every route: language first (the session's pages speak it), then the session. */
export function Root(props: RouteSectionProps) {
  return (
    <LocaleProvider>
      <SessionProvider>{props.children}</SessionProvider>
    </LocaleProvider>
  );
}

export function App() {
  return <Router root={Root}>{routes}</Router>;
}
