/** Meetings (网格议事会, 我听邻说茶话会 …) as the portal uses them. */
import type { Meeting } from "@wangge/core/meeting/index";
import type { NeedItem, NeedKind } from "@wangge/core/need/index";
import type { Api } from "./api.ts";
import type { Page, SignedInActor } from "./types.ts";
import { queryString } from "./wishes.ts";

export type { Meeting };

export interface MeetingListQuery {
  gridID?: string;
  status?: "scheduled" | "held";
  typeKey?: string;
  from?: string;
  cursor?: string | null;
  limit?: number;
}

export interface CreateMeetingInput {
  typeKey: string;
  gridID: string;
  scheduledAt: string;
  place: string;
  topic: string;
}

export interface RecordOutcomeInput {
  minutes: string;
  attendanceCount?: number;
  attendees: string[];
  outcomes: { kind: NeedKind; title: string }[];
}

/** District admins, grid leaders and grid workers organise meetings. */
export const mayOrganise = (actor: SignedInActor | undefined) =>
  actor?.type === "user" && actor.roles.some((role) => role === "district_admin" || role === "grid_leader" || role === "grid_worker");

export function meetingsApi(api: Api) {
  return {
    list: (query: MeetingListQuery) => api.request<Page<Meeting>>("GET", `/meetings${queryString({ ...query })}`),
    create: (input: CreateMeetingInput) => api.request<Meeting>("POST", "/meetings", input),
    record: (meetingID: string, input: RecordOutcomeInput) =>
      api.request<{ meeting: Meeting; items: NeedItem[] }>("POST", `/meetings/${encodeURIComponent(meetingID)}/outcome`, input),
  };
}
export type MeetingsApi = ReturnType<typeof meetingsApi>;
