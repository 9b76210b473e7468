import { MemoryRouter } from "@solidjs/router";
import { render, renderHook, screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { LanguageSwitch } from "../ui/language-switch.tsx";
import { LANGUAGE_KEY, LocaleProvider, useLocale } from "./locale.tsx";
import { useDistrict } from "./district.tsx";
import { useSession } from "./session.tsx";

function Greeting() {
  const { t } = useLocale();
  return <h1>{t("login.title")}</h1>;
}

describe("contexts", () => {
  it("a locale used outside its provider throws a clear error", () => {
    expect(() => renderHook(useLocale)).toThrow(/useLocale\(\) was called outside <LocaleProvider>/);
  });

  it("a district used outside its provider (a page part outside its DistrictGate) throws a clear error", () => {
    expect(() => renderHook(useDistrict)).toThrow(/useDistrict\(\) was called outside <DistrictProvider>/);
  });

  it("a session used outside its provider throws a clear error", () => {
    expect(() =>
      render(() => (
        <MemoryRouter
          root={() => {
            useSession();
            return null;
          }}
        >
          {[]}
        </MemoryRouter>
      )),
    ).toThrow(/useSession\(\) was called outside <SessionProvider>/);
  });
});

describe("the language switch", () => {
  it("starts in Chinese, switches the visible text to English and remembers it", async () => {
    const user = userEvent.setup();
    const { unmount } = render(() => (
      <LocaleProvider>
        <Greeting />
        <LanguageSwitch />
      </LocaleProvider>
    ));
    expect(screen.getByRole("heading")).toHaveTextContent("登录");
    expect(document.documentElement.lang).toBe("zh-CN");

    await user.click(screen.getByTestId("lang-switch"));
    expect(screen.getByRole("heading")).toHaveTextContent("Sign in");
    expect(screen.getByTestId("lang-switch")).toHaveTextContent("中文");
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe("en");
    unmount();

    // A later visit opens in the language chosen before.
    render(() => (
      <LocaleProvider>
        <Greeting />
      </LocaleProvider>
    ));
    expect(screen.getByRole("heading")).toHaveTextContent("Sign in");
  });

  it("ignores a stored value that is not a language", () => {
    localStorage.setItem(LANGUAGE_KEY, "klingon");
    render(() => (
      <LocaleProvider>
        <Greeting />
      </LocaleProvider>
    ));
    expect(screen.getByRole("heading")).toHaveTextContent("登录");
  });
});
