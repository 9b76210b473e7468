/**
 * The normal/emergency switch (平急切换) as the portal uses it: the district's mode, task rounds,
 * the live board, and a grid's own open tasks. Types come from core as types only.
 */
import type { EmergencyMode, EmergencyTask, TaskGrid } from "@wangge/core/emergency/index";
import { useSession } from "../providers/session.tsx";
import type { GridChoice } from "../ui/grid-picker.tsx";
import { compact, ok, type Api, type Body, type Reply } from "./api.ts";
import type { Page, SignedInActor } from "./types.ts";

export type { EmergencyMode, EmergencyTask, GridChoice, TaskGrid };

export type EmergencyBoard = Reply<"/emergency/tasks/{taskID}/board", "get">;
export type MyEmergencyTask = Reply<"/emergency/tasks/mine", "get">["items"][number];
export type SetModeInput = Body<"/emergency/mode", "put">;
export type CreateTaskInput = Body<"/emergency/tasks", "post">;

/** Fired on `window` after the mode was switched here, so that the banner reads it again at once. */
export const MODE_CHANGED = "wangge:emergency-mode";

export function emergencyApi(api: Api) {
  const { client } = api;
  return {
    mode: () => ok(client.GET("/emergency/mode")),
    setMode: (input: SetModeInput) => ok(client.PUT("/emergency/mode", { body: input })),
    tasks: (cursor?: string | null) => ok(client.GET("/emergency/tasks", { params: { query: compact({ limit: 50, cursor }) } })),
    createTask: (input: CreateTaskInput) => ok(client.POST("/emergency/tasks", { body: input })),
    mine: () => ok(client.GET("/emergency/tasks/mine")),
    board: (taskID: string) => ok(client.GET("/emergency/tasks/{taskID}/board", { params: { path: { taskID } } })),
    report: (taskID: string, gridID: string, input: { ticks: boolean[]; note?: string }) =>
      ok(client.POST("/emergency/tasks/{taskID}/grids/{gridID}/report", { params: { path: { taskID, gridID } }, body: input })),
    /** Active grids of one tier, without boundaries (up to `max`, a page of 200 at a time). */
    gridsOfTier: async (tier: number, max = 3000): Promise<GridChoice[]> => {
      const found: GridChoice[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<GridChoice> = await ok(
          client.GET("/grids", { params: { query: compact({ tier: String(tier), limit: 200, cursor }) } }),
        );
        found.push(...page.items.map(({ gridID, code, name }) => ({ gridID, code, name })));
        cursor = page.cursor;
      } while (cursor && found.length < max);
      return found;
    },
  };
}
export type EmergencyApi = ReturnType<typeof emergencyApi>;

/** The emergency API over the signed-in session's client. */
export const useEmergencyApi = (): EmergencyApi => emergencyApi(useSession().api);

const rolesOf = (actor: SignedInActor | undefined) => (actor?.type === "user" ? actor.roles : []);

/** Only a district admin switches the mode and issues rounds. */
export const mayCommand = (actor: SignedInActor | undefined) => rolesOf(actor).includes("district_admin");
/** Grid staff, cadres, department staff and admins read rounds and boards. */
export const mayReadRounds = (actor: SignedInActor | undefined) =>
  rolesOf(actor).some((role) => ["grid_worker", "grid_leader", "department_staff", "cadre", "district_admin"].includes(role));
/** Grid workers, leaders and cadres report for their grid. */
export const hasGridTasks = (actor: SignedInActor | undefined) =>
  rolesOf(actor).some((role) => ["grid_worker", "grid_leader", "cadre"].includes(role));

/** A checklist typed one item a line. */
export function checklistOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
}
