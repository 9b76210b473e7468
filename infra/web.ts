import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { AssetHashType, DockerImage, Duration, RemovalPolicy } from "aws-cdk-lib";
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  Function as EdgeFunction,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { BlockPublicAccess, Bucket, BucketEncryption } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, CacheControl, type ISource, Source } from "aws-cdk-lib/aws-s3-deployment";
import type { Construct } from "constructs";

export interface WebProps {
  stage: string;
  /**
   * A built portal (a folder holding index.html), deployed as it is. Default: the portal is built
   * from `web/` (`vite build`) while the app synthesises, so one deploy from a clean checkout
   * builds and deploys it.
   */
  source?: string;
  /** Repository root holding `web/`. Default: cwd. */
  root?: string;
  /** The HTTP API's host (`<id>.execute-api.<region>.amazonaws.com`): served at `/api/*` of the portal's own origin. */
  apiDomainName: string;
  /**
   * Origins the portal's scripts may call besides its own (Content-Security-Policy `connect-src`):
   * the OpenID issuer (discovery, keys), its token endpoint's host, the photo bucket's host
   * (presigned uploads).
   */
  connectSources: string[];
  /**
   * The photo bucket's regional host (`<bucket>.s3.<region>.amazonaws.com`): photos are shown at
   * `/photos/*` of the portal's origin (the API's presigned links, re-pointed there: core's
   * ticket/photo.ts `urls()`), so that they carry `X-Content-Type-Options: nosniff`.
   */
  photoBucketDomain?: string;
}

export interface Web {
  bucket: Bucket;
  distribution: Distribution;
  /** `https://<id>.cloudfront.net` */
  url: string;
  /** The portal's Content-Security-Policy. */
  contentSecurityPolicy: string;
}

/** Files that name the current build: served fresh on every visit, never cached for long. */
const ENTRY_FILES = ["index.html", "config.json"];

/** Where the portal reaches the API: the same origin, `/api` (packages/api/src/lambda.ts). */
export const ApiPath = "/api";

/** Where photos are shown: the same origin, `/photos` (the bucket's prefix of kept photos). */
export const PhotoPath = "/photos";

/**
 * The SPA fallback, at the edge on the portal's behaviour only (a CloudFront Function on viewer
 * requests): a path whose last segment has no file extension is a client-side route
 * (`/tickets/123`, `/auth/callback`) and gets index.html. Files (`/assets/x.js`, `/config.json`)
 * pass through, and the API's own 403/404 reach the portal unchanged.
 */
export const SpaFallbackCode = `function handler(event) {
  var request = event.request;
  var last = request.uri.split("/").pop();
  if (last.indexOf(".") === -1) request.uri = "/index.html";
  return request;
}
`;

/** The header the API reads a caller's address from behind CloudFront (its rate limits count per address). */
export const ViewerAddressHeader = "x-viewer-address";

/**
 * On the API's behaviour: the viewer's address, as CloudFront saw it, in `x-viewer-address`
 * (overwriting whatever the caller sent), since API Gateway sees only CloudFront's own address.
 */
export const ViewerAddressCode = `function handler(event) {
  var request = event.request;
  request.headers["x-viewer-address"] = { value: event.viewer.ip };
  return request;
}
`;

/**
 * What the portal may load. Scripts only its own; styles its own plus inline style attributes
 * (Leaflet and the charts position elements with them); images from anywhere over HTTPS (each
 * district names its own map tile server; photos are presigned S3 URLs) and data:/blob: (photo
 * previews); calls to its own origin (the API at /api, config.json) and `connectSources`; never
 * framed, no plugins, forms and <base> only to itself.
 */
export function contentSecurityPolicy(connectSources: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...connectSources].join(" ")}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * The portal: a private bucket read by CloudFront through Origin Access Control, with the API
 * behind the same distribution at `/api/*` (no caching, every method, the caller's headers
 * but Host, and query strings): one origin, so the portal needs no CORS and finds the API at
 * `/api` (`/config.json` says so too).
 */
