import { z } from "zod";
import { assertRole, inGridScope, useTenant } from "../actor.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { ROOT } from "../grid/model.ts";
import { placeToList } from "../grid/place.ts";
import { fn } from "../util/fn.ts";
import { AssignmentEntity } from "./person.entity.ts";

/** The most assignments read of one grid (a grid holds a handful of people; ended ones stay on record). */
export const MAX_GRID_ASSIGNMENTS = 100;

/** Someone on duty on a grid: a role held today. Names and roles only (phones are on the grid's page). */
export const OnDutyPerson = z.object({ personID: z.string(), name: z.string(), roleKey: z.string() });
export type OnDutyPerson = z.infer<typeof OnDutyPerson>;

export const GridDuty = z.object({
  gridID: z.string(),
  code: z.string(),
  name: z.string(),
  /** People on duty (a person holding two roles counts once). */
  count: z.number(),
  people: z.array(OnDutyPerson),
});
export type GridDuty = z.infer<typeof GridDuty>;

export const OnDutyInput = z.object({ gridID: z.string().max(80).optional() });

/** Today, as assignments' `from` and `to` days are written (UTC). */
export const today = () => new Date().toISOString().slice(0, 10);

/** Whether an assignment is held on `day`: begun, and not ended before it. */
export const heldOn = (assignment: { from: string; to?: string | null }, day: string) =>
  assignment.from <= day && (!assignment.to || assignment.to >= day);

/** The people holding a role on a grid today: one Query of the grid's assignments. */
async function dutyOf(gridID: string): Promise<OnDutyPerson[]> {
  const result = await AssignmentEntity.query
    .byGrid({ tenantID: useTenant(), gridID })
    .go({ limit: MAX_GRID_ASSIGNMENTS, attributes: ["personID", "personName", "roleKey", "from", "to"] });
  const day = today();
  return result.data
    .filter((item) => heldOn(item, day))
    .map((item) => ({ personID: item.personID, name: item.personName, roleKey: item.roleKey }));
}

const countOf = (people: OnDutyPerson[]) => new Set(people.map((person) => person.personID)).size;

/**
 * Who is on duty (在岗) on a grid and on each of its children, for the command map (一张网): the
 * people holding a role there today (grid leaders, workers, assistants… of the district's
 * catalogue). The caller's grid by default (a district admin's: the first tier). Reads: the
 * grid's children (one Query) and one Query of assignments per grid, bounded by the number of
 * children, never a scan. Emergency mode records no separate roster: a grid's people in an
 * emergency are the same people (emergency/index.ts).
 */
export const onDuty = fn(OnDutyInput, async (input) => {
  assertRole("grid_worker", "grid_leader", "district_admin");
  const tenantID = useTenant();
  const place = await placeToList(input.gridID);
  const parentID = place?.gridID ?? ROOT;
  const children = (
    await GridEntity.query
      .byParent({ tenantID, parentID })
      .where((attr, op) => op.eq(attr.status, "active"))
      .go({ pages: "all", attributes: ["gridID", "code", "name", "path"] })
  ).data.filter((grid) => inGridScope([...(grid.path ?? []), grid.gridID]));
  const [own, ...each] = await Promise.all([
    place ? dutyOf(place.gridID) : Promise.resolve([]),
    ...children.map((grid) => dutyOf(grid.gridID)),
  ]);
  return {
    gridID: place?.gridID ?? null,
    count: countOf(own),
    people: own,
    children: children.map((grid, index) => ({
      gridID: grid.gridID,
      code: grid.code,
      name: grid.name,
      count: countOf(each[index]),
      people: each[index],
    })),
  };
});
