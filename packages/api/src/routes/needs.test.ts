import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, square, startTestApi } from "../../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };
const leader = { as: As.jianyangLeader };
const worker = { as: As.jianyangWorker };
const cadre = { as: As.jianyangCadre };
const resident = { as: As.jianyangResident };
let community: string;
let east: string;
let west: string;
let eastLeaf: string;

beforeAll(async () => {
  api = await startTestApi();
  const top = await api.call("POST", "/grids", {
    ...admin,
    body: { code: "ND", name: "清单社区", tier: 1, boundary: square(118.5, 27.7, 0.02) },
  });
  community = top.body.gridID;
  const a = await api.call("POST", "/grids", {
    ...admin,
    body: { code: "ND01", name: "东网格", tier: 2, parentID: community, boundary: square(118.5, 27.7, 0.01) },
  });
  const b = await api.call("POST", "/grids", {
    ...admin,
    body: { code: "ND02", name: "西网格", tier: 2, parentID: community, boundary: square(118.51, 27.7, 0.01) },
  });
  expect([a.status, b.status]).toEqual([201, 201]);
  [east, west] = [a.body.gridID, b.body.gridID];
  for (const gridStaff of [As.jianyangWorker, As.jianyangLeader]) await api.place(gridStaff, community);
  const lowest = await api.call("POST", "/grids", {
    ...admin,
    body: { code: "ND0101", name: "东一微网格", tier: 3, parentID: east, boundary: square(118.5, 27.7, 0.01) },
  });
  expect(lowest.status).toBe(201);
  eastLeaf = lowest.body.gridID;
  // The cadre is seconded to the lowest grid in the east: they claim its items only.
  await api.second(As.jianyangCadre, eastLeaf);
});
afterAll(() => api?.close());

const create = (body: Record<string, unknown>, who = worker) =>
  api.call("POST", "/needs", { ...who, body: { kind: "problem", title: "楼道灯不亮", gridID: eastLeaf, ...body } });

describe("needs lists through the API", () => {
  it("an item is claimed by a cadre, ticked off with evidence and confirmed by a resident; lists and progress per grid and community", async () => {
    const problem = await create({});
    expect(problem.status, JSON.stringify(problem.body)).toBe(201);
    expect(problem.body).toMatchObject({ status: "open", source: "staff", createdBy: "worker", gridPath: [community, east, eastLeaf] });
    const project = await create({ kind: "project", title: "加装电梯", gridID: west }, leader);
    expect(project.status).toBe(201);
    const id = problem.body.itemID;
    // Not the cadre's grid: the west's project is not theirs to claim.
    const elsewhere = await api.call("POST", `/needs/${project.body.itemID}/claim`, { ...cadre, body: {} });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([403, "scope.seconded"]);

    const [first, second] = await Promise.all([
      api.call("POST", `/needs/${id}/claim`, { ...cadre, body: {} }),
      api.call("POST", `/needs/${id}/claim`, { ...leader, body: { unit: "区财政局" } }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const byCadre = first.status === 200;
    if (byCadre) expect(first.body).toMatchObject({ status: "claimed", claimantID: "cadre", claimantName: "刘志明", claimantUnit: null });
    else expect(second.body).toMatchObject({ status: "claimed", claimantID: null, claimantUnit: "区财政局" });
    expect((await api.call("POST", `/needs/${id}/claim`, { ...cadre, body: {} })).body.code).toBe("need.claimed");

    const byResident = await api.call("POST", `/needs/${id}/close`, { ...resident, body: { note: "已修好" } });
    expect(byResident.status).toBe(403);
    const byWorker = await api.call("POST", `/needs/${id}/close`, { ...worker, body: { note: "已修好" } });
    expect(byWorker.status).toBe(403);
    const noNote = await api.call("POST", `/needs/${id}/close`, { ...cadre, body: {} });
    expect(noNote.status).toBe(400);
    const closed = await api.call("POST", `/needs/${id}/close`, { ...(byCadre ? cadre : leader), body: { note: "已更换灯泡并检查线路" } });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ status: "closed", closeNote: "已更换灯泡并检查线路" });
    expect((await api.call("POST", `/needs/${id}/confirm`, { ...worker, body: {} })).status).toBe(403);
    expect((await api.call("POST", `/needs/${id}/confirm`, { ...resident, body: {} })).body.status).toBe("confirmed");
    expect((await api.call("POST", `/needs/${id}/confirm`, { ...resident, body: {} })).status).toBe(409);

    // The unit's claim on the project, recorded by an admin, ticked off by the admin.
    const unit = await api.call("POST", `/needs/${project.body.itemID}/claim`, { ...admin, body: { unit: "区住建局" } });
    expect(unit.body).toMatchObject({ status: "claimed", claimantUnit: "区住建局" });
    const cadreClose = await api.call("POST", `/needs/${project.body.itemID}/close`, { ...cadre, body: { note: "完工" } });
    expect(cadreClose.status).toBe(403);

    const ofCommunity = await api.call("GET", `/needs?gridID=${community}`, resident);
    expect(ofCommunity.body.items.map((item: { title: string }) => item.title).sort()).toEqual(["加装电梯", "楼道灯不亮"]);
    const ofWest = await api.call("GET", `/needs?gridID=${west}`, resident);
    expect(ofWest.body.items.map((item: { title: string }) => item.title)).toEqual(["加装电梯"]);
    const claimed = await api.call("GET", `/needs?gridID=${community}&status=claimed`, admin);
    expect(claimed.body.items.map((item: { itemID: string }) => item.itemID)).toEqual([project.body.itemID]);
    const projects = await api.call("GET", `/needs?gridID=${community}&kind=project`, admin);
    expect(projects.body.items).toHaveLength(1);
    if (byCadre)
      expect((await api.call("GET", "/needs?mine=true", cadre)).body.items.map((item: { itemID: string }) => item.itemID)).toEqual([id]);

    const progress = await api.call("GET", `/needs/progress?gridID=${community}`, resident);
    expect(progress.body).toEqual({ created: 2, problems: 1, projects: 1, claimed: 2, closed: 1, confirmed: 1, open: 0, inProgress: 1 });
    const eastProgress = await api.call("GET", `/needs/progress?gridID=${east}`, resident);
    expect(eastProgress.body).toMatchObject({ created: 1, confirmed: 1 });
    const read = await api.call("GET", `/needs/${id}`, resident);
    expect(read.body.item.status).toBe("confirmed");
  });

  it("refuses bad input: a wrong kind, a resident or department staff entering items, a cadre claiming for a unit, another district", async () => {
    expect((await create({ kind: "wish" })).status).toBe(400);
    expect((await create({}, resident)).status).toBe(403);
    expect((await create({}, { as: As.jianyangStaff })).status).toBe(403);
    expect((await create({ gridID: "grid_00000000000000000000000000" })).status).toBe(404);
    const item = await create({ title: "路面破损" });
    expect((await api.call("POST", `/needs/${item.body.itemID}/claim`, { ...cadre, body: { unit: "区交通局" } })).status).toBe(403);
    expect((await api.call("POST", `/needs/${item.body.itemID}/claim`, { ...worker, body: {} })).status).toBe(403);
    const off = await api.call("GET", "/needs", { as: As.yanpingAdmin });
    expect(off.status).toBe(404);
    expect(off.body.code).toBe("mechanism.off");
    expect(
      (await api.call("POST", `/needs/${item.body.itemID}/claim`, { as: As.yanpingAdmin, body: { unit: "区交通局" } })).body.code,
    ).toBe("mechanism.off");
  });
});
