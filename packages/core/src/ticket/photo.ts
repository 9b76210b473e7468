import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { imageSize } from "image-size";
import { z } from "zod";
import { useTenant } from "../actor.ts";
import { InputError, NotFoundError } from "../error.ts";
import { bucketName, headObject, s3 } from "../storage/bucket.ts";
import { newID } from "../util/id.ts";
import { PendingUploadPrefix } from "../storage/keys.ts";

/** Photos are checked after upload (S3 presigned PUTs cannot enforce size or type). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export { MAX_PHOTOS } from "./rules.ts";
export const PhotoType = z.enum(["image/jpeg", "image/png", "image/webp", "image/heic"]);
export type PhotoType = z.infer<typeof PhotoType>;

const extension: Record<PhotoType, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/heic": "heic" };

const fromParser: Record<string, PhotoType> = { jpg: "image/jpeg", png: "image/png", webp: "image/webp", heif: "image/heic" };
/** The largest side we take, in pixels (a phone's camera is far below it). */
const MAX_SIDE = 30_000;

/**
 * What a file is, read by an image parser (image-size: the format's header walked to its
 * dimensions), if it is a photo format we take: a file that only starts like a JPEG (then HTML,
 * say) has no frame header and is not one.
 */
export function readImage(bytes: Uint8Array): { type: PhotoType; width: number; height: number } | null {
  try {
    const { type, width, height } = imageSize(bytes);
    const photoType = type ? fromParser[type] : undefined;
    if (!photoType || !(width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE)) return null;
    return { type: photoType, width, height };
  } catch {
    return null;
  }
}

const pendingPrefix = () => `${PendingUploadPrefix}${useTenant()}/photos/`;

/** A presigned PUT for one photo, of a declared type. */
export async function requestUpload(contentType: PhotoType) {
  const photoKey = `${pendingPrefix()}${newID("photo")}`;
  const expiresIn = 900;
  const url = await getSignedUrl(s3(), new PutObjectCommand({ Bucket: bucketName(), Key: photoKey, ContentType: contentType }), {
    expiresIn,
  });
  return {
    photoKey,
    url,
    method: "PUT" as const,
    headers: { "content-type": contentType },
    maxBytes: MAX_PHOTO_BYTES,
    expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString(),
  };
}

/**
 * Checks an uploaded photo: it must be this district's pending upload, at most 10 MB, of a
 * declared photo type, and its magic bytes must agree. A failing object is deleted.
 */
export async function check(photoKey: string, path: string): Promise<{ photoKey: string; type: PhotoType }> {
  if (!photoKey.startsWith(pendingPrefix()) || photoKey.includes(".."))
    throw new NotFoundError("photo.not_found", `There is no pending photo ${photoKey} for this district.`);
  const Bucket = bucketName();
  const head = await headObject(photoKey);
  if (!head)
    throw new InputError("photo.missing", "The photo was not uploaded (or the upload expired).", [{ path, message: "not uploaded" }]);
  const refuse = async (code: string, message: string) => {
    await s3()
      .send(new DeleteObjectCommand({ Bucket, Key: photoKey }))
      .catch(() => undefined);
    throw new InputError(code, message, [{ path, message }]);
  };
  if ((head.ContentLength ?? 0) > MAX_PHOTO_BYTES)
    await refuse(
      "photo.too_large",
      `The photo is ${((head.ContentLength ?? 0) / 1048576).toFixed(1)} MB; at most ${MAX_PHOTO_BYTES / 1048576} MB. It was deleted.`,
    );
  if ((head.ContentLength ?? 0) === 0) await refuse("photo.empty", "The photo is empty. It was deleted.");
  const declared = PhotoType.safeParse(head.ContentType);
  if (!declared.success)
    await refuse("photo.type", `"${head.ContentType ?? "unknown"}" is not a photo type we take (JPEG, PNG, WebP, HEIC). It was deleted.`);
  // The whole file (at most MAX_PHOTO_BYTES): a JPEG's frame header may sit after 64 KB of EXIF.
  const body = await s3().send(new GetObjectCommand({ Bucket, Key: photoKey }));
  const image = readImage(await body.Body!.transformToByteArray());
  if (!image)
    await refuse("photo.not_an_image", "The file is not a JPEG, PNG, WebP or HEIC image (its header says otherwise). It was deleted.");
  if (image!.type !== declared.data)
    await refuse("photo.type_mismatch", `The file was declared ${declared.data} but is ${image!.type}. It was deleted.`);
  return { photoKey, type: image!.type };
}

/** Where a checked photo is kept for good: the ticket's folder. */
export function finalKey(photo: { photoKey: string; type: PhotoType }, ticketID: string): string {
  return `photos/${useTenant()}/${ticketID}/${photo.photoKey.split("/").pop()}.${extension[photo.type]}`;
}

/** Moves checked photos from the pending area to their final keys. */
export async function keep(photos: { photoKey: string; type: PhotoType }[], keys: string[]): Promise<void> {
  const Bucket = bucketName();
  await Promise.all(
    photos.map(async ({ photoKey, type }, index) => {
      await s3().send(
        new CopyObjectCommand({
          Bucket,
          Key: keys[index],
          CopySource: `${Bucket}/${photoKey}`,
          ContentType: type,
          MetadataDirective: "REPLACE",
        }),
      );
      await s3().send(new DeleteObjectCommand({ Bucket, Key: photoKey }));
    }),
  );
}

const typeOfExtension = Object.fromEntries(Object.entries(extension).map(([type, ending]) => [ending, type])) as Record<string, PhotoType>;

/**
 * Short-lived links to show a ticket's photos, each answered with the fixed content type of its
 * checked format (never what an upload claimed) and shown inline.
 *
 * With `PHOTO_ORIGIN` set, a link goes through that origin instead of S3's host, path and
 * signature unchanged: on AWS the portal's CloudFront distribution, whose `/photos/*` forwards
 * to the bucket and adds `X-Content-Type-Options: nosniff` (infra/web.ts); locally the API
 * server, which does the same in front of s3rver (api's server.ts).
 */
export function urls(keys: string[]): Promise<string[]> {
  const through = process.env.PHOTO_ORIGIN;
  return Promise.all(
    keys.map(async (Key) => {
      const signed = await getSignedUrl(
        s3(),
        new GetObjectCommand({
          Bucket: bucketName(),
          Key,
          ResponseContentType: typeOfExtension[Key.split(".").pop() ?? ""] ?? "application/octet-stream",
          ResponseContentDisposition: "inline",
        }),
        { expiresIn: 3600 },
      );
      if (!through) return signed;
      const url = new URL(signed);
      return `${through.replace(/\/$/, "")}${url.pathname}${url.search}`;
    }),
  );
}
