import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { Config, Register, Storage, Volunteer, withActor } from "@wangge/core";
import * as Emergency from "@wangge/core/emergency/index";
import { afterAll, beforeAll, expect, it } from "vitest";
import { As, startTestApi } from "../../../scripts/test/api.ts";
import { districtFixtures, Yanping } from "../../../scripts/test/district-fixtures.ts";
import { rect } from "@wangge/core/onboarding/test-district.test-support";

/**
 * Tenant isolation, route by route: signed in as district A (Jianyang), every route of the
 * API is tried with district B's (Yanping's) slugs and ids. Routes are read from the OpenAPI
 * document, so a new route is tried the day it is added; a path parameter this test does not
 * know makes it fail until B's value for it is added to the district fixtures.
 */
/** District B: its slug, and the text every name of its records starts with. */
const B = { slug: "yanping", names: ["延平", "yp-"] };

/** Routes anyone may call: they hold no district data. */
/** Open311 reads are public per jurisdiction (their own tests cover cross-district reads); its keys are not. */
const publicPaths = [/^\/health$/, /^\/dev\//, /^\/openapi\.json$/, /^\/docs/, /^\/open311\/v2\/(?!keys)/, /^\/sign-in\/config$/];
/** The district directory names every live district (names, city, province) and nothing else of any: public by design. */
publicPaths.push(/^\/districts\/directory$/);
/** Residents' self-registration is public per district (tried below). */
publicPaths.push(/^\/districts\/\{slug\}\/(registration|registrations|residents)$/);
/** Signing oneself out everywhere names no record at all (and would end the sweep's own session). */
publicPaths.push(/^\/me\/sign-out$/);

/**
 * Routes open to A's admin even when aimed at B: they act on A's own district as a whole and
 * name no record of B's, so they must answer 2xx with A's own data and nothing of B. Every
 * other route must refuse with 401, 403 or 404.
 */
const openToA: Record<string, string> = {
  getMe: "the caller's own account",
  getDistrictConfig: "A's configuration",
  updateDistrictConfig: "A's configuration",
  listConfigVersions: "A's configuration's versions",
  getTierConfig: "A's tiers",
  updateTierConfig: "A's tiers",
  listCategories: "A's categories",
  listDepartments: "A's departments",
  listDistricts: "a district user's own district",
  listProvinces: "province names, no district data",
  getDistrictMetrics: "A's dashboard",
  recountMetrics: "A's counters",
  listAuditEvents: "A's audit trail",
  listUsers: "A's users (also tried below)",
  listPeople: "A's people on grids",
  searchGrids: "A's grids matching the query (B's names tried below)",
  listNotifications: "the caller's own notifications",
  markNotificationsRead: "the caller's own notifications",
  listOpen311Keys: "A's Open311 keys",
  createOpen311Key: "a key for A",
  listPartyOrgs: "A's party organisations",
  listPartyRecords: "A's party records",
  listHomeUnits: "A's cadres' home units",
  createHomeUnit: "a home unit in A",
  getEmergencyMode: "A's mode",
  listEmergencyTasks: "A's emergency tasks",
  listMyEmergencyTasks: "the caller's own tasks",
  requestPhotoUpload: "an upload slot for A",
  createGridUpload: "an upload slot for A",
  exportGrids: "an export of A's grids",
  listNearbyTickets: "A's open tickets near a point (aimed at B's ground: none of B's)",
  getMyRegisterRecord: "the caller's own register records",
  listAccessLog: "A's register access log (B's record named: none of B's)",
  exportAccessLog: "A's register access log",
  createRegisterUpload: "an upload slot for A",
  getRegisterImportMapping: "A's saved column mapping",
};

/** Query values a route needs besides the ids (which are B's), aimed at B's ground. */
const queriesAimedAtB: Record<string, Record<string, string>> = {
  locateGrid: { lon: "118.02", lat: "26.62" },
  listNearbyTickets: { lon: "118.02", lat: "26.62" },
  searchGrids: { q: "延平" },
  listOwnersRecords: { kind: "consultation" },
  searchRegister: { q: "延平" },
};
/** Query parameters of which a route takes only one at a time: each is tried alone. */
const oneOf: Record<string, string[]> = {
  listCadres: ["unitID", "gridID"],
  listLedgerEntries: ["cadreID", "gridID", "unitID"],
  listGrids: ["parentID"],
};

let api: Awaited<ReturnType<typeof startTestApi>>;
/** District B's values for every path parameter of the API. */
let paramsOfB: Record<string, string>;
/** Bodies that aim a write at B's records. */
let bodiesAimedAtB: Record<string, unknown>;
/** Valid bodies for the writes open to A (made when they are sent: some carry A's current version). */
const bodiesOfA: Record<string, () => Promise<unknown>> = {
  updateDistrictConfig: async () => {
    const config = (await api.call("GET", "/config", { as: As.jianyangAdmin })).body;
    return { expectedVersion: config.version, note: "巡检", changes: { map: config.map } };
  },
  updateTierConfig: async () => {
    const { tiers, dedicatedKinds } = (await api.call("GET", "/config/tiers", { as: As.jianyangAdmin })).body;
    return { tiers, dedicatedKinds };
  },
  createOpen311Key: async () => ({ label: "巡检" }),
  createHomeUnit: async () => ({ name: "巡检单位" }),
  requestPhotoUpload: async () => ({ contentType: "image/jpeg" }),
  markNotificationsRead: async () => ({}),
};

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
    paramsOfB.parentID = paramsOfB.gridID;
    bodiesAimedAtB.rollbackConfig = { toVersion: versionOfB, expectedVersion: versionOfB, note: "越界回滚" };
  }
  const gridOfA = await api.call("POST", "/grids", {
    as: As.jianyangAdmin,
    body: { code: "JY-ISO", name: "建阳巡检格", tier: 1, boundary: rect(0, 0, 5, 5, [118.1, 27.3]) },
  });
  expect(gridOfA.status).toBe(201);
  // A in emergency mode, so that an emergency task aimed at B's grids is refused for the grids, not for the mode.
  await withActor({ type: "system", tenantID: "jianyang" }, async () => {
    await Config.change((config) => ({ mechanisms: { ...config.mechanisms, emergencyMode: true } }));
    await Emergency.setMode({ mode: "emergency", scope: "district", reason: "巡检" });
  });
  const teamOfA = await withActor({ type: "system", tenantID: "jianyang" }, async () => {
    const config = await Config.change((config) => ({ mechanisms: { ...config.mechanisms, volunteers: true } }));
    const kind = config.governance.volunteerTeamKinds[0].key;
    return Volunteer.createTeam({ kind, name: "建阳宣传队", gridID: gridOfA.body.gridID, leaderName: "建阳队长" });
  });
  const householdOfA = await withActor({ type: "system", tenantID: "jianyang" }, async () => {
    const house = await Register.createHouse({ address: "建阳巡检路 1 号", lon: 118.11, lat: 27.31, gridID: gridOfA.body.gridID });
    return Register.createHousehold({ houseID: house.houseID });
  });
  paramsOfA = {
    gridID: gridOfA.body.gridID,
    userID: As.jianyangResident.userID,
    teamID: teamOfA.teamID,
    householdID: householdOfA.householdID,
  };
  Object.assign(bodiesAimedAtB, {
    updateUserRoles: { roles: ["grid_worker"] },
    inviteUser: { name: "冒充者", phone: "13700000000", roles: ["grid_worker"] },
    setEmergencyMode: { mode: "emergency", scope: "grids", reason: "越界操作" },
    createEmergencyTask: { title: "越界任务", scope: "risk_area", checklist: ["越界"] },
  });
});
afterAll(() => api?.close());

