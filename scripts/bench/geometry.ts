/**
 * `npm run bench:geometry`: how long a grid boundary's validation takes at 1,000, 5,000 and
 * 20,000 positions, for a valid round boundary, a self-crossing star (turf's kinks, used until
 * now, listed all of its ~n²/4 crossings: ~2 s and +220 MB at 1,001 points) and a comb whose
 * edges all lie over each other (refused as too complex once its pairs pass the cap). Median of
 * 5 runs each, and the heap the run added. Target: every case at 20,000 positions < 1 s. Exits 1
 * when it is missed. `BENCH_SHORT=1`: 3 runs each.
 */
import { validateBoundary } from "../../packages/core/src/grid/geometry.ts";
import { crossingStar, roundBoundary, slantedComb } from "../../packages/core/src/grid/shapes.test-support.ts";
import { record, short } from "./report.ts";

const Sizes = [1_000, 5_000, 20_000];
const TargetMs = 1_000;
const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const cases = {
  round: roundBoundary,
  "crossing star": (n: number) => crossingStar(n % 2 ? n : n - 1),
  "slanted comb": (n: number) => slantedComb(Math.floor((n - 4) / 2)),
};

const Runs = short ? 3 : 5;
let missed = false;
let slowest = 0;
console.log(`${"case".padEnd(14)} ${"positions".padStart(9)} ${"median ms".padStart(10)} ${"heap MB".padStart(8)}  result`);
for (const [name, make] of Object.entries(cases))
  for (const size of Sizes) {
    const boundary = make(size);
    const positions = boundary.coordinates[0].length;
    const times: number[] = [];
    let outcome = "";
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    for (let run = 0; run < Runs; run++) {
      const start = performance.now();
      const result = validateBoundary(boundary);
      times.push(performance.now() - start);
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      outcome = result.ok ? "valid" : result.problems[0].message.slice(0, 40);
    }
    const median = times.sort((a, b) => a - b)[Math.floor(Runs / 2)];
    if (size === 20_000) slowest = Math.max(slowest, median);
    if (size === 20_000 && median >= TargetMs) missed = true;
    console.log(
      `${name.padEnd(14)} ${positions.toLocaleString("en-US").padStart(9)} ${fmt(median).padStart(10)} ${fmt((heapPeak - heapBefore) / 1e6).padStart(8)}  ${outcome}`,
    );
  }
record({
  bench: "bench:geometry",
  name: "Boundary validation at 20,000 positions, slowest case",
  value: slowest,
  unit: "ms",
  note: `median of ${Runs} runs: round, crossing star, slanted comb`,
  target: { kind: "at-most", at: TargetMs },
});
console.log(missed ? `MISSED: a case at 20,000 positions took ${TargetMs} ms or more` : `every case at 20,000 positions < ${TargetMs} ms`);
process.exit(missed ? 1 : 0);
