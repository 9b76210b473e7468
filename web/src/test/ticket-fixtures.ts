import type { Category, Department, Ticket, TicketDetail, TimelineEntry } from "../data/tickets.ts";
import type { Me } from "../data/types.ts";
import { adminMe, jianyangConfig } from "./fixtures.ts";

/** Test data shaped like the ticket API's replies (copied from core's template, never imported). */
export const categories: Category[] = [
  { key: "garbage", nameZh: "垃圾堆放", nameEn: "Garbage dumping", departmentKey: "urban_management", deadlineHours: 8 },
  { key: "road_damage", nameZh: "道路破损", nameEn: "Damaged road", departmentKey: "transport", deadlineHours: 40 },
  { key: "neighbour_dispute", nameZh: "邻里纠纷", nameEn: "Neighbour dispute", departmentKey: null, deadlineHours: 24 },
];

export const departments: Department[] = [
  { key: "urban_management", nameZh: "区城管局", nameEn: "Urban management bureau" },
  { key: "transport", nameZh: "区交通运输局", nameEn: "Transport bureau" },
];

export const ticketConfig = {
  ...jianyangConfig,
  tickets: { ...jianyangConfig.tickets, categories, departments, reopenDays: 7 },
};

type DistrictRoles = Array<"resident" | "grid_worker" | "grid_leader" | "department_staff" | "district_admin">;

function person(userID: string, name: string, roles: DistrictRoles, department?: string): Me {
  return {
    actor: { type: "user", userID, tenantID: "jianyang", roles, ...(department ? { department } : {}) },
    profile: { ...adminMe.profile, userID, name, roles },
  };
}

export const residentMe = person("resident", "张秀英", ["resident"]);
export const workerMe = person("worker", "黄晓梅", ["grid_worker"]);
export const leaderMe = person("leader", "陈立新", ["grid_leader"]);
export const staffMe = person("staff", "吴志强", ["department_staff"], "urban_management");
export const otherStaffMe = person("staff2", "李建", ["department_staff"], "transport");
export { adminMe };

const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();

export function ticket(fields: Partial<Ticket> = {}): Ticket {
  return {
    ticketID: "ticket_01jdtest0001",
    state: "collected",
    closure: null,
    categoryKey: "garbage",
    description: "小区东门外垃圾堆放两天了，无人清运。",
    lon: 118.12,
    lat: 27.33,
    address: "七贤社区东门",
    gridID: "grid_JY-01-01-01",
    gridPath: ["grid_JY-01", "grid_JY-01-01", "grid_JY-01-01-01"],
    reporterID: "resident",
    departmentKey: null,
    photos: ["photos/jianyang/ticket_01jdtest0001/photo_1.png"],
    dueAt: null,
    overdue: false,
    collectedAt: at(30),
    acceptedAt: null,
    dispatchedAt: null,
    handledAt: null,
    handledBy: null,
    closedAt: null,
    onTime: null,
    rating: null,
    ratingComment: null,
    reopenCount: 0,
    followers: 0,
    duplicateOf: null,
    pendingRequest: null,
    seq: 1,
    updatedAt: at(30),
    ...fields,
  };
}

export function entry(fields: Partial<TimelineEntry> & Pick<TimelineEntry, "seq" | "action" | "toState">): TimelineEntry {
  return {
    fromState: null,
    actorID: "resident",
    actorRole: "resident",
    actorName: null,
    at: at(30 - fields.seq),
    note: null,
    photos: [],
    departmentKey: null,
    closure: null,
    rating: null,
    ...fields,
  };
}

/** A ticket at each step of its life, with the timeline that brought it there. */
export function detailAt(state: Ticket["state"], extra: Partial<Ticket> = {}): TicketDetail {
  const timeline: TimelineEntry[] = [
    entry({
      seq: 1,
      action: "collect",
      toState: "collected",
      note: "小区东门外垃圾堆放两天了，无人清运。",
      photos: ["photos/jianyang/ticket_01jdtest0001/photo_1.png"],
    }),
  ];
  let fields: Partial<Ticket> = {};
  const steps: Ticket["state"][] = ["collected", "accepted", "dispatched", "handled", "closed"];
  const reached = steps.indexOf(state);
  if (reached >= 1) {
    timeline.push(
      entry({
        seq: 2,
        action: "accept",
        fromState: "collected",
        toState: "accepted",
        actorID: "worker",
        actorRole: "grid_worker",
        actorName: "黄晓梅",
        note: "情况属实",
      }),
    );
    fields = { ...fields, acceptedAt: at(28), dueAt: at(-6) };
  }
  if (reached >= 2) {
    timeline.push(
      entry({
        seq: 3,
        action: "dispatch",
        fromState: "accepted",
        toState: "dispatched",
        actorID: "leader",
        actorRole: "grid_leader",
        departmentKey: "urban_management",
      }),
    );
    fields = { ...fields, dispatchedAt: at(27), departmentKey: "urban_management" };
  }
  if (reached >= 3) {
    timeline.push(
      entry({
        seq: 4,
        action: "handle",
        fromState: "dispatched",
        toState: "handled",
        actorID: "staff",
        actorRole: "department_staff",
        note: "已清运完毕",
        photos: ["photos/jianyang/ticket_01jdtest0001/photo_2.png"],
      }),
    );
    fields = { ...fields, handledAt: at(5), handledBy: "staff" };
  }
  if (reached >= 4) {
    timeline.push(
      entry({
        seq: 5,
        action: "verify",
        fromState: "handled",
        toState: "closed",
        actorID: "worker",
        actorRole: "grid_worker",
        closure: "solved",
      }),
    );
    fields = { ...fields, closedAt: at(2), closure: "solved", onTime: true };
  }
  const full = ticket({ state, seq: timeline.length, ...fields, ...extra });
  return {
    ticket: full,
    timeline,
    photoUrls: {
      "photos/jianyang/ticket_01jdtest0001/photo_1.png": "http://s3.test/photo_1.png?signed",
      "photos/jianyang/ticket_01jdtest0001/photo_2.png": "http://s3.test/photo_2.png?signed",
    },
  };
}

/**
 * A stand-in for XMLHttpRequest (happy-dom would really send it): every PUT succeeds after
 * reporting progress, and the requests are recorded with their headers.
 */
export function fakeUploads(options: { status?: number } = {}) {
  const sent: Array<{ method: string; url: string; headers: Record<string, string>; body: unknown }> = [];
  class FakeXHR {
    status = 0;
    upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private method = "";
    private url = "";
    private headers: Record<string, string> = {};
    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name.toLowerCase()] = value;
    }
    abort() {
      this.onabort?.();
    }
    send(body: Blob) {
      sent.push({ method: this.method, url: this.url, headers: this.headers, body });
      setTimeout(() => {
        this.upload.onprogress?.({ loaded: Math.floor(body.size / 2), total: body.size, lengthComputable: true });
        setTimeout(() => {
          this.status = options.status ?? 200;
          this.onload?.();
        }, 0);
      }, 0);
    }
  }
  return { sent, FakeXHR };
}

/** A tiny file that says it is a PNG. */
export function pngFile(name = "photo.png") {
  return new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])], name, { type: "image/png" });
}
