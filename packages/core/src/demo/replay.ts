import { Entity } from "electrodb";
import { withActor, type Actor } from "../actor.ts";
import { ConflictError } from "../error.ts";
import { documentClient, tableName } from "../storage/table.ts";
import { withClock } from "../util/clock.ts";
import { scopedID, withIDs } from "../util/id.ts";

/**
 * How the demo replays its year: each step (a district's grids, its people, its cadres, its
 * tickets…) is a plan of items, each item a sequence of actions through the core functions.
 * Every action runs with IDs derived from its place in the plan (`withIDs`), so the demo's own
 * records are recognisable: a step that was interrupted (Ctrl-C, a crash, DynamoDB Local
 * killed) is resumed by looking up which of its records are already there, and records people
 * created meanwhile are never mistaken for the demo's.
 */

/**
 * Transactions per second DynamoDB Local allows on the development machine (2 cores, data on
 * disk as `npm start` keeps it) for transactions of a ticket transition's size (24 items: the
 * ticket, its timeline entry, a notification and 21 counters), measured by `npm run bench:demo`
 * (37/s; 130–160/s for transactions of two items). The yardstick `npm start` prints the
 * replay's rate against.
 */
export const DynamoLocalTransactionsPerSecond = 37;

/** The plan's version: a table seeded by another version holds an older demo. */
export const DemoPlan = "2";

/** A step's marker: started (and how far), or done. */
export const SeedMarkerEntity = new Entity(
  {
    model: { entity: "seedMarker", version: "1", service: "wangge" },
    attributes: {
      name: { type: "string", required: true },
      at: { type: "string", required: true },
      /** The plan version that wrote it (absent: the first demo, before steps could resume). */
      plan: { type: "string" },
      state: { type: ["started", "done"] as const },
      done: { type: "number" },
      total: { type: "number" },
    },
    indexes: { primary: { pk: { field: "pk", composite: ["name"] }, sk: { field: "sk", composite: [] } } },
  },
  { table: tableName(), client: documentClient() },
);

/** Thrown by a step that a test (or `DEMO_INTERRUPT`) stops part-way, as Ctrl-C would. */
export class DemoInterrupted extends Error {
  constructor(step: string, after: number) {
    super(`demo step ${step} interrupted after ${after} actions`);
    this.name = "DemoInterrupted";
  }
}

const interruptions = new Map<string, number>();

/**
 * Stops the step `step` after `after` actions of its next run (the actions in flight finish,
 * no new one starts): how the tests show that every step resumes. `null` clears them all.
 */
export function interruptAfter(step: string | null, after = 0) {
  if (step === null) interruptions.clear();
  else interruptions.set(step, after);
}

export interface DemoProgress {
  step: string;
  done: number;
  total: number;
}

const listeners = new Set<(progress: DemoProgress) => void>();

/** Calls `listener` as items of any step finish; returns the function that removes it. */
export function onProgress(listener: (progress: DemoProgress) => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface StepRun {
  readonly name: string;
  /** An earlier run started this step: look up which of the plan's records are there first. */
  readonly resuming: boolean;
  /**
   * One action of the plan, through a core function: as `actor` (or the caller's actor), at
   * `at` on the domain clock, with IDs derived from the step's name and `key` (see `idOf`). A conflict (a lost race on a shared
   * counter) is retried; after that the action's error is thrown.
   */
  act<T>(key: string, at: Date | number, actor: Actor | null, body: () => Promise<T>): Promise<T>;
  /** `records` of a long action are written (a test may stop the step there). */
  reached(records: number): void;
  /** An item of the plan is done (for progress). */
  item(count?: number): void;
  /** Items people took over before the demo got to them (someone acted on a demo record). */
  tookOver: number;
}

/** DynamoDB requests the process has sent since `countRequests` was first called, by command. */
const requestCounts = { transactions: 0, requests: 0 };
let counting = false;

/** Counts the DynamoDB requests of this process (for the demo's "transactions per second"). */
export function countRequests() {
  if (counting) return requestCounts;
  counting = true;
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      requestCounts.requests++;
      if (context.commandName === "TransactWriteCommand" || context.commandName === "TransactWriteItemsCommand")
        requestCounts.transactions++;
      return next(args);
    },
    { step: "initialize", name: "countDemoRequests" },
  );
  return requestCounts;
}

type MarkerState = "missing" | "started" | "done" | "older";

