import { createResource } from "solid-js";
import { gridsApi, type GridRef } from "../data/grids.ts";
import { useSession } from "../providers/session.tsx";

/** Grids already named in this page's life, by ID: a list of people on a few grids reads each grid once. */
const named = new Map<string, Promise<GridRef | null>>();

/** A grid shown by its name and code ("桃园二组 · JY-28-02"), read once by its ID; the ID while it loads or if it is gone. */
export function GridName(props: { gridID: string }) {
  const grids = gridsApi(useSession().api);
  const [grid] = createResource(
    () => props.gridID,
    (gridID) => {
      let found = named.get(gridID);
      if (!found) {
        found = grids.grid(gridID).then(
          ({ grid }) => ({ gridID: grid.gridID, code: grid.code, name: grid.name, tier: grid.tier }),
          () => null,
        );
        named.set(gridID, found);
      }
      return found;
    },
  );
  return <>{grid() ? `${grid()!.name} · ${grid()!.code}` : props.gridID}</>;
}
