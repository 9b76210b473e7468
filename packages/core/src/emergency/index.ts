/**
 * The normal/emergency switch (平急切换): a district admin switches the whole district, or
 * chosen grids and everything below them, into emergency mode with a reason, and back. In
 * emergency mode the admin issues task rounds (应急任务, e.g. 第3轮全员核酸检测) to grids with
 * a checklist; each grid's people report their part done; a live board shows the round per
 * grid and as numbers.
 *
 * Rounds that cover the whole district go to every active first-tier grid (一级网格: 230 in
 * Jianyang), whose leaders report for their area; risk-area rounds (风险区) go to the grids
 * chosen, of any tier. A grid's people are the grid workers, leaders and cadres whose
 * `gridID` is that grid.
 */
import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useActor, useTenant } from "../actor.ts";
import { AuditEventEntity, auditEntities, auditOperation } from "../audit/index.ts";
import { requireMechanism } from "../config/index.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "../error.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { compareTallies, ExpectedTallies } from "../counter/recount.ts";
import { gridScopes, readTallies, Tally } from "../counter/tally.ts";
import { batchPut } from "../storage/batch.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal, Nullable } from "../util/record.ts";
import { EmergencyModeEntity, EmergencyTaskEntity, EmergencyTaskGridEntity } from "./emergency.entity.ts";

export { EmergencyModeEntity, EmergencyTaskEntity, EmergencyTaskGridEntity };

/** Every district role may read the mode (the banner is on every page). */
const everyone = ["resident", "grid_worker", "grid_leader", "department_staff", "cadre", "district_admin"] as const;
/** Who reads rounds and boards. */
const staff = ["grid_worker", "grid_leader", "department_staff", "cadre", "district_admin"] as const;
/** Who reports a grid's part of a round (on their own grid; the admin on any). */
const gridPeople = ["grid_worker", "grid_leader", "cadre", "district_admin"] as const;

/** At most this many grids switched one by one, or chosen for a risk-area round. */
export const MAX_MODE_GRIDS = 100;
export const MAX_ROUND_GRIDS = 500;
/** The tier a district-wide round is assigned to. */
export const DISTRICT_ROUND_TIER = 1;

export const GridRef = z.object({ gridID: z.string(), code: z.string(), name: z.string() });
export type GridRef = z.infer<typeof GridRef>;

/** The district's mode as callers see it. `affectsMe`: the caller's grid (or the whole district) is in emergency mode. */
export const EmergencyMode = z.object({
  mode: z.enum(["normal", "emergency"]),
  scope: z.enum(["district", "grids"]),
  grids: z.array(GridRef),
  reason: z.string().nullable(),
  since: z.string().nullable(),
  switchedBy: z.string().nullable(),
  version: z.number(),
  affectsMe: z.boolean(),
});
export type EmergencyMode = z.infer<typeof EmergencyMode>;

async function readMode(): Promise<Omit<EmergencyMode, "affectsMe">> {
  const result = await EmergencyModeEntity.get({ tenantID: useTenant() }).go();
  const item = result.data;
  if (!item) return { mode: "normal", scope: "district", grids: [], reason: null, since: null, switchedBy: null, version: 0 };
  return {
    mode: item.mode,
    scope: item.scope,
    grids: item.grids ?? [],
    reason: item.reason ?? null,
    since: item.since ?? null,
    switchedBy: item.switchedBy ?? null,
    version: item.version,
  };
}

/** The signed-in user's grid with its ancestors (top first), or null. */
async function myGridPath(): Promise<string[] | null> {
  const actor = useActor();
  if (actor.type !== "user") return null;
  const tenantID = useTenant();
  const gridID = actor.gridID;
  if (!gridID) return null;
  const grid = await GridEntity.get({ tenantID, gridID }).go({ attributes: ["gridID", "path"] });
  return grid.data ? [...(grid.data.path ?? []), gridID] : [gridID];
}

