import { Entity } from "electrodb";
import { withActor, type AccessRole, type DistrictRole } from "../actor.ts";
import { documentClient, tableName } from "../storage/table.ts";
import * as District from "../district/index.ts";
import { ProvinceEntity } from "../province/province.entity.ts";
import { StaffEntity, UserEntity } from "../user/user.entity.ts";
import * as Grid from "../grid/index.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { AssignmentEntity, PersonEntity } from "../person/person.entity.ts";
import { batchPut } from "../storage/batch.ts";
import { newID } from "../util/id.ts";
import { generateJianyangGrids } from "./jianyang-grids.ts";
import { generateJianyangPeople, JianyangHomeUnits } from "./jianyang-people.ts";
import { seedJianyangTickets as seedTickets } from "./jianyang-tickets.ts";
import { TicketCounterEntity } from "../metrics/counter.entity.ts";
import { Tally } from "../metrics/tally.ts";
import { PartyOrgEntity, PartyRecordEntity } from "../party/party.entity.ts";
import * as Party from "../party/index.ts";
import { mulberry32, type JianyangGrids } from "./jianyang-grids.ts";

import { seedJianyangCadres } from "./jianyang-cadres.ts";
import { seedJianyangMenu } from "./jianyang-menu.ts";
import { seedJianyangVolunteers } from "./jianyang-volunteers.ts";
import { seedJianyangEmergency } from "./jianyang-emergency.ts";
import { FujianDemoDistricts, replayDemoDistrictTickets, seedDemoDistrict } from "./fujian-districts.ts";

export { generateJianyangGrids } from "./jianyang-grids.ts";
export { FujianDemoDistricts } from "./fujian-districts.ts";
export { generateJianyangPeople, JianyangPeopleCounts } from "./jianyang-people.ts";
export { JianyangTicketCounts } from "./jianyang-tickets.ts";

/**
 * The built-in demo: Fujian province with Jianyang District (建阳区, on Jianyang's template)
 * and its neighbour Yanping (延平区, on the minimal template), and one demo account per role.
 */
/** Records that a seed step finished, so that an interrupted one is not mistaken for done. */
const SeedMarkerEntity = new Entity(
  {
    model: { entity: "seedMarker", version: "1", service: "wangge" },
    attributes: { name: { type: "string", required: true }, at: { type: "string", required: true } },
    indexes: { primary: { pk: { field: "pk", composite: ["name"] }, sk: { field: "sk", composite: [] } } },
  },
  { table: tableName(), client: documentClient() },
);

export interface DemoAccount {
  userID: string;
  tenantID: string | null;
  name: string;
  role: AccessRole;
  /** What signing in as this account shows, for the demo login page. */
  descriptionZh: string;
  descriptionEn: string;
  departmentKey?: string;
}

export const DemoProvince = { provinceID: "fujian", nameZh: "福建省", nameEn: "Fujian" };

export const DemoDistricts = [
  {
    slug: "jianyang",
    nameZh: "建阳区",
    nameEn: "Jianyang District",
    provinceID: "fujian",
    cityZh: "南平市",
    cityEn: "Nanping",
    template: "jianyang" as const,
    admin: { name: "建阳区管理员", phone: "13800000001" },
  },
  {
    slug: "yanping",
    nameZh: "延平区",
    nameEn: "Yanping District",
    provinceID: "fujian",
    cityZh: "南平市",
    cityEn: "Nanping",
    template: "minimal" as const,
    admin: { name: "延平区管理员", phone: "13800000101" },
  },
];

export const DemoAccounts: DemoAccount[] = [
  { userID: "operator", tenantID: null, name: "平台运营", role: "platform_operator", descriptionZh: "开通新的区县", descriptionEn: "Onboards new districts" },
  { userID: "fujian-admin", tenantID: null, name: "福建省管理员", role: "provincial_admin", descriptionZh: "对比全省各区县", descriptionEn: "Compares the province's districts" },
  { userID: "admin", tenantID: "jianyang", name: "林建华", role: "district_admin", descriptionZh: "建阳区管理员", descriptionEn: "Jianyang district admin" },
  { userID: "leader", tenantID: "jianyang", name: "陈立新", role: "grid_leader", descriptionZh: "一级网格长", descriptionEn: "First-level grid leader" },
  { userID: "worker", tenantID: "jianyang", name: "黄晓梅", role: "grid_worker", descriptionZh: "三级网格员", descriptionEn: "Third-level grid worker" },
  { userID: "staff", tenantID: "jianyang", name: "吴志强", role: "department_staff", descriptionZh: "城管局工作人员", descriptionEn: "Urban management staff", departmentKey: "urban_management" },
  { userID: "cadre", tenantID: "jianyang", name: "刘志明", role: "cadre", descriptionZh: "区财政局下沉干部·网格助理", descriptionEn: "Cadre seconded from the finance bureau" },
  { userID: "resident", tenantID: "jianyang", name: "张秀英", role: "resident", descriptionZh: "七贤社区居民", descriptionEn: "Resident of Qixian community" },
  { userID: "admin", tenantID: "yanping", name: "郑海燕", role: "district_admin", descriptionZh: "延平区管理员", descriptionEn: "Yanping district admin" },
];

