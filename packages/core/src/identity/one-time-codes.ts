/**
 * One-time codes (验证码) sent to a phone: to register as a resident, and to sign in at the
 * local OpenID provider. Six digits, valid for 5 minutes, used once; ten wrong codes in a row
 * lock the phone for 15 minutes, new codes or not. Held in the table (hashed, never in clear),
 * so that every Lambda instance and the local stack check the same code; the table's time to
 * live removes them.
 *
 * Sending is a port: the terminal locally (there is no SMS on a laptop; tests listen in
 * process), SMS through Amazon SNS on AWS (`sms.ts`). Both run in the district's actor context.
 */
import { Entity } from "electrodb";
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { useTenant } from "../actor.ts";
import { InputError, TooManyRequestsError } from "../error.ts";
import { documentClient, tableName } from "../storage/table.ts";

export const CodeLifetimeMs = 5 * 60_000;
export const MaxWrongCodes = 10;
export const LockMs = 15 * 60_000;

/** What a code is for: its own code per purpose, so that a sign-in code cannot register and back. */
export type CodePurpose = "register" | "sign_in";

export const OneTimeCodeEntity = new Entity(
  {
    model: { entity: "oneTimeCode", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      purpose: { type: ["register", "sign_in"] as const, required: true, readOnly: true },
      phone: { type: "string", required: true, readOnly: true },
      /** sha256 of the salt and the code; "" once used. */
      codeHash: { type: "string", required: true },
      salt: { type: "string", required: true },
      /** Milliseconds since the epoch. */
      codeExpiresAt: { type: "number", required: true },
      /** Wrong codes in a row (kept across new codes; reset by a right one and by the lock). */
      wrong: { type: "number", required: true, default: 0 },
      lockedUntil: { type: "number", required: true, default: 0 },
      /** What the code's sender asked for along with it (the name a resident registers with). */
      name: { type: "string" },
      /** The table's time to live, in seconds. */
      expiresAt: { type: "number", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID", "purpose", "phone"] }, sk: { field: "sk", composite: [] } },
    },
  },
  { table: tableName(), client: documentClient() },
);

export interface SentCode {
  tenantID: string;
  purpose: CodePurpose;
  phone: string;
  code: string;
}

/** Where codes go: the phone's owner, by SMS or (locally) the terminal. */
export interface CodeSender {
  readonly kind: string;
  send(code: SentCode): Promise<void>;
}

const listeners = new Set<(code: SentCode) => void>();

/** Local: the code in the terminal, and to the listeners of this process (tests read codes there; no route serves them). */
export const terminalSender: CodeSender = {
  kind: "terminal",
  async send(sent) {
    const what = sent.purpose === "register" ? "registration" : "sign-in";
    console.log(`[${what}] one-time code for ${sent.phone} in ${sent.tenantID}: ${sent.code}`);
    for (const listener of listeners) listener(sent);
  },
};

/** Tests: hears every code the terminal sender sends in this process; returns the way to stop. */
export function onCodeSent(listener: (code: SentCode) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let sender: CodeSender | undefined;

/** The sender of this process: SMS when the environment says so (`CODE_SENDER=sms`, set by the infra), else the terminal. */
export async function useCodeSender(): Promise<CodeSender> {
  if (!sender) sender = process.env.CODE_SENDER === "sms" ? new (await import("./sms.ts")).SmsSender() : terminalSender;
  return sender;
}

function hashOf(salt: string, code: string): string {
  return createHash("sha256").update(`${salt}:${code}`).digest("base64url");
}

const lockedError = (lockedUntil: number) =>
  new TooManyRequestsError(
    "code.locked",
    "Too many wrong codes for this phone number; try again later.",
    Math.ceil((lockedUntil - Date.now()) / 1000),
  );

/**
 * Makes a new code for the phone and sends it; `name` is kept with it for the check. A locked
 * phone gets no code (429 `code.locked`).
 */
/** The phone's code record for `purpose` in the caller's district; a locked phone → 429 `code.locked`. */
async function unlocked(purpose: CodePurpose, phone: string) {
  const key = { tenantID: useTenant(), purpose, phone };
  const held = (await OneTimeCodeEntity.get(key).go({ consistent: true })).data;
  if (held && held.lockedUntil > Date.now()) throw lockedError(held.lockedUntil);
  return { key, held };
}

export async function sendCode(purpose: CodePurpose, phone: string, extra: { name?: string } = {}): Promise<void> {
  const { key, held } = await unlocked(purpose, phone);
  const { tenantID } = key;
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const salt = randomBytes(12).toString("base64url");
  const codeExpiresAt = Date.now() + CodeLifetimeMs;
  await OneTimeCodeEntity.put({
    ...key,
    codeHash: hashOf(salt, code),
    salt,
    codeExpiresAt,
    wrong: held?.wrong ?? 0,
    lockedUntil: 0,
    ...(extra.name ? { name: extra.name } : {}),
    expiresAt: Math.ceil((codeExpiresAt + LockMs) / 1000),
  }).go();
  await (await useCodeSender()).send({ tenantID, purpose, phone, code });
}

/**
 * Checks a code: a right one is used up (once, even when two checks race) and returns what was
 * kept with it. Wrong → 400 `code.wrong`; none or too old → 400 `code.expired`; the tenth wrong
 * in a row, or a locked phone → 429 `code.locked`.
 */
export async function checkCode(purpose: CodePurpose, phone: string, code: string): Promise<{ name?: string }> {
  const { key, held } = await unlocked(purpose, phone);
  const expired = () =>
    new InputError("code.expired", "The code has expired or was used already; ask for a new one.", [
      { path: "code", message: "ask for a new code" },
    ]);
  if (!held?.codeHash || held.codeExpiresAt <= Date.now()) throw expired();
  const given = Buffer.from(hashOf(held.salt, code.trim()));
  const sent = Buffer.from(held.codeHash);
  if (given.length === sent.length && timingSafeEqual(given, sent)) {
    try {
      // Used up by exactly one check: the loser of a race finds the hash gone.
      await OneTimeCodeEntity.patch(key)
        .set({ codeHash: "", wrong: 0 })
        .where((attr, op) => op.eq(attr.codeHash, held.codeHash))
        .go();
    } catch (error) {
      if ((error as { cause?: { name?: string } }).cause?.name === "ConditionalCheckFailedException") throw expired();
      throw error;
    }
    return { name: held.name };
  }
  const counted = await OneTimeCodeEntity.patch(key).add({ wrong: 1 }).go({ response: "all_new" });
  if ((counted.data.wrong ?? 0) >= MaxWrongCodes) {
    const lockedUntil = Date.now() + LockMs;
    await OneTimeCodeEntity.patch(key).set({ lockedUntil, wrong: 0, codeHash: "" }).go();
    throw lockedError(lockedUntil);
  }
  throw new InputError("code.wrong", "The code is not right; check the SMS and try again.", [
    { path: "code", message: `not the code that was sent (${MaxWrongCodes - (counted.data.wrong ?? 0)} tries left)` },
  ]);
}
