import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { withActor, type Actor } from "../actor.ts";
import * as Config from "../config/index.ts";
import { readTallies } from "../counter/tally.ts";
import { VisibleError } from "../error.ts";
import * as Grid from "../grid/index.ts";
import * as Metrics from "../metrics/index.ts";
import * as Person from "../person/index.ts";
import { onboardTestDistrict, rect } from "../onboarding/test-district.test-support.ts";
import { tableName } from "../storage/table.ts";
import * as Register from "./index.ts";
import { ResidentRecordEntity } from "./register.entity.ts";

/** The stored item's key, as the table holds it. */
function rawKey(recordID: string) {
  const { Key } = ResidentRecordEntity.get({ tenantID, recordID }).params() as { Key: { pk: string; sk: string } };
  return { pk: { S: Key.pk }, sk: { S: Key.sk } };
}

const tenantID = "reg-a";
const otherID = "reg-b";
const admin: Actor = { type: "user", userID: "admin", tenantID, roles: ["district_admin"], name: "管理员" };
const grids: Record<string, string> = {};
const worker = (gridID: string, userID = "w1"): Actor => ({
  type: "user",
  userID,
  tenantID,
  roles: ["grid_worker"],
  gridID,
  name: "网格员甲",
});

// Fictitious ID numbers with valid check characters (GB 11643): 17 digits, then the check.
const id = (first17: string) => `${first17}${Register.residentIDCheck(first17)}`;
const ids = { zhang: id("35078419800101001"), li: id("35078419851212002"), wang: id("35078419900505003"), zhao: id("35078420000202004") };

const code = async <T>(promise: Promise<T>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof VisibleError ? `${error.kind} ${error.code}` : error instanceof ZodError ? "zod" : String(error)),
  );

beforeAll(async () => {
  await onboardTestDistrict(tenantID, "reg-p");
  await onboardTestDistrict(otherID, "reg-p2");
  await withActor(admin, async () => {
    const top = await Grid.create({ code: "R", name: "榕网格", tier: 1, boundary: rect(0, 0, 10, 10) });
    const left = await Grid.create({ code: "R-1", name: "榕一网格", tier: 2, parentID: top.gridID, boundary: rect(0, 0, 5, 10) });
    const right = await Grid.create({ code: "R-2", name: "榕二网格", tier: 2, parentID: top.gridID, boundary: rect(5, 0, 10, 10) });
    Object.assign(grids, { top: top.gridID, left: left.gridID, right: right.gridID });
  });
  await withActor({ type: "user", userID: "adm-b", tenantID: otherID, roles: ["district_admin"] }, async () => {
    const theirs = await Grid.create({ code: "B", name: "他区网格", tier: 1, boundary: rect(20, 20, 30, 30) });
    grids.other = theirs.gridID;
  });
}, 60_000);

const people = (scope: string) => withActor(admin, () => readTallies(scope, "all"));

