/**
 * One-time sign-in codes for the local provider: six digits for a phone in a district, valid
 * for 5 minutes, printed in the terminal (there is no SMS locally). Five wrong tries lock the
 * phone for 15 minutes. Held in memory: a restart forgets them, as a real SMS code would expire.
 */
import { randomInt } from "node:crypto";

export const CodeLifetimeMs = 5 * 60_000;
export const MaxWrongCodes = 5;
export const LockMs = 15 * 60_000;

export interface IssuedCode {
  tenantID: string;
  phone: string;
  code: string;
}

export type CodeCheck = "ok" | "wrong" | "expired" | "locked";

export function createCodes(options: { now?: () => number; print?: (code: IssuedCode) => void } = {}) {
  const now = options.now ?? Date.now;
  const print =
    options.print ??
    ((issued: IssuedCode) => console.log(`[sign-in] one-time code for ${issued.phone} in ${issued.tenantID}: ${issued.code}`));
  const held = new Map<string, { code: string; expiresAt: number; wrong: number; lockedUntil: number }>();
  const listeners = new Set<(code: IssuedCode) => void>();
  const keyOf = (tenantID: string, phone: string) => `${tenantID}/${phone}`;

  return {
    /** Makes a new code (unless the phone is locked) and prints it; returns when the lock ends, if locked. */
    issue(tenantID: string, phone: string): { lockedUntil?: number } {
      const key = keyOf(tenantID, phone);
      const entry = held.get(key);
      if (entry && entry.lockedUntil > now()) return { lockedUntil: entry.lockedUntil };
      const issued = { tenantID, phone, code: String(randomInt(0, 1_000_000)).padStart(6, "0") };
      held.set(key, { code: issued.code, expiresAt: now() + CodeLifetimeMs, wrong: entry?.wrong ?? 0, lockedUntil: 0 });
      print(issued);
      for (const listener of listeners) listener(issued);
      return {};
    },
    /** Checks a code; a right one is used up, the fifth wrong one locks the phone. */
    check(tenantID: string, phone: string, code: string): CodeCheck {
      const key = keyOf(tenantID, phone);
      const entry = held.get(key);
      if (!entry) return "expired";
      if (entry.lockedUntil > now()) return "locked";
      if (entry.expiresAt <= now()) return "expired";
      if (entry.code === code.trim()) {
        held.delete(key);
        return "ok";
      }
      entry.wrong += 1;
      if (entry.wrong >= MaxWrongCodes) {
        entry.lockedUntil = now() + LockMs;
        entry.wrong = 0;
        return "locked";
      }
      return "wrong";
    },
    /** Tests read the codes here, in-process (there is no route for them). */
    onIssue(listener: (code: IssuedCode) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type Codes = ReturnType<typeof createCodes>;
