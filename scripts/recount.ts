/**
 * `npm run recount -- --district jianyang [--repair]`: rebuilds every ticket counter of a
 * district from its tickets' timelines and reports any drift from the stored counters.
 */
import { parseArgs } from "node:util";
import { localSettings } from "./lib/env.ts";

const { values } = parseArgs({
  options: {
    district: { type: "string", default: "jianyang" },
    repair: { type: "boolean", default: false },
    aws: { type: "boolean", default: false },
  },
});
if (!values.aws) localSettings();
const { withActor } = await import("@wangge/core");
const { recountTickets } = await import("../packages/core/src/metrics/recount.ts");
const started = performance.now();
const report = await withActor({ type: "system", tenantID: values.district }, () => recountTickets({ repair: values.repair }));
console.log(
  `Recounted ${report.tickets.toLocaleString()} tickets into ${report.counters.toLocaleString()} counter items in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
if (report.drift.length === 0) console.log("No drift: every stored counter agrees with the records.");
else {
  console.log(`${report.drift.length} drifting value(s)${values.repair ? " (repaired)" : ""}:`);
  for (const entry of report.drift.slice(0, 50))
    console.log(`  ${entry.scope} ${entry.period} ${entry.field}: stored ${entry.stored}, recounted ${entry.recounted}`);
  if (!values.repair) process.exitCode = 1;
}
