import { usePartLocale, type PartLocale } from "../providers/locale.tsx";
import { gridFilesEn } from "./grid-files.en.ts";
import { gridFilesZhCN, type GridFileMessageKey } from "./grid-files.zh-CN.ts";
import { gridDictionaries, type GridMessageKey } from "./grids.ts";
import type { Language } from "./index.ts";

export type { GridFileMessageKey };

/** Reading grid files (the import page's part), per language (checked like the main one). */
export const gridFileDictionaries: Record<Language, Record<GridFileMessageKey, string>> = { "zh-CN": gridFilesZhCN, en: gridFilesEn };

const importDictionaries: Record<Language, Record<GridMessageKey | GridFileMessageKey, string>> = {
  "zh-CN": { ...gridDictionaries["zh-CN"], ...gridFileDictionaries["zh-CN"] },
  en: { ...gridDictionaries.en, ...gridFileDictionaries.en },
};

/** The import page's locale: the grid part and its own, on top of the main dictionary. */
export const useGridImportLocale = (): PartLocale<GridMessageKey | GridFileMessageKey> => usePartLocale(importDictionaries);
