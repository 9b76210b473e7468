import { screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { Mechanisms, SignedInActor } from "../data/types.ts";
import { jianyangConfig } from "../test/fixtures.ts";
import { jianyangApi, renderApp, signedIn } from "../test/harness.tsx";
import { adminMe, categories, departments, residentMe, staffMe, ticket, ticketConfig, workerMe } from "../test/ticket-fixtures.ts";
import { homeSections, navItems } from "./home-rules.ts";

const allOn = jianyangConfig.mechanisms;
const allOff: Mechanisms = Object.fromEntries(Object.keys(allOn).map((key) => [key, false])) as unknown as Mechanisms;
const user = (...roles: Extract<SignedInActor, { type: "user" }>["roles"]): SignedInActor => ({
  type: "user",
  userID: "someone",
  tenantID: "jianyang",
  roles,
});

describe("which work a person's home shows", () => {
  it("gives each role its own work", () => {
    expect(homeSections(user("resident"), allOn)).toEqual(["report", "myReports", "myRecord"]);
    expect(homeSections(user("grid_worker"), allOn)).toEqual(["queues", "gridWishes", "gridNeeds"]);
    expect(homeSections(user("grid_leader"), allOn)).toEqual(["queues", "gridWishes", "gridNeeds"]);
    expect(homeSections(user("department_staff"), allOn)).toEqual(["departmentQueue"]);
    expect(homeSections(user("cadre"), allOn)).toEqual(["myGrid", "myLedger", "wishesToClaim"]);
    expect(homeSections(user("district_admin"), allOn)).toEqual(["setup", "overview"]);
  });

  it("shows only what the district has switched on", () => {
    expect(homeSections(user("resident"), allOff)).toEqual([]);
    expect(homeSections(user("grid_worker"), { ...allOff, wishes: true })).toEqual(["gridWishes"]);
    expect(homeSections(user("cadre"), { ...allOff, wishes: true })).toEqual(["wishesToClaim"]);
    expect(homeSections(user("cadre"), { ...allOff, cadreSecondment: true })).toEqual(["myGrid", "myLedger"]);
    // The admin's checklist and overview do not depend on a mechanism.
    expect(homeSections(user("district_admin"), allOff)).toEqual(["setup", "overview"]);
  });

  it("adds up a person's roles, and gives people without a district none", () => {
    expect(homeSections(user("resident", "grid_worker"), allOn)).toEqual([
      "report",
      "myReports",
      "myRecord",
      "queues",
      "gridWishes",
      "gridNeeds",
    ]);
    expect(homeSections({ type: "province", userID: "p", provinceID: "fujian" }, allOn)).toEqual([]);
    expect(homeSections(undefined, allOn)).toEqual([]);
  });
});

describe("the district's navigation", () => {
  const keys = (actor: SignedInActor, mechanisms: Mechanisms) => navItems(actor, mechanisms).map((item) => item.key);

  it("lists every switched-on mechanism the role may use, between the home and the map and dashboard", () => {
    expect(keys(user("resident"), allOn)).toEqual([
      "home",
      "tickets",
      "wishes",
      "needsLists",
      "meetings",
      "volunteers",
      "grids",
      "dashboard",
    ]);
    expect(keys(user("district_admin"), allOn)).toEqual([
      "home",
      "tickets",
      "cadreSecondment",
      "wishes",
      "needsLists",
      "meetings",
      "volunteers",
      "emergencyMode",
      "register",
      "grids",
      "dashboard",
    ]);
    expect(keys(user("department_staff"), allOn)).toEqual(["home", "tickets", "emergencyMode", "grids", "dashboard"]);
    expect(keys(user("cadre"), allOn)).toContain("cadreSecondment");
  });

  it("leaves out what the district has switched off, and the register for those who do not keep it", () => {
    expect(keys(user("district_admin"), { ...allOff, register: true })).toEqual(["home", "register", "grids", "dashboard"]);
    expect(keys(user("resident"), { ...allOff, register: true })).toEqual(["home", "grids", "dashboard"]);
    expect(keys(user("grid_worker"), { ...allOff, wishes: true, emergencyMode: true })).toEqual([
      "home",
      "wishes",
      "emergencyMode",
      "grids",
      "dashboard",
    ]);
  });

  it("keeps the test IDs the browser tests click", () => {
    const ids = navItems(user("district_admin"), allOn).map((item) => item.testID);
    expect(ids).toContain("nav-tickets");
    expect(ids).toContain("open-mechanism-wishes");
    expect(ids).toContain("open-mechanism-cadreSecondment");
    expect(navItems({ type: "operator", userID: "operator" }, allOn)).toEqual([]);
  });
});

const ticketLists = {
  "GET /config/categories": () => ({ items: categories }),
  "GET /config/departments": () => ({ items: departments }),
};

describe("the home page, by role", () => {
  it("a resident sees the report button and their reports with their state, and a navigation without switched-off mechanisms", async () => {
    const { requests } = jianyangApi(
      residentMe,
      { ...ticketConfig, mechanisms: { ...ticketConfig.mechanisms, meetings: false } },
      { ...ticketLists, "GET /tickets": () => ({ items: [ticket({ state: "dispatched" })], cursor: null }) },
    );
    signedIn();
    renderApp("/d/jianyang");
    expect(await screen.findByTestId("home-report", {}, { timeout: 5000 })).toHaveTextContent("我要上报");
    const mine = await screen.findByTestId("my-reports", {}, { timeout: 5000 });
    expect(within(mine).getByTestId("ticket-row").dataset.state).toBe("dispatched");
    expect(requests.find((request) => request.path === "/tickets")?.search.get("mine")).toBe("true");
    expect(screen.getByTestId("district-name")).toHaveTextContent("建阳区");
    expect(screen.queryByTestId("roles")).toBeNull();
    const nav = await screen.findByTestId("district-nav");
    expect(within(nav).getByTestId("open-mechanism-wishes")).toHaveAttribute("href", "/d/jianyang/wishes");
    expect(within(nav).queryByTestId("open-mechanism-meetings")).toBeNull();
    expect(within(nav).queryByTestId("open-mechanism-emergencyMode")).toBeNull();
  });

  it("a resident whose district has nothing switched on is told so, in Chinese", async () => {
    jianyangApi(residentMe, { ...ticketConfig, mechanisms: allOff });
    signedIn();
    renderApp("/d/jianyang");
    expect(await screen.findByText("您的工作台还是空的", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByTestId("home-report")).toBeNull();
  });

  it("a grid worker sees their queues' counts, the overdue count, and the grid's open wishes and needs", async () => {
    jianyangApi(workerMe, ticketConfig, {
      ...ticketLists,
      "GET /tickets": (request) =>
        request.search.get("overdue") === "true"
          ? { items: [ticket({ overdue: true })], cursor: null }
          : { items: [ticket(), ticket({ ticketID: "ticket_2" })], cursor: request.search.get("state") === "collected" ? "next" : null },
      "GET /wishes": () => ({ items: [{ wishID: "wish_1", title: "想要一副老花镜", status: "open" }], cursor: null }),
      "GET /needs": () => ({ items: [], cursor: null }),
    });
    signedIn();
    renderApp("/d/jianyang");
    await waitFor(() => expect(screen.getByTestId("home-queue-collected")).toHaveTextContent("2+"), { timeout: 5000 });
    expect(screen.getByTestId("home-queue-territorial")).toHaveTextContent("2");
    // One overdue ticket in each of collected, territorial and handled.
    await waitFor(() => expect(screen.getByTestId("home-overdue-count")).toHaveTextContent("3"));
    expect(await screen.findByTestId("home-wish")).toHaveTextContent("想要一副老花镜");
    expect(await screen.findByText("本网格暂时没有待认领的清单事项。")).toBeInTheDocument();
    expect(screen.queryByTestId("home-report")).toBeNull();
  });

  it("department staff see their department's queue, soonest due first", async () => {
    const { requests } = jianyangApi(staffMe, ticketConfig, { ...ticketLists, "GET /tickets": () => ({ items: [], cursor: null }) });
    signedIn();
    renderApp("/d/jianyang");
    expect(await screen.findByText("本部门暂无待处置工单", {}, { timeout: 5000 })).toBeInTheDocument();
    const list = requests.find((request) => request.path === "/tickets");
    expect(list?.search.get("departmentKey")).toBe("urban_management");
    expect(list?.search.get("state")).toBe("dispatched");
  });

  it("a district admin keeps the setup checklist and the overview", async () => {
    jianyangApi(adminMe, ticketConfig);
    signedIn();
    renderApp("/d/jianyang");
    expect(await screen.findByTestId("roles", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByTestId("home-report")).toBeNull();
  });
});
