import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { ulid } from "ulid";
import { now } from "./clock.ts";

interface IDScope {
  key: string;
  counts: Map<string, number>;
}

const scopes = new AsyncLocalStorage<IDScope>();

/**
 * Sortable unique IDs with a readable prefix: `user_01J…`. Inside `withIDs(key, …)` (the demo's
 * replay) the IDs are derived from the key instead: the same key makes the same records again,
 * so a replay can tell which of its records are already in the table.
 */
export function newID(prefix: string): string {
  const scope = scopes.getStore();
  if (!scope) return `${prefix}_${ulid().toLowerCase()}`;
  const n = scope.counts.get(prefix) ?? 0;
  scope.counts.set(prefix, n + 1);
  return scopedID(scope.key, prefix, n, now());
}

/**
 * The `n`-th ID with `prefix` made inside `withIDs(key)` at time `at` (the domain clock):
 * a ULID of that time whose random part is a hash of the key.
 */
export function scopedID(key: string, prefix: string, n: number, at: Date): string {
  const digest = createHash("sha256").update(`${key}|${prefix}|${n}`).digest();
  let byte = 0;
  const random = () => digest[byte++ % digest.length] / 256;
  return `${prefix}_${ulid(at.getTime(), random).toLowerCase()}`;
}

/** Runs `body` with IDs derived from `key` (see `newID`). */
export function withIDs<T>(key: string, body: () => T): T {
  return scopes.run({ key, counts: new Map() }, body);
}
