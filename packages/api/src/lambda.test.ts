import type { LambdaContext, LambdaEvent } from "hono/aws-lambda";
import { afterEach, describe, expect, it, vi } from "vitest";

/** An API Gateway HTTP API (payload 2.0) event, as CloudFront's `/api/*` behaviour passes it on. */
function event(method: string, path: string, headers: Record<string, string> = {}): LambdaEvent {
  return {
    version: "2.0",
    routeKey: "ANY /{proxy+}",
    rawPath: path,
    rawQueryString: "",
    headers: { host: "abc123.execute-api.ap-southeast-1.amazonaws.com", ...headers },
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "abc123.execute-api.ap-southeast-1.amazonaws.com",
      domainPrefix: "abc123",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "203.0.113.9", userAgent: "vitest" },
      requestId: "api-gw-request-1",
      routeKey: "ANY /{proxy+}",
      stage: "$default",
      time: "06/Dec/2026:03:00:00 +0000",
      timeEpoch: 1796526000000,
      authentication: null,
      authorizer: {},
    },
    body: null,
    isBase64Encoded: false,
  };
}

const context = { awsRequestId: "lambda-request-1" } as LambdaContext;

async function lambda() {
  vi.stubEnv("WANGGE_MODE", "aws");
  vi.stubEnv("JWKS_URL", "https://cognito-idp.ap-southeast-1.amazonaws.com/pool/.well-known/jwks.json");
  vi.stubEnv("JWT_ISSUER", "https://cognito-idp.ap-southeast-1.amazonaws.com/pool");
  vi.stubEnv("JWT_AUDIENCE", "portal");
  vi.resetModules();
  return (await import("./lambda.ts")).handler;
}

/** JSON lines the handler wrote to stdout and stderr while `body` ran. */
async function logLines(body: () => Promise<unknown>) {
  const lines: string[] = [];
  const capture = (chunk: unknown) => {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    return true;
  };
  const out = vi.spyOn(process.stdout, "write").mockImplementation(capture);
  const err = vi.spyOn(process.stderr, "write").mockImplementation(capture);
  try {
    await body();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

afterEach(() => vi.unstubAllEnvs());

describe("the Lambda handler", () => {
  it("answers under /api, where the portal's CloudFront distribution sends API calls", async () => {
    const handler = await lambda();
    const reply = await handler(event("GET", "/api/openapi.json"), context);
    expect(reply.statusCode).toBe(200);
    expect(JSON.parse(reply.body).servers).toEqual([{ url: "/api" }]);
    const outside = await handler(event("GET", "/openapi.json"), context);
    expect(outside.statusCode).toBe(404);
    expect(JSON.parse(outside.body).code).toBe("route.not_found");
  });

  it("writes one JSON line per request with the request ids, the operation and the status", async () => {
    const handler = await lambda();
    const lines = await logLines(() => handler(event("GET", "/api/openapi.json"), context));
    const requests = lines.filter((line) => line.message === "request");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      level: "info",
      requestId: "lambda-request-1",
      apiRequestId: "api-gw-request-1",
      operation: "GET /api/openapi.json",
      status: 200,
    });
    expect(typeof requests[0].durationMs).toBe("number");
  });

  it("logs a refused caller as a warning, without a tenant", async () => {
    const handler = await lambda();
    const lines = await logLines(() => handler(event("GET", "/api/me"), context));
    const [request] = lines.filter((line) => line.message === "request");
    expect(request).toMatchObject({ level: "warn", status: 401, operation: "GET /api/me" });
    expect(request).not.toHaveProperty("tenant");
  });

  it("names the district a public caller's URL names as the request's tenant", async () => {
    const handler = await lambda();
    const lines = await logLines(() => handler(event("GET", "/api/districts/nosuch/registration"), context));
    const [request] = lines.filter((line) => line.message === "request");
    expect(request).toMatchObject({ actor: "public", tenant: "nosuch", operation: "GET /api/districts/:slug/registration" });
  });
});
