import { usePartLocale, type PartLocale } from "../providers/locale.tsx";
import type { Language } from "./index.ts";
import { ticketsEn } from "./tickets.en.ts";
import { ticketsZhCN, type TicketMessageKey } from "./tickets.zh-CN.ts";

export type { TicketMessageKey };

/** The ticket pages' part of the dictionary, per language (checked like the main one). */
export const ticketDictionaries: Record<Language, Record<TicketMessageKey, string>> = { "zh-CN": ticketsZhCN, en: ticketsEn };

export interface TicketLocale extends PartLocale<TicketMessageKey> {
  /** `3 小时前` / `3 hours ago`; `2 天后` / `in 2 days` for times ahead. */
  formatRelative: (iso: string, now?: number) => string;
  /** `11月29日 08:40` / `29 Nov, 08:40`: for steps within sight of today. */
  formatShort: (iso: string) => string;
}

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** The locale for the ticket pages: their own messages on top of the main dictionary. */
export function useTicketLocale(): TicketLocale {
  const locale = usePartLocale(ticketDictionaries);
  return {
    ...locale,
    formatShort: (iso) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return new Intl.DateTimeFormat(locale.language(), {
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hour12: false,
      }).format(date);
    },
    formatRelative: (iso, now = Date.now()) => {
      const time = Date.parse(iso);
      if (Number.isNaN(time)) return iso;
      const difference = time - now;
      const format = new Intl.RelativeTimeFormat(locale.language(), { numeric: "auto" });
      for (const [unit, size] of units) if (Math.abs(difference) >= size) return format.format(Math.round(difference / size), unit);
      return ticketDictionaries[locale.language()]["ticket.justNow"];
    },
  };
}
