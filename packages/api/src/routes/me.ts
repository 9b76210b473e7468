import { createRoute, z } from "@hono/zod-openapi";
import { Ticket, User, useActor } from "@wangge/core";
import { Actor } from "@wangge/core/actor-schemas";
import { body, bearer, json, PageQuery, pageOf, problems, router } from "../openapi.ts";

const Me = z.object({ actor: Actor, profile: User.Profile }).meta({ id: "Me" });
const Notification = Ticket.Notification.meta({ id: "Notification" });

/** The caller: who they are, and their in-app notifications. */
export const meRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "getMe",
      tags: ["identity"],
      summary: "Who the token says the caller is, and their profile",
      security: bearer,
      responses: { 200: json(Me, "The caller"), ...problems(401, 404) },
    }),
    async (c) => c.json({ actor: useActor(), profile: await User.me() }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/sign-out",
      operationId: "signOutEverywhere",
      tags: ["identity"],
      summary: "Sign out everywhere: every token and refresh token of the caller issued before now is refused",
      description:
        "On AWS the caller's Cognito refresh tokens are revoked too (global sign-out); `directory: false` when that could not be done: try again.",
      security: bearer,
      responses: { 200: json(User.SignedOut.meta({ id: "SignedOut" }), "When the caller's sessions end"), ...problems(401) },
    }),
    async (c) => c.json(await User.signOutEverywhere({}), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/notifications/read",
      operationId: "markNotificationsRead",
      tags: ["identity"],
      summary: "Mark the caller's notifications read (all, or the ones named)",
      description:
        "Without `notificationIDs`, everything up to now is read (one mark); `marked` is then how many of the newest 200 were unread.",
      security: bearer,
      request: body(Ticket.markNotificationsRead.schema),
      responses: { 200: json(z.object({ marked: z.number() }), "Marked"), ...problems(400, 401) },
    }),
    async (c) => c.json(await Ticket.markNotificationsRead(c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/notifications",
      operationId: "listNotifications",
      tags: ["identity"],
      summary: "The caller's in-app notifications, newest first",
      description:
        "Their own tickets' steps, the steps of the tickets they follow, and — from their record — new tickets and change requests of their grid (and the grids below), tickets dispatched to their department, and (grid leaders) overdue tickets of their grid. Each names the category, place and step.",
      security: bearer,
      request: { query: PageQuery },
      responses: { 200: json(pageOf(Notification), "Notifications"), ...problems(401) },
    }),
    async (c) => c.json(await Ticket.notifications(c.req.valid("query")), 200),
  );
