import { usePartLocale, type PartLocale } from "../providers/locale.tsx";
import type { Language } from "./index.ts";
import { menuEn } from "./menu.en.ts";
import { menuZhCN, type MenuMessageKey } from "./menu.zh-CN.ts";

export type { MenuMessageKey };

/** The part of the dictionary for micro-wishes, needs lists and meetings (loaded with those pages). */
export const menuDictionaries: Record<Language, Record<MenuMessageKey, string>> = { "zh-CN": menuZhCN, en: menuEn };

export type MenuLocale = PartLocale<MenuMessageKey>;

/** The locale for the menu pages (needs, meetings, wishes): their own messages on top of the main dictionary. */
export const useMenuLocale = (): MenuLocale => usePartLocale(menuDictionaries);
