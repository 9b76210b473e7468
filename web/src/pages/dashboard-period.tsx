import { For, Show } from "solid-js";
import { periodKind, switchPeriod, type PeriodKind } from "../data/metrics.ts";
import { useMetricLocale } from "../i18n/metrics.ts";

/**
 * The period picker of the dashboard and the comparison: all time, a year or a month (and, for
 * the comparison, a range of months). Changes are reported whole and valid.
 */
export function PeriodPicker(props: {
  period: string;
  onChange: (period: string) => void;
  /** Offer a month range too (the comparison). */
  range?: { from: string; to: string } | null;
  onRange?: (range: { from: string; to: string }) => void;
}) {
  const { t } = useMetricLocale();
  const kind = (): PeriodKind | "range" => (props.range ? "range" : periodKind(props.period));
  function choose(next: string) {
    if (next === "range") {
      const year = props.period === "all" ? String(new Date().getFullYear()) : props.period.slice(0, 4);
      props.onRange?.({ from: `${year}-01`, to: `${year}-12` });
    } else props.onChange(switchPeriod(props.period, next as PeriodKind));
  }
  return (
    <fieldset class="period-picker" data-testid="period-picker">
      <legend class="visually-hidden">{t("period.label")}</legend>
      <label class="period-field">
        <span class="field-label">{t("period.label")}</span>
        <select
          class="select"
          data-testid="period-kind"
          aria-label={t("period.kind")}
          value={kind()}
          onChange={(event) => choose(event.currentTarget.value)}
        >
          <option value="all">{t("period.all")}</option>
          <option value="year">{t("period.year")}</option>
          <option value="month">{t("period.month")}</option>
          <Show when={props.onRange}>
            <option value="range">{t("period.range")}</option>
          </Show>
        </select>
      </label>
      <Show when={kind() === "year"}>
        <label class="period-field">
          <span class="field-label">{t("period.pickYear")}</span>
          <input
            class="input period-year"
            type="number"
            inputmode="numeric"
            min="2000"
            max="2100"
            data-testid="period-year"
            value={props.period.slice(0, 4)}
            onChange={(event) => {
              const year = event.currentTarget.value;
              if (/^\d{4}$/.test(year)) props.onChange(year);
            }}
          />
        </label>
      </Show>
      <Show when={kind() === "month"}>
        <label class="period-field">
          <span class="field-label">{t("period.pickMonth")}</span>
          <input
            class="input"
            type="month"
            data-testid="period-month"
            value={props.period}
            onChange={(event) => {
              const month = event.currentTarget.value;
              if (/^\d{4}-\d{2}$/.test(month)) props.onChange(month);
            }}
          />
        </label>
      </Show>
      <Show when={kind() === "range" && props.range}>
        {(range) => (
          <>
            <label class="period-field">
              <span class="field-label">{t("period.from")}</span>
              <input
                class="input"
                type="month"
                data-testid="period-from"
                value={range().from}
                onChange={(event) => {
                  const from = event.currentTarget.value;
                  // biome-ignore lint/complexity/useMathMinMax: "YYYY-MM" strings compared lexically; Math.max/min would coerce them to NaN
                  if (/^\d{4}-\d{2}$/.test(from)) props.onRange?.({ from, to: range().to < from ? from : range().to });
                }}
              />
            </label>
            <label class="period-field">
              <span class="field-label">{t("period.to")}</span>
              <input
                class="input"
                type="month"
                data-testid="period-to"
                value={range().to}
                onChange={(event) => {
                  const to = event.currentTarget.value;
                  // biome-ignore lint/complexity/useMathMinMax: "YYYY-MM" strings compared lexically; Math.max/min would coerce them to NaN
                  if (/^\d{4}-\d{2}$/.test(to)) props.onRange?.({ from: range().from > to ? to : range().from, to });
                }}
              />
            </label>
          </>
        )}
      </Show>
    </fieldset>
  );
}

/** Which metric a chart or table shows: a small select, named for screen readers only. */
export function MetricChoice(props: {
  label: string;
  value: string;
  onChange: (key: string) => void;
  metrics: { key: string }[];
  name: (key: string) => string;
  testid?: string;
}) {
  return (
    <label class="period-field">
      <span class="visually-hidden">{props.label}</span>
      <select
        class="select"
        data-testid={props.testid}
        value={props.value}
        aria-label={props.label}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <For each={props.metrics}>{(metric) => <option value={metric.key}>{props.name(metric.key)}</option>}</For>
      </select>
    </label>
  );
}
