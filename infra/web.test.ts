import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { App, CfnOutput, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy, createWeb, SpaFallbackCode, ViewerAddressCode, ViewerAddressHeader } from "./web.ts";

const API_DOMAIN = "abc123.execute-api.ap-southeast-1.amazonaws.com";
const CONNECT = [
  "https://cognito-idp.ap-southeast-1.amazonaws.com",
  "https://wangge-prod-123456789012.auth.ap-southeast-1.amazoncognito.com",
  "https://*.s3.ap-southeast-1.amazonaws.com",
];
/** AWS's managed CloudFront policies. */
const CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
const CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
const ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

const PHOTO_DOMAIN = "wangge-prod-photos-123456789012.s3.ap-southeast-1.amazonaws.com";
const temporary: string[] = [];
let outdir: string;
let template: Template;

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** A stand-in for a built portal: an index.html. */
function builtPortal(): string {
  const dir = tempDir("wangge-portal-");
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Wangge</title>\n");
  return dir;
}

beforeAll(() => {
  outdir = tempDir("wangge-cdk-");
  const app = new App({ outdir });
  const stack = new Stack(app, "Web", { env: { account: "123456789012", region: "ap-southeast-1" } });
  const web = createWeb(stack, {
    stage: "prod",
    source: builtPortal(),
    apiDomainName: API_DOMAIN,
    connectSources: CONNECT,
    photoBucketDomain: PHOTO_DOMAIN,
  });
  new CfnOutput(stack, "SiteUrl", { value: web.url });
  template = Template.fromStack(stack);
});
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function distributionConfig() {
  const distributions = Object.values(template.findResources("AWS::CloudFront::Distribution"));
  expect(distributions).toHaveLength(1);
  return distributions[0].Properties.DistributionConfig;
}

