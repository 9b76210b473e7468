import { usePartLocale, type PartLocale } from "../providers/locale.tsx";
import type { Language } from "./index.ts";
import { mapsEn } from "./maps.en.ts";
import { mapsZhCN, type MapsMessageKey } from "./maps.zh-CN.ts";

export type { MapsMessageKey };

/** The maps' part of the dictionary (nearby reports, base map), per language. */
export const mapsDictionaries: Record<Language, Record<MapsMessageKey, string>> = { "zh-CN": mapsZhCN, en: mapsEn };

export type MapsLocale = PartLocale<MapsMessageKey>;

/** The locale for the maps' pieces: their own messages on top of the main dictionary. */
export const useMapsLocale = (): MapsLocale => usePartLocale(mapsDictionaries);
