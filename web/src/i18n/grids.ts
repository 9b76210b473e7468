import { useLocale, type Locale } from "../providers/locale.tsx";
import { fill, type Language, type MessageKey, type MessageParams } from "./index.ts";
import { gridsEn } from "./grids.en.ts";
import { gridsZhCN, type GridMessageKey } from "./grids.zh-CN.ts";

export type { GridMessageKey };

/** The grid pages' part of the dictionary, per language (checked like the main one). */
export const gridDictionaries: Record<Language, Record<GridMessageKey, string>> = { "zh-CN": gridsZhCN, en: gridsEn };

export interface GridLocale extends Omit<Locale, "t"> {
  /** A message of the grid pages' dictionary or of the main one, in the current language. */
  t: (key: GridMessageKey | MessageKey, params?: MessageParams) => string;
  /** A number with the language's grouping (`3,861`). */
  formatNumber: (value: number, fractionDigits?: number) => string;
  /** A file size: `812 B`, `36.4 KB`, `5.8 MB`. */
  formatBytes: (bytes: number) => string;
}

const isGridKey = (key: string): key is GridMessageKey => key in gridsZhCN;

/** The locale for the grid pages: their own messages on top of the main dictionary. */
export function useGridLocale(): GridLocale {
  const locale = useLocale();
  const formats = new Map<string, Intl.NumberFormat>();
  const formatNumber = (value: number, fractionDigits = 0) => {
    const id = `${locale.language()}:${fractionDigits}`;
    let format = formats.get(id);
    if (!format) {
      format = new Intl.NumberFormat(locale.language(), { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 });
      formats.set(id, format);
    }
    return format.format(value);
  };
  return {
    ...locale,
    t: (key, params) =>
      isGridKey(key) ? fill(gridDictionaries[locale.language()][key], params) : locale.t(key as MessageKey, params),
    formatNumber,
    formatBytes: (bytes) => {
      if (bytes < 1024) return `${formatNumber(bytes)} B`;
      if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
      return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
    },
  };
}