describe("photos", () => {
  it("are shown at /photos/* from the photo bucket's host: GET and HEAD, the presigned query passed on, nothing cached, never sniffed", async () => {
    const config = distributionConfig();
    const photos = config.CacheBehaviors.find((behavior: { PathPattern: string }) => behavior.PathPattern === "/photos/*");
    expect(photos).toMatchObject({ ViewerProtocolPolicy: "https-only", AllowedMethods: ["GET", "HEAD"], CachePolicyId: CACHING_DISABLED });
    const origin = config.Origins.find((candidate: { Id: string }) => candidate.Id === photos.TargetOriginId);
    expect(origin).toMatchObject({ DomainName: PHOTO_DOMAIN, CustomOriginConfig: { OriginProtocolPolicy: "https-only" } });
    template.hasResourceProperties("AWS::CloudFront::OriginRequestPolicy", {
      OriginRequestPolicyConfig: Match.objectLike({
        QueryStringsConfig: { QueryStringBehavior: "all" },
        HeadersConfig: { HeaderBehavior: "none" },
        CookiesConfig: { CookieBehavior: "none" },
      }),
    });
    // The API signs links for exactly that host, which CloudFront sends to S3 as Host: the signature holds.
    Object.assign(process.env, {
      BUCKET_NAME: "wangge-prod-photos-123456789012",
      AWS_REGION: "ap-southeast-1",
      AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "example",
    });
    const { urls } = await import("../packages/core/src/ticket/photo.ts");
    const [link] = await urls(["photos/jianyang/t/p.jpg"]);
    expect(new URL(link).host).toBe(PHOTO_DOMAIN);
    expect(new URL(link).pathname).toBe("/photos/jianyang/t/p.jpg");
    template.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", {
      ResponseHeadersPolicyConfig: Match.objectLike({
        Comment: Match.stringLikeRegexp("^Wangge photos"),
        SecurityHeadersConfig: Match.objectLike({ ContentTypeOptions: { Override: true } }),
      }),
    });
  });
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
    const s3Origin = distributionConfig().Origins.find((origin: { S3OriginConfig?: unknown }) => origin.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toEqual({ "Fn::GetAtt": [expect.stringMatching(/OriginAccessControl/), "Id"] });
  });

  it("serves client-side routes index.html from a CloudFront Function on the portal's behaviour only, with no distribution-wide error pages", () => {
    const config = distributionConfig();
    expect(config.DefaultRootObject).toBe("index.html");
    expect(config).not.toHaveProperty("CustomErrorResponses");
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: "redirect-to-https",
      CachePolicyId: CACHING_OPTIMIZED,
      FunctionAssociations: [
        { EventType: "viewer-request", FunctionARN: { "Fn::GetAtt": [expect.stringMatching(/^PortalRoutes/), "FunctionARN"] } },
      ],
    });
    template.resourceCountIs("AWS::CloudFront::Function", 2);
    template.hasResourceProperties("AWS::CloudFront::Function", {
      AutoPublish: true,
      FunctionCode: SpaFallbackCode,
      FunctionConfig: Match.objectLike({ Runtime: "cloudfront-js-2.0" }),
    });
    // The API's behaviour runs only the function that names the caller's address (the photos' none).
    const api = config.CacheBehaviors.find((behaviour: { PathPattern: string }) => behaviour.PathPattern === "/api/*");
    const photos = config.CacheBehaviors.find((behaviour: { PathPattern: string }) => behaviour.PathPattern === "/photos/*");
    expect(photos).not.toHaveProperty("FunctionAssociations");
    for (const behaviour of [api])
      expect(behaviour.FunctionAssociations).toEqual([
        { EventType: "viewer-request", FunctionARN: { "Fn::GetAtt": [expect.stringMatching(/^ApiViewerAddress/), "FunctionARN"] } },
      ]);
  });

  it("tells the API the viewer's address in x-viewer-address, overwriting what the caller sent", () => {
    template.hasResourceProperties("AWS::CloudFront::Function", { FunctionCode: ViewerAddressCode });
    const handler = new Function(`${ViewerAddressCode}; return handler;`)() as (event: unknown) => {
      headers: Record<string, { value: string }>;
    };
    const request = handler({
      viewer: { ip: "198.51.100.7" },
      request: { uri: "/api/x", headers: { "x-viewer-address": { value: "1.2.3.4" } } },
    });
    expect(request.headers[ViewerAddressHeader]).toEqual({ value: "198.51.100.7" });
  });

  it("rewrites paths without a file extension to /index.html and leaves files alone", () => {
    const handler = new Function(`${SpaFallbackCode}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };
    const served = (uri: string) => handler({ request: { uri } }).uri;
    expect(served("/")).toBe("/index.html");
    expect(served("/tickets/01JABC")).toBe("/index.html");
    expect(served("/auth/callback")).toBe("/index.html");
    expect(served("/assets/index-3f9a.js")).toBe("/assets/index-3f9a.js");
    expect(served("/config.json")).toBe("/config.json");
    expect(served("/favicon.svg")).toBe("/favicon.svg");
  });

  it("serves the API at /api/* of the same origin: every method, nothing cached, the caller's headers but Host, and query strings", () => {
    const config = distributionConfig();
    expect(config.CacheBehaviors.map((behaviour: { PathPattern: string }) => behaviour.PathPattern)).toEqual(["/api/*", "/photos/*"]);
    const [api] = config.CacheBehaviors;
    expect(api).toMatchObject({
      PathPattern: "/api/*",
      ViewerProtocolPolicy: "https-only",
      AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
    });
    // The portal's headers (its CSP) are the portal's: the API's replies pass as they are.
    expect(api).not.toHaveProperty("ResponseHeadersPolicyId");
    const origin = config.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    expect(origin).toMatchObject({
      DomainName: API_DOMAIN,
      CustomOriginConfig: { OriginProtocolPolicy: "https-only" },
    });
  });

  it("needs no CORS: nothing on the distribution adds CORS headers", () => {
    const policies = Object.values(template.findResources("AWS::CloudFront::ResponseHeadersPolicy"));
    expect(policies).toHaveLength(2);
    for (const policy of policies) expect(policy.Properties.ResponseHeadersPolicyConfig).not.toHaveProperty("CorsConfig");
  });

  it("sends a Content-Security-Policy and the security headers with the portal", () => {
    const csp =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; font-src 'self' data:; " +
      "connect-src 'self' https://cognito-idp.ap-southeast-1.amazonaws.com https://wangge-prod-123456789012.auth.ap-southeast-1.amazoncognito.com https://*.s3.ap-southeast-1.amazonaws.com; " +
      "worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    expect(contentSecurityPolicy(CONNECT)).toBe(csp);
    template.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: csp, Override: true },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: "DENY", Override: true },
          ReferrerPolicy: { ReferrerPolicy: "strict-origin-when-cross-origin", Override: true },
          StrictTransportSecurity: { AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true, Override: true },
        },
      }),
    });
    expect(distributionConfig().DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: expect.stringMatching(/^PortalHeaders/) });
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

  it("deploys config.json naming the API at /api of the portal's own origin", () => {
    const [entry] = Object.values(template.findResources("Custom::CDKBucketDeployment")).filter((resource) => resource.Properties.Include);
    const configs = (entry.Properties.SourceObjectKeys as string[])
      .map((key) => path.join(outdir, `asset.${key.replace(/\.zip$/, "")}`, "config.json"))
      .filter((file) => existsSync(file));
    expect(configs).toHaveLength(1);
    expect(JSON.parse(readFileSync(configs[0], "utf8"))).toEqual({ apiUrl: "/api" });
  });

  it("outputs the site URL", () => {
    template.hasOutput("SiteUrl", {
      Value: {
        "Fn::Join": ["", ["https://", { "Fn::GetAtt": [Match.stringLikeRegexp("^PortalDistribution"), "DomainName"] }]],
      },
    });
  });

  it("refuses a given portal folder without index.html", () => {
    const stack = new Stack(new App({ outdir: tempDir("wangge-cdk-") }), "Unbuilt");
    expect(() =>
      createWeb(stack, { stage: "dev", source: tempDir("wangge-empty-"), apiDomainName: API_DOMAIN, connectSources: [] }),
    ).toThrow(/index\.html is missing/);
  });

  it("builds the portal from web/ while synthesising when no built portal is given (one deploy from a clean checkout)", () => {
    const cdkOut = tempDir("wangge-cdk-");
    const stack = new Stack(new App({ outdir: cdkOut }), "Clean", { env: { account: "123456789012", region: "ap-southeast-1" } });
    createWeb(stack, { stage: "dev", apiDomainName: API_DOMAIN, connectSources: [] });
    const built = readdirSync(cdkOut)
      .filter((name) => name.startsWith("asset."))
      .map((name) => path.join(cdkOut, name))
      .filter((dir) => existsSync(path.join(dir, "index.html")) && existsSync(path.join(dir, "assets")));
    expect(built).toHaveLength(1);
    expect(readFileSync(path.join(built[0], "index.html"), "utf8")).toMatch(/<script type="module"[^>]*src="\/assets\/[^"]+\.js"/);
  });
});
