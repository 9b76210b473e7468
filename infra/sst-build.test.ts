import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The real `sst build` of sst.config.ts, offline: scripts/sst-build.ts answers SST's AWS calls
 * locally. This is what proves the SST app (stacks, cross-stack references, bundling) builds.
 */
type CfnTemplate = {
  Resources: Record<string, { Type: string; Properties?: Record<string, any> }>;
  Outputs?: Record<string, unknown>;
};

const root = path.resolve(import.meta.dirname, "..");
const outDir = mkdtempSync(path.join(tmpdir(), "wangge-sst-dist-"));
let result: { code: number; output: string };
const templates: Record<string, CfnTemplate> = {};

beforeAll(async () => {
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const args = ["scripts/sst-build.ts", "--stage", "ci", "--to", outDir, "--timeout", "150"];
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, args, {
      cwd: root,
      timeout: 170_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    result = { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    result = { code: failed.code ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
  for (const file of readdirSync(outDir).filter((name) => name.endsWith(".template.json"))) {
    templates[file.replace(/\.template\.json$/, "")] = JSON.parse(readFileSync(path.join(outDir, file), "utf8"));
  }
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const resourcesOfType = (type: string) =>
  Object.values(templates).flatMap((template) => Object.values(template.Resources).filter((resource) => resource.Type === type));

describe("sst build", () => {
  it("builds the app offline and exits 0", () => {
    expect(result.output).toContain("GetCallerIdentity -> 200");
    expect(result.output).toContain("DescribeStacks SSTBootstrap -> 200");
    expect(result.code, result.output).toBe(0);
  });

  it("writes one template per stack, named after the stage", () => {
    expect(Object.keys(templates).sort()).toEqual(["ci-wangge-Api", "ci-wangge-Auth", "ci-wangge-Storage", "ci-wangge-Web"]);
  });

  it("contains the table and the API function on Node.js 24", () => {
    expect(resourcesOfType("AWS::DynamoDB::GlobalTable")).toHaveLength(1);
    const apiFunctions = resourcesOfType("AWS::Lambda::Function").filter(
      (fn) => fn.Properties?.Runtime === "nodejs24.x" && fn.Properties?.Environment?.Variables?.WANGGE_MODE === "aws",
    );
    expect(apiFunctions).toHaveLength(1);
  });

  it("builds the portal itself (no web/dist needed) and deploys it with config.json naming /api", () => {
    const deployments = Object.values(templates["ci-wangge-Web"].Resources).filter(
      (resource) => resource.Type === "Custom::CDKBucketDeployment",
    );
    expect(deployments).toHaveLength(2);
    const keys = deployments.flatMap((deployment) => deployment.Properties?.SourceObjectKeys as string[]);
    const assets = keys.map((key) => path.join(outDir, `asset.${key.replace(/\.zip$/, "")}`));
    expect(assets.some((dir) => existsSync(path.join(dir, "index.html")) && existsSync(path.join(dir, "assets")))).toBe(true);
    const configs = assets.map((dir) => path.join(dir, "config.json")).filter((file) => existsSync(file));
    expect(configs.map((file) => JSON.parse(readFileSync(file, "utf8")))).toEqual([{ apiUrl: "/api" }]);
  });

  it("wires the stacks together: the portal's distribution first, then storage and sign-in from its URL, the API on its HTTP API", () => {
    const api = templates["ci-wangge-Api"].Resources;
    const apiFunction = Object.values(api).find((r) => r.Properties?.Environment?.Variables?.TABLE_NAME);
    expect(apiFunction?.Properties?.Environment.Variables.TABLE_NAME).toHaveProperty("Fn::ImportValue");
    expect(apiFunction?.Properties?.Environment.Variables.JWT_AUDIENCE).toHaveProperty("Fn::ImportValue");
    expect(apiFunction?.Properties?.Environment.Variables.USER_POOL_ID).toHaveProperty("Fn::ImportValue");
    // The routes live with the function, on the Web stack's HTTP API.
    const routes = Object.values(api).filter((r) => r.Type === "AWS::ApiGatewayV2::Route");
    expect(routes.map((route) => route.Properties?.RouteKey).sort()).toEqual(["ANY /api", "ANY /api/{proxy+}"]);
    for (const route of routes) expect(route.Properties?.ApiId).toHaveProperty("Fn::ImportValue");
    // The Web stack imports nothing: it comes first.
    expect(JSON.stringify(templates["ci-wangge-Web"])).not.toContain("Fn::ImportValue");
    // The managed login's callbacks name the portal's own URL (and, on a dev stage, the local portal).
    const [client] = resourcesOfType("AWS::Cognito::UserPoolClient");
    expect(client.Properties?.CallbackURLs).toHaveLength(2);
    expect(JSON.stringify(client.Properties?.CallbackURLs[0])).toContain("Fn::ImportValue");
    expect(client.Properties?.CallbackURLs[1]).toBe("http://localhost:5173/auth/callback");
    expect(client.Properties?.AllowedOAuthFlows).toEqual(["code"]);
  });

  it("shows photos at /photos/* of the portal's origin, from the photo bucket's own host, with nosniff", () => {
    const [distribution] = resourcesOfType("AWS::CloudFront::Distribution");
    const config = distribution.Properties?.DistributionConfig;
    const photos = config.CacheBehaviors.find((behavior: { PathPattern: string }) => behavior.PathPattern === "/photos/*");
    const origin = config.Origins.find((candidate: { Id: string }) => candidate.Id === photos.TargetOriginId);
    // The Web stack comes first, so it names the bucket's host from the name the Storage stack gives the bucket.
    const [bucket] = Object.values(templates["ci-wangge-Storage"].Resources).filter(
      (resource) => resource.Type === "AWS::S3::Bucket" && resource.Properties?.VersioningConfiguration,
    );
    const name = bucket.Properties?.BucketName;
    expect(name).toMatch(/^wangge-ci-photos-\d{12}$/);
    expect(JSON.stringify(origin.DomainName)).toContain(`"${name}.s3.ap-southeast-1."`);
    const headers = resourcesOfType("AWS::CloudFront::ResponseHeadersPolicy").find((policy) =>
      String(policy.Properties?.ResponseHeadersPolicyConfig?.Comment).startsWith("Wangge photos"),
    );
    expect(headers?.Properties?.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentTypeOptions).toEqual({ Override: true });
    // The API re-points its presigned links there.
    const api = templates["ci-wangge-Api"].Resources;
    const apiFunction = Object.values(api).find((r) => r.Properties?.Environment?.Variables?.TABLE_NAME);
    expect(JSON.stringify(apiFunction?.Properties?.Environment.Variables.PHOTO_ORIGIN)).toContain("Fn::ImportValue");
  });

  it("outputs what operators and the portal need, and where the logs are", () => {
    const outputs = Object.values(templates).flatMap((template) => Object.keys(template.Outputs ?? {}));
    expect(outputs).toEqual(
      expect.arrayContaining([
        "ApiUrl",
        "SiteUrl",
        "UserPoolId",
        "UserPoolClientId",
        "LoginUrl",
        "TableName",
        "BucketName",
        "ApiLogGroup",
        "WorkerLogGroup",
        "JobsDeadLetterQueueUrl",
        "ApiAccessLogGroup",
        "AlarmTopicArn",
        "Dashboard",
      ]),
    );
  });

  it("declares the alarms and the dashboard", () => {
    expect(
      resourcesOfType("AWS::CloudWatch::Alarm")
        .map((alarm) => alarm.Properties?.AlarmName)
        .sort(),
    ).toEqual([
      "wangge-ci-Api5xxRate",
      "wangge-ci-ApiFunctionErrors",
      "wangge-ci-ApiFunctionThrottles",
      "wangge-ci-JobsDeadLetters",
      "wangge-ci-TableThrottles",
      "wangge-ci-WorkerFunctionErrors",
      "wangge-ci-WorkerFunctionThrottles",
    ]);
    expect(resourcesOfType("AWS::CloudWatch::Dashboard")).toHaveLength(1);
  });
});
