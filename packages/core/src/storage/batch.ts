import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "./table.ts";

export interface BatchStats {
  requests: number;
  retries: number;
}

/**
 * Writes items with BatchWriteItem (25 a request, a few requests at once), retrying the
 * unprocessed items with backoff. Not atomic: callers validate everything first.
 */
export function batchPut(items: Record<string, unknown>[], options: BatchOptions = {}): Promise<BatchStats> {
  return batchWrite(
    items.map((Item) => ({ PutRequest: { Item } })),
    options,
  );
}

/** Deletes items by their keys (`{ pk, sk }`), like `batchPut`. */
export function batchDelete(keys: Record<string, unknown>[], options: BatchOptions = {}): Promise<BatchStats> {
  return batchWrite(
    keys.map((Key) => ({ DeleteRequest: { Key } })),
    options,
  );
}

interface BatchOptions {
  concurrency?: number;
  onProgress?: (written: number, total: number) => void | Promise<void>;
}

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

async function batchWrite(requests: WriteRequest[], options: BatchOptions): Promise<BatchStats> {
  const stats: BatchStats = { requests: 0, retries: 0 };
  const chunks: WriteRequest[][] = [];
  for (let start = 0; start < requests.length; start += 25) chunks.push(requests.slice(start, start + 25));
  let written = 0;
  let next = 0;
  // After a failure no worker starts another chunk; the call rejects once the others settled.
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < chunks.length) {
      const chunk = chunks[next++];
      try {
        let pending = chunk;
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt > 0) {
            stats.retries++;
            if (attempt > 8) throw new Error(`${pending.length} items stayed unprocessed after ${attempt} attempts`);
            await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * 2 ** attempt)));
          }
          stats.requests++;
          const result = await documentClient().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
          pending = (result.UnprocessedItems?.[tableName()] ?? []) as typeof pending;
        }
        written += chunk.length;
        await options.onProgress?.(written, requests.length);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, chunks.length) }, worker));
  if (failure) throw failure.error;
  return stats;
}
