/**
 * The one table's key names (single-table design), shared by the core and `infra/storage.ts`
 * so that they are declared once. Every entity's partition keys start with the tenant.
 * Pure data: infrastructure code imports it without the AWS SDK.
 */
export const TableKeys = {
  partitionKey: "pk",
  sortKey: "sk",
  indexes: [
    { name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    { name: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" },
    { name: "gsi3", partitionKey: "gsi3pk", sortKey: "gsi3sk" },
  ],
  timeToLive: "expiresAt",
} as const;

/**
 * Where uploads wait (photos, grid files) until a record takes them: a district's under
 * `uploads/pending/<tenantID>/`. The bucket expires what stays there (infra/storage.ts).
 */
export const PendingUploadPrefix = "uploads/pending/";

/**
 * Where generated files wait to be downloaded (grid exports: `exports/<tenantID>/…`). The
 * bucket expires them like pending uploads (infra/storage.ts): a download link lives minutes,
 * the file two days (its record one: the record goes first).
 */
export const ExportPrefix = "exports/";

/**
 * Where each district's packed locate index lives (`grid-index/<table>/<tenantID>.bin`, grid/snapshot.ts),
 * rewritten whenever its grids change: the bucket keeps the current version and drops the
 * earlier ones after a day (infra/storage.ts), not after the 90 days other objects' versions stay.
 */
export const GridIndexPrefix = "grid-index/";

/**
 * What the photo bucket expires, and after how many days: S3 lifecycle rules on AWS
 * (infra/storage.ts); locally `npm start` sweeps s3rver, which has no lifecycle
 * (storage/bucket.ts `sweepExpired`).
 */
export const ExpiringPrefixes = [
  { id: "expire-abandoned-uploads", prefix: PendingUploadPrefix, days: 2 },
  { id: "expire-exports", prefix: ExportPrefix, days: 2 },
] as const;
