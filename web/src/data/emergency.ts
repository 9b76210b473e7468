/**
 * The normal/emergency switch (平急切换) as the portal uses it: the district's mode, task rounds,
 * the live board, and a grid's own open tasks. Types come from core as types only.
 */
import type { EmergencyMode, EmergencyTask, TaskGrid } from "@wangge/core/emergency/index";
import type { Api } from "./api.ts";
import type { Page, SignedInActor } from "./types.ts";

export type { EmergencyMode, EmergencyTask, TaskGrid };

export interface EmergencyBoard {
  task: EmergencyTask;
  total: number;
  done: number;
  pending: number;
  percentage: number;
  grids: TaskGrid[];
}

export interface MyEmergencyTask {
  task: EmergencyTask;
  grid: TaskGrid;
}

export interface SetModeInput {
  mode: "normal" | "emergency";
  scope?: "district" | "grids";
  gridIDs?: string[];
  reason: string;
  expectedVersion?: number;
}

export interface CreateTaskInput {
  title: string;
  scope: "district" | "risk_area";
  gridIDs?: string[];
  checklist: string[];
}

/** A grid to choose (for emergency mode on chosen grids, or a risk-area round). */
export interface GridChoice {
  gridID: string;
  code: string;
  name: string;
}

/** Fired on `window` after the mode was switched here, so that the banner reads it again at once. */
export const MODE_CHANGED = "wangge:emergency-mode";

export function emergencyApi(api: Api) {
  return {
    mode: () => api.request<EmergencyMode>("GET", "/emergency/mode"),
    setMode: (input: SetModeInput) => api.request<EmergencyMode>("PUT", "/emergency/mode", input),
    tasks: (cursor?: string | null) =>
      api.request<Page<EmergencyTask>>("GET", `/emergency/tasks?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`),
    createTask: (input: CreateTaskInput) => api.request<EmergencyTask>("POST", "/emergency/tasks", input),
    mine: () => api.request<{ items: MyEmergencyTask[] }>("GET", "/emergency/tasks/mine"),
    board: (taskID: string) => api.request<EmergencyBoard>("GET", `/emergency/tasks/${encodeURIComponent(taskID)}/board`),
    report: (taskID: string, gridID: string, input: { ticks: boolean[]; note?: string }) =>
      api.request<TaskGrid>("POST", `/emergency/tasks/${encodeURIComponent(taskID)}/grids/${encodeURIComponent(gridID)}/report`, input),
    /** Active grids of one tier, without boundaries (up to `max`, a page of 200 at a time). */
    gridsOfTier: async (tier: number, max = 3000): Promise<GridChoice[]> => {
      const found: GridChoice[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<GridChoice> = await api.request<Page<GridChoice>>(
          "GET",
          `/grids?tier=${tier}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        );
        found.push(...page.items.map(({ gridID, code, name }) => ({ gridID, code, name })));
        cursor = page.cursor;
      } while (cursor && found.length < max);
      return found;
    },
  };
}
export type EmergencyApi = ReturnType<typeof emergencyApi>;

const rolesOf = (actor: SignedInActor | undefined) => (actor?.type === "user" ? actor.roles : []);

/** Only a district admin switches the mode and issues rounds. */
export const mayCommand = (actor: SignedInActor | undefined) => rolesOf(actor).includes("district_admin");
/** Grid staff, cadres, department staff and admins read rounds and boards. */
export const mayReadRounds = (actor: SignedInActor | undefined) =>
  rolesOf(actor).some((role) => ["grid_worker", "grid_leader", "department_staff", "cadre", "district_admin"].includes(role));
/** Grid workers, leaders and cadres report for their grid. */
export const hasGridTasks = (actor: SignedInActor | undefined) => rolesOf(actor).some((role) => ["grid_worker", "grid_leader", "cadre"].includes(role));

/** A checklist typed one item a line. */
export function checklistOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
}
