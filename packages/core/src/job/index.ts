import type { z } from "zod";
import { useActor } from "../actor.ts";
import { VisibleError } from "../error.ts";
import { localQueue } from "./local.ts";
import { register, type Attempt, type Handler, type Queue } from "./run.ts";
import { sqsQueue } from "./sqs.ts";

/**
 * Declares a kind of job: `enqueue(input)` queues it as the current actor; the worker parses the
 * input with `schema` and calls `run`. A job must be safe to run again (a message can be
 * delivered twice, or again after a timeout): it keeps its own checkpoint.
 */
export function define<Schema extends z.ZodType>(
  kind: string,
  schema: Schema,
  run: (input: z.output<Schema>, attempt: Attempt) => Promise<void>,
) {
  register(kind, { schema, run: run as Handler["run"] });
  return {
    kind,
    enqueue: (input: z.input<Schema>) => queue().send({ kind, input: schema.parse(input), actor: useActor() }),
  };
}

let current: Queue | undefined;

/**
 * The queue: SQS when `JOBS_QUEUE_URL` is set (on AWS), else in-process. Never in-process on
 * Lambda: a function is frozen once it has replied, and the job would stop with it.
 */
export function queue(): Queue {
  const url = process.env.JOBS_QUEUE_URL;
  if (!url && !current && process.env.AWS_LAMBDA_FUNCTION_NAME)
    throw new Error("JOBS_QUEUE_URL must be set on Lambda (infra/worker.ts: allowEnqueue): a job cannot run after the reply");
  current ??= url ? sqsQueue(url) : localQueue();
  return current;
}

/** Puts another queue in place (tests); returns the one it replaced. */
export function useQueue(next: Queue | undefined): Queue | undefined {
  const previous = current;
  current = next;
  return previous;
}

export { localQueue, type LocalQueue } from "./local.ts";
export { sqsQueue, type SendMessage } from "./sqs.ts";
export { Message, maxAttempts, run, type Attempt, type Queue } from "./run.ts";

/** A job record's failure as callers see it (`failureCode`, `failureMessage`), or null. */
export function failureOf(item: { failureCode?: string; failureMessage?: string }): { code: string; message: string } | null {
  return item.failureCode ? { code: item.failureCode, message: item.failureMessage ?? "" } : null;
}

/** What a job records of the error that ends it: a visible error's code and message, else `internal` and `internalMessage`. */
export function failureFields(error: unknown, internalMessage: string): { failureCode: string; failureMessage: string } {
  return error instanceof VisibleError
    ? { failureCode: error.code, failureMessage: error.message }
    : { failureCode: "internal", failureMessage: internalMessage };
}
