import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, startTestApi } from "../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe("platform routes", () => {
  it("health reports the table and the bucket it reaches", async () => {
    const response = await api.call("GET", "/health");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: "ok",
      mode: "local",
      table: { name: process.env.TABLE_NAME, reachable: true, status: "ACTIVE" },
      bucket: { name: process.env.BUCKET_NAME, reachable: true },
    });
    // Answered from the last check (at most 5 s old): twenty calls at once share one.
    const many = await Promise.all(Array.from({ length: 20 }, () => api.call("GET", "/health")));
    expect(new Set(many.map((reply) => reply.body.checkedAt))).toEqual(new Set([response.body.checkedAt]));
    expect(Date.now() - Date.parse(response.body.checkedAt)).toBeLessThan(60_000);
  });

  it("publishes an OpenAPI 3.1 document with the foundation's operation ids", async () => {
    const response = await api.call("GET", "/openapi.json");
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe("3.1.0");
    const ids = Object.values(response.body.paths as Record<string, Record<string, { operationId: string }>>).flatMap((methods) =>
      Object.values(methods).map((operation) => operation.operationId),
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        // platform
        "getHealth",
        "getSignInConfig",
        "onboardDistrict",
        "getDistrict",
        "listDistricts",
        "getMe",
        // grids
        "listGrids",
        "getGrid",
        "createGrid",
        "updateGrid",
        "splitGrid",
        "mergeGrids",
        "getGridCoverage",
        "importGrids",
        "exportGrids",
        "getGridExport",
        "getGridImport",
        "locateGrid",
        "listPeople",
        "assignRole",
        "getTierConfig",
        "updateTierConfig",
        // tickets
        "createTicket",
        "getTicket",
        "listTickets",
        "acceptTicket",
        "rejectTicket",
        "dispatchTicket",
        "reportHandling",
        "verifyTicket",
        "sendBackTicket",
        "reopenTicket",
        "rateTicket",
        "requestPhotoUpload",
        "attachPhoto",
        "listCategories",
        "listDepartments",
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("serves an interactive docs page whose assets load without the internet", async () => {
    const page = await api.call("GET", "/docs");
    expect(page.status).toBe(200);
    expect(page.body).toContain("/docs/assets/swagger-ui-bundle.js");
    const bundle = await fetch(`${api.url}/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
  });
});

describe("identity", () => {
  it("tells a signed-in district user who they are, with the phone masked", async () => {
    const response = await api.call("GET", "/me", { as: As.jianyangResident });
    expect(response.status).toBe(200);
    expect(response.body.actor).toEqual({
      type: "user",
      userID: "resident",
      tenantID: "jianyang",
      roles: ["resident"],
      name: expect.any(String),
    });
    expect(response.body.profile.name).toBe("张秀英");
    expect(response.body.profile.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it("resolves a provincial admin to their province and the operator to the platform", async () => {
    const province = await api.call("GET", "/me", { as: As.fujian });
    expect(province.body.actor).toEqual({ type: "province", userID: "fujian-admin", provinceID: "fujian" });
    const operator = await api.call("GET", "/me", { as: As.operator });
    expect(operator.body.actor).toEqual({ type: "operator", userID: "operator" });
  });

  it("refuses calls without a token, with a malformed header, or with a forged token", async () => {
    const none = await api.call("GET", "/me");
    expect(none.status).toBe(401);
    expect(none.type).toContain("application/problem+json");
    expect(none.body.code).toBe("auth.required");

    const malformed = await api.call("GET", "/me", { headers: { authorization: "Token abc" } });
    expect(malformed.body.code).toBe("auth.malformed");

    const real = await api.token(As.jianyangAdmin);
    const [header, payload, signature] = real.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, tenant: "yanping" })).toString("base64url");
    const response = await api.call("GET", "/districts/yanping", {
      headers: { authorization: `Bearer ${header}.${forged}.${signature}` },
    });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe("auth.invalid_token");
  });

  it("refuses a well-signed token for a user the district does not have", async () => {
    const response = await api.call("GET", "/me", { as: { userID: "nobody", tenantID: "jianyang" } });
    expect(response.status).toBe(401);
  });
});

describe("bad input is a 4xx problem, never a 500", () => {
  it("names the invalid fields", async () => {
    const response = await api.call("POST", "/districts", { as: As.operator, body: { slug: "X", nameZh: "" } });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe("input.invalid");
    const paths = response.body.errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(["body.slug", "body.nameZh", "body.admin"]));
  });

  it("refuses malformed JSON", async () => {
    const response = await api.call("POST", "/districts", {
      as: As.operator,
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect(response.type).toContain("application/problem+json");
  });

  it("answers unknown routes with a problem", async () => {
    const response = await api.call("GET", "/nowhere", { as: As.operator });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe("route.not_found");
  });

  it("rejects a bad page size and a tampered cursor", async () => {
    const limit = await api.call("GET", "/districts?limit=0", { as: As.operator });
    expect(limit.status).toBe(400);
    expect(limit.body.errors[0].path).toBe("query.limit");
    const cursor = await api.call("GET", "/districts?cursor=garbage", { as: As.operator });
    expect(cursor.status).toBe(400);
    expect(cursor.body.code).toBe("page.invalid_cursor");
  });
});

describe("ids and keys too long for a key of the table (found by the fuzz)", () => {
  it("are a 400 naming the field, never DynamoDB's 500", async () => {
    const long = "x".repeat(1025);
    for (const path of [`/people?personID=${long}`, `/people?roleKey=${long}`, `/tickets?state=dispatched&departmentKey=${long}`]) {
      const response = await api.call("GET", path, { as: As.jianyangAdmin });
      expect([response.status, response.body.code], path).toEqual([400, "input.invalid"]);
    }
  });
});

// Last: the server answers 413 before reading the whole body and closes that connection.
describe("oversized bodies", () => {
  it("refuses a body over 1 MB", async () => {
    const response = await api.call("POST", "/districts", { as: As.operator, body: { slug: "x".repeat(2 * 1024 * 1024) } });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe("input.too_large");
  });

  it("says the connection closes with the 413, so that a keep-alive client's next request is answered", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const url = new URL(api.url);
    const send = (method: string, path: string, body?: string) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const request = http.request(
          {
            host: url.hostname,
            port: url.port,
            path: `${url.pathname.replace(/\/$/, "")}${path}`,
            method,
            agent,
            headers: body ? { "content-type": "application/json" } : {},
          },
          (response) => {
            response.resume();
            response.on("end", () => resolve({ status: response.statusCode!, connection: response.headers.connection }));
          },
        );
        request.setTimeout(5000, () => request.destroy(new Error("no answer within 5 s")));
        request.on("error", reject);
        request.end(body);
      });
    const big = await send("POST", "/districts", JSON.stringify({ slug: "x".repeat(2 * 1024 * 1024) }));
    expect(big).toEqual({ status: 413, connection: "close" });
    expect((await send("GET", "/health")).status).toBe(200);
    agent.destroy();
  });
});
