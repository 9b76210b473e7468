import type { ParentProps } from "solid-js";
import type { District, DistrictConfig, SignedInActor } from "../data/types.ts";
import { createStrictContext } from "./context.ts";

/** The district a page works in, once its gate has loaded it: its configuration and, where asked for, the signed-in actor. */
export interface DistrictContext {
  slug: string;
  district: District;
  config: DistrictConfig;
  /** Present under a gate that waits for the actor (`<DistrictGate actor>`). */
  actor: SignedInActor | undefined;
}

const [Context, useDistrict] = createStrictContext<DistrictContext>("District");
export { useDistrict };

/** The signed-in actor of the district's page; throws where the gate did not wait for one. */
export function useDistrictActor(): SignedInActor {
  const { actor } = useDistrict();
  if (!actor) throw new Error("useDistrictActor() needs a gate that waits for the actor: <DistrictGate actor>.");
  return actor;
}

/** Given by `DistrictGate` to what it shows: the pages' parts read the district from here instead of props passed down. */
export function DistrictProvider(props: ParentProps<{ value: DistrictContext }>) {
  return <Context.Provider value={props.value}>{props.children}</Context.Provider>;
}
