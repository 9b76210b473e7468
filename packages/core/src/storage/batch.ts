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
export async function batchPut(
  items: Record<string, unknown>[],
  options: { concurrency?: number; onProgress?: (written: number, total: number) => void | Promise<void> } = {},
): Promise<BatchStats> {
  const stats: BatchStats = { requests: 0, retries: 0 };
  const chunks: Record<string, unknown>[][] = [];
  for (let start = 0; start < items.length; start += 25) chunks.push(items.slice(start, start + 25));
  let written = 0;
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++];
      let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
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
      await options.onProgress?.(written, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, chunks.length) }, worker));
  return stats;
}
