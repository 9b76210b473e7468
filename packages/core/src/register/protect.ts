/**
 * PLACEHOLDER while the field protection is written on its branch (replaced at merge): the
 * interface the register uses.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { useTenant } from "../actor.ts";

const key = randomBytes(32);

export async function seal(fields: Record<string, string | string[] | null>): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(useTenant()));
  const body = Buffer.concat([cipher.update(JSON.stringify(fields)), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

export async function unseal(sealed: string): Promise<Record<string, string | string[] | null>> {
  const bytes = Buffer.from(sealed, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(useTenant()));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString());
}

export async function lookupHash(kind: "idNumber" | "phone" | "creditCode", value: string): Promise<string> {
  return createHmac("sha256", key).update(`${useTenant()}|${kind}|${value.trim().toUpperCase()}`).digest("base64url");
}