/** Where a step stands. */
async function markerState(name: string): Promise<MarkerState> {
  const marker = (await SeedMarkerEntity.get({ name }).go()).data;
  if (!marker) return "missing";
  if (marker.plan !== DemoPlan) return "older";
  return marker.state === "done" ? "done" : "started";
}

/** The markers of `names`, as a map (missing ones absent). */
export async function readMarkers(names: string[]) {
  const result = await SeedMarkerEntity.get(names.map((name) => ({ name }))).go();
  return new Map(result.data.map((marker) => [marker.name, marker]));
}

/**
 * Runs the step `name` once: skipped when done, resumed when started, else run fresh. The
 * marker says `started` (with done/total, for the portal's progress) until the body returns,
 * then `done`. Returns null when there was nothing to do.
 */
export async function runStep<T>(name: string, total: number, body: (step: StepRun) => Promise<T>): Promise<T | null> {
  const state = await markerState(name);
  if (state === "done") return null;
  if (state === "older") throw new OlderDemoError();
  const startedAt = new Date().toISOString();
  const save = (fields: { state: "started" | "done"; done: number }) =>
    SeedMarkerEntity.put({ name, at: startedAt, plan: DemoPlan, total, ...fields }).go();
  await save({ state: "started", done: 0 });
  let actions = 0;
  let done = 0;
  let saved = Date.now();
  let saving: Promise<unknown> = Promise.resolve();
  const stop = interruptions.get(name) ?? Infinity;
  const run: StepRun = {
    name,
    resuming: state === "started",
    tookOver: 0,
    async act(key, at, actor, action) {
      if (actions >= stop) throw new DemoInterrupted(name, stop);
      actions++;
      const once = () => withIDs(`${name}/${key}`, () => withClock(new Date(at), action));
      for (let attempt = 1; ; attempt++) {
        try {
          return await (actor ? withActor(actor, once) : once());
        } catch (error) {
          if (!(error instanceof ConflictError) || attempt >= 6) throw error;
          await new Promise((resolve) => setTimeout(resolve, 15 * attempt * attempt));
        }
      }
    },
    reached(records) {
      if (records >= stop) throw new DemoInterrupted(name, stop);
    },
    item(count = 1) {
      done += count;
      for (const listener of listeners) listener({ step: name, done, total });
      // The portal reads how far the demo is from the marker: saved every few seconds.
      if (Date.now() - saved > 3000) {
        saved = Date.now();
        saving = saving.then(() => save({ state: "started", done })).catch(() => undefined);
      }
    },
  };
  const result = await body(run);
  await saving;
  await save({ state: "done", done: total });
  return result;
}

/** The table holds a demo seeded by an older version of Wangge, which this one cannot resume. */
export class OlderDemoError extends Error {
  constructor() {
    super(
      "The data folder holds the demo of an older version of Wangge: delete it (.data/) and run `npm start` again to seed this version's demo.",
    );
    this.name = "OlderDemoError";
  }
}

/**
 * Runs `run` over `items` with at most `concurrency` at a time, in plan order. After a failure
 * no new item starts; the call rejects with it once the items in flight settled.
 */
export async function pool<T>(items: readonly T[], concurrency: number, run: (item: T, index: number) => Promise<unknown>) {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const index = next++;
      await run(items[index], index).catch((error: unknown) => {
        failure ??= { error };
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failure) throw failure.error;
}

/**
 * Runs an item's actions in order, skipping the first `from` (an earlier run made them): each
 * call of the returned function is the item's next action; a skipped one returns `undefined`.
 */
export function sequence(step: StepRun, key: string, from: number) {
  let n = 0;
  return async <T>(at: Date | number, actor: Actor | null, body: () => Promise<T>): Promise<T | undefined> => {
    const index = n++;
    if (index < from) return undefined;
    return step.act(`${key}/${index}`, at, actor, body);
  };
}

/** The `n`-th ID with `prefix` that the action `key` of the step `name` made at `at`. */
export function idOf(name: string, key: string, prefix: string, at: Date | number, n = 0) {
  return scopedID(`${name}/${key}`, prefix, n, new Date(at));
}

/** Looks up items by key, 100 a request (BatchGetItem): which of the plan's records exist. */
export async function getMany<K extends Record<string, string>, R>(keys: K[], get: (keys: K[]) => Promise<R[]>): Promise<R[]> {
  const found: R[] = [];
  for (let start = 0; start < keys.length; start += 100) found.push(...(await get(keys.slice(start, start + 100))));
  return found;
}
