import { useLocale, type Locale } from "../providers/locale.tsx";
import { fill, type Language, type MessageKey, type MessageParams } from "./index.ts";
import { menuEn } from "./menu.en.ts";
import { menuZhCN, type MenuMessageKey } from "./menu.zh-CN.ts";

export type { MenuMessageKey };

/** The part of the dictionary for micro-wishes, needs lists and meetings (loaded with those pages). */
export const menuDictionaries: Record<Language, Record<MenuMessageKey, string>> = { "zh-CN": menuZhCN, en: menuEn };

export interface MenuLocale extends Omit<Locale, "t"> {
  t: (key: MenuMessageKey | MessageKey, params?: MessageParams) => string;
  /** `2022年5月20日 19:30` / `20 May 2022, 19:30`. */
  formatDateTime: (iso: string) => string;
  formatNumber: (value: number) => string;
}

const isMenuKey = (key: string): key is MenuMessageKey => key in menuZhCN;

export function useMenuLocale(): MenuLocale {
  const locale = useLocale();
  return {
    ...locale,
    t: (key, params) => (isMenuKey(key) ? fill(menuDictionaries[locale.language()][key], params) : locale.t(key as MessageKey, params)),
    formatDateTime: (iso) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return new Intl.DateTimeFormat(locale.language(), { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }).format(date);
    },
    formatNumber: (value) => new Intl.NumberFormat(locale.language(), { maximumFractionDigits: 0 }).format(value),
  };
}
