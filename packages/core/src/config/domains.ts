/**
 * Which configuration changes would break the district's existing data (破坏性变更), and why.
 * A change may rename anything, switch mechanisms off and change deadlines: the data stays.
 * It may not take away what records still stand on: a tier or dedicated kind that holds active
 * grids, a role people hold, a category with open tickets, a department open tickets sit with.
 *
 * Each domain knows its own records, so each checks a change against them: the grids, the
 * people and the tickets register their check here when their module loads. The configuration
 * sits below every domain and imports none of them: what else it needs from them (do the grids a
 * routing rule names exist? the acting user's name for the history) they register here too. Each reason is an `ErrorDetail` whose path names
 * the section (`tiers`, `roles`, `tickets.categories` …); callers prefix it with where the
 * settings came from.
 */
import type { ErrorDetail } from "../error.ts";
import type { DistrictSettings } from "./settings.ts";

/** A domain's check of a change from `current` to `next` against its records: the reasons it would break them. */
export type BreakingCheck = (current: DistrictSettings, next: DistrictSettings) => Promise<ErrorDetail[]>;

/** The domains whose records a configuration change can break. */
const Domains = ["grid", "person", "ticket"] as const;
const checks = new Map<(typeof Domains)[number], BreakingCheck>();

/** Registers `domain`'s check (its module does, when it loads). */
export function checkConfigChanges(domain: (typeof Domains)[number], check: BreakingCheck) {
  checks.set(domain, check);
}

type Lookups = {
  /** The IDs among `gridIDs` that are grids of the district (registered by the grids). */
  existingGrids?: (gridIDs: string[]) => Promise<Set<string>>;
  /** A district user's name (registered by the users). */
  userName?: (userID: string) => Promise<string | null>;
};
const lookups: Lookups = {};

/** Registers what the configuration looks up in a domain above it (its module does, when it loads). */
export function provideConfigLookup<K extends keyof Lookups>(name: K, lookup: NonNullable<Lookups[K]>) {
  lookups[name] = lookup;
}

/** A registered lookup; a clear error if its domain's module was never loaded. */
export function lookup<K extends keyof Lookups>(name: K): NonNullable<Lookups[K]> {
  const found = lookups[name];
  if (!found) throw new Error(`The configuration's lookup ${name} is not loaded: import @wangge/core (its index loads every domain).`);
  return found;
}

/** Every reason why going from `current` to `next` would break existing data (none: it may go ahead). */
export async function breakingChanges(current: DistrictSettings, next: DistrictSettings): Promise<ErrorDetail[]> {
  const missing = Domains.filter((domain) => !checks.has(domain));
  if (missing.length)
    throw new Error(
      `The configuration checks of ${missing.join(", ")} are not loaded: import @wangge/core (its index loads every domain).`,
    );
  const reasons = await Promise.all(Domains.map((domain) => checks.get(domain)!(current, next)));
  return reasons.flat();
}

/** How the reasons name what is in the way: "3 grids: …". */
export const SHOWN = 20;
export const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
export const codes = (items: { code: string }[], more: boolean) =>
  `${items
    .slice(0, SHOWN)
    .map((item) => item.code)
    .join(", ")}${more || items.length > SHOWN ? " …" : ""}`;
