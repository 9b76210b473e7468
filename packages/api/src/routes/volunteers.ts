import { createRoute, z } from "@hono/zod-openapi";
import { Volunteer } from "@wangge/core";
import { body, bearer, json, PageQuery, pageOf, pathParam, problems, router } from "../openapi.ts";

const Team = Volunteer.VolunteerTeam.meta({ id: "VolunteerTeam" });
const Member = Volunteer.VolunteerMember.meta({ id: "VolunteerMember" });
const Problem = Volunteer.ProblemSolved.meta({ id: "VolunteerProblemSolved" });
const Activity = Volunteer.Activity.meta({ id: "VolunteerActivity" });
const OwnersRecord = Volunteer.OwnersRecord.meta({ id: "OwnersRecord" });
const Summary = Volunteer.Summary.meta({ id: "VolunteerSummary" });

const teamParam = z.object({ teamID: pathParam("teamID", "team_01jd…") });
const tags = ["volunteers"];

/**
 * Volunteers and activities (志愿服务 1+X): teams, members, problems solved, activities and
 * red property management (红色物业), mounted at `/volunteers`.
 */
export const volunteersRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/summary",
      operationId: "getVolunteerSummary",
      tags,
      summary: "Headline figures (all time) and one year month by month, for the district or a grid and below",
      security: bearer,
      request: { query: Volunteer.SummaryInput },
      responses: { 200: json(Summary, "The figures"), ...problems(400, 401, 404) },
    }),
    async (c) => c.json(await Volunteer.getSummary(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/teams",
      operationId: "listVolunteerTeams",
      tags,
      summary: "Volunteer teams with their member counts: of the district, of a grid and below, or of a kind",
      security: bearer,
      request: { query: PageQuery.extend(Volunteer.listTeams.schema.pick({ gridID: true, kind: true }).shape) },
      responses: { 200: json(pageOf(Team), "One page of teams"), ...problems(400, 401, 404) },
    }),
    async (c) => c.json(await Volunteer.listTeams(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/teams",
      operationId: "createVolunteerTeam",
      tags,
      summary: "Set up a volunteer team on a grid, with its first members",
      security: bearer,
      request: body(Volunteer.CreateTeamInput),
      responses: { 201: json(Team, "Created"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Volunteer.createTeam(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/teams/{teamID}",
      operationId: "getVolunteerTeam",
      tags,
      summary: "A team with its members (phones masked unless the caller's role needs them)",
      security: bearer,
      request: { params: teamParam },
      responses: { 200: json(z.object({ team: Team, members: z.array(Member) }), "The team"), ...problems(401, 404) },
    }),
    async (c) => c.json(await Volunteer.getTeam(c.req.valid("param").teamID), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/teams/{teamID}/members",
      operationId: "addVolunteerMember",
      tags,
      summary: "Add a member to a team",
      security: bearer,
      request: { params: teamParam, ...body(Volunteer.AddMemberInput.omit({ teamID: true })) },
      responses: { 201: json(Member, "Added"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Volunteer.addMember({ ...c.req.valid("json"), teamID: c.req.valid("param").teamID }), 201),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/teams/{teamID}/members/{memberID}",
      operationId: "removeVolunteerMember",
      tags,
      summary: "Take a member off a team",
      security: bearer,
      request: { params: teamParam.extend({ memberID: pathParam("memberID", "member_01jd…") }) },
      responses: { 200: json(z.object({ removed: z.string() }), "Removed"), ...problems(401, 403, 404, 409) },
    }),
    async (c) => c.json(await Volunteer.removeMember(c.req.valid("param")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/teams/{teamID}/problems",
      operationId: "listVolunteerProblems",
      tags,
      summary: "Problems a team solved, newest first",
      security: bearer,
      request: { params: teamParam, query: PageQuery },
      responses: { 200: json(pageOf(Problem), "One page of problems solved"), ...problems(400, 401, 404) },
    }),
    async (c) => c.json(await Volunteer.listProblems({ ...c.req.valid("query"), teamID: c.req.valid("param").teamID }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/teams/{teamID}/problems",
      operationId: "recordVolunteerProblem",
      tags,
      summary: "Record a problem the team solved (on its grid unless another is named)",
      security: bearer,
      request: { params: teamParam, ...body(Volunteer.RecordProblemInput.omit({ teamID: true })) },
      responses: { 201: json(Problem, "Recorded"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Volunteer.recordProblem({ ...c.req.valid("json"), teamID: c.req.valid("param").teamID }), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/activities",
      operationId: "listActivities",
      tags,
      summary: "Volunteer activities: of a month (newest first), of a grid and below, or the latest recorded",
      security: bearer,
      request: { query: PageQuery.extend(Volunteer.listActivities.schema.pick({ gridID: true, month: true }).shape) },
      responses: { 200: json(pageOf(Activity), "One page of activities"), ...problems(400, 401, 404) },
    }),
    async (c) => c.json(await Volunteer.listActivities(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/activities",
      operationId: "createActivity",
      tags,
      summary: "Record a volunteer activity held on a grid, with its organisers and the people served",
      security: bearer,
      request: body(Volunteer.CreateActivityInput),
      responses: { 201: json(Activity, "Recorded"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Volunteer.createActivity(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/owners",
      operationId: "listOwnersRecords",
      tags,
      summary: "Red property management (红色物业): committee workers, consultations or livelihood projects, newest first",
      security: bearer,
      request: { query: PageQuery.extend(Volunteer.listOwnersRecords.schema.pick({ kind: true, gridID: true }).shape) },
      responses: { 200: json(pageOf(OwnersRecord), "One page of records"), ...problems(400, 401, 404) },
    }),
    async (c) => c.json(await Volunteer.listOwnersRecords(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/owners",
      operationId: "createOwnersRecord",
      tags,
      summary: "Record a grid worker on an owners' committee, a consultation held or a livelihood project completed",
      security: bearer,
      request: body(Volunteer.CreateOwnersRecordInput),
      responses: { 201: json(OwnersRecord, "Recorded"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Volunteer.createOwnersRecord(c.req.valid("json")), 201),
  );