/** Seeds the demo if it is missing; safe to run again. Returns what it created. */
export async function seed(): Promise<{ created: string[] }> {
  const created: string[] = [];
  await withActor({ type: "system" }, async () => {
    const province = await ProvinceEntity.get({ provinceID: DemoProvince.provinceID }).go();
    if (!province.data) {
      await ProvinceEntity.put(DemoProvince).go();
      created.push(`province ${DemoProvince.provinceID}`);
    }
    for (const district of DemoDistricts) {
      const existing = await District.DistrictEntity.get({ tenantID: district.slug }).go();
      if (existing.data) continue;
      await District.onboard(district);
      created.push(`district ${district.slug}`);
    }
    for (const [index, account] of DemoAccounts.entries()) {
      const phone = `139${String(index + 1).padStart(8, "0")}`;
      if (account.tenantID) {
        await UserEntity.put({
          tenantID: account.tenantID,
          userID: account.userID,
          name: account.name,
          phone,
          roles: [account.role as DistrictRole],
          departmentKey: account.departmentKey,
          status: "active",
        }).go();
      } else {
        await StaffEntity.put({
          userID: account.userID,
          name: account.name,
          kind: account.role === "platform_operator" ? "operator" : "province",
          provinceID: account.role === "provincial_admin" ? DemoProvince.provinceID : undefined,
        }).go();
      }
    }
  });
  return { created };
}

/**
 * Seeds Jianyang's grids (3,861, through the same import as any district's file) and its
 * grid workforce (6,301 people, each on a grid in a role), if the district has no grids yet.
 */
export async function seedJianyangGrids(options: { onProgress?: (message: string) => void } = {}) {
  return withActor({ type: "system", tenantID: "jianyang" }, async () => {
    if ((await SeedMarkerEntity.get({ name: "jianyang-grids" }).go()).data) return { grids: 0, people: 0, requests: 0 };
    const existing = await GridEntity.query.byParent({ tenantID: "jianyang", parentID: "root" }).go({ limit: 1 });
    if (existing.data.length)
      throw new Error("Jianyang's grids are incomplete (an earlier seed was interrupted): delete the data folder (.data/) and start again.");
    const collection = generateJianyangGrids();
    let last = "";
    const imported = await Grid.importCollection(collection, {
      onProgress: (phase, done, total) => {
        const message = `grids: ${phase} ${Math.round((done / Math.max(total, 1)) * 100)}%`;
        if (message !== last) options.onProgress?.((last = message));
      },
    });
    const gridIDs = new Map(
      (await GridEntity.query.primary({ tenantID: "jianyang" }).go({ pages: "all", attributes: ["gridID", "code", "name"] })).data.map((grid) => [grid.code, grid]),
    );
    const people = generateJianyangPeople(collection);
    const from = "2022-03-01";
    const items = people.flatMap((person) => {
      const personID = newID("person");
      const grid = gridIDs.get(person.gridCode)!;
      return [
        PersonEntity.put({ tenantID: "jianyang", personID, name: person.name, phone: person.phone, homeUnit: person.homeUnit }).params().Item,
        AssignmentEntity.put({
          tenantID: "jianyang",
          assignmentID: newID("assignment"),
          personID,
          gridID: grid.gridID,
          roleKey: person.roleKey,
          from,
          personName: person.name,
          personPhone: person.phone,
          homeUnit: person.homeUnit,
          gridCode: grid.code,
          gridName: grid.name,
          createdBy: "seed",
        }).params().Item,
      ];
    });
    const party = partyItems(collection, gridIDs);
    items.push(...party.items);
    const stats = await batchPut(items, {
      onProgress: (written, total) => {
        const message = `people: ${Math.round((written / total) * 100)}%`;
        if (message !== last) options.onProgress?.((last = message));
      },
    });
    // People per role, as `Person.assign` keeps them for a district that adds people one by one.
    const tally = new Tally().addState(["district"], "people.total", people.length);
    for (const person of people) tally.addState(["district"], `people.role.${person.roleKey}`, 1);
    await party.tally.write();
    await tally.write();
    // The demo worker and leader work where the demo's reports land: the grid at the district's centre.
    const centre = await Grid.locate({ lon: 118.12, lat: 27.33 });
    await UserEntity.patch({ tenantID: "jianyang", userID: "worker" }).set({ gridID: centre.grid.gridID }).go();
    await UserEntity.patch({ tenantID: "jianyang", userID: "leader" }).set({ gridID: centre.ancestors[0]?.gridID ?? centre.grid.gridID }).go();
    await SeedMarkerEntity.put({ name: "jianyang-grids", at: new Date().toISOString() }).go();
    return { grids: imported.imported, people: people.length, requests: imported.requests + stats.requests + 1 };
  });
}

