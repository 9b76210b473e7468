/**
 * How Wangge's Lambda functions are bundled, in one place for the infrastructure (infra/lambda.ts)
 * and for `npm run bundle:api` (scripts/bundle-api.ts), which imports the same bundle on the
 * machines' Node 20: no aws-cdk-lib here, so that the script stays quick.
 *
 * The bundle is minified ESM **split into chunks**: `index.mjs` holds the handler and what it
 * imports statically; every dynamic `import()` (spreadsheets, geometry, the SMS sender, the
 * Cognito directory, field encryption…) becomes a file of its own next to it, read from the
 * function's directory the first time a request needs it. A cold start parses and runs only
 * `index.mjs` and its static chunks.
 *
 * Run as a script (`tsx infra/lambda-bundle.ts <entry> <outdir>`) it writes the bundle: this is
 * how the CDK's asset staging calls it (infra/lambda.ts), since esbuild's plugins need its
 * asynchronous API and the staging's local bundler is synchronous.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BuildOptions, Metafile, Plugin } from "esbuild";

/** The Lambda runtime's Node.js major version (`nodejs24.x`). */
export const LambdaNodeMajor = 24;

/**
 * esbuild's target: the runtime's Node. esbuild only lowers syntax for a target, and the code
 * uses nothing newer than Node 20 knows, so the same bundle also runs on the development
 * machines' Node 20 — `npm run bundle:api` imports it there, and infra/api.test.ts checks it.
 */
export const EsbuildTarget = `node${LambdaNodeMajor}`;

/** ESM bundles need `require` for the CommonJS dependencies they inline (every chunk gets it). */
export const EsmRequireBanner = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** The handler's file in the bundle's directory: the function's handler is `index.handler`. */
export const BundleEntryName = "index";

/**
 * zod's `z.locales` namespace holds the error messages of ~50 languages (258 KB minified, more
 * than a tenth of the bundle), and `import { z } from "zod"` keeps them all. The API answers its
 * own problem+json messages and never calls `z.config(z.locales.…())`; the default English
 * messages stay (zod imports `locales/en.js` directly). In the bundle `z.locales` has `en` only.
 */
export const zodEnglishOnly: Plugin = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)) return undefined;
      const en = path.join(path.dirname(args.importer), "..", "locales", "en.js");
      return { path: "zod-locales-en-only", namespace: "zod-english-only", pluginData: { en } };
    });
    build.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.pluginData.en)};`,
      loader: "js",
      resolveDir: path.dirname(args.pluginData.en),
    }));
  },
};

/**
 * zod's index also carries two tools the code never calls: `z.compile` (a schema compiler, 29 KB
 * minified) and `z.fromJSONSchema` (12 KB). `import { z } from "zod"` keeps every export, so both
 * would sit in every route group's first load. In the bundle they are stubs
 * that throw if called; the build fails if zod's modules export anything else than these stubs
 * stand in for (a new zod version: look again).
 */
export const zodWithoutCompilers: Plugin = {
  name: "zod-without-compilers",
  setup(build) {
    const stubs: Record<string, { exports: string[]; contents: string }> = {
      "core/compile.js": {
        exports: ["INVALID", "ZodCompileAsyncError", "ZodCompileUnsupportedError", "compile", "withParser", "compileFn"],
        contents: `const unavailable = (name) => () => { throw new Error("z." + name + " is left out of the Lambda bundle (infra/lambda-bundle.ts)"); };
