import { Duration } from "aws-cdk-lib";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import type { IKey } from "aws-cdk-lib/aws-kms";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { ExportPrefix, PendingUploadPrefix } from "../packages/core/src/storage/keys.ts";
import { wanggeFunction } from "./lambda.ts";
import { RegisterKeyActions } from "./storage.ts";

export interface WorkerProps {
  stage: string;
  table: ITableV2;
  bucket: IBucket;
  /** The grid register's key (infra/storage.ts): register imports seal, exports open. */
  registerKey: IKey;
  /** Repository root holding `packages/api/src/worker.ts` and `package-lock.json`. Default: cwd. */
  root?: string;
}

export interface Worker {
  fn: LambdaFunction;
  /** Jobs (`@wangge/core` Job): the API sends, the worker reads. */
  queue: Queue;
  /** Messages that failed every delivery, kept 14 days for a look. */
  deadLetterQueue: Queue;
  /** Lets `fn` queue jobs: `sqs:SendMessage` on the queue, and `JOBS_QUEUE_URL`. */
  allowEnqueue(fn: LambdaFunction): void;
}

/** Deliveries of a job before it goes to the dead-letter queue; the worker's last attempt records the failure. */
export const MAX_RECEIVE_COUNT = 3;
/** A 20 MB district file is validated and written in well under this (chunks of 40 grids, checkpointed). */
export const WORKER_TIMEOUT = Duration.minutes(10);

/**
 * Background work off the request path: an SQS queue (with a dead-letter queue) feeding the worker
 * Lambda (`packages/api/src/worker.ts`), which runs each message as a job (grid imports and exports). A job
 * keeps its own checkpoint, so a redelivery (timeout, crash, duplicate) goes on where it stopped.
 */
export function createWorker(scope: Construct, props: WorkerProps): Worker {
  const deadLetterQueue = new Queue(scope, "JobsDeadLetterQueue", {
    retentionPeriod: Duration.days(14),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
  const queue = new Queue(scope, "JobsQueue", {
    // AWS's advice for a Lambda event source: at least six times the function's timeout.
    visibilityTimeout: Duration.seconds(WORKER_TIMEOUT.toSeconds() * 6),
    retentionPeriod: Duration.days(4),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
  });

  const fn = wanggeFunction(scope, "WorkerFunction", {
    stage: props.stage,
    entry: "packages/api/src/worker.ts",
    root: props.root,
    // Parsing and validating a 20 MB file (geometry checks) wants memory, and CPU comes with it.
    memorySize: 2048,
    timeout: WORKER_TIMEOUT,
    environment: {
      TABLE_NAME: props.table.tableName,
      BUCKET_NAME: props.bucket.bucketName,
      JOBS_MAX_ATTEMPTS: String(MAX_RECEIVE_COUNT),
      REGISTER_KEY_ARN: props.registerKey.keyArn,
    },
  });

  fn.addEventSource(
    new SqsEventSource(queue, {
      // One job at a time per invocation: each gets the whole timeout.
      batchSize: 1,
      // Only the failed messages of a batch are delivered again.
      reportBatchItemFailures: true,
      // Imports of several districts at once, not so many that they crowd the table.
      maxConcurrency: 5,
    }),
  );

  // Exactly what the worker does (core's grid/import.ts): reads the district's records and its
  // import or export, writes grids, codes, counts and the checkpoint in transactions (puts and updates).
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
      resources: [props.table.tableArn],
    }),
  );
  // The uploaded files, read and removed once imported; the export files, written. Nothing else in the bucket.
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ["s3:GetObject", "s3:DeleteObject"],
      resources: [props.bucket.arnForObjects(`${PendingUploadPrefix}*`)],
    }),
  );
  fn.addToRolePolicy(new PolicyStatement({ actions: ["s3:PutObject"], resources: [props.bucket.arnForObjects(`${ExportPrefix}*`)] }));
  // Register imports seal people's fields, exports open them: the register key's data-key actions only.
  fn.addToRolePolicy(new PolicyStatement({ actions: [...RegisterKeyActions], resources: [props.registerKey.keyArn] }));

  return {
    fn,
    queue,
    deadLetterQueue,
    allowEnqueue(sender) {
      sender.addToRolePolicy(new PolicyStatement({ actions: ["sqs:SendMessage"], resources: [queue.queueArn] }));
      sender.addEnvironment("JOBS_QUEUE_URL", queue.queueUrl);
    },
  };
}
