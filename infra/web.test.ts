import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { App, CfnOutput, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWeb } from "./web.ts";

const API_URL = "https://abc123.execute-api.ap-southeast-1.amazonaws.com";
const SIGN_IN = {
  issuer: "https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_abc",
  clientId: "portalclient123",
  scopes: ["openid", "phone", "email", "profile"],
};
const temporary: string[] = [];
let outdir: string;
let template: Template;

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** The built portal if someone built it, else a stand-in folder with an index.html. */
function portalSource(): string {
  const built = path.resolve("web/dist");
  if (existsSync(path.join(built, "index.html"))) return built;
  const dir = tempDir("wangge-portal-");
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Wangge</title>\n");
  return dir;
}

beforeAll(() => {
  outdir = tempDir("wangge-cdk-");
  const app = new App({ outdir });
  const stack = new Stack(app, "Web", { env: { account: "123456789012", region: "ap-southeast-1" } });
  const web = createWeb(stack, { stage: "prod", source: portalSource(), apiUrl: API_URL, signIn: SIGN_IN });
  new CfnOutput(stack, "SiteUrl", { value: web.url });
  template = Template.fromStack(stack);
});
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe("portal", () => {
  it("keeps the files in a private, TLS-only bucket", () => {
    template.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: "Deny",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          }),
        ]),
      },
    });
  });

  it("lets only this CloudFront distribution read the bucket, through Origin Access Control", () => {
    template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
    template.hasResourceProperties("AWS::CloudFront::OriginAccessControl", {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: "s3",
        SigningBehavior: "always",
        SigningProtocol: "sigv4",
      }),
    });
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: "Allow",
            Action: "s3:GetObject",
            Principal: { Service: "cloudfront.amazonaws.com" },
            Condition: {
              StringEquals: { "AWS:SourceArn": Match.anyValue() },
            },
          }),
        ]),
      },
    });
    template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        Origins: [
          Match.objectLike({
            OriginAccessControlId: { "Fn::GetAtt": [Match.stringLikeRegexp("OriginAccessControl"), "Id"] },
          }),
        ],
      }),
    });
  });

  it("serves index.html for the root and for client-side routes, over HTTPS only", () => {
    template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: "index.html",
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: "redirect-to-https" }),
        CustomErrorResponses: [
          { ErrorCode: 403, ResponseCode: 200, ResponsePagePath: "/index.html", ErrorCachingMinTTL: 0 },
          { ErrorCode: 404, ResponseCode: 200, ResponsePagePath: "/index.html", ErrorCachingMinTTL: 0 },
        ],
      }),
    });
  });

  it("deploys hashed assets for a year and the entry files fresh, then invalidates the CDN", () => {
    const deployments = template.findResources("Custom::CDKBucketDeployment");
    expect(Object.keys(deployments)).toHaveLength(2);
    template.hasResourceProperties("Custom::CDKBucketDeployment", {
      Exclude: ["index.html", "config.json"],
      Prune: false,
      SystemMetadata: { "cache-control": "public, max-age=31536000, immutable" },
    });
    template.hasResource("Custom::CDKBucketDeployment", {
      Properties: Match.objectLike({
        Exclude: ["*"],
        Include: ["index.html", "config.json"],
        SystemMetadata: { "cache-control": "no-cache" },
        DistributionId: { Ref: Match.stringLikeRegexp("^PortalDistribution") },
        DistributionPaths: ["/*"],
      }),
      // The new index.html goes live only once the chunks it names are uploaded.
      DependsOn: Match.arrayWith([Match.stringLikeRegexp("^PortalAssetsCustomResource")]),
    });
  });

  it("deploys config.json naming the API and how to sign in (issuer, client, scopes) next to the portal", () => {
    const [entry] = Object.values(template.findResources("Custom::CDKBucketDeployment")).filter((resource) => resource.Properties.Include);
    const configs = (entry.Properties.SourceObjectKeys as string[])
      .map((key) => path.join(outdir, `asset.${key.replace(/\.zip$/, "")}`, "config.json"))
      .filter((file) => existsSync(file));
    expect(configs).toHaveLength(1);
    expect(JSON.parse(readFileSync(configs[0], "utf8"))).toEqual({ apiUrl: API_URL, signIn: SIGN_IN });
  });

  it("outputs the site URL", () => {
    template.hasOutput("SiteUrl", {
      Value: {
        "Fn::Join": ["", ["https://", { "Fn::GetAtt": [Match.stringLikeRegexp("^PortalDistribution"), "DomainName"] }]],
      },
    });
  });

  it("refuses to deploy a portal that was not built", () => {
    const app = new App({ outdir: tempDir("wangge-cdk-") });
    const stack = new Stack(app, "Unbuilt");
    expect(() => createWeb(stack, { stage: "dev", source: tempDir("wangge-empty-"), apiUrl: API_URL })).toThrow(/npm run build:web/);
  });
});
