import { describe, expect, it } from "vitest";
import { cadreDictionaries } from "./cadres.ts";
import { emergencyDictionaries } from "./emergency.ts";
import { gridDictionaries } from "./grids.ts";
import { dictionaries } from "./index.ts";
import { menuDictionaries } from "./menu.ts";
import { metricDictionaries } from "./metrics.ts";
import { settingsDictionaries } from "./settings.ts";
import { setupDictionaries } from "./setup.ts";
import { ticketDictionaries } from "./tickets.ts";
import { volunteerDictionaries } from "./volunteers.ts";

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the setup part of the dictionary (wizard, checklist, phone sign-in, registration)", () => {
  it("has every key in both languages, with the same placeholders and no key of another part", () => {
    const chinese = Object.keys(setupDictionaries["zh-CN"]).sort();
    expect(Object.keys(setupDictionaries.en).sort()).toEqual(chinese);
    const others = [
      dictionaries,
      gridDictionaries,
      ticketDictionaries,
      menuDictionaries,
      emergencyDictionaries,
      volunteerDictionaries,
      cadreDictionaries,
      metricDictionaries,
      settingsDictionaries,
    ];
    for (const key of chinese as (keyof (typeof setupDictionaries)["en"])[]) {
      expect(setupDictionaries["zh-CN"][key].trim(), key).not.toBe("");
      expect(setupDictionaries.en[key].trim(), key).not.toBe("");
      expect(placeholders(setupDictionaries.en[key]), key).toEqual(placeholders(setupDictionaries["zh-CN"][key]));
      for (const other of others) expect(key in other["zh-CN"], key).toBe(false);
    }
  });
});
