import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { Config, Storage, withActor } from "@wangge/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { As, startTestApi } from "../../../scripts/test/api.ts";
import { districtFixtures, Yanping } from "../../../scripts/test/district-fixtures.ts";

/**
 * Tenant isolation, route by route: signed in as district A (Jianyang), every route of the
 * API is tried with district B's (Yanping's) slugs and ids. Routes are read from the OpenAPI
 * document, so a new route is tried the day it is added; a path parameter this test does not
 * know makes it fail until B's value for it is added to the district fixtures.
 */
/** What of B a reply must never contain (error messages may echo the ids the caller sent). */
const B = { slug: "yanping", names: ["延平", "yp-"] };

/** Routes anyone may call: they hold no district data. */
/** Open311 reads are public per jurisdiction (their own tests cover cross-district reads); its keys are not. */
const publicPaths = [/^\/health$/, /^\/dev\//, /^\/openapi\.json$/, /^\/docs/, /^\/open311\/v2\/(?!keys)/];
/** Residents' self-registration is public per district (tried below). */
publicPaths.push(/^\/districts\/\{slug\}\/(registration|registrations|residents)$/);
/** Signing oneself out everywhere names no record at all (and would end the sweep's own session). */
publicPaths.push(/^\/me\/sign-out$/);

let api: Awaited<ReturnType<typeof startTestApi>>;
/** District B's values for every path parameter of the API. */
let paramsOfB: Record<string, string>;
/** Bodies that aim a write at B's records. */
let bodiesAimedAtB: Record<string, unknown>;

beforeAll(async () => {
  api = await startTestApi();
  ({ params: paramsOfB, bodies: bodiesAimedAtB } = await districtFixtures(api, Yanping));
  {
    // B's latest version is one A does not have, so A's admin asking for it must get a 404.
    const versionOf = (tenantID: string) => withActor({ type: "system", tenantID }, () => Config.get()).then((config) => config.version);
    const versionOfA = await versionOf("jianyang");
    let versionOfB = await versionOf(B.slug);
    while (versionOfB <= versionOfA)
      versionOfB = (
        await withActor({ type: "system", tenantID: B.slug }, () =>
          Config.change((config) => ({ map: { ...config.map, zoom: config.map.zoom === 12 ? 13 : 12 } })),
        )
      ).version;
    paramsOfB.version = String(versionOfB);
    bodiesAimedAtB.rollbackConfig = { toVersion: versionOfB, expectedVersion: versionOfB, note: "越界回滚" };
  }
});
afterAll(() => api?.close());

/** Every item of district B, as text, to prove nothing of it changed. */
async function itemsOfB() {
  const items: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await Storage.documentClient().send(new ScanCommand({ TableName: Storage.tableName(), ExclusiveStartKey }));
    for (const item of page.Items ?? []) if (JSON.stringify(item).includes(`tenantid_${B.slug}`)) items.push(JSON.stringify(item));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort();
}

it("a district admin of A gets 403 or 404 on every route aimed at B, and nothing of B changes", async () => {
  const doc = (await api.call("GET", "/openapi.json")).body as {
    paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string }[] }>>;
  };
  const before = await itemsOfB();
  // B's record ids: any of them in a reply is a leak, whatever the route.
  const idsOfB = Object.values(paramsOfB).filter((value) => /^[a-z]+_[0-9a-z]{20,}$/.test(value));
  expect(idsOfB.length).toBeGreaterThan(10);
  expect(before.length).toBeGreaterThan(5);
  const tried: string[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    if (publicPaths.some((pattern) => pattern.test(template))) continue;
    for (const [method, operation] of Object.entries(methods)) {
      const params = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const unknown = params.filter((name) => !(name in paramsOfB));
      expect(unknown, `${operation.operationId}: add district B's value for these path parameters`).toEqual([]);
      // B's ids go in the query too, wherever a query parameter names one (gridID, userID, cadreID…).
      const query = (operation.parameters ?? [])
        .filter((parameter) => parameter.in === "query" && parameter.name in paramsOfB)
        .map((parameter) => `${parameter.name}=${encodeURIComponent(paramsOfB[parameter.name])}`);
      const path =
        template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(paramsOfB[name])) +
        (query.length ? `?${query.join("&")}` : "");
      const body = bodiesAimedAtB[operation.operationId];
      const response = await api.call(method.toUpperCase(), path, {
        as: As.jianyangAdmin,
        body: method === "get" ? undefined : (body ?? {}),
      });
      tried.push(`${operation.operationId} → ${response.status}`);
      if (params.length > 0 || body !== undefined) {
        expect([403, 404], `${operation.operationId} answered ${response.status}: ${JSON.stringify(response.body)}`).toContain(
          response.status,
        );
      }
      // Whatever a route answers, nothing of B's may be in it.
      const text = JSON.stringify(response.body).toLowerCase();
      for (const name of B.names) expect(text, `${operation.operationId} leaked ${name}`).not.toContain(name);
      // An id the request itself named may be echoed in a refusal ("no key key_… here"); any other of B's is a leak.
      const sent = `${path} ${JSON.stringify(body ?? {})}`;
      for (const id of idsOfB.filter((candidate) => !sent.includes(candidate)))
        expect(text, `${operation.operationId} leaked B's ${id}`).not.toContain(id.toLowerCase());
    }
  }
  expect(tried.length).toBeGreaterThanOrEqual(20);
  expect(await itemsOfB()).toEqual(before);
});

