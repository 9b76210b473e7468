import { screen, within } from "@solidjs/testing-library";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { District } from "../data/types.ts";
import { fujian, jianyang, jianyangConfig, minimalConfig, operatorMe } from "../test/fixtures.ts";
import { fakeApi, problem, renderApp, signedIn, type FakeRequest } from "../test/harness.tsx";
import { suggestSlug } from "./onboard-wizard.tsx";

const settingsOf = ({ version: _version, updatedAt: _at, updatedBy: _by, ...settings }: typeof jianyangConfig) => settings;
const templates = {
  items: [
    { name: "jianyang", settings: settingsOf(jianyangConfig) },
    { name: "minimal", settings: settingsOf(minimalConfig) },
  ],
};

const api = (onboard: (request: FakeRequest) => unknown = () => problem(500, { detail: "not expected" })) =>
  fakeApi({
    "GET /me": () => operatorMe,
    "GET /provinces": () => ({ items: [fujian], cursor: null }),
    "GET /districts": () => ({ items: [jianyang], cursor: null }),
    "GET /districts/templates": () => templates,
    "POST /districts": onboard,
  });

const next = (user: UserEvent) => user.click(screen.getByTestId("wizard-next"));
const step = () => screen.getByTestId("onboard-form").dataset.step;

/** Goes through every step with good values; ends on the review. */
async function fillWizard(user: UserEvent, values: { phone?: string; slug?: string } = {}) {
  await user.type(screen.getByLabelText("区县名称（中文）"), "邵武市");
  await user.type(screen.getByLabelText("区县名称（英文）"), "Shaowu");
  if (values.slug) {
    await user.clear(screen.getByLabelText("专属链接名"));
    await user.type(screen.getByLabelText("专属链接名"), values.slug);
  }
  await next(user);
  await user.selectOptions(screen.getByLabelText("所属省份"), "fujian");
  await user.type(screen.getByLabelText("所属城市（中文）"), "南平市");
  await user.type(screen.getByLabelText("所属城市（英文）"), "Nanping");
  await next(user);
  await user.click(screen.getByTestId("wizard-template-minimal"));
  await next(user);
  await user.type(screen.getByLabelText("姓名"), "王丽");
  await user.type(screen.getByLabelText("手机号"), values.phone ?? "13900000009");
  await next(user);
}

async function open() {
  signedIn();
  renderApp("/districts");
  await screen.findByTestId("onboard-form", {}, { timeout: 5000 });
}

