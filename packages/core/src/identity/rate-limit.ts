/**
 * Rate limits (限流) on the public paths that cost money or invite guessing: sending a one-time
 * code, checking one. The counting is `rate-limiter-flexible`'s (points per duration, the time
 * to the next try); its store is the project's one table instead of the library's own
 * `node-rate-limiter-flexible` table, so that every Lambda instance and the local stack count
 * together and nothing else needs declaring. The store follows the library's DynamoDB store:
 * two conditional updates (a fresh window, or more points in the current one), each atomic.
 * The library loads on the first try counted (a dynamic import: 71 KB of the Lambda's cold
 * start that only sign-in codes and exports need).
 */
import { Entity } from "electrodb";
import { TooManyRequestsError } from "../error.ts";
import { documentClient, tableName } from "../storage/table.ts";

/**
 * One counter: `scope` is the district's slug for a phone's counter, `address` for a client
 * address's (an address floods every district at once, so it is counted across them).
 */
export const RateLimitEntity = new Entity(
  {
    model: { entity: "rateLimit", version: "1", service: "wangge" },
    attributes: {
      scope: { type: "string", required: true, readOnly: true },
      key: { type: "string", required: true, readOnly: true },
      points: { type: "number", required: true },
      /** Seconds since the epoch when the window ends (-1: never), as the library's store keeps it. */
      expire: { type: "number", required: true },
      /** The table's time to live: DynamoDB deletes the counter a day after its window ends. */
      expiresAt: { type: "number" },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["scope", "key"] }, sk: { field: "sk", composite: [] } },
    },
  },
  { table: tableName(), client: documentClient() },
);

/** What `RateLimiterDynamo._getRateLimiterRes` reads. */
interface StoredCounter {
  key: string;
  points: number;
  expire: number;
}

function split(rlKey: string): { scope: string; key: string } {
  const at = rlKey.indexOf("/");
  return at < 0 ? { scope: "platform", key: rlKey } : { scope: rlKey.slice(0, at), key: rlKey.slice(at + 1) };
}

const counterOf = (key: string, item: { points: number; expire: number }): StoredCounter => ({
  key,
  points: item.points,
  expire: item.expire,
});

type Library = typeof import("rate-limiter-flexible");
let library: Promise<Library> | undefined;
const loadLibrary = () => {
  library ??= import("rate-limiter-flexible");
  return library;
};

/**
 * The library's DynamoDB limiter with its three storage calls on the project's table. Keys are
 * `<scope>/<limit code>:<key>`, so that a district's counters sit under its slug.
 */
const tableRateLimiter = ({ RateLimiterDynamo }: Library) =>
  class TableRateLimiter extends RateLimiterDynamo {
    constructor(options: { points: number; duration: number }) {
      // The table exists and has its time to live already: the library must not create either.
      super({ ...options, keyPrefix: "", storeClient: documentClient(), tableCreated: true, ttlSet: true } as never);
    }

    async _get(rlKey: string): Promise<StoredCounter | null> {
      const item = (await RateLimitEntity.get(split(rlKey)).go({ consistent: true })).data;
      if (!item || (item.expire !== -1 && item.expire <= Date.now() / 1000)) return null;
      return counterOf(rlKey, item);
    }

    async _delete(rlKey: string): Promise<boolean> {
      const gone = await RateLimitEntity.delete(split(rlKey)).go({ response: "all_old" });
      return Boolean(gone.data);
    }

    async _upsert(rlKey: string, points: number, msDuration: number, forceExpire = false): Promise<StoredCounter> {
      const nowSeconds = Date.now() / 1000;
      const expire = msDuration > 0 ? (Date.now() + msDuration) / 1000 : -1;
      const expiresAt = expire === -1 ? undefined : Math.ceil(expire) + 86_400;
      const fresh = () => RateLimitEntity.update(split(rlKey)).set({ points, expire, ...(expiresAt ? { expiresAt } : {}) });
      if (forceExpire) return counterOf(rlKey, (await fresh().go({ response: "all_new" })).data as StoredCounter);
      try {
        // A new window: no counter yet, or the last one's window has ended.
        const started = await fresh()
          .where((attr, op) => `${op.notExists(attr.points)} OR ${op.lte(attr.expire, nowSeconds)}`)
          .go({ response: "all_new" });
        return counterOf(rlKey, started.data as StoredCounter);
      } catch (error) {
        if ((error as { cause?: { name?: string } }).cause?.name !== "ConditionalCheckFailedException") throw error;
        // The current window: add the points.
        const added = await RateLimitEntity.update(split(rlKey))
          .add({ points })
          .where((attr, op) => op.gt(attr.expire, nowSeconds))
          .go({ response: "all_new" });
        return counterOf(rlKey, added.data as StoredCounter);
      }
    }
  };

export interface RateLimit {
  /** The code of the 429 (`rate.phone`, `rate.address`). */
  code: string;
  /** The counter's name in the table (one per limit). */
  counter: string;
  /** Tries allowed per window. */
  points: number;
  /** The window, in seconds. */
  duration: number;
  /** What the caller is told, in English (the portal says it in Chinese by the code). */
  message: string;
}

const limiters = new Map<RateLimit, { consume(key: string): Promise<unknown> }>();

/**
 * Counts one try against `limit` for `key` within `scope` (a district's slug, or `address`);
 * over the limit → 429 with the seconds until the window ends.
 */
export async function consume(limit: RateLimit, scope: string, key: string): Promise<void> {
  const loaded = await loadLibrary();
  let limiter = limiters.get(limit);
  if (!limiter) {
    limiter = new (tableRateLimiter(loaded))({ points: limit.points, duration: limit.duration });
    limiters.set(limit, limiter);
  }
  try {
    await limiter.consume(`${scope}/${limit.counter}:${key}`);
  } catch (refusal) {
    if (!(refusal instanceof loaded.RateLimiterRes)) throw refusal;
    throw new TooManyRequestsError(limit.code, limit.message, Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
  }
}

/**
 * The limits on one-time codes: per phone (in its district) and per client address (across
 * districts). Sending costs an SMS; checking invites guessing (the phone's own lock after ten
 * wrong codes stops guessing one phone; the address's limit stops spraying many).
 */
export const CodeLimits = {
  sendsPerPhone: {
    code: "rate.phone",
    counter: "code-sends",
    points: 5,
    duration: 3600,
    message: "Too many codes were sent to this phone number; try again later.",
  },
  sendsPerAddress: {
    code: "rate.address",
    counter: "code-sends",
    points: 20,
    duration: 3600,
    message: "Too many codes were asked for from this network; try again later.",
  },
  checksPerAddress: {
    code: "rate.address",
    counter: "code-checks",
    points: 60,
    duration: 3600,
    message: "Too many codes were tried from this network; try again later.",
  },
} satisfies Record<string, RateLimit>;