/** The current mode, reason, since when, and which grids (any user of the district). */
export const getMode = fn(z.object({}).default({}), async () => {
  await requireMechanism("emergencyMode");
  assertRole(...everyone);
  const mode = await readMode();
  let affectsMe = false;
  if (mode.mode === "emergency") {
    if (mode.scope === "district") affectsMe = true;
    else {
      const path = await myGridPath();
      const inEmergency = new Set(mode.grids.map((grid) => grid.gridID));
      affectsMe = !!path?.some((gridID) => inEmergency.has(gridID));
    }
  }
  return EmergencyMode.parse({ ...mode, affectsMe });
});

export const SetModeInput = z
  .object({
    mode: z.enum(["normal", "emergency"]),
    /** Emergency mode for the whole district, or for the grids listed (and below them). */
    scope: z.enum(["district", "grids"]).default("district"),
    gridIDs: z.array(z.string().min(1).max(80)).max(MAX_MODE_GRIDS).default([]),
    reason: z.string().trim().min(2).max(200),
    /** The version the caller saw; a switch made meanwhile makes this one a 409. */
    expectedVersion: z.number().int().min(0).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.mode === "emergency" && input.scope === "grids" && input.gridIDs.length === 0)
      ctx.addIssue({ code: "custom", path: ["gridIDs"], message: "choose at least one grid" });
    if ((input.mode === "normal" || input.scope === "district") && input.gridIDs.length > 0)
      ctx.addIssue({ code: "custom", path: ["gridIDs"], message: "grids are chosen only for emergency mode on chosen grids" });
  });

/** Active grids of this district by id, or a 404 naming the missing ones. */
async function activeGrids(gridIDs: string[]): Promise<(GridRef & { path: string[] })[]> {
  const tenantID = useTenant();
  const unique = [...new Set(gridIDs)];
  const result = await GridEntity.get(unique.map((gridID) => ({ tenantID, gridID }))).go({
    attributes: ["gridID", "code", "name", "path", "status"],
  });
  const byID = new Map(result.data.filter((grid) => grid.status === "active").map((grid) => [grid.gridID, grid]));
  const missing = unique.filter((gridID) => !byID.has(gridID));
  if (missing.length) throw new NotFoundError("grid.not_found", `No active grid ${missing.slice(0, 5).join(", ")} in this district.`);
  return unique.map((gridID) => {
    const grid = byID.get(gridID)!;
    return { gridID, code: grid.code, name: grid.name, path: grid.path ?? [] };
  });
}

/**
 * 平急切换: switches the district (or chosen grids) into emergency mode, or back to normal.
 * One transaction: the mode item (conditional on the version read), the audit entry and the
 * `emergency.switches` tally. Of two switches at once, one wins and the other is a 409.
 */
export const setMode = fn(SetModeInput, async (input) => {
  await requireMechanism("emergencyMode");
  assertRole("district_admin");
  const tenantID = useTenant();
  const current = await readMode();
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version)
    throw new ConflictError(
      "emergency.changed",
      `The mode was switched meanwhile (version ${current.version}, not ${input.expectedVersion}); reload and try again.`,
    );
  if (input.mode === "normal" && current.mode === "normal")
    throw new ConflictError("emergency.not_on", "The district is already in normal mode.");
  const grids =
    input.mode === "emergency" && input.scope === "grids"
      ? (await activeGrids(input.gridIDs)).map(({ gridID, code, name }) => ({ gridID, code, name }))
      : [];
  const at = now().toISOString();
  const by = actorID();
  const next = {
    mode: input.mode,
    scope: input.mode === "emergency" ? input.scope : ("district" as const),
    grids,
    reason: input.reason,
    since: at,
    switchedBy: by,
    version: current.version + 1,
  };
  const tally = new Tally().add(["district"], at, "emergency.switches");
  const summary =
    input.mode === "normal"
      ? `Back to normal mode: ${input.reason}`
      : `Emergency mode for ${
          input.scope === "district"
            ? "the whole district"
            : `${grids.length} grid(s): ${grids
                .map((grid) => grid.name)
                .slice(0, 5)
                .join(", ")}`
        }: ${input.reason}`;
  const result = await writeTransaction({ emergencyMode: EmergencyModeEntity, ...Tally.entities, ...auditEntities }, (ops) => [
    current.version === 0
      ? ops.emergencyMode.create({ tenantID, ...next }).commit()
      : ops.emergencyMode
          .patch({ tenantID })
          .set(next)
          .where((attr, op) => op.eq(attr.version, current.version))
          .commit(),
    auditOperation(ops, {
      action: "emergency.switch",
      subjectID: "emergencyMode",
      summary,
      details: {
        from: current.mode,
        to: input.mode,
        scope: next.scope,
        gridIDs: grids.map((grid) => grid.gridID),
        reason: input.reason,
        version: next.version,
        at,
      },
    }),
    ...tally.operations(ops),
  ]).go();
  if (result.canceled)
    throw new ConflictError("emergency.changed", "Someone else switched the mode at the same time; reload and try again.");
  return EmergencyMode.parse({ ...next, affectsMe: next.mode === "emergency" && next.scope === "district" });
});

