import { useTenant } from "../actor.ts";
import * as Grid from "../grid/index.ts";
import { GridCodeEntity, GridEntity, GridSetEntity } from "../grid/grid.entity.ts";
import * as Party from "../party/index.ts";
import { PartyOrgEntity, PartyRecordEntity } from "../party/party.entity.ts";
import * as Person from "../person/index.ts";
import { PersonEntity } from "../person/person.entity.ts";
import { batchDelete } from "../storage/batch.ts";
import * as Config from "../config/index.ts";
import { importFile } from "../register/import.ts";
import { toCsv } from "../util/spreadsheet.ts";
import { mulberry32, type JianyangGrids } from "./jianyang-grids.ts";
import { JianyangHomeUnits } from "./jianyang-people.ts";
import { getMany, idOf, pool, type StepRun } from "./replay.ts";

/**
 * The base of a demo district, before its year: grids (through the import any district uses),
 * the people on them (through `Person.assignMany`) and, for Jianyang, its party chain (through
 * `Party.createOrg` and `Party.createRecord`). Each is a resumable step (see replay.ts).
 */

/** When the demo's districts had their grids, people and party chain in place. */
export const BaseDay = "2022-03-01";
const baseTime = Date.parse(`${BaseDay}T09:00:00+08:00`);

export interface GridFile {
  type: "FeatureCollection";
  features: { properties: { code: string; tier: number | null } }[];
}

/**
 * Imports the district's grids in one go (the import validates the whole file, then writes).
 * An import that was interrupted while writing left some grids and none of the counts: those
 * grids are the demo's own (nobody can use a district before its grids are there), so they are
 * cleared and the file imported again.
 */
export async function seedGrids(step: StepRun, file: GridFile, onProgress?: (message: string) => void) {
  const tenantID = useTenant();
  if (step.resuming) {
    const [grids, codes] = await Promise.all([
      GridEntity.query.primary({ tenantID }).go({ pages: "all", attributes: ["gridID"] }),
      GridCodeEntity.query.primary({ tenantID }).go({ pages: "all", attributes: ["code"] }),
    ]);
    await batchDelete([
      ...grids.data.map((grid) => keyOf(GridEntity.delete({ tenantID, gridID: grid.gridID }).params())),
      ...codes.data.map((code) => keyOf(GridCodeEntity.delete({ tenantID, code: code.code }).params())),
    ]);
    await GridSetEntity.update({ tenantID })
      .set({ tier1: 0, tier2: 0, tier3: 0, tier4: 0, tier5: 0, dedicated: 0, updatedAt: new Date().toISOString() })
      .add({ stamp: 1 })
      .go();
  }
  let last = "";
  const result = await step.act("import", baseTime, null, () =>
    Grid.importCollection(file, {
      onProgress: (phase, done, total) => {
        if (phase === "writing") step.reached(done);
        const message = `grids: ${phase} ${Math.round((done / Math.max(total, 1)) * 100)}%`;
        if (message !== last) {
          last = message;
          onProgress?.(message);
        }
      },
    }),
  );
  step.item(file.features.length);
  return result;
}

const keyOf = (params: { Key?: Record<string, unknown> }) => params.Key!;

/** A person of the demo's workforce: on the grid with `gridCode`, in `roleKey`. */
export interface DemoPerson {
  name: string;
  phone: string;
  homeUnit?: string;
  roleKey: string;
  gridCode: string;
}

/** The district's grid IDs by code. */
export async function gridsByCode() {
  const grids = await GridEntity.query.primary({ tenantID: useTenant() }).go({ pages: "all", attributes: ["gridID", "code", "name"] });
  return new Map(grids.data.map((grid) => [grid.code, grid]));
}

