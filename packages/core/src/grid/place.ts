import { InputError, NotFoundError, VisibleError } from "../error.ts";
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

/** `a/b/c/` — the prefix of the keys of a grid's records and its descendants'. */
export const pathPrefix = (place: Place) => `${place.gridPath.join("/")}/`;
