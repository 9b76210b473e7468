import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

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
  // The DynamoDB client's config (every request reads the table; S3 loads when a route needs it).
  resolved ??= new DynamoDBClient({}).config.region().catch(() => DefaultRegion);
  return resolved;
}

/**
 * How long a call to DynamoDB or S3 may take: to connect (a store that is down fails at once
 * or within this), and to answer (each try; the SDK tries three times). The answer's bound is
 * generous: DynamoDB Local under a demo's load can take many seconds, and a write retried after
 * a timeout may have been applied already.
 */
export const StoreTimeouts = { connectionTimeout: 3_000, requestTimeout: 60_000 };
