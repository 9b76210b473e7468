import { en } from "./en.ts";
import { zhCN, type MessageKey } from "./zh-CN.ts";

export type { MessageKey };

/** The languages the portal speaks, the first being the default. */
export const languages = ["zh-CN", "en"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "zh-CN";

export const dictionaries: Record<Language, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

export type MessageParams = Record<string, string | number>;

/** The message for `key` in `language`, with `{placeholders}` filled from `params`. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const message = dictionaries[language][key] ?? dictionaries[defaultLanguage][key] ?? key;
  return fill(message, params);
}

/** `message` with its `{placeholders}` filled from `params`; unknown ones stay visible. */
export function fill(message: string, params?: MessageParams): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}
