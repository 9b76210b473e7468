import { useLocale, type Locale } from "../providers/locale.tsx";
import { emergencyEn } from "./emergency.en.ts";
import { emergencyZhCN, type EmergencyMessageKey } from "./emergency.zh-CN.ts";
import { fill, type Language, type MessageKey, type MessageParams } from "./index.ts";

export type { EmergencyMessageKey };

/** The emergency pages' part of the dictionary, per language (checked like the main one). */
export const emergencyDictionaries: Record<Language, Record<EmergencyMessageKey, string>> = { "zh-CN": emergencyZhCN, en: emergencyEn };

export interface EmergencyLocale extends Omit<Locale, "t"> {
  t: (key: EmergencyMessageKey | MessageKey, params?: MessageParams) => string;
  /** `2022年4月8日 09:00` / `8 Apr 2022, 09:00`. */
  formatDateTime: (iso: string) => string;
}

const isEmergencyKey = (key: string): key is EmergencyMessageKey => key in emergencyZhCN;

/** The locale for the emergency pages and banner: their own messages on top of the main dictionary. */
export function useEmergencyLocale(): EmergencyLocale {
  const locale = useLocale();
  return {
    ...locale,
    t: (key, params) =>
      isEmergencyKey(key) ? fill(emergencyDictionaries[locale.language()][key], params) : locale.t(key as MessageKey, params),
    formatDateTime: (iso) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return new Intl.DateTimeFormat(locale.language(), { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }).format(date);
    },
  };
}
