import { Router, type RouteDefinition, type RouteSectionProps } from "@solidjs/router";
import { lazy } from "solid-js";
import { DistrictPage } from "./pages/district.tsx";
import { HomePage } from "./pages/home.tsx";
import { SignedInLayout, SignedInWideLayout } from "./pages/layout.tsx";
import { AuthCallbackPage, LoginPage } from "./pages/login.tsx";
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
/** Micro-wishes, needs lists and meetings share one dictionary part and one stylesheet. */
const WishesPage = lazy(() => import("./pages/wishes.tsx").then((module) => ({ default: module.WishesPage })));
const NeedsPage = lazy(() => import("./pages/needs.tsx").then((module) => ({ default: module.NeedsPage })));
const MeetingsPage = lazy(() => import("./pages/meetings.tsx").then((module) => ({ default: module.MeetingsPage })));
/** 数据看板 and 省级对比: their own dictionary part and styles; ECharts loads when a chart mounts. */
const DashboardPage = lazy(() => import("./pages/dashboard.tsx").then((module) => ({ default: module.DashboardPage })));
const ComparePage = lazy(() => import("./pages/compare.tsx").then((module) => ({ default: module.ComparePage })));
const GridImportPage = lazy(() => import("./pages/grid-import.tsx").then((module) => ({ default: module.GridImportPage })));
/** 平急切换: the mode, task rounds and the live board, with their own dictionary part and styles. */
const EmergencyPage = lazy(() => import("./pages/emergency/index.tsx").then((module) => ({ default: module.EmergencyPage })));
/** 志愿服务 1+X and 红色物业: its own dictionary part and styles. */
const VolunteersPage = lazy(() => import("./pages/volunteers.tsx").then((module) => ({ default: module.VolunteersPage })));
/** 干部下沉 and the two-way ledger: a cadre's own grid and ledger, the community's coverage, evaluations and reports. */
const CadresPage = lazy(() => import("./pages/cadres.tsx").then((module) => ({ default: module.CadresPage })));
const CadreDetailPage = lazy(() => import("./pages/cadres-detail.tsx").then((module) => ({ default: module.CadreDetailPage })));
/** 区级配置: the district admin's configuration screens, one chunk with their dictionary part and styles. */
const SettingsPage = lazy(() => import("./pages/settings.tsx").then((module) => ({ default: module.SettingsPage })));
/** 数据平台 (the grid register), a person's record, the access log, one's own record: one dictionary part and stylesheet. */
const RegistryPage = lazy(() => import("./pages/registry.tsx").then((module) => ({ default: module.RegistryPage })));
const RecordPage = lazy(() => import("./pages/registry-record.tsx").then((module) => ({ default: module.RecordPage })));
const HouseholdPage = lazy(() => import("./pages/registry-record.tsx").then((module) => ({ default: module.HouseholdPage })));
const AccessLogPage = lazy(() => import("./pages/registry-log.tsx").then((module) => ({ default: module.AccessLogPage })));
const MyRecordPage = lazy(() => import("./pages/my-record.tsx").then((module) => ({ default: module.MyRecordPage })));
/** 一张网: the command map (Leaflet and supercluster load with it). */
const CommandMapPage = lazy(() => import("./pages/command-map.tsx").then((module) => ({ default: module.CommandMapPage })));

/** Residents' self-registration: signed out, so outside the signed-in layout. */
const RegisterPage = lazy(() => import("./pages/register.tsx").then((module) => ({ default: module.RegisterPage })));
const RegisterImportPage = lazy(() => import("./pages/register-import.tsx").then((module) => ({ default: module.RegisterImportPage })));

export const routes: RouteDefinition[] = [
  { path: "/login", component: LoginPage },
  { path: "/auth/callback", component: AuthCallbackPage },
  { path: "/register", component: RegisterPage },
  /** A district's own links: its sign-in and registration with the district chosen. */
  { path: "/d/:slug/login", component: LoginPage },
  { path: "/d/:slug/register", component: RegisterPage },
  { path: "/d/:slug/register-import", component: RegisterImportPage },
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
      { path: "/d/:slug/emergency", component: EmergencyPage },
      { path: "/d/:slug/volunteers", component: VolunteersPage },
      { path: "/d/:slug/cadres", component: CadresPage },
      { path: "/d/:slug/cadres/:cadreID", component: CadreDetailPage },
      { path: "/d/:slug/wishes", component: WishesPage },
      { path: "/d/:slug/needs", component: NeedsPage },
      { path: "/d/:slug/meetings", component: MeetingsPage },
      { path: "/d/:slug/dashboard", component: DashboardPage },
      { path: "/d/:slug/registry", component: RegistryPage },
      { path: "/d/:slug/registry/people/:recordID", component: RecordPage },
      { path: "/d/:slug/registry/households/:householdID", component: HouseholdPage },
      { path: "/d/:slug/registry/access-log", component: AccessLogPage },
      { path: "/d/:slug/my-record", component: MyRecordPage },
      { path: ["/d/:slug/settings", "/d/:slug/settings/:section"], component: SettingsPage },
      { path: "/compare", component: ComparePage },
      { path: "/districts", component: DistrictsPage },
    ],
  },
  {
    path: "/",
    component: SignedInWideLayout,
    children: [
      { path: "/d/:slug/grids", component: GridsPage },
      { path: "/d/:slug/command", component: CommandMapPage },
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
