import { useActor, type DistrictRole } from "../actor.ts";
import { now } from "../util/clock.ts";

/** Helpers the cadre files share (not part of `Cadre`). */

export const MECHANISM = "cadreSecondment";

/** Today in China Standard Time, as the domain clock sees it. */
export const today = () => new Date(now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
/** A counter time inside a CST day (or month): its noon. */
export const noonOf = (day: string) => new Date(`${day}T12:00:00+08:00`).toISOString();

export function roles(): DistrictRole[] {
  const actor = useActor();
  return actor.type === "user" ? actor.roles : actor.type === "system" ? ["district_admin"] : [];
}
export const has = (...wanted: DistrictRole[]) => roles().some((role) => wanted.includes(role));
