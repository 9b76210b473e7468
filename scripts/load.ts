/**
 * `npm run load [-- --short] [--duration S] [--connections N]`: the API under a district's mix
 * of requests for up to 60 s with 10 connections (10 s with 3 with --short, as in CI), on an
 * in-memory stack on loopback (scripts/load/run.ts). Prints throughput, p50/p99 (overall and per
 * kind of request), errors and the API process's memory; exits 1 when there was an error, a kind
 * of request got no response, or the memory kept growing.
 */
import { parseArgs } from "node:util";
import { report, runLoad, Short } from "./load/run.ts";

const { values } = parseArgs({
  options: {
    short: { type: "boolean", default: false },
    duration: { type: "string" },
    connections: { type: "string" },
  },
});
const duration = Math.min(60, Number(values.duration ?? (values.short ? Short.duration : 60)));
const connections = Number(values.connections ?? (values.short ? Short.connections : 10));
if (!(duration > 0) || !(connections >= 1)) {
  console.error("Usage: npm run load -- [--short] [--duration S (at most 60)] [--connections N]");
  process.exit(2);
}

const controller = new AbortController();
process.on("SIGINT", () => controller.abort());
process.on("SIGTERM", () => controller.abort());
try {
  const result = await runLoad({
    duration,
    connections,
    // --short: a set number of rounds of the cycle (unless a duration is given).
    cycles: values.short && !values.duration ? Short.cycles : undefined,
    signal: controller.signal,
    log: (line) => console.log(`  ${line}`),
  });
  console.log(report(result));
  process.exit(result.errors === 0 && result.kinds.every((kind) => kind.responses > 0) && !result.memory.growing ? 0 : 1);
} catch (error) {
  console.error(controller.signal.aborted ? "Stopped." : `The load run failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
}
