/**
 * The first `locate` of a fresh process (a cold instance): run by scripts/bench/seed.ts in a
 * process of its own against the table and bucket it seeded (DYNAMODB_ENDPOINT, TABLE_NAME,
 * S3_ENDPOINT, BUCKET_NAME). Times the call only (not the process's start or the core's import)
 * and counts its DynamoDB and S3 requests: with the district's snapshot at the grid set's stamp,
 * one GetItem and one S3 GET (grid/snapshot.ts); without, the grids are queried. Prints
 * `{"ms":…,"requests":…,"s3Requests":…,"queries":…}`.
 */
import { Grid, Storage, withActor } from "@wangge/core";

let requests = 0;
let queries = 0;
let s3Requests = 0;
Storage.documentClient().middlewareStack.add(
  (next, context) => async (args) => {
    requests += 1;
    if (context.commandName === "QueryCommand") queries += 1;
    return next(args);
  },
  { step: "initialize", name: "countRequests" },
);
Storage.s3().middlewareStack.add(
  (next) => async (args) => {
    s3Requests += 1;
    return next(args);
  },
  { step: "initialize", name: "countRequests" },
);
const started = performance.now();
await withActor({ type: "system", tenantID: "jianyang" }, () => Grid.locate({ lon: 118.12, lat: 27.33 }));
console.log(JSON.stringify({ ms: performance.now() - started, requests, s3Requests, queries }));
