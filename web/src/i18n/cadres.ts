import { usePartLocale, type PartLocale } from "../providers/locale.tsx";
import { cadresEn } from "./cadres.en.ts";
import { cadresZhCN, type CadreMessageKey } from "./cadres.zh-CN.ts";
import type { Language } from "./index.ts";

export type { CadreMessageKey };

/** The cadre pages' part of the dictionary, per language (checked like the main one). */
export const cadreDictionaries: Record<Language, Record<CadreMessageKey, string>> = { "zh-CN": cadresZhCN, en: cadresEn };

export type CadreLocale = PartLocale<CadreMessageKey>;

/** The locale for the cadre pages: their own messages on top of the main dictionary. */
export const useCadreLocale = (): CadreLocale => usePartLocale(cadreDictionaries);