// ─── task rounds ─────────────────────────────────────────────────────────────

export const EmergencyTask = z.object({
  taskID: z.string(),
  title: z.string(),
  scope: z.enum(["district", "risk_area"]),
  checklist: z.array(z.string()),
  gridCount: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type EmergencyTask = z.infer<typeof EmergencyTask>;

/** One grid's part of a round. */
export const TaskGrid = z.object({
  taskID: z.string(),
  gridID: z.string(),
  code: z.string(),
  name: z.string(),
  status: z.enum(["pending", "done"]),
  ticks: z.array(z.boolean()),
  note: z.string().nullable(),
  reportedAt: z.string().nullable(),
  reportedBy: z.string().nullable(),
});
export type TaskGrid = z.infer<typeof TaskGrid>;

/** A round as stored; callers see all of it but the tenant. */
type TaskItem = EntityItem<typeof EmergencyTaskEntity>;
type _EmergencyTask = Assert<Equal<EmergencyTask, Omit<TaskItem, "tenantID">>>;

/** A grid's part of a round as stored. */
type TaskGridItem = EntityItem<typeof EmergencyTaskGridEntity>;

/**
 * What callers see of it: without its keys, the grid's path and the write sequence, the grid's
 * code and name as `code` and `name`, the ticks (stored as any) as booleans, absent attributes as null.
 */
type TaskGridView = Nullable<Omit<TaskGridItem, "tenantID" | "gridCode" | "gridName" | "ticks" | "gridPath" | "seq">> & {
  code: string;
  name: string;
  ticks: boolean[];
};
type _TaskGrid = Assert<Equal<TaskGrid, TaskGridView>>;

const toTask = (item: TaskItem): EmergencyTask => ({
  taskID: item.taskID,
  title: item.title,
  scope: item.scope,
  checklist: item.checklist ?? [],
  gridCount: item.gridCount,
  createdAt: item.createdAt,
  createdBy: item.createdBy,
});

const toTaskGrid = (item: TaskGridItem): TaskGrid => ({
  taskID: item.taskID,
  gridID: item.gridID,
  code: item.gridCode,
  name: item.gridName,
  status: item.status,
  ticks: item.ticks ?? [],
  note: item.note || null,
  reportedAt: item.reportedAt ?? null,
  reportedBy: item.reportedBy ?? null,
});

async function loadTask(taskID: string): Promise<EmergencyTask> {
  const result = await EmergencyTaskEntity.get({ tenantID: useTenant(), taskID }).go();
  if (!result.data) throw new NotFoundError("emergency.task_not_found", `There is no emergency task ${taskID} in this district.`);
  return toTask(result.data);
}

export const CreateTaskInput = z
  .object({
    title: z.string().trim().min(2).max(80),
    /** `district`: every first-tier grid; `risk_area`: the grids chosen (风险区). */
    scope: z.enum(["district", "risk_area"]),
    gridIDs: z.array(z.string().min(1).max(80)).max(MAX_ROUND_GRIDS).default([]),
    checklist: z.array(z.string().trim().min(1).max(80)).min(1).max(20),
  })
  .superRefine((input, ctx) => {
    if (input.scope === "risk_area" && input.gridIDs.length === 0)
      ctx.addIssue({ code: "custom", path: ["gridIDs"], message: "choose the risk-area grids" });
    if (input.scope === "district" && input.gridIDs.length > 0)
      ctx.addIssue({ code: "custom", path: ["gridIDs"], message: "a district-wide round goes to every first-tier grid: choose none" });
  });

/** The grids a district-wide round goes to: every active grid of the first tier. */
async function districtRoundGrids(): Promise<GridRef[]> {
  const result = await GridEntity.query
    .byTier({ tenantID: useTenant(), tierKey: String(DISTRICT_ROUND_TIER) })
    .where((attr, op) => op.eq(attr.status, "active"))
    .go({ pages: "all", attributes: ["gridID", "code", "name"] });
  return result.data.map((grid) => ({ gridID: grid.gridID, code: grid.code, name: grid.name }));
}

/**
 * Issues a task round to grids (emergency mode must be on, else 409 `emergency.not_on`).
 * The grids' items are written first, in batches (a district-wide round may reach hundreds of
 * grids); then one transaction writes the round with its tallies and audit entry, on the
 * condition that the district is still in emergency mode. Until that commits, the grids'
 * items point at no round and nobody sees them.
 */
export const createTask = fn(CreateTaskInput, async (input) => {
  await requireMechanism("emergencyMode");
  assertRole("district_admin");
  const tenantID = useTenant();
  const mode = await readMode();
  if (mode.mode !== "emergency") throw new ConflictError("emergency.not_on", "Switch to emergency mode before issuing emergency tasks.");
  const grids = input.scope === "district" ? await districtRoundGrids() : await activeGrids(input.gridIDs);
  if (grids.length === 0)
    throw new InputError("emergency.no_grids", "The district has no first-tier grids to give the round to.", [
      { path: "scope", message: "no grids" },
    ]);
  const taskID = newID("etask");
  const at = now().toISOString();
  const by = actorID();
  const ticks = input.checklist.map(() => false);
  await batchPut(
    grids.map(
      (grid) =>
        EmergencyTaskGridEntity.put({
          tenantID,
          taskID,
          gridID: grid.gridID,
          gridCode: grid.code,
          gridName: grid.name,
          status: "pending",
          ticks,
          seq: 0,
        }).params().Item,
    ),
  );
  const tally = new Tally()
    .add(["district"], at, "emergency.rounds")
    .add(["district"], at, input.scope === "district" ? "emergency.roundsDistrictWide" : "emergency.roundsRiskArea")
    .add(["district", `round:${taskID}`], at, "emergency.taskGrids", grids.length);
  const task = {
    tenantID,
    taskID,
    title: input.title,
    scope: input.scope,
    checklist: input.checklist,
    gridCount: grids.length,
    createdAt: at,
    createdBy: by,
  };
  const result = await writeTransaction(
    { emergencyMode: EmergencyModeEntity, emergencyTask: EmergencyTaskEntity, ...Tally.entities, ...auditEntities },
    (ops) => [
      ops.emergencyMode
        .check({ tenantID })
        .where((attr, op) => op.eq(attr.mode, "emergency"))
        .commit(),
      ops.emergencyTask.create(task).commit(),
      auditOperation(ops, {
        action: "emergency.task",
        subjectID: taskID,
        summary: `Emergency task "${input.title}" to ${grids.length} grid(s)`,
        details: {
          title: input.title,
          scope: input.scope,
          checklist: input.checklist,
          gridIDs: grids.slice(0, 50).map((grid) => grid.gridID),
          gridCount: grids.length,
        },
      }),
      ...tally.operations(ops),
    ],
  ).go();
  if (result.canceled) throw new ConflictError("emergency.not_on", "The district left emergency mode meanwhile; the task was not issued.");
  return toTask(task);
});

export const ListTasksInput = PageInput;

/** The district's rounds, newest first. */
export const listTasks = fn(ListTasksInput, async (input) => {
  await requireMechanism("emergencyMode");
  assertRole(...staff);
  const result = await page(EmergencyTaskEntity.query.primary({ tenantID: useTenant() }), input, "desc");
  return { items: result.items.map(toTask), cursor: result.cursor };
});

export const ReportTaskInput = z.object({
  taskID: z.string().min(1).max(80),
  gridID: z.string().min(1).max(80),
  /** One tick per checklist item, in order; the grid's part is done when every item is ticked. */
  ticks: z.array(z.boolean()).min(1).max(20),
  note: z.string().trim().max(500).optional(),
});

/**
 * A grid's people report their part of a round: the checklist ticks and a note. When every
 * item is ticked the grid is done, counted once in `emergency.taskGridsDone` (district and
 * the round's own scope) in the same transaction. A grid not in the round is a 404.
 */
export const reportTask = fn(ReportTaskInput, async (input) => {
  await requireMechanism("emergencyMode");
  assertRole(...gridPeople);
  const tenantID = useTenant();
  const actor = useActor();
  const task = await loadTask(input.taskID);
  const existing = await EmergencyTaskGridEntity.get({ tenantID, taskID: input.taskID, gridID: input.gridID }).go();
  if (!existing.data) throw new NotFoundError("emergency.grid_not_in_task", `The grid ${input.gridID} is not part of this task.`);
  const part = existing.data;
  // The people of a grid report for it (or for a grid below theirs); a district admin for any.
  if (
    actor.type === "user" &&
    !actor.roles.includes("district_admin") &&
    !(actor.gridID && (part.gridPath ?? [part.gridID]).includes(actor.gridID))
  )
    throw new ForbiddenError("emergency.not_your_grid", "You report only for the grid you work on and the grids below it.");
  if (input.ticks.length !== task.checklist.length)
    throw new InputError("emergency.ticks", `Give one tick for each of the ${task.checklist.length} checklist items.`, [
      { path: "ticks", message: `${task.checklist.length} ticks` },
    ]);
  if (part.status === "done") throw new ConflictError("emergency.already_done", "This grid has already reported the task done.");
  const done = input.ticks.every(Boolean);
  const at = now().toISOString();
  const by = actorID();
  const grid = await GridEntity.get({ tenantID, gridID: input.gridID }).go({ attributes: ["gridID", "path"] });
  const gridPath = [...(grid.data?.path ?? []), input.gridID];
  const tally = new Tally();
  if (done) tally.add([...gridScopes(gridPath), `round:${task.taskID}`], at, "emergency.taskGridsDone");
  const result = await writeTransaction({ emergencyTaskGrid: EmergencyTaskGridEntity, ...Tally.entities, ...auditEntities }, (ops) => [
    ops.emergencyTaskGrid
      .patch({ tenantID, taskID: task.taskID, gridID: input.gridID })
      .set({
        status: done ? "done" : "pending",
        ticks: input.ticks,
        note: input.note ?? "",
        reportedAt: at,
        reportedBy: by,
        gridPath,
        seq: part.seq + 1,
      })
      .where((attr, op) => op.eq(attr.seq, part.seq))
      .commit(),
    auditOperation(ops, {
      action: "emergency.report",
      subjectID: task.taskID,
      summary: `${part.gridName} reported "${task.title}" ${done ? "done" : `${input.ticks.filter(Boolean).length}/${input.ticks.length}`}`,
      details: { gridName: part.gridName, gridID: input.gridID, ticks: input.ticks, note: input.note ?? null, done },
    }),
    ...tally.operations(ops),
  ]).go();
  if (result.canceled)
    throw new ConflictError("emergency.task_changed", "Someone else reported this grid at the same time; reload and try again.");
  return toTaskGrid({
    ...part,
    status: done ? "done" : "pending",
    ticks: input.ticks,
    note: input.note ?? "",
    reportedAt: at,
    reportedBy: by,
  });
});

/**
 * The live board of a round: the numbers from its counters (one query) and every grid's part
 * (one query of the round's partition).
 */
export const getBoard = fn(z.object({ taskID: z.string().min(1).max(80) }), async (input) => {
  await requireMechanism("emergencyMode");
  assertRole(...staff);
  const task = await loadTask(input.taskID);
  const [tallies, parts] = await Promise.all([
    readTallies(`round:${task.taskID}`, "all"),
    EmergencyTaskGridEntity.query.primary({ tenantID: useTenant(), taskID: task.taskID }).go({ pages: "all" }),
  ]);
  const total = tallies["emergency.taskGrids"]?.count ?? task.gridCount;
  const done = tallies["emergency.taskGridsDone"]?.count ?? 0;
  return {
    task,
    total,
    done,
    pending: total - done,
    percentage: total ? Math.round((done / total) * 1000) / 10 : 0,
    grids: parts.data.map(toTaskGrid),
  };
});

/**
 * The caller's open emergency tasks: the rounds with a pending part on the grid they work on
 * (their `gridID`). Cadres and grid staff see these first.
 */
export const listMyTasks = fn(z.object({}).default({}), async () => {
  await requireMechanism("emergencyMode");
  assertRole(...staff);
  const actor = useActor();
  if (actor.type !== "user") return { items: [] };
  const tenantID = useTenant();
  const gridID = actor.gridID;
  if (!gridID) return { items: [] };
  const parts = await EmergencyTaskGridEntity.query.byGrid({ tenantID, gridID, status: "pending" }).go({ pages: "all", order: "desc" });
  if (parts.data.length === 0) return { items: [] };
  const tasks = await EmergencyTaskEntity.get(parts.data.map((part) => ({ tenantID, taskID: part.taskID }))).go();
  const byID = new Map(tasks.data.map((task) => [task.taskID, toTask(task)]));
  return {
    items: parts.data.filter((part) => byID.has(part.taskID)).map((part) => ({ task: byID.get(part.taskID)!, grid: toTaskGrid(part) })),
  };
});

// ─── recount ─────────────────────────────────────────────────────────────────

/**
 * Rebuilds the `emergency.*` tallies from the records and returns the drift (with `repair`,
 * writes the recounted values): switches from the audit entries of the mode (the mode item
 * keeps only the last switch; the entry's `details.at` is the tally's time), rounds and their
 * grids from the rounds, grids done from the parts reported done (at `reportedAt`, on the
 * grid path kept on the part). Parts of a round whose transaction failed belong to no round
 * and count nowhere.
 */
export async function recount(options: { repair?: boolean } = {}) {
  const tenantID = useTenant();
  const expected = new ExpectedTallies();
  const switches = await AuditEventEntity.query.bySubject({ tenantID, subjectID: "emergencyMode" }).go({ pages: "all" });
  for (const event of switches.data)
    if (event.action === "emergency.switch") expected.add(["district"], event.details?.at ?? event.at, "emergency.switches");
  const tasks = await EmergencyTaskEntity.query.primary({ tenantID }).go({ pages: "all" });
  const paths = new Map<string, Promise<string[]>>();
  const pathOf = (gridID: string) => {
    if (!paths.has(gridID))
      paths.set(
        gridID,
        GridEntity.get({ tenantID, gridID })
          .go({ attributes: ["path"] })
          .then((grid) => [...(grid.data?.path ?? []), gridID]),
      );
    return paths.get(gridID)!;
  };
  for (const task of tasks.data) {
    expected
      .add(["district"], task.createdAt, "emergency.rounds")
      .add(["district"], task.createdAt, task.scope === "district" ? "emergency.roundsDistrictWide" : "emergency.roundsRiskArea")
      .add(["district", `round:${task.taskID}`], task.createdAt, "emergency.taskGrids", task.gridCount);
    const parts = await EmergencyTaskGridEntity.query.primary({ tenantID, taskID: task.taskID }).go({ pages: "all" });
    // A part reported done has its report time.
    for (const part of parts.data)
      if (part.status === "done")
        expected.add(
          [...gridScopes(part.gridPath ?? (await pathOf(part.gridID))), `round:${task.taskID}`],
          part.reportedAt!,
          "emergency.taskGridsDone",
        );
  }
  return compareTallies(expected, ["emergency."], options);
}
