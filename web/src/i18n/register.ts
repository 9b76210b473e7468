import { usePartLocale, type PartLocale } from "../providers/locale.tsx";
import { registerEn } from "./register.en.ts";
import { registerZhCN, type RegisterMessageKey } from "./register.zh-CN.ts";
import type { Language } from "./index.ts";

export type { RegisterMessageKey };

/** The register pages' part of the dictionary, per language (checked like the main one). */
export const registerDictionaries: Record<Language, Record<RegisterMessageKey, string>> = { "zh-CN": registerZhCN, en: registerEn };

export type RegisterLocale = PartLocale<RegisterMessageKey>;

/** The locale for the register pages: their own messages on top of the main dictionary. */
export const useRegisterLocale = (): RegisterLocale => usePartLocale(registerDictionaries);