/** District A's own records, for the routes that name one in the path and B's in the body. */
let paramsOfA: Record<string, string>;

/** `body` with every field in `naming` set to B's record (a list of one for a plural: gridIDs). */
function aimedAtB(body: unknown, naming: string[]) {
  if (!naming.length) return body;
  const aimed = Object.fromEntries(
    naming.map((name) => (name in paramsOfB ? [name, paramsOfB[name]] : [name, [paramsOfB[name.replace(/s$/, "")]]])),
  );
  return { ...(body as object), ...aimed };
}

/** Every item of the table, as plain objects. */
async function allItems() {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await Storage.documentClient().send(new ScanCommand({ TableName: Storage.tableName(), ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
const ofDistrict = (slug: string, items: Record<string, unknown>[]) =>
  items.map((item) => JSON.stringify(item)).filter((text) => text.includes(`tenantid_${slug}`));

/**
 * What of B a reply must never hold: the ids, phones and names in B's items that A's items do
 * not also hold (a name like "管理员" may be in both).
 */
function secretsOf(itemsOfB: string[], itemsOfA: string[]) {
  const textOfA = itemsOfA.join("\n");
  const found = new Set<string>();
  const walk = (value: unknown, key: string) => {
    if (typeof value === "string") {
      if (/ID$/.test(key) && /^[a-z]+_[0-9a-z]{20,}$/.test(value)) found.add(value);
      if (/phone/i.test(key) && /^1\d{10}$/.test(value)) found.add(value);
      if (/^(name|.*Name)$/.test(key) && value.length >= 2) found.add(value);
    } else if (Array.isArray(value)) for (const entry of value) walk(entry, key);
    else if (value && typeof value === "object") for (const [inner, entry] of Object.entries(value)) walk(entry, inner);
  };
  for (const text of itemsOfB) walk(JSON.parse(text), "");
  return [...found].filter((secret) => !textOfA.includes(secret));
}

it("a district admin of A is refused every route aimed at B, or gets only A's own, and nothing of B changes", async () => {
  const doc = (await api.call("GET", "/openapi.json")).body as {
    paths: Record<
      string,
      Record<
        string,
        { operationId: string; parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: unknown }> } }
      >
    >;
    components?: { schemas?: Record<string, unknown> };
  };
  const items = await allItems();
  const before = ofDistrict(B.slug, items).sort();
  const secrets = secretsOf(before, ofDistrict("jianyang", items));
  const ids = secrets.filter((secret) => /^[a-z]+_/.test(secret));
  const phones = secrets.filter((secret) => /^1\d{10}$/.test(secret));
  const names = secrets.filter((secret) => !ids.includes(secret) && !phones.includes(secret));
  expect(ids.length).toBeGreaterThan(20);
  expect(phones).toEqual(expect.arrayContaining(["13700000008", "13700000009", "13700000011"]));
  expect(names).toEqual(expect.arrayContaining(["延平干部", "延平居民", "延平一格"]));
  expect(before.length).toBeGreaterThan(5);
  /** A body's top-level properties (through a $ref). */
  const propertiesOf = (schema: any): string[] => {
    const resolved = schema?.$ref ? doc.components?.schemas?.[schema.$ref.split("/").pop()] : schema;
    return Object.keys((resolved as { properties?: object })?.properties ?? {});
  };
  const tried = new Map<string, number[]>();
  /** Routes that name a record in the path and others in the body: tried again below on A's own record. */
  const crossed: { operationId: string; method: string; template: string; naming: string[] }[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    if (publicPaths.some((pattern) => pattern.test(template))) continue;
    for (const [method, operation] of Object.entries(methods)) {
      const { operationId } = operation;
      const params = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const unknown = params.filter((name) => !(name in paramsOfB));
      expect(unknown, `${operationId}: add district B's value for these path parameters`).toEqual([]);
      const open = operationId in openToA;
      // Every body field that names a record (gridID, orgID, gridIDs…) is aimed at B's, on top of the body the fixtures give.
      const schema = operation.requestBody?.content["application/json"]?.schema;
      const naming = propertiesOf(schema).filter((name) => name.replace(/s$/, "") in paramsOfB);
      if (open) expect(naming, `${operationId} is open to A but its body names records`).toEqual([]);
      const body = open ? await bodiesOfA[operationId]?.() : aimedAtB(bodiesAimedAtB[operationId], naming);
      if (params.length && naming.length) crossed.push({ operationId, method, template, naming });
      // B's ids go in the query wherever a query parameter names one (gridID, userID, cadreID…): each alone where the route takes one.
      const queryIDs = (operation.parameters ?? [])
        .filter((parameter) => parameter.in === "query" && parameter.name in paramsOfB)
        .map((parameter) => parameter.name);
      const variants = oneOf[operationId] ? oneOf[operationId].map((name) => [name]) : [queryIDs];
      for (const names of variants) {
        const query = new URLSearchParams({
          ...queriesAimedAtB[operationId],
          ...Object.fromEntries(names.map((name) => [name, paramsOfB[name]])),
        });
        const path =
          template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(paramsOfB[name])) + (query.size ? `?${query}` : "");
        const response = await api.call(method.toUpperCase(), path, {
          as: As.jianyangAdmin,
          body: method === "get" ? undefined : (body ?? {}),
        });
        tried.set(operationId, [...(tried.get(operationId) ?? []), response.status]);
        const reply = JSON.stringify(response.body);
        if (open)
          expect(
            [200, 201, 202, 204],
            `${operationId} (open to A: ${openToA[operationId]}) answered ${response.status}: ${reply}`,
          ).toContain(response.status);
        else {
          // A body field naming B's record may be refused as input that names no record of this district ("no active grid … here").
          const namesAimedField = (response.body.errors ?? []).some((error: { path: string }) =>
            naming.includes(error.path.replace(/^body\./, "").split(".")[0]),
          );
          expect(
            [401, 403, 404, ...(namesAimedField ? [400] : [])],
            `${operationId} ${path} answered ${response.status}: ${reply}`,
          ).toContain(response.status);
        }
        // Whatever a route answers, nothing of B's may be in it. A refusal may echo an id the request named ("no grid grid_… here").
        const text = reply.toLowerCase();
        for (const name of B.names) expect(text, `${operationId} leaked ${name}`).not.toContain(name);
        const sent = `${path} ${JSON.stringify(body ?? {})}`;
        for (const secret of secrets.filter((candidate) => !sent.includes(candidate)))
          expect(text, `${operationId} leaked B's ${secret}`).not.toContain(secret.toLowerCase());
      }
    }
  }
  // A's own record in the path, B's in the body: moving A's grid under B's, placing A's user on B's grid…
  expect(crossed.map((route) => route.operationId).sort()).toEqual([
    "moveHousehold",
    "recordVolunteerProblem",
    "updateGrid",
    "updateUserRoles",
  ]);
  for (const { operationId, method, template, naming } of crossed) {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(paramsOfA[name]));
    expect(path, `${operationId}: add district A's value for its path parameters`).not.toContain("undefined");
    const body = aimedAtB(bodiesAimedAtB[operationId], naming);
    const response = await api.call(method.toUpperCase(), path, { as: As.jianyangAdmin, body });
    const namesAimedField = (response.body.errors ?? []).some((error: { path: string }) =>
      naming.includes(error.path.replace(/^body\./, "").split(".")[0]),
    );
    expect([403, 404, ...(namesAimedField ? [400] : [])], `${operationId} ${path} answered ${response.status}`).toContain(response.status);
    tried.set(operationId, [...(tried.get(operationId) ?? []), response.status]);
  }
  // Every route open to A was tried (a renamed one would otherwise be refused silently).
  expect(Object.keys(openToA).filter((operationId) => !tried.has(operationId))).toEqual([]);
  expect(tried.size).toBeGreaterThanOrEqual(100);
  expect(ofDistrict(B.slug, await allItems()).sort()).toEqual(before);
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
