import { createRoute, z } from "@hono/zod-openapi";
import { Wish } from "@wangge/core";
import { body, bearer, json, PageQuery, pageOf, pathParam, problems, router } from "../openapi.ts";
import { steps } from "../step.ts";

const WishSchema = Wish.Wish.meta({ id: "Wish" });
const WishParam = z.object({ wishID: pathParam("wishID", "wish_01jd…") });

const step = steps({ id: "wishID", example: "wish_01jd…", tags: ["wishes"], reply: WishSchema, replied: "The wish after the step" });

/** Micro-wishes (微心愿), mounted at `/wishes`: a resident posts, a cadre claims and fulfils, the resident confirms. */
export const wishesRoutes = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "createWish",
      tags: ["wishes"],
      summary: "Post a micro-wish on a grid (by grid, or by position located to its grid)",
      security: bearer,
      request: body(Wish.CreateWishInput),
      responses: { 201: json(WishSchema, "Posted"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Wish.createWish(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listWishes",
      tags: ["wishes"],
      summary:
        "Wishes of a grid and below in one state (default open; the caller's grid by default), the caller's own posts (view=mine), or the ones they claimed (view=claimed)",
      security: bearer,
      request: { query: PageQuery.extend(Wish.listWishes.schema.pick({ view: true, status: true, gridID: true }).shape) },
      responses: { 200: json(pageOf(WishSchema), "One page of wishes"), ...problems(400, 401, 404) },
    }),
    async (c) => c.json(await Wish.listWishes(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/progress",
      operationId: "getWishProgress",
      tags: ["wishes"],
      summary: "Wishes posted, claimed, fulfilled and confirmed on a grid (with its descendants) or the district, from the counters",
      security: bearer,
      request: { query: Wish.wishProgress.schema },
      responses: {
        200: json(
          z.object({
            posted: z.number(),
            claimed: z.number(),
            released: z.number(),
            fulfilled: z.number(),
            confirmed: z.number(),
            cancelled: z.number(),
          }),
          "Counts",
        ),
        ...problems(400, 401, 404),
      },
    }),
    async (c) => c.json(await Wish.wishProgress(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{wishID}",
      operationId: "getWish",
      tags: ["wishes"],
      summary: "A wish with links to its photos",
      security: bearer,
      request: { params: WishParam },
      responses: {
        200: json(z.object({ wish: WishSchema, photoUrls: z.record(z.string(), z.string()) }), "The wish"),
        ...problems(401, 404),
      },
    }),
    async (c) => c.json(await Wish.getWish(c.req.valid("param").wishID), 200),
  )
  .openapi(
    ...step(
      "claim",
      "claimWish",
      "认领: a cadre (or grid worker) claims an open wish; one holder at a time (409 if taken)",
      Wish.claimWish.schema.omit({ wishID: true }),
      Wish.claimWish,
    ),
  )
  .openapi(
    ...step(
      "release",
      "releaseWish",
      "The holder gives the wish back: open again",
      Wish.releaseWish.schema.omit({ wishID: true }),
      Wish.releaseWish,
    ),
  )
  .openapi(
    ...step(
      "fulfil",
      "fulfilWish",
      "The holder marks the wish fulfilled with a note and optional photos (uploaded via requestPhotoUpload)",
      Wish.fulfilWish.schema.omit({ wishID: true }),
      Wish.fulfilWish,
    ),
  )
  .openapi(
    ...step(
      "confirm",
      "confirmWish",
      "The resident who posted it confirms it came true",
      Wish.confirmWish.schema.omit({ wishID: true }),
      Wish.confirmWish,
    ),
  )
  .openapi(
    ...step(
      "cancel",
      "cancelWish",
      "The resident who posted it withdraws an unclaimed wish",
      Wish.cancelWish.schema.omit({ wishID: true }),
      Wish.cancelWish,
    ),
  );
