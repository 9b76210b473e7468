import { createHmac, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { withActor } from "../actor.ts";
import { tableName } from "../storage/table.ts";
import { lookupHash, normaliseLookup, seal, unseal } from "./protect.ts";
import { LookupSecretEntity } from "./secret.entity.ts";

const inA = <T>(body: () => T) => withActor({ type: "system", tenantID: "protect-a" }, body);
const inB = <T>(body: () => T) => withActor({ type: "system", tenantID: "protect-b" }, body);

/** Fictitious: a valid checksum on a made-up sequence. */
const idNumber = "35070219900101129X";
const phone = "13800000000";
const fields = { idNumber, phone, tags: ["低保户", "社区矫正对象"], note: null };

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("seal and unseal", () => {
  it("round-trips a record's fields in its district", async () => {
    const sealed = await inA(() => seal(fields));
    expect(await inA(() => unseal(sealed))).toEqual(fields);
  });

  it("writes no clear value: neither in the sealed text nor in its bytes", async () => {
    const sealed = await inA(() => seal(fields));
    const bytes = Buffer.from(sealed, "base64");
    for (const value of [idNumber, phone, "低保户", "社区矫正对象"]) {
      expect(sealed).not.toContain(value);
      expect(sealed).not.toContain(Buffer.from(value).toString("base64").replace(/=+$/, ""));
      expect(bytes.includes(Buffer.from(value))).toBe(false);
    }
    // The district it is bound to is in the header, as the encryption context: not a secret.
    expect(bytes.includes(Buffer.from("protect-a"))).toBe(true);
  });

  it("seals the same fields differently each time (no value can be recognised by its ciphertext)", async () => {
    const [one, two] = await inA(() => Promise.all([seal(fields), seal(fields)]));
    expect(one).not.toBe(two);
  });

  it("refuses to open another district's sealed value", async () => {
    const sealed = await inA(() => seal(fields));
    await expect(inB(() => unseal(sealed))).rejects.toMatchObject({ kind: "forbidden", code: "register.sealed_elsewhere" });
  });

  it("refuses a changed sealed value: a flipped byte of the body, or the header's district rewritten", async () => {
    const sealed = await inA(() => seal(fields));
    const bytes = Buffer.from(sealed, "base64");
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 40] ^= 0x01;
    await expect(inA(() => unseal(flipped.toString("base64")))).rejects.toMatchObject({ code: "register.sealed_invalid" });

    // The header says protect-a: rewritten to protect-b (same length), district B still cannot open it.
    const at = bytes.indexOf(Buffer.from("protect-a"));
    const moved = Buffer.from(bytes);
    moved.write("protect-b", at);
    await expect(inB(() => unseal(moved.toString("base64")))).rejects.toMatchObject({ code: "register.sealed_invalid" });
    await expect(inA(() => unseal(moved.toString("base64")))).rejects.toMatchObject({ code: "register.sealed_invalid" });
  });

  it("seals many records with one data key per district (one GenerateDataKey with KMS, not one per record)", async () => {
    /** A raw AES keyring writes its name, the tag and IV lengths, then the IV of the data key's wrapping. */
    const dataKeyOf = (sealed: string) => {
      const bytes = Buffer.from(sealed, "base64");
      const at = bytes.indexOf("register-local") + "register-local".length + 8;
      return bytes.subarray(at, at + 12).toString("hex");
    };
    const people = Array.from({ length: 60 }, (_, index) => ({ ...fields, phone: `1390000${String(index).padStart(4, "0")}` }));
    const inE = <T>(body: () => T) => withActor({ type: "system", tenantID: "protect-e" }, body);
    const inF = <T>(body: () => T) => withActor({ type: "system", tenantID: "protect-f" }, body);
    const [e, f] = await Promise.all([
      inE(() => Promise.all(people.map((person) => seal(person)))),
      inF(() => Promise.all(people.map(seal))),
    ]);
    expect(new Set(e.map(dataKeyOf)).size).toBe(1);
    expect(new Set(f.map(dataKeyOf)).size).toBe(1);
    expect(dataKeyOf(e[0])).not.toBe(dataKeyOf(f[0]));
    expect(await inE(() => Promise.all(e.map(unseal)))).toEqual(people);
  });

  it("refuses what is not a sealed value", async () => {
    for (const junk of ["", "not base64!", Buffer.from("AQID").toString("base64")])
      await expect(inA(() => unseal(junk))).rejects.toMatchObject({ code: "register.sealed_invalid" });
  });
});

