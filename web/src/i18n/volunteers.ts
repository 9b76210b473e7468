import { usePartLocale, type PartLocale } from "../providers/locale.tsx";
import type { Language } from "./index.ts";
import { volunteersEn } from "./volunteers.en.ts";
import { volunteersZhCN, type VolunteerMessageKey } from "./volunteers.zh-CN.ts";

export type { VolunteerMessageKey };

/** The volunteer page's part of the dictionary, per language (checked like the main one). */
export const volunteerDictionaries: Record<Language, Record<VolunteerMessageKey, string>> = { "zh-CN": volunteersZhCN, en: volunteersEn };

export type VolunteerLocale = PartLocale<VolunteerMessageKey>;

/** The locale for the volunteer page: its own messages on top of the main dictionary. */
export const useVolunteerLocale = (): VolunteerLocale => usePartLocale(volunteerDictionaries);
