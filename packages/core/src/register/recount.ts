import { useTenant } from "../actor.ts";
import { compareTallies, ExpectedTallies } from "../counter/recount.ts";
import { gridScopes } from "../counter/tally.ts";
import { unseal } from "./protect.ts";
import { HouseEntity, HouseholdEntity, OrganisationEntity, ResidentRecordEntity } from "./register.entity.ts";
import { RegisterMetric } from "./shared.ts";

/**
 * Rebuilds the `register.*` counters (standing counts: houses, households, living people, each
 * tag, organisations per grid and the district) from the records. Returns the drift; with
 * `repair`, writes the recounted values.
 */
export async function recount(options: { repair?: boolean } = {}) {
  const tenantID = useTenant();
  const expected = new ExpectedTallies();
  const all = { pages: "all" } as const;
  for (const house of (await HouseEntity.query.byGrid({ tenantID }).go(all)).data)
    expected.addState(gridScopes(house.gridPath), RegisterMetric.houses);
  for (const household of (await HouseholdEntity.query.byGrid({ tenantID }).go(all)).data)
    expected.addState(gridScopes(household.gridPath), RegisterMetric.households);
  for (const person of (await ResidentRecordEntity.query.byGrid({ tenantID, status: "living" }).go(all)).data) {
    const scopes = gridScopes(person.gridPath);
    expected.addState(scopes, RegisterMetric.people);
    const sensitive = person.sensitiveTagCount ? (((await unseal(person.sealed)).sensitiveTags as string[] | null) ?? []) : [];
    for (const tag of [...(person.tags ?? []), ...sensitive]) expected.addState(scopes, RegisterMetric.tag(tag));
  }
  for (const organisation of (await OrganisationEntity.query.byGrid({ tenantID }).go(all)).data)
    expected.addState(gridScopes(organisation.gridPath), RegisterMetric.organisations);
  return compareTallies(expected, ["register."], options);
}
