import { useLocale, type Locale } from "../providers/locale.tsx";
import { fill, type Language, type MessageKey, type MessageParams } from "./index.ts";
import { ticketsEn } from "./tickets.en.ts";
import { ticketsZhCN, type TicketMessageKey } from "./tickets.zh-CN.ts";

export type { TicketMessageKey };

/** The ticket pages' part of the dictionary, per language (checked like the main one). */
export const ticketDictionaries: Record<Language, Record<TicketMessageKey, string>> = { "zh-CN": ticketsZhCN, en: ticketsEn };

export interface TicketLocale extends Omit<Locale, "t"> {
  /** A message of the ticket pages' dictionary or of the main one, in the current language. */
  t: (key: TicketMessageKey | MessageKey, params?: MessageParams) => string;
  /** `2025年3月4日 14:05` / `4 Mar 2025, 14:05`. */
  formatDateTime: (iso: string) => string;
  /** `3 小时前` / `3 hours ago`; `2 天后` / `in 2 days` for times ahead. */
  formatRelative: (iso: string, now?: number) => string;
  /** `11月29日 08:40` / `29 Nov, 08:40`: for steps within sight of today. */
  formatShort: (iso: string) => string;
  formatNumber: (value: number, fractionDigits?: number) => string;
  /** A file size: `812 B`, `36.4 KB`, `5.8 MB`. */
  formatBytes: (bytes: number) => string;
}

const isTicketKey = (key: string): key is TicketMessageKey => key in ticketsZhCN;

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** The locale for the ticket pages: their own messages on top of the main dictionary. */
export function useTicketLocale(): TicketLocale {
  const locale = useLocale();
  const formatNumber = (value: number, fractionDigits = 0) =>
    new Intl.NumberFormat(locale.language(), { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 }).format(value);
  return {
    ...locale,
    t: (key, params) =>
      isTicketKey(key) ? fill(ticketDictionaries[locale.language()][key], params) : locale.t(key as MessageKey, params),
    formatDateTime: (iso) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return new Intl.DateTimeFormat(locale.language(), {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hour12: false,
      }).format(date);
    },
    formatShort: (iso) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return new Intl.DateTimeFormat(locale.language(), { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }).format(date);
    },
    formatRelative: (iso, now = Date.now()) => {
      const time = Date.parse(iso);
      if (Number.isNaN(time)) return iso;
      const difference = time - now;
      const format = new Intl.RelativeTimeFormat(locale.language(), { numeric: "auto" });
      for (const [unit, size] of units) if (Math.abs(difference) >= size) return format.format(Math.round(difference / size), unit);
      return ticketDictionaries[locale.language()]["ticket.justNow"];
    },
    formatNumber,
    formatBytes: (bytes) => {
      if (bytes < 1024) return `${formatNumber(bytes)} B`;
      if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
      return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
    },
  };
}
