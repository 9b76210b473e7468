export { tableName, describeTable, ensureTable, documentClient, TableKeys, tableDefinition } from "./table.ts";
export { bucketName, headBucket, ensureBucket, s3, sweepExpired } from "./bucket.ts";
export { DefaultRegion, region } from "./region.ts";
