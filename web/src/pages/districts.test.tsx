import { screen, within } from "@solidjs/testing-library";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { District } from "../data/types.ts";
import { adminMe, fujian, jianyang, jianyangConfig, operatorMe, provinceMe, yanping } from "../test/fixtures.ts";
import { fakeApi, problem, renderApp, signedIn, type FakeRequest } from "../test/harness.tsx";

const district = (index: number): District => ({
  ...jianyang,
  tenantID: `district-${index}`,
  nameZh: `第${index}区`,
  nameEn: `District ${index}`,
});

describe("the district directory", () => {
  it("shows the districts as cards and loads more with the cursor", async () => {
    const user = userEvent.setup();
    signedIn();
    fakeApi({
      "GET /me": () => operatorMe,
      "GET /provinces": () => ({ items: [fujian], cursor: null }),
      "GET /districts": (request: FakeRequest) =>
        request.search.get("cursor") === "page-2"
          ? { items: [district(3)], cursor: null }
          : { items: [jianyang, yanping], cursor: "page-2" },
    });
    renderApp("/districts");

    const first = await screen.findByTestId("district-card-jianyang");
    expect(first).toHaveTextContent("建阳区");
    expect(first).toHaveTextContent("运行中");
    expect(await within(first).findByText("南平市 · 福建省")).toBeInTheDocument();
    expect(first).toHaveAttribute("href", "/d/jianyang");
    expect(screen.queryByTestId("district-card-district-3")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("load-more"));
    expect(await screen.findByTestId("district-card-district-3")).toHaveTextContent("第3区");
    expect(within(screen.getByTestId("district-cards")).getAllByRole("listitem")).toHaveLength(3);
    expect(screen.queryByTestId("load-more")).not.toBeInTheDocument();
  });

  it("has an empty state, and no onboarding form for a provincial admin", async () => {
    signedIn();
    fakeApi({
      "GET /me": () => provinceMe,
      "GET /provinces": () => ({ items: [fujian], cursor: null }),
      "GET /districts": () => ({ items: [], cursor: null }),
    });
    renderApp("/districts");
    expect(await screen.findByText("还没有区县")).toBeInTheDocument();
    expect(screen.getByText("本省尚未开通任何区县。")).toBeInTheDocument();
    expect(screen.queryByTestId("onboard-form")).not.toBeInTheDocument();
  });

  it("sends a district user to their own district", async () => {
    signedIn();
    fakeApi({
      "GET /me": () => adminMe,
      "GET /provinces": () => ({ items: [fujian], cursor: null }),
      "GET /districts/jianyang": () => ({ district: jianyang, config: jianyangConfig }),
    });
    const app = renderApp("/districts");
    await screen.findByTestId("district-name");
    expect(app.location()).toBe("/d/jianyang");
  });
});

async function fillOnboarding(user: UserEvent, values: { phone?: string; slug?: string } = {}) {
  await user.type(screen.getByLabelText("租户标识"), values.slug ?? "shaowu");
  await user.type(screen.getByLabelText("区县名称（中文）"), "邵武市");
  await user.type(screen.getByLabelText("区县名称（英文）"), "Shaowu");
  await user.selectOptions(screen.getByLabelText("所属省份"), "fujian");
  await user.type(screen.getByLabelText("所属城市（中文）"), "南平市");
  await user.type(screen.getByLabelText("所属城市（英文）"), "Nanping");
  await user.selectOptions(screen.getByLabelText("初始配置模板"), "minimal");
  await user.type(screen.getByLabelText("姓名"), "王丽");
  await user.type(screen.getByLabelText("手机号"), values.phone ?? "13900000009");
}

