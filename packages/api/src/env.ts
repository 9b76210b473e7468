import { localAuth, type ApiOptions } from "./app.ts";

/** API options from the environment (Lambda and the local server share these names). */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): ApiOptions {
  const mode = env.WANGGE_MODE === "local" ? "local" : "aws";
  const corsOrigins = (env.CORS_ORIGINS ?? "*")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (mode === "local") {
    const apiUrl = env.API_URL ?? `http://127.0.0.1:${env.API_PORT ?? 3000}`;
    return { mode, auth: localAuth(apiUrl), corsOrigins, docsAssets: "/docs/assets" };
  }
  const required = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`${name} must be set when WANGGE_MODE is not "local"`);
    return value;
  };
  return {
    mode,
    auth: { jwksUrl: required("JWKS_URL"), issuer: required("JWT_ISSUER"), audience: required("JWT_AUDIENCE") },
    corsOrigins,
    docsAssets: "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5",
    ...(env.OIDC_SCOPE ? { signInScope: env.OIDC_SCOPE } : {}),
  };
}
