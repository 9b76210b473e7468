import { Duration, Fn } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  type IHttpApi,
  LogGroupLogDestination,
} from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { IUserPool } from "aws-cdk-lib/aws-cognito";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { IKey } from "aws-cdk-lib/aws-kms";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import { CognitoAdminActions } from "../packages/core/src/identity/cognito.ts";
import type { Auth } from "./auth.ts";
import { grantBucketAccess, grantTableAccess, wanggeFunction } from "./lambda.ts";
import { RegisterKeyActions, removalPolicyFor } from "./storage.ts";

export interface HttpApiProps {
  stage: string;
  /** Steady requests per second and burst for every route of the stage. Default 100/s, burst 200. */
  throttle?: { rateLimit: number; burstLimit: number };
}

export interface Front {
  httpApi: HttpApi;
  stage: HttpStage;
  /** The stage's access log (one JSON object a request). */
  accessLogs: LogGroup;
  /** `<api id>.execute-api.<region>.amazonaws.com`: the origin CloudFront sends `/api/*` to. */
  domainName: string;
}

/**
 * API Gateway's HTTP API and its one stage, without routes: CloudFront's `/api/*` origin.
 * Declared apart from the function so that the portal's distribution (and from it the sign-in
 * callbacks and the photo bucket's CORS) exists before the function that needs them.
 */
export function createHttpApi(scope: Construct, props: HttpApiProps): Front {
  const httpApi = new HttpApi(scope, "HttpApi", {
    description: `Wangge API (${props.stage})`,
    createDefaultStage: false,
  });
  const accessLogs = new LogGroup(scope, "ApiAccessLogs", {
    retention: RetentionDays.THREE_MONTHS,
    removalPolicy: removalPolicyFor(props.stage),
  });
  const stage = new HttpStage(scope, "DefaultStage", {
    httpApi,
    stageName: "$default",
    autoDeploy: true,
    throttle: props.throttle ?? { rateLimit: 100, burstLimit: 200 },
    accessLogSettings: {
      destination: new LogGroupLogDestination(accessLogs),
      format: AccessLogFormat.custom(JSON.stringify(AccessLogFields)),
    },
  });
  // ApiEndpoint is https://<id>.execute-api.<region>.amazonaws.com: its host.
  return { httpApi, stage, accessLogs, domainName: Fn.select(2, Fn.split("/", httpApi.apiEndpoint)) };
}

/** The access log's fields ($context variables of HTTP APIs); `requestId` is the Lambda log's `apiRequestId`. */
export const AccessLogFields = {
  requestId: "$context.requestId",
  time: "$context.requestTime",
  ip: "$context.identity.sourceIp",
  userAgent: "$context.identity.userAgent",
  method: "$context.httpMethod",
  path: "$context.path",
  status: "$context.status",
  protocol: "$context.protocol",
  responseLength: "$context.responseLength",
  latencyMs: "$context.responseLatency",
  integrationLatencyMs: "$context.integrationLatency",
  integrationStatus: "$context.integrationStatus",
  integrationError: "$context.integrationErrorMessage",
  error: "$context.error.message",
} as const;

export interface ApiProps {
  stage: string;
  table: ITableV2;
  bucket: IBucket;
  /** The grid register's key (infra/storage.ts): core's register/protect.ts seals and opens with it. */
  registerKey: IKey;
  /** The HTTP API the function answers behind ({@link createHttpApi}). */
  httpApi: IHttpApi;
  /**
   * Token verification settings from {@link createAuth}, and the user pool whose accounts the
   * API keeps in step with the district's records (`packages/core/src/identity/cognito.ts`).
   */
  auth: Pick<Auth, "jwksUrl" | "issuer" | "audience"> & { userPool: IUserPool };
  /**
   * Browser origins other than the portal's own that may call the API (the portal reaches it
   * at `/api` of its own origin, which needs no CORS). Default: none.
   */
  corsOrigins?: string[];
  /** The portal's origin, whose `/photos/*` shows photos (infra/web.ts): core's `PHOTO_ORIGIN`. */
  photoOrigin?: string;
  /** Repository root holding `packages/api/src/lambda.ts` and `package-lock.json`. Default: cwd. */
  root?: string;
}

export interface Api {
  fn: LambdaFunction;
}

export function createApi(scope: Construct, props: ApiProps): Api {
  const fn = wanggeFunction(scope, "ApiFunction", {
    stage: props.stage,
    entry: "packages/api/src/lambda.ts",
    root: props.root,
    memorySize: 1024,
    // API Gateway HTTP APIs give up after 30 s: finish (or fail) before it does.
    timeout: Duration.seconds(29),
    environment: {
      TABLE_NAME: props.table.tableName,
      BUCKET_NAME: props.bucket.bucketName,
      WANGGE_MODE: "aws",
      JWKS_URL: props.auth.jwksUrl,
      JWT_ISSUER: props.auth.issuer,
      JWT_AUDIENCE: props.auth.audience,
      // Accounts follow the records: the identity directory is this pool (core's identity/directory.ts).
      USER_POOL_ID: props.auth.userPool.userPoolId,
      // Residents' one-time codes go out by SMS through SNS (core's identity/sms.ts).
      CODE_SENDER: "sms",
      CORS_ORIGINS: (props.corsOrigins ?? []).join(","),
      REGISTER_KEY_ARN: props.registerKey.keyArn,
      ...(props.photoOrigin ? { PHOTO_ORIGIN: props.photoOrigin } : {}),
    },
  });

  grantTableAccess(fn, props.table);
  grantBucketAccess(fn, props.bucket);
  fn.addToRolePolicy(new PolicyStatement({ actions: [...RegisterKeyActions], resources: [props.registerKey.keyArn] }));
  // Exactly the admin calls the Cognito directory makes, on this pool only.
  fn.addToRolePolicy(new PolicyStatement({ actions: [...CognitoAdminActions], resources: [props.auth.userPool.userPoolArn] }));
  // SMS to a phone number: SNS names no resource for that, so publishing to any topic is what is left out.
  fn.addToRolePolicy(new PolicyStatement({ actions: ["sns:Publish"], notResources: ["arn:aws:sns:*:*:*"] }));

  // Every path under /api (the app's base path: packages/api/src/lambda.ts) and every method.
  const integration = new HttpLambdaIntegration("ApiIntegration", fn);
  for (const [id, path] of [
    ["ApiRoute", "/api/{proxy+}"],
    ["ApiRootRoute", "/api"],
  ] as const) {
    new HttpRoute(scope, id, { httpApi: props.httpApi, routeKey: HttpRouteKey.with(path, HttpMethod.ANY), integration });
  }
  return { fn };
}
