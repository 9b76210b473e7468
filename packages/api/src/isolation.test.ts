import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { Config, Storage, Ticket, withActor } from "@wangge/core";
import * as Open311 from "@wangge/core/open311/index";
import { afterAll, beforeAll, expect, it } from "vitest";
import { As, startTestApi } from "../../../scripts/test/api.ts";
import * as EmergencyOfB from "@wangge/core/emergency/index"; // emergency
import { change as changeConfig } from "@wangge/core/config/index"; // emergency
import { rect } from "@wangge/core/onboarding/test-district.test-support";

/**
 * Tenant isolation, route by route: signed in as district A (Jianyang), every route of the
 * API is tried with district B's (Yanping's) slugs and ids. Routes are read from the OpenAPI
 * document, so a new route is tried the day it is added; a path parameter this test does not
 * know makes it fail until B's value for it is added below.
 */
/** What of B a reply must never contain (error messages may echo the ids the caller sent). */
const B = { slug: "yanping", names: ["延平", "yp-"] };

/** Routes anyone may call: they hold no district data. */
/** Open311 reads are public per jurisdiction (their own tests cover cross-district reads); its keys are not. */
const publicPaths = [/^\/health$/, /^\/dev\//, /^\/openapi\.json$/, /^\/docs/, /^\/open311\/v2\/(?!keys)/];
/** Residents' self-registration is public per district (tried below). */
publicPaths.push(/^\/districts\/\{slug\}\/(registration|residents)$/);

let api: Awaited<ReturnType<typeof startTestApi>>;
/** District B's values for every path parameter of the API. */
let paramsOfB: Record<string, string>;
/** Bodies that aim a write at B's records. */
let bodiesAimedAtB: Record<string, unknown>;

beforeAll(async () => {
  api = await startTestApi();
  const asB = { as: As.yanpingAdmin };
  const first = await api.call("POST", "/grids", {
    ...asB,
    body: { code: "YP-1", name: "延平一格", tier: 1, boundary: rect(0, 0, 5, 5, [118, 26.6]) },
  });
  const second = await api.call("POST", "/grids", {
    ...asB,
    body: { code: "YP-2", name: "延平二格", tier: 1, boundary: rect(5, 0, 10, 5, [118, 26.6]) },
  });
  expect([first.status, second.status]).toEqual([201, 201]);
  const upload = await api.call("POST", "/grids/imports/uploads", asB);
  const file = {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        geometry: rect(0, 0, 2, 5, [118, 26.6]),
        properties: { code: "YP-1-1", name: "延平一格一", tier: 2, parentCode: "YP-1" },
      },
    ],
  };
  expect((await fetch(upload.body.url, { method: "PUT", body: JSON.stringify(file) })).status).toBe(200);
  const imported = await api.call("POST", "/grids/imports", { ...asB, body: { uploadKey: upload.body.uploadKey } });
  expect(imported.status).toBe(200);
  const secondUpload = await api.call("POST", "/grids/imports/uploads", asB);
  const org = await api.call("POST", "/party/orgs", {
    ...asB,
    body: { kind: "community_committee", name: "延平社区党委", gridIDs: [first.body.gridID] },
  });
  expect(org.status).toBe(201);
  const { ticket } = await withActor({ type: "user", userID: "yp-resident", tenantID: B.slug, roles: ["resident"] }, () =>
    Ticket.create({ categoryKey: "environment", description: "延平的垃圾", lon: 118.02, lat: 26.62 }),
  );
  const keyOfB = await withActor({ type: "system", tenantID: B.slug }, () => Open311.createApiKey({ label: "延平 app" }));
  paramsOfB = {
    keyID: keyOfB.keyID,
    slug: B.slug,
    gridID: first.body.gridID,
    importID: imported.body.importID,
    orgID: org.body.orgID,
    ticketID: ticket.ticketID,
  };
  bodiesAimedAtB = {
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
    createGrid: { code: "X-1", name: "越界", tier: 2, parentID: first.body.gridID, boundary: rect(0, 0, 1, 1, [118, 26.6]) },
    updateGrid: { name: "被改名" },
    splitGrid: {
      pieces: [
        { code: "X-A", name: "A", boundary: rect(0, 0, 5, 2, [118, 26.6]) },
        { code: "X-B", name: "B", boundary: rect(0, 2, 5, 5, [118, 26.6]) },
      ],
    },
    mergeGrids: { gridIDs: [first.body.gridID, second.body.gridID], code: "X-M", name: "合并" },
    importGrids: { uploadKey: secondUpload.body.uploadKey },
    createPartyOrg: { kind: "grid_branch", name: "越界支部", parentOrgID: org.body.orgID, gridIDs: [first.body.gridID] },
    createPartyRecord: { orgID: org.body.orgID, kind: "joint_meeting", title: "越界会议", date: "2022-03-15", units: ["x"] },
    acceptTicket: {},
    rejectTicket: { note: "越界操作" },
    dispatchTicket: {},
    reportHandling: { note: "越界操作" },
    verifyTicket: {},
    sendBackTicket: { note: "越界操作" },
    reopenTicket: { note: "越界操作" },
    rateTicket: { rating: 1 },
    requestTicketChange: { kind: "void", note: "越界操作" },
    decideTicketChange: { approve: true },
    attachPhoto: { photoKey: "uploads/pending/yanping/photos/photo_x" },
    assignRole: { gridID: first.body.gridID, roleKey: "grid_leader_1", person: { name: "冒充者", phone: "13700000000" } },
  };
  // ── cadres ──
  {
    const { Cadre, Grid } = await import("@wangge/core");
    const { unit, cadre } = await withActor({ type: "system", tenantID: B.slug }, async () => {
      await Config.change((config) => ({ mechanisms: { ...config.mechanisms, cadreSecondment: true } }));
      const lowest = (await Grid.list({ tier: 2 })).items[0];
      const createdUnit = await Cadre.createHomeUnit({ name: "延平区财政局" });
      const assigned = await Cadre.assignCadre({
        name: "延平干部",
        phone: "13700000008",
        unitID: createdUnit.unitID,
        gridID: lowest.gridID,
        from: "2022-03-01",
        to: "2022-12-31",
      });
      return { unit: createdUnit, cadre: assigned };
    });
    Object.assign(paramsOfB, { unitID: unit.unitID, cadreID: cadre.cadreID });
    Object.assign(bodiesAimedAtB, {
      assignCadre: {
        name: "冒充者",
        phone: "13700000000",
        unitID: unit.unitID,
        gridID: cadre.gridID,
        from: "2022-03-01",
        to: "2022-12-31",
      },
      createLedgerEntry: { kind: "visit", date: "2022-05-01", hours: 1, gridID: cadre.gridID },
      evaluateCadre: { month: "2022-05", attitude: 1, workState: 1, performance: 1, grade: "poor" },
    });
  }
  // ── end cadres ──
  // ── volunteers ──
  {
    const { Volunteer } = await import("@wangge/core");
    const { team, members } = await withActor({ type: "system", tenantID: B.slug }, async () => {
      await Config.change((config) => ({ mechanisms: { ...config.mechanisms, volunteers: true } }));
      const created = await Volunteer.createTeam({
        kind: "publicity",
        name: "延平宣传队",
        gridID: first.body.gridID,
        leaderName: "延平队长",
        members: [{ name: "延平队员", phone: "13700000009" }],
      });
      return Volunteer.getTeam(created.teamID);
    });
    Object.assign(paramsOfB, { teamID: team.teamID, memberID: members[0].memberID });
    Object.assign(bodiesAimedAtB, {
      createVolunteerTeam: { kind: "environment", name: "越界队", gridID: first.body.gridID, leaderName: "冒充者" },
      addVolunteerMember: { name: "冒充者", phone: "13700000000" },
      recordVolunteerProblem: { date: "2022-06-01", title: "越界记录" },
      createActivity: {
        kind: "policy_talk",
        title: "越界活动",
        date: "2022-05-01",
        gridID: first.body.gridID,
        organisers: ["x"],
        served: 1,
      },
      createOwnersRecord: { kind: "consultation", gridID: first.body.gridID, date: "2022-05-01", topic: "越界协商" },
    });
  }
  // ── end volunteers ──
  // ── wishes, needs, meetings ──
  {
    const { Meeting, Need, Wish } = await import("@wangge/core");
    await withActor({ type: "system", tenantID: B.slug }, () =>
      Config.change((config) => ({ mechanisms: { ...config.mechanisms, wishes: true, needsLists: true, meetings: true } })),
    );
    const wish = await withActor({ type: "user", userID: "yp-resident", tenantID: B.slug, roles: ["resident"] }, () =>
      Wish.createWish({ title: "延平心愿", description: "延平的微心愿", gridID: first.body.gridID }),
    );
    const { item, meeting } = await withActor(
      { type: "user", userID: "yp-worker", tenantID: B.slug, roles: ["grid_worker"] },
      async () => ({
        item: await Need.createNeedItem({ kind: "problem", title: "延平问题", gridID: first.body.gridID }),
        meeting: await Meeting.createMeeting({
          typeKey: "grid_council",
          gridID: first.body.gridID,
          scheduledAt: "2022-05-01T19:00:00+08:00",
          place: "延平活动室",
          topic: "延平议题",
        }),
      }),
    );
    Object.assign(paramsOfB, { wishID: wish.wishID, itemID: item.itemID, meetingID: meeting.meetingID });
    Object.assign(bodiesAimedAtB, {
      createWish: { title: "越界心愿", description: "越界操作", gridID: first.body.gridID },
      fulfilWish: { note: "越界操作" },
      createNeedItem: { kind: "problem", title: "越界问题", gridID: first.body.gridID },
      claimNeedItem: { unit: "越界单位" },
      closeNeedItem: { note: "越界操作" },
      createMeeting: {
        typeKey: "grid_council",
        gridID: first.body.gridID,
        scheduledAt: "2022-05-01T19:00:00+08:00",
        place: "越界地点",
        topic: "越界议题",
      },
      recordMeetingOutcome: { minutes: "越界操作", attendanceCount: 3, outcomes: [{ kind: "problem", title: "越界问题" }] },
    });
  }
  // ── end wishes, needs, meetings ──
  {
    const registered = await api.call("POST", `/districts/${B.slug}/residents`, { body: { name: "延平居民", phone: "13700000011" } });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    paramsOfB.userID = registered.body.userID;
    bodiesAimedAtB.updateUserRoles = { roles: ["district_admin"], status: "active" };
  }
  // ── emergency ──
  await withActor({ type: "system", tenantID: B.slug }, async () => {
    await changeConfig((config) => ({ mechanisms: { ...config.mechanisms, emergencyMode: true } }));
    await EmergencyOfB.setMode({ mode: "emergency", scope: "grids", gridIDs: [first.body.gridID], reason: "延平应急" });
    const task = await EmergencyOfB.createTask({
      title: "延平第1轮核酸检测",
      scope: "risk_area",
      gridIDs: [first.body.gridID],
      checklist: ["采样"],
    });
    paramsOfB.taskID = task.taskID;
  });
  bodiesAimedAtB.reportEmergencyTask = { ticks: [true], note: "越界操作" };
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
  const doc = (await api.call("GET", "/openapi.json")).body as { paths: Record<string, Record<string, { operationId: string }>> };
  const before = await itemsOfB();
  expect(before.length).toBeGreaterThan(5);
  const tried: string[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    if (publicPaths.some((pattern) => pattern.test(template))) continue;
    for (const [method, operation] of Object.entries(methods)) {
      const params = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const unknown = params.filter((name) => !(name in paramsOfB));
      expect(unknown, `${operation.operationId}: add district B's value for these path parameters`).toEqual([]);
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(paramsOfB[name]));
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
