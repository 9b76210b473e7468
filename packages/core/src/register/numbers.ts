import { z } from "zod";

/**
 * The identity numbers the grid register (数据平台) holds, checked as their national standards
 * define them, and masked as every list shows them. Pure: the portal imports these rules too.
 */

// ─── 居民身份证号码 (GB 11643-1999) ─────────────────────────────────────────────

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idChecks = "10X98765432";

/** The check character of the first 17 characters of a resident ID number (ISO 7064 MOD 11-2). */
export function residentIDCheck(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index++) sum += Number(first17[index]) * idWeights[index];
  return idChecks[sum % 11];
}

/** Why a resident ID number is not valid, or null if it is: its shape, its date of birth, its check character. */
export function residentIDProblem(id: string, today = new Date()): "shape" | "birth" | "check" | null {
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return "shape";
  const born = birthDateOf(id);
  const date = new Date(`${born}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== born || born < "1900-01-01" || date > today) return "birth";
  return residentIDCheck(id) === id[17] ? null : "check";
}

/** The date of birth an ID number carries, `YYYY-MM-DD`. */
export const birthDateOf = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;

/** The gender an ID number carries: its 17th digit, odd for men. */
export const genderOf = (id: string): "male" | "female" => (Number(id[16]) % 2 === 1 ? "male" : "female");

const idMessages = {
  shape: "an 18-character resident ID number: 17 digits, then a digit or X",
  birth: "the date of birth inside the ID number (characters 7–14) is not a real past date",
  check: "the ID number's last character does not match the others (mistyped?)",
} as const;

/** A resident ID number (居民身份证号码), upper-cased, with its date of birth and check character verified. */
export const ResidentIDNumber = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((id, context) => {
    const problem = residentIDProblem(id);
    if (problem) context.addIssue({ code: "custom", message: idMessages[problem], params: { reason: `idcard.${problem}` } });
  });

// ─── 统一社会信用代码 (GB 32100-2015) ───────────────────────────────────────────

const creditChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Whether a unified social credit code is well formed and its check character matches (MOD 31). */
export function isCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let index = 0; index < 17; index++) sum += creditChars.indexOf(code[index]) * creditWeights[index];
  return creditChars[(31 - (sum % 31)) % 31] === code[17];
}

/** A unified social credit code (统一社会信用代码) of an enterprise or institution. */
export const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCreditCode, "an 18-character unified social credit code whose last character matches the others");

// ─── masks (脱敏) ───────────────────────────────────────────────────────────────

/** An ID number as lists show it: the first 3 and last 4 characters (350***********1234). */
export const maskResidentID = (id: string) =>
  id.length > 7 ? `${id.slice(0, 3)}${"*".repeat(id.length - 7)}${id.slice(-4)}` : "*".repeat(id.length);
