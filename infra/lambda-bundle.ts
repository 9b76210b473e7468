/**
 * How Wangge's Lambda functions are bundled, in one place for the infrastructure (infra/lambda.ts)
 * and for `npm run bundle:api` (scripts/bundle-api.ts), which imports the same bundle on the
 * machines' Node 20: no aws-cdk-lib here, so that the script stays quick.
 */

/** The Lambda runtime's Node.js major version (`nodejs24.x`). */
export const LambdaNodeMajor = 24;

/**
 * esbuild's target: the runtime's Node. esbuild only lowers syntax for a target, and the code
 * uses nothing newer than Node 20 knows, so the same bundle also runs on the development
 * machines' Node 20 — `npm run bundle:api` imports it there, and infra/api.test.ts checks it.
 */
export const EsbuildTarget = `node${LambdaNodeMajor}`;

/** ESM bundles need `require` for the CommonJS dependencies they inline. */
export const EsmRequireBanner = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";