it("a district admin lists and changes only their own district's users; a resident registered into B is not in A's list", async () => {
  const listOfA = await api.call("GET", "/users?limit=200", { as: As.jianyangAdmin });
  expect(listOfA.status).toBe(200);
  expect(listOfA.body.items.map((user: { userID: string }) => user.userID)).not.toContain(paramsOfB.userID);
  expect(JSON.stringify(listOfA.body)).not.toContain("延平");
  expect((await api.call("GET", "/users?q=0011", { as: As.jianyangAdmin })).body.items).toEqual([]);
  const patch = await api.call("PATCH", `/users/${paramsOfB.userID}`, { as: As.jianyangAdmin, body: { status: "disabled" } });
  expect([patch.status, patch.body.code]).toEqual([404, "user.not_found"]);
  const listOfB = await api.call("GET", "/users?limit=200", { as: As.yanpingAdmin });
  expect(listOfB.body.items.map((user: { userID: string }) => user.userID)).toContain(paramsOfB.userID);
  // And the other way round: B's admin cannot touch A's users.
  const userOfA = listOfA.body.items.find((user: { userID: string }) => user.userID.startsWith("user_"));
  expect(userOfA).toBeDefined();
  expect((await api.call("PATCH", `/users/${userOfA.userID}`, { as: As.yanpingAdmin, body: { status: "disabled" } })).status).toBe(404);
  expect(
    (await api.call("GET", "/users?limit=200", { as: As.jianyangAdmin })).body.items.find(
      (user: { userID: string }) => user.userID === userOfA.userID,
    ).status,
  ).toBe("active");
});

it("B's admin can neither read nor roll back A's configuration versions, and A's configuration stays as it was", async () => {
  const asA = { as: As.jianyangAdmin };
  const asB = { as: As.yanpingAdmin };
  const ownOfB = (await api.call("GET", "/config", asB)).body;
  // A gets versions B does not have, with a note only A knows.
  let configOfA = (await api.call("GET", "/config", asA)).body;
  while (configOfA.version <= ownOfB.version) {
    const changed = await api.call("PATCH", "/config", {
      ...asA,
      body: {
        expectedVersion: configOfA.version,
        note: "建阳内部调整",
        changes: { map: { ...configOfA.map, zoom: configOfA.map.zoom === 12 ? 13 : 12 } },
      },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    configOfA = changed.body;
  }
  const listOfB = await api.call("GET", "/config/versions?limit=200", asB);
  expect(listOfB.status).toBe(200);
  expect(listOfB.body.items.map((version: { version: number }) => version.version)).toEqual(
    Array.from({ length: ownOfB.version }, (_, index) => ownOfB.version - index),
  );
  expect(JSON.stringify(listOfB.body)).not.toContain("建阳");
  const read = await api.call("GET", `/config/versions/${configOfA.version}`, asB);
  expect([read.status, read.body.code]).toEqual([404, "config.version_not_found"]);
  const rollback = await api.call("POST", "/config/rollback", {
    ...asB,
    body: { toVersion: configOfA.version, expectedVersion: configOfA.version },
  });
  expect(rollback.status).toBe(404);
  expect((await api.call("GET", "/config", asA)).body).toEqual(configOfA);
  expect((await api.call("GET", "/config", asB)).body).toEqual(ownOfB);
});

it("B's admin cannot reach A's district either", async () => {
  const response = await api.call("GET", "/districts/jianyang", { as: As.yanpingAdmin });
  expect(response.status).toBe(404);
});
