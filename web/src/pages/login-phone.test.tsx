import { screen } from "@solidjs/testing-library";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { TOKEN_KEY } from "../providers/session.tsx";
import { adminMe, demoAccounts, jianyang, jianyangConfig } from "../test/fixtures.ts";
import { fakeApi, problem, renderApp, type FakeRequest } from "../test/harness.tsx";

const api = (token: (request: FakeRequest) => unknown) =>
  fakeApi({
    "GET /dev/accounts": () => ({ accounts: demoAccounts }),
    "POST /dev/token": token,
    "GET /me": (request) => (request.token === "phone-token" ? adminMe : problem(401, { detail: "bad token" })),
    "GET /districts/jianyang": () => ({ district: jianyang, config: jianyangConfig }),
    "GET /provinces": () => ({ items: [], cursor: null }),
  });

async function signInByPhone(user: UserEvent, district: string, phone: string) {
  // The form is there in local mode, once the demo accounts have loaded.
  await screen.findByTestId("phone-login");
  if (district) await user.type(screen.getByTestId("phone-login-district"), district);
  if (phone) await user.type(screen.getByTestId("phone-login-phone"), phone);
  await user.click(screen.getByTestId("phone-login-submit"));
}

describe("signing in with a phone number", () => {
  it("is offered only where the local sign-in is (no demo accounts: no phone form)", async () => {
    fakeApi({});
    renderApp("/login");
    await screen.findByTestId("login-unavailable");
    expect(screen.queryByTestId("phone-login")).not.toBeInTheDocument();
  });

  it("sends the district and the phone and opens the person's district", async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    api((request) => {
      sent.push(request.body);
      return { token: "phone-token", expiresAt: new Date(Date.now() + 3_600_000).toISOString() };
    });
    const app = renderApp("/login");
    await signInByPhone(user, " JianYang ", "138 0000 0001");

    expect(await screen.findByTestId("district-name")).toHaveTextContent("建阳区");
    expect(sent).toEqual([{ tenantID: "jianyang", phone: "13800000001" }]);
    expect(localStorage.getItem(TOKEN_KEY)).toBe("phone-token");
    expect(app.location()).toBe("/d/jianyang");
  });

  it("checks the fields before asking", async () => {
    const user = userEvent.setup();
    const { requests } = api(() => problem(500, { detail: "not expected" }));
    renderApp("/login");
    await signInByPhone(user, "", "12345");
    expect(screen.getByLabelText("租户标识")).toHaveAccessibleDescription("请输入租户标识");
    expect(screen.getByLabelText("手机号")).toHaveAccessibleDescription("请输入以 1 开头的 11 位手机号");
    expect(requests.filter((request) => request.path === "/dev/token")).toEqual([]);
  });

  it.each([
    ["a resident waiting for approval", problem(403, { code: "user.pending", detail: "pending" }), "您的注册还在等待本区工作人员审核"],
    ["a disabled account", problem(403, { code: "user.disabled", detail: "disabled" }), "该账号已被停用，请联系本区管理员。"],
    ["an unknown phone", problem(404, { code: "user.not_found", detail: "No active user" }), "在该区没有找到这个手机号"],
    [
      "an unknown district",
      problem(404, { code: "district.not_found", detail: "There is no district" }),
      "没有找到这个区县，请检查租户标识。",
    ],
  ])("tells %s what is the matter", async (_case, answer, message) => {
    const user = userEvent.setup();
    api(() => answer);
    const app = renderApp("/login");
    await signInByPhone(user, "jianyang", "13800000009");
    expect(await screen.findByTestId("phone-login-error")).toHaveTextContent(message);
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(app.location()).toBe("/login");
  });

  it("links to the residents' registration", async () => {
    const user = userEvent.setup();
    api(() => problem(500, { detail: "not expected" }));
    const app = renderApp("/login");
    await user.click(await screen.findByTestId("register-link"));
    expect(await screen.findByTestId("register-district", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(app.location()).toBe("/register");
  });
});
