import { createEffect, createSignal, type Accessor, type ParentProps } from "solid-js";
import { defaultLanguage, isLanguage, translate, type Language, type MessageKey, type MessageParams } from "../i18n/index.ts";
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
}

const [LocaleContext, useLocale] = createStrictContext<Locale>("Locale");
export { useLocale };

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
  };

  return <LocaleContext.Provider value={locale}>{props.children}</LocaleContext.Provider>;
}
