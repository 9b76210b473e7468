import { assertGridScope, gridScope, useActor, useTenant } from "../actor.ts";
import { InputError, NotFoundError, VisibleError } from "../error.ts";
import { GridEntity } from "./grid.entity.ts";
import * as Grid from "./index.ts";

/** Where a record of a governance mechanism sits: its grid and the grid's path (ancestors then itself). */
export interface Place {
  gridID: string;
  gridPath: string[];
}

/** The place of an active grid of this district (404 otherwise). */
export async function placeOfGrid(gridID: string): Promise<Place> {
  const { grid } = await Grid.get(gridID);
  if (grid.status !== "active") throw new NotFoundError("grid.not_found", `There is no active grid ${gridID} in this district.`);
  return { gridID: grid.gridID, gridPath: [...grid.path, grid.gridID] };
}

/** The place of a point: the grid it lies in (400 when outside the district). */
export async function placeOfPoint(lon: number, lat: number): Promise<Place> {
  const located = await Grid.locate({ lon, lat }).catch((error: unknown) => {
    if (error instanceof VisibleError && error.code === "grid.outside_district")
      throw new InputError("place.outside_district", "The location is outside this district's grids: pick a place inside the district.", [
        { path: "lon", message: "outside the district" },
      ]);
    throw error;
  });
  return { gridID: located.grid.gridID, gridPath: [...located.ancestors.map((grid) => grid.gridID), located.grid.gridID] };
}

/** A grid's path (ancestors, then itself), retired grids too; a grid that does not exist has its ID alone. */
export async function gridPathOf(gridID: string): Promise<string[]> {
  return [...((await pathItem(gridID))?.path ?? []), gridID];
}

/** A grid's path as stored (retired grids too), or undefined. */
async function pathItem(gridID: string) {
  return (await GridEntity.get({ tenantID: useTenant(), gridID }).go({ attributes: ["gridID", "path"] })).data;
}

/** A grid's path (ancestors, then itself), retired grids too; 404 for a grid this district never had. */
export async function pathOfKnownGrid(gridID: string): Promise<string[]> {
  const grid = await pathItem(gridID);
  if (!grid) throw new NotFoundError("grid.not_found", `There is no grid ${gridID} in this district.`);
  return [...grid.path, gridID];
}

/** `a/b/c/` — the prefix of the keys of a grid's records and its descendants'. */
export const pathPrefix = (place: Place) => `${place.gridPath.join("/")}/`;

/**
 * The place a grid's list reads (a grid with its descendants): the grid named, else the caller's
 * own grid; undefined for the whole district (a district admin naming none). Grid workers and
 * leaders name only their own grid or one below it (403 `scope.grid`).
 */
export async function placeToList(gridID: string | undefined): Promise<Place | undefined> {
  const actor = useActor();
  const own = actor.type === "user" && !actor.roles.includes("district_admin") ? actor.gridID : undefined;
  const chosen = gridID ?? gridScope() ?? own;
  if (!chosen) return undefined;
  const place = await placeOfGrid(chosen);
  assertGridScope(place.gridPath);
  return place;
}
