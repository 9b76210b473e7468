/**
 * One report for every benchmark (issue 19, item 6). A benchmark states each figure it measured
 * with {@link record}: when `npm run bench` (scripts/bench/all.ts) runs it, the figures go to the
 * file named by `BENCH_REPORT` (one JSON line each), and all.ts writes them to
 * `docs/benchmarks.md` with {@link renderReport}. Run alone, a benchmark only prints.
 *
 * `BENCH_SHORT=1` (set by `npm run bench`) asks each benchmark for its short mode: fewer
 * iterations, same measurements.
 */
import { appendFileSync } from "node:fs";

/** Whether the benchmark runs in its short mode (`npm run bench`). */
export const short = process.env.BENCH_SHORT === "1";

/** A target a figure answers: `value ≤ at` (`at-most`) or `value ≥ at` (`at-least`). */
export interface Target {
  /** The issue-19 item it comes from (1–5), or none for an older target kept by its benchmark. */
  item?: number;
  kind: "at-most" | "at-least";
  at: number;
}

export interface Figure {
  /** The benchmark (`bundle:api`, `bench:tickets`…). */
  bench: string;
  /** What was measured, in words. */
  name: string;
  value: number;
  /** `ms`, `KB`, `×`, `requests`, `lookups/s`… */
  unit: string;
  /** How it was measured: the run's size, what a ratio compares with. */
  note?: string;
  target?: Target;
}

/** Writes a figure for `npm run bench` (when it runs this benchmark) and returns it. */
export function record(figure: Figure): Figure {
  const file = process.env.BENCH_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify(figure)}\n`);
  return figure;
}

/** Whether a figure meets its target; `undefined` when it has none. */
export function verdict(figure: Figure): "PASS" | "FAIL" | undefined {
  const { target } = figure;
  if (!target) return undefined;
  return (target.kind === "at-most" ? figure.value <= target.at : figure.value >= target.at) ? "PASS" : "FAIL";
}

/** A number as the report writes it: thousands separated, at most `digits` decimals (2 under 10, else 0 or 1). */
export function formatNumber(value: number, digits?: number): string {
  const places =
    digits ?? (Math.abs(value) < 10 && !Number.isInteger(value) ? 2 : Math.abs(value) < 100 && !Number.isInteger(value) ? 1 : 0);
  return value.toLocaleString("en-US", { maximumFractionDigits: places, minimumFractionDigits: places });
}

const withUnit = (value: string, unit: string) => (unit === "×" ? `${value}×` : `${value} ${unit}`);

/** The target in words: `≤ 1.5×`, `≥ 1,000,000 lookups/s`. */
export function formatTarget(figure: Figure): string {
  if (!figure.target) return "—";
  const sign = figure.target.kind === "at-most" ? "≤" : "≥";
  return `${sign} ${withUnit(formatNumber(figure.target.at), figure.unit)}`;
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** One row of the report's table: benchmark, figure, value, target, issue item, PASS/FAIL. */
export function formatRow(figure: Figure): string {
  const item = figure.target?.item ? `19.${figure.target.item}` : "—";
  const name = figure.note ? `${figure.name} (${figure.note})` : figure.name;
  const cells = [
    `\`${figure.bench}\``,
    name,
    withUnit(formatNumber(figure.value), figure.unit),
    formatTarget(figure),
    item,
    verdict(figure) ?? "—",
  ];
  return `| ${cells.map(cell).join(" | ")} |`;
}

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  /** ISO date and time of the run (UTC). */
  date: string;
  /** The 1-minute load average at the start and at the end of the run (the machine may be shared). */
  loadAverage?: [number, number];
}

export interface BenchRun {
  bench: string;
  /** Seconds the benchmark took. */
  seconds: number;
  /** Its exit status: some benchmarks exit 1 when they miss a target of their own, as when they fail to run. */
  status: number;
}

/** `docs/benchmarks.md`: the machine, the date, then every figure with its target and verdict. */
export function renderReport(figures: Figure[], machine: Machine, runs: BenchRun[]): string {
  const passed = figures.filter((figure) => verdict(figure) === "PASS").length;
  const failed = figures.filter((figure) => verdict(figure) === "FAIL").length;
  const lines = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (scripts/bench/all.ts), which runs every benchmark in its short mode",
    "(`BENCH_SHORT=1`) against the local stack (DynamoDB Local, s3rver) and collects what each measured.",
    "Targets are those of issue 19 (items 1–5), and older ones a benchmark kept; a ratio compares two",
    "figures measured side by side in the same run. Do not edit by hand: run `npm run bench` again.",
    "",
    `- Date: ${machine.date}`,
    `- Machine: ${machine.cores} cores, ${machine.cpu}`,
    `- Node: ${machine.node}`,
    ...(machine.loadAverage
      ? [
          `- Load average (1 min): ${formatNumber(machine.loadAverage[0], 1)} at the start, ${formatNumber(machine.loadAverage[1], 1)} at the end (above the cores' number, other work was slowing every timing)`,
        ]
      : []),
    `- Targets: ${passed} PASS, ${failed} FAIL`,
    "",
    "| Benchmark | Figure | Value | Target | Issue | Result |",
    "| --- | --- | --- | --- | --- | --- |",
    ...figures.map(formatRow),
    "",
    "## Runs",
    "",
    "| Benchmark | Took | Status |",
    "| --- | --- | --- |",
    ...runs.map((run) => `| \`${run.bench}\` | ${formatNumber(run.seconds, 0)} s | ${run.status === 0 ? "ran" : `exit ${run.status}`} |`),
    "",
  ];
  return lines.join("\n");
}
