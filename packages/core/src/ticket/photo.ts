import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { z } from "zod";
import { useTenant } from "../actor.ts";
import { InputError, NotFoundError } from "../error.ts";
import { bucketName, s3 } from "../storage/bucket.ts";
import { newID } from "../util/id.ts";
import { PendingUploadPrefix } from "../storage/keys.ts";

/** Photos are checked after upload (S3 presigned PUTs cannot enforce size or type). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export { MAX_PHOTOS } from "./rules.ts";
export const PhotoType = z.enum(["image/jpeg", "image/png", "image/webp", "image/heic"]);
export type PhotoType = z.infer<typeof PhotoType>;

const extension: Record<PhotoType, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/heic": "heic" };

/** What the first bytes of a file say it is (magic bytes), if it is a photo format we take. */
export function sniff(bytes: Uint8Array): PhotoType | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes[0] === 0x89 && ascii(1, 4) === "PNG" && bytes[4] === 0x0d && bytes[5] === 0x0a) return "image/png";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  if (ascii(4, 8) === "ftyp" && ["heic", "heix", "hevc", "hevx", "mif1", "msf1", "heim", "heis"].includes(ascii(8, 12)))
    return "image/heic";
  return null;
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
  const head = await s3()
    .send(new HeadObjectCommand({ Bucket, Key: photoKey }))
    .catch(() => undefined);
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
  const start = await s3().send(new GetObjectCommand({ Bucket, Key: photoKey, Range: "bytes=0-31" }));
  const bytes = await start.Body!.transformToByteArray();
  const actual = sniff(bytes);
  if (!actual)
    await refuse("photo.not_an_image", "The file is not a JPEG, PNG, WebP or HEIC image (its first bytes say otherwise). It was deleted.");
  if (actual !== declared.data)
    await refuse("photo.type_mismatch", `The file was declared ${declared.data} but is ${actual}. It was deleted.`);
  return { photoKey, type: actual! };
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

/** Short-lived links to show a ticket's photos. */
export function urls(keys: string[]): Promise<string[]> {
  return Promise.all(keys.map((Key) => getSignedUrl(s3(), new GetObjectCommand({ Bucket: bucketName(), Key }), { expiresIn: 3600 })));
}
