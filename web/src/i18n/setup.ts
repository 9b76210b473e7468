import { usePartLocale, type PartLocale } from "../providers/locale.tsx";
import { setupEn } from "./setup.en.ts";
import { setupZhCN, type SetupMessageKey } from "./setup.zh-CN.ts";
import type { Language } from "./index.ts";

export type { SetupMessageKey };

/** The setup part of the dictionary (wizard, checklist, phone sign-in, registration), per language. */
export const setupDictionaries: Record<Language, Record<SetupMessageKey, string>> = { "zh-CN": setupZhCN, en: setupEn };

export type SetupLocale = PartLocale<SetupMessageKey>;

/** The locale for the setup screens: their own messages on top of the main dictionary. */
export const useSetupLocale = (): SetupLocale => usePartLocale(setupDictionaries);
