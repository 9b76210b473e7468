import { describe, expect, it } from "vitest";
import { dictionaries } from "./index.ts";
import { mapsDictionaries } from "./maps.ts";
import { ticketDictionaries } from "./tickets.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the maps' part of the dictionary", () => {
  it("has every key in both languages, with the same placeholders and no key of the main or ticket part", () => {
    const chinese = Object.keys(mapsDictionaries["zh-CN"]).sort();
    expect(Object.keys(mapsDictionaries.en).sort()).toEqual(chinese);
    for (const key of chinese as (keyof (typeof mapsDictionaries)["en"])[]) {
      expect(mapsDictionaries["zh-CN"][key].trim(), key).not.toBe("");
      expect(mapsDictionaries.en[key].trim(), key).not.toBe("");
      expect(placeholders(mapsDictionaries.en[key]), key).toEqual(placeholders(mapsDictionaries["zh-CN"][key]));
      expect(key in dictionaries["zh-CN"], key).toBe(false);
      expect(key in ticketDictionaries["zh-CN"], key).toBe(false);
    }
  });
});
