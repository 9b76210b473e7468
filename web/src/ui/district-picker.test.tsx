import { render, screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { createSignal } from "solid-js";
import { describe, expect, it } from "vitest";
import type { DirectoryEntry } from "../data/setup.ts";
import { LocaleProvider } from "../providers/locale.tsx";
import { SessionProvider } from "../providers/session.tsx";
import { directory } from "../test/fixtures.ts";
import { fakeApi } from "../test/harness.tsx";
import { DistrictPicker, matchesDistrict } from "./district-picker.tsx";
import { Router, Route } from "@solidjs/router";

function renderPicker(initial?: string) {
  const chosen: string[] = [];
  fakeApi({ "GET /districts/directory": () => ({ items: directory }) });
  function Page() {
    const [value, setValue] = createSignal(initial);
    return (
      <>
        <label for="picker">所在区县</label>
        <DistrictPicker
          id="picker"
          value={value()}
          onChange={(entry: DirectoryEntry) => {
            chosen.push(entry.slug);
            setValue(entry.slug);
          }}
        />
      </>
    );
  }
  render(() => (
    <Router
      root={(props) => (
        <LocaleProvider>
          <SessionProvider>{props.children}</SessionProvider>
        </LocaleProvider>
      )}
    >
      <Route path="/" component={Page} />
    </Router>
  ));
  return chosen;
}

describe("the district picker", () => {
  it("finds a district by Chinese name, English (pinyin) name, link name or city", () => {
    const [jianyang, , gulou] = directory;
    expect(matchesDistrict(jianyang, "建阳")).toBe(true);
    expect(matchesDistrict(jianyang, "Jian Yang")).toBe(true);
    expect(matchesDistrict(jianyang, "jianyang")).toBe(true);
    expect(matchesDistrict(jianyang, "南平")).toBe(true);
    expect(matchesDistrict(gulou, "南平")).toBe(false);
    expect(matchesDistrict(gulou, "福州")).toBe(true);
  });

  it("is a combobox chosen with the keyboard alone: type, ↓, Enter", async () => {
    const user = userEvent.setup();
    const chosen = renderPicker();
    const box = await screen.findByRole("combobox", { name: "所在区县" });
    await user.click(box);
    await user.type(box, "南平");
    const options = screen.getAllByRole("option");
    expect(options.map((option) => option.textContent)).toEqual(["建阳区福建省南平市", "延平区福建省南平市"]);
    expect(box).toHaveAttribute("aria-expanded", "true");
    expect(box).toHaveAttribute("aria-activedescendant", options[0].id);
    await user.keyboard("{ArrowDown}");
    expect(box).toHaveAttribute("aria-activedescendant", options[1].id);
    await user.keyboard("{Enter}");
    expect(chosen).toEqual(["yanping"]);
    expect(box).toHaveValue("延平区");
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("listbox")).not.toBeInTheDocument();
  });

  it("Escape closes the list and keeps the district chosen before", async () => {
    const user = userEvent.setup();
    const chosen = renderPicker("gulou");
    const box = await screen.findByRole("combobox", { name: "所在区县" });
    expect(box).toHaveValue("鼓楼区");
    await user.clear(box);
    await user.type(box, "zzz");
    expect(screen.getByRole("listbox")).toHaveTextContent("没有找到匹配的区县");
    await user.keyboard("{Escape}");
    expect(box).toHaveValue("鼓楼区");
    expect(chosen).toEqual([]);
  });
});
