/**
 * Volunteers and activities (志愿服务 "1+X", 零距离服务, 多元化治理): volunteer teams with their
 * members and the problems they solve, volunteer activities and the people they serve, and "red
 * property management" (红色物业): grid workers on owners' committees, consultations held and
 * livelihood projects completed. Every write counts itself in the mechanism counters
 * (`volunteers.*`, `activities.*`, `owners.*`) in its own transaction.
 *
 * One file per record and its functions (teams with their members, problems solved,
 * activities, owners' records), the summary and the recount; `Volunteer.x` names them all.
 * Helpers the files share live in `shared.ts`, out of the namespace.
 */
import {
  OwnersRecordEntity,
  VolunteerActivityEntity,
  VolunteerMemberEntity,
  VolunteerProblemEntity,
  VolunteerTeamEntity,
} from "./volunteer.entity.ts";

export { OwnersRecordEntity, VolunteerActivityEntity, VolunteerMemberEntity, VolunteerProblemEntity, VolunteerTeamEntity };

export {
  VolunteerTeam,
  VolunteerMember,
  CreateTeamInput,
  createTeam,
  ListTeamsInput,
  listTeams,
  getTeam,
  AddMemberInput,
  addMember,
  RemoveMemberInput,
  removeMember,
} from "./team.ts";
export { ProblemSolved, RecordProblemInput, recordProblem, ListProblemsInput, listProblems } from "./problem.ts";
export { Activity, CreateActivityInput, createActivity, ListActivitiesInput, listActivities } from "./activity.ts";
export {
  OwnersKind,
  ProjectKind,
  OwnersRecord,
  CreateOwnersRecordInput,
  createOwnersRecord,
  ListOwnersRecordsInput,
  listOwnersRecords,
} from "./owners-record.ts";
export { Figures, Summary, SummaryInput, getSummary } from "./summary.ts";
export { recount } from "./recount.ts";
