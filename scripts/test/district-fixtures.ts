/**
 * One of every record a district holds, made through the API and the core as a district's own
 * people would make them, with the path parameters that name them and a valid-looking body for
 * each write: what the isolation sweep aims at another district, and what the access sweep
 * tries each role on. Mechanisms are switched on as they are needed.
 */
import { Config, Ticket, withActor } from "@wangge/core";
import * as Emergency from "@wangge/core/emergency/index";
import * as Open311 from "@wangge/core/open311/index";
import { rect } from "@wangge/core/onboarding/test-district.test-support";
import { expect } from "vitest";
import type { Caller, startTestApi } from "./api.ts";

export interface DistrictFixtureOptions {
  slug: string;
  /** The district's admin, who makes the grids, the party org and the import. */
  admin: Caller;
  /** Who posts the wish and reports the ticket (a resident's ID), and who enters the needs item and the meeting (a grid worker's). */
  residentID: string;
  workerID: string;
  /** The district's name and grid code prefix, in the records' names and codes. */
  name: string;
  code: string;
  /** The south-west corner of its grids (longitude, latitude). */
  origin: [number, number];
  /** A ticket category of the district's configuration (its template's). */
  categoryKey: string;
}

/** Yanping (延平), the demo's second district on the minimal template: the district the sweeps aim at. */
export const Yanping: DistrictFixtureOptions = {
  slug: "yanping",
  admin: { userID: "admin", tenantID: "yanping" },
  residentID: "yp-resident",
  workerID: "yp-worker",
  name: "延平",
  code: "YP",
  categoryKey: "environment",
  origin: [118, 26.6],
};

