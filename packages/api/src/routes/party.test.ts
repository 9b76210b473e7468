import { afterAll, beforeAll, expect, it } from "vitest";
import { As, startTestApi } from "../../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };
let gridID: string;

beforeAll(async () => {
  api = await startTestApi();
  const grid = await api.call("POST", "/grids", {
    ...admin,
    body: {
      code: "QX",
      name: "七贤社区网格",
      tier: 1,
      boundary: {
        type: "Polygon",
        coordinates: [
          [
            [118.1, 27.3],
            [118.11, 27.3],
            [118.11, 27.31],
            [118.1, 27.31],
            [118.1, 27.3],
          ],
        ],
      },
    },
  });
  gridID = grid.body.gridID;
});
afterAll(() => api?.close());

it("builds the chain community → grid branch → building group → central household, each serving grids", async () => {
  const make = async (kind: string, name: string, parentOrgID?: string, extra: Record<string, unknown> = {}) => {
    const response = await api.call("POST", "/party/orgs", { ...admin, body: { kind, name, parentOrgID, gridIDs: [gridID], ...extra } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  const community = await make("community_committee", "七贤社区党委");
  const branch = await make("grid_branch", "七贤第一网格党支部", community.orgID);
  const building = await make("building_group", "建发二区3号楼党小组", branch.orgID);
  const household = await make("central_household", "党员中心户 林阿姨家", building.orgID, { headName: "林秀珍", headTitle: "楼栋长" });

  const read = await api.call("GET", `/party/orgs/${household.orgID}`, admin);
  expect(read.body.chain.map((org: { name: string }) => org.name)).toEqual(["七贤社区党委", "七贤第一网格党支部", "建发二区3号楼党小组"]);
  expect(read.body.org).toMatchObject({ headTitle: "楼栋长", gridIDs: [gridID] });
  const under = await api.call("GET", `/party/orgs/${community.orgID}`, admin);
  expect(under.body.children.map((org: { name: string }) => org.name)).toEqual(["七贤第一网格党支部"]);

  const skipped = await api.call("POST", "/party/orgs", {
    ...admin,
    body: { kind: "building_group", name: "跳级", parentOrgID: community.orgID, gridIDs: [gridID] },
  });
  expect(skipped.status).toBe(400);
  expect(skipped.body.code).toBe("party.parent");
  const noGrid = await api.call("POST", "/party/orgs", {
    ...admin,
    body: { kind: "community_committee", name: "无网格", gridIDs: ["grid_00000000000000000000000000"] },
  });
  expect(noGrid.status).toBe(404);

  const meeting = await api.call("POST", "/party/records", {
    ...admin,
    body: {
      orgID: community.orgID,
      kind: "joint_meeting",
      title: "党建联席会（第一季度）",
      date: "2022-03-15",
      units: ["区城管局", "七贤社区"],
    },
  });
  expect(meeting.body.status).toBe("held");
  const project = await api.call("POST", "/party/records", {
    ...admin,
    body: { orgID: community.orgID, kind: "co_building_project", title: "建发二区加装电梯", date: "2022-05-01", units: ["区住建局"] },
  });
  expect(project.body.status).toBe("claimed");
  const projects = await api.call("GET", "/party/records?kind=co_building_project", admin);
  expect(projects.body.items.map((record: { title: string }) => record.title)).toEqual(["建发二区加装电梯"]);
  const byResident = await api.call("POST", "/party/records", {
    as: As.jianyangResident,
    body: { orgID: community.orgID, kind: "joint_meeting", title: "x", date: "2022-03-15", units: ["x"] },
  });
  expect(byResident.status).toBe(403);
});