describe("lookup hashes", () => {
  it("hashes one phone however it is written to one value, in one district", async () => {
    const hashes = await inA(() =>
      Promise.all(
        ["13800000000", "138 0000 0000", "+8613800000000", "+86 138-0000-0000", " 8613800000000 "].map((p) => lookupHash("phone", p)),
      ),
    );
    expect(new Set(hashes).size).toBe(1);
    expect(hashes[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await inA(() => lookupHash("phone", "13800000001"))).not.toBe(hashes[0]);
  });

  it("hashes an ID number with a lower-case x as its upper-case form", async () => {
    const lower = await inA(() => lookupHash("idNumber", " 35070219900101129x"));
    expect(lower).toBe(await inA(() => lookupHash("idNumber", idNumber)));
  });

  it("keeps kinds apart: the same characters as an ID number and as a phone hash differently", async () => {
    const [asID, asPhone, asCredit] = await inA(() =>
      Promise.all([lookupHash("idNumber", phone), lookupHash("phone", phone), lookupHash("creditCode", phone)]),
    );
    expect(new Set([asID, asPhone, asCredit]).size).toBe(3);
  });

  it("gives another district another hash of the same value", async () => {
    const [a, b] = await Promise.all([inA(() => lookupHash("phone", phone)), inB(() => lookupHash("phone", phone))]);
    expect(a).not.toBe(b);
  });

  it("refuses an empty value", async () => {
    await expect(inA(() => lookupHash("phone", " - "))).rejects.toMatchObject({ kind: "input", code: "register.lookup_empty" });
  });

  it("normalises as documented", () => {
    expect(normaliseLookup("phone", "0086 138 0000 0000")).toBe("13800000000");
    expect(normaliseLookup("phone", "0591-8765 4321")).toBe("059187654321");
    expect(normaliseLookup("creditCode", " 91350100m000100y43 ")).toBe("91350100M000100Y43");
  });

  it("stores the district's secret sealed: the raw item holds no secret in clear", async () => {
    const hash = await inA(() => lookupHash("phone", phone));
    const { Key } = LookupSecretEntity.get({ tenantID: "protect-a" }).params() as { Key: Record<string, string> };
    const raw = new DynamoDBClient({
      endpoint: process.env.DYNAMODB_ENDPOINT,
      region: "cn-north-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    const { Item } = await raw.send(new GetItemCommand({ TableName: tableName(), Key: marshall(Key), ConsistentRead: true }));
    expect(Item?.sealed?.S).toBeTruthy();
    // An Encryption SDK message (format version 2), bound to the district.
    const message = Buffer.from(Item!.sealed.S!, "base64");
    expect(message[0]).toBe(0x02);
    expect(message.includes(Buffer.from("protect-a"))).toBe(true);
    // Were the secret anywhere in the item, in any usual spelling, one of these would make the same hash.
    const candidates = Object.values(Item!).flatMap((attribute) => {
      const text = attribute.S ?? "";
      const found = [attribute.B, Buffer.from(text, "base64"), Buffer.from(text, "base64url"), Buffer.from(text, "hex"), Buffer.from(text)];
      for (let at = 0; at + 32 <= message.length; at++) found.push(message.subarray(at, at + 32));
      return found.filter((bytes): bytes is Uint8Array => Boolean(bytes?.length));
    });
    expect(candidates.length).toBeGreaterThan(32);
    for (const candidate of candidates)
      expect(createHmac("sha256", candidate).update(`phone\0${phone}`).digest("base64url")).not.toBe(hash);
    raw.destroy();
  });

  it("agrees on one secret when several first uses race, and a new process reads the same", async () => {
    const inC = <T>(body: () => T) => withActor({ type: "system", tenantID: "protect-c" }, body);
    const hashes = await inC(() => Promise.all(Array.from({ length: 6 }, () => lookupHash("phone", phone))));
    expect(new Set(hashes).size).toBe(1);
    const items = await LookupSecretEntity.query.primary({ tenantID: "protect-c" }).go();
    expect(items.data).toHaveLength(1);

    // A fresh module: no secret in memory, as in another Lambda instance.
    vi.resetModules();
    const fresh = await import("./protect.ts");
    const actor = await import("../actor.ts");
    const again = await actor.withActor({ type: "system", tenantID: "protect-c" }, () => fresh.lookupHash("phone", "+86 13800000000"));
    expect(again).toBe(hashes[0]);
  });
});

describe("key configuration", () => {
  it("refuses to seal, open or hash without a key: never clear text", async () => {
    const sealed = await inA(() => seal(fields));
    vi.stubEnv("REGISTER_KEY_FILE", "");
    vi.stubEnv("REGISTER_KEY_ARN", "");
    const missing = { kind: "unavailable", code: "register.no_key" };
    await expect(inA(() => seal(fields))).rejects.toMatchObject(missing);
    await expect(inA(() => unseal(sealed))).rejects.toMatchObject(missing);
    await expect(withActor({ type: "system", tenantID: "protect-d" }, () => lookupHash("phone", phone))).rejects.toMatchObject(missing);
  });

  it("creates a missing local key file with 32 random bytes, readable by its owner only", async () => {
    const folder = mkdtempSync(join(tmpdir(), "wangge-key-"));
    folders.push(folder);
    const file = join(folder, "nested", "register.key");
    vi.stubEnv("REGISTER_KEY_FILE", file);
    const sealed = await inA(() => seal(fields));
    expect(readFileSync(file)).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await inA(() => unseal(sealed))).toEqual(fields);
    // The run's own key cannot open it.
    vi.unstubAllEnvs();
    await expect(inA(() => unseal(sealed))).rejects.toMatchObject({ code: "register.sealed_invalid" });
  });

  it("refuses a key file that does not hold 32 bytes", async () => {
    const folder = mkdtempSync(join(tmpdir(), "wangge-key-"));
    folders.push(folder);
    const file = join(folder, "register.key");
    writeFileSync(file, "too short");
    vi.stubEnv("REGISTER_KEY_FILE", file);
    await expect(inA(() => seal(fields))).rejects.toMatchObject({ kind: "unavailable", code: "register.bad_key" });
  });
});

/**
 * A stand-in for KMS on a loopback port, speaking its JSON protocol (as DynamoDB Local stands in
 * for DynamoDB): GenerateDataKey returns a fresh key and a blob; Decrypt returns the key only
 * for the blob with the encryption context it was made with, as KMS does.
 */
async function startKms(keyArn: string) {
  const blobs = new Map<string, { plaintext: Buffer; context: string }>();
  const calls: { target: string; context: Record<string, string> }[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const target = String(request.headers["x-amz-target"]).replace("TrentService.", "");
      const input = JSON.parse(body || "{}");
      calls.push({ target, context: input.EncryptionContext ?? {} });
      const context = JSON.stringify(input.EncryptionContext ?? {});
      const reply = (status: number, payload: object) => {
        response.writeHead(status, { "content-type": "application/x-amz-json-1.1" });
        response.end(JSON.stringify(payload));
      };
      if (target === "GenerateDataKey" && input.KeyId === keyArn) {
        const plaintext = randomBytes(input.NumberOfBytes ?? 32);
        const blob = randomBytes(48).toString("base64");
        blobs.set(blob, { plaintext, context });
        return reply(200, { KeyId: keyArn, Plaintext: plaintext.toString("base64"), CiphertextBlob: blob });
      }
      const held = blobs.get(input.CiphertextBlob);
      if (target === "Decrypt" && held && held.context === context)
        return reply(200, { KeyId: keyArn, Plaintext: held.plaintext.toString("base64"), EncryptionAlgorithm: "SYMMETRIC_DEFAULT" });
      reply(400, { __type: "InvalidCiphertextException", message: "no such blob for this context" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, stop: () => server.close() };
}

describe("on AWS (a KMS key)", () => {
  it("uses the KMS key when REGISTER_KEY_ARN is set: one data key for many records, each bound to its district", async () => {
    const keyArn = "arn:aws-cn:kms:cn-north-1:123456789012:key/0a1b2c3d-0000-4000-8000-000000000001";
    const kms = await startKms(keyArn);
    try {
      vi.stubEnv("REGISTER_KEY_ARN", keyArn);
      vi.stubEnv("AWS_ENDPOINT_URL_KMS", kms.endpoint);
      vi.stubEnv("AWS_ACCESS_KEY_ID", "local");
      vi.stubEnv("AWS_SECRET_ACCESS_KEY", "local");
      const people = Array.from({ length: 40 }, (_, index) => ({ ...fields, phone: `1370000${String(index).padStart(4, "0")}` }));
      const sealed = await inA(() => Promise.all(people.map(seal)));
      expect(await inA(() => Promise.all(sealed.map(unseal)))).toEqual(people);
      // 40 records, one GenerateDataKey; opening asks KMS once too (the data key is cached).
      expect(kms.calls.map((call) => call.target)).toEqual(["GenerateDataKey", "Decrypt"]);
      expect(kms.calls[0].context).toEqual({ district: "protect-a", purpose: "register" });
      await expect(inB(() => unseal(sealed[0]))).rejects.toMatchObject({ code: "register.sealed_elsewhere" });

      // KMS out of reach: 503 register.key_unavailable, not a damaged message (a fresh district: nothing cached to open with).
      const inE = <T>(body: () => T) => withActor({ type: "system", tenantID: "protect-kms" }, body);
      const elsewhere = await inE(() => seal(fields));
      kms.stop();
      await expect(inE(() => unseal(elsewhere))).rejects.toMatchObject({ kind: "unavailable", code: "register.key_unavailable" });

      // The local key cannot open what the KMS key sealed.
      vi.stubEnv("REGISTER_KEY_ARN", "");
      await expect(inA(() => unseal(sealed[0]))).rejects.toMatchObject({ code: "register.sealed_invalid" });
    } finally {
      kms.stop();
    }
  });
});
