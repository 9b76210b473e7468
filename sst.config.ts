import path from "node:path";
import type { SSTConfig } from "sst";
import { use, type StackContext } from "sst/constructs";
import { createApi } from "./infra/api.ts";
import { createAuth, PortalScopes } from "./infra/auth.ts";
import { createStorage } from "./infra/storage.ts";
import { createWeb } from "./infra/web.ts";
import { region } from "./packages/core/src/storage/region.ts";

/**
 * Wangge on AWS. Resources are declared with plain aws-cdk-lib in `infra/*.ts` (so that
 * `vitest --project infra` synthesises and checks them offline); SST v2 supplies stages,
 * stack naming and the deploy CLI.
 *
 * Environment read at build time:
 * - `WANGGE_PORTAL_ORIGINS`: comma-separated portal origins (`https://portal.example.cn`) for CORS
 *   (API and photo uploads) and for the managed login's callback and sign-out URLs
 *   (`<origin>/auth/callback`, `<origin>/`). Dev stages (dev, ci, test, dev-*, pr-*) default to
 *   `*` for CORS and the local portal (`http://localhost:5173`) for sign-in; other stages must set it.
 * - `WANGGE_WEB_DIST`: the built portal, default `web/dist`.
 *
 * Deploy: `sst deploy --stage <stage>` deploys the API first; the portal reads the API URL from
 * the `/config.json` deployed beside it, or bake it in by building the portal with
 * `VITE_API_URL=<ApiUrl output> npm run build:web` before deploying.
 */
export default {
  async config() {
    // `--region`, else AWS_REGION, else the profile's region, else the core's one default.
    return { name: "wangge", region: await region() };
  },
  stacks(app) {
    app.stack(Storage).stack(Auth).stack(Api).stack(Web);
  },
} satisfies SSTConfig;

function portalOrigins(): string[] | undefined {
  return process.env.WANGGE_PORTAL_ORIGINS?.split(",");
}

function Storage({ stack }: StackContext) {
  const storage = createStorage(stack, { stage: stack.stage, portalOrigins: portalOrigins() });
  stack.addOutputs({
    TableName: storage.table.tableName,
    BucketName: storage.bucket.bucketName,
  });
  return storage;
}

function Auth({ stack }: StackContext) {
  // The managed login sends people back only to the portal's own URLs (its origins).
  const auth = createAuth(stack, { stage: stack.stage, portalUrls: portalOrigins() });
  stack.addOutputs({
    UserPoolId: auth.userPool.userPoolId,
    UserPoolClientId: auth.client.userPoolClientId,
    JwksUrl: auth.jwksUrl,
    JwtIssuer: auth.issuer,
    LoginUrl: auth.domain.baseUrl(),
  });
  return auth;
}

function Api({ stack }: StackContext) {
  const { table, bucket } = use(Storage);
  const auth = use(Auth);
  const api = createApi(stack, {
    stage: stack.stage,
    table,
    bucket,
    auth,
    portalOrigins: portalOrigins(),
  });
  stack.addOutputs({ ApiUrl: api.url });
  return api;
}

function Web({ stack }: StackContext) {
  const { url: apiUrl } = use(Api);
  const auth = use(Auth);
  const web = createWeb(stack, {
    stage: stack.stage,
    source: path.resolve(process.env.WANGGE_WEB_DIST ?? "web/dist"),
    apiUrl,
    signIn: { issuer: auth.issuer, clientId: auth.audience, scopes: [...PortalScopes] },
  });
  stack.addOutputs({ SiteUrl: web.url });
  return web;
}
