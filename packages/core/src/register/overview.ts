import { z } from "zod";
import { inGridScope, useTenant } from "../actor.ts";
import { readTallies } from "../counter/tally.ts";
import * as Grid from "../grid/index.ts";
import { ROOT } from "../grid/model.ts";
import { pathPrefix, placeToList } from "../grid/place.ts";
import { fn } from "../util/fn.ts";
import { HouseEntity, OrganisationEntity } from "./register.entity.ts";
import { asRegisterStaff, RegisterMetric } from "./shared.ts";

/** A grid's (or the district's) standing counts in the register: houses, households, people, organisations, each tag. */
export const RegisterCounts = z.object({
  houses: z.number(),
  households: z.number(),
  people: z.number(),
  organisations: z.number(),
  /** People per special-group tag (sensitive ones too: a count names nobody). */
  tags: z.record(z.string(), z.number()),
});
export type RegisterCounts = z.infer<typeof RegisterCounts>;

async function countsOf(scope: string): Promise<RegisterCounts> {
  const tallies = await readTallies(scope, "all");
  const count = (metric: string) => tallies[metric]?.count ?? 0;
  const tags: Record<string, number> = {};
  for (const [metric, value] of Object.entries(tallies)) if (metric.startsWith("register.tag.")) tags[metric.slice(13)] = value.count;
  return {
    houses: count(RegisterMetric.houses),
    households: count(RegisterMetric.households),
    people: count(RegisterMetric.people),
    organisations: count(RegisterMetric.organisations),
    tags,
  };
}

export const RegisterCountsInput = z.object({ gridID: z.string().max(80).optional() });

/**
 * The counts of a grid (the caller's by default; the district for an admin) and of each of its
 * children (all of them), from the counters kept with the records: one Query per grid, no scan.
 */
export const registerCounts = fn(RegisterCountsInput, async (input) => {
  await asRegisterStaff();
  const place = await placeToList(input.gridID);
  const scope = place ? `grid:${place.gridID}` : "district";
  // Every child, a page of 200 at a time (Jianyang's first tier alone is 230 grids).
  const all: Grid.Grid[] = [];
  let cursor: string | undefined;
  do {
    const page = await Grid.list({ parentID: place?.gridID ?? ROOT, limit: 200, cursor });
    all.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  const children = all.filter((grid) => inGridScope([...grid.path, grid.gridID]));
  const [own, ...each] = await Promise.all([countsOf(scope), ...children.map((grid) => countsOf(`grid:${grid.gridID}`))]);
  return {
    gridID: place?.gridID ?? null,
    counts: own,
    children: children.map((grid, index) => ({ gridID: grid.gridID, code: grid.code, name: grid.name, counts: each[index] })),
  };
});

/** The most points a map reads at once (a district's houses in Jianyang's demo community are a few thousand). */
export const MAX_POINTS = 50_000;

export const RegisterPointsInput = z.object({ gridID: z.string().max(80).optional() });

/**
 * Houses and organisations of a grid and below as points for the command map (一张网): compact
 * rows, no personal data. Read from the grid index by path prefix.
 */
export const registerPoints = fn(RegisterPointsInput, async (input) => {
  await asRegisterStaff();
  const tenantID = useTenant();
  const place = await placeToList(input.gridID);
  const prefix = place ? pathPrefix(place) : "";
  const houses = await HouseEntity.query
    .byGrid({ tenantID })
    .begins({ gridPathKey: prefix })
    .go({ pages: "all", attributes: ["houseID", "lon", "lat", "kind", "households", "gridID", "address"] });
  const organisations = await OrganisationEntity.query
    .byGrid({ tenantID })
    .begins({ gridPathKey: prefix })
    .go({ pages: "all", attributes: ["organisationID", "lon", "lat", "kind", "name", "gridID"] });
  return {
    houses: houses.data.slice(0, MAX_POINTS).map((house) => ({
      houseID: house.houseID,
      lon: house.lon,
      lat: house.lat,
      kind: house.kind,
      households: house.households ?? 0,
      gridID: house.gridID,
      address: house.address,
    })),
    organisations: organisations.data.slice(0, MAX_POINTS).map((org) => ({
      organisationID: org.organisationID,
      lon: org.lon,
      lat: org.lat,
      kind: org.kind,
      name: org.name,
      gridID: org.gridID,
    })),
    truncated: houses.data.length > MAX_POINTS || organisations.data.length > MAX_POINTS,
  };
});
