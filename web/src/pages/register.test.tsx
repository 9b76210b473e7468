import { screen } from "@solidjs/testing-library";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { startSignIn } from "../data/sign-in.ts";
import type { Me } from "../data/types.ts";
import { TOKEN_KEY } from "../providers/session.tsx";
import { DISTRICT_KEY } from "../ui/district-picker.tsx";
import { directory, jianyang, jianyangConfig } from "../test/fixtures.ts";
import { fakeApi, problem, renderApp, type FakeRequest } from "../test/harness.tsx";

// The issuer's page is another site: here, only where the portal would send the browser.
vi.mock("../data/sign-in.ts", () => import("../test/sign-in-mock.ts"));

const residentMe: Me = {
  actor: { type: "user", userID: "user_r1", tenantID: "jianyang", roles: ["resident"] },
  profile: { userID: "user_r1", name: "陈小雨", phoneMasked: "139****0042", roles: ["resident"], tenantID: "jianyang", provinceID: null },
};

const registration = (overrides: Partial<{ selfRegistration: boolean; approval: boolean }> = {}) => ({
  tenantID: "jianyang",
  nameZh: "建阳区",
  nameEn: "Jianyang District",
  selfRegistration: true,
  approval: false,
  ...overrides,
});

function api(routes: {
  registration?: () => unknown;
  start?: (request: FakeRequest) => unknown;
  register?: (request: FakeRequest) => unknown;
}) {
  return fakeApi({
    "GET /districts/directory": () => ({ items: directory }),
    "GET /districts/jianyang/registration": routes.registration ?? (() => registration()),
    "POST /districts/jianyang/registrations": routes.start ?? (() => ({ sent: true, expiresInSeconds: 300 })),
    "POST /districts/jianyang/residents": routes.register ?? (() => problem(500, { detail: "not expected" })),
    "GET /me": (request) => (request.token === "resident-token" ? residentMe : problem(401, { detail: "bad token" })),
    "GET /districts/jianyang": () => ({ district: jianyang, config: jianyangConfig }),
    "GET /provinces": () => ({ items: [], cursor: null }),
  });
}

/** Picks the district from the list by part of its Chinese name. */
async function findDistrict(user: UserEvent, typed = "建阳") {
  await user.type(await screen.findByTestId("district-picker", {}, { timeout: 5000 }), typed);
  await user.click(await screen.findByTestId("district-option-jianyang"));
}

/** Step 1: name and phone, then "send me a code". */
async function fill(user: UserEvent, name: string, phone: string) {
  if (name) await user.type(await screen.findByTestId("register-name"), name);
  if (phone) await user.type(screen.getByTestId("register-phone"), phone);
  await user.click(screen.getByTestId("register-submit"));
}

/** Step 2: the code from the SMS. */
async function enterCode(user: UserEvent, code: string) {
  const field = await screen.findByTestId("register-code");
  await user.clear(field);
  await user.type(field, code);
  await user.click(screen.getByTestId("register-verify"));
}