/**
 * Jianyang's party chain on its grids: a committee per township, a grid party branch per
 * first-level grid, a building party group per second-level grid and a party-member central
 * household on every fifth third-level grid; and the year's 48 joint party-building meetings
 * and 238 co-building projects claimed by units.
 */
function partyItems(collection: JianyangGrids, grids: Map<string, { gridID: string; code: string; name: string }>) {
  const tenantID = "jianyang";
  const random = mulberry32(48238);
  const items: Record<string, unknown>[] = [];
  const orgOf = new Map<string, { orgID: string; path: string[] }>();
  const features = collection.features.map((feature) => feature.properties);
  const put = (kind: "community_committee" | "grid_branch" | "building_group" | "central_household", name: string, parent: { orgID: string; path: string[] } | null, gridCodes: string[], extra: Record<string, unknown> = {}) => {
    const org = { orgID: newID("org"), path: parent ? [...parent.path, parent.orgID] : [] };
    items.push(
      PartyOrgEntity.put({
        tenantID, orgID: org.orgID, kind, name, parentOrgID: parent?.orgID ?? "root", path: org.path,
        gridIDs: gridCodes.map((code) => grids.get(code)!.gridID), createdBy: "seed", ...extra,
      }).params().Item,
    );
    return org;
  };
  const townships = [...new Set(features.map((grid) => grid.township))];
  const committees = townships.map((township) => {
    const tier1 = features.filter((grid) => grid.tier === 1 && grid.township === township).map((grid) => grid.code);
    return put("community_committee", `${township}党委`, null, tier1.slice(0, 50), { headTitle: "书记" });
  });
  [...features].sort((a, b) => (a.tier ?? 9) - (b.tier ?? 9)).forEach((grid, index) => {
    if (grid.tier === 1) {
      const township = townships.indexOf(grid.township);
      orgOf.set(grid.code, put("grid_branch", `${grid.name}党支部`, committees[Math.max(0, township)], [grid.code]));
    }
    if (grid.tier === 2 && grid.parentCode) orgOf.set(grid.code, put("building_group", `${grid.name}楼栋党小组`, orgOf.get(grid.parentCode)!, [grid.code]));
    if (grid.tier === 3 && grid.parentCode && index % 5 === 0)
      put("central_household", `${grid.name}党员中心户`, orgOf.get(grid.parentCode)!, [grid.code], { headTitle: random() < 0.5 ? "楼栋长" : "街巷长" });
  });
  const tally = new Tally();
  const record = (kind: "joint_meeting" | "co_building_project", count: number, title: (n: number) => string) => {
    for (let n = 1; n <= count; n++) {
      const committee = committees[n % committees.length];
      const month = String(1 + Math.floor(((n - 1) * 8) / count)).padStart(2, "0");
      const day = String(1 + Math.floor(random() * 28)).padStart(2, "0");
      tally.add(["district", `org:${committee.orgID}`], `2022-${month}-${day}T04:00:00Z`, Party.partyMetric[kind]);
      items.push(
        PartyRecordEntity.put({
          tenantID, recordID: newID("record"), orgID: committee.orgID, kind, title: title(n), date: `2022-${month}-${day}`,
          units: [JianyangHomeUnits[Math.floor(random() * JianyangHomeUnits.length)]],
          status: kind === "joint_meeting" ? "held" : random() < 0.7 ? "done" : "claimed", createdBy: "seed",
        }).params().Item,
      );
    }
  };
  record("joint_meeting", 48, (n) => `党建联席会（第${n}次）`);
  const projects = ["加装电梯", "小区立面改造", "楼道照明", "安装风扇", "停车位改造", "垃圾分类亭", "老年活动室", "雨污分流"];
  record("co_building_project", 238, (n) => `共建项目：${projects[n % projects.length]}（${n}）`);
  return { items, tally };
}

