import { provideConfigLookup } from "../config/domains.ts";
import { useTenant } from "../actor.ts";
import { UserEntity } from "./user.entity.ts";

/** The configuration's history names who made each version. */
provideConfigLookup("userName", async (userID) => {
  const result = await UserEntity.get({ tenantID: useTenant(), userID }).go({ attributes: ["name"] });
  return result.data?.name ?? null;
});
