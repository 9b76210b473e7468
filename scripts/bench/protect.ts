/**
 * `npx tsx scripts/bench/protect.ts [records]`: what the grid register's field protection costs an
 * import (core's register/protect.ts), locally: seals `records` people's fields (default 20,000)
 * and makes their ID number and phone lookup hashes, with the raw AES keyring on a temporary key
 * and a fresh in-memory DynamoDB Local (the district's lookup secret); then opens them all again.
 * Prints records per second and how many data keys sealed them (the caching materials manager
 * reuses one for up to 10,000 messages: with KMS, each is one GenerateDataKey).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDynamo } from "../lib/local-stack.ts";

const records = Number(process.argv[2] ?? 20_000);
const folder = mkdtempSync(join(tmpdir(), "wangge-bench-protect-"));
const dynamo = await startDynamo();
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
process.env.TABLE_NAME = "bench-protect";
process.env.WANGGE_MODE = "local";
process.env.REGISTER_KEY_FILE = join(folder, "register.key");
delete process.env.REGISTER_KEY_ARN;
try {
  const { Storage, withActor } = await import("@wangge/core");
  const Protect = await import("@wangge/core/register/protect");
  await Storage.ensureTable();
  /**
   * The data keys used: a raw AES keyring writes its name, then the tag and IV lengths (4 bytes
   * each) and the IV (12 bytes) of each wrapping into a message's header; messages that share a
   * data key share that IV (with KMS, each data key is one GenerateDataKey).
   */
  const dataKeyOf = (sealed: string) => {
    const bytes = Buffer.from(sealed, "base64");
    const at = bytes.indexOf("register-local") + "register-local".length + 8;
    return bytes.subarray(at, at + 12).toString("hex");
  };

  const person = (index: number) => ({
    idNumber: `350702199001${String(index).padStart(6, "0")}`,
    phone: `138${String(index).padStart(8, "0")}`,
    tags: index % 7 === 0 ? ["低保户"] : [],
    note: null,
  });
  await withActor({ type: "system", tenantID: "bench" }, async () => {
    const sealed: string[] = new Array(records);
    const batch = 25;
    let started = performance.now();
    for (let at = 0; at < records; at += batch) {
      await Promise.all(
        Array.from({ length: Math.min(batch, records - at) }, async (_, offset) => {
          const fields = person(at + offset);
          const [box] = await Promise.all([
            Protect.seal(fields),
            Protect.lookupHash("idNumber", fields.idNumber),
            Protect.lookupHash("phone", fields.phone),
          ]);
          sealed[at + offset] = box;
        }),
      );
    }
    let seconds = (performance.now() - started) / 1000;
    console.log(
      `sealed ${records.toLocaleString()} records with 2 lookup hashes each in ${seconds.toFixed(1)} s: ` +
        `${Math.round(records / seconds).toLocaleString()} records/s, ${new Set(sealed.map(dataKeyOf)).size} data key(s) (one per 10,000 messages, 5 min at most)`,
    );
    started = performance.now();
    for (let at = 0; at < records; at += batch) await Promise.all(sealed.slice(at, at + batch).map((box) => Protect.unseal(box)));
    seconds = (performance.now() - started) / 1000;
    console.log(`opened them in ${seconds.toFixed(1)} s: ${Math.round(records / seconds).toLocaleString()} records/s`);
    console.log(`a sealed record is ${sealed[1].length} characters of base64`);
  });
} finally {
  await dynamo.stop();
  rmSync(folder, { recursive: true, force: true });
}
