import { render, screen, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { LANGUAGE_KEY, LocaleProvider } from "../providers/locale.tsx";
import { adminMe, fujian, jianyang, jianyangConfig, minimalConfig, operatorMe, yanping } from "../test/fixtures.ts";
import { fakeApi, problem, renderApp, signedIn } from "../test/harness.tsx";
import { DistrictView } from "./district.tsx";

describe("the district home, drawn from a configuration", () => {
  it("shows the tier ladder top-down with the roles of each tier", () => {
    render(() => (
      <LocaleProvider>
        <DistrictView district={jianyang} config={jianyangConfig} province={fujian} />
      </LocaleProvider>
    ));
    const tiers = [...screen.getByTestId("tier-ladder").querySelectorAll(".tier-step")];
    expect(tiers.map((step) => step.querySelector(".tier-name")?.textContent)).toEqual(["一级网格", "二级网格", "三级网格"]);
    expect(tiers[2]).toHaveTextContent("三级网格员");
    expect(tiers[2]).toHaveTextContent("网格助理");
    expect(tiers[0]).not.toHaveTextContent("三级网格员");
    expect(screen.getByTestId("district-name")).toHaveTextContent("建阳区");
    expect(screen.getByText("南平市 · 福建省")).toBeInTheDocument();
  });

  it("lists dedicated-grid kinds, the role catalogue and every mechanism switched on", () => {
    render(() => (
      <LocaleProvider>
        <DistrictView district={jianyang} config={jianyangConfig} province={fujian} />
      </LocaleProvider>
    ));
    expect(
      within(screen.getByTestId("dedicated-kinds"))
        .getAllByRole("listitem")
        .map((chip) => chip.textContent),
    ).toEqual(["学校", "医院", "企业园区"]);

    const rows = within(screen.getByTestId("roles")).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(6);
    const row = (name: string) => rows.find((candidate) => candidate.textContent?.includes(name))!;
    expect(row("一级网格长")).toHaveTextContent("网格长");
    expect(row("一级网格长")).toHaveTextContent("一级网格");
    expect(row("网格指导员")).toHaveTextContent("不限层级");
    expect(row("专属网格员")).toHaveTextContent("专属网格");
    expect(row("网格助理")).toHaveTextContent("下沉干部");

    const mechanisms = within(screen.getByTestId("mechanisms")).getAllByRole("listitem");
    expect(mechanisms).toHaveLength(8);
    expect(mechanisms.every((item) => item.dataset.state === "on")).toBe(true);
    expect(screen.getByTestId("mechanism-tickets")).toHaveTextContent("随手拍");
    expect(screen.getByTestId("mechanism-cadreSecondment")).toHaveTextContent("常态化下沉");
    expect(screen.getByText("已开启 8 / 8 项")).toBeInTheDocument();
  });

  it("marks the mechanisms a district has not switched on, and says when there are no dedicated grids", () => {
    render(() => (
      <LocaleProvider>
        <DistrictView district={yanping} config={minimalConfig} />
      </LocaleProvider>
    ));
    expect(screen.getByTestId("mechanism-tickets").dataset.state).toBe("on");
    expect(screen.getByTestId("mechanism-emergencyMode").dataset.state).toBe("off");
    expect(screen.getByTestId("mechanism-emergencyMode")).toHaveTextContent("未开启");
    expect(screen.getByText("已开启 1 / 8 项")).toBeInTheDocument();
    expect(screen.getByText("尚未配置专属网格类型。")).toBeInTheDocument();
    expect(screen.getByTestId("tier-ladder").querySelectorAll(".tier-step")).toHaveLength(2);
    // Without the province's name, its ID stands in.
    expect(screen.getByText("南平市 · fujian")).toBeInTheDocument();
  });

  it("speaks English when English was chosen", () => {
    localStorage.setItem(LANGUAGE_KEY, "en");
    render(() => (
      <LocaleProvider>
        <DistrictView district={jianyang} config={jianyangConfig} province={fujian} />
      </LocaleProvider>
    ));
    expect(screen.getByTestId("district-name")).toHaveTextContent("Jianyang District");
    expect(screen.getByText("Nanping, Fujian")).toBeInTheDocument();
    expect(screen.getByTestId("mechanism-tickets")).toHaveTextContent("Snap-and-report");
    expect(screen.getByTestId("tier-ladder")).toHaveTextContent("First-level grid");
  });
});

describe("the district page", () => {
  const api = () =>
    fakeApi({
      "GET /me": () => adminMe,
      "GET /districts/jianyang": () => ({ district: jianyang, config: jianyangConfig }),
      "GET /provinces": () => ({ items: [fujian], cursor: null }),
    });

  it("loads the district for a signed-in user, names it in the header and switches language", async () => {
    const user = userEvent.setup();
    signedIn();
    api();
    renderApp("/d/jianyang");
    expect(await screen.findByTestId("district-name")).toHaveTextContent("建阳区");
    expect(await screen.findByTestId("header-district")).toHaveTextContent("建阳区");
    expect(await screen.findByText("南平市 · 福建省")).toBeInTheDocument();
    expect(await screen.findByTestId("header-user")).toHaveTextContent("区级管理员");

    await user.click(screen.getByTestId("lang-switch"));
    expect(screen.getByTestId("district-name")).toHaveTextContent("Jianyang District");
    expect(screen.getByTestId("header-district")).toHaveTextContent("Jianyang District");
    expect(screen.getByTestId("header-user")).toHaveTextContent("District admin");
  });

  it("says so when the district does not exist or may not be seen", async () => {
    signedIn();
    fakeApi({
      "GET /me": () => operatorMe,
      "GET /districts/nowhere": () => problem(404, { code: "district.not_found", detail: 'There is no district "nowhere".' }),
      "GET /provinces": () => ({ items: [fujian], cursor: null }),
    });
    renderApp("/d/nowhere");
    expect(await screen.findByText("找不到该区县")).toBeInTheDocument();
  });

  it("sends a signed-out visitor to the login page", async () => {
    api();
    const app = renderApp("/d/jianyang");
    await screen.findByRole("heading", { name: "登录" });
    expect(app.location()).toBe("/login");
  });

  it("signs out and goes to the login page when the API no longer knows the token", async () => {
    signedIn("stale-token");
    fakeApi({
      "GET /me": () => problem(401, { code: "auth.invalid", detail: "The token is not valid." }),
      "GET /districts/jianyang": () => problem(401, { code: "auth.invalid", detail: "The token is not valid." }),
      "GET /provinces": () => problem(401, { code: "auth.invalid", detail: "The token is not valid." }),
    });
    const app = renderApp("/d/jianyang");
    expect(await screen.findByText("登录已失效，请重新登录。")).toBeInTheDocument();
    expect(app.location()).toBe("/login");
    expect(localStorage.getItem("wangge.token")).toBeNull();
    expect(screen.queryByTestId("sign-out")).not.toBeInTheDocument();
  });

  it("signs out from the header", async () => {
    const user = userEvent.setup();
    signedIn();
    api();
    const app = renderApp("/d/jianyang");
    await user.click(await screen.findByTestId("sign-out"));
    expect(app.location()).toBe("/login");
    expect(localStorage.getItem("wangge.token")).toBeNull();
  });
});
