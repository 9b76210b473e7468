import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { App, Stack } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CognitoAdminActions } from "../packages/core/src/identity/cognito.ts";
import { AccessLogFields, createApi, createHttpApi } from "./api.ts";
import { createAuth } from "./auth.ts";
import { Monitoring } from "./monitoring.ts";
import { createStorage } from "./storage.ts";

const PORTAL = "https://portal.example.cn";
let outdir: string;
let template: Template;
let stack: Stack;

// NodejsFunction bundles packages/api/src/lambda.ts with esbuild during synthesis: once per file.
beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), "wangge-cdk-"));
  const app = new App({ outdir });
  stack = new Stack(app, "Api", { env: { account: "123456789012", region: "ap-southeast-1" } });
  const { httpApi } = createHttpApi(stack, { stage: "prod" });
  const { table, bucket, registerKey } = createStorage(stack, { stage: "prod", portalOrigins: [PORTAL] });
  const auth = createAuth(stack, { stage: "prod", portalUrls: [PORTAL] });
  const api = createApi(stack, { stage: "prod", table, bucket, registerKey, auth, httpApi });
  const monitoring = new Monitoring(stack, "Monitoring", { stage: "prod", httpApi, table, alarmEmails: ["ops@example.cn"] });
  monitoring.watchFunction("ApiFunction", api.fn, { title: "API", logGroupName: api.fn.logGroup.logGroupName });
  template = Template.fromStack(stack);
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

function apiFunction() {
  const functions = template.findResources("AWS::Lambda::Function", {
    Properties: { Handler: "index.handler", Environment: { Variables: { WANGGE_MODE: "aws" } } },
  });
  expect(Object.keys(functions)).toHaveLength(1);
  const [[logicalId, resource]] = Object.entries(functions);
  return { logicalId, resource };
}

/** Every statement of every policy attached to the API function's role. */
function roleStatements() {
  const role = apiFunction().resource.Properties.Role["Fn::GetAtt"][0];
  return Object.values(template.findResources("AWS::IAM::Policy", { Properties: { Roles: [{ Ref: role }] } })).flatMap(
    (policy) => policy.Properties.PolicyDocument.Statement,
  );
}

const only = (type: string) => {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0];
};

