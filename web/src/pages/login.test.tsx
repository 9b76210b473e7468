import { screen, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { TOKEN_EXPIRES_KEY, TOKEN_KEY } from "../providers/session.tsx";
import { adminMe, demoAccounts, jianyang, jianyangConfig, operatorMe } from "../test/fixtures.ts";
import { fakeApi, problem, renderApp } from "../test/harness.tsx";

describe("the demo login page", () => {
  it("lists the demo accounts: platform first, then one group per district", async () => {
    fakeApi({ "GET /dev/accounts": () => ({ accounts: demoAccounts }) });
    renderApp("/login");

    const operator = await screen.findByTestId("login-platform-operator");
    expect(operator).toHaveTextContent("平台运营");
    expect(operator).toHaveTextContent("开通新的区县");
    expect(screen.getByTestId("login-jianyang-admin")).toHaveTextContent("区级管理员");
    expect(screen.getByTestId("login-yanping-admin")).toHaveTextContent("郑海燕");

    const groups = screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent);
    expect(groups).toEqual(["手机号登录", "平台与省级", "区县 · jianyang", "区县 · yanping"]);
    const platform = screen.getByRole("region", { name: "平台与省级" });
    // The operator comes before the provincial admin, whatever order the API sends.
    expect(
      within(platform)
        .getAllByRole("button")
        .map((button) => button.dataset.testid),
    ).toEqual(["login-platform-operator", "login-platform-fujian-admin"]);
  });

  it("shows roles and descriptions in the language chosen", async () => {
    const user = userEvent.setup();
    fakeApi({ "GET /dev/accounts": () => ({ accounts: demoAccounts }) });
    renderApp("/login");

    const worker = await screen.findByTestId("login-jianyang-worker");
    expect(worker).toHaveTextContent("网格员");
    expect(worker).toHaveTextContent("三级网格员");

    await user.click(screen.getByTestId("lang-switch"));
    expect(worker).toHaveTextContent("Grid worker");
    expect(worker).toHaveTextContent("Third-level grid worker");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Demo sign-in");
  });

  it("signs in with a click, keeps the token and opens the person's district", async () => {
    const user = userEvent.setup();
    fakeApi({
      "GET /dev/accounts": () => ({ accounts: demoAccounts }),
      "POST /dev/token": (request) => {
        expect(request.body).toEqual({ userID: "admin", tenantID: "jianyang" });
        return { token: "jianyang-admin-token", expiresAt: new Date(Date.now() + 3_600_000).toISOString() };
      },
      "GET /me": (request) => (request.token === "jianyang-admin-token" ? adminMe : problem(401, { detail: "bad token" })),
      "GET /districts/jianyang": () => ({ district: jianyang, config: jianyangConfig }),
      "GET /provinces": () => ({ items: [], cursor: null }),
    });
    const app = renderApp("/login");

    await user.click(await screen.findByTestId("login-jianyang-admin"));

    expect(await screen.findByTestId("district-name")).toHaveTextContent("建阳区");
    expect(app.location()).toBe("/d/jianyang");
    expect(localStorage.getItem(TOKEN_KEY)).toBe("jianyang-admin-token");
    expect(localStorage.getItem(TOKEN_EXPIRES_KEY)).not.toBeNull();
    expect(screen.getByTestId("header-user")).toHaveTextContent("林建华");
  });

  it("sends the operator to the district directory", async () => {
    const user = userEvent.setup();
    fakeApi({
      "GET /dev/accounts": () => ({ accounts: demoAccounts }),
      "POST /dev/token": () => ({ token: "operator-token", expiresAt: new Date(Date.now() + 3_600_000).toISOString() }),
      "GET /me": () => operatorMe,
      "GET /districts": () => ({ items: [jianyang], cursor: null }),
      "GET /provinces": () => ({ items: [], cursor: null }),
    });
    const app = renderApp("/login");
    await user.click(await screen.findByTestId("login-platform-operator"));
    // The directory is a lazily loaded page (with the onboarding wizard): give its chunk time to load.
    expect(await screen.findByTestId("district-card-jianyang", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(app.location()).toBe("/districts");
  });

  it("says demo login is only available locally when the API has no demo accounts", async () => {
    fakeApi({});
    renderApp("/login");
    const message = await screen.findByTestId("login-unavailable");
    expect(message).toHaveTextContent("演示登录仅在本地开发环境中提供");
    expect(screen.queryByRole("button", { name: /平台运营/ })).not.toBeInTheDocument();
  });

  it("shows why signing in failed", async () => {
    const user = userEvent.setup();
    fakeApi({
      "GET /dev/accounts": () => ({ accounts: demoAccounts }),
      "POST /dev/token": () => problem(404, { code: "user.not_found", detail: "There is no such demo user." }),
    });
    const app = renderApp("/login");
    await user.click(await screen.findByTestId("login-jianyang-worker"));
    expect(await screen.findByRole("alert")).toHaveTextContent("登录失败：There is no such demo user.");
    expect(app.location()).toBe("/login");
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });
});
