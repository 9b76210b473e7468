import { createEffect, createSignal, type Accessor, type ParentProps } from "solid-js";
import { defaultLanguage, fill, isLanguage, translate, type Language, type MessageKey, type MessageParams } from "../i18n/index.ts";
import { createStrictContext } from "./context.ts";

export const LANGUAGE_KEY = "wangge.language";

export interface Locale {
  language: Accessor<Language>;
  setLanguage: (language: Language) => void;
  /** zh-CN ⇄ English. */
  toggleLanguage: () => void;
  /** The message for `key` in the current language (reactive). */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Of a bilingual name (`nameZh`/`nameEn`), the one for the current language. */
  pick: (names: { nameZh: string; nameEn: string }) => string;
  /** Of a bilingual name, the one in the other language (shown as a subtitle). */
  other: (names: { nameZh: string; nameEn: string }) => string;
  formatDate: (iso: string) => string;
  /** `2025年3月4日 14:05` / `4 Mar 2025, 14:05`. */
  formatDateTime: (iso: string) => string;
  /** A number with the language's grouping (`3,861`), rounded to `fractionDigits` (0 unless told). */
  formatNumber: (value: number, fractionDigits?: number) => string;
  /** A file size: `812 B`, `36.4 KB`, `5.8 MB`. */
  formatBytes: (bytes: number) => string;
}

/** A part's locale (a page's own dictionary on top of the main one): `t` reads either. */
export interface PartLocale<Key extends string> extends Omit<Locale, "t"> {
  t: (key: Key | MessageKey, params?: MessageParams) => string;
}

const [LocaleContext, useLocale] = createStrictContext<Locale>("Locale");
export { useLocale };

/** The locale of a part of the portal with its own dictionary (checked like the main one): its messages first, then the main ones. */
export function usePartLocale<Key extends string>(dictionaries: Record<Language, Record<Key, string>>): PartLocale<Key> {
  const locale = useLocale();
  const own = (key: string): key is Key => key in dictionaries[defaultLanguage];
  return {
    ...locale,
    t: (key, params) => (own(key) ? fill(dictionaries[locale.language()][key], params) : locale.t(key as MessageKey, params)),
  };
}

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be off (private mode): the default will do.
  }
  return defaultLanguage;
}

export function LocaleProvider(props: ParentProps<{ language?: Language }>) {
  const [language, setLanguageSignal] = createSignal<Language>(props.language ?? storedLanguage());

  function setLanguage(next: Language) {
    setLanguageSignal(next);
    try {
      localStorage.setItem(LANGUAGE_KEY, next);
    } catch {
      // Not persisted; still switched for this visit.
    }
  }

  createEffect(() => {
    document.documentElement.lang = language();
  });

  const numberFormats = new Map<string, Intl.NumberFormat>();
  function formatNumber(value: number, fractionDigits = 0) {
    const id = `${language()}:${fractionDigits}`;
    let format = numberFormats.get(id);
    if (!format) {
      format = new Intl.NumberFormat(language(), { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 });
      numberFormats.set(id, format);
    }
    return format.format(value);
  }

  const locale: Locale = {
    language,
    setLanguage,
    toggleLanguage: () => setLanguage(language() === "zh-CN" ? "en" : "zh-CN"),
    t: (key, params) => translate(language(), key, params),
    pick: (names) => (language() === "zh-CN" ? names.nameZh : names.nameEn),
    other: (names) => (language() === "zh-CN" ? names.nameEn : names.nameZh),
    formatDate: (iso) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return new Intl.DateTimeFormat(language(), { year: "numeric", month: "short", day: "numeric" }).format(date);
    },
    formatDateTime: (iso) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      const options: Intl.DateTimeFormatOptions = {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hour12: false,
      };
      return new Intl.DateTimeFormat(language(), options).format(date);
    },
    formatNumber,
    formatBytes: (bytes) => {
      if (bytes < 1024) return `${formatNumber(bytes)} B`;
      if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
      return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
    },
  };

  return <LocaleContext.Provider value={locale}>{props.children}</LocaleContext.Provider>;
}
