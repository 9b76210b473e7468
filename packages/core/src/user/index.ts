import { z } from "zod";
import { AccessRole, DistrictRole, useActor, useTenant } from "../actor.ts";
import { NotFoundError } from "../error.ts";
import { StaffEntity, UserEntity } from "./user.entity.ts";

/** Phones are masked wherever people are listed: 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : "****";
}

export const Profile = z.object({
  userID: z.string(),
  name: z.string(),
  phoneMasked: z.string().nullable(),
  roles: z.array(AccessRole),
  tenantID: z.string().nullable(),
  provinceID: z.string().nullable(),
});
export type Profile = z.infer<typeof Profile>;

/** The signed-in person's own profile. */
export async function me(): Promise<Profile> {
  const actor = useActor();
  if (actor.type === "user") {
    const result = await UserEntity.get({ tenantID: useTenant(), userID: actor.userID }).go();
    if (!result.data) throw new NotFoundError("user.not_found", "Your account is not known to this district.");
    return {
      userID: actor.userID,
      name: result.data.name,
      phoneMasked: maskPhone(result.data.phone),
      roles: actor.roles,
      tenantID: actor.tenantID,
      provinceID: null,
    };
  }
  if (actor.type === "province" || actor.type === "operator") {
    const result = await StaffEntity.get({ userID: actor.userID }).go();
    if (!result.data) throw new NotFoundError("user.not_found", "Your account is not known to the platform.");
    return {
      userID: actor.userID,
      name: result.data.name,
      phoneMasked: null,
      roles: [actor.type === "province" ? "provincial_admin" : "platform_operator"],
      tenantID: null,
      provinceID: actor.type === "province" ? actor.provinceID : null,
    };
  }
  throw new NotFoundError("user.not_found", "Only signed-in people have a profile.");
}

/** A district user by ID, for the token issuer (system actor, inside the tenant). */
export async function find(userID: string) {
  const result = await UserEntity.get({ tenantID: useTenant(), userID }).go();
  if (!result.data || result.data.status !== "active") return undefined;
  return { ...result.data, roles: z.array(DistrictRole).parse(result.data.roles) };
}

/** Platform staff (operator, provincial admin) by ID. */
export async function findStaff(userID: string) {
  const result = await StaffEntity.get({ userID }).go();
  return result.data ?? undefined;
}

export { UserEntity, StaffEntity };
