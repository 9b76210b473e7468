import { useLocale, type Locale } from "../providers/locale.tsx";
import { setupEn } from "./setup.en.ts";
import { setupZhCN, type SetupMessageKey } from "./setup.zh-CN.ts";
import { fill, type Language, type MessageKey, type MessageParams } from "./index.ts";

export type { SetupMessageKey };

/** The setup part of the dictionary (wizard, checklist, phone sign-in, registration), per language. */
export const setupDictionaries: Record<Language, Record<SetupMessageKey, string>> = { "zh-CN": setupZhCN, en: setupEn };

export interface SetupLocale extends Omit<Locale, "t"> {
  t: (key: SetupMessageKey | MessageKey, params?: MessageParams) => string;
}

const isSetupKey = (key: string): key is SetupMessageKey => key in setupZhCN;

/** The locale for the setup screens: their own messages on top of the main dictionary. */
export function useSetupLocale(): SetupLocale {
  const locale = useLocale();
  return {
    ...locale,
    t: (key, params) => (isSetupKey(key) ? fill(setupDictionaries[locale.language()][key], params) : locale.t(key as MessageKey, params)),
  };
}