export function createWeb(scope: Construct, props: WebProps): Web {
  const bucket = new Bucket(scope, "PortalBucket", {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    // The portal can be rebuilt from git at any time: nothing here needs retaining.
    removalPolicy: RemovalPolicy.DESTROY,
    autoDeleteObjects: true,
  });

  const spaFallback = new EdgeFunction(scope, "PortalRoutes", {
    comment: "Client-side routes get index.html",
    runtime: FunctionRuntime.JS_2_0,
    code: FunctionCode.fromInline(SpaFallbackCode),
  });

  const viewerAddress = new EdgeFunction(scope, "ApiViewerAddress", {
    comment: "The caller's address for the API's rate limits",
    runtime: FunctionRuntime.JS_2_0,
    code: FunctionCode.fromInline(ViewerAddressCode),
  });

  const csp = contentSecurityPolicy(props.connectSources);
  const headers = new ResponseHeadersPolicy(scope, "PortalHeaders", {
    comment: `Wangge portal (${props.stage}): security headers and CSP`,
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
    },
  });

  // Photos: S3 checks the presigned link's signature (its host is the bucket's regional host,
  // which CloudFront sends as Host); CloudFront adds nosniff and caches nothing.
  const photoBehaviors: Record<string, BehaviorOptions> = props.photoBucketDomain
    ? {
        [`${PhotoPath}/*`]: {
          origin: new HttpOrigin(props.photoBucketDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: new OriginRequestPolicy(scope, "PhotoRequests", {
            comment: `Wangge photos (${props.stage}): the presigned query, nothing else`,
            queryStringBehavior: OriginRequestQueryStringBehavior.all(),
          }),
          responseHeadersPolicy: new ResponseHeadersPolicy(scope, "PhotoHeaders", {
            comment: `Wangge photos (${props.stage}): never sniffed, never framed`,
            securityHeadersBehavior: {
              contentTypeOptions: { override: true },
              frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
              referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
            },
          }),
        },
      }
    : {};

  const distribution = new Distribution(scope, "PortalDistribution", {
    comment: `Wangge portal (${props.stage})`,
    defaultRootObject: "index.html",
    httpVersion: HttpVersion.HTTP2_AND_3,
    defaultBehavior: {
      origin: S3BucketOrigin.withOriginAccessControl(bucket),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: headers,
      compress: true,
      functionAssociations: [{ function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }],
    },
    additionalBehaviors: {
      [`${ApiPath}/*`]: {
        origin: new HttpOrigin(props.apiDomainName, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        // Nothing cached; with caching disabled, this policy also passes Authorization on.
        cachePolicy: CachePolicy.CACHING_DISABLED,
        // API Gateway answers only to its own Host.
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        functionAssociations: [{ function: viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      ...photoBehaviors,
    },
  });

  const site = portalSource(props);

  // Hashed bundles first, cached for a year. Not pruned: a browser still holding the previous
  // index.html keeps loading its chunks while the new version rolls out.
  const assets = new BucketDeployment(scope, "PortalAssets", {
    sources: [site],
    destinationBucket: bucket,
    exclude: ENTRY_FILES,
    prune: false,
    cacheControl: [CacheControl.fromString("public, max-age=31536000, immutable")],
    memoryLimit: 512,
  });

  // Then the entry points, revalidated on every load, and the CDN cache invalidated.
  const entry = new BucketDeployment(scope, "PortalEntry", {
    sources: [site, Source.jsonData("config.json", { apiUrl: ApiPath })],
    destinationBucket: bucket,
    exclude: ["*"],
    include: ENTRY_FILES,
    prune: false,
    cacheControl: [CacheControl.fromString("no-cache")],
    distribution,
    distributionPaths: ["/*"],
    memoryLimit: 512,
  });
  entry.node.addDependency(assets);

  return { bucket, distribution, url: `https://${distribution.distributionDomainName}`, contentSecurityPolicy: csp };
}

/** The built portal given, or `web/` built by `vite build` while synthesising (hashed by its output). */
function portalSource(props: WebProps): ISource {
  if (props.source) {
    if (!fs.existsSync(path.join(props.source, "index.html"))) {
      throw new Error(`${path.join(props.source, "index.html")} is missing: give a built portal, or no source to build web/.`);
    }
    return Source.asset(props.source);
  }
  const webDir = path.join(props.root ?? process.cwd(), "web");
  return Source.asset(webDir, {
    // The bundle decides the hash: the portal also imports pure modules from packages/core.
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never used: the local build below either succeeds or fails the synthesis.
      image: DockerImage.fromRegistry("public.ecr.aws/docker/library/node:22"),
      local: {
        tryBundle(outputDir: string) {
          buildPortal(webDir, outputDir);
          return true;
        },
      },
    },
  });
}

/** `vite build` of the portal into `outDir`; throws with vite's output if it fails. */
export function buildPortal(webDir: string, outDir: string) {
  const vite = path.join(path.dirname(createRequire(path.join(webDir, "package.json")).resolve("vite/package.json")), "bin", "vite.js");
  const result = spawnSync(process.execPath, [vite, "build", "--outDir", outDir, "--emptyOutDir"], {
    cwd: webDir,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) {
    throw new Error(`The portal did not build (vite build in ${webDir}):\n${result.stdout}\n${result.stderr}`);
  }
  if (!fs.existsSync(path.join(outDir, "index.html"))) throw new Error(`vite build wrote no index.html to ${outDir}`);
}
