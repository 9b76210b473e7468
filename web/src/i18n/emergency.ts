import { usePartLocale, type PartLocale } from "../providers/locale.tsx";
import { emergencyEn } from "./emergency.en.ts";
import { emergencyZhCN, type EmergencyMessageKey } from "./emergency.zh-CN.ts";
import type { Language } from "./index.ts";

export type { EmergencyMessageKey };

/** The emergency pages' part of the dictionary, per language (checked like the main one). */
export const emergencyDictionaries: Record<Language, Record<EmergencyMessageKey, string>> = { "zh-CN": emergencyZhCN, en: emergencyEn };

export type EmergencyLocale = PartLocale<EmergencyMessageKey>;

/** The locale for the emergency pages and banner: their own messages on top of the main dictionary. */
export const useEmergencyLocale = (): EmergencyLocale => usePartLocale(emergencyDictionaries);
