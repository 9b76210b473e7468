import { usePartLocale, type PartLocale } from "../providers/locale.tsx";
import type { Language } from "./index.ts";
import { settingsEn } from "./settings.en.ts";
import { settingsZhCN, type SettingsMessageKey } from "./settings.zh-CN.ts";

export type { SettingsMessageKey };

/** The settings pages' part of the dictionary, per language (checked like the main one). */
export const settingsDictionaries: Record<Language, Record<SettingsMessageKey, string>> = { "zh-CN": settingsZhCN, en: settingsEn };

export type SettingsLocale = PartLocale<SettingsMessageKey>;

/** The locale for the settings pages: their own messages on top of the main dictionary. */
export const useSettingsLocale = (): SettingsLocale => usePartLocale(settingsDictionaries);
