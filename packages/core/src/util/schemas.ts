import { z } from "zod";

/** A mainland mobile number (手机号): what residents and staff sign in with and are reached on. */
export const Phone = z.string().regex(/^1\d{10}$/, "an 11-digit mainland mobile number starting with 1");

/** A calendar day, `YYYY-MM-DD`. */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");

/** A calendar month, `YYYY-MM`. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month YYYY-MM");
