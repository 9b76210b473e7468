import { createRoute, z } from "@hono/zod-openapi";
import { Storage } from "@wangge/core";
import { json, router } from "../openapi.ts";

const Health = z
  .object({
    status: z.enum(["ok", "degraded"]),
    mode: z.enum(["local", "aws"]),
    table: z.object({ name: z.string(), reachable: z.boolean(), status: z.string().optional(), error: z.string().optional() }),
    bucket: z.object({ name: z.string(), reachable: z.boolean(), error: z.string().optional() }),
  })
  .openapi("Health");

async function check<T>(probe: () => Promise<T>) {
  try {
    return { reachable: true as const, ...(await probe()) };
  } catch (error) {
    return { reachable: false as const, error: (error as Error).name || "unreachable" };
  }
}

export function healthRoutes(mode: "local" | "aws") {
  return router().openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "getHealth",
      tags: ["platform"],
      summary: "Whether the API reaches its table and bucket",
      responses: { 200: json(Health, "All reachable"), 503: json(Health, "Something is unreachable") },
    }),
    async (c) => {
      const [table, bucket] = await Promise.all([
        check(async () => ({ status: (await Storage.describeTable()).status })),
        check(async () => {
          await Storage.headBucket();
          return {};
        }),
      ]);
      const body = {
        status: table.reachable && bucket.reachable ? ("ok" as const) : ("degraded" as const),
        mode,
        table: { name: Storage.tableName(), ...table },
        bucket: { name: Storage.bucketName(), ...bucket },
      };
      return c.json(body, body.status === "ok" ? 200 : 503);
    },
  );
}
