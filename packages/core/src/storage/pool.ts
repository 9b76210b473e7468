/**
 * Runs `each` over `items`, at most `limit` at a time (in the order given): a district's
 * thousands of scopes read without thousands of requests in flight at once.
 */
export async function forEachLimit<T>(items: Iterable<T>, limit: number, each: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  let next = 0;
  const worker = async () => {
    while (next < queue.length) await each(queue[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, queue.length)) }, worker));
}
