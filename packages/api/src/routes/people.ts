import { createRoute, z } from "@hono/zod-openapi";
import { Person } from "@wangge/core";
import { body, bearer, json, PageQuery, pageOf, problems, router } from "../openapi.ts";

const Assignment = Person.Assignment.meta({ id: "Assignment" });

export const peopleRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listPeople",
      tags: ["people"],
      summary: "The people of a grid with their roles (gridID), a person's grids (personID) or a role's holders (roleKey)",
      security: bearer,
      request: {
        query: PageQuery.extend({ gridID: z.string().optional(), personID: z.string().optional(), roleKey: z.string().optional() }),
      },
      responses: { 200: json(pageOf(Assignment), "One page of role assignments"), ...problems(400, 401) },
    }),
    async (c) => c.json(await Person.list(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/on-duty",
      operationId: "listOnDuty",
      tags: ["people"],
      summary:
        "Who is on duty (names and roles held today) on a grid and on each of its children: the caller's grid by default, the first tier for a district admin",
      security: bearer,
      request: { query: Person.OnDutyInput },
      responses: {
        200: json(
          z.object({
            gridID: z.string().nullable(),
            count: z.number(),
            people: z.array(Person.OnDutyPerson),
            children: z.array(Person.GridDuty.meta({ id: "GridDuty" })),
          }),
          "The people on duty",
        ),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await Person.onDuty(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/assignments",
      operationId: "assignRole",
      tags: ["people"],
      summary: "Put a person (existing or new) on a grid in a role of the district's catalogue",
      security: bearer,
      request: body(Person.AssignInput),
      responses: { 201: json(Assignment, "Assigned"), ...problems(400, 401, 403, 409) },
    }),
    async (c) => c.json(await Person.assign(c.req.valid("json")), 201),
  );
