import { maxAttempts, run, type Attempt, type Message, type Queue } from "./run.ts";

export interface LocalQueue extends Queue {
  /** Resolves once every job sent so far (and any they sent) has finished. */
  drain(): Promise<void>;
}

/**
 * Jobs in-process, as SQS and the worker Lambda run them on AWS: the message crosses as JSON,
 * runs after the request that sent it has answered, and is delivered again when it throws, up to
 * `maxAttempts()` times. Failures are logged, never left as unhandled rejections; a job records
 * its own outcome (an import's record says `failed`).
 */
export function localQueue(options: { retryDelayMs?: number } = {}): LocalQueue {
  const running = new Set<Promise<void>>();
  const deliver = async (body: string) => {
    // After the current request's reply: the job is background work here too.
    await new Promise((resolve) => setImmediate(resolve));
    const attempts = maxAttempts();
    for (let number = 1; number <= attempts; number++) {
      const attempt: Attempt = { number, last: number === attempts };
      try {
        await run(JSON.parse(body), attempt);
        return;
      } catch (error) {
        console.error(`job failed (attempt ${number} of ${attempts}):`, error);
        if (!attempt.last) await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 100));
      }
    }
  };
  return {
    async send(message: Message) {
      const task = deliver(JSON.stringify(message)).catch((error) => console.error("job delivery failed:", error));
      running.add(task);
      void task.finally(() => running.delete(task));
    },
    async drain() {
      while (running.size) await Promise.all([...running]);
    },
  };
}
