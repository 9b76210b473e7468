/**
 * `npm run bundle:api`: bundles the Lambda handler as the infrastructure does
 * (infra/lambda-bundle.ts: minified ESM split into chunks, the AWS SDK inside), and beside it a
 * "hello" function built the same way (scripts/bench/hello-lambda.ts: Hono, `hono/aws-lambda`,
 * DynamoDB and S3 clients). Prints both bundles' cold-start size (the entry and the chunks it
 * imports statically, minified and gzip), the API's lazy chunks, and their cold `import()` times
 * in fresh Node processes, 5 runs alternating API and hello, with the median ratio. The API's
 * route groups load on first use (packages/api/src/app.ts): the script also prints what the
 * hot path's first request adds (the tickets routes' chunks) and how long it takes to import, in
 * the same processes right after the entry.
 * Targets (issue 19, item 1): cold start ≤ 1.5× the hello bundle; the bundle ≤ 900 KB minified.
 * `--analyze`: also what the cold start holds, by package. Runs on this machine's Node, which
 * shows that the bundle built for the runtime's Node also runs on the development machines'.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { Metafile } from "esbuild";
import { BundleEntryName, bundleLambda, coldStartFiles, EsbuildTarget } from "../infra/lambda-bundle.ts";
import { formatNumber, formatTarget, record, verdict } from "./bench/report.ts";
import { root } from "./lib/env.ts";

const Runs = Number(process.env.RUNS ?? 5);
const Targets = { ratio: 1.5, coldStartKB: 900 };
/**
 * Never in the cold start: what only a few routes need (spreadsheets, geometry, field encryption,
 * S3, the OpenAPI tools), and zod, which every route group's schemas need but the sign-in does
 * not (the group loads while the sign-in waits on the network: packages/api/src/app.ts).
 */
const NotAtColdStart = ["exceljs", "@turf/", "polyclip-ts", "@aws-crypto/", "@aws-sdk/client-s3", "@asteasolutions/zod-to-openapi", "zod/"];
/** What the Lambda never runs: the demo, the local OpenID provider and server, Swagger UI's assets. */
const NotInBundle = [
  "packages/core/src/demo/",
  "oidc-provider",
  "packages/api/src/oidc/index.ts",
  "packages/api/src/server.ts",
  "swagger-ui-dist",
];

/** The route module a warm-up of the hot path loads: the tickets routes. */
const HotRoutes = "packages/api/src/routes/tickets.ts";

interface Built {
  dir: string;
  entry: string;
  /** The hot path's route module's output and the files it adds to the cold start's. */
  hot?: { entry: string; files: string[]; bytes: number };
  metafile: Metafile;
  coldFiles: string[];
  coldBytes: number;
  coldGzipBytes: number;
  allBytes: number;
  chunks: number;
}

async function bundle(name: string, entry: string): Promise<Built> {
  const dir = mkdtempSync(join(root, "node_modules", `.wangge-bundle-${name}-`));
  const metafile = await bundleLambda(join(root, entry), dir);
  const outputs = Object.keys(metafile.outputs).filter((file) => file.endsWith(".mjs"));
  const entryOutput = outputs.find((file) => file.endsWith(`/${BundleEntryName}.mjs`)) as string;
  const coldFiles = coldStartFiles(metafile, entryOutput);
  const read = (file: string) => readFileSync(join(root, file));
  const hotOutput = outputs.find((file) => metafile.outputs[file].entryPoint === HotRoutes);
  const cold = new Set(coldFiles);
  const hotFiles = hotOutput ? coldStartFiles(metafile, hotOutput).filter((file) => !cold.has(file)) : [];
  return {
    dir,
    entry: join(dir, `${BundleEntryName}.mjs`),
    hot: hotOutput
      ? { entry: join(root, hotOutput), files: hotFiles, bytes: hotFiles.reduce((sum, file) => sum + metafile.outputs[file].bytes, 0) }
      : undefined,
    metafile,
    coldFiles,
    coldBytes: coldFiles.reduce((sum, file) => sum + metafile.outputs[file].bytes, 0),
    coldGzipBytes: coldFiles.reduce((sum, file) => sum + gzipSync(read(file)).length, 0),
    allBytes: outputs.reduce((sum, file) => sum + metafile.outputs[file].bytes, 0),
    chunks: outputs.length,
  };
}

