/**
 * `npm run import-grids -- FILE.geojson --district jianyang`: imports a district's grids from a
 * GeoJSON FeatureCollection into the stack the environment points at (default: the local one),
 * with a progress bar. Every problem is listed (feature index and code) before anything is written.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import { localSettings } from "./lib/env.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { district: { type: "string" }, aws: { type: "boolean", default: false } },
});
const [file] = positionals;
if (!file || !values.district) {
  console.error("usage: npm run import-grids -- FILE.geojson --district SLUG [--aws]");
  process.exit(2);
}
if (!values.aws) localSettings();
const { Grid, VisibleError, withActor } = await import("@wangge/core");

let parsed: unknown;
try {
  parsed = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}

const bar = new SingleBar({ format: "  {phase} [{bar}] {percentage}% | {value}/{total} grids", hideCursor: true }, Presets.shades_classic);
let phase = "";
try {
  const result = await withActor({ type: "system", tenantID: values.district }, () =>
    Grid.importCollection(parsed, {
      onProgress: (next, done, total) => {
        if (next !== phase) {
          if (phase) bar.stop();
          phase = next;
          bar.start(total, done, { phase: next.padEnd(10) });
        } else bar.update(done);
      },
    }),
  );
  bar.stop();
  console.log(`Imported ${result.imported} grids into ${values.district} (${result.requests} write requests, ${result.retries} retries).`);
} catch (error) {
  bar.stop();
  if (error instanceof VisibleError) {
    console.error(`${error.code}: ${error.message}`);
    for (const detail of error.details ?? []) console.error(`  ${detail.path}  ${detail.message}`);
    process.exit(1);
  }
  throw error;
}