describe("the grid register", () => {
  let householdID = "";
  let zhangID = "";

  it("keeps houses, households and people on grids with counters per grid and tag, and seals what is personal", async () => {
    const left = worker(grids.left);
    const house = await withActor(left, () => Register.createHouse({ address: "榕一路 1 号", lon: 118.02, lat: 27.02 }));
    expect(house.gridID).toBe(grids.left);
    const household = await withActor(left, () => Register.createHousehold({ houseID: house.houseID }));
    householdID = household.householdID;
    const zhang = await withActor(left, () =>
      Register.createResidentRecord({
        name: "张测试",
        idNumber: ids.zhang,
        phone: "13800001111",
        householdID,
        relation: "户主",
        tags: ["elderly_alone", "low_income"],
      }),
    );
    zhangID = zhang.recordID;
    expect(zhang).toMatchObject({ gender: "male", tags: ["elderly_alone"], sensitiveTagCount: 1 });
    expect(zhang.idMasked).toBe(`350${"*".repeat(11)}${ids.zhang.slice(-4)}`);
    expect(zhang.phoneMasked).toBe("138****1111");
    await withActor(left, () =>
      Register.createResidentRecord({ name: "李测试", idNumber: ids.li, householdID, relation: "配偶", tags: [] }),
    );

    // The raw item holds neither the ID number nor the phone, in any form a reader would find.
    const raw = await new DynamoDBClient({
      endpoint: process.env.DYNAMODB_ENDPOINT,
      region: "local",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    }).send(new GetItemCommand({ TableName: tableName(), Key: rawKey(zhangID) }));
    expect(raw.Item, "the raw item is found by its key").toBeDefined();
    const text = JSON.stringify(raw.Item);
    for (const secret of [ids.zhang, "13800001111", ids.zhang.slice(6, 14), "low_income"]) expect(text).not.toContain(secret);

    const district = await people("district");
    expect(district["register.people"].count).toBe(2);
    expect(district["register.households"].count).toBe(1);
    expect(district["register.houses"].count).toBe(1);
    expect(district["register.tag.elderly_alone"].count).toBe(1);
    expect(district["register.tag.low_income"].count).toBe(1);
    expect((await people(`grid:${grids.left}`))["register.people"].count).toBe(2);
    expect((await people(`grid:${grids.right}`))["register.people"]).toBeUndefined();
    const [head] = (await withActor(left, () => Register.listHouseholds({ houseID: house.houseID }))).items;
    expect(head).toMatchObject({ headName: "张测试", members: 2 });
    const read = await withActor(left, () => Register.getHousehold(householdID));
    expect(read.members.map((member) => [member.name, member.relation, member.idMasked.slice(0, 3)])).toEqual([
      ["张测试", "户主", "350"],
      ["李测试", "配偶", "350"],
    ]);
  });

  it("refuses a bad ID number, a date of birth that disagrees with it, an unknown tag and a duplicate — two at once: exactly one wins", async () => {
    const left = worker(grids.left);
    const bad = `${ids.wang.slice(0, 17)}${ids.wang[17] === "0" ? "1" : "0"}`;
    expect(await code(withActor(left, () => Register.createResidentRecord({ name: "错号", idNumber: bad, gridID: grids.left })))).toBe(
      "zod",
    );
    expect(
      await code(
        withActor(left, () =>
          Register.createResidentRecord({ name: "错日", idNumber: ids.wang, dateOfBirth: "1990-05-06", gridID: grids.left }),
        ),
      ),
    ).toBe("zod");
    expect(
      await code(
        withActor(left, () => Register.createResidentRecord({ name: "标签", idNumber: ids.wang, tags: ["nope"], gridID: grids.left })),
      ),
    ).toBe("input register.unknown_tag");
    expect(
      await code(withActor(left, () => Register.createResidentRecord({ name: "重号", idNumber: ids.zhang, gridID: grids.left }))),
    ).toBe("conflict register.duplicate_id");
    const results = await Promise.all(
      ["王一", "王二"].map((name) =>
        code(withActor(left, () => Register.createResidentRecord({ name, idNumber: ids.wang, gridID: grids.left }))),
      ),
    );
    expect(results.sort()).toEqual(["conflict register.duplicate_id", "ok"]);
  });

  it("keeps a grid worker to their own grid, another district's grid unknown, a provincial admin and a cadre out", async () => {
    const right = worker(grids.right, "w2");
    expect(await code(withActor(right, () => Register.getResidentRecord(zhangID)))).toBe("not_found register.person_not_found");
    expect(await code(withActor(right, () => Register.createHouse({ address: "榕一路 9 号", lon: 118.02, lat: 27.02 })))).toBe(
      "forbidden scope.grid",
    );
    expect(
      await code(withActor(admin, () => Register.createHouse({ address: "他区", lon: 118.25, lat: 27.25, gridID: grids.other }))),
    ).toBe("not_found grid.not_found");
    expect((await withActor(right, () => Register.searchRegister({ q: "张" }))).items).toEqual([]);
    expect(await code(withActor({ type: "province", userID: "p", provinceID: "reg-p" }, () => Register.getResidentRecord(zhangID)))).toBe(
      "forbidden actor.role",
    );
    expect(await code(withActor({ ...admin, userID: "c1", roles: ["cadre"] }, () => Register.searchRegister({})))).toBe(
      "forbidden actor.role",
    );
    expect(
      await code(
        withActor({ type: "user", userID: "x", tenantID: otherID, roles: ["district_admin"] }, () => Register.getResidentRecord(zhangID)),
      ),
    ).toBe("not_found register.person_not_found");
  });

  it("finds people by a name's start, a full ID number or phone (keyed hash), and a tag; lists show masks only", async () => {
    const left = worker(grids.left);
    const byName = await withActor(left, () => Register.searchRegister({ q: "张" }));
    expect(byName.items.map((person) => person.name)).toEqual(["张测试"]);
    expect((await withActor(left, () => Register.searchRegister({ q: ids.zhang }))).items.map((person) => person.recordID)).toEqual([
      zhangID,
    ]);
    expect(
      (await withActor(left, () => Register.searchRegister({ q: "138 0000 1111".replace(/ /g, "") }))).items.map((p) => p.recordID),
    ).toEqual([zhangID]);
    expect((await withActor(left, () => Register.searchRegister({ tag: "elderly_alone" }))).items.map((p) => p.name)).toEqual(["张测试"]);
    expect(JSON.stringify(byName)).not.toContain(ids.zhang);
  });

  it("reveals one field with a purpose to the roles allowed, logs each reading, and lets the district narrow who may", async () => {
    const left = worker(grids.left);
    expect(await code(withActor(left, () => Register.revealField({ recordID: zhangID, field: "idNumber", purpose: "" })))).toBe("zod");
    const revealed = await withActor(left, () =>
      Register.revealField({ recordID: zhangID, field: "idNumber", purpose: "办理高龄补贴核对身份" }),
    );
    expect(revealed.value).toBe(ids.zhang);
    const detail = await withActor(left, () => Register.getResidentRecord(zhangID));
    expect(detail).toMatchObject({ sensitiveTags: ["low_income"], mayReveal: true, address: "榕一路 1 号" });
    const log = await withActor(admin, () => Register.listAccessLog({}));
    expect(log.items.slice(0, 2).map((entry) => [entry.action, entry.recordName, entry.field, entry.purpose, entry.actorName])).toEqual([
      ["read", "张测试", null, null, "网格员甲"],
      ["reveal", "张测试", "idNumber", "办理高龄补贴核对身份", "网格员甲"],
    ]);
    expect(await code(withActor(left, () => Register.listAccessLog({})))).toBe("forbidden actor.role");

    const config = await withActor(admin, () => Config.get());
    await withActor(admin, () =>
      Config.update({ expectedVersion: config.version, changes: { register: { ...config.register, revealRoles: ["district_admin"] } } }),
    );
    expect(await code(withActor(left, () => Register.revealField({ recordID: zhangID, field: "phone", purpose: "回访" })))).toBe(
      "forbidden register.reveal_role",
    );
    expect((await withActor(left, () => Register.getResidentRecord(zhangID))).sensitiveTags).toBeNull();
    expect((await withActor(admin, () => Register.revealField({ recordID: zhangID, field: "phone", purpose: "回访" }))).value).toBe(
      "13800001111",
    );
    const csv = await withActor(admin, () => Register.exportAccessLog());
    expect(csv).toContain("回访");
    expect((await withActor(admin, () => Register.listAccessLog({}))).items[0].action).toBe("export");
  });

  it("keeps a record up to date: tags move the counters, a new phone its lookup key; of two edits at once exactly one wins", async () => {
    const left = worker(grids.left);
    const before = await people("district");
    const updated = await withActor(left, () =>
      Register.updateResidentRecord({ recordID: zhangID, phone: "13800002222", tags: ["disabled", "low_income"] }),
    );
    expect(updated).toMatchObject({ phoneMasked: "138****2222", tags: ["disabled"], sensitiveTagCount: 1 });
    const after = await people("district");
    expect(after["register.tag.elderly_alone"].count).toBe(before["register.tag.elderly_alone"].count - 1);
    expect(after["register.tag.disabled"].count).toBe(1);
    expect(after["register.tag.low_income"].count).toBe(before["register.tag.low_income"].count);
    expect((await withActor(left, () => Register.searchRegister({ q: "13800002222" }))).items.map((p) => p.recordID)).toEqual([zhangID]);
    expect((await withActor(left, () => Register.searchRegister({ q: "13800001111" }))).items).toEqual([]);
    const results = await Promise.all(
      ["张测甲", "张测乙"].map((name) => code(withActor(left, () => Register.updateResidentRecord({ recordID: zhangID, name })))),
    );
    expect(results.sort()).toEqual(["conflict register.changed", "ok"]);
    await withActor(left, () => Register.updateResidentRecord({ recordID: zhangID, name: "张测试" }));
    expect((await withActor(left, () => Register.searchRegister({ q: "张测" }))).items.map((p) => p.name)).toEqual(["张测试"]);
    expect(await withActor(admin, () => Register.recount())).toEqual([]);
  });

  it("moves a household to another grid with its people and counters, keeping the history; the recount agrees", async () => {
    const house = await withActor(admin, () => Register.createHouse({ address: "榕二路 2 号", lon: 118.07, lat: 27.02 }));
    const moved = await withActor(admin, () => Register.moveHousehold({ householdID, houseID: house.houseID }));
    expect(moved.gridID).toBe(grids.right);
    expect(moved.moves).toHaveLength(1);
    expect(moved.moves[0]).toMatchObject({ fromGridID: grids.left, toGridID: grids.right, by: "admin" });
    expect((await people(`grid:${grids.right}`))["register.people"].count).toBe(2);
    expect((await people(`grid:${grids.right}`))["register.tag.low_income"].count).toBe(1);
    expect((await people(`grid:${grids.left}`))["register.people"].count).toBe(1); // 王, on the grid without a household
    expect((await people(`grid:${grids.left}`))["register.tag.low_income"].count).toBe(0);
    expect(await code(withActor(worker(grids.left), () => Register.getResidentRecord(zhangID)))).toBe(
      "not_found register.person_not_found",
    );
    const drift = await withActor(admin, () => Register.recount());
    expect(drift).toEqual([]);
  });

  it("feeds the dashboard, the grid drill-down and the provincial comparison (people and households per grid worker)", async () => {
    await withActor(admin, async () => {
      const leaf = await Grid.create({ code: "R-2-1", name: "榕二一网格", tier: 3, parentID: grids.right, boundary: rect(5, 5, 10, 10) });
      for (const name of ["网格员一", "网格员二"])
        await Person.assign({
          gridID: leaf.gridID,
          roleKey: "grid_worker",
          person: { name, phone: name === "网格员一" ? "13900000001" : "13900000002" },
        });
    });
    // Three people living (张 and 李 moved right, 王 on the left), one household, two houses; two grid workers.
    const district = await withActor(admin, () => Metrics.getDistrictMetrics({ period: "2026" }));
    expect(
      ["register.people", "register.households", "register.houses", "register.peoplePerGridWorker", "register.householdsPerGridWorker"].map(
        (key) => district.values[key],
      ),
    ).toEqual([3, 1, 2, 1.5, 0.5]);
    const drill = await withActor(admin, () => Metrics.getGridMetrics({ gridID: grids.top, period: "all" }));
    expect(drill.children.map((child) => [child.code, child.values["register.people"], child.values["register.households"]])).toEqual([
      ["R-1", 1, 0],
      ["R-2", 2, 1],
    ]);
    const compared = await withActor({ type: "province", userID: "p", provinceID: "reg-p" }, () =>
      Metrics.compareDistricts({ period: "all" }),
    );
    const row = compared.rows.find((candidate) => candidate.tenantID === tenantID)!;
    expect([row.values["register.peoplePerGridWorker"], row.values["register.householdsPerGridWorker"]]).toEqual([1.5, 0.5]);
    expect(JSON.stringify(compared)).not.toContain("张测试");
  });
});