export async function districtFixtures(api: Awaited<ReturnType<typeof startTestApi>>, options: DistrictFixtureOptions) {
  const { slug, admin, residentID, workerID, name, code, origin, categoryKey } = options;
  const params: Record<string, string> = {};
  const bodies: Record<string, unknown> = {};
  const asAdmin = { as: admin };
  const first = await api.call("POST", "/grids", {
    ...asAdmin,
    body: { code: `${code}-1`, name: `${name}一格`, tier: 1, boundary: rect(0, 0, 5, 5, origin) },
  });
  const second = await api.call("POST", "/grids", {
    ...asAdmin,
    body: { code: `${code}-2`, name: `${name}二格`, tier: 1, boundary: rect(5, 0, 10, 5, origin) },
  });
  expect([first.status, second.status]).toEqual([201, 201]);
  const upload = await api.call("POST", "/grids/imports/uploads", asAdmin);
  const file = {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        geometry: rect(0, 0, 2, 5, origin),
        properties: { code: `${code}-1-1`, name: `${name}一格一`, tier: 2, parentCode: `${code}-1` },
      },
    ],
  };
  expect((await fetch(upload.body.url, { method: "PUT", body: JSON.stringify(file) })).status).toBe(200);
  const imported = await api.call("POST", "/grids/imports", { ...asAdmin, body: { uploadKey: upload.body.uploadKey } });
  expect(imported.status).toBe(202);
  // Imports and exports run in the background (in-process here): the records are there once they are done.
  const settled = async (path: string) => {
    for (let polls = 0; polls < 400; polls++) {
      const job = await api.call("GET", path, asAdmin);
      if (job.body.status === "done" || job.body.status === "failed") return job.body.status;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return "running";
  };
  expect(await settled(`/grids/imports/${imported.body.importID}`)).toBe("done");
  const exported = await api.call("POST", "/grids/exports", asAdmin);
  expect(exported.status).toBe(202);
  expect(await settled(`/grids/exports/${exported.body.exportID}`)).toBe("done");
  const secondUpload = await api.call("POST", "/grids/imports/uploads", asAdmin);
  const org = await api.call("POST", "/party/orgs", {
    ...asAdmin,
    body: { kind: "community_committee", name: `${name}社区党委`, gridIDs: [first.body.gridID] },
  });
  expect(org.status).toBe(201);
  const { ticket } = await withActor({ type: "user", userID: residentID, tenantID: slug, roles: ["resident"] }, () =>
    Ticket.create({ categoryKey, description: `${name}的垃圾`, lon: origin[0] + 0.02, lat: origin[1] + 0.02 }),
  );
  const key = await withActor({ type: "system", tenantID: slug }, () => Open311.createApiKey({ label: `${name} app` }));
  Object.assign(params, {
    keyID: key.keyID,
    slug,
    gridID: first.body.gridID,
    importID: imported.body.importID,
    exportID: exported.body.exportID,
    orgID: org.body.orgID,
    ticketID: ticket.ticketID,
  });
  Object.assign(bodies, {
    onboardDistrict: {
      slug,
      nameZh: `${name}区`,
      nameEn: "Yanping",
      provinceID: "fujian",
      cityZh: "南平市",
      cityEn: "Nanping",
      template: "minimal",
      admin: { name: "冒充者", phone: "13700000000" },
    },
    createGrid: { code: "X-1", name: "越界", tier: 2, parentID: first.body.gridID, boundary: rect(0, 0, 1, 1, origin) },
    updateGrid: { name: "被改名" },
    splitGrid: {
      pieces: [
        { code: "X-A", name: "A", boundary: rect(0, 0, 5, 2, origin) },
        { code: "X-B", name: "B", boundary: rect(0, 2, 5, 5, origin) },
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
    revealTicketReporter: { purpose: "越界查看" },
    markTicketDuplicate: { originalID: ticket.ticketID },
    attachPhoto: { photoKey: "uploads/pending/yanping/photos/photo_x" },
    assignRole: { gridID: first.body.gridID, roleKey: "grid_leader_1", person: { name: "冒充者", phone: "13700000000" } },
  });
  // ── cadres ──
  {
    const { Cadre, Grid } = await import("@wangge/core");
    const { unit, cadre } = await withActor({ type: "system", tenantID: slug }, async () => {
      await Config.change((config) => ({ mechanisms: { ...config.mechanisms, cadreSecondment: true } }));
      const lowest = (await Grid.list({ tier: 2 })).items[0];
      const createdUnit = await Cadre.createHomeUnit({ name: `${name}区财政局` });
      const assigned = await Cadre.assignCadre({
        name: `${name}干部`,
        phone: "13700000008",
        unitID: createdUnit.unitID,
        gridID: lowest.gridID,
        from: "2022-03-01",
        to: "2022-12-31",
      });
      return { unit: createdUnit, cadre: assigned };
    });
    Object.assign(params, { unitID: unit.unitID, cadreID: cadre.cadreID });
    Object.assign(bodies, {
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
    const { team, members } = await withActor({ type: "system", tenantID: slug }, async () => {
      await Config.change((config) => ({ mechanisms: { ...config.mechanisms, volunteers: true } }));
      const created = await Volunteer.createTeam({
        kind: "publicity",
        name: `${name}宣传队`,
        gridID: first.body.gridID,
        leaderName: `${name}队长`,
        members: [{ name: `${name}队员`, phone: "13700000009" }],
      });
      return Volunteer.getTeam(created.teamID);
    });
    Object.assign(params, { teamID: team.teamID, memberID: members[0].memberID });
    Object.assign(bodies, {
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
    await withActor({ type: "system", tenantID: slug }, () =>
      Config.change((config) => ({ mechanisms: { ...config.mechanisms, wishes: true, needsLists: true, meetings: true } })),
    );
    const wish = await withActor({ type: "user", userID: residentID, tenantID: slug, roles: ["resident"] }, () =>
      Wish.createWish({ title: `${name}心愿`, description: `${name}的微心愿`, gridID: first.body.gridID }),
    );
    const { item, meeting } = await withActor(
      { type: "user", userID: workerID, tenantID: slug, roles: ["grid_worker"], gridID: first.body.gridID },
      async () => ({
        item: await Need.createNeedItem({ kind: "problem", title: `${name}问题`, gridID: first.body.gridID }),
        meeting: await Meeting.createMeeting({
          typeKey: "grid_council",
          gridID: first.body.gridID,
          scheduledAt: "2022-05-01T19:00:00+08:00",
          place: `${name}活动室`,
          topic: `${name}议题`,
        }),
      }),
    );
    Object.assign(params, { wishID: wish.wishID, itemID: item.itemID, meetingID: meeting.meetingID });
    Object.assign(bodies, {
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
  // ── the register ──
  {
    const { Register } = await import("@wangge/core");
    const [lon, lat] = [origin[0] + 0.01, origin[1] + 0.01];
    const { household, person } = await withActor({ type: "system", tenantID: slug }, async () => {
      await Config.change((config) => ({ mechanisms: { ...config.mechanisms, register: true } }));
      const house = await Register.createHouse({ address: `${name}一路 1 号`, lon, lat, gridID: first.body.gridID });
      const household = await Register.createHousehold({ houseID: house.houseID });
      const person = await Register.createResidentRecord({
        name: `${name}住户`,
        idNumber: `35070219800101002${Register.residentIDCheck("35070219800101002")}`,
        householdID: household.householdID,
        relation: "户主",
      });
      return { household, person };
    });
    Object.assign(params, { householdID: household.householdID, recordID: person.recordID, houseID: household.houseID });
    Object.assign(bodies, {
      createHouse: { address: "越界路 1 号", lon, lat, gridID: first.body.gridID },
      createHousehold: { houseID: household.houseID },
      moveHousehold: { houseID: household.houseID },
      createResidentRecord: { name: "越界者", idNumber: "11010519491231002X", gridID: first.body.gridID },
      revealField: { field: "idNumber", purpose: "越界查看" },
      updateResidentRecord: { name: "越界改名", tags: [] },
      moveOutResident: {},
      createEnterprise: { name: "越界公司", address: "越界路 2 号", lon, lat, gridID: first.body.gridID },
      importRegister: { uploadKey: `uploads/pending/${slug}/upload_${slug}.register` },
    });
  }
  // ── end the register ──
  {
    const registered = await api.register(slug, { name: `${name}居民`, phone: "13700000011" });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    params.userID = registered.body.userID;
    bodies.updateUserRoles = { roles: ["district_admin"], status: "active" };
  }
  // ── emergency ──
  await withActor({ type: "system", tenantID: slug }, async () => {
    await Config.change((config) => ({ mechanisms: { ...config.mechanisms, emergencyMode: true } }));
    await Emergency.setMode({ mode: "emergency", scope: "grids", gridIDs: [first.body.gridID], reason: `${name}应急` });
    const task = await Emergency.createTask({
      title: `${name}第1轮核酸检测`,
      scope: "risk_area",
      gridIDs: [first.body.gridID],
      checklist: ["采样"],
    });
    params.taskID = task.taskID;
  });
  bodies.reportEmergencyTask = { ticks: [true], note: "越界操作" };
  return { params, bodies, gridIDs: [first.body.gridID, second.body.gridID] };
}