describe("the onboarding wizard", () => {
  it("suggests a slug from the English name until the operator types their own", async () => {
    expect(suggestSlug("Guangze County")).toBe("guangze-county");
    expect(suggestSlug("  2nd  Shaowu! ")).toBe("nd-shaowu");
    const user = userEvent.setup();
    api();
    await open();
    await user.type(screen.getByLabelText("区县名称（英文）"), "Pucheng County");
    expect(screen.getByLabelText("专属链接名")).toHaveValue("pucheng-county");
    await user.clear(screen.getByLabelText("专属链接名"));
    await user.type(screen.getByLabelText("专属链接名"), "pucheng");
    await user.type(screen.getByLabelText("区县名称（英文）"), "!");
    expect(screen.getByLabelText("专属链接名")).toHaveValue("pucheng");
  });

  it("checks each step's fields before going on, and keeps the values when going back", async () => {
    const user = userEvent.setup();
    const { requests } = api();
    await open();
    expect(screen.queryByTestId("wizard-back")).not.toBeInTheDocument();

    await next(user);
    expect(step()).toBe("names");
    expect(screen.getByLabelText("区县名称（中文）")).toHaveAccessibleDescription("必填");
    expect(screen.getByTestId("onboard-error")).toHaveTextContent("请修正标出的字段后再提交。");

    await user.type(screen.getByLabelText("区县名称（中文）"), "邵武市");
    await user.type(screen.getByLabelText("区县名称（英文）"), "Shaowu");
    await user.clear(screen.getByLabelText("专属链接名"));
    await user.type(screen.getByLabelText("专属链接名"), "Bad Slug");
    await next(user);
    expect(step()).toBe("names");
    expect(screen.getByLabelText("专属链接名")).toHaveAccessibleDescription("2–40 个小写字母、数字或连字符，以字母开头");

    await user.clear(screen.getByLabelText("专属链接名"));
    await user.type(screen.getByLabelText("专属链接名"), "shaowu");
    await next(user);
    expect(step()).toBe("place");
    expect(screen.queryByTestId("onboard-error")).not.toBeInTheDocument();
    await next(user);
    expect(screen.getByLabelText("所属省份")).toHaveAccessibleDescription("必填");

    await user.click(screen.getByTestId("wizard-back"));
    expect(step()).toBe("names");
    expect(screen.getByLabelText("区县名称（中文）")).toHaveValue("邵武市");
    expect(screen.getByLabelText("专属链接名")).toHaveValue("shaowu");
    expect(requests.filter((request) => request.method === "POST")).toEqual([]);
  });

  it("previews the template chosen: tiers, roles, mechanisms on and the number of categories", async () => {
    const user = userEvent.setup();
    api();
    await open();
    await user.type(screen.getByLabelText("区县名称（中文）"), "邵武市");
    await user.type(screen.getByLabelText("区县名称（英文）"), "Shaowu");
    await next(user);
    await user.selectOptions(screen.getByLabelText("所属省份"), "fujian");
    await user.type(screen.getByLabelText("所属城市（中文）"), "南平市");
    await user.type(screen.getByLabelText("所属城市（英文）"), "Nanping");
    await next(user);

    expect(step()).toBe("template");
    expect(await screen.findByTestId("preview-tiers")).toHaveTextContent("一级网格 › 二级网格 › 三级网格");
    expect(screen.getByTestId("preview-mechanisms")).toHaveTextContent("随手拍、常态化下沉");
    await user.click(screen.getByTestId("wizard-template-minimal"));
    expect(screen.getByTestId("preview-tiers")).toHaveTextContent("社区网格 › 基础网格");
    expect(screen.getByTestId("preview-roles")).toHaveTextContent("网格长、网格员");
    expect(screen.getByTestId("preview-mechanisms")).toHaveTextContent(/^随手拍$/);
    expect(screen.getByTestId("preview-categories")).toHaveTextContent(`${minimalConfig.tickets.categories.length} 类`);
  });

  it("sends the payload from the review and shows the district live, with the next steps", async () => {
    const user = userEvent.setup();
    const shaowu: District = { ...jianyang, tenantID: "shaowu", nameZh: "邵武市", nameEn: "Shaowu" };
    const sent: unknown[] = [];
    api((request) => {
      sent.push(request.body);
      return { district: shaowu, config: minimalConfig, admin: { userID: "user_01", name: "王丽", roles: ["district_admin"] } };
    });
    await open();
    await fillWizard(user);

    expect(step()).toBe("review");
    const review = screen.getByTestId("wizard-review");
    expect(review).toHaveTextContent("shaowu");
    expect(review).toHaveTextContent("福建省 · 南平市 / Nanping");
    expect(review).toHaveTextContent("精简模式");
    expect(review).toHaveTextContent("王丽 · 13900000009");
    await user.click(screen.getByTestId("wizard-submit"));

    const success = await screen.findByTestId("onboard-success");
    expect(sent).toEqual([
      {
        slug: "shaowu",
        nameZh: "邵武市",
        nameEn: "Shaowu",
        provinceID: "fujian",
        cityZh: "南平市",
        cityEn: "Nanping",
        template: "minimal",
        admin: { name: "王丽", phone: "13900000009" },
      },
    ]);
    expect(success).toHaveTextContent("邵武市已上线");
    expect(screen.getByTestId("onboard-next-steps")).toHaveTextContent(
      "管理员打开本区专属登录链接 /d/shaowu/login（或在登录页选择本区），用手机号 13900000009 登录。",
    );
    expect(within(success).getByRole("link", { name: "进入该区县" })).toHaveAttribute("href", "/d/shaowu");
    expect(screen.getByTestId("district-card-shaowu")).toBeInTheDocument();
  });

  it("puts a field error from the API on its own step", async () => {
    const user = userEvent.setup();
    api(() =>
      problem(400, {
        code: "input.invalid",
        detail: "The input is not valid.",
        errors: [{ path: "admin.phone", message: "this number already belongs to someone" }],
      }),
    );
    await open();
    await fillWizard(user);
    await user.click(screen.getByTestId("wizard-submit"));

    expect(await screen.findByText("this number already belongs to someone")).toBeInTheDocument();
    expect(step()).toBe("admin");
    expect(screen.getByLabelText("手机号")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("onboard-error")).toHaveTextContent("The input is not valid.");
  });

  it("sends the operator back to the names when the slug is taken", async () => {
    const user = userEvent.setup();
    api(() => problem(409, { code: "district.exists", detail: 'A district with the slug "jianyang" already exists.' }));
    await open();
    await fillWizard(user, { slug: "jianyang" });
    await user.click(screen.getByTestId("wizard-submit"));
    expect(await screen.findByText("该链接名已被其他区县使用")).toBeInTheDocument();
    expect(step()).toBe("names");
    expect(screen.getByLabelText("专属链接名")).toHaveAttribute("aria-invalid", "true");
  });
});
