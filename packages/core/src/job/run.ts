import { z } from "zod";
import { withActor } from "../actor.ts";
import { Actor } from "../actor-schemas.ts";

/**
 * Background work (imports): a job is a kind, its input and the actor who asked for it. It is
 * queued by a request and run later by a worker under that same actor, so domain code reads
 * `useTenant()` there as in the request. On AWS the queue is SQS and the worker a Lambda
 * (`packages/api/src/worker.ts`); locally the same handlers run in-process (`local.ts`).
 */
export const Message = z.object({
  kind: z.string().min(1),
  input: z.unknown(),
  /** Who asked: the worker acts as them (their tenant, their name on what is written). */
  actor: Actor,
});
export type Message = z.infer<typeof Message>;

/** Where jobs go: SQS on AWS, the process itself locally. */
export interface Queue {
  send(message: Message): Promise<void>;
}

/** Which delivery of a message this is: a job that throws is delivered again, up to `maxAttempts()`. */
export interface Attempt {
  number: number;
  /** No delivery follows this one: a job records its failure instead of leaving it to a retry. */
  last: boolean;
}

/** Deliveries of a message before it is set aside (SQS `maxReceiveCount`; infra/worker.ts sets the variable). */
export function maxAttempts(): number {
  return Number(process.env.JOBS_MAX_ATTEMPTS ?? 3);
}

export interface Handler {
  schema: z.ZodType;
  run: (input: unknown, attempt: Attempt) => Promise<void>;
}

const handlers = new Map<string, Handler>();

/** Registers what runs a kind of job (see `define` in index.ts). */
export function register(kind: string, handler: Handler): void {
  if (handlers.has(kind)) throw new Error(`Job kind ${kind} is defined twice`);
  handlers.set(kind, handler);
}

/** Runs one delivered message under the actor who queued it (the worker's entry into the core). */
export async function run(message: unknown, attempt: Attempt): Promise<void> {
  const parsed = Message.parse(message);
  const handler = handlers.get(parsed.kind);
  if (!handler) throw new Error(`No job of kind ${parsed.kind}`);
  await withActor(parsed.actor, () => handler.run(handler.schema.parse(parsed.input), attempt));
}
