import path from "node:path";
import type { SSTConfig } from "sst";
import { use, type StackContext } from "sst/constructs";
import { createApi, createHttpApi } from "./infra/api.ts";
import { createAuth, sesEmailFromEnv, signInOrigins } from "./infra/auth.ts";
import { Monitoring } from "./infra/monitoring.ts";
import { createStorage, isDevStage, photoBucketName } from "./infra/storage.ts";
import { createWeb } from "./infra/web.ts";
import { createWorker } from "./infra/worker.ts";
import { region } from "./packages/core/src/storage/region.ts";

/**
 * Wangge on AWS. Resources are declared with plain aws-cdk-lib in `infra/*.ts` (so that
 * `vitest --project infra` synthesises and checks them offline); SST v2 supplies stages,
 * stack naming and the deploy CLI. One `sst deploy --stage <stage>` builds the portal and
 * deploys everything, in this order:
 *
 * 1. Web: the portal's CloudFront distribution, with the API's HTTP API (no routes yet) at
 *    `/api/*` of the same origin. First, so that its URL is known to what follows.
 * 2. Storage: the table and the photo bucket (browser uploads from the portal's URL).
 * 3. Auth: the user pool; the managed login sends people back to the portal's URL.
 * 4. Api: the function, its routes on the HTTP API, alarms and the dashboard.
 *
 * Environment read at build time (all optional):
 * - `WANGGE_PORTAL_ORIGINS`: comma-separated other portal origins (`https://portal.example.cn`,
 *   a portal served elsewhere) allowed to sign in, upload photos and call the API from a
 *   browser. Dev stages (dev, ci, test, dev-*, pr-*) default to the local portal
 *   (`http://localhost:5173`) for sign-in and `*` for CORS.
 * - `WANGGE_WEB_DIST`: a built portal to deploy as it is, instead of building `web/`.
 * - `WANGGE_EMAIL_FROM` (`_FROM_NAME`, `_REPLY_TO`, `_DOMAIN`, `_SES_REGION`): Cognito's
 *   e-mail through SES from this sender (infra/auth.ts); Cognito's own sender otherwise.
 * - `WANGGE_ALARM_EMAILS`: comma-separated addresses subscribed to the alarms' topic.
 */
export default {
  async config() {
    // `--region`, else AWS_REGION, else the profile's region, else the core's one default.
    return { name: "wangge", region: await region() };
  },
  stacks(app) {
    app.stack(Web).stack(Storage).stack(Auth).stack(Api);
  },
} satisfies SSTConfig;

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}

/** Portals other than the distribution's own (`WANGGE_PORTAL_ORIGINS`). */
const otherPortals = () => list(process.env.WANGGE_PORTAL_ORIGINS);

/** Browser origins other than the portal's own allowed cross-origin calls: those given, else `*` on dev stages. */
function crossOrigins(stage: string): string[] {
  return otherPortals() ?? (isDevStage(stage) ? ["*"] : []);
}

function Web({ stack }: StackContext) {
  const front = createHttpApi(stack, { stage: stack.stage });
  const web = createWeb(stack, {
    stage: stack.stage,
    source: process.env.WANGGE_WEB_DIST ? path.resolve(process.env.WANGGE_WEB_DIST) : undefined,
    apiDomainName: front.domainName,
    // Sign-in (issuer, managed login) and presigned uploads (the photo bucket, declared later).
    connectSources: [...signInOrigins(stack, stack.stage), `https://*.s3.${stack.region}.${stack.urlSuffix}`],
    photoBucketDomain: `${photoBucketName(stack.stage, stack.account)}.s3.${stack.region}.${stack.urlSuffix}`,
  });
  stack.addOutputs({
    SiteUrl: web.url,
    ApiUrl: `${web.url}/api`,
    ApiAccessLogGroup: front.accessLogs.logGroupName,
  });
  return { ...web, ...front };
}

function Storage({ stack }: StackContext) {
  const { url } = use(Web);
  const others = crossOrigins(stack.stage);
  const storage = createStorage(stack, {
    stage: stack.stage,
    portalOrigins: others.includes("*") ? others : [url, ...others],
    photoBucketName: photoBucketName(stack.stage, stack.account),
  });
  stack.addOutputs({
    TableName: storage.table.tableName,
    BucketName: storage.bucket.bucketName,
    RegisterKeyArn: storage.registerKey.keyArn,
  });
  return storage;
}

function Auth({ stack }: StackContext) {
  const { url } = use(Web);
  // The managed login sends people back only to the portal's own URLs.
  const others = otherPortals() ?? (isDevStage(stack.stage) ? ["http://localhost:5173"] : []);
  const auth = createAuth(stack, { stage: stack.stage, portalUrls: [url, ...others], email: sesEmailFromEnv() });
  stack.addOutputs({
    UserPoolId: auth.userPool.userPoolId,
    UserPoolClientId: auth.client.userPoolClientId,
    JwksUrl: auth.jwksUrl,
    JwtIssuer: auth.issuer,
    LoginUrl: auth.domain.baseUrl(),
  });
  return auth;
}

function Api({ stack }: StackContext) {
  const { httpApi, url } = use(Web);
  const { table, bucket, registerKey } = use(Storage);
  const auth = use(Auth);
  const api = createApi(stack, {
    stage: stack.stage,
    table,
    bucket,
    registerKey,
    auth,
    httpApi,
    corsOrigins: crossOrigins(stack.stage),
    photoOrigin: url,
  });
  const monitoring = new Monitoring(stack, "Monitoring", {
    stage: stack.stage,
    httpApi,
    table,
    alarmEmails: list(process.env.WANGGE_ALARM_EMAILS),
  });
  monitoring.watchFunction("ApiFunction", api.fn, { title: "API", logGroupName: api.fn.logGroup.logGroupName });
  // Grid imports and exports off the request path: the API queues them, the worker runs them.
  const worker = createWorker(stack, { stage: stack.stage, table, bucket, registerKey });
  worker.allowEnqueue(api.fn);
  monitoring.watchFunction("WorkerFunction", worker.fn, { title: "Worker", logGroupName: worker.fn.logGroup.logGroupName });
  monitoring.addAlarm("JobsDeadLetters", {
    metric: worker.deadLetterQueue.metricApproximateNumberOfMessagesVisible(),
    threshold: 1,
    evaluationPeriods: 1,
    description: "A grid import or export failed every attempt: its record says why; the message waits in the dead-letter queue.",
  });
  stack.addOutputs({
    ApiLogGroup: api.fn.logGroup.logGroupName,
    WorkerLogGroup: worker.fn.logGroup.logGroupName,
    JobsDeadLetterQueueUrl: worker.deadLetterQueue.queueUrl,
    AlarmTopicArn: monitoring.topic.topicArn,
    Dashboard: monitoring.dashboard.dashboardName,
  });
  return { ...api, monitoring };
}
