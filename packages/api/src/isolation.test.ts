import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { Storage } from "@wangge/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { As, startTestApi } from "../../../scripts/test/api.ts";

/**
 * Tenant isolation, route by route: signed in as district A (Jianyang), every route of the
 * API is tried with district B's (Yanping's) slugs and ids. Routes are read from the OpenAPI
 * document, so a new route is tried the day it is added; a path parameter this test does
 * not know makes it fail until B's value for it is added below.
 */
const B = { slug: "yanping", names: ["yanping", "延平"] };

/** Values of district B for every path parameter of the API. */
const paramsOfB: Record<string, string> = {
  slug: B.slug,
};

/** A valid body per write operation, aimed at district B. */
const bodiesForB: Record<string, unknown> = {
  onboardDistrict: {
    slug: B.slug,
    nameZh: "延平区",
    nameEn: "Yanping",
    provinceID: "fujian",
    cityZh: "南平市",
    cityEn: "Nanping",
    template: "minimal",
    admin: { name: "冒充者", phone: "13700000000" },
  },
  createProvince: { provinceID: "fujian", nameZh: "福建省", nameEn: "Fujian" },
};

/** Routes anyone may call: they hold no district data. */
const publicPaths = [/^\/health$/, /^\/dev\//, /^\/openapi\.json$/, /^\/docs/];

let api: Awaited<ReturnType<typeof startTestApi>>;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

async function snapshot() {
  const items: unknown[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await Storage.documentClient().send(new ScanCommand({ TableName: Storage.tableName(), ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.map((item) => JSON.stringify(item)).sort();
}

it("a district admin of A gets 403 or 404 on every route aimed at B, and changes nothing", async () => {
  const doc = (await api.call("GET", "/openapi.json")).body as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  const before = await snapshot();
  const tried: string[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    if (publicPaths.some((pattern) => pattern.test(template))) continue;
    for (const [method, operation] of Object.entries(methods)) {
      const params = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const unknown = params.filter((name) => !(name in paramsOfB));
      expect(unknown, `${operation.operationId}: add district B's value for these path parameters`).toEqual([]);
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(paramsOfB[name]));
      const isWrite = method !== "get";
      if (isWrite) expect(bodiesForB, `${operation.operationId}: add a valid body aimed at B`).toHaveProperty(operation.operationId);
      const response = await api.call(method.toUpperCase(), path, {
        as: As.jianyangAdmin,
        body: isWrite ? bodiesForB[operation.operationId] : undefined,
      });
      tried.push(`${method.toUpperCase()} ${path} → ${response.status}`);
      if (params.length > 0 || isWrite) {
        expect([403, 404], `${operation.operationId} answered ${response.status}`).toContain(response.status);
      } else {
        // Lists without a target: whatever they answer, nothing of B's may be in it.
        const text = JSON.stringify(response.body).toLowerCase();
        for (const name of B.names) expect(text, `${operation.operationId} leaked ${name}`).not.toContain(name);
      }
    }
  }
  expect(tried.length).toBeGreaterThanOrEqual(5);
  expect(await snapshot()).toEqual(before);
});

it("B's resident cannot reach A's district either", async () => {
  const yanpingResident = { userID: "admin", tenantID: "yanping" };
  const response = await api.call("GET", "/districts/jianyang", { as: yanpingResident });
  expect(response.status).toBe(404);
});
