import { actorID, actorName, assertGridScope, assertRole, inGridScope, useActor, useTenant, type DistrictRole } from "../actor.ts";
import * as Config from "../config/index.ts";
import type { RegisterSettings } from "../config/settings.ts";
import { ForbiddenError, InputError, NotFoundError } from "../error.ts";
import { placeOfGrid, placeOfPoint, type Place } from "../grid/place.ts";
import { now } from "../util/clock.ts";
import { newID } from "../util/id.ts";
import { RegisterAccessEntity, type AccessActions } from "./register.entity.ts";

/** Who keeps the register: grid workers and leaders on their own grid and below, district admins everywhere. */
export const RegisterStaff: DistrictRole[] = ["grid_worker", "grid_leader", "district_admin"];

/** The register's settings, with the mechanism on (403 `mechanism.off` otherwise); staff only. */
export async function registerSettings(): Promise<RegisterSettings> {
  const config = await Config.requireMechanism("register");
  return config.register;
}

/** Staff of the register, within the register's mechanism: the settings. */
export async function asRegisterStaff(): Promise<RegisterSettings> {
  assertRole(...RegisterStaff);
  return registerSettings();
}

/** The place of a new record: a grid named (in this district, active), or the point's grid; within the caller's grid. */
export async function placeOf(input: { gridID?: string; lon?: number; lat?: number }): Promise<Place> {
  const place = input.gridID ? await placeOfGrid(input.gridID) : await placeOfPoint(input.lon!, input.lat!);
  assertGridScope(place.gridPath);
  return place;
}

export const pathKeyOf = (place: Place, id: string) => `${place.gridPath.join("/")}/${id}`;

/** A record outside the caller's grid reads as missing (a worker does not learn what other grids hold). */
export function assertVisible(gridPath: readonly string[], code: string, what: string) {
  if (!inGridScope(gridPath)) throw new NotFoundError(code, `There is no ${what} in your grid.`);
}

/** Whether the caller may see a person's full fields (the district's `revealRoles`; grid roles within their grid). */
export function mayReveal(settings: RegisterSettings, gridPath: readonly string[]): boolean {
  const actor = useActor();
  if (actor.type === "system") return true;
  if (actor.type !== "user") return false;
  return actor.roles.some((role) => (settings.revealRoles as DistrictRole[]).includes(role)) && inGridScope(gridPath);
}

export function assertMayReveal(settings: RegisterSettings, gridPath: readonly string[]) {
  if (!mayReveal(settings, gridPath))
    throw new ForbiddenError("register.reveal_role", "Your role may not see this person's full data; the masked value is what it may see.");
}

/** Tag keys checked against the district's catalogue, split into clear and sensitive. */
export function splitTags(settings: RegisterSettings, keys: readonly string[], path = "tags") {
  const known = new Map(settings.tags.map((tag) => [tag.key, tag]));
  const unknown = keys.filter((key) => !known.has(key));
  if (unknown.length)
    throw new InputError(
      "register.unknown_tag",
      `The district has no tag ${unknown.join(", ")}.`,
      unknown.map((key) => ({ path, message: `unknown tag ${key}` })),
    );
  const unique = [...new Set(keys)];
  return { clear: unique.filter((key) => !known.get(key)!.sensitive), sensitive: unique.filter((key) => known.get(key)!.sensitive) };
}

/** The counter metrics of the register (standing counts, period `all`). */
export const RegisterMetric = {
  houses: "register.houses",
  households: "register.households",
  people: "register.people",
  organisations: "register.organisations",
  tag: (key: string) => `register.tag.${key}`,
} as const;

/** Writes one entry of the access log; the caller returns what was read only after it is written. */
export async function logAccess(entry: {
  action: (typeof AccessActions)[number];
  recordID?: string;
  recordName?: string;
  field?: string;
  purpose?: string;
  detail?: string;
}) {
  const at = now().toISOString();
  await RegisterAccessEntity.create({
    tenantID: useTenant(),
    accessID: newID("access"),
    at,
    actorID: actorID(),
    actorName: actorName(),
    ...entry,
  }).go();
}

/** Why a full value is read (查看原因): required, said in a sentence. */
export const purposeMessage = "say why you need the full value (at least 2 characters)";
