/** Meetings (网格议事会, 我听邻说茶话会 …) as the portal uses them. */
import type { Meeting } from "@wangge/core/meeting/index";
import { compact, ok, type Api, type Body } from "./api.ts";
import type { SignedInActor } from "./types.ts";

export type { Meeting };

export interface MeetingListQuery {
  gridID?: string;
  status?: "scheduled" | "held";
  typeKey?: string;
  from?: string;
  cursor?: string | null;
  limit?: number;
}

export type CreateMeetingInput = Body<"/meetings", "post">;
export type RecordOutcomeInput = Body<"/meetings/{meetingID}/outcome", "post">;

/** District admins, grid leaders and grid workers organise meetings. */
export const mayOrganise = (actor: SignedInActor | undefined) =>
  actor?.type === "user" && actor.roles.some((role) => role === "district_admin" || role === "grid_leader" || role === "grid_worker");

export function meetingsApi(api: Api) {
  const { client } = api;
  return {
    list: (query: MeetingListQuery) => ok(client.GET("/meetings", { params: { query: compact({ ...query }) } })),
    create: (input: CreateMeetingInput) => ok(client.POST("/meetings", { body: input })),
    record: (meetingID: string, input: RecordOutcomeInput) =>
      ok(client.POST("/meetings/{meetingID}/outcome", { params: { path: { meetingID } }, body: input })),
  };
}
export type MeetingsApi = ReturnType<typeof meetingsApi>;
