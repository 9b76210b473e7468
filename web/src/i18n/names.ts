import { usePartLocale, type PartLocale } from "../providers/locale.tsx";
import type { Language } from "./index.ts";
import { namesEn } from "./names.en.ts";
import { namesZhCN, type NamesMessageKey } from "./names.zh-CN.ts";

export type { NamesMessageKey };

/** The grid select's (and people's names') part of the dictionary, per language (checked like the main one). */
export const namesDictionaries: Record<Language, Record<NamesMessageKey, string>> = { "zh-CN": namesZhCN, en: namesEn };

export type NamesLocale = PartLocale<NamesMessageKey>;

export const useNamesLocale = (): NamesLocale => usePartLocale(namesDictionaries);
