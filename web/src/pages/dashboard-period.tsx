import { For, Show } from "solid-js";
import { periodKind, pickableYears, stepPeriod, switchPeriod, type PeriodKind } from "../data/metrics.ts";
import { ChevronLeftIcon, ChevronRightIcon } from "../ui/icons.tsx";
import { useMetricLocale } from "../i18n/metrics.ts";

/**
 * The period picker of the dashboard and the comparison: all time, a year or a month (and, for
 * the comparison, a range of months). The kind is a row of segments; a year or a month is chosen
 * from lists (the same on every browser, unlike `<input type="month">`) with steps to the one
 * before and after. Changes are reported whole and valid.
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
  const kinds = (): (PeriodKind | "range")[] => (props.onRange ? ["all", "year", "month", "range"] : ["all", "year", "month"]);
  function choose(next: PeriodKind | "range") {
    if (next === kind()) return;
    if (next === "range") {
      const year = props.period === "all" ? String(new Date().getFullYear()) : props.period.slice(0, 4);
      props.onRange?.({ from: `${year}-01`, to: `${year}-12` });
    } else props.onChange(switchPeriod(props.period, next));
  }
  return (
    <fieldset class="period-picker" data-testid="period-picker">
      <legend class="field-label">{t("period.label")}</legend>
      <div class="segmented" role="radiogroup" aria-label={t("period.kind")} data-testid="period-kind">
        <For each={kinds()}>
          {(option) => (
            // biome-ignore lint/a11y/useSemanticElements: a segmented control; radio inputs cannot be styled as one row of buttons on every browser
            <button
              type="button"
              role="radio"
              class="segment"
              aria-checked={kind() === option}
              data-testid={`period-kind-${option}`}
              onClick={() => choose(option)}
            >
              {t(`period.${option}`)}
            </button>
          )}
        </For>
      </div>
      <Show when={kind() === "year" || kind() === "month"}>
        <div class="period-step">
          <button
            type="button"
            class="button button-ghost period-arrow"
            aria-label={t(kind() === "year" ? "period.previousYear" : "period.previousMonth")}
            data-testid="period-previous"
            onClick={() => props.onChange(stepPeriod(props.period, -1))}
          >
            <ChevronLeftIcon size={18} />
          </button>
          <Show
            when={kind() === "month"}
            fallback={
              <YearSelect
                label={t("period.pickYear")}
                value={props.period}
                testID="period-year"
                onChange={(year) => props.onChange(year)}
              />
            }
          >
            <MonthSelect
              label={t("period.pickMonth")}
              value={props.period}
              testID="period-month"
              onChange={(month) => props.onChange(month)}
            />
          </Show>
          <button
            type="button"
            class="button button-ghost period-arrow"
            aria-label={t(kind() === "year" ? "period.nextYear" : "period.nextMonth")}
            data-testid="period-next"
            onClick={() => props.onChange(stepPeriod(props.period, 1))}
          >
            <ChevronRightIcon size={18} />
          </button>
        </div>
      </Show>
      <Show when={kind() === "range" && props.range}>
        {(range) => (
          <div class="period-step">
            <MonthSelect
              label={t("period.from")}
              value={range().from}
              testID="period-from"
              // biome-ignore lint/complexity/useMathMinMax: "YYYY-MM" strings compared lexically; Math.max/min would coerce them to NaN
              onChange={(from) => props.onRange?.({ from, to: range().to < from ? from : range().to })}
            />
            <span class="period-dash" aria-hidden="true">
              –
            </span>
            <MonthSelect
              label={t("period.to")}
              value={range().to}
              testID="period-to"
              // biome-ignore lint/complexity/useMathMinMax: "YYYY-MM" strings compared lexically; Math.max/min would coerce them to NaN
              onChange={(to) => props.onRange?.({ from: range().from > to ? to : range().from, to })}
            />
          </div>
        )}
      </Show>
    </fieldset>
  );
}

/** A year from a list (`testID` on the list). */
function YearSelect(props: { label: string; value: string; testID: string; onChange: (year: string) => void }) {
  const { t } = useMetricLocale();
  return (
    <select
      class="select period-select"
      aria-label={props.label}
      data-testid={props.testID}
      value={props.value.slice(0, 4)}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    >
      <For each={pickableYears(new Date(), props.value.slice(0, 4))}>
        {(year) => (
          <option value={year} selected={year === props.value.slice(0, 4)}>
            {t("period.yearName", { year })}
          </option>
        )}
      </For>
    </select>
  );
}

/** A month (`YYYY-MM`) as a year and a month from two lists (`testID` on the group, `-year`/`-month` on the lists). */
function MonthSelect(props: { label: string; value: string; testID: string; onChange: (month: string) => void }) {
  const { t } = useMetricLocale();
  const year = () => props.value.slice(0, 4);
  const month = () => props.value.slice(5, 7);
  return (
    // biome-ignore lint/a11y/useSemanticElements: two lists read as one field; a fieldset would add a second legend inside the picker's
    <span class="period-month" role="group" aria-label={props.label} data-testid={props.testID} data-value={props.value}>
      <YearSelect
        label={`${props.label} · ${t("period.pickYear")}`}
        value={year()}
        testID={`${props.testID}-year`}
        onChange={(next) => props.onChange(`${next}-${month()}`)}
      />
      <select
        class="select period-select"
        aria-label={`${props.label} · ${t("period.pickMonth")}`}
        data-testid={`${props.testID}-month`}
        value={month()}
        onChange={(event) => props.onChange(`${year()}-${event.currentTarget.value}`)}
      >
        <For each={months}>
          {(value) => (
            <option value={value} selected={value === month()}>
              {t("period.monthName", { month: String(Number(value)) })}
            </option>
          )}
        </For>
      </select>
    </span>
  );
}

const months = Array.from({ length: 12 }, (_, index) => String(index + 1).padStart(2, "0"));

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