/** Puts the people on their grids, `Person.ASSIGN_MANY_MAX` a transaction (with their counts). */
export async function seedPeople(step: StepRun, people: DemoPerson[], options: { concurrency?: number } = {}) {
  const tenantID = useTenant();
  const grids = await gridsByCode();
  const chunks: DemoPerson[][] = [];
  for (let start = 0; start < people.length; start += Person.ASSIGN_MANY_MAX)
    chunks.push(people.slice(start, start + Person.ASSIGN_MANY_MAX));
  const firstOf = (index: number) => idOf(step.name, `chunk/${index}`, "person", baseTime);
  const done = new Set<string>();
  if (step.resuming)
    for (const person of await getMany(
      chunks.map((_, index) => ({ tenantID, personID: firstOf(index) })),
      (keys) =>
        PersonEntity.get(keys)
          .go()
          .then((result) => result.data),
    ))
      done.add(person.personID);
  await pool(chunks, options.concurrency ?? 4, async (chunk, index) => {
    if (!done.has(firstOf(index)))
      await step.act(`chunk/${index}`, baseTime, null, () =>
        Person.assignMany(
          chunk.map((person) => ({
            gridID: grids.get(person.gridCode)!.gridID,
            roleKey: person.roleKey,
            from: BaseDay,
            person: { name: person.name, phone: person.phone, homeUnit: person.homeUnit },
          })),
        ),
      );
    step.item(chunk.length);
  });
  return { people: people.length };
}

type OrgKind = "community_committee" | "grid_branch" | "building_group" | "central_household";
type OrgPlan = { kind: OrgKind; name: string; parent: number | null; gridCodes: string[]; headTitle?: string };
type RecordPlan = {
  org: number;
  kind: "joint_meeting" | "co_building_project";
  title: string;
  date: string;
  units: string[];
  status: "held" | "claimed" | "done";
};

/**
 * Jianyang's party chain on its grids: a committee per township, a grid party branch per
 * first-level grid, a building party group per second-level grid and a party-member central
 * household on every fifth third-level grid; and the year's 48 joint party-building meetings
 * and 238 co-building projects claimed by units.
 */
export function jianyangPartyPlan(collection: JianyangGrids) {
  const random = mulberry32(48238);
  const orgs: OrgPlan[] = [];
  const records: RecordPlan[] = [];
  const orgOf = new Map<string, number>();
  const features = collection.features.map((feature) => feature.properties);
  const add = (org: OrgPlan) => orgs.push(org) - 1;
  const townships = [...new Set(features.map((grid) => grid.township))];
  const committees = townships.map((township) => {
    const tier1 = features.filter((grid) => grid.tier === 1 && grid.township === township).map((grid) => grid.code);
    return add({ kind: "community_committee", name: `${township}党委`, parent: null, gridCodes: tier1.slice(0, 50), headTitle: "书记" });
  });
  [...features]
    .sort((a, b) => (a.tier ?? 9) - (b.tier ?? 9))
    .forEach((grid, index) => {
      if (grid.tier === 1)
        orgOf.set(
          grid.code,
          add({
            kind: "grid_branch",
            name: `${grid.name}党支部`,
            parent: committees[Math.max(0, townships.indexOf(grid.township))],
            gridCodes: [grid.code],
          }),
        );
      if (grid.tier === 2 && grid.parentCode)
        orgOf.set(
          grid.code,
          add({ kind: "building_group", name: `${grid.name}楼栋党小组`, parent: orgOf.get(grid.parentCode)!, gridCodes: [grid.code] }),
        );
      if (grid.tier === 3 && grid.parentCode && index % 5 === 0)
        add({
          kind: "central_household",
          name: `${grid.name}党员中心户`,
          parent: orgOf.get(grid.parentCode)!,
          gridCodes: [grid.code],
          headTitle: random() < 0.5 ? "楼栋长" : "街巷长",
        });
    });
  const record = (kind: RecordPlan["kind"], count: number, title: (n: number) => string) => {
    for (let n = 1; n <= count; n++) {
      const month = String(1 + Math.floor(((n - 1) * 8) / count)).padStart(2, "0");
      const day = String(1 + Math.floor(random() * 28)).padStart(2, "0");
      records.push({
        org: committees[n % committees.length],
        kind,
        title: title(n),
        date: `2022-${month}-${day}`,
        units: [JianyangHomeUnits[Math.floor(random() * JianyangHomeUnits.length)]],
        status: kind === "joint_meeting" ? "held" : random() < 0.7 ? "done" : "claimed",
      });
    }
  };
  record("joint_meeting", 48, (n) => `党建联席会（第${n}次）`);
  const projects = ["加装电梯", "小区立面改造", "楼道照明", "安装风扇", "停车位改造", "垃圾分类亭", "老年活动室", "雨污分流"];
  record("co_building_project", 238, (n) => `共建项目：${projects[n % projects.length]}（${n}）`);
  return { orgs, records };
}

