/**
 * The first `locate` of a fresh process (a cold instance): run by scripts/bench/seed.ts in a
 * process of its own against the table it seeded (DYNAMODB_ENDPOINT, TABLE_NAME). Times the
 * call only (not the process's start or the core's import) and counts its DynamoDB requests;
 * prints `{"ms":…,"requests":…}`.
 */
import { Grid, Storage, withActor } from "@wangge/core";

let requests = 0;
Storage.documentClient().middlewareStack.add(
  (next) => async (args) => {
    requests += 1;
    return next(args);
  },
  { step: "initialize", name: "countRequests" },
);
const started = performance.now();
await withActor({ type: "system", tenantID: "jianyang" }, () => Grid.locate({ lon: 118.12, lat: 27.33 }));
console.log(JSON.stringify({ ms: performance.now() - started, requests }));
