import { spawnSync } from "node:child_process";
import path from "node:path";
import { AssetHashType, DockerImage, type Duration } from "aws-cdk-lib";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { type IGrantable, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Architecture, Code, Function as LambdaFunction, Runtime } from "aws-cdk-lib/aws-lambda";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import { BundleEntryName, LambdaNodeMajor } from "./lambda-bundle.ts";
import { removalPolicyFor } from "./storage.ts";

/**
 * What every Wangge Lambda function shares (the API's, and any worker's): runtime, bundling,
 * log group, and the exact table and bucket actions it may take.
 */

/** Node.js 24: `nodejs20.x` no longer takes new functions (2026). Keep {@link LambdaNodeMajor} in step. */
export const LambdaRuntime = Runtime.NODEJS_24_X;
if (LambdaRuntime.name !== `nodejs${LambdaNodeMajor}.x`)
  throw new Error(`LambdaRuntime and LambdaNodeMajor disagree: ${LambdaRuntime.name}`);

export interface WanggeFunctionProps {
  stage: string;
  /** The handler's file, relative to the repository root (`packages/api/src/lambda.ts`). */
  entry: string;
  /** Repository root holding `entry` and `package-lock.json`. Default: cwd. */
  root?: string;
  environment: Record<string, string>;
  timeout: Duration;
  memorySize: number;
}

/**
 * A Node.js function on ARM, bundled by the local esbuild as minified ESM split into chunks,
 * with source maps and **with the AWS SDK inside** (the versions the lockfile pinned and the
 * tests ran, not whatever the runtime ships), logging to its own log group (three months).
 *
 * The bundle is infra/lambda-bundle.ts's, the one `npm run bundle:api` measures: a plain
 * function with a local bundler rather than `NodejsFunction`, whose esbuild call writes one
 * `--outfile` and so cannot split the rare routes' code (spreadsheets, geometry, encryption)
 * out of the cold start. The asset's hash is the bundle's own (as `NodejsFunction`'s).
 */
export function wanggeFunction(scope: Construct, id: string, props: WanggeFunctionProps): LambdaFunction {
  const root = props.root ?? process.cwd();
  const logGroup = new LogGroup(scope, `${id}Logs`, {
    retention: RetentionDays.THREE_MONTHS,
    removalPolicy: removalPolicyFor(props.stage),
  });
  const entry = path.join(root, props.entry);
  const code = Code.fromAsset(root, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never used: the local bundler below runs (esbuild is a root devDependency; no Docker on CI machines).
      image: DockerImage.fromRegistry("public.ecr.aws/sam/build-nodejs24.x"),
      local: {
        tryBundle(outputDir) {
          const tsx = path.join(root, "node_modules", ".bin", "tsx");
          // From the root: SST runs this file bundled into one module at the root, not from infra/.
          const script = path.join(root, "infra", "lambda-bundle.ts");
          const run = spawnSync(tsx, [script, entry, outputDir], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
          if (run.status !== 0) throw new Error(`Bundling ${props.entry} failed (${run.error?.message ?? `exit ${run.status}`})`);
          return true;
        },
      },
    },
  });
  return new LambdaFunction(scope, id, {
    code,
    handler: `${BundleEntryName}.handler`,
    runtime: LambdaRuntime,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize,
    timeout: props.timeout,
    logGroup,
    environment: { ...props.environment, NODE_OPTIONS: "--enable-source-maps" },
  });
}

/**
 * DynamoDB actions the core takes, by ElectroDB operation: get (GetItem), batch get (an array
 * to `get`: BatchGetItem, Open311), query and find (Query, on the table and its GSIs),
 * create/put/update/patch/upsert/delete/remove (PutItem, UpdateItem, DeleteItem), transactions
 * (`createWriteTransaction`: TransactWriteItems, which IAM authorises as the Put/Update/Delete/
 * ConditionCheckItem inside it), batch writes (storage/batch.ts: BatchWriteItem), and the health
 * check's DescribeTable. No Scan: only `npm run identity:reconcile` scans, with the operator's
 * own credentials. No table management (Create/UpdateTable are the local stack's).
 */
export const TableItemActions = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
] as const;
/** On the indexes (`<table>/index/*`), only reads by key: Query. */
export const TableIndexActions = ["dynamodb:Query"] as const;

/** Exactly {@link TableItemActions} on the table and {@link TableIndexActions} on its indexes. */
export function grantTableAccess(grantee: IGrantable, table: ITableV2) {
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: [...TableItemActions], resources: [table.tableArn] }));
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: [...TableIndexActions], resources: [`${table.tableArn}/index/*`] }),
  );
}

/**
 * S3 actions on objects: GetObject (reads, HeadObject, presigned GETs, CopyObject's source),
 * PutObject (writes, presigned PUTs, CopyObject's target), DeleteObject (a delete marker in the
 * versioned bucket: earlier versions stay, and there is no DeleteObjectVersion to remove them).
 */
export const BucketObjectActions = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"] as const;
/** On the bucket: ListBucket, for the health check's HeadBucket and so that a missing key is a 404, not a 403. */
export const BucketActions = ["s3:ListBucket"] as const;

/** Exactly {@link BucketObjectActions} on the bucket's objects and {@link BucketActions} on the bucket. */
export function grantBucketAccess(grantee: IGrantable, bucket: IBucket) {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: [...BucketObjectActions], resources: [bucket.arnForObjects("*")] }),
  );
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: [...BucketActions], resources: [bucket.bucketArn] }));
}
