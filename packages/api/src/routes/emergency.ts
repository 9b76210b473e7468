import { createRoute, z } from "@hono/zod-openapi";
import { Emergency } from "@wangge/core";
import { bearer, body, json, PageQuery, pageOf, pathParam, problems, router } from "../openapi.ts";

const Mode = Emergency.EmergencyMode.meta({ id: "EmergencyMode" });
const Task = Emergency.EmergencyTask.meta({ id: "EmergencyTask" });
const TaskGrid = Emergency.TaskGrid.meta({ id: "EmergencyTaskGrid" });
const Board = z
  .object({ task: Task, total: z.number(), done: z.number(), pending: z.number(), percentage: z.number(), grids: z.array(TaskGrid) })
  .meta({ id: "EmergencyBoard" });
const TaskParam = pathParam("taskID", "etask_01jd…");

/** The normal/emergency switch (平急切换) and its task rounds, mounted at `/emergency`. */
export const emergencyRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/mode",
      operationId: "getEmergencyMode",
      tags: ["emergency"],
      summary: "The district's mode: normal or emergency, why, since when, which grids",
      security: bearer,
      responses: { 200: json(Mode, "The mode"), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await Emergency.getMode({}), 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/mode",
      operationId: "setEmergencyMode",
      tags: ["emergency"],
      summary: "平急切换: switch the district or chosen grids into emergency mode with a reason, or back to normal",
      security: bearer,
      request: body(Emergency.SetModeInput),
      responses: { 200: json(Mode, "Switched"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Emergency.setMode(c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/tasks",
      operationId: "listEmergencyTasks",
      tags: ["emergency"],
      summary: "The district's emergency task rounds, newest first",
      security: bearer,
      request: { query: PageQuery },
      responses: { 200: json(pageOf(Task), "One page of rounds"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Emergency.listTasks(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/tasks",
      operationId: "createEmergencyTask",
      tags: ["emergency"],
      summary: "Issue a task round with a checklist: district-wide (every first-tier grid) or to risk-area grids",
      security: bearer,
      request: body(Emergency.CreateTaskInput),
      responses: { 201: json(Task, "Issued"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Emergency.createTask(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/tasks/mine",
      operationId: "listMyEmergencyTasks",
      tags: ["emergency"],
      summary: "The open emergency tasks of the caller's grid",
      security: bearer,
      responses: {
        200: json(z.object({ items: z.array(z.object({ task: Task, grid: TaskGrid })) }), "Open tasks"),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => c.json(await Emergency.listMyTasks({}), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/tasks/{taskID}/board",
      operationId: "getEmergencyBoard",
      tags: ["emergency"],
      summary: "The live board of a round: total, done, percentage, and every grid's part",
      security: bearer,
      request: { params: z.object({ taskID: TaskParam }) },
      responses: { 200: json(Board, "The board"), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await Emergency.getBoard({ taskID: c.req.valid("param").taskID }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/tasks/{taskID}/grids/{gridID}/report",
      operationId: "reportEmergencyTask",
      tags: ["emergency"],
      summary: "A grid reports its part of a round: checklist ticks and a note (done when every item is ticked)",
      security: bearer,
      request: {
        params: z.object({ taskID: TaskParam, gridID: pathParam("gridID", "grid_01jd…") }),
        ...body(Emergency.ReportTaskInput.omit({ taskID: true, gridID: true })),
      },
      responses: { 200: json(TaskGrid, "Reported"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await Emergency.reportTask({ ...c.req.valid("json"), ...c.req.valid("param") }), 200),
  );