export const INVALID = Symbol.for("zod.compile.invalid");
export class ZodCompileAsyncError extends Error {}
export class ZodCompileUnsupportedError extends Error {}
export const compile = unavailable("compile");
export const withParser = unavailable("withParser");
export const compileFn = unavailable("compileFn");`,
      },
      "classic/from-json-schema.js": {
        exports: ["fromJSONSchema"],
        contents: `export function fromJSONSchema() { throw new Error("z.fromJSONSchema is left out of the Lambda bundle (infra/lambda-bundle.ts)"); }`,
      },
    };
    build.onLoad({ filter: /[\\/]node_modules[\\/]zod[\\/]v4[\\/](core[\\/]compile|classic[\\/]from-json-schema)\.js$/ }, async (args) => {
      const { readFile } = await import("node:fs/promises");
      const key = args.path.split(path.sep).slice(-2).join("/");
      const stub = stubs[key];
      const source = await readFile(args.path, "utf8");
      const exported = [...source.matchAll(/^export (?:const|class|function) (\w+)/gm)].map((match) => match[1]);
      if (/^export (?!const|class|function)/m.test(source) || exported.join() !== stub.exports.join())
        throw new Error(`zod-without-compilers: ${args.path} exports ${exported.join(", ")}, not ${stub.exports.join(", ")}`);
      return { contents: stub.contents, loader: "js" };
    });
  },
};

/**
 * ElectroDB checks every entity's model against its JSON schema when the entity is built — twice
 * (the beta model's schema, then v1's) with `jsonschema`, which resolves a URL per reference —
 * and a service checks each entity it joins the same way to tell a model from an entity: a
 * third of the cold start's evaluation for our 46 entities, at every cold start, for models that
 * are constants of the code. In the bundle an entity skips the check (every core and api test
 * builds the same entities through the unbundled ElectroDB, where an invalid model still
 * throws), and an ElectroDB instance (it carries `_instance`) is known not to be a model without
 * one. The build fails if ElectroDB's code changed, rather than quietly keep the checks.
 * Without the checks ElectroDB has no use for `jsonschema` (28 KB minified, in every cold start):
 * in the bundle its validator only registers schemas, and throws if it were ever asked to check.
 */
export const electrodbTrustedModels: Plugin = {
  name: "electrodb-trusted-models",
  setup(build) {
    const patches: Record<string, [string, string]> = {
      "entity.js": ["this._validateModel(model);", "/* model checked by the tests */"],
      "util.js": [
        "let [isModel, errors] = v.testModel(instance);",
        'let [isModel, errors] = instance && instance._instance ? [false, ""] : v.testModel(instance);',
      ],
    };
    build.onResolve({ filter: /^jsonschema$/ }, (args) =>
      /[\\/]node_modules[\\/]electrodb[\\/]/.test(args.importer) ? { path: "jsonschema", namespace: "electrodb-no-jsonschema" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "electrodb-no-jsonschema" }, () => ({
      contents: `export class Validator {
        addSchema() {}
        validate() { throw new Error("ElectroDB's model checks are left out of the bundle (infra/lambda-bundle.ts)"); }
      }
      Validator.prototype.customFormats = {};`,
      loader: "js",
    }));
    build.onLoad({ filter: /[\\/]node_modules[\\/]electrodb[\\/]src[\\/](entity|util)\.js$/ }, async (args) => {
      const { readFile } = await import("node:fs/promises");
      const source = await readFile(args.path, "utf8");
      const [from, to] = patches[path.basename(args.path)];
      if (source.split(from).length !== 2) throw new Error(`electrodb-trusted-models: "${from}" is no longer in ${args.path} once`);
      return { contents: source.replace(from, to), loader: "js" };
    });
  },
};

/** The esbuild options of a Lambda function's bundle: `entry` (a path) → `<outdir>/index.mjs` and its chunks. */
export function lambdaBuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: { [BundleEntryName]: entry },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: EsbuildTarget,
    mainFields: ["module", "main"],
    banner: { js: EsmRequireBanner },
    // Mappings are enough for stack traces (NODE_OPTIONS=--enable-source-maps); sources would only inflate the zip.
    sourcemap: true,
    sourcesContent: false,
    // Nothing external: the AWS SDK versions the lockfile pinned and the tests ran, not the runtime's copy.
    external: [],
    plugins: [zodEnglishOnly, zodWithoutCompilers, electrodbTrustedModels],
    metafile: true,
    logLevel: "warning",
  };
}

/** Bundles `entry` into `outdir` (see {@link lambdaBuildOptions}); returns esbuild's metafile. */
export async function bundleLambda(entry: string, outdir: string, overrides: BuildOptions = {}): Promise<Metafile> {
  const { build } = await import("esbuild");
  const result = await build({ ...lambdaBuildOptions(entry, outdir), ...overrides });
  return result.metafile as Metafile;
}

/**
 * The files a cold start reads: the entry's output and, transitively, the chunks it imports
 * statically (`import-statement`); dynamic imports are left for the requests that need them.
 */
export function coldStartFiles(metafile: Metafile, entryOutput: string): string[] {
  const seen = new Set<string>();
  const pending = [entryOutput];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? [])
      if (imported.kind === "import-statement" && !imported.external) pending.push(imported.path);
  }
  return [...seen];
}

// `tsx infra/lambda-bundle.ts <entry> <outdir>`: infra/lambda.ts's local bundler.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [entry, outdir] = process.argv.slice(2);
  if (!entry || !outdir) throw new Error("usage: tsx infra/lambda-bundle.ts <entry> <outdir>");
  await bundleLambda(path.resolve(entry), path.resolve(outdir), { metafile: false });
}
