import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useTenant } from "../actor.ts";
import { requireMechanism } from "../config/index.ts";
import { placeOfGrid } from "../grid/place.ts";
import { gridScopes, Tally } from "../counter/tally.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { Day } from "../util/schemas.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal } from "../util/record.ts";
import { VolunteerProblemEntity, VolunteerTeamEntity } from "./volunteer.entity.ts";
import { RECORDERS, atOf, changed, notAfterToday } from "./shared.ts";
import { loadTeam } from "./team.ts";

// ─── problems solved ────────────────────────────────────────────────────────

export const ProblemSolved = z.object({
  problemID: z.string(),
  teamID: z.string(),
  gridID: z.string(),
  date: z.string(),
  title: z.string(),
  createdAt: z.string(),
});
export type ProblemSolved = z.infer<typeof ProblemSolved>;

/** A problem solved as stored; callers see it without the tenant, the grid's path and its author. */
type ProblemItem = EntityItem<typeof VolunteerProblemEntity>;
type _ProblemSolved = Assert<Equal<ProblemSolved, Omit<ProblemItem, "tenantID" | "gridPath" | "createdBy">>>;

const toProblem = (item: ProblemItem): ProblemSolved => ({
  problemID: item.problemID,
  teamID: item.teamID,
  gridID: item.gridID,
  date: item.date,
  title: item.title,
  createdAt: item.createdAt,
});

export const RecordProblemInput = z.object({
  teamID: z.string().min(1).max(80),
  /** Where it was solved; the team's own grid when left out. */
  gridID: z.string().min(1).max(80).optional(),
  date: Day,
  title: z.string().trim().min(2).max(120),
});

/** Records a problem a team solved (counted for the district, the grids and the team). */
export const recordProblem = fn(RecordProblemInput, async (input) => {
  await requireMechanism("volunteers");
  assertRole(...RECORDERS);
  notAfterToday(input.date, "date");
  const tenantID = useTenant();
  const team = await loadTeam(input.teamID);
  const place = input.gridID ? await placeOfGrid(input.gridID) : { gridID: team.gridID, gridPath: team.gridPath };
  const problem = {
    tenantID,
    problemID: newID("problem"),
    teamID: team.teamID,
    ...place,
    date: input.date,
    title: input.title,
    createdAt: now().toISOString(),
    createdBy: actorID(),
  };
  const tally = new Tally().add([...gridScopes(place.gridPath), `team:${team.teamID}`], atOf(input.date), "volunteers.problemsSolved");
  const result = await writeTransaction(
    { volunteerProblem: VolunteerProblemEntity, volunteerTeam: VolunteerTeamEntity, ...Tally.entities },
    (ops) => [
      ops.volunteerProblem.create(problem).commit(),
      ops.volunteerTeam.patch({ tenantID, teamID: team.teamID }).add({ problemsSolved: 1 }).commit(),
      ...tally.operations(ops),
    ],
  ).go();
  if (result.canceled) throw changed();
  return toProblem(problem);
});

export const ListProblemsInput = PageInput.extend({ teamID: z.string().min(1).max(80) });

/** A team's problems solved, newest first. */
export const listProblems = fn(ListProblemsInput, async (input) => {
  await requireMechanism("volunteers");
  const team = await loadTeam(input.teamID);
  const result = await page(VolunteerProblemEntity.query.byTeam({ tenantID: useTenant(), teamID: team.teamID }), input, "desc");
  return { items: result.items.map(toProblem), cursor: result.cursor };
});
