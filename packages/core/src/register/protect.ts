import { createHmac, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { NodeCachingMaterialsManager } from "@aws-crypto/client-node";
import { useTenant } from "../actor.ts";
import { ForbiddenError, InputError, VisibleError } from "../error.ts";
import { isConditionalFailure } from "../storage/errors.ts";
import { tableName } from "../storage/table.ts";
import { LookupSecretEntity } from "./secret.entity.ts";

/**
 * Field protection of the grid register (数据平台, issue 18 item 3): personal fields are sealed
 * with envelope encryption (AWS Encryption SDK) before they reach DynamoDB, and looked up by a
 * keyed hash with the district's own secret, never by the clear value. See
 * docs/register-protection.md.
 *
 * Keys: a KMS key on AWS (`REGISTER_KEY_ARN`, one per stage, infra/storage.ts), else a raw
 * AES-256 key in the file `REGISTER_KEY_FILE` (the local stack's `.data/register.key`). Neither
 * → `register.no_key` (503): never a clear-text fallback. Every message is bound to the caller's
 * district by its encryption context, checked on opening.
 */

/** What a record's sealed fields hold: an ID number, a phone, the sensitive tags… or nothing. */
export type SealedFields = Record<string, string | string[] | null>;

/** The lookups the register makes by keyed hash; the kind keeps one value's hashes apart across kinds. */
export type LookupKind = "idNumber" | "phone" | "creditCode";

/** Encryption context purposes: a record's fields, and a district's lookup secret. */
const Purpose = { fields: "register", lookupSecret: "register.lookup-secret" } as const;
type Purpose = (typeof Purpose)[keyof typeof Purpose];

/**
 * The caching materials manager's bounds: one data key serves at most this many messages, for
 * at most this long (an import of 100,000 records asks KMS for ten data keys, not 100,000).
 */
export const DataKeyReuse = { maxAgeMs: 5 * 60_000, maxMessagesEncrypted: 10_000 } as const;

/** The raw AES keyring's names: they are written into every message, so they never change. */
const LocalKeyName = { keyNamespace: "wangge", keyName: "register-local" } as const;

/** The register's keys are not configured: neither `REGISTER_KEY_ARN` nor `REGISTER_KEY_FILE`. */
export class RegisterKeyMissingError extends VisibleError {
  constructor() {
    super(
      "unavailable",
      "register.no_key",
      "The register's encryption key is not configured (REGISTER_KEY_ARN on AWS, REGISTER_KEY_FILE locally): personal data cannot be stored or read.",
    );
  }
}

/** A sealed value of another district: never opened for this one. */
export class SealedElsewhereError extends ForbiddenError {
  constructor() {
    super("register.sealed_elsewhere", "This sealed value belongs to another district.");
  }
}

/** A sealed value that is not one, or was changed since it was sealed. */
export class SealedInvalidError extends VisibleError {
  constructor(reason: string) {
    super("unprocessable", "register.sealed_invalid", `This sealed value cannot be opened: ${reason}.`);
  }
}

/** Seals a record's personal fields (ID number, phone, sensitive tags…) as one envelope-encrypted message bound to the caller's district. */
export async function seal(fields: SealedFields): Promise<string> {
  return sealText(Purpose.fields, JSON.stringify(fields));
}

/** Opens what seal() wrote, in the same district only (another district's ciphertext → throws, never returns it). */
export async function unseal(sealed: string): Promise<SealedFields> {
  const text = await openText(Purpose.fields, sealed);
  let fields: unknown;
  try {
    fields = JSON.parse(text);
  } catch {
    throw new SealedInvalidError("its fields are not a record's");
  }
  if (!isSealedFields(fields)) throw new SealedInvalidError("its fields are not a record's");
  return fields;
}

/**
 * The keyed lookup hash (HMAC-SHA256 with the district's own secret) of a normalised value:
 * `kind` keeps an ID number's and a phone's hashes apart. Deterministic within a district,
 * different across districts.
 */
export async function lookupHash(kind: LookupKind, value: string): Promise<string> {
  const normalised = normaliseLookup(kind, value);
  if (!normalised) throw new InputError("register.lookup_empty", `Nothing to look up: the ${kind} is empty.`);
  const secret = await lookupSecret();
  return createHmac("sha256", secret).update(`${kind}\0${normalised}`).digest("base64url");
}

/**
 * A value as the lookup hashes it: trimmed; an ID number or a credit code upper-cased (`x` → `X`);
 * a phone's digits only, a leading +86 / 0086 / 86 of a mainland mobile dropped.
 */
export function normaliseLookup(kind: LookupKind, value: string): string {
  const trimmed = value.trim();
  if (kind !== "phone") return trimmed.toUpperCase();
  const digits = trimmed.replace(/\D/g, "");
  const mobile = /^(?:0086|86)(1\d{10})$/.exec(digits);
  return mobile ? mobile[1] : digits;
}

// ─── the Encryption SDK, loaded on first use ─────────────────────────────────────

type Sdk = typeof import("@aws-crypto/client-node");

interface Crypto {
  sdk: Sdk;
  client: ReturnType<Sdk["buildClient"]>;
  /** The keyring of the configuration (`kms:<arn>` or `file:<path>`), made once per process. */
  keyrings: Map<string, Promise<InstanceType<Sdk["KmsKeyringNode"]> | InstanceType<Sdk["RawAesKeyringNode"]>>>;
  /** One caching materials manager per keyring and district, all on one cache. */
  managers: Map<string, Promise<NodeCachingMaterialsManager>>;
  /**
   * Per manager and purpose, the seals begun and the one that asks for the current data key:
   * the seals that arrive while it runs wait for it and find its key in the cache. Without this,
   * an import sealing 25 records at once would ask KMS for 25 data keys at its start and again
   * at every 10,000th message.
   */
  seals: Map<string, { count: number; leader?: Promise<unknown> }>;
  /** Likewise for opening: the first open of each data key (per manager) asks for it (KMS Decrypt), the others wait. */
  opens: Map<string, Promise<unknown>>;
  cache: ReturnType<Sdk["getLocalCryptographicMaterialsCache"]>;
}

let loading: Promise<Crypto> | undefined;

/** The SDK is imported here, not at the top: routes that never touch the register do not load it. */
function loadCrypto(): Promise<Crypto> {
  loading ??= import("@aws-crypto/client-node").then((sdk) => ({
    sdk,
    // Committing suites only, and a message may carry only the one data key our keyring wrote.
    client: sdk.buildClient({ commitmentPolicy: sdk.CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT, maxEncryptedDataKeys: 1 }),
    keyrings: new Map(),
    managers: new Map(),
    seals: new Map(),
    opens: new Map(),
    cache: sdk.getLocalCryptographicMaterialsCache(1000),
  }));
  return loading;
}

/** Which key the environment names: the KMS key on AWS, else the local key file. */
function keyConfiguration(): { kind: "kms"; arn: string } | { kind: "file"; path: string } {
  const arn = process.env.REGISTER_KEY_ARN?.trim();
  if (arn) return { kind: "kms", arn };
  const path = process.env.REGISTER_KEY_FILE?.trim();
  if (path) return { kind: "file", path };
  throw new RegisterKeyMissingError();
}

async function materialsManager(tenantID: string): Promise<{ crypto: Crypto; manager: NodeCachingMaterialsManager; managerID: string }> {
  const configuration = keyConfiguration();
  const loaded = await loadCrypto();
  const { sdk } = loaded;
  const keyringID = configuration.kind === "kms" ? `kms:${configuration.arn}` : `file:${configuration.path}`;
  let keyring = loaded.keyrings.get(keyringID);
  if (!keyring) {
    keyring =
      configuration.kind === "kms"
        ? Promise.resolve(new sdk.KmsKeyringNode({ generatorKeyId: configuration.arn }))
        : readLocalKey(configuration.path).then(
            (key) =>
              new sdk.RawAesKeyringNode({
                ...LocalKeyName,
                unencryptedMasterKey: key,
                wrappingSuite: sdk.RawAesWrappingSuiteIdentifier.AES256_GCM_IV12_TAG16_NO_PADDING,
              }),
          );
    // A failed read is not kept: the next call tries again.
    keyring.catch(() => loaded.keyrings.delete(keyringID));
    loaded.keyrings.set(keyringID, keyring);
  }
  const managerID = `${keyringID}|${tenantID}`;
  let manager = loaded.managers.get(managerID);
  if (!manager) {
    manager = keyring.then(
      (backing) =>
        new sdk.NodeCachingMaterialsManager({
          backingMaterials: backing,
          cache: loaded.cache,
          // One partition per key and district: a data key cached for one is never served to another
          // (both share the one cache).
          partition: `register|${managerID}`,
          maxAge: DataKeyReuse.maxAgeMs,
          maxMessagesEncrypted: DataKeyReuse.maxMessagesEncrypted,
        }),
    );
    manager.catch(() => loaded.managers.delete(managerID));
    loaded.managers.set(managerID, manager);
  }
  return { crypto: loaded, manager: await manager, managerID };
}

/** The local key: 32 bytes in `path`, created (mode 0600) on first use. */
async function readLocalKey(path: string): Promise<Uint8Array> {
  let key: Buffer;
  try {
    key = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    try {
      await writeFile(path, randomBytes(32), { mode: 0o600, flag: "wx" });
    } catch (raced) {
      // Another process created it first: use theirs.
      if ((raced as NodeJS.ErrnoException).code !== "EEXIST") throw raced;
    }
    key = await readFile(path);
  }
  if (key.length !== 32)
    throw new VisibleError(
      "unavailable",
      "register.bad_key",
      `The register's key file ${path} must hold 32 bytes; it holds ${key.length}.`,
    );
  return new Uint8Array(key);
}

/** A committing suite without signatures: the same functions seal and open, so a signature would prove nothing more. */
const suiteOf = (sdk: Sdk) => sdk.AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY;

async function sealText(purpose: Purpose, text: string): Promise<string> {
  const district = useTenant();
  const { crypto, manager, managerID } = await materialsManager(district);
  const plaintext = Buffer.from(text, "utf8");
  const encrypt = () =>
    crypto.client.encrypt(manager, plaintext, {
      encryptionContext: { district, purpose },
      suiteId: suiteOf(crypto.sdk),
      plaintextLength: plaintext.length,
    });
  const sealsID = `${managerID}|${purpose}`;
  const seals = crypto.seals.get(sealsID) ?? { count: 0 };
  crypto.seals.set(sealsID, seals);
  // The first seal of each run of `maxMessagesEncrypted` is the one that needs a new data key.
  if (seals.count++ % DataKeyReuse.maxMessagesEncrypted === 0) {
    const sealing = encrypt();
    seals.leader = sealing;
    // Failed: the next seal asks again.
    sealing.catch(() => {
      seals.count = 0;
    });
    return (await sealing).result.toString("base64");
  }
  await seals.leader?.catch(() => undefined);
  return (await encrypt()).result.toString("base64");
}

async function openText(purpose: Purpose, sealed: string): Promise<string> {
  const district = useTenant();
  const { crypto, manager, managerID } = await materialsManager(district);
  if (typeof sealed !== "string" || !/^[A-Za-z0-9+/]+={0,2}$/.test(sealed)) throw new SealedInvalidError("it is not base64");
  const message = Buffer.from(sealed, "base64");
  const decrypt = () => crypto.client.decrypt(manager, message);
  let opened: { plaintext: Buffer; messageHeader: { encryptionContext: Record<string, string> } };
  try {
    const dataKey = dataKeyOf(message);
    const first = dataKey && crypto.opens.get(`${managerID}|${dataKey}`);
    if (dataKey && !first) {
      const opening = decrypt();
      // Bounded: one entry per data key seen; a long-lived process starts again after a thousand.
      if (crypto.opens.size >= 1000) crypto.opens.clear();
      crypto.opens.set(`${managerID}|${dataKey}`, opening);
      opening.catch(() => crypto.opens.delete(`${managerID}|${dataKey}`));
      opened = await opening;
    } else {
      await (first || Promise.resolve()).catch(() => undefined);
      opened = await decrypt();
    }
  } catch (error) {
    // KMS refusing or out of reach is not a damaged message: the API answers it as such (403/503).
    if (error && typeof error === "object" && "$metadata" in error) throw error;
    // The KMS keyring folds KMS's own errors into one message: throttled, denied or unreachable is not a damaged message either.
    const said = String((error as Error)?.message ?? "");
    if (/KMS CMKs had an error/.test(said) && !/InvalidCiphertextException|IncorrectKeyException/.test(said))
      throw new VisibleError(
        "unavailable",
        "register.key_unavailable",
        "The register's key cannot be reached just now; try again shortly.",
      );
    throw new SealedInvalidError("it was changed, or was not sealed with this register's key");
  }
  const context = opened.messageHeader.encryptionContext;
  if (context.district !== district) {
    opened.plaintext.fill(0);
    throw new SealedElsewhereError();
  }
  if (context.purpose !== purpose) {
    opened.plaintext.fill(0);
    throw new SealedInvalidError(`it was sealed for "${context.purpose}", not "${purpose}"`);
  }
  return opened.plaintext.toString("utf8");
}

/**
 * What names a message's data key: its header from the encryption context to the end of the
 * wrapped data keys (format version 2: version, suite, 32-byte message ID, then the context's and
 * the keys' length-prefixed fields). Undefined if the header is not of that shape (decrypt then
 * says why).
 */
function dataKeyOf(message: Buffer): string | undefined {
  if (message.length < 37 || message[0] !== 0x02) return undefined;
  let at = 35;
  const skip = () => {
    if (at + 2 > message.length) throw new RangeError("short");
    at += 2 + message.readUInt16BE(at);
  };
  try {
    skip(); // the encryption context
    if (at + 2 > message.length) return undefined;
    const keys = message.readUInt16BE(at);
    at += 2;
    for (let key = 0; key < keys; key++) for (let part = 0; part < 3; part++) skip(); // provider, its info, the wrapped key
    if (at > message.length) return undefined;
    return message.subarray(35, at).toString("base64");
  } catch {
    return undefined;
  }
}

function isSealedFields(value: unknown): value is SealedFields {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  return Object.values(value).every(
    (field) => field === null || typeof field === "string" || (Array.isArray(field) && field.every((item) => typeof item === "string")),
  );
}

// ─── the district's lookup secret ─────────────────────────────────────────────────

/** Secrets already read, per table and district: read (and opened) once per process. */
const secrets = new Map<string, Buffer>();

/**
 * The district's lookup secret: read from its item, or made on the district's first use. Two
 * first uses at once (two instances, two requests) both try to create it; the condition lets
 * one win, and the other reads the winner's.
 */
async function lookupSecret(): Promise<Buffer> {
  const tenantID = useTenant();
  const cacheKey = `${tableName()}|${tenantID}`;
  const cached = secrets.get(cacheKey);
  if (cached) return cached;
  let stored = (await LookupSecretEntity.get({ tenantID }).go({ consistent: true })).data;
  if (!stored) {
    const fresh = randomBytes(32);
    const sealed = await sealText(Purpose.lookupSecret, fresh.toString("base64"));
    fresh.fill(0);
    try {
      // ElectroDB's create writes only if the item is not there (attribute_not_exists).
      await LookupSecretEntity.create({ tenantID, sealed }).go();
    } catch (error) {
      if (!isConditionalFailure(error)) throw error;
    }
    // Whoever won, the stored one is the secret.
    stored = (await LookupSecretEntity.get({ tenantID }).go({ consistent: true })).data;
    if (!stored) throw new Error(`The lookup secret of ${tenantID} was written but cannot be read back.`);
  }
  const secret = Buffer.from(await openText(Purpose.lookupSecret, stored.sealed), "base64");
  if (secret.length !== 32) throw new SealedInvalidError("the district's lookup secret is not 32 bytes");
  secrets.set(cacheKey, secret);
  return secret;
}
