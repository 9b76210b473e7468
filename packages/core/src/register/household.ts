import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertGridScope, useTenant } from "../actor.ts";
import { gridScopes, Tally } from "../counter/tally.ts";
import { ConflictError, NotFoundError } from "../error.ts";
import { pathPrefix, placeToList } from "../grid/place.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import { loadHouse } from "./house.ts";
import { unseal } from "./protect.ts";
import { HouseEntity, HouseholdEntity, ResidentRecordEntity } from "./register.entity.ts";
import { asRegisterStaff, assertVisible, pathKeyOf, RegisterMetric } from "./shared.ts";

/** A move of a household from one house (and grid) to another: its history. */
export const HouseholdMove = z.object({
  fromHouseID: z.string(),
  fromGridID: z.string(),
  toHouseID: z.string(),
  toGridID: z.string(),
  at: z.string(),
  by: z.string(),
});

/** A household (住户) as callers see it. */
export const Household = z.object({
  householdID: z.string(),
  houseID: z.string(),
  address: z.string(),
  gridID: z.string(),
  gridPath: z.array(z.string()),
  headRecordID: z.string().nullable(),
  headName: z.string().nullable(),
  members: z.number(),
  moves: z.array(HouseholdMove),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Household = z.infer<typeof Household>;

type HouseholdItem = EntityItem<typeof HouseholdEntity>;

export const toHousehold = (item: HouseholdItem): Household => ({
  householdID: item.householdID,
  houseID: item.houseID,
  address: item.address,
  gridID: item.gridID,
  gridPath: item.gridPath,
  headRecordID: item.headRecordID ?? null,
  headName: item.headName ?? null,
  members: item.members ?? 0,
  moves: item.moves ?? [],
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
});

export const CreateHouseholdInput = z.object({ houseID: z.string().max(80) });

/** Opens a household (住户) in a house of the caller's grid; its members are added as people of the register. */
export const createHousehold = fn(CreateHouseholdInput, async (input) => {
  await asRegisterStaff();
  const house = await loadHouse(input.houseID);
  assertGridScope(house.gridPath);
  const at = now().toISOString();
  const householdID = newID("household");
  const place = { gridID: house.gridID, gridPath: house.gridPath };
  const item: HouseholdItem = {
    tenantID: useTenant(),
    householdID,
    houseID: house.houseID,
    address: house.address,
    gridID: house.gridID,
    gridPath: house.gridPath,
    gridPathKey: pathKeyOf(place, householdID),
    members: 0,
    moves: [],
    createdAt: at,
    createdBy: actorID(),
    updatedAt: at,
  };
  const tally = new Tally().addState(gridScopes(house.gridPath), RegisterMetric.households, 1);
  const result = await writeTransaction({ household: HouseholdEntity, house: HouseEntity, ...Tally.entities }, (ops) => [
    ops.household.create(item).commit(),
    ops.house.patch({ tenantID: item.tenantID, houseID: house.houseID }).add({ households: 1 }).commit(),
    ...tally.operations(ops),
  ]).go();
  if (result.canceled) throw new ConflictError("register.not_saved", "The household could not be saved; try again.");
  return toHousehold(item);
});

/** A household of this district in the caller's grid (404 otherwise). */
export async function loadHousehold(householdID: string): Promise<HouseholdItem> {
  const { data } = await HouseholdEntity.get({ tenantID: useTenant(), householdID }).go();
  if (!data) throw new NotFoundError("register.household_not_found", `There is no household ${householdID} in this district.`);
  assertVisible(data.gridPath, "register.household_not_found", `household ${householdID}`);
  return data;
}

export const ListHouseholdsInput = PageInput.extend({
  /** The households of one house; else of a grid and below (the caller's grid by default). */
  houseID: z.string().max(80).optional(),
  gridID: z.string().max(80).optional(),
  /** Part of the address (`3栋`), or the start of the head's name (`张`): the household picker's search. */
  q: z.string().trim().min(1).max(40).optional(),
});

/** How many DynamoDB requests one household search makes at most before it answers with the matches so far and a cursor. */
export const SEARCH_PAGES = 4;

/**
 * The households of a house, or of a grid and below (the caller's grid by default). With `q`, the
 * grid's households whose address contains it or whose head's name starts with it: a filter on
 * the grid's own key range (its path prefix), at most {@link SEARCH_PAGES} requests of at most
 * `limit` households each, answered with the matches and a cursor to go on; no index of addresses (one would need every household
 * rewritten), and a part of an address ("3栋") is what people type, which no key prefix serves.
 */
export const listHouseholds = fn(ListHouseholdsInput, async (input) => {
  await asRegisterStaff();
  const tenantID = useTenant();
  if (input.houseID) {
    const house = await loadHouse(input.houseID);
    const result = await page(HouseholdEntity.query.byHouse({ tenantID, houseID: house.houseID }), input);
    return { items: result.items.map(toHousehold), cursor: result.cursor };
  }
  const place = await placeToList(input.gridID);
  const base = HouseholdEntity.query.byGrid({ tenantID });
  const query = place ? base.begins({ gridPathKey: pathPrefix(place) }) : base;
  if (input.q) {
    const q = input.q;
    const matching = query.where((attr, op) => `${op.contains(attr.address, q)} OR ${op.begins(attr.headName, q)}`);
    // Each request reads at most the page's remaining room, so the matches never outgrow `limit`.
    const items: HouseholdItem[] = [];
    let cursor = input.cursor ?? null;
    for (let request = 0; request < SEARCH_PAGES && items.length < input.limit; request++) {
      const result = await page(matching, { cursor: cursor ?? undefined, limit: input.limit - items.length });
      items.push(...result.items);
      cursor = result.cursor;
      if (!cursor) break;
    }
    return { items: items.map(toHousehold), cursor };
  }
  const result = await page(query, input);
  return { items: result.items.map(toHousehold), cursor: result.cursor };
});

export const MoveHouseholdInput = z.object({ householdID: z.string().max(80), houseID: z.string().max(80) });

/**
 * A household moves to another house (and so maybe another grid): the household and its living
 * members take the new grid in one transaction, the counters move with them, and the move is
 * appended to the household's history. The caller keeps both grids (a worker moves within theirs;
 * across grids, a leader above both or an admin).
 */
export const moveHousehold = fn(MoveHouseholdInput, async (input) => {
  await asRegisterStaff();
  const tenantID = useTenant();
  const household = await loadHousehold(input.householdID);
  const target = await loadHouse(input.houseID);
  if (target.houseID === household.houseID) throw new ConflictError("register.same_house", "The household already lives in this house.");
  const members = (
    await ResidentRecordEntity.query.byHousehold({ tenantID, householdID: household.householdID }).go({ pages: "all" })
  ).data.filter((member) => member.status === "living");
  if (members.length > 40)
    throw new ConflictError("register.household_too_large", "A household of more than 40 people is moved member by member.");
  const at = now().toISOString();
  const to = { gridID: target.gridID, gridPath: target.gridPath };
  const tally = new Tally()
    .addState(gridScopes(household.gridPath), RegisterMetric.households, -1)
    .addState(gridScopes(target.gridPath), RegisterMetric.households, 1)
    .addState(gridScopes(household.gridPath), RegisterMetric.people, -members.length)
    .addState(gridScopes(target.gridPath), RegisterMetric.people, members.length);
  for (const member of members) {
    const sealed = await unseal(member.sealed);
    const tags = [...member.tags, ...((sealed.sensitiveTags as string[] | null) ?? [])];
    for (const tag of tags)
      tally
        .addState(gridScopes(member.gridPath), RegisterMetric.tag(tag), -1)
        .addState(gridScopes(target.gridPath), RegisterMetric.tag(tag), 1);
  }
  const move = {
    fromHouseID: household.houseID,
    fromGridID: household.gridID,
    toHouseID: target.houseID,
    toGridID: target.gridID,
    at,
    by: actorID(),
  };
  const result = await writeTransaction(
    { household: HouseholdEntity, house: HouseEntity, residentRecord: ResidentRecordEntity, ...Tally.entities },
    (ops) => [
      ops.household
        .patch({ tenantID, householdID: household.householdID })
        .set({ houseID: target.houseID, address: target.address, ...to, gridPathKey: pathKeyOf(to, household.householdID), updatedAt: at })
        .append({ moves: [move] })
        .where((attr, op) => op.eq(attr.houseID, household.houseID))
        .commit(),
      ops.house.patch({ tenantID, houseID: household.houseID }).add({ households: -1 }).commit(),
      ops.house.patch({ tenantID, houseID: target.houseID }).add({ households: 1 }).commit(),
      ...members.map((member) =>
        ops.residentRecord
          .patch({ tenantID, recordID: member.recordID })
          .set({ houseID: target.houseID, ...to, gridPathKey: pathKeyOf(to, member.recordID), updatedAt: at })
          .composite({ status: member.status })
          .where((attr, op) => op.eq(attr.householdID, household.householdID))
          .commit(),
      ),
      ...tally.operations(ops),
    ],
  ).go();
  if (result.canceled) throw new ConflictError("register.changed", "The household changed meanwhile; reload it and try again.");
  return toHousehold({
    ...household,
    houseID: target.houseID,
    address: target.address,
    ...to,
    moves: [...(household.moves ?? []), move],
    updatedAt: at,
  });
});