describe("api function", () => {
  it("runs packages/api/src/lambda.ts on Node.js 24, ARM, 1 GB, within API Gateway's 30 s", () => {
    template.hasResourceProperties("AWS::Lambda::Function", {
      Handler: "index.handler",
      Runtime: "nodejs24.x",
      Architectures: ["arm64"],
      MemorySize: 1024,
      Timeout: 29,
    });
  });

  it("gets exactly the settings the API reads", () => {
    const { resource } = apiFunction();
    expect(Object.keys(resource.Properties.Environment.Variables).sort()).toEqual([
      "BUCKET_NAME",
      "CODE_SENDER",
      "CORS_ORIGINS",
      "JWKS_URL",
      "JWT_AUDIENCE",
      "JWT_ISSUER",
      "NODE_OPTIONS",
      "REGISTER_KEY_ARN",
      "TABLE_NAME",
      "USER_POOL_ID",
      "WANGGE_MODE",
    ]);
    template.hasResourceProperties("AWS::Lambda::Function", {
      Environment: {
        Variables: {
          TABLE_NAME: { Ref: Match.stringLikeRegexp("^Table") },
          BUCKET_NAME: { Ref: Match.stringLikeRegexp("^PhotoBucket") },
          WANGGE_MODE: "aws",
          JWKS_URL: {
            "Fn::Join": ["", Match.arrayWith(["https://cognito-idp.ap-southeast-1.", "/.well-known/jwks.json"])],
          },
          JWT_ISSUER: {
            "Fn::Join": ["", Match.arrayWith(["https://cognito-idp.ap-southeast-1."])],
          },
          JWT_AUDIENCE: { Ref: Match.stringLikeRegexp("^UserPoolPortalClient") },
          USER_POOL_ID: { Ref: Match.stringLikeRegexp("^UserPool") },
          CODE_SENDER: "sms",
          // The portal calls the API on its own origin: no browser origin needs CORS.
          CORS_ORIGINS: "",
          NODE_OPTIONS: "--enable-source-maps",
        },
      },
    });
  });

  it("logs to its own log group, kept three months", () => {
    const { resource } = apiFunction();
    expect(resource.Properties.LoggingConfig).toEqual({ LogGroup: { Ref: expect.stringMatching(/^ApiFunctionLogs/) } });
    template.hasResourceProperties("AWS::Logs::LogGroup", { RetentionInDays: 90 });
  });

  it("is bundled as minified ESM split into chunks, with source maps, require() defined and the AWS SDK inside, and the bundle loads on this machine's Node", async () => {
    const { resource } = apiFunction();
    // The code asset is staged in the cloud assembly as asset.<hash>/ and uploaded as <hash>.zip.
    const assetHash = String(resource.Properties.Code.S3Key).replace(/\.zip$/, "");
    const dir = path.join(outdir, `asset.${assetHash}`);
    const bundle = path.join(dir, "index.mjs");
    expect(existsSync(bundle)).toBe(true);
    const files = readdirSync(dir).filter((file) => file.endsWith(".mjs"));
    // The rare routes' code (spreadsheets, the SMS sender, the Cognito directory…) is in chunks of its own.
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const code = readFileSync(path.join(dir, file), "utf8");
      expect(existsSync(path.join(dir, `${file}.map`)), file).toBe(true);
      // Every chunk defines require() for the CommonJS code it inlines.
      expect(code.startsWith("import { createRequire } from 'module'; const require = createRequire(import.meta.url);"), file).toBe(true);
      // The SDK the lockfile pinned is inside: nothing is imported from the runtime's copy.
      expect(code, file).not.toMatch(/from\s*["']@aws-sdk\//);
      expect(code, file).not.toMatch(/import\(["']@aws-sdk\//);
      // (The SDK's own error messages quote `[require("@aws-sdk/signature-v4-crt")]`.)
      expect(code, file).not.toMatch(/(?<!\[)require\(["']@aws-sdk\//);
      // Chunks import each other by relative path: every chunk named is in the asset.
      for (const [, chunk] of code.matchAll(/["']\.\/([\w-]+\.mjs)["']/g)) expect(files, `${file} imports ${chunk}`).toContain(chunk);
    }
    const code = readFileSync(bundle, "utf8");
    expect(code).toMatch(/export\s*\{[^}]*\bas handler\b|export\s*\{\s*handler\s*\}/);
    // Minified: long lines (only template literals keep their line breaks).
    expect(code.length / code.split("\n").length).toBeGreaterThan(2000);
    const all = files.map((file) => readFileSync(path.join(dir, file), "utf8")).join("\n");
    expect(all).toContain("DynamoDBClient");
    // zod's messages: English only (infra/lambda-bundle.ts), not the ~50 other languages.
    expect(all).toContain("Invalid input: expected");
    expect(all).not.toContain("Input tidak valid");
    // Built for the Lambda's Node 24, it loads on the development machines' Node (20) too.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--input-type=module", "-e", `const m = await import(${JSON.stringify(bundle)}); console.log(typeof m.handler, process.version);`],
      {
        env: {
          PATH: process.env.PATH,
          WANGGE_MODE: "aws",
          JWKS_URL: "https://example.invalid/jwks.json",
          JWT_ISSUER: "https://example.invalid",
          JWT_AUDIENCE: "portal",
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        },
      },
    );
    expect(stdout).toMatch(/^function v\d+\./);
    console.info(
      `lambda bundle: index.mjs ${(code.length / 1024).toFixed(0)} KB, ${files.length} files ${(all.length / 1024).toFixed(0)} KB, gzip ${(gzipSync(all).length / 1024).toFixed(0)} KB, loaded on ${stdout.trim()}`,
    );
  });
});

describe("least privilege", () => {
  const tableArn = () => ({ "Fn::GetAtt": [only("AWS::DynamoDB::GlobalTable"), "Arn"] });
  const bucketArn = () => ({ "Fn::GetAtt": [only("AWS::S3::Bucket"), "Arn"] });
  /** The statement granting exactly on `resource`. */
  const statementOn = (resource: object) => {
    const found = roleStatements().filter((statement) => JSON.stringify(statement.Resource) === JSON.stringify(resource));
    expect(found, JSON.stringify(resource)).toHaveLength(1);
    return found[0];
  };

  it("may read and write items of the table with exactly the operations the code uses, and only query its indexes", () => {
    expect(statementOn(tableArn())).toEqual({
      Effect: "Allow",
      Resource: tableArn(),
      Action: [
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:DeleteItem",
        "dynamodb:BatchWriteItem",
        "dynamodb:ConditionCheckItem",
        "dynamodb:DescribeTable",
      ],
    });
    expect(statementOn({ "Fn::Join": ["", [tableArn(), "/index/*"]] })).toEqual({
      Effect: "Allow",
      Resource: { "Fn::Join": ["", [tableArn(), "/index/*"]] },
      Action: "dynamodb:Query",
    });
  });

  it("may get, put and delete photos (a delete marker) and list the bucket, never delete a version", () => {
    const objects = { "Fn::Join": ["", [bucketArn(), "/*"]] };
    expect(statementOn(objects)).toEqual({
      Effect: "Allow",
      Resource: objects,
      Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
    });
    expect(statementOn(bucketArn())).toEqual({ Effect: "Allow", Resource: bucketArn(), Action: "s3:ListBucket" });
  });

  it("has no Scan, no version deletion and no wildcard action or resource", () => {
    const actions = roleStatements().flatMap((statement) => [statement.Action].flat() as string[]);
    expect(actions).not.toContain("dynamodb:Scan");
    expect(actions).not.toContain("s3:DeleteObjectVersion");
    for (const action of actions) expect(action, action).not.toContain("*");
    for (const statement of roleStatements()) {
      expect(statement.Effect).toBe("Allow");
      if (statement.NotResource) continue; // sns:Publish to phone numbers, below.
      for (const resource of [statement.Resource].flat()) expect(resource, JSON.stringify(statement)).not.toBe("*");
    }
    expect(roleStatements()).toHaveLength(7);
  });

  it("may call exactly the Cognito admin actions of the identity directory, on its own user pool only", () => {
    const cognito = roleStatements().filter((statement) =>
      [statement.Action].flat().some((action: string) => action.startsWith("cognito-idp:")),
    );
    expect(cognito).toHaveLength(1);
    expect([cognito[0].Action].flat().sort()).toEqual([...CognitoAdminActions].sort());
    expect(cognito[0].Resource).toEqual({ "Fn::GetAtt": [expect.stringMatching(/^UserPool[0-9A-F]+$/), "Arn"] });
    expect([cognito[0].Action].flat()).toContain("cognito-idp:AdminUserGlobalSignOut");
  });

  it("may seal and open the register's fields with its KMS key only (data keys, no key administration), and knows the key", () => {
    const keyArn = { "Fn::GetAtt": [only("AWS::KMS::Key"), "Arn"] };
    expect(statementOn(keyArn)).toEqual({
      Effect: "Allow",
      Resource: keyArn,
      Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"],
    });
    const kms = roleStatements().filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith("kms:")));
    expect(kms).toHaveLength(1);
    expect(apiFunction().resource.Properties.Environment.Variables.REGISTER_KEY_ARN).toEqual(keyArn);
  });

  it("may send SMS (one-time codes) and publish to no SNS topic", () => {
    const sns = roleStatements().filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith("sns:")));
    expect(sns).toEqual([{ Effect: "Allow", Action: "sns:Publish", NotResource: "arn:aws:sns:*:*:*" }]);
  });
});

describe("synthesis", () => {
  it("raises no CDK warnings or errors", () => {
    const annotations = Annotations.fromStack(stack);
    expect(annotations.findWarning("*", Match.anyValue())).toEqual([]);
    expect(annotations.findError("*", Match.anyValue())).toEqual([]);
  });
});

describe("http api", () => {
  it("sends every path and method under /api to the function", () => {
    template.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
    template.hasResourceProperties("AWS::ApiGatewayV2::Api", { ProtocolType: "HTTP" });
    const routes = Object.values(template.findResources("AWS::ApiGatewayV2::Route")).map((route) => route.Properties.RouteKey);
    expect(routes.sort()).toEqual(["ANY /api", "ANY /api/{proxy+}"]);
    const { logicalId } = apiFunction();
    template.hasResourceProperties("AWS::ApiGatewayV2::Integration", {
      IntegrationType: "AWS_PROXY",
      PayloadFormatVersion: "2.0",
      IntegrationUri: { "Fn::GetAtt": [logicalId, "Arn"] },
    });
  });

  it("answers no CORS preflight: the portal calls it on its own origin", () => {
    const [api] = Object.values(template.findResources("AWS::ApiGatewayV2::Api"));
    expect(api.Properties).not.toHaveProperty("CorsConfiguration");
  });

  it("throttles every route of its one stage and writes a JSON access log", () => {
    template.resourceCountIs("AWS::ApiGatewayV2::Stage", 1);
    const [stage] = Object.values(template.findResources("AWS::ApiGatewayV2::Stage"));
    expect(stage.Properties).toMatchObject({
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      AccessLogSettings: { DestinationArn: { "Fn::GetAtt": [expect.stringMatching(/^ApiAccessLogs/), "Arn"] } },
    });
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
    expect(format).toEqual(AccessLogFields);
    expect(format).toMatchObject({ requestId: "$context.requestId", status: "$context.status", path: "$context.path" });
  });
});

describe("monitoring", () => {
  const alarms = () => Object.values(template.findResources("AWS::CloudWatch::Alarm")).map((alarm) => alarm.Properties);
  const alarm = (name: string) => {
    const found = alarms().find((properties) => properties.AlarmName === name);
    expect(found, name).toBeDefined();
    return found;
  };

  it("has exactly the alarms: API 5xx rate, function errors and throttles, DynamoDB throttling, each notifying the alarm topic", () => {
    expect(
      alarms()
        .map((properties) => properties.AlarmName)
        .sort(),
    ).toEqual([
      "wangge-prod-Api5xxRate",
      "wangge-prod-ApiFunctionErrors",
      "wangge-prod-ApiFunctionThrottles",
      "wangge-prod-TableThrottles",
    ]);
    const topic = only("AWS::SNS::Topic");
    for (const properties of alarms()) {
      expect(properties.AlarmActions).toEqual([{ Ref: topic }]);
      expect(properties.TreatMissingData).toBe("notBreaching");
      expect(properties.ComparisonOperator).toBe("GreaterThanOrEqualToThreshold");
    }
    template.hasResourceProperties("AWS::SNS::Subscription", { Protocol: "email", Endpoint: "ops@example.cn" });
  });

  it("alarms when 5% of at least 20 requests in five minutes answer 5xx, twice in three periods", () => {
    const rate = alarm("wangge-prod-Api5xxRate");
    expect(rate).toMatchObject({ Threshold: 5, EvaluationPeriods: 3, DatapointsToAlarm: 2 });
    const expression = rate.Metrics.find((metric: { Expression?: string }) => metric.Expression);
    expect(expression.Expression).toBe("IF(requests >= 20, 100 * FILL(errors, 0) / requests, 0)");
    const names = rate.Metrics.filter((metric: { MetricStat?: unknown }) => metric.MetricStat).map(
      (metric: { Id: string; MetricStat: { Metric: { MetricName: string; Namespace: string } } }) =>
        `${metric.Id}=${metric.MetricStat.Metric.Namespace}/${metric.MetricStat.Metric.MetricName}`,
    );
    expect(names.sort()).toEqual(["errors=AWS/ApiGateway/5xx", "requests=AWS/ApiGateway/Count"]);
  });

  it("alarms on 3 failed invocations or any throttled one of the function in five minutes", () => {
    const { logicalId } = apiFunction();
    expect(alarm("wangge-prod-ApiFunctionErrors")).toMatchObject({
      Namespace: "AWS/Lambda",
      MetricName: "Errors",
      Dimensions: [{ Name: "FunctionName", Value: { Ref: logicalId } }],
      Statistic: "Sum",
      Period: 300,
      Threshold: 3,
    });
    expect(alarm("wangge-prod-ApiFunctionThrottles")).toMatchObject({
      Namespace: "AWS/Lambda",
      MetricName: "Throttles",
      Dimensions: [{ Name: "FunctionName", Value: { Ref: logicalId } }],
      Threshold: 1,
    });
  });

  it("alarms on any throttled read or write of the table or one of its three indexes", () => {
    const throttles = alarm("wangge-prod-TableThrottles");
    expect(throttles.Threshold).toBe(1);
    const stats = throttles.Metrics.filter((metric: { MetricStat?: unknown }) => metric.MetricStat);
    expect(stats).toHaveLength(8);
    const seen = stats.map(
      (metric: { MetricStat: { Metric: { MetricName: string; Dimensions: { Name: string; Value: unknown }[] } } }) =>
        `${metric.MetricStat.Metric.MetricName}:${metric.MetricStat.Metric.Dimensions.find((d) => d.Name === "GlobalSecondaryIndexName")?.Value ?? "table"}`,
    );
    expect(seen.sort()).toEqual(
      ["table", "gsi1", "gsi2", "gsi3"].flatMap((index) => [`ReadThrottleEvents:${index}`, `WriteThrottleEvents:${index}`]).sort(),
    );
    expect(throttles.Metrics.find((metric: { Expression?: string }) => metric.Expression).Expression).toMatch(/^SUM\(\[/);
  });

  it("draws a dashboard with the alarms, the API, the table and the function, and its recent errors", () => {
    const [dashboard] = Object.values(template.findResources("AWS::CloudWatch::Dashboard"));
    expect(dashboard.Properties.DashboardName).toBe("wangge-prod");
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const title of ["Alarms (prod)", "API requests", "API latency (ms)", "DynamoDB capacity and throttles", "API: recent errors"]) {
      expect(body).toContain(title);
    }
  });
});
