/**
 * `npm run bundle:api`: bundles the Lambda handler as the infrastructure does (esbuild,
 * minified ESM, node20, AWS SDK external) and prints its size, gzipped size and import time.
 */
import { build } from "esbuild";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { root } from "./lib/env.ts";

// Inside the repo, so that the external AWS SDK resolves from node_modules as on Lambda.
const outDir = mkdtempSync(join(root, "node_modules", ".wangge-bundle-"));
const outfile = join(outDir, "index.mjs");
await build({
  entryPoints: [join(root, "packages/api/src/lambda.ts")],
  outfile,
  bundle: true,
  minify: true,
  format: "esm",
  platform: "node",
  target: "node20",
  mainFields: ["module", "main"],
  external: ["@aws-sdk/*"],
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  logLevel: "warning",
});
const code = readFileSync(outfile);
process.env.WANGGE_MODE = "aws";
process.env.JWKS_URL = "https://example.invalid/jwks.json";
process.env.JWT_ISSUER = "https://example.invalid";
process.env.JWT_AUDIENCE = "wangge";
const start = performance.now();
await import(pathToFileURL(outfile).href);
const importMs = performance.now() - start;
console.log(
  `Lambda bundle: ${(code.length / 1024).toFixed(0)} KB minified, ${(gzipSync(code).length / 1024).toFixed(0)} KB gzip, import ${importMs.toFixed(0)} ms`,
);
rmSync(outDir, { recursive: true, force: true });