describe("onboarding a district", () => {
  const api = (onboard: (request: FakeRequest) => unknown) =>
    fakeApi({
      "GET /me": () => operatorMe,
      "GET /provinces": () => ({ items: [fujian], cursor: null }),
      "GET /districts": () => ({ items: [jianyang], cursor: null }),
      "POST /districts": onboard,
    });

  it("shows a field error from the API beside its field", async () => {
    const user = userEvent.setup();
    signedIn();
    api(() =>
      problem(400, {
        title: "Bad Request",
        code: "input.invalid",
        detail: "The input is not valid.",
        errors: [{ path: "admin.phone", message: "this number already belongs to someone" }],
      }),
    );
    renderApp("/districts");
    await screen.findByRole("option", { name: "福建省" });
    await fillOnboarding(user);
    await user.click(screen.getByRole("button", { name: "开通区县" }));

    expect(await screen.findByText("this number already belongs to someone")).toBeInTheDocument();
    const phone = screen.getByLabelText("手机号");
    expect(phone).toHaveAttribute("aria-invalid", "true");
    expect(phone).toHaveAccessibleDescription("this number already belongs to someone");
    expect(screen.getByTestId("onboard-error")).toHaveTextContent("The input is not valid.");
    expect(screen.getByLabelText("租户标识")).toHaveAttribute("aria-invalid", "false");
  });

  it("marks the slug when another district has it", async () => {
    const user = userEvent.setup();
    signedIn();
    api(() => problem(409, { code: "district.exists", detail: 'A district with the slug "jianyang" already exists.' }));
    renderApp("/districts");
    await screen.findByRole("option", { name: "福建省" });
    await fillOnboarding(user, { slug: "jianyang" });
    await user.click(screen.getByRole("button", { name: "开通区县" }));
    expect(await screen.findByText("该标识已被其他区县使用")).toBeInTheDocument();
    expect(screen.getByLabelText("租户标识")).toHaveAttribute("aria-invalid", "true");
  });

  it("catches missing and malformed fields before sending anything", async () => {
    const user = userEvent.setup();
    signedIn();
    const sent: unknown[] = [];
    api((request) => sent.push(request.body));
    renderApp("/districts");
    await screen.findByRole("option", { name: "福建省" });
    await user.type(screen.getByLabelText("租户标识"), "Bad Slug");
    await user.type(screen.getByLabelText("手机号"), "12345");
    await user.click(screen.getByRole("button", { name: "开通区县" }));

    expect(screen.getByLabelText("租户标识")).toHaveAccessibleDescription("2–40 个小写字母、数字或连字符，以字母开头");
    expect(screen.getByLabelText("手机号")).toHaveAccessibleDescription("请输入以 1 开头的 11 位手机号");
    expect(screen.getByLabelText("区县名称（中文）")).toHaveAccessibleDescription("必填");
    expect(screen.getByTestId("onboard-error")).toHaveTextContent("请修正标出的字段后再提交。");
    expect(sent).toEqual([]);
  });

  it("confirms the new district with a link to it and adds it to the list", async () => {
    const user = userEvent.setup();
    signedIn();
    const shaowu: District = { ...jianyang, tenantID: "shaowu", nameZh: "邵武市", nameEn: "Shaowu" };
    api((request) => {
      expect(request.body).toEqual({
        slug: "shaowu",
        nameZh: "邵武市",
        nameEn: "Shaowu",
        provinceID: "fujian",
        cityZh: "南平市",
        cityEn: "Nanping",
        template: "minimal",
        admin: { name: "王丽", phone: "13900000009" },
      });
      return { district: shaowu, config: jianyangConfig, admin: { userID: "user_01", name: "王丽", roles: ["district_admin"] } };
    });
    renderApp("/districts");
    await screen.findByRole("option", { name: "福建省" });
    await fillOnboarding(user);
    await user.click(screen.getByRole("button", { name: "开通区县" }));

    const success = await screen.findByTestId("onboard-success");
    expect(success).toHaveTextContent("邵武市已开通");
    expect(success).toHaveTextContent("王丽（user_01）");
    expect(within(success).getByRole("link", { name: "进入该区县" })).toHaveAttribute("href", "/d/shaowu");
    expect(screen.getByTestId("district-card-shaowu")).toBeInTheDocument();
  });
});