describe("residents registering themselves", () => {
  it("an open district: the resident registers, then goes on to sign in at the issuer, to come back to the district home", async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    api({
      register: (request) => {
        sent.push(request.body);
        return { userID: "user_r1", status: "active" };
      },
    });
    renderApp("/register");
    await findDistrict(user);
    expect(await screen.findByTestId("register-district-name")).toHaveTextContent("建阳区");
    expect(screen.queryByTestId("register-approval")).not.toBeInTheDocument();
    await fill(user, "陈小雨", "13900000042");
    expect(await screen.findByTestId("register-sent")).toHaveTextContent("验证码已发送至 139****0042，5 分钟内有效。");
    // Another code waits a minute.
    expect(screen.getByTestId("register-resend")).toBeDisabled();
    expect(screen.getByTestId("register-resend")).toHaveTextContent(/\d+ 秒后可重新获取/);
    await enterCode(user, "123456");

    await vi.waitFor(() => expect(startSignIn).toHaveBeenCalledWith("/d/jianyang", "jianyang"));
    expect(sent).toEqual([{ phone: "13900000042", code: "123456" }]);
  });

  it("a district that approves: the resident is told the staff will approve, and is not signed in", async () => {
    const user = userEvent.setup();
    api({ registration: () => registration({ approval: true }), register: () => ({ userID: "user_r1", status: "pending" }) });
    const app = renderApp("/register");
    await findDistrict(user);
    expect(await screen.findByTestId("register-approval")).toHaveTextContent("注册后需要本区工作人员审核。");
    await fill(user, "陈小雨", "13900000042");
    await enterCode(user, "123456");

    const pending = await screen.findByTestId("register-pending");
    expect(pending).toHaveTextContent("建阳区的工作人员审核通过后，您就可以用手机号登录。");
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(app.location()).toBe("/register");
  });

  it("a closed district says so and shows no form", async () => {
    const user = userEvent.setup();
    api({ registration: () => registration({ selfRegistration: false }) });
    renderApp("/register");
    await findDistrict(user);
    expect(await screen.findByTestId("register-closed")).toHaveTextContent("建阳区暂未开放居民注册");
    expect(screen.queryByTestId("register-name")).not.toBeInTheDocument();
  });

  it("the district's own link opens its registration by name, and the choice is remembered for next time", async () => {
    api({});
    renderApp("/d/jianyang/register");
    expect(await screen.findByTestId("register-district-name", {}, { timeout: 5000 })).toHaveTextContent("建阳区");
    expect(screen.getByTestId("register-form")).toHaveTextContent("注册加入建阳区");
    expect(localStorage.getItem(DISTRICT_KEY)).toBe("jianyang");
    expect(screen.queryByText(/jianyang/)).not.toBeInTheDocument();
  });

  it("a district chosen before is preselected by name", async () => {
    const user = userEvent.setup();
    localStorage.setItem(DISTRICT_KEY, "jianyang");
    api({});
    renderApp("/register");
    expect(await screen.findByTestId("district-picker", {}, { timeout: 5000 })).toHaveValue("建阳区");
    await user.click(screen.getByTestId("register-find-submit"));
    expect(await screen.findByTestId("register-district-name")).toHaveTextContent("建阳区");
  });

  it("a link to an unknown district asks to choose from the list", async () => {
    api({});
    renderApp("/d/atlantis/register");
    expect(await screen.findByText("没有找到这个区县，请从列表中选择。", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(await screen.findByLabelText("所在区县")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("district-picker")).toHaveValue("");
  });

  it("a phone registered already, a wrong code, or a district that closed meanwhile, is explained", async () => {
    const user = userEvent.setup();
    let answer = problem(409, { code: "user.exists", detail: "exists" });
    api({ register: () => answer });
    renderApp("/register");
    await findDistrict(user);
    await fill(user, "", "12");
    expect(screen.getByLabelText("姓名")).toHaveAccessibleDescription("请输入姓名");
    expect(screen.getByLabelText("手机号")).toHaveAccessibleDescription("请输入以 1 开头的 11 位手机号");

    await user.type(screen.getByTestId("register-name"), "陈小雨");
    await user.clear(screen.getByTestId("register-phone"));
    await fill(user, "", "13900000042");
    await enterCode(user, "12");
    expect(screen.getByLabelText("验证码")).toHaveAccessibleDescription("请输入 6 位数字验证码");

    answer = problem(400, { code: "code.wrong", detail: "wrong", errors: [{ path: "code", message: "not the code" }] });
    await enterCode(user, "000000");
    expect(await screen.findByText("验证码不正确，请核对短信后重试。")).toBeInTheDocument();

    answer = problem(409, { code: "user.exists", detail: "exists" });
    await enterCode(user, "123456");
    expect(await screen.findByText("这个手机号已在本区注册，请直接登录。")).toBeInTheDocument();

    answer = problem(429, { code: "code.locked", detail: "locked" }, { "retry-after": "900" });
    await enterCode(user, "123456");
    expect(await screen.findByTestId("register-error")).toHaveTextContent("验证码错误次数过多，请 15 分钟后再试。");

    answer = problem(403, { code: "registration.closed", detail: "closed" });
    await enterCode(user, "123456");
    expect(await screen.findByTestId("register-error")).toHaveTextContent("本区暂未开放居民注册。");
  });

  it("too many codes: the 429's wait is shown, and the button waits as long", async () => {
    const user = userEvent.setup();
    api({ start: () => problem(429, { code: "rate.phone", detail: "too many" }, { "retry-after": "1800" }) });
    renderApp("/register");
    await findDistrict(user);
    await fill(user, "陈小雨", "13900000042");
    expect(await screen.findByTestId("register-error")).toHaveTextContent("该手机号获取验证码过于频繁，请 30 分钟后再试。");
    expect(screen.getByTestId("register-submit")).toHaveTextContent(/\d+ 秒后可重新获取/);
    expect(screen.queryByTestId("register-code")).not.toBeInTheDocument();
  });
});
