import { usePartLocale, type PartLocale } from "../providers/locale.tsx";
import type { Language } from "./index.ts";
import { notificationsEn } from "./notifications.en.ts";
import { notificationsZhCN, type NotificationMessageKey } from "./notifications.zh-CN.ts";

export type { NotificationMessageKey };

/** The notifications list's and the following actions' part of the dictionary, per language. */
export const notificationDictionaries: Record<Language, Record<NotificationMessageKey, string>> = {
  "zh-CN": notificationsZhCN,
  en: notificationsEn,
};

export type NotificationLocale = PartLocale<NotificationMessageKey>;

/** The locale for the notifications list and the ticket page's following and duplicate actions. */
export const useNotificationLocale = (): NotificationLocale => usePartLocale(notificationDictionaries);
