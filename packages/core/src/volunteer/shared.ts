import { z } from "zod";
import { useActor, type DistrictRole } from "../actor.ts";
import type { NamedKind } from "../config/index.ts";
import { ConflictError, InputError } from "../error.ts";
import { pathPrefix, placeOfGrid } from "../grid/place.ts";
import { now } from "../util/clock.ts";

/** Helpers the volunteer files share (not part of `Volunteer`). */

export const Name = z.string().trim().min(1).max(40);

/** Who may set up teams, their members and the owners'-committee records. */
export const ORGANISERS: DistrictRole[] = ["district_admin", "grid_leader"];
/** Who may also record activities and problems solved: grid workers run them on their grids. */
export const RECORDERS: DistrictRole[] = ["district_admin", "grid_leader", "grid_worker"];

/** Staff who call volunteers need whole phone numbers; everyone else sees 138****5678. */
export function seesPhones(): boolean {
  const actor = useActor();
  if (actor.type === "system") return true;
  return actor.type === "user" && actor.roles.some((role) => ["district_admin", "grid_leader", "grid_worker"].includes(role));
}

/** Today in China Standard Time (YYYY-MM-DD). */
export function today(): string {
  return new Date(now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The moment a dated record counts at: noon of its day, China Standard Time. */
export function atOf(date: string): string {
  return new Date(`${date}T12:00:00+08:00`).toISOString();
}

export function notAfterToday(date: string, path: string) {
  if (date > today())
    throw new InputError("volunteer.future_date", `${date} has not come yet; record what has happened.`, [
      { path, message: "in the future" },
    ]);
}

export function checkKind(kinds: NamedKind[], key: string, path: string, what: string) {
  if (!kinds.some((kind) => kind.key === key))
    throw new InputError("volunteer.unknown_kind", `There is no ${what} "${key}" in this district.`, [
      { path, message: `one of ${kinds.map((kind) => kind.key).join(", ")}` },
    ]);
}

/** The key prefix of a grid and everything below it. */
export const prefixOf = async (gridID: string) => pathPrefix(await placeOfGrid(gridID));

/** A transaction that lost a race (a counter or the team written at the same time): nothing was written. */
export const changed = () =>
  new ConflictError("volunteer.changed", "Someone else wrote to the same records at the same time; nothing was saved, try again.");
