import { describe, expect, it } from "vitest";
import { cadreDictionaries } from "./cadres.ts";
import { emergencyDictionaries } from "./emergency.ts";
import { gridFileDictionaries } from "./grid-files.ts";
import { gridDictionaries } from "./grids.ts";
import { dictionaries } from "./index.ts";
import { mapsDictionaries } from "./maps.ts";
import { menuDictionaries } from "./menu.ts";
import { metricDictionaries } from "./metrics.ts";
import { namesDictionaries } from "./names.ts";
import { notificationDictionaries } from "./notifications.ts";
import { registerDictionaries } from "./register.ts";
import { settingsDictionaries } from "./settings.ts";
import { setupDictionaries } from "./setup.ts";
import { ticketDictionaries } from "./tickets.ts";
import { volunteerDictionaries } from "./volunteers.ts";

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the register part of the dictionary (数据平台, records, access log, my record, command map)", () => {
  it("has every key in both languages, with the same placeholders and no key of another part", () => {
    const chinese = Object.keys(registerDictionaries["zh-CN"]).sort();
    expect(Object.keys(registerDictionaries.en).sort()).toEqual(chinese);
    const others: Record<string, Record<string, string>>[] = [
      dictionaries,
      cadreDictionaries,
      emergencyDictionaries,
      gridFileDictionaries,
      gridDictionaries,
      mapsDictionaries,
      menuDictionaries,
      metricDictionaries,
      namesDictionaries,
      notificationDictionaries,
      settingsDictionaries,
      setupDictionaries,
      ticketDictionaries,
      volunteerDictionaries,
    ];
    for (const key of chinese as (keyof (typeof registerDictionaries)["en"])[]) {
      expect(registerDictionaries["zh-CN"][key].trim(), key).not.toBe("");
      expect(registerDictionaries.en[key].trim(), key).not.toBe("");
      expect(placeholders(registerDictionaries.en[key]), key).toEqual(placeholders(registerDictionaries["zh-CN"][key]));
      for (const other of others) expect(key in other["zh-CN"], key).toBe(false);
    }
  });
});
