import path from "node:path";
import { Duration } from "aws-cdk-lib";
import { CorsHttpMethod, HttpApi, HttpMethod } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { IUserPool } from "aws-cdk-lib/aws-cognito";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Architecture, Runtime } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import { CognitoAdminActions } from "../packages/core/src/identity/cognito.ts";
import type { Auth } from "./auth.ts";
import { removalPolicyFor, resolvePortalOrigins } from "./storage.ts";

export interface ApiProps {
  stage: string;
  table: ITableV2;
  bucket: IBucket;
  /**
   * Token verification settings from {@link createAuth}, and the user pool whose accounts the
   * API keeps in step with the district's records (`packages/core/src/identity/cognito.ts`).
   */
  auth: Pick<Auth, "jwksUrl" | "issuer" | "audience"> & { userPool: IUserPool };
  /** Browser origins allowed by CORS. Default `*` on dev stages; required elsewhere. */
  portalOrigins?: string[];
  /** Repository root holding `packages/api/src/lambda.ts` and `package-lock.json`. Default: cwd. */
  root?: string;
}

export interface Api {
  fn: NodejsFunction;
  httpApi: HttpApi;
  /** `https://<id>.execute-api.<region>.amazonaws.com` (no trailing slash). */
  url: string;
}

/** Lambda's Node runtimes ship SDK v3; ESM bundles need `require` for CommonJS dependencies. */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export function createApi(scope: Construct, props: ApiProps): Api {
  const root = props.root ?? process.cwd();
  const origins = resolvePortalOrigins(props.stage, props.portalOrigins);

  const logGroup = new LogGroup(scope, "ApiLogs", {
    retention: RetentionDays.THREE_MONTHS,
    removalPolicy: removalPolicyFor(props.stage),
  });

  const fn = new NodejsFunction(scope, "ApiFunction", {
    entry: path.join(root, "packages/api/src/lambda.ts"),
    handler: "handler",
    projectRoot: root,
    depsLockFilePath: path.join(root, "package-lock.json"),
    runtime: Runtime.NODEJS_20_X,
    architecture: Architecture.ARM_64,
    memorySize: 1024,
    // API Gateway HTTP APIs give up after 30 s: finish (or fail) before it does.
    timeout: Duration.seconds(29),
    logGroup,
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
      CORS_ORIGINS: origins.join(","),
      NODE_OPTIONS: "--enable-source-maps",
    },
    bundling: {
      // esbuild is a root devDependency; Docker does not run on CI machines.
      forceDockerBundling: false,
      minify: true,
      format: OutputFormat.ESM,
      target: "node20",
      sourceMap: true,
      // Mappings are enough for stack traces; sources would only inflate the zip.
      sourcesContent: false,
      mainFields: ["module", "main"],
      banner: ESM_REQUIRE_BANNER,
      externalModules: ["@aws-sdk/*"],
    },
  });

  // grantReadWriteData covers the table and its indexes (`<table arn>/index/*`).
  props.table.grantReadWriteData(fn);
  props.bucket.grantReadWrite(fn);
  // Exactly the admin calls the Cognito directory makes, on this pool only.
  fn.addToRolePolicy(new PolicyStatement({ actions: [...CognitoAdminActions], resources: [props.auth.userPool.userPoolArn] }));
  // SMS to a phone number: SNS names no resource for that, so publishing to any topic is what is left out.
  fn.addToRolePolicy(new PolicyStatement({ actions: ["sns:Publish"], notResources: ["arn:aws:sns:*:*:*"] }));

  const integration = new HttpLambdaIntegration("ApiIntegration", fn);
  const httpApi = new HttpApi(scope, "HttpApi", {
    description: `Wangge API (${props.stage})`,
    corsPreflight: {
      allowOrigins: origins,
      allowMethods: [CorsHttpMethod.ANY],
      allowHeaders: ["authorization", "content-type", "idempotency-key"],
      maxAge: Duration.hours(1),
    },
  });
  httpApi.addRoutes({ path: "/{proxy+}", methods: [HttpMethod.ANY], integration });
  httpApi.addRoutes({ path: "/", methods: [HttpMethod.ANY], integration });

  return { fn, httpApi, url: httpApi.apiEndpoint };
}
