import { handle } from "hono/aws-lambda";
import { createApp } from "./app.ts";
import { optionsFromEnv } from "./env.ts";

/** The API on AWS Lambda behind an API Gateway HTTP API. */
export const handler = handle(createApp(optionsFromEnv()));