/**
 * Replays Jianyang's 2022 tickets through the core transitions, once (a marker records that it
 * finished). Slow on DynamoDB Local (every transition is a transaction with its counters):
 * `npm start` runs it in the background. `limit` seeds a smaller year of the same shape.
 */
export async function seedJianyangTickets(options: { limit?: number; concurrency?: number; onProgress?: (done: number, total: number) => void } = {}) {
  const name = `jianyang-tickets${options.limit ? `-${options.limit}` : ""}`;
  if ((await SeedMarkerEntity.get({ name }).go()).data) return { tickets: 0, open: 0, seeded: false };
  const counted = await TicketCounterEntity.get({ tenantID: "jianyang", scope: "district", period: "all" }).go();
  if ((counted.data?.collected ?? 0) > 0)
    throw new Error("Jianyang's demo tickets are incomplete (an earlier replay was interrupted): delete the data folder (.data/) and start again.");
  const result = await seedTickets(generateJianyangGrids(), options);
  await SeedMarkerEntity.put({ name, at: new Date().toISOString() }).go();
  return { ...result, seeded: true };
}

/** Runs a seed step once: skipped when its marker is there, the marker written when it finishes. */
async function once<T>(name: string, step: () => Promise<T>): Promise<T | null> {
  if ((await SeedMarkerEntity.get({ name }).go()).data) return null;
  const result = await step();
  await SeedMarkerEntity.put({ name, at: new Date().toISOString() }).go();
  return result;
}

/**
 * Jianyang's governance mechanisms with the article's figures — cadres and their ledger,
 * micro-wishes, needs lists and meetings, volunteers, the emergency rounds of 2022 — each through
 * its own core functions, once. Needs Jianyang's grids and people.
 */
export async function seedJianyangMechanisms(options: { onProgress?: (message: string) => void } = {}) {
  const steps: [string, string, (options: { onProgress?: (message: string) => void }) => Promise<unknown>][] = [
    ["jianyang-cadres", "cadres and their ledger", seedJianyangCadres],
    ["jianyang-menu", "micro-wishes, needs lists and meetings", seedJianyangMenu],
    ["jianyang-volunteers", "volunteers and activities", seedJianyangVolunteers],
    ["jianyang-emergency", "emergency rounds", seedJianyangEmergency],
  ];
  const done: string[] = [];
  for (const [name, label, step] of steps) {
    const started = Date.now();
    const result = await once(name, () => step({ onProgress: options.onProgress }));
    if (result !== null) {
      done.push(label);
      options.onProgress?.(`${label}: seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  }
  return { seeded: done };
}

/**
 * Fujian's two more demo districts (Shaowu: two tiers; Wuyishan: four), with grids and people;
 * `tickets` also replays their year of tickets (slow: `npm start` does it in the background).
 */
export async function seedFujianDistricts(options: { tickets?: boolean; onProgress?: (message: string) => void } = {}) {
  const seeded: string[] = [];
  for (const plan of FujianDemoDistricts) {
    const result = await seedDemoDistrict(plan);
    if (result.grids) seeded.push(`${plan.slug}: ${result.grids} grids, ${result.people} people`);
  }
  if (options.tickets)
    for (const plan of FujianDemoDistricts)
      await once(`${plan.slug}-tickets`, async () => {
        const counted = await TicketCounterEntity.get({ tenantID: plan.slug, scope: "district", period: "all" }).go();
        if ((counted.data?.collected ?? 0) > 0)
          throw new Error(`${plan.nameEn}'s demo tickets are incomplete (an earlier replay was interrupted): delete the data folder (.data/) and start again.`);
        return replayDemoDistrictTickets(plan, {
          onProgress: (done, total) => {
            if (done % 300 === 0 || done === total) options.onProgress?.(`${plan.slug} tickets: ${done} / ${total}`);
          },
        });
      });
  return { seeded };
}
