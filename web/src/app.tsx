import { Router, type RouteDefinition, type RouteSectionProps } from "@solidjs/router";
import { lazy } from "solid-js";
import { DistrictPage } from "./pages/district.tsx";
import { HomePage } from "./pages/home.tsx";
import { SignedInLayout, SignedInWideLayout } from "./pages/layout.tsx";
import { LoginPage } from "./pages/login.tsx";
import { NotFoundPage } from "./pages/not-found.tsx";
import { LocaleProvider } from "./providers/locale.tsx";
import { SessionProvider } from "./providers/session.tsx";

/** Only platform staff open the directory (and its onboarding form): loaded when first visited. */
const DistrictsPage = lazy(() => import("./pages/districts.tsx").then((module) => ({ default: module.DistrictsPage })));
/** The grid pages (map, tree, import) carry their own dictionary part, styles and, later, Leaflet. */
const GridsPage = lazy(() => import("./pages/grids.tsx").then((module) => ({ default: module.GridsPage })));
/** The ticket pages (随手拍) carry their own dictionary part and styles; the report form, Leaflet. */
const TicketsPage = lazy(() => import("./pages/tickets.tsx").then((module) => ({ default: module.TicketsPage })));
const TicketNewPage = lazy(() => import("./pages/ticket-new.tsx").then((module) => ({ default: module.TicketNewPage })));
const TicketPage = lazy(() => import("./pages/ticket.tsx").then((module) => ({ default: module.TicketPage })));
const GridImportPage = lazy(() => import("./pages/grid-import.tsx").then((module) => ({ default: module.GridImportPage })));

export const routes: RouteDefinition[] = [
  { path: "/login", component: LoginPage },
  { path: "/", component: HomePage },
  {
    path: "/",
    component: SignedInLayout,
    children: [
      { path: "/d/:slug", component: DistrictPage },
      { path: "/d/:slug/grids/import", component: GridImportPage },
      { path: "/d/:slug/tickets", component: TicketsPage },
      { path: "/d/:slug/tickets/new", component: TicketNewPage },
      { path: "/d/:slug/tickets/:ticketID", component: TicketPage },
      { path: "/districts", component: DistrictsPage },
    ],
  },
  {
    path: "/",
    component: SignedInWideLayout,
    children: [{ path: "/d/:slug/grids", component: GridsPage }],
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
