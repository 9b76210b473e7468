import { usePartLocale, type PartLocale } from "../providers/locale.tsx";
import type { Language } from "./index.ts";
import { registerImportEn } from "./register-import.en.ts";
import { registerImportZhCN, type RegisterImportMessageKey } from "./register-import.zh-CN.ts";

export type { RegisterImportMessageKey };

/** The register import page's part of the dictionary, per language. */
export const registerImportDictionaries: Record<Language, Record<RegisterImportMessageKey, string>> = {
  "zh-CN": registerImportZhCN,
  en: registerImportEn,
};

export type RegisterImportLocale = PartLocale<RegisterImportMessageKey>;

export const useRegisterImportLocale = (): RegisterImportLocale => usePartLocale(registerImportDictionaries);
