import { screen } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { resumeSignIn } from "../data/sign-in.ts";
import { TOKEN_EXPIRES_KEY, TOKEN_KEY } from "../providers/session.tsx";
import { adminMe, fujian, jianyang, jianyangConfig, operatorMe, provinceMe } from "../test/fixtures.ts";
import { fakeApi, renderApp, signedIn } from "../test/harness.tsx";

// The issuer is another site: its refresh (resumeSignIn) is the mock's.
vi.mock("../data/sign-in.ts", () => import("../test/sign-in-mock.ts"));

describe("the start page", () => {
  const api = (me: unknown) =>
    fakeApi({
      "GET /me": () => me,
      "GET /districts": () => ({ items: [jianyang], cursor: null }),
      "GET /districts/jianyang": () => ({ district: jianyang, config: jianyangConfig }),
      "GET /provinces": () => ({ items: [fujian], cursor: null }),
      "GET /dev/accounts": () => ({ accounts: [] }),
    });

  it("sends a district user to their district", async () => {
    signedIn();
    api(adminMe);
    const app = renderApp("/");
    await screen.findByTestId("district-name");
    expect(app.location()).toBe("/d/jianyang");
  });

  it("sends the operator to the district directory and provincial admins to the comparison", async () => {
    signedIn();
    api(operatorMe);
    const operator = renderApp("/");
    await screen.findByTestId("district-card-jianyang", {}, { timeout: 5000 });
    expect(operator.location()).toBe("/districts");
    operator.unmount();

    api(provinceMe);
    const province = renderApp("/");
    await screen.findByTestId("compare-page", {}, { timeout: 5000 });
    expect(province.location()).toBe("/compare");
  });

  it("sends a visitor who is not signed in to the login page", async () => {
    api(adminMe);
    const app = renderApp("/");
    await screen.findByRole("heading", { name: "登录" });
    expect(app.location()).toBe("/login");
  });

  it("forgets a token that has expired", async () => {
    signedIn("old-token");
    localStorage.setItem(TOKEN_EXPIRES_KEY, new Date(Date.now() - 1000).toISOString());
    api(adminMe);
    const app = renderApp("/");
    await screen.findByRole("heading", { name: "登录" });
    expect(app.location()).toBe("/login");
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it("renews an expired session with its refresh token, and goes on to the district without a sign-in", async () => {
    signedIn("old-token");
    localStorage.setItem(TOKEN_EXPIRES_KEY, new Date(Date.now() - 1000).toISOString());
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    vi.mocked(resumeSignIn).mockResolvedValueOnce({ idToken: "renewed-token", expiresAt });
    api(adminMe);
    const app = renderApp("/");
    await screen.findByTestId("district-name");
    expect(app.location()).toBe("/d/jianyang");
    expect([localStorage.getItem(TOKEN_KEY), localStorage.getItem(TOKEN_EXPIRES_KEY)]).toEqual(["renewed-token", expiresAt]);
  });
});

describe("an unknown address", () => {
  it("shows a friendly 404 page with a way back", async () => {
    fakeApi({});
    renderApp("/no/such/page");
    expect(await screen.findByRole("heading", { name: "页面不存在" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "返回首页" })).toHaveAttribute("href", "/");
  });
});
