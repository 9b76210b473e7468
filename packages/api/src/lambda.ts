import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import { ApiBasePath, createApp, notFound } from "./app.ts";
import { optionsFromEnv } from "./env.ts";
import { requestLog } from "./log.ts";
import { onError } from "./problem.ts";

/**
 * The API on AWS Lambda behind an API Gateway HTTP API, reached through the portal's CloudFront
 * distribution at `/api/*` (infra/web.ts): one origin for portal and API, so no CORS. The path
 * arrives unchanged, so the app answers under {@link ApiBasePath}; every request writes one
 * JSON log line (log.ts).
 */
const root = new Hono();
root.notFound(notFound);
root.onError(onError);
root.use("*", requestLog());
root.route(ApiBasePath, createApp({ ...optionsFromEnv(), basePath: ApiBasePath }));

export const handler = handle(root);
