import { useLocale, type Locale } from "../providers/locale.tsx";
import { fill, type Language, type MessageKey, type MessageParams } from "./index.ts";
import { settingsEn } from "./settings.en.ts";
import { settingsZhCN, type SettingsMessageKey } from "./settings.zh-CN.ts";

export type { SettingsMessageKey };

/** The settings pages' part of the dictionary, per language (checked like the main one). */
export const settingsDictionaries: Record<Language, Record<SettingsMessageKey, string>> = { "zh-CN": settingsZhCN, en: settingsEn };

export interface SettingsLocale extends Omit<Locale, "t"> {
  /** A message of the settings pages' dictionary or of the main one, in the current language. */
  t: (key: SettingsMessageKey | MessageKey, params?: MessageParams) => string;
  formatDateTime: (iso: string) => string;
}

const isSettingsKey = (key: string): key is SettingsMessageKey => key in settingsZhCN;

/** The locale for the settings pages: their own messages on top of the main dictionary. */
export function useSettingsLocale(): SettingsLocale {
  const locale = useLocale();
  return {
    ...locale,
    t: (key, params) => (isSettingsKey(key) ? fill(settingsDictionaries[locale.language()][key], params) : locale.t(key as MessageKey, params)),
    formatDateTime: (iso) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return new Intl.DateTimeFormat(locale.language(), { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }).format(date);
    },
  };
}
