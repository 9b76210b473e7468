import { Register } from "@wangge/core";
import { rect } from "@wangge/core/onboarding/test-district.test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, startTestApi } from "../../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };
const worker = { as: As.jianyangWorker };
let gridID = "";
let otherGridID = "";

// Fictitious ID numbers with their check characters (GB 11643).
const id = (first17: string) => `${first17}${Register.residentIDCheck(first17)}`;
const wang = id("35078419700303005");
const formula = id("35078419700303013");

beforeAll(async () => {
  api = await startTestApi();
  const made = await api.call("POST", "/grids", {
    ...admin,
    body: { code: "REG-1", name: "登记一格", tier: 1, boundary: rect(0, 0, 5, 5, [118.5, 27.5]) },
  });
  const other = await api.call("POST", "/grids", {
    ...admin,
    body: { code: "REG-2", name: "登记二格", tier: 1, boundary: rect(5, 0, 10, 5, [118.5, 27.5]) },
  });
  expect([made.status, other.status]).toEqual([201, 201]);
  gridID = made.body.gridID;
  otherGridID = other.body.gridID;
  await api.place(As.jianyangWorker, gridID);
});
afterAll(() => api?.close());

describe("the grid register through the API", () => {
  let recordID = "";

  it("lets a grid worker add a house, a household and a person; refuses a bad ID number and a duplicate with a clear 4xx", async () => {
    const house = await api.call("POST", "/register/houses", { ...worker, body: { address: "登记路 8 号", lon: 118.52, lat: 27.52 } });
    expect(house.status, JSON.stringify(house.body)).toBe(201);
    expect(house.body.gridID).toBe(gridID);
    const household = await api.call("POST", "/register/households", { ...worker, body: { houseID: house.body.houseID } });
    expect(household.status).toBe(201);
    const person = await api.call("POST", "/register/people", {
      ...worker,
      body: {
        name: "王登记",
        idNumber: wang,
        phone: "13700000201",
        householdID: household.body.householdID,
        relation: "户主",
        tags: ["elderly_alone"],
      },
    });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    expect(person.body).toMatchObject({ idMasked: `350${"*".repeat(11)}${wang.slice(-4)}`, phoneMasked: "137****0201", gender: "male" });
    expect(JSON.stringify(person.body)).not.toContain(wang);
    recordID = person.body.recordID;

    const bad = await api.call("POST", "/register/people", {
      ...worker,
      body: { name: "错号", idNumber: `${wang.slice(0, 17)}${wang[17] === "1" ? "2" : "1"}`, gridID },
    });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain("application/problem+json");
    expect(JSON.stringify(bad.body.errors)).toContain("idNumber");
    const duplicate = await api.call("POST", "/register/people", { ...worker, body: { name: "重号", idNumber: wang, gridID } });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, "register.duplicate_id"]);
    const outside = await api.call("POST", "/register/people", {
      ...worker,
      body: { name: "越格", idNumber: id("35078419700303021"), gridID: otherGridID },
    });
    expect([outside.status, outside.body.code]).toEqual([403, "scope.grid"]);
  });

  it("reveals a field only with a purpose, and keeps residents, cadres and provincial admins out of other people's records", async () => {
    const noPurpose = await api.call("POST", `/register/people/${recordID}/reveal`, { ...worker, body: { field: "idNumber" } });
    expect(noPurpose.status).toBe(400);
    const revealed = await api.call("POST", `/register/people/${recordID}/reveal`, {
      ...worker,
      body: { field: "idNumber", purpose: "核对高龄补贴" },
    });
    expect([revealed.status, revealed.body.value]).toEqual([200, wang]);
    for (const caller of [As.jianyangResident, As.jianyangCadre, As.fujian]) {
      const read = await api.call("GET", `/register/people/${recordID}`, { as: caller });
      expect(read.status, `${caller.userID}: ${JSON.stringify(read.body)}`).toBe(403);
      expect(JSON.stringify(read.body)).not.toContain("王登记");
    }
    const log = await api.call("GET", "/register/access-log", admin);
    expect(log.body.items[0]).toMatchObject({ action: "reveal", recordName: "王登记", field: "idNumber", purpose: "核对高龄补贴" });
    expect((await api.call("GET", "/register/access-log", worker)).status).toBe(403);
  });

  it("shows a resident what the register holds about them, from their sign-in, and logs it", async () => {
    const registered = await api.register("jianyang", { name: "王登记", phone: "13700000201" });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const me = { as: { userID: registered.body.userID, tenantID: "jianyang" } };
    const mine = await api.call("GET", "/register/me", me);
    expect(mine.status).toBe(200);
    expect(mine.body.records.map((record: { idNumber: string; phone: string }) => [record.idNumber, record.phone])).toEqual([
      [wang, "13700000201"],
    ]);
    expect(mine.body.records[0].tagNames.map((tag: { nameZh: string }) => tag.nameZh)).toEqual(["独居老人"]);
    // Someone else's account sees nothing of them.
    expect((await api.call("GET", "/register/me", { as: As.jianyangResident })).body.records).toEqual([]);
    const log = await api.call("GET", `/register/access-log?recordID=${recordID}`, admin);
    expect(log.body.items[0]).toMatchObject({ action: "self", recordName: "王登记" });
  });

  it("exports the access log as CSV with formulas defused, and the export is logged", async () => {
    const person = await api.call("POST", "/register/people", {
      ...worker,
      body: { name: '=HYPERLINK("http://x.example","点我")', idNumber: formula, gridID },
    });
    expect(person.status).toBe(201);
    const read = await api.call("GET", `/register/people/${person.body.recordID}`, worker);
    expect(read.status).toBe(200);
    const csv = await api.call("GET", "/register/access-log/export", admin);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain("text/csv");
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x.example"",""点我"")"`);
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
    expect((await api.call("GET", "/register/access-log", admin)).body.items[0].action).toBe("export");
  });

  it("counts per grid from the counters, and map points without personal data", async () => {
    const counts = await api.call("GET", "/register/counts", admin);
    expect(counts.status).toBe(200);
    const row = counts.body.children.find((child: { code: string }) => child.code === "REG-1");
    expect(row.counts).toMatchObject({ houses: 1, households: 1, people: 2, tags: { elderly_alone: 1 } });
    const points = await api.call("GET", `/register/points?gridID=${gridID}`, worker);
    expect(points.body.houses.map((house: { address: string; households: number }) => [house.address, house.households])).toEqual([
      ["登记路 8 号", 1],
    ]);
    expect(JSON.stringify(points.body)).not.toContain("王登记");
    expect((await api.call("GET", `/register/points?gridID=${otherGridID}`, worker)).status).toBe(403);
  });
});
