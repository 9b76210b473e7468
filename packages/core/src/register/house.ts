import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, useTenant } from "../actor.ts";
import { ConflictError, NotFoundError } from "../error.ts";
import { gridScopes, Tally } from "../counter/tally.ts";
import { placeToList, pathPrefix } from "../grid/place.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import { HouseEntity, HouseKinds } from "./register.entity.ts";
import { asRegisterStaff, assertVisible, pathKeyOf, placeOf, RegisterMetric } from "./shared.ts";

export const HouseKind = z.enum(HouseKinds);

/** A house or building (房屋) as callers see it. */
export const House = z.object({
  houseID: z.string(),
  address: z.string(),
  kind: HouseKind,
  lon: z.number(),
  lat: z.number(),
  gridID: z.string(),
  gridPath: z.array(z.string()),
  households: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type House = z.infer<typeof House>;

type HouseItem = EntityItem<typeof HouseEntity>;

export const toHouse = (item: HouseItem): House => ({
  houseID: item.houseID,
  address: item.address,
  kind: item.kind,
  lon: item.lon,
  lat: item.lat,
  gridID: item.gridID,
  gridPath: item.gridPath,
  households: item.households ?? 0,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
});

export const CreateHouseInput = z.object({
  address: z.string().trim().min(2).max(120),
  kind: HouseKind.default("residential"),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  /** The grid it is on; by default the grid its point lies in. */
  gridID: z.string().max(80).optional(),
});

/** Adds a house (房屋) on a grid of the caller's: by its point, or on the grid named. */
export const createHouse = fn(CreateHouseInput, async (input) => {
  await asRegisterStaff();
  const place = await placeOf(input);
  const at = now().toISOString();
  const houseID = newID("house");
  const item: HouseItem = {
    tenantID: useTenant(),
    houseID,
    address: input.address,
    kind: input.kind,
    lon: input.lon,
    lat: input.lat,
    gridID: place.gridID,
    gridPath: place.gridPath,
    gridPathKey: pathKeyOf(place, houseID),
    households: 0,
    createdAt: at,
    createdBy: actorID(),
    updatedAt: at,
  };
  const tally = new Tally().addState(gridScopes(place.gridPath), RegisterMetric.houses, 1);
  const result = await writeTransaction({ house: HouseEntity, ...Tally.entities }, (ops) => [
    ops.house.create(item).commit(),
    ...tally.operations(ops),
  ]).go();
  if (result.canceled) throw new ConflictError("register.not_saved", "The house could not be saved; try again.");
  return toHouse(item);
});

/** A house of this district in the caller's grid (404 otherwise). */
export async function loadHouse(houseID: string): Promise<HouseItem> {
  const { data } = await HouseEntity.get({ tenantID: useTenant(), houseID }).go();
  if (!data) throw new NotFoundError("register.house_not_found", `There is no house ${houseID} in this district.`);
  assertVisible(data.gridPath, "register.house_not_found", `house ${houseID}`);
  return data;
}

export const ListHousesInput = PageInput.extend({ gridID: z.string().max(80).optional() });

/** The houses of a grid and below (the caller's grid by default; a district admin's whole district). */
export const listHouses = fn(ListHousesInput, async (input) => {
  await asRegisterStaff();
  const place = await placeToList(input.gridID);
  const query = HouseEntity.query.byGrid({ tenantID: useTenant() });
  const result = await page(place ? query.begins({ gridPathKey: pathPrefix(place) }) : query, input);
  return { items: result.items.map(toHouse), cursor: result.cursor };
});
