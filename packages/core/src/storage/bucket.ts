import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { ExpiringPrefixes } from "./keys.ts";
import { region, StoreTimeouts } from "./region.ts";

/** The photo bucket (随手拍 photos, evidence, imports). */
export function bucketName(): string {
  return process.env.BUCKET_NAME ?? "wangge-photos";
}

let client: S3Client | undefined;

/** S3 client; with S3_ENDPOINT set it talks to the local s3rver (path style, its fixed credentials). */
export function s3(): S3Client {
  const endpoint = process.env.S3_ENDPOINT;
  client ??= new S3Client({
    // The environment's or the profile's region, else the one default (storage/region.ts).
    region,
    requestHandler: StoreTimeouts,
    ...(endpoint ? { endpoint, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } } : {}),
  });
  return client;
}

export async function headBucket(name = bucketName()) {
  await s3().send(new HeadBucketCommand({ Bucket: name }));
  return { name };
}

/** Creates the bucket if missing (local stack only). */
export async function ensureBucket(name = bucketName()): Promise<boolean> {
  try {
    await headBucket(name);
    return false;
  } catch {
    await s3().send(new CreateBucketCommand({ Bucket: name }));
    return true;
  }
}

/**
 * An object's head, or undefined when it is not there. S3 out of reach is not "not there": that
 * error goes up (the API answers 503 storage.unavailable).
 */
export async function headObject(Key: string): Promise<HeadObjectCommandOutput | undefined> {
  return s3()
    .send(new HeadObjectCommand({ Bucket: bucketName(), Key }))
    .catch((error: { name?: string; $metadata?: { httpStatusCode?: number } }) => {
      if (error.name === "NotFound" || error.$metadata?.httpStatusCode === 404) return undefined;
      throw error;
    });
}

/**
 * Deletes what the bucket's lifecycle would have expired by `now` ({@link ExpiringPrefixes}):
 * for s3rver, which keeps everything. Returns how many objects went, by prefix.
 */
export async function sweepExpired(now = Date.now(), name = bucketName()): Promise<Record<string, number>> {
  const swept: Record<string, number> = {};
  for (const { prefix, days } of ExpiringPrefixes) {
    swept[prefix] = 0;
    let ContinuationToken: string | undefined;
    do {
      const page = await s3().send(new ListObjectsV2Command({ Bucket: name, Prefix: prefix, ContinuationToken }));
      const expired = (page.Contents ?? []).filter((object) => (object.LastModified?.getTime() ?? now) <= now - days * 86_400_000);
      if (expired.length)
        await s3().send(new DeleteObjectsCommand({ Bucket: name, Delete: { Objects: expired.map((object) => ({ Key: object.Key! })) } }));
      swept[prefix] += expired.length;
      ContinuationToken = page.NextContinuationToken;
    } while (ContinuationToken);
  }
  return swept;
}

/** How long a presigned upload stays open, in seconds. */
const UploadSeconds = 900;

/**
 * A presigned PUT for a file the browser uploads straight to S3, not through the API (grid
 * files, register spreadsheets): the slot the portal is given. The presigner loads on first use.
 */
export async function presignedUpload(uploadKey: string, maxBytes: number) {
  const { getSignedUrl } = await import("@aws-sdk/s3-request-presigner");
  const url = await getSignedUrl(s3(), new PutObjectCommand({ Bucket: bucketName(), Key: uploadKey }), { expiresIn: UploadSeconds });
  return {
    uploadKey,
    url,
    method: "PUT" as const,
    maxBytes,
    expiresAt: new Date(Date.now() + UploadSeconds * 1000).toISOString(),
  };
}

/** A link (an hour) that downloads a generated file (an export, a rejected-rows report) under `filename`. */
export async function downloadLink(key: string, filename: string): Promise<string> {
  const { getSignedUrl } = await import("@aws-sdk/s3-request-presigner");
  return getSignedUrl(
    s3(),
    new GetObjectCommand({ Bucket: bucketName(), Key: key, ResponseContentDisposition: `attachment; filename="${filename}"` }),
    { expiresIn: 3600 },
  );
}