/** Creates the party chain level by level, then its records: one core call each. */
export async function seedParty(step: StepRun, plan: ReturnType<typeof jianyangPartyPlan>, options: { concurrency?: number } = {}) {
  const tenantID = useTenant();
  const grids = await gridsByCode();
  const orgID = (index: number) => idOf(step.name, `org/${index}`, "org", baseTime);
  const recordAt = (record: RecordPlan) => Date.parse(`${record.date}T12:00:00+08:00`);
  const recordID = (index: number) => idOf(step.name, `record/${index}`, "record", recordAt(plan.records[index]));
  const there = new Set<string>();
  if (step.resuming) {
    const orgs = await getMany(
      plan.orgs.map((_, index) => ({ tenantID, orgID: orgID(index) })),
      (keys) =>
        PartyOrgEntity.get(keys)
          .go()
          .then((result) => result.data),
    );
    const records = await getMany(
      plan.records.map((_, index) => ({ tenantID, recordID: recordID(index) })),
      (keys) =>
        PartyRecordEntity.get(keys)
          .go()
          .then((result) => result.data),
    );
    for (const org of orgs) there.add(org.orgID);
    for (const record of records) there.add(record.recordID);
  }
  const concurrency = options.concurrency ?? 8;
  const indexed = plan.orgs.map((org, index) => ({ org, index }));
  for (const kind of ["community_committee", "grid_branch", "building_group", "central_household"] as const)
    await pool(
      indexed.filter(({ org }) => org.kind === kind),
      concurrency,
      async ({ org, index }) => {
        if (!there.has(orgID(index)))
          await step.act(`org/${index}`, baseTime, null, () =>
            Party.createOrg({
              kind: org.kind,
              name: org.name,
              parentOrgID: org.parent === null ? undefined : orgID(org.parent),
              gridIDs: org.gridCodes.map((code) => grids.get(code)!.gridID),
              headTitle: org.headTitle,
            }),
          );
        step.item();
      },
    );
  await pool(plan.records, concurrency, async (record, index) => {
    if (!there.has(recordID(index)))
      await step.act(`record/${index}`, recordAt(record), null, () =>
        Party.createRecord({
          orgID: orgID(record.org),
          kind: record.kind,
          title: record.title,
          date: record.date,
          units: record.units,
          status: record.status,
        }),
      );
    step.item();
  });
  return { orgs: plan.orgs.length, records: plan.records.length };
}

/**
 * The community's register through the register's own import (every row checked, then written
 * in batches). The import's ID is fixed: a run again resumes it from its checkpoint, or finds it
 * done; the register's mechanism is switched on first if the district's configuration has it off.
 */
export async function seedRegister(rows: string[][]) {
  const config = await Config.get();
  if (!config.mechanisms.register) await Config.change((current) => ({ mechanisms: { ...current.mechanisms, register: true } }));
  const file = Buffer.from(toCsv(rows));
  const result = await importFile(
    async function* () {
      for (let at = 0; at < file.length; at += 65_536) yield file.subarray(at, at + 65_536);
    },
    { importID: "import_demo_register" },
  );
  if (result.status !== "done")
    throw new Error(`the demo register's import ${result.status}: ${JSON.stringify(result.failure ?? result.rejected.slice(0, 3))}`);
  return result;
}
