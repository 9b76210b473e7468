import { screen, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { District } from "../data/types.ts";
import { adminMe, fujian, jianyang, jianyangConfig, operatorMe, provinceMe, yanping } from "../test/fixtures.ts";
import { fakeApi, renderApp, signedIn, type FakeRequest } from "../test/harness.tsx";

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

describe("onboarding a district", () => {
  it("lives in the onboarding wizard (see onboard-wizard.test.tsx) beside the operator's directory", async () => {
    signedIn();
    fakeApi({
      "GET /me": () => operatorMe,
      "GET /provinces": () => ({ items: [fujian], cursor: null }),
      "GET /districts": () => ({ items: [jianyang], cursor: null }),
    });
    renderApp("/districts");
    expect(await screen.findByTestId("onboard-form", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId("wizard-next")).toBeInTheDocument();
  });
});
