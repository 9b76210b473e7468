import { useLocale, type Locale } from "../providers/locale.tsx";
import { fill, type Language, type MessageKey, type MessageParams } from "./index.ts";
import { volunteersEn } from "./volunteers.en.ts";
import { volunteersZhCN, type VolunteerMessageKey } from "./volunteers.zh-CN.ts";

export type { VolunteerMessageKey };

/** The volunteer page's part of the dictionary, per language (checked like the main one). */
export const volunteerDictionaries: Record<Language, Record<VolunteerMessageKey, string>> = { "zh-CN": volunteersZhCN, en: volunteersEn };

export interface VolunteerLocale extends Omit<Locale, "t"> {
  /** A message of the volunteer page's dictionary or of the main one, in the current language. */
  t: (key: VolunteerMessageKey | MessageKey, params?: MessageParams) => string;
  formatNumber: (value: number) => string;
}

const isVolunteerKey = (key: string): key is VolunteerMessageKey => key in volunteersZhCN;

/** The locale for the volunteer page: its own messages on top of the main dictionary. */
export function useVolunteerLocale(): VolunteerLocale {
  const locale = useLocale();
  return {
    ...locale,
    t: (key, params) => (isVolunteerKey(key) ? fill(volunteerDictionaries[locale.language()][key], params) : locale.t(key as MessageKey, params)),
    formatNumber: (value) => new Intl.NumberFormat(locale.language(), { maximumFractionDigits: 0 }).format(value),
  };
}
