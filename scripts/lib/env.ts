/**
 * Embedded defaults of the local stack, overridable by environment. Must run before the
 * core is imported: entities read the table name and endpoints when they load.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export const root = join(import.meta.dirname, "..", "..");

export function localSettings(env: NodeJS.ProcessEnv = process.env) {
  const settings = {
    dataDir: env.DATA_DIR ?? join(root, ".data"),
    dynamoPort: Number(env.DYNAMODB_PORT ?? 8000),
    s3Port: Number(env.S3_PORT ?? 4568),
    apiPort: Number(env.API_PORT ?? 3000),
    webPort: Number(env.WEB_PORT ?? 5173),
    table: env.TABLE_NAME ?? "wangge",
    bucket: env.BUCKET_NAME ?? "wangge-photos",
  };
  env.TABLE_NAME = settings.table;
  env.BUCKET_NAME = settings.bucket;
  env.DYNAMODB_ENDPOINT ??= `http://127.0.0.1:${settings.dynamoPort}`;
  env.S3_ENDPOINT ??= `http://127.0.0.1:${settings.s3Port}`;
  env.WANGGE_MODE ??= "local";
  // The grid register's raw AES key (core's register/protect.ts), created on first use, mode 0600.
  if (!env.REGISTER_KEY_ARN) env.REGISTER_KEY_FILE ??= join(settings.dataDir, "register.key");
  return settings;
}

/** The portal's vite CLI (vite is a dependency of web/, not of the root). */
export function viteBin(): string {
  const require = createRequire(join(root, "web", "package.json"));
  return join(dirname(require.resolve("vite/package.json")), "bin", "vite.js");
}
