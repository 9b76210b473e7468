/** `npm run docs:metrics`: writes docs/metrics.md from the metric definitions (one source). */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { metricsDoc } from "../packages/core/src/metrics/definitions.ts";
import { root } from "./lib/env.ts";

const path = join(root, "docs", "metrics.md");
await writeFile(path, metricsDoc());
console.log(`wrote ${path}`);
