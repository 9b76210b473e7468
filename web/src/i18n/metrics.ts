import { useLocale, type Locale } from "../providers/locale.tsx";
import { fill, type Language, type MessageKey, type MessageParams } from "./index.ts";
import { metricsEn } from "./metrics.en.ts";
import { metricsZhCN, type MetricMessageKey } from "./metrics.zh-CN.ts";

export type { MetricMessageKey };

/** The dashboard's and comparison's part of the dictionary, per language (checked like the main one). */
export const metricDictionaries: Record<Language, Record<MetricMessageKey, string>> = { "zh-CN": metricsZhCN, en: metricsEn };

export interface MetricLocale extends Omit<Locale, "t"> {
  /** A message of the metrics part or of the main dictionary, in the current language. */
  t: (key: MetricMessageKey | MessageKey, params?: MessageParams) => string;
  /** A metric's name (`metric.<key>`), or the key itself for a metric the portal does not know yet. */
  metricName: (key: string) => string;
}

const isMetricKey = (key: string): key is MetricMessageKey => key in metricsZhCN;

/** The locale for the dashboard and the comparison: their own messages on top of the main dictionary. */
export function useMetricLocale(): MetricLocale {
  const locale = useLocale();
  const t = (key: MetricMessageKey | MessageKey, params?: MessageParams) =>
    isMetricKey(key) ? fill(metricDictionaries[locale.language()][key], params) : locale.t(key as MessageKey, params);
  return {
    ...locale,
    t,
    metricName: (key) => (isMetricKey(`metric.${key}`) ? t(`metric.${key}` as MetricMessageKey) : key),
  };
}
