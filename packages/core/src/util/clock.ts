import { AsyncLocalStorage } from "node:async_hooks";

const storage = new AsyncLocalStorage<() => Date>();

/**
 * The current time as the domain sees it. Normally the wall clock; the demo seed replays a
 * year of events through the same core functions by running them at the time they happened.
 */
export function now(): Date {
  const clock = storage.getStore();
  return clock ? clock() : new Date();
}

export function withClock<T>(at: Date, body: () => T): T {
  return storage.run(() => new Date(at), body);
}
