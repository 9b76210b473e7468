import { S3Client } from "@aws-sdk/client-s3";

/**
 * The region Wangge uses when nothing names one: not `AWS_REGION`, not the AWS profile's
 * `region`. Declared once: the core's clients and `sst.config.ts` (the deploy) both fall back
 * to it. Lambda always sets `AWS_REGION`, so on AWS the function's own region wins.
 */
export const DefaultRegion = "ap-southeast-1";

let resolved: Promise<string> | undefined;

/**
 * The SDK's own answer (`AWS_REGION`, then the profile's `region` in ~/.aws/config), else
 * {@link DefaultRegion}. Lazy: clients built with `region: region` ask only when they first call.
 */
export function region(): Promise<string> {
  resolved ??= new S3Client({}).config.region().catch(() => DefaultRegion);
  return resolved;
}
