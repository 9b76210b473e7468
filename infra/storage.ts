import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { AttributeType, Billing, ProjectionType, TableV2 } from "aws-cdk-lib/aws-dynamodb";
import { Key, KeySpec, KeyUsage } from "aws-cdk-lib/aws-kms";
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods } from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import { ExpiringPrefixes, GridIndexPrefix, TableKeys } from "../packages/core/src/storage/keys.ts";

/**
 * Stages that hold nothing worth keeping: personal (`dev`, `dev-*`), CI (`ci`, `test`) and
 * pull-request (`pr-*`) stages. Their data is destroyed with the stack; every other stage
 * (`staging`, `prod`, a province's own stage…) retains it.
 */
export function isDevStage(stage: string): boolean {
  return ["dev", "ci", "test"].includes(stage) || stage.startsWith("dev-") || stage.startsWith("pr-");
}

/** RETAIN outside dev stages: a `cdk destroy` / `sst remove` must never take tenants' data. */
export function removalPolicyFor(stage: string): RemovalPolicy {
  return isDevStage(stage) ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
}

/**
 * Origins allowed to upload to the photo bucket from a browser (presigned PUTs go straight to
 * S3, another origin than the portal's). Dev stages default to `*`; any other stage must name
 * them: sst.config.ts passes the portal's own URL (the Web stack comes first) and any other
 * portal of `WANGGE_PORTAL_ORIGINS`.
 */
export function resolvePortalOrigins(stage: string, origins?: string[]): string[] {
  const list = (origins ?? []).map((origin) => origin.trim()).filter(Boolean);
  if (list.length > 0) return list;
  if (isDevStage(stage)) return ["*"];
  throw new Error(
    `Stage "${stage}" needs its portal origins (e.g. WANGGE_PORTAL_ORIGINS=https://portal.example.cn): ` +
      `only dev stages (dev, ci, test, dev-*, pr-*) may allow every origin.`,
  );
}

export interface StorageProps {
  /** SST stage name; decides removal policy and deletion protection. */
  stage: string;
  /** Browser origins allowed to PUT/GET photos with presigned URLs. Default `*` on dev stages. */
  portalOrigins?: string[];
  /**
   * The photo bucket's name, when the portal's distribution (declared first) must know its host
   * ({@link photoBucketName}). Default: CloudFormation names it.
   */
  photoBucketName?: string;
}

/**
 * A photo bucket's name known before the bucket exists: the stage and the account make it
 * unique. The portal's distribution shows photos from this bucket's host.
 */
export function photoBucketName(stage: string, account: string): string {
  return `wangge-${stage.toLowerCase()}-photos-${account}`;
}

export interface Storage {
  /** The single ElectroDB table holding every entity of every tenant. */
  table: TableV2;
  /** Photos attached to tickets, needs and activities. */
  bucket: Bucket;
  /**
   * The grid register's KMS key (core's register/protect.ts): it wraps the data keys that seal
   * people's ID numbers, phones and sensitive tags, and each district's lookup secret.
   */
  registerKey: Key;
}

/**
 * What a function that seals and opens the register's fields may do with its key: the
 * Encryption SDK's KMS keyring asks for a data key (GenerateDataKey) to seal, Decrypt to open,
 * and Encrypt only if a message ever names a second key. Nothing else (no key administration).
 */
export const RegisterKeyActions = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"] as const;

export function createStorage(scope: Construct, props: StorageProps): Storage {
  const dev = isDevStage(props.stage);
  const removalPolicy = removalPolicyFor(props.stage);
  const origins = resolvePortalOrigins(props.stage, props.portalOrigins);

  const table = new TableV2(scope, "Table", {
    billing: Billing.onDemand(),
    partitionKey: { name: TableKeys.partitionKey, type: AttributeType.STRING },
    sortKey: { name: TableKeys.sortKey, type: AttributeType.STRING },
    globalSecondaryIndexes: TableKeys.indexes.map((index) => ({
      indexName: index.name,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    })),
    timeToLiveAttribute: TableKeys.timeToLive,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: !dev,
    removalPolicy,
  });

  const bucket = new Bucket(scope, "PhotoBucket", {
    bucketName: props.photoBucketName,
    versioned: true,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: BucketEncryption.S3_MANAGED,
    cors: [
      {
        allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
        allowedOrigins: origins,
        allowedHeaders: ["*"],
        // Content-Disposition: a download keeps the name the API gave it.
        exposedHeaders: ["ETag", "Content-Disposition"],
        maxAge: 3600,
      },
    ],
    lifecycleRules: [
      {
        id: "abort-incomplete-multipart-uploads",
        abortIncompleteMultipartUploadAfter: Duration.days(1),
      },
      // Presigned uploads never confirmed by the API (abandoned photos), generated files (grid
      // exports, fetched once through a short-lived link).
      ...ExpiringPrefixes.map(({ id, prefix, days }) => ({
        id,
        prefix,
        expiration: Duration.days(days),
        noncurrentVersionExpiration: Duration.days(1),
      })),
      // A district's packed locate index is rewritten whenever its grids change: only the current one is read.
      {
        id: "expire-old-grid-indexes",
        prefix: GridIndexPrefix,
        noncurrentVersionExpiration: Duration.days(1),
      },
      {
        id: "expire-noncurrent-versions",
        noncurrentVersionExpiration: Duration.days(90),
      },
    ],
    removalPolicy,
    // Lets `sst remove` of a dev stage empty the bucket first; never on a real stage.
    autoDeleteObjects: dev,
  });

  // Rotated yearly by KMS: older key material stays to open older messages, nothing to re-seal.
  // Kept like the table outside dev stages: without it the register's sealed fields are noise.
  const registerKey = new Key(scope, "RegisterKey", {
    description: `Wangge ${props.stage}: the grid register's personal fields (envelope encryption)`,
    alias: `alias/wangge-${props.stage.toLowerCase()}-register`,
    keySpec: KeySpec.SYMMETRIC_DEFAULT,
    keyUsage: KeyUsage.ENCRYPT_DECRYPT,
    enableKeyRotation: true,
    removalPolicy,
    ...(dev ? { pendingWindow: Duration.days(7) } : {}),
  });

  return { table, bucket, registerKey };
}
