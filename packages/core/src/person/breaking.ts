import { useTenant } from "../actor.ts";
import { checkConfigChanges, count } from "../config/domains.ts";
import type { DistrictSettings, RoleDefinition } from "../config/settings.ts";
import type { ErrorDetail } from "../error.ts";
import { now } from "../util/clock.ts";
import { AssignmentEntity } from "./person.entity.ts";

/** People holding a role now or from a later date (an assignment not ended), by role key. */
async function holders(roleKey: string): Promise<number> {
  const today = now().toISOString().slice(0, 10);
  const result = await AssignmentEntity.query
    .byRole({ tenantID: useTenant(), roleKey })
    .go({ pages: "all", attributes: ["personID", "to"] });
  return new Set(result.data.filter((item) => !item.to || item.to >= today).map((item) => item.personID)).size;
}

const sameFit = (a: RoleDefinition, b: RoleDefinition) => a.accessRole === b.accessRole && a.tier === b.tier && a.dedicated === b.dedicated;

/** Roles removed, or changed in what they let holders do or where they work, while people hold them. */
async function roleBreaks(current: DistrictSettings, next: DistrictSettings): Promise<ErrorDetail[]> {
  const found: ErrorDetail[] = [];
  for (const role of current.roles) {
    const after = next.roles.find((other) => other.key === role.key);
    if (after && sameFit(role, after)) continue;
    const people = await holders(role.key);
    if (!people) continue;
    const what = after
      ? `changes its ${[
          role.accessRole !== after.accessRole ? `access role (${role.accessRole} → ${after.accessRole})` : "",
          role.tier !== after.tier || role.dedicated !== after.dedicated ? "tier" : "",
        ]
          .filter(Boolean)
          .join(" and ")} while`
      : "is removed while";
    found.push({
      path: "roles",
      message: `role ${role.key} (${role.nameZh}) ${what} ${count(people, "person", "people")} hold${people === 1 ? "s" : ""} it`,
    });
  }
  return found;
}

/** A configuration change may not take away (or move) a role people hold. */
checkConfigChanges("person", roleBreaks);
