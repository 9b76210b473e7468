import { usePartLocale, type PartLocale } from "../providers/locale.tsx";
import type { Language } from "./index.ts";
import { metricsEn } from "./metrics.en.ts";
import { metricsZhCN, type MetricMessageKey } from "./metrics.zh-CN.ts";

export type { MetricMessageKey };

/** The dashboard's and comparison's part of the dictionary, per language (checked like the main one). */
export const metricDictionaries: Record<Language, Record<MetricMessageKey, string>> = { "zh-CN": metricsZhCN, en: metricsEn };

export interface MetricLocale extends PartLocale<MetricMessageKey> {
  /** A metric's name (`metric.<key>`), or the key itself for a metric the portal does not know yet. */
  metricName: (key: string) => string;
  /** How a metric is counted (`metricHint.<key>`, the words of `docs/metrics.md`), or undefined if unknown. */
  metricHint: (key: string) => string | undefined;
}

/** The locale for the dashboard and the comparison: their own messages on top of the main dictionary. */
export function useMetricLocale(): MetricLocale {
  const locale = usePartLocale(metricDictionaries);
  return {
    ...locale,
    metricName: (key) => (`metric.${key}` in metricDictionaries["zh-CN"] ? locale.t(`metric.${key}` as MetricMessageKey) : key),
    metricHint: (key) =>
      `metricHint.${key}` in metricDictionaries["zh-CN"] ? locale.t(`metricHint.${key}` as MetricMessageKey) : undefined,
  };
}
