import { createRoute, z } from "@hono/zod-openapi";
import { Storage } from "@wangge/core";
import { json, router } from "../openapi.ts";

const Health = z
  .object({
    status: z.enum(["ok", "degraded"]),
    mode: z.enum(["local", "aws"]),
    table: z.object({ name: z.string(), reachable: z.boolean(), status: z.string().optional(), error: z.string().optional() }),
    bucket: z.object({ name: z.string(), reachable: z.boolean(), error: z.string().optional() }),
    /** When the table and bucket were last reached for: a check is at most {@link FreshMs} old when answered. */
    checkedAt: z.string(),
  })
  .openapi("Health");

/** How long a check stands: /health answers from memory meanwhile, and checks again in the background after. */
const FreshMs = 5_000;
/** A store that does not answer within this is unreachable, as far as /health is concerned. */
const ProbeTimeoutMs = 1_500;

async function check<T>(probe: () => Promise<T>) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("no answer"), { name: "Timeout" })), ProbeTimeoutMs);
  });
  try {
    return { reachable: true as const, ...(await Promise.race([probe(), timeout])) };
  } catch (error) {
    return { reachable: false as const, error: (error as Error).name || "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}

/** Reaches for the table and the bucket (at once, each bounded by {@link ProbeTimeoutMs}). */
async function reach() {
  const [table, bucket] = await Promise.all([
    check(async () => ({ status: (await Storage.describeTable()).status })),
    check(async () => {
      await Storage.headBucket();
      return {};
    }),
  ]);
  return { table, bucket, checkedAt: new Date().toISOString() };
}

/**
 * The last check, renewed in the background once it is {@link FreshMs} old: /health tells
 * whether the stores are reachable without doing their work on every call (a load balancer's
 * or an uptime check's frequent calls cost nothing, and answer at once under load). One check
 * at a time; only the very first call waits for one.
 */
function lastCheck() {
  let last: { at: number; result: Awaited<ReturnType<typeof reach>> } | undefined;
  let running: Promise<void> | undefined;
  const renew = () => {
    running ??= reach()
      .then((result) => {
        last = { at: Date.now(), result };
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  return async () => {
    if (!last) await renew();
    else if (Date.now() - last.at > FreshMs) void renew();
    return last!.result;
  };
}

export function healthRoutes(mode: "local" | "aws") {
  const checked = lastCheck();
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
      const { table, bucket, checkedAt } = await checked();
      const body = {
        checkedAt,
        status: table.reachable && bucket.reachable ? ("ok" as const) : ("degraded" as const),
        mode,
        table: { name: Storage.tableName(), ...table },
        bucket: { name: Storage.bucketName(), ...bucket },
      };
      return c.json(body, body.status === "ok" ? 200 : 503);
    },
  );
}
