import { useLocale, type Locale } from "../providers/locale.tsx";
import { cadresEn } from "./cadres.en.ts";
import { cadresZhCN, type CadreMessageKey } from "./cadres.zh-CN.ts";
import { fill, type Language, type MessageKey, type MessageParams } from "./index.ts";

export type { CadreMessageKey };

/** The cadre pages' part of the dictionary, per language (checked like the main one). */
export const cadreDictionaries: Record<Language, Record<CadreMessageKey, string>> = { "zh-CN": cadresZhCN, en: cadresEn };

export interface CadreLocale extends Omit<Locale, "t"> {
  /** A message of the cadre pages' dictionary or of the main one, in the current language. */
  t: (key: CadreMessageKey | MessageKey, params?: MessageParams) => string;
}

const isCadreKey = (key: string): key is CadreMessageKey => key in cadresZhCN;

/** The locale for the cadre pages: their own messages on top of the main dictionary. */
export function useCadreLocale(): CadreLocale {
  const locale = useLocale();
  return {
    ...locale,
    t: (key, params) => (isCadreKey(key) ? fill(cadreDictionaries[locale.language()][key], params) : locale.t(key as MessageKey, params)),
  };
}
