import { z } from "zod";
import { actorID, assertGridScope, gridScope, useActor, useTenant } from "../actor.ts";
import { ForbiddenError, InputError } from "../error.ts";
import * as Grid from "../grid/index.ts";
import { fn } from "../util/fn.ts";
import { now } from "../util/clock.ts";
import { page, PageInput } from "../util/page.ts";
import { TicketEntity } from "./ticket.entity.ts";
import { TicketState, toTicket } from "./model.ts";
import { has, settings } from "./shared.ts";

export const ListInput = PageInput.extend({
  /** `mine`: the caller's own reports. Otherwise a state's queue, or a department's. */
  mine: z.boolean().default(false),
  state: TicketState.optional(),
  gridID: z.string().max(80).optional(),
  categoryKey: z.string().max(40).optional(),
  departmentKey: z.string().max(40).optional(),
  overdue: z.boolean().default(false),
});

/**
 * Queues, each one DynamoDB query: a reporter's own tickets; a department's (by state, soonest
 * due first; overdue = due before now); or a state's across the district, a grid with its
 * descendants by key prefix. Category is a filter on the same query. Grid workers and leaders
 * see their own grid and below (a grid outside it: 403 `scope.grid`).
 */
export const list = fn(ListInput, async (input) => {
  const tenantID = useTenant();
  await settings();
  const actor = useActor();
  const at = now().toISOString();
  const isStaff = has("grid_worker", "grid_leader", "district_admin") || actor.type === "system";
  let departmentKey = input.departmentKey;
  if (!isStaff && !input.mine) {
    if (has("department_staff") && actor.type === "user" && actor.department) {
      if (departmentKey && departmentKey !== actor.department)
        throw new ForbiddenError("ticket.not_your_department", "Department staff see their own department's queue.");
      departmentKey = actor.department;
    } else throw new ForbiddenError("ticket.own_only", "Residents see their own tickets: ask for mine=true.");
  }
  // Grid workers and leaders see their own grid and below: their grid unless they name one inside it.
  const scope = input.mine ? null : gridScope();
  let gridPrefix: string | undefined;
  const gridID = input.gridID ?? scope ?? undefined;
  if (gridID && !input.mine) {
    const { grid } = await Grid.get(gridID);
    assertGridScope([...grid.path, grid.gridID]);
    gridPrefix = `${[...grid.path, grid.gridID].join("/")}/`;
  }
  let query;
  if (input.mine) {
    query = TicketEntity.query.byReporter({ tenantID, reporterID: actorID() });
  } else if (departmentKey) {
    const base = TicketEntity.query.byDepartment({ tenantID, departmentKey });
    query = input.state
      ? input.overdue
        ? base.between({ state: input.state, dueAt: "0" }, { state: input.state, dueAt: at })
        : TicketEntity.query.byDepartment({ tenantID, departmentKey, state: input.state })
      : base;
  } else {
    if (!input.state)
      throw new InputError("ticket.queue", "Name a queue: mine=true, a state, or a department.", [{ path: "state", message: "required" }]);
    const base = TicketEntity.query.byState({ tenantID, state: input.state });
    query = gridPrefix ? base.begins({ gridPathKey: gridPrefix }) : base;
  }
  const filtered = query.where((attr, op) =>
    [
      input.categoryKey ? op.eq(attr.categoryKey, input.categoryKey) : "",
      input.overdue && !(departmentKey && input.state) ? `${op.lt(attr.dueAt, at)} AND ${op.ne(attr.state, "closed")}` : "",
      input.mine && input.state ? op.eq(attr.state, input.state) : "",
      // A department's queue seen by grid staff: their grid's part of it.
      departmentKey && gridPrefix ? op.begins(attr.gridPathKey, gridPrefix) : "",
    ]
      .filter(Boolean)
      .join(" AND "),
  );
  // A reporter's own tickets come newest first; queues oldest (or soonest due) first.
  const result = await page(filtered, input, input.mine ? "desc" : "asc");
  return { items: result.items.map((item) => toTicket(item, at)), cursor: result.cursor };
});