/**
 * Milliseconds a fresh Node process takes to `import()` the bundle's entry (and its static
 * chunks); with `then`, also the milliseconds it then takes to import that module (a route group
 * the entry loads on first use), after the entry's measure.
 */
function coldImportMs(entry: string, then?: string): { ms: number; thenMs: number } {
  const after = then
    ? `const t2 = performance.now(); await import(${JSON.stringify(pathToFileURL(then).href)}); const thenMs = performance.now() - t2;`
    : "const thenMs = 0;";
  const script = `const t = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(entry).href)}); const ms = performance.now() - t; if (typeof m.handler !== "function") throw new Error("no handler"); ${after} process.stdout.write(JSON.stringify({ ms, thenMs }));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    env: {
      PATH: process.env.PATH,
      WANGGE_MODE: "aws",
      TABLE_NAME: "wangge",
      BUCKET_NAME: "wangge-photos",
      AWS_REGION: "ap-southeast-1",
      JWKS_URL: "https://example.invalid/jwks.json",
      JWT_ISSUER: "https://example.invalid",
      JWT_AUDIENCE: "wangge",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
    encoding: "utf8",
  });
  return JSON.parse(out);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const kb = (bytes: number) => bytes / 1024;

const api = await bundle("api", "packages/api/src/lambda.ts");
const hello = await bundle("hello", "scripts/bench/hello-lambda.ts");
try {
  // One unmeasured import each warms the disk cache, then the runs alternate.
  coldImportMs(api.entry);
  coldImportMs(hello.entry);
  const apiMs: number[] = [];
  const hotMs: number[] = [];
  const helloMs: number[] = [];
  const ratios: number[] = [];
  for (let run = 0; run < Runs; run++) {
    const measured = coldImportMs(api.entry, api.hot?.entry);
    apiMs.push(measured.ms);
    hotMs.push(measured.thenMs);
    helloMs.push(coldImportMs(hello.entry).ms);
    ratios.push(apiMs[run] / helloMs[run]);
  }
  const ratio = median(ratios);

  console.log(`Lambda bundles (${EsbuildTarget}, minified ESM split into chunks, AWS SDK inside), on Node ${process.versions.node}:`);
  for (const [label, built] of [
    ["API  ", api],
    ["hello", hello],
  ] as const)
    console.log(
      `  ${label} cold start ${formatNumber(kb(built.coldBytes), 0)} KB minified, ${formatNumber(kb(built.coldGzipBytes), 0)} KB gzip in ${built.coldFiles.length} file(s); all ${built.chunks} files ${formatNumber(kb(built.allBytes), 0)} KB`,
    );
  console.log(`Cold import() in a fresh process, ${Runs} alternating runs:`);
  console.log(`  API   ${apiMs.map((ms) => formatNumber(ms, 0)).join(", ")} ms — median ${formatNumber(median(apiMs), 0)} ms`);
  console.log(`  hello ${helloMs.map((ms) => formatNumber(ms, 0)).join(", ")} ms — median ${formatNumber(median(helloMs), 0)} ms`);
  console.log(`  ratio per run ${ratios.map((r) => formatNumber(r, 2)).join(", ")} — median ${formatNumber(ratio, 2)}×`);
  if (api.hot)
    console.log(
      `  then the first ticket request's routes (${HotRoutes}): ${formatNumber(kb(api.hot.bytes), 0)} KB in ${api.hot.files.length} more file(s), ${hotMs.map((ms) => formatNumber(ms, 0)).join(", ")} ms — median ${formatNumber(median(hotMs), 0)} ms`,
    );

  const checks = [
    record({
      bench: "bundle:api",
      name: "Cold import() of the API bundle vs the hello bundle",
      value: ratio,
      unit: "×",
      note: `median of ${Runs} alternating runs: ${formatNumber(median(apiMs), 0)} vs ${formatNumber(median(helloMs), 0)} ms`,
      target: { item: 1, kind: "at-most", at: Targets.ratio },
    }),
    record({
      bench: "bundle:api",
      name: "API bundle at cold start, minified",
      value: Math.round(kb(api.coldBytes)),
      unit: "KB",
      note: `entry and its static chunks, ${formatNumber(kb(api.coldGzipBytes), 0)} KB gzip; ${api.chunks} files ${formatNumber(kb(api.allBytes), 0)} KB in all; hello ${formatNumber(kb(hello.coldBytes), 0)} KB`,
      target: { item: 1, kind: "at-most", at: Targets.coldStartKB },
    }),
  ];
  // What a cold instance imports to answer a ticket request: the entry, then the tickets' group
  // (which starts loading as the sign-in waits on the network, so part of it overlaps that wait).
  if (api.hot) {
    const total = apiMs.map((ms, run) => ms + hotMs[run]);
    record({
      bench: "bundle:api",
      name: "Cold start and the first ticket request's routes, imported one after the other",
      value: median(total),
      unit: "ms",
      note: `${formatNumber(kb(api.coldBytes + api.hot.bytes), 0)} KB minified; median of ${Runs} runs, hello's cold start ${formatNumber(median(helloMs), 0)} ms`,
    });
    console.log(`  cold start + the first ticket request's routes: median ${formatNumber(median(total), 0)} ms`);
  }
  for (const check of checks)
    console.log(
      `${verdict(check)}  ${check.name}: ${formatNumber(check.value)}${check.unit === "×" ? "×" : ` ${check.unit}`} (target ${formatTarget(check)})`,
    );
  const inputsOf = (files: string[]) => new Set(files.flatMap((file) => Object.keys(api.metafile.outputs[file].inputs)));
  const coldInputs = [...inputsOf(api.coldFiles)];
  const allInputs = [...inputsOf(Object.keys(api.metafile.outputs).filter((file) => file.endsWith(".mjs")))];
  const atColdStart = NotAtColdStart.filter((name) => coldInputs.some((input) => input.includes(`node_modules/${name}`)));
  const inBundle = NotInBundle.filter((name) => allInputs.some((input) => input.includes(name)));
  console.log(
    `${atColdStart.length ? "FAIL" : "PASS"}  Loaded on first use, not at cold start: ${NotAtColdStart.join(", ")}${atColdStart.length ? ` — at cold start: ${atColdStart.join(", ")}` : ""}`,
  );
  console.log(
    `${inBundle.length ? "FAIL" : "PASS"}  Not in the Lambda bundle: the demo, the local OpenID provider and server, Swagger UI${inBundle.length ? ` — found: ${inBundle.join(", ")}` : ""}`,
  );
  if (atColdStart.length || inBundle.length) process.exitCode = 1;

  if (process.argv.includes("--analyze")) {
    const show = (title: string, files: string[], top: number) => {
      const byPackage = new Map<string, number>();
      for (const file of files)
        for (const [input, { bytesInOutput }] of Object.entries(api.metafile.outputs[file].inputs)) {
          const found = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
          const key = found ? found[1] : input.split("/").slice(0, 4).join("/");
          byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
        }
      console.log(title);
      for (const [key, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top))
        console.log(`  ${formatNumber(kb(bytes), 0).padStart(5)}  ${key}`);
    };
    show("The API's cold start by package (KB minified):", api.coldFiles, 30);
    if (api.hot) show("What the first ticket request adds, by package (KB minified):", api.hot.files, 15);
    console.log("Lazy chunks (KB):");
    const cold = new Set(api.coldFiles);
    for (const [file, output] of Object.entries(api.metafile.outputs).sort((a, b) => b[1].bytes - a[1].bytes))
      if (file.endsWith(".mjs") && !cold.has(file) && output.bytes > 10_240)
        console.log(`  ${formatNumber(kb(output.bytes), 0).padStart(5)}  ${relative(api.dir, join(root, file))}`);
  }
} finally {
  rmSync(api.dir, { recursive: true, force: true });
  rmSync(hello.dir, { recursive: true, force: true });
}
