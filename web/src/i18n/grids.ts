import { usePartLocale, type PartLocale } from "../providers/locale.tsx";
import type { Language } from "./index.ts";
import { gridsEn } from "./grids.en.ts";
import { gridsZhCN, type GridMessageKey } from "./grids.zh-CN.ts";

export type { GridMessageKey };

/** The grid pages' part of the dictionary, per language (checked like the main one). */
export const gridDictionaries: Record<Language, Record<GridMessageKey, string>> = { "zh-CN": gridsZhCN, en: gridsEn };

export type GridLocale = PartLocale<GridMessageKey>;

/** The locale for the grid pages: their own messages on top of the main dictionary. */
export const useGridLocale = (): GridLocale => usePartLocale(gridDictionaries);
