import { useTenant } from "../actor.ts";
import { compareTallies, ExpectedTallies } from "../counter/recount.ts";
import { gridScopes } from "../counter/tally.ts";
import {
  OwnersRecordEntity,
  VolunteerActivityEntity,
  VolunteerMemberEntity,
  VolunteerProblemEntity,
  VolunteerTeamEntity,
} from "./volunteer.entity.ts";
import { ownersMetric } from "./owners-record.ts";
import { atOf } from "./shared.ts";

// ─── recount ─────────────────────────────────────────────────────────────────

/**
 * Rebuilds the `volunteers.*`, `activities.*` and `owners.*` tallies from the records and
 * returns the drift (with `repair`, writes the recounted values): teams at `createdAt`; members
 * +1 at `joinedAt` and −1 at `removedAt` (team, its grid path, the district); problems solved,
 * activities (with people served) and owners' records at noon of their day.
 */
export async function recount(options: { repair?: boolean } = {}) {
  const tenantID = useTenant();
  const expected = new ExpectedTallies();
  const [teams, problems, activities, owners] = await Promise.all([
    VolunteerTeamEntity.query.primary({ tenantID }).go({ pages: "all" }),
    VolunteerProblemEntity.query.primary({ tenantID }).go({ pages: "all" }),
    VolunteerActivityEntity.query.primary({ tenantID }).go({ pages: "all" }),
    OwnersRecordEntity.query.primary({ tenantID }).go({ pages: "all" }),
  ]);
  for (const team of teams.data) expected.add(gridScopes(team.gridPath), team.createdAt, "volunteers.teams");
  let next = 0;
  const worker = async () => {
    while (next < teams.data.length) {
      const team = teams.data[next++];
      const scopes = [...gridScopes(team.gridPath), `team:${team.teamID}`];
      const members = await VolunteerMemberEntity.query.primary({ tenantID, teamID: team.teamID }).go({ pages: "all" });
      for (const member of members.data) {
        expected.add(scopes, member.joinedAt, "volunteers.members");
        if (member.removedAt) expected.add(scopes, member.removedAt, "volunteers.members", -1);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  for (const problem of problems.data)
    expected.add([...gridScopes(problem.gridPath), `team:${problem.teamID}`], atOf(problem.date), "volunteers.problemsSolved");
  for (const activity of activities.data) {
    const scopes = gridScopes(activity.gridPath);
    const at = atOf(activity.date);
    expected.add(scopes, at, "activities.held").add(scopes, at, "activities.served", 1, activity.served);
  }
  for (const record of owners.data) expected.add(gridScopes(record.gridPath), atOf(record.date), ownersMetric[record.kind]);
  return compareTallies(expected, ["volunteers.", "activities.", "owners."], options);
}
