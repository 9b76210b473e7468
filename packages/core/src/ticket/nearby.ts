/**
 * "Is it already reported?" (附近的问题): before a resident reports, the open tickets near the
 * pin, in the public view, so that they can follow one instead of filing a duplicate.
 *
 * The read follows the grids, not the whole district: the pin and four points at the radius
 * (north, east, south, west) are located to their finest grids; each grid's parent (or the grid,
 * on the first tier) gives a key prefix of the `byState` index (`a/b/c/<ticketID>`), and each
 * open state's queue is read under those prefixes with the radius's bounding box as a filter.
 * So a few queries over a neighbourhood's open tickets, never a table scan.
 */
import type { EntityItem } from "electrodb";
import { z } from "zod";
import { assertRole, useTenant } from "../actor.ts";
import { isPublicCategory } from "../config/category-rules.ts";
import { indexFor } from "../grid/locate-cache.ts";
import { fn } from "../util/fn.ts";
import { PublicTicket } from "./follow.ts";
import { publicFields } from "./public-view.ts";
import { settings } from "./shared.ts";
import { TicketEntity, TicketStates } from "./ticket.entity.ts";

/** How far around the pin "nearby" reaches, in metres. */
export const NEARBY_METRES = 300;
/** At most this many tickets in one answer, the nearest first. */
export const NEARBY_LIMIT = 20;

export const NearbyInput = z.object({
  lon: z.number().finite().min(-180).max(180),
  lat: z.number().finite().min(-90).max(90),
});

/** An open ticket near a place, as anyone in the district may see it. */
export const NearbyTicket = PublicTicket.pick({
  ticketID: true,
  state: true,
  categoryKey: true,
  description: true,
  address: true,
  lon: true,
  lat: true,
  collectedAt: true,
}).extend({
  /** From the pin to the rounded place, to the nearest 10 m. */
  distanceM: z.number(),
});
export type NearbyTicket = z.infer<typeof NearbyTicket>;

const OpenStates = TicketStates.filter((state) => state !== "closed");
const Attributes = ["ticketID", "state", "categoryKey", "description", "address", "lon", "lat", "collectedAt"] as const;
type Item = Pick<EntityItem<typeof TicketEntity>, (typeof Attributes)[number]>;

const EARTH_METRES = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres. */
export function metresBetween(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The key prefixes of the grids around a point: each located grid's parent (the grid itself on the first tier). */
async function prefixesAround(lon: number, lat: number, dLon: number, dLat: number): Promise<string[]> {
  const { index, grids } = await indexFor();
  const points = [
    [lon, lat],
    [lon, lat + dLat],
    [lon + dLon, lat],
    [lon, lat - dLat],
    [lon - dLon, lat],
  ];
  const prefixes = new Set<string>();
  for (const [x, y] of points) {
    const hit = index.locate(x, y);
    const grid = hit && grids.get(hit.gridID);
    if (!grid) continue;
    prefixes.add(`${(grid.path.length ? grid.path : [grid.gridID]).join("/")}/`);
  }
  // A prefix inside another is read by the other already.
  const sorted = [...prefixes].sort((a, b) => a.length - b.length);
  return sorted.filter((prefix, at) => !sorted.slice(0, at).some((shorter) => prefix.startsWith(shorter)));
}

/**
 * The open tickets within `NEARBY_METRES` of a point, nearest first, at most `NEARBY_LIMIT`, in
 * the public view: private categories left out, phone and ID numbers hidden, places rounded to
 * about 100 m. For signed-in people of the district (residents and staff alike); a point outside
 * every grid has none.
 */
export const nearby = fn(NearbyInput, async ({ lon, lat }): Promise<{ items: NearbyTicket[]; radiusM: number }> => {
  assertRole("resident", "grid_worker", "grid_leader", "department_staff", "cadre", "district_admin");
  const tenantID = useTenant();
  const ticketSettings = await settings();
  const dLat = NEARBY_METRES / 111_320;
  const dLon = NEARBY_METRES / (111_320 * Math.max(0.01, Math.cos(radians(lat))));
  const prefixes = await prefixesAround(lon, lat, dLon, dLat);
  const reads = prefixes.flatMap((prefix) =>
    OpenStates.map((state) =>
      TicketEntity.query
        .byState({ tenantID, state })
        .begins({ gridPathKey: prefix })
        .where((attr, op) => `${op.between(attr.lat, lat - dLat, lat + dLat)} AND ${op.between(attr.lon, lon - dLon, lon + dLon)}`)
        .go({ pages: "all", attributes: [...Attributes] }),
    ),
  );
  const found = new Map<string, Item>();
  for (const result of await Promise.all(reads)) for (const item of result.data) found.set(item.ticketID, item);
  const isPrivate = new Set(ticketSettings.categories.filter((category) => !isPublicCategory(category)).map((category) => category.key));
  const pin = { lon, lat };
  const items = [...found.values()]
    .filter((item) => !isPrivate.has(item.categoryKey))
    .map((item) => ({ item, metres: metresBetween(pin, item) }))
    .filter(({ metres }) => metres <= NEARBY_METRES)
    .sort((a, b) => a.metres - b.metres || (a.item.collectedAt < b.item.collectedAt ? 1 : -1))
    .slice(0, NEARBY_LIMIT)
    .map(({ item }): NearbyTicket => {
      const shown = publicFields(item);
      return {
        ticketID: item.ticketID,
        state: item.state,
        categoryKey: item.categoryKey,
        ...shown,
        distanceM: Math.round(metresBetween(pin, shown) / 10) * 10,
        collectedAt: item.collectedAt,
      };
    });
  return { items, radiusM: NEARBY_METRES };
});
