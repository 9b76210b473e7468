/**
 * Which work a signed-in person's home shows and which pages their navigation lists: read from
 * their roles and the mechanisms their district has switched on. Pure, so that it is tested alone.
 */
import type { MechanismKey, Mechanisms, SignedInActor } from "../data/types.ts";

/** One block of a home page, in the order it is shown. */
export type HomeSection =
  /** Residents: the big "我要上报" button. */
  | "report"
  /** Residents: their own reports and their state. */
  | "myReports"
  /** Residents: a link to what the grid register holds about them (我的登记信息). */
  | "myRecord"
  /** Grid workers and leaders: their queues with counts, and the overdue count. */
  | "queues"
  /** Grid workers and leaders: the grid's open wishes. */
  | "gridWishes"
  /** Grid workers and leaders: the grid's open needs-list items. */
  | "gridNeeds"
  /** Department staff: the department's queue, soonest due first. */
  | "departmentQueue"
  /** Cadres: the grid they are seconded to. */
  | "myGrid"
  /** Cadres: their ledger this month. */
  | "myLedger"
  /** Cadres: open wishes they may claim. */
  | "wishesToClaim"
  /** District admins: the setup checklist. */
  | "setup"
  /** District admins: the district overview (tiers, mechanisms, roles) and its dashboard link. */
  | "overview";

type Roles = Extract<SignedInActor, { type: "user" }>["roles"];

const holds = (roles: Roles, ...wanted: Roles) => roles.some((role) => wanted.includes(role));

/** The blocks of a district user's home, for every role they hold (each block once). */
export function homeSections(actor: SignedInActor | undefined, mechanisms: Partial<Mechanisms>): HomeSection[] {
  if (actor?.type !== "user") return [];
  const { roles } = actor;
  const sections: HomeSection[] = [];
  if (holds(roles, "district_admin")) sections.push("setup");
  if (holds(roles, "resident") && mechanisms.tickets) sections.push("report", "myReports");
  if (holds(roles, "resident") && mechanisms.register) sections.push("myRecord");
  if (holds(roles, "grid_worker", "grid_leader")) {
    if (mechanisms.tickets) sections.push("queues");
    if (mechanisms.wishes) sections.push("gridWishes");
    if (mechanisms.needsLists) sections.push("gridNeeds");
  }
  if (holds(roles, "department_staff") && mechanisms.tickets) sections.push("departmentQueue");
  if (holds(roles, "cadre")) {
    if (mechanisms.cadreSecondment) sections.push("myGrid", "myLedger");
    if (mechanisms.wishes) sections.push("wishesToClaim");
  }
  if (holds(roles, "district_admin")) sections.push("overview");
  return sections;
}

/** A page the navigation lists: a mechanism's, or the map's or the dashboard's. */
export type NavKey = MechanismKey | "home" | "grids" | "dashboard";

export interface NavItem {
  key: NavKey;
  /** Under `/d/:slug` ("" for the home). */
  path: string;
  /** The test ID the browser tests click (kept from the old home's list of mechanisms). */
  testID: string;
}

/** Where each mechanism's pages live under `/d/:slug`, and who may use them. */
const mechanismPages: { key: MechanismKey; path: string; roles: Roles }[] = [
  { key: "tickets", path: "tickets", roles: ["resident", "grid_worker", "grid_leader", "department_staff", "district_admin"] },
  { key: "cadreSecondment", path: "cadres", roles: ["cadre", "grid_leader", "district_admin"] },
  { key: "wishes", path: "wishes", roles: ["resident", "grid_worker", "grid_leader", "cadre", "district_admin"] },
  { key: "needsLists", path: "needs", roles: ["resident", "grid_worker", "grid_leader", "cadre", "district_admin"] },
  { key: "meetings", path: "meetings", roles: ["resident", "grid_worker", "grid_leader", "cadre", "district_admin"] },
  { key: "volunteers", path: "volunteers", roles: ["resident", "grid_worker", "grid_leader", "cadre", "district_admin"] },
  { key: "emergencyMode", path: "emergency", roles: ["grid_worker", "grid_leader", "department_staff", "cadre", "district_admin"] },
  { key: "register", path: "registry", roles: ["grid_worker", "grid_leader", "district_admin"] },
];

/** Where each mechanism's pages live under `/d/:slug`. */
export const mechanismPaths: Partial<Record<MechanismKey, string>> = Object.fromEntries(
  mechanismPages.map((page) => [page.key, page.path]),
);

/**
 * A district user's navigation: their home, every mechanism the district has switched on and one
 * of their roles may use, then the map and the dashboard. Nobody else has a district to navigate.
 */
export function navItems(actor: SignedInActor | undefined, mechanisms: Partial<Mechanisms>): NavItem[] {
  if (actor?.type !== "user") return [];
  const items: NavItem[] = [{ key: "home", path: "", testID: "nav-home" }];
  for (const page of mechanismPages)
    if (mechanisms[page.key] && holds(actor.roles, ...page.roles))
      items.push({ key: page.key, path: page.path, testID: page.key === "tickets" ? "nav-tickets" : `open-mechanism-${page.key}` });
  items.push({ key: "grids", path: "grids", testID: "nav-grids" }, { key: "dashboard", path: "dashboard", testID: "nav-dashboard" });
  return items;
}
