import { screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { completeSignIn, startSignIn } from "../data/sign-in.ts";
import { TOKEN_EXPIRES_KEY, TOKEN_KEY } from "../providers/session.tsx";
import { DISTRICT_KEY } from "../ui/district-picker.tsx";
import { adminMe, directory, jianyang, jianyangConfig, operatorMe } from "../test/fixtures.ts";
import { fakeApi, problem, renderApp } from "../test/harness.tsx";

// The issuer's page is another site: here, where the portal sends the browser, and what comes back.
vi.mock("../data/sign-in.ts", () => import("../test/sign-in-mock.ts"));

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

beforeEach(() => {
  vi.mocked(startSignIn).mockReset().mockResolvedValue(undefined);
  vi.mocked(completeSignIn).mockReset();
});

describe("signing in through the OpenID issuer", () => {
  it("the login page sends the person to the issuer, to come back where they were going", async () => {
    const user = userEvent.setup();
    fakeApi({});
    renderApp("/login?returnTo=/d/jianyang/tickets");
    await user.click(await screen.findByTestId("sign-in"));
    expect(startSignIn).toHaveBeenCalledWith("/d/jianyang/tickets");
    expect(screen.getByTestId("register-link")).toHaveAttribute("href", "/register");
  });

  it("a resident picks their district by name: it goes to the issuer, is where they land, and is remembered", async () => {
    const user = userEvent.setup();
    fakeApi({ "GET /districts/directory": () => ({ items: directory }) });
    renderApp("/login");
    await user.type(await screen.findByLabelText("所在区县"), "南平");
    expect(screen.getByTestId("district-option-jianyang")).toHaveTextContent("建阳区");
    expect(screen.queryByTestId("district-option-gulou")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("district-option-jianyang"));
    expect(screen.getByLabelText("所在区县")).toHaveValue("建阳区");
    expect(localStorage.getItem(DISTRICT_KEY)).toBe("jianyang");
    expect(screen.getByTestId("register-link")).toHaveAttribute("href", "/d/jianyang/register");
    await user.click(screen.getByTestId("sign-in"));
    expect(startSignIn).toHaveBeenCalledWith("/d/jianyang", "jianyang");
  });

  it("the district's own link shows its Chinese name and chooses it", async () => {
    const user = userEvent.setup();
    fakeApi({ "GET /districts/directory": () => ({ items: directory }) });
    renderApp("/d/yanping/login");
    expect(await screen.findByLabelText("所在区县")).toHaveValue("延平区");
    expect(screen.getByTestId("login-title")).toHaveTextContent("登录延平区");
    expect(document.title).toContain("登录延平区");
    await user.click(screen.getByTestId("sign-in"));
    expect(startSignIn).toHaveBeenCalledWith("/d/yanping", "yanping");
  });

  it("a link to a district that is not live asks to choose one", async () => {
    fakeApi({ "GET /districts/directory": () => ({ items: directory }) });
    renderApp("/d/atlantis/login");
    expect(await screen.findByTestId("login-unknown-district")).toHaveTextContent("没有找到这个区县的链接");
    expect(await screen.findByLabelText("所在区县")).toHaveValue("");
    expect(screen.queryByText(/atlantis/)).not.toBeInTheDocument();
  });

  it("the district chosen last time is preselected", async () => {
    localStorage.setItem(DISTRICT_KEY, "gulou");
    fakeApi({ "GET /districts/directory": () => ({ items: directory }) });
    renderApp("/login");
    expect(await screen.findByLabelText("所在区县")).toHaveValue("鼓楼区");
  });

  it("back from the issuer, keeps the ID token and opens the person's district", async () => {
    vi.mocked(completeSignIn).mockResolvedValue({ idToken: "jianyang-admin-token", expiresAt: inAnHour(), returnTo: "/" });
    fakeApi({
      "GET /me": (request) => (request.token === "jianyang-admin-token" ? adminMe : problem(401, { detail: "bad token" })),
      "GET /districts/jianyang": () => ({ district: jianyang, config: jianyangConfig }),
      "GET /provinces": () => ({ items: [], cursor: null }),
    });
    const app = renderApp("/auth/callback");
    expect(await screen.findByTestId("district-name")).toHaveTextContent("建阳区");
    expect(app.location()).toBe("/d/jianyang");
    expect(localStorage.getItem(TOKEN_KEY)).toBe("jianyang-admin-token");
    expect(localStorage.getItem(TOKEN_EXPIRES_KEY)).not.toBeNull();
    expect(screen.getByTestId("header-user")).toHaveTextContent("林建华");
  });

  it("sends the operator to the district directory", async () => {
    vi.mocked(completeSignIn).mockResolvedValue({ idToken: "operator-token", expiresAt: inAnHour(), returnTo: "/" });
    fakeApi({
      "GET /me": () => operatorMe,
      "GET /districts": () => ({ items: [jianyang], cursor: null }),
      "GET /provinces": () => ({ items: [], cursor: null }),
    });
    const app = renderApp("/auth/callback");
    // The directory is a lazily loaded page (with the onboarding wizard): give its chunk time to load.
    expect(await screen.findByTestId("district-card-jianyang", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(app.location()).toBe("/districts");
  });

  it("a failed return from the issuer says why and offers to sign in again", async () => {
    vi.mocked(completeSignIn).mockRejectedValue(new Error("No matching state found in storage"));
    fakeApi({});
    const app = renderApp("/auth/callback");
    expect(await screen.findByTestId("login-error")).toHaveTextContent("No matching state found in storage");
    expect(screen.getByRole("link", { name: "重新登录" })).toHaveAttribute("href", "/login");
    expect(app.location()).toBe("/auth/callback");
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it("says so when the issuer cannot be reached", async () => {
    const user = userEvent.setup();
    vi.mocked(startSignIn).mockRejectedValue(new Error("The API did not say where to sign in (HTTP 503)."));
    fakeApi({});
    renderApp("/login");
    await user.click(await screen.findByTestId("sign-in"));
    expect(await screen.findByTestId("login-error")).toHaveTextContent("HTTP 503");
  });
});
