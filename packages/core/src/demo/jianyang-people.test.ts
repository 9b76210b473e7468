import { expect, it } from "vitest";
import { template } from "../config/index.ts";
import { generateJianyangGrids } from "./jianyang-grids.ts";
import { generateJianyangPeople, JianyangPeopleCounts } from "./jianyang-people.ts";

it("places the article's grid workforce on the demo grids, each role on a grid it fits", () => {
  const grids = generateJianyangGrids();
  const people = generateJianyangPeople(grids);
  const perRole = Object.fromEntries(
    Object.keys(JianyangPeopleCounts).map((role) => [role, people.filter((person) => person.roleKey === role).length]),
  );
  expect(perRole).toEqual({
    grid_leader_1: 230,
    grid_leader_2: 964,
    grid_worker: 2600,
    grid_instructor: 1194,
    grid_police_chief: 230,
    grid_manager: 254,
    dedicated_grid_worker: 69,
    grid_assistant: 760,
  });
  const tierOf = new Map(grids.features.map((feature) => [feature.properties.code, feature.properties.tier]));
  const roles = new Map(template("jianyang").roles.map((role) => [role.key, role]));
  for (const person of people) {
    const role = roles.get(person.roleKey)!;
    const tier = tierOf.get(person.gridCode);
    expect(tier, person.gridCode).not.toBeUndefined();
    if (role.dedicated) expect(tier).toBeNull();
    else if (role.tier !== null) expect(tier).toBe(role.tier);
    else expect(tier).not.toBeNull();
  }
  expect(people.filter((person) => person.roleKey === "grid_assistant").every((person) => person.homeUnit)).toBe(true);
  expect(new Set(people.map((person) => person.phone)).size).toBe(people.length);
  // Every grid has its leader or worker.
  for (const feature of grids.features.filter((entry) => entry.properties.tier !== null))
    expect(people.some((person) => person.gridCode === feature.properties.code && person.roleKey.startsWith("grid_"))).toBe(true);
});
