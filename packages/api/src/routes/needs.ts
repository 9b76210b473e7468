import { createRoute, z } from "@hono/zod-openapi";
import { Need } from "@wangge/core";
import { body, bearer, Flag, json, PageQuery, pageOf, pathParam, problems, router } from "../openapi.ts";
import { steps } from "../step.ts";

const ItemSchema = Need.NeedItem.meta({ id: "NeedItem" });
const ItemParam = z.object({ itemID: pathParam("itemID", "need_01jd…") });

const step = steps({ id: "itemID", example: "need_01jd…", tags: ["needs"], reply: ItemSchema, replied: "The item after the step" });

/** Needs lists (问题清单·项目清单, 菜单式服务), mounted at `/needs`: items claimed (认领) and ticked off (销号). */
export const needsRoutes = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "createNeedItem",
      tags: ["needs"],
      summary: "Enter an item of a grid's problem list or project list (staff)",
      security: bearer,
      request: body(Need.CreateNeedItemInput),
      responses: { 201: json(ItemSchema, "Created"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Need.createNeedItem(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listNeedItems",
      tags: ["needs"],
      summary:
        "A grid's (a community's: with its descendants) list, optionally one state or kind; mine=true: what the calling cadre claimed",
      security: bearer,
      request: {
        query: PageQuery.extend({ ...Need.listNeedItems.schema.pick({ gridID: true, status: true, kind: true }).shape, mine: Flag }),
      },
      responses: { 200: json(pageOf(ItemSchema), "One page of items"), ...problems(400, 401, 404) },
    }),
    async (c) => c.json(await Need.listNeedItems(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/progress",
      operationId: "getNeedsProgress",
      tags: ["needs"],
      summary: "Progress of a grid's (a community's) lists or the district's, from the counters",
      security: bearer,
      request: { query: Need.needsProgress.schema },
      responses: { 200: json(Need.NeedsProgress, "Counts"), ...problems(400, 401, 404) },
    }),
    async (c) => c.json(await Need.needsProgress(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{itemID}",
      operationId: "getNeedItem",
      tags: ["needs"],
      summary: "An item with links to its evidence photos",
      security: bearer,
      request: { params: ItemParam },
      responses: {
        200: json(z.object({ item: ItemSchema, photoUrls: z.record(z.string(), z.string()) }), "The item"),
        ...problems(401, 404),
      },
    }),
    async (c) => c.json(await Need.getNeedItem(c.req.valid("param").itemID), 200),
  )
  .openapi(
    ...step(
      "claim",
      "claimNeedItem",
      "认领: a cadre claims the item, or an admin or leader records a unit's claim (409 if taken)",
      Need.claimNeedItem.schema.omit({ itemID: true }),
      Need.claimNeedItem,
    ),
  )
  .openapi(
    ...step(
      "close",
      "closeNeedItem",
      "销号: the claimant (or an admin or leader) ticks the item off with evidence",
      Need.closeNeedItem.schema.omit({ itemID: true }),
      Need.closeNeedItem,
    ),
  )
  .openapi(
    ...step(
      "confirm",
      "confirmNeedItem",
      "A resident confirms a ticked-off item",
      Need.confirmNeedItem.schema.omit({ itemID: true }),
      Need.confirmNeedItem,
    ),
  );
