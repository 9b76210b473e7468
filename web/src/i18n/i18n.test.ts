import { metricGroups } from "../data/metrics.ts";
import { describe, expect, it } from "vitest";
import { mechanismKeys } from "../data/config.ts";
import { gridDictionaries } from "./grids.ts";
import { ticketDictionaries } from "./tickets.ts";
import { menuDictionaries } from "./menu.ts";
import { emergencyDictionaries } from "./emergency.ts";
import { gridFileDictionaries } from "./grid-files.ts";
import { volunteerDictionaries } from "./volunteers.ts";
import { cadreDictionaries } from "./cadres.ts"; // cadres
import { metricDictionaries } from "./metrics.ts"; // metrics
import { dictionaries, languages, translate } from "./index.ts";

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the dictionary", () => {
  it("has every key in both languages, Chinese first", () => {
    expect(languages[0]).toBe("zh-CN");
    const chinese = Object.keys(dictionaries["zh-CN"]).sort();
    const english = Object.keys(dictionaries.en).sort();
    expect(english).toEqual(chinese);
  });

  it("has no empty message and the same placeholders in both languages", () => {
    for (const key of Object.keys(dictionaries["zh-CN"]) as (keyof (typeof dictionaries)["en"])[]) {
      expect(dictionaries["zh-CN"][key].trim(), key).not.toBe("");
      expect(dictionaries.en[key].trim(), key).not.toBe("");
      expect(placeholders(dictionaries.en[key]), key).toEqual(placeholders(dictionaries["zh-CN"][key]));
    }
  });

  it("has the grid pages' part in both languages, with the same placeholders and no key of the main part", () => {
    const chinese = Object.keys(gridDictionaries["zh-CN"]).sort();
    expect(Object.keys(gridDictionaries.en).sort()).toEqual(chinese);
    for (const key of chinese as (keyof (typeof gridDictionaries)["en"])[]) {
      expect(gridDictionaries["zh-CN"][key].trim(), key).not.toBe("");
      expect(gridDictionaries.en[key].trim(), key).not.toBe("");
      expect(placeholders(gridDictionaries.en[key]), key).toEqual(placeholders(gridDictionaries["zh-CN"][key]));
      expect(key in dictionaries["zh-CN"], key).toBe(false);
    }
  });

  it("has the ticket pages' part in both languages, with the same placeholders and no key of the main or the grid part", () => {
    const chinese = Object.keys(ticketDictionaries["zh-CN"]).sort();
    expect(Object.keys(ticketDictionaries.en).sort()).toEqual(chinese);
    for (const key of chinese as (keyof (typeof ticketDictionaries)["en"])[]) {
      expect(ticketDictionaries["zh-CN"][key].trim(), key).not.toBe("");
      expect(ticketDictionaries.en[key].trim(), key).not.toBe("");
      expect(placeholders(ticketDictionaries.en[key]), key).toEqual(placeholders(ticketDictionaries["zh-CN"][key]));
      expect(key in dictionaries["zh-CN"], key).toBe(false);
      expect(key in gridDictionaries["zh-CN"], key).toBe(false);
    }
  });

  it("has the emergency part in both languages, with the same placeholders and no key of another part", () => {
    const chinese = Object.keys(emergencyDictionaries["zh-CN"]).sort();
    expect(Object.keys(emergencyDictionaries.en).sort()).toEqual(chinese);
    for (const key of chinese as (keyof (typeof emergencyDictionaries)["en"])[]) {
      expect(emergencyDictionaries["zh-CN"][key].trim(), key).not.toBe("");
      expect(emergencyDictionaries.en[key].trim(), key).not.toBe("");
      expect(placeholders(emergencyDictionaries.en[key]), key).toEqual(placeholders(emergencyDictionaries["zh-CN"][key]));
      for (const other of [dictionaries["zh-CN"], gridDictionaries["zh-CN"], ticketDictionaries["zh-CN"]])
        expect(key in other, key).toBe(false);
    }
  });

  it("has the grid files part (the import page's readers) in both languages, with the same placeholders and no key of another part", () => {
    const chinese = Object.keys(gridFileDictionaries["zh-CN"]).sort();
    expect(Object.keys(gridFileDictionaries.en).sort()).toEqual(chinese);
    for (const key of chinese as (keyof (typeof gridFileDictionaries)["en"])[]) {
      expect(gridFileDictionaries.en[key].trim(), key).not.toBe("");
      expect(placeholders(gridFileDictionaries.en[key]), key).toEqual(placeholders(gridFileDictionaries["zh-CN"][key]));
      for (const other of [dictionaries["zh-CN"], gridDictionaries["zh-CN"]]) expect(key in other, key).toBe(false);
    }
  });

  it("names every ticket state, closure, step, action and queue in the ticket part", () => {
    const keys = Object.keys(ticketDictionaries["zh-CN"]);
    const expected = [
      ...["collected", "accepted", "dispatched", "handled", "closed"].map((state) => `state.${state}`),
      ...["solved", "not_responsible", "duplicate", "not_accepted", "void"].map((closure) => `closure.${closure}`),
      ...["collect", "accept", "dispatch", "handle", "verify", "rate"].map((step) => `step.${step}`),
      ...["accept", "reject", "dispatch", "handle", "verify", "send_back", "rate", "reopen"].flatMap((action) => [
        `action.${action}`,
        `actions.note.${action}`,
        `actions.confirm.${action}`,
        `actions.done.${action}`,
        `notification.${action}`,
      ]),
      ...["reject", "handle", "send_back", "reopen"].map((action) => `actions.noteRequired.${action}`),
      ...["collect", "accept", "reject", "dispatch", "handle", "verify", "send_back", "rate", "reopen", "photo"].map(
        (action) => `timeline.${action}`,
      ),
      ...["mine", "collected", "accepted", "territorial", "department", "handled", "all"].flatMap((queue) => [
        `queue.${queue}`,
        `queue.${queue}.hint`,
        `queue.${queue}.emptyTitle`,
        `queue.${queue}.emptyBody`,
      ]),
      ...[1, 2, 3, 4, 5].map((rating) => `rating.${rating}`),
    ];
    for (const key of expected) expect(keys, key).toContain(key);
  });

  it("has the wishes, needs and meetings part in both languages, with the same placeholders and no key of the main or ticket part", () => {
    const chinese = Object.keys(menuDictionaries["zh-CN"]).sort();
    expect(Object.keys(menuDictionaries.en).sort()).toEqual(chinese);
    for (const key of chinese as (keyof (typeof menuDictionaries)["en"])[]) {
      expect(menuDictionaries["zh-CN"][key].trim(), key).not.toBe("");
      expect(menuDictionaries.en[key].trim(), key).not.toBe("");
      expect(placeholders(menuDictionaries.en[key]), key).toEqual(placeholders(menuDictionaries["zh-CN"][key]));
      expect(key in dictionaries["zh-CN"], key).toBe(false);
      expect(key in ticketDictionaries["zh-CN"], key).toBe(false);
    }
    for (const state of ["open", "claimed", "fulfilled", "confirmed", "cancelled"]) expect(chinese).toContain(`wishes.status.${state}`);
    for (const state of ["open", "claimed", "closed", "confirmed"]) expect(chinese).toContain(`needs.status.${state}`);
  });

  it("names every access role and every mechanism in both languages", () => {
    const roles = ["resident", "grid_worker", "grid_leader", "department_staff", "district_admin", "provincial_admin", "platform_operator"];
    for (const language of languages) {
      for (const role of roles) expect(Object.keys(dictionaries[language])).toContain(`role.${role}`);
      for (const mechanism of mechanismKeys) {
        expect(Object.keys(dictionaries[language])).toContain(`mechanism.${mechanism}`);
        expect(Object.keys(dictionaries[language])).toContain(`mechanism.${mechanism}.desc`);
      }
    }
    expect(translate("zh-CN", "role.grid_worker")).toBe("网格员");
    expect(translate("en", "mechanism.tickets")).toBe("Snap-and-report");
  });

  it("has the volunteer page's part in both languages, with the same placeholders and no key of the main part", () => {
    const chinese = Object.keys(volunteerDictionaries["zh-CN"]).sort();
    expect(Object.keys(volunteerDictionaries.en).sort()).toEqual(chinese);
    for (const key of chinese as (keyof (typeof volunteerDictionaries)["en"])[]) {
      expect(volunteerDictionaries["zh-CN"][key].trim(), key).not.toBe("");
      expect(volunteerDictionaries.en[key].trim(), key).not.toBe("");
      expect(placeholders(volunteerDictionaries.en[key]), key).toEqual(placeholders(volunteerDictionaries["zh-CN"][key]));
      expect(key in dictionaries["zh-CN"], key).toBe(false);
    }
    for (const kind of ["committee_worker", "consultation", "livelihood_project"]) expect(chinese).toContain(`owners.kind.${kind}`);
    for (const kind of ["lift", "fans", "facade", "other"]) expect(chinese).toContain(`owners.project.${kind}`);
  });

  // ── cadres ──
  it("has the cadre pages' part in both languages, with the same placeholders, every grade and no key of the main part", () => {
    const chinese = Object.keys(cadreDictionaries["zh-CN"]).sort();
    expect(Object.keys(cadreDictionaries.en).sort()).toEqual(chinese);
    for (const key of chinese as (keyof (typeof cadreDictionaries)["en"])[]) {
      expect(cadreDictionaries["zh-CN"][key].trim(), key).not.toBe("");
      expect(cadreDictionaries.en[key].trim(), key).not.toBe("");
      expect(placeholders(cadreDictionaries.en[key]), key).toEqual(placeholders(cadreDictionaries["zh-CN"][key]));
      expect(key in dictionaries["zh-CN"], key).toBe(false);
    }
    for (const grade of ["excellent", "good", "fair", "poor"]) expect(chinese).toContain(`grade.${grade}`);
    expect(cadreDictionaries["zh-CN"]["grade.excellent"]).toBe("优秀");
  });
  // ── end cadres ──

  // ── metrics ──
  it("has the dashboard and comparison part in both languages, with the same placeholders, every group and no key of another part", () => {
    const chinese = Object.keys(metricDictionaries["zh-CN"]).sort();
    expect(Object.keys(metricDictionaries.en).sort()).toEqual(chinese);
    for (const key of chinese as (keyof (typeof metricDictionaries)["en"])[]) {
      expect(metricDictionaries["zh-CN"][key].trim(), key).not.toBe("");
      expect(metricDictionaries.en[key].trim(), key).not.toBe("");
      expect(placeholders(metricDictionaries.en[key]), key).toEqual(placeholders(metricDictionaries["zh-CN"][key]));
      for (const other of [dictionaries["zh-CN"], gridDictionaries["zh-CN"], ticketDictionaries["zh-CN"]])
        expect(key in other, key).toBe(false);
    }
    for (const group of metricGroups) expect(chinese).toContain(`metricGroup.${group}`);
    expect(metricDictionaries["zh-CN"]["dashboard.headline"]).toBe("采集推送民生事件{collected}件、办结{closed}件，办结率{rate}");
  });
  // ── end metrics ──

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("zh-CN", "district.mechanismsSummary", { on: 1, total: 8 })).toBe("已开启 1 / 8 项");
    expect(translate("en", "district.mechanismsSummary", { on: 1 })).toBe("1 of {total} switched on");
  });
});

/** Every zh-CN dictionary part, and the portal's own sources, as text (test files aside). */
const chineseParts = import.meta.glob<string>(["./*zh-CN.ts"], { query: "?raw", import: "default", eager: true });
const sources = import.meta.glob<string>(["../**/*.tsx", "!../**/*.test.tsx", "!../test/**"], {
  query: "?raw",
  import: "default",
  eager: true,
});

describe("the words people read", () => {
  it("say 区县, never the SaaS word 租户, in any zh-CN dictionary part or page", () => {
    expect(Object.keys(chineseParts).length).toBeGreaterThan(8);
    for (const [file, text] of Object.entries({ ...chineseParts, ...sources })) {
      expect(text.includes("租户"), `${file} says 租户`).toBe(false);
    }
  });

  it("never call a district a tenant in English either", () => {
    for (const message of Object.values(dictionaries.en)) expect(message.replace(/\{\w+\}/g, "")).not.toMatch(/\btenants?\b/i);
  });
});
