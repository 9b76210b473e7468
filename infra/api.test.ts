import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { gzipSync } from "node:zlib";
import { App, CfnOutput, Stack } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "./api.ts";
import { CognitoAdminActions } from "../packages/core/src/identity/cognito.ts";
import { createAuth } from "./auth.ts";
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
  const { table, bucket } = createStorage(stack, { stage: "prod", portalOrigins: [PORTAL] });
  const auth = createAuth(stack, { stage: "prod", portalUrls: [PORTAL] });
  const api = createApi(stack, { stage: "prod", table, bucket, auth, portalOrigins: [PORTAL] });
  new CfnOutput(stack, "ApiUrl", { value: api.url });
  template = Template.fromStack(stack);
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

function apiFunction() {
  const functions = template.findResources("AWS::Lambda::Function", {
    Properties: { Handler: "index.handler", Runtime: "nodejs20.x" },
  });
  expect(Object.keys(functions)).toHaveLength(1);
  const [[logicalId, resource]] = Object.entries(functions);
  return { logicalId, resource };
}

describe("api function", () => {
  it("runs packages/api/src/lambda.ts on Node.js 20, ARM, 1 GB, within API Gateway's 30 s", () => {
    template.hasResourceProperties("AWS::Lambda::Function", {
      Handler: "index.handler",
      Runtime: "nodejs20.x",
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
          CORS_ORIGINS: PORTAL,
          NODE_OPTIONS: "--enable-source-maps",
        },
      },
    });
  });

  it("is bundled as minified ESM with source maps, require() defined and the AWS SDK left out", () => {
    const { resource } = apiFunction();
    // The code asset is staged in the cloud assembly as asset.<hash>/ and uploaded as <hash>.zip.
    const assetHash = String(resource.Properties.Code.S3Key).replace(/\.zip$/, "");
    const bundle = path.join(outdir, `asset.${assetHash}`, "index.mjs");
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(`${bundle}.map`)).toBe(true);
    const code = readFileSync(bundle, "utf8");
    expect(code.startsWith("import { createRequire } from 'module'; const require = createRequire(import.meta.url);")).toBe(true);
    expect(code).toMatch(/export\s*\{[^}]*\bas handler\b|export\s*\{\s*handler\s*\}/);
    // Minified: long lines (only template literals keep their line breaks).
    expect(code.length / code.split("\n").length).toBeGreaterThan(2000);
    // The SDK comes from the Lambda runtime: imported, not bundled.
    expect(code).toMatch(/from\s*"@aws-sdk\/client-dynamodb"/);
    const bytes = statSync(bundle).size;
    console.info(`lambda bundle: ${(bytes / 1024).toFixed(0)} KB, gzip ${(gzipSync(code).length / 1024).toFixed(0)} KB`);
  });

  it("may read and write the table and its indexes, and the photo bucket", () => {
    const { resource } = apiFunction();
    const role = resource.Properties.Role["Fn::GetAtt"][0];
    const statements = Object.values(template.findResources("AWS::IAM::Policy", { Properties: { Roles: [{ Ref: role }] } })).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement,
    );
    /** Actions allowed on a resource, whatever statement grants them. */
    const allowed = (arn: object) =>
      statements
        .filter((statement) => statement.Effect === "Allow")
        .filter((statement) => [statement.Resource].flat().some((r: unknown) => isDeepStrictEqual(r, arn)))
        .flatMap((statement) => [statement.Action].flat());
    const logicalId = (type: string) => {
      const ids = Object.keys(template.findResources(type));
      expect(ids).toHaveLength(1);
      return ids[0];
    };

    const tableArn = { "Fn::GetAtt": [logicalId("AWS::DynamoDB::GlobalTable"), "Arn"] };
    const indexArns = { "Fn::Join": ["", [tableArn, "/index/*"]] };
    const dataActions = ["GetItem", "Query", "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "ConditionCheckItem"];
    expect(allowed(tableArn)).toEqual(expect.arrayContaining(dataActions.map((a) => `dynamodb:${a}`)));
    expect(allowed(indexArns)).toEqual(expect.arrayContaining(["dynamodb:Query"]));

    const bucketArn = { "Fn::GetAtt": [logicalId("AWS::S3::Bucket"), "Arn"] };
    const objectArns = { "Fn::Join": ["", [bucketArn, "/*"]] };
    expect(allowed(objectArns)).toEqual(expect.arrayContaining(["s3:GetObject*", "s3:PutObject", "s3:DeleteObject*"]));
    expect(allowed(bucketArn)).toEqual(expect.arrayContaining(["s3:List*"]));
  });

  it("may call exactly the Cognito admin actions of the identity directory, on its own user pool only", () => {
    const { resource } = apiFunction();
    const role = resource.Properties.Role["Fn::GetAtt"][0];
    const statements = Object.values(template.findResources("AWS::IAM::Policy", { Properties: { Roles: [{ Ref: role }] } })).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement,
    );
    const cognito = statements.filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith("cognito-idp:")));
    expect(cognito).toHaveLength(1);
    expect([cognito[0].Action].flat().sort()).toEqual([...CognitoAdminActions].sort());
    expect(cognito[0].Resource).toEqual({ "Fn::GetAtt": [expect.stringMatching(/^UserPool[0-9A-F]+$/), "Arn"] });
    expect([cognito[0].Action].flat()).toContain("cognito-idp:AdminUserGlobalSignOut");
  });

  it("may send SMS (one-time codes) and publish to no SNS topic", () => {
    const { resource } = apiFunction();
    const role = resource.Properties.Role["Fn::GetAtt"][0];
    const statements = Object.values(template.findResources("AWS::IAM::Policy", { Properties: { Roles: [{ Ref: role }] } })).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement,
    );
    const sns = statements.filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith("sns:")));
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
  it("sends every path and method to the function", () => {
    template.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
    template.hasResourceProperties("AWS::ApiGatewayV2::Api", { ProtocolType: "HTTP" });
    template.hasResourceProperties("AWS::ApiGatewayV2::Route", { RouteKey: "ANY /{proxy+}" });
    template.hasResourceProperties("AWS::ApiGatewayV2::Route", { RouteKey: "ANY /" });
    const { logicalId } = apiFunction();
    template.hasResourceProperties("AWS::ApiGatewayV2::Integration", {
      IntegrationType: "AWS_PROXY",
      PayloadFormatVersion: "2.0",
      IntegrationUri: { "Fn::GetAtt": [logicalId, "Arn"] },
    });
    template.hasResourceProperties("AWS::ApiGatewayV2::Stage", { StageName: "$default", AutoDeploy: true });
  });

  it("answers CORS preflights for the portal with the headers the portal sends", () => {
    template.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [PORTAL],
        AllowMethods: ["*"],
        AllowHeaders: ["authorization", "content-type", "idempotency-key"],
      }),
    });
  });

  it("outputs the API URL", () => {
    // ApiEndpoint is https://<api id>.execute-api.<region>.amazonaws.com, no trailing slash.
    template.hasOutput("ApiUrl", {
      Value: { "Fn::GetAtt": [Match.stringLikeRegexp("^HttpApi"), "ApiEndpoint"] },
    });
  });
});
