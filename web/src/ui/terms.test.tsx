import { screen, waitFor } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DistrictConfig } from "../data/types.ts";
import { jianyang } from "../test/fixtures.ts";
import { fakeApi, renderApp, signedIn } from "../test/harness.tsx";
import { categories, departments, residentMe, ticketConfig } from "../test/ticket-fixtures.ts";
import { mechanismName, tierName } from "./terms.ts";

/** A district that calls 随手拍 "随手报" and its tiers 片区/楼栋. */
const ownWords: DistrictConfig = {
  ...ticketConfig,
  tiers: [
    { level: 1, nameZh: "片区", nameEn: "Block" },
    { level: 2, nameZh: "楼栋", nameEn: "Building" },
  ],
  roles: ticketConfig.roles.filter((role) => role.tier === null || role.tier <= 2),
  terms: { mechanisms: { tickets: { nameZh: "随手报", nameEn: "Quick report" } } },
};

const locale = (language: "zh-CN" | "en") => ({
  t: (key: string) => `default:${key}`,
  pick: (names: { nameZh: string; nameEn: string }) => (language === "zh-CN" ? names.nameZh : names.nameEn),
});

describe("the district's own words", () => {
  it("a mechanism's name comes from the district's terms, else the default; a tier's from its tiers", () => {
    expect(mechanismName(ownWords, "tickets", locale("zh-CN") as never)).toBe("随手报");
    expect(mechanismName(ownWords, "tickets", locale("en") as never)).toBe("Quick report");
    expect(mechanismName(ownWords, "wishes", locale("zh-CN") as never)).toBe("default:mechanism.wishes");
    expect(tierName(ownWords, 2, locale("zh-CN"))).toBe("楼栋");
    expect(tierName(ownWords, null, locale("zh-CN"))).toBeUndefined();
    expect(tierName(ownWords, 4, locale("zh-CN"))).toBeUndefined();
  });

  it("the navigation and the ticket pages' title use them, in both languages", async () => {
    const user = userEvent.setup();
    signedIn();
    fakeApi({
      "GET /me": () => residentMe,
      "GET /districts/jianyang": () => ({ district: jianyang, config: ownWords }),
      "GET /provinces": () => ({ items: [], cursor: null }),
      "GET /me/notifications": () => ({ items: [], cursor: null }),
      "GET /config/categories": () => ({ items: categories }),
      "GET /config/departments": () => ({ items: departments }),
      "GET /tickets": () => ({ items: [], cursor: null }),
    });
    renderApp("/d/jianyang");
    // A resident's home is their work; the navigation names the mechanism in the district's words.
    expect(await screen.findByTestId("nav-tickets")).toHaveTextContent("随手报");
    expect(await screen.findByTestId("home-report")).toHaveAttribute("href", "/d/jianyang/tickets/new");

    await user.click(screen.getByTestId("nav-tickets"));
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("随手报"), { timeout: 5000 });
    await user.click(screen.getByTestId("lang-switch"));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Quick report");
    expect(screen.getByTestId("nav-tickets")).toHaveTextContent("Quick report");
  });
});
