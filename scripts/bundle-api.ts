/**
 * `npm run bundle:api`: bundles the Lambda handler as the infrastructure does (esbuild,
 * minified ESM for the Lambda runtime's Node, the AWS SDK inside: infra/lambda-bundle.ts) and
 * prints its size, gzipped size and import time — on this machine's Node, which shows that the
 * bundle built for the runtime's Node also runs on the development machines'.
 */
import { build } from "esbuild";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { EsbuildTarget, EsmRequireBanner } from "../infra/lambda-bundle.ts";
import { root } from "./lib/env.ts";

const outDir = mkdtempSync(join(root, "node_modules", ".wangge-bundle-"));
const outfile = join(outDir, "index.mjs");
await build({
  entryPoints: [join(root, "packages/api/src/lambda.ts")],
  outfile,
  bundle: true,
  minify: true,
  format: "esm",
  platform: "node",
  target: EsbuildTarget,
  mainFields: ["module", "main"],
  banner: { js: EsmRequireBanner },
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
  `Lambda bundle (${EsbuildTarget}, AWS SDK inside): ${(code.length / 1024).toFixed(0)} KB minified, ${(gzipSync(code).length / 1024).toFixed(0)} KB gzip, import ${importMs.toFixed(0)} ms on Node ${process.versions.node}`,
);
rmSync(outDir, { recursive: true, force: true });
