/**
 * What the command map (一张网) reads besides the register's counts and points: who is on duty
 * per grid, and the emergency round running now with its board. Pure rules for the grid layer
 * (a grid's figure for the chosen measure, its share of the round, its shade) live here too, so
 * that the page and its tests share them.
 */
import { compact, ok, type Api, type Reply } from "./api.ts";
import { emergencyApi, type EmergencyBoard } from "./emergency.ts";
import type { RegisterCounts } from "./register.ts";

export type OnDuty = Reply<"/people/on-duty", "get">;
export type GridDuty = OnDuty["children"][number];
export type { EmergencyBoard };

export function commandApi(api: Api) {
  const { client } = api;
  const emergency = emergencyApi(api);
  return {
    /** Who holds a role today on a grid and on each of its children (the caller's grid by default). */
    onDuty: (gridID?: string) => ok(client.GET("/people/on-duty", { params: { query: compact({ gridID }) } })),
    /** The newest round's board while the district (or part of it) is in emergency mode; null otherwise. */
    async currentRound(): Promise<EmergencyBoard | null> {
      const mode = await emergency.mode();
      if (mode.mode !== "emergency") return null;
      const [newest] = (await emergency.tasks()).items;
      return newest ? emergency.board(newest.taskID) : null;
    },
  };
}
export type CommandApi = ReturnType<typeof commandApi>;

/** What the grid layer counts: people, households, houses, organisations, or the people of one special group (`tag:<key>`). */
export type Measure = "people" | "households" | "houses" | "organisations" | `tag:${string}`;

type Counts = RegisterCounts["counts"];

/** A grid's figure for the measure, from the register's counters. */
export function measureOf(counts: Counts | undefined, measure: Measure): number {
  if (!counts) return 0;
  if (measure.startsWith("tag:")) return counts.tags[measure.slice(4)] ?? 0;
  return counts[measure as Exclude<Measure, `tag:${string}`>] ?? 0;
}

/** Five steps from pale to deep slate: more is deeper (a count is neither good nor bad). */
export const shades = ["#e9eef6", "#c9d6ea", "#9fb5d6", "#6d8bb9", "#33507a"];

/** A count's shade among the counts shown (none for a grid without any). */
export function shadeOf(value: number, values: number[]): string | null {
  const high = Math.max(0, ...values);
  if (value <= 0 || high <= 0) return null;
  return shades[Math.min(shades.length - 1, Math.floor((value / high) * shades.length - 1e-9))];
}

/** A grid's part of the round: its own (the grid is in the round), or an ancestor's (the round went to a grid above it). */
export interface RoundPart {
  status: "done" | "pending";
  ticked: number;
  items: number;
  /** The grid above that reports for this one, when it is not in the round itself. */
  via: string | null;
}

/**
 * A grid's part of the round: its own entry on the board, else that of the nearest grid above it
 * on the path shown (a district-wide round goes to the first tier; its leaders report for the
 * area). Null when the round does not cover the grid.
 */
export function roundPartOf(board: EmergencyBoard | null | undefined, gridID: string, above: string[]): RoundPart | null {
  if (!board) return null;
  const byID = new Map(board.grids.map((part) => [part.gridID, part]));
  const own = byID.get(gridID);
  const part =
    own ??
    [...above]
      .reverse()
      .map((id) => byID.get(id))
      .find(Boolean);
  if (!part) return null;
  return {
    status: part.status,
    ticked: part.ticks.filter(Boolean).length,
    items: board.task.checklist.length,
    via: own ? null : part.name,
  };
}

/** The round's colours: done green, begun amber, not begun red. */
export function roundColour(part: RoundPart): string {
  if (part.status === "done") return "#1c7a4b";
  return part.ticked > 0 ? "#9a5b00" : "#a61d24";
}

/** Open needs items of a grid from its counters: listed and not yet ticked off (销号). */
export function openNeeds(values: Record<string, number | null> | undefined): number {
  if (!values) return 0;
  return Math.max(0, (values["needs.created"] ?? 0) - (values["needs.closed"] ?? 0));
}
