import fs from "node:fs";
import path from "node:path";
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { CachePolicy, Distribution, HttpVersion, ResponseHeadersPolicy, ViewerProtocolPolicy } from "aws-cdk-lib/aws-cloudfront";
import { S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { BlockPublicAccess, Bucket, BucketEncryption } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, CacheControl, Source } from "aws-cdk-lib/aws-s3-deployment";
import type { Construct } from "constructs";

export interface WebProps {
  stage: string;
  /** The built portal (`web/dist`, from `npm run build -w @wangge/web`). Must hold index.html. */
  source: string;
  /** Written to `/config.json` as `{"apiUrl": …}` so the portal can find the API at run time. */
  apiUrl: string;
  /**
   * How the portal signs in (written to `/config.json` as `signIn`): the OpenID issuer (the
   * Cognito user pool, whose discovery document names the managed login's endpoints), the
   * portal's client id and the scopes to ask for.
   */
  signIn?: { issuer: string; clientId: string; scopes: string[] };
}

export interface Web {
  bucket: Bucket;
  distribution: Distribution;
  /** `https://<id>.cloudfront.net` */
  url: string;
}

/** Files that name the current build: served fresh on every visit, never cached for long. */
const ENTRY_FILES = ["index.html", "config.json"];

/**
 * The portal: a private bucket read by CloudFront through Origin Access Control.
 *
 * The API URL reaches the portal two ways: build it with `VITE_API_URL=<ApiUrl output>` before
 * deploying (baked in), and `/config.json` (`{"apiUrl": …}`) deployed next to index.html, which
 * the portal can fetch at start-up when it was built without it. The second needs no rebuild
 * when the API moves, and it is what a first deploy (API URL not yet known) relies on.
 */
export function createWeb(scope: Construct, props: WebProps): Web {
  if (!fs.existsSync(path.join(props.source, "index.html"))) {
    throw new Error(`The portal is not built: ${path.join(props.source, "index.html")} is missing. Run \`npm run build:web\` first.`);
  }

  const bucket = new Bucket(scope, "PortalBucket", {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    // The portal can be rebuilt from git at any time: nothing here needs retaining.
    removalPolicy: RemovalPolicy.DESTROY,
    autoDeleteObjects: true,
  });

  // A missing file is a 403 from a private S3 origin; both become the SPA's index.html so that
  // client-side routes (`/tickets/123`) load on refresh.
  const spaFallback = (httpStatus: number) => ({
    httpStatus,
    responseHttpStatus: 200,
    responsePagePath: "/index.html",
    ttl: Duration.seconds(0),
  });

  const distribution = new Distribution(scope, "PortalDistribution", {
    comment: `Wangge portal (${props.stage})`,
    defaultRootObject: "index.html",
    httpVersion: HttpVersion.HTTP2_AND_3,
    defaultBehavior: {
      origin: S3BucketOrigin.withOriginAccessControl(bucket),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
      compress: true,
    },
    errorResponses: [spaFallback(403), spaFallback(404)],
  });

  const site = Source.asset(props.source);

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
    sources: [site, Source.jsonData("config.json", { apiUrl: props.apiUrl, ...(props.signIn ? { signIn: props.signIn } : {}) })],
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

  return { bucket, distribution, url: `https://${distribution.distributionDomainName}` };
}
