import { createRoute, z } from "@hono/zod-openapi";
import { Actor, User, useActor } from "@wangge/core";
import { bearer, json, problems, router } from "../openapi.ts";

const Me = z.object({ actor: Actor.Actor, profile: User.Profile }).meta({ id: "Me" });

export const meRoutes = router().openapi(
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
);
