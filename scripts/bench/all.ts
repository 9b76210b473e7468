/**
 * `npm run bench`: every benchmark in its short mode (`BENCH_SHORT=1`), one after the other,
 * then one report of what they measured: `docs/benchmarks.md` (scripts/bench/report.ts). Each
 * benchmark runs in a process of its own, as `npm run <name>` runs it, and states its figures
 * through the file named by `BENCH_REPORT`. The bundle's cold start goes first, while the
 * machine is quietest. A benchmark that fails to run is listed as failed; the others still run.
 * `npm run bench -- bench:tickets bundle:api`: those only, printed, docs/benchmarks.md left alone.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "../lib/env.ts";
import { type BenchRun, type Figure, renderReport } from "./report.ts";

/** The benchmarks, by their npm script, and the file each runs. */
const Benchmarks: [string, string][] = [
  ["bundle:api", "scripts/bundle-api.ts"],
  ["bench:locate", "scripts/bench/locate.ts"],
  ["bench:geometry", "scripts/bench/geometry.ts"],
  ["bench:seed", "scripts/bench/seed.ts"],
  ["bench:tickets", "scripts/bench/tickets.ts"],
  ["bench:metrics", "scripts/bench/metrics.ts"],
  ["bench:demo", "scripts/bench/demo.ts"],
];

const only = process.argv.slice(2);
const folder = mkdtempSync(join(tmpdir(), "wangge-bench-"));
const figuresFile = join(folder, "figures.jsonl");
writeFileSync(figuresFile, "");
const runs: BenchRun[] = [];
const loadAtStart = loadavg()[0];

/** The report of the benchmarks run so far: written after each, so that a run cut short still leaves one. */
function report(): string {
  const figures = readFileSync(figuresFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Figure);
  const [cpu] = cpus();
  return renderReport(
    figures,
    {
      cores: cpus().length,
      cpu: cpu?.model.trim() ?? "unknown",
      node: process.version,
      date: `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
      loadAverage: [loadAtStart, loadavg()[0]],
    },
    runs,
  );
}

try {
  for (const [name, file] of Benchmarks) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`\n── ${name} (short) ──`);
    const started = performance.now();
    const run = spawnSync(join(root, "node_modules", ".bin", "tsx"), [join(root, file)], {
      cwd: root,
      stdio: "inherit",
      // (The AWS SDK's notice that it will need Node 22 from 2027 would repeat in every benchmark's output.)
      env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...process.env, BENCH_SHORT: "1", BENCH_REPORT: figuresFile },
    });
    runs.push({ bench: name, seconds: (performance.now() - started) / 1000, status: run.status ?? 1 });
    // Some of the benchmarks only: printed at the end, and the report of the whole run stays as it is.
    if (only.length === 0) writeFileSync(join(root, "docs", "benchmarks.md"), report());
  }
  console.log(`\n${report()}`);
  if (only.length === 0) console.log("Written to docs/benchmarks.md.");
} finally {
  rmSync(folder, { recursive: true, force: true });
}
