import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

const table = { table: tableName(), client: documentClient() };

/**
 * A volunteer team of the "1+X" model (志愿服务队: 防疫宣传, 环境整治, 治安巡逻, 矛盾调解 …), based on a
 * grid. `gridPathKey` (the grid's path, its id, the team id, joined by `/`) lets one query read a
 * grid's teams with the teams of every grid below it.
 */
export const VolunteerTeamEntity = new Entity(
  {
    model: { entity: "volunteerTeam", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      teamID: { type: "string", required: true, readOnly: true },
      kind: { type: "string", required: true, readOnly: true },
      name: { type: "string", required: true },
      gridID: { type: "string", required: true, readOnly: true },
      gridPath: { type: "list", items: { type: "string" }, required: true, readOnly: true },
      gridPathKey: { type: "string", required: true, readOnly: true },
      leaderName: { type: "string", required: true },
      leaderPhone: { type: "string" },
      memberCount: { type: "number", required: true, default: 0 },
      problemsSolved: { type: "number", required: true, default: 0 },
      createdAt: { type: "string", required: true, readOnly: true },
      createdBy: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["teamID"] } },
      byGrid: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID"] },
        sk: { field: "gsi1sk", composite: ["gridPathKey"] },
      },
      byKind: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["tenantID", "kind"] },
        sk: { field: "gsi2sk", composite: ["gridPathKey"] },
      },
    },
  },
  table,
);

/**
 * A member of a volunteer team (志愿者). Taking a member off a team marks them `removedAt`
 * rather than deleting them, so that the month of the removal (counted down in
 * `volunteers.members`) can be recounted from the records.
 */
export const VolunteerMemberEntity = new Entity(
  {
    model: { entity: "volunteerMember", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      teamID: { type: "string", required: true, readOnly: true },
      memberID: { type: "string", required: true, readOnly: true },
      name: { type: "string", required: true },
      phone: { type: "string", required: true },
      joinedAt: { type: "string", required: true, readOnly: true },
      addedBy: { type: "string", required: true, readOnly: true },
      removedAt: { type: "string" },
      removedBy: { type: "string" },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID", "teamID"] }, sk: { field: "sk", composite: ["memberID"] } },
    },
  },
  table,
);

/** A problem a volunteer team solved (解决问题), on a grid, on a day. */
export const VolunteerProblemEntity = new Entity(
  {
    model: { entity: "volunteerProblem", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      problemID: { type: "string", required: true, readOnly: true },
      teamID: { type: "string", required: true, readOnly: true },
      gridID: { type: "string", required: true, readOnly: true },
      gridPath: { type: "list", items: { type: "string" }, required: true, readOnly: true },
      date: { type: "string", required: true, readOnly: true },
      title: { type: "string", required: true },
      createdAt: { type: "string", required: true, readOnly: true },
      createdBy: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["problemID"] } },
      byTeam: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "teamID"] },
        sk: { field: "gsi1sk", composite: ["date", "problemID"] },
      },
    },
  },
  table,
);

/**
 * A volunteer activity (志愿服务活动: 政策宣讲, 家电维修, 健康义诊 …) held on a grid on a day, by
 * organising units or teams, serving a number of people. Listed by month, or by grid and below.
 */
export const VolunteerActivityEntity = new Entity(
  {
    model: { entity: "volunteerActivity", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      activityID: { type: "string", required: true, readOnly: true },
      kind: { type: "string", required: true, readOnly: true },
      title: { type: "string", required: true },
      date: { type: "string", required: true, readOnly: true },
      month: { type: "string", required: true, readOnly: true },
      gridID: { type: "string", required: true, readOnly: true },
      gridPath: { type: "list", items: { type: "string" }, required: true, readOnly: true },
      gridPathKey: { type: "string", required: true, readOnly: true },
      organisers: { type: "list", items: { type: "string" }, required: true },
      teamIDs: { type: "list", items: { type: "string" }, required: true },
      served: { type: "number", required: true },
      createdAt: { type: "string", required: true, readOnly: true },
      createdBy: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["activityID"] } },
      byMonth: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "month"] },
        sk: { field: "gsi1sk", composite: ["date", "activityID"] },
      },
      byGrid: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["tenantID"] },
        sk: { field: "gsi2sk", composite: ["gridPathKey"] },
      },
    },
  },
  table,
);

/**
 * "Red property management" (红色物业): a grid worker elected to an estate's owners' committee
 * (业委会), a consultation held (协商), or a livelihood project completed (民生项目: 加装电梯,
 * 风扇, 立面改造 …). `date` is when the worker joined, the consultation was held or the project
 * was completed.
 */
export const OwnersRecordEntity = new Entity(
  {
    model: { entity: "ownersRecord", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      recordID: { type: "string", required: true, readOnly: true },
      kind: { type: ["committee_worker", "consultation", "livelihood_project"] as const, required: true, readOnly: true },
      gridID: { type: "string", required: true, readOnly: true },
      gridPath: { type: "list", items: { type: "string" }, required: true, readOnly: true },
      gridPathKey: { type: "string", required: true, readOnly: true },
      date: { type: "string", required: true, readOnly: true },
      /** The committee worker's name and, when known, person. */
      personName: { type: "string" },
      personID: { type: "string" },
      estate: { type: "string" },
      /** A consultation's topic, or a project's title. */
      topic: { type: "string" },
      projectKind: { type: ["lift", "fans", "facade", "other"] as const },
      createdAt: { type: "string", required: true, readOnly: true },
      createdBy: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["recordID"] } },
      byKind: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "kind"] },
        sk: { field: "gsi1sk", composite: ["date", "recordID"] },
      },
    },
  },
  table,
);
