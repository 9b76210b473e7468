/**
 * Importing people into the register from a spreadsheet (issue 18, item 2): one row per person
 * with their household and house (地址, 户号 or 户主身份证号, 与户主关系, 姓名, 身份证号, 手机号,
 * 网格编码, 标签, optionally 经度/纬度).
 *
 * How it works — all or nothing, streamed, resumable:
 * 1. The browser uploads the file straight to S3 (`createRegisterUpload`); `importRegister`
 *    records the import (`queued`) and queues a job. The worker (`runImport`) reads the file from
 *    S3 as a stream (`rows.ts`: CSV in UTF-8 or GBK, or .xlsx through exceljs's streaming reader),
 *    so memory holds a chunk of rows, the houses and households met so far (a few small fields
 *    each) and the keyed hashes of the ID numbers seen — never the file nor a clear ID number.
 * 2. **Check** (status `validating`): every row is validated before anything is written — the
 *    ID number's checksum and date of birth (numbers.ts), the phone's format, the grid code (this
 *    district's, in the caller's grid), the tags (the district's catalogue, by key or name),
 *    overlong cells, a household's rows agreeing on one address and one head, and duplicate ID
 *    numbers within the file (by keyed hash) and against the register (BatchGet of the lookup
 *    keys, 100 at a time). Formulas are read as their text, never evaluated. Any rejected row:
 *    the import fails with a report of every rejected row (row, column, reason in Chinese and
 *    English; a CSV with defused cells) and nothing is written.
 * 3. **Write** (status `writing`): the houses and households first (`groupsWritten`), then the
 *    file is streamed again and its people written in batches (BatchWrite of the records and
 *    their lookup keys: `preparePerson`, the same items a creation writes), the checkpoint
 *    (`written`, rows) moved after each batch. Every ID derives from the import's ID and the
 *    row (`withIDs` at the import's start time), so a job delivered again makes the same items
 *    and goes on from the checkpoint without duplicates. The counters are summed per scope while
 *    checking and written once at the end (`Tally.write()`), so a failure leaves them unchanged.
 * 4. A failure for good while writing (the last delivery, or a conflict) removes what the import
 *    wrote — the same IDs again — and the import says `failed`.
 * A person created by hand with one of the file's ID numbers between the check and the write
 * stops the import: the ID keys are claimed on condition (`claimIDKeys`) before their records.
 */
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, inGridScope, useTenant } from "../actor.ts";
import { gridScopes, Tally } from "../counter/tally.ts";
import { ConflictError, InputError, NotFoundError, VisibleError } from "../error.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { toGrid } from "../grid/model.ts";
import { consume, type RateLimit } from "../identity/rate-limit.ts";
import * as Job from "../job/index.ts";
import { batchDelete, batchPut } from "../storage/batch.ts";
import { bucketName, downloadLink, headObject, presignedUpload, s3 } from "../storage/bucket.ts";
import { ExportPrefix, PendingUploadPrefix } from "../storage/keys.ts";
import { documentClient, tableName } from "../storage/table.ts";
import { withClock } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID, scopedID, withIDs } from "../util/id.ts";
import { toCsv } from "../util/spreadsheet.ts";
import { RegisterImportEntity, RegisterMappingEntity } from "./import.entity.ts";
import { residentIDProblem } from "./numbers.ts";
import { CreateResidentRecordInput, HEAD, preparePerson } from "./person.ts";
import { lookupHash } from "./protect.ts";
import { HouseEntity, HouseholdEntity, RegisterKeyEntity, ResidentRecordEntity } from "./register.entity.ts";
import { readRows, type SheetRow } from "./rows.ts";
import { asRegisterStaff, pathKeyOf, RegisterMetric, registerSettings } from "./shared.ts";

/** The largest file accepted: 100,000 rows of CSV are about 15 MB. */
export const MAX_REGISTER_IMPORT_BYTES = 64 * 1024 * 1024;
/** The most rows one import takes. */
export const MAX_REGISTER_IMPORT_ROWS = 200_000;

/** The columns an import reads (the mapping's keys). */
export const ImportFields = [
  "address",
  "householdNumber",
  "headIDNumber",
  "relation",
  "name",
  "idNumber",
  "phone",
  "gridCode",
  "tags",
  "lon",
  "lat",
  "movedInAt",
] as const;
export type ImportField = (typeof ImportFields)[number];
export const ImportField = z.enum(ImportFields);
const RequiredFields: ImportField[] = ["address", "name", "idNumber", "gridCode"];

/** Headers recognised without a mapping (compared without spaces, case-insensitive). */
export const HeaderAliases: Record<ImportField, string[]> = {
  address: ["地址", "住址", "房屋地址", "address"],
  householdNumber: ["户号", "户编号", "householdnumber", "household"],
  headIDNumber: ["户主身份证号", "户主身份证号码", "headidnumber"],
  relation: ["与户主关系", "关系", "relation"],
  name: ["姓名", "name"],
  idNumber: ["身份证号", "身份证号码", "公民身份号码", "idnumber"],
  phone: ["手机号", "手机号码", "联系电话", "电话", "phone"],
  gridCode: ["网格编码", "网格代码", "gridcode"],
  tags: ["标签", "特殊群体", "tags"],
  lon: ["经度", "lon", "longitude"],
  lat: ["纬度", "lat", "latitude"],
  movedInAt: ["迁入日期", "movedinat"],
};

/** A column mapping: the header of the file each field is read from. */
export const ImportMapping = z.partialRecord(ImportField, z.string().trim().min(1).max(60));
export type ImportMapping = z.infer<typeof ImportMapping>;

const normaliseHeader = (header: string) => header.replace(/\s+/g, "").toLowerCase();

/** Column indexes of each field: from the mapping given, else the headers recognised; the required fields missing. */
export function columnsOf(headers: string[], mapping?: ImportMapping) {
  const index = new Map(headers.map((header, at) => [normaliseHeader(header), at] as const));
  const columns: Partial<Record<ImportField, number>> = {};
  for (const field of ImportFields) {
    const chosen = mapping?.[field];
    const at = chosen
      ? index.get(normaliseHeader(chosen))
      : HeaderAliases[field].map((alias) => index.get(alias)).find((i) => i !== undefined);
    if (at !== undefined) columns[field] = at;
  }
  const missing = RequiredFields.filter((field) => columns[field] === undefined);
  return { columns, missing };
}

/** Why a row is rejected, in Chinese and English. */
const Reasons = {
  required: ["必填", "required"],
  overlong: ["内容过长（超过 200 个字符）", "too long (over 200 characters)"],
  "idcard.shape": ["身份证号应为 18 位：17 位数字加一位数字或 X", "an 18-character ID number: 17 digits, then a digit or X"],
  "idcard.birth": ["身份证号中的出生日期不是真实的过去日期", "the date of birth inside the ID number is not a real past date"],
  "idcard.check": ["身份证号校验位不符（可能输错）", "the ID number's check character does not match (mistyped?)"],
  phone: ["手机号应为 1 开头的 11 位数字", "an 11-digit mobile number starting with 1"],
  grid_unknown: ["本区没有这个网格编码", "no grid with this code in the district"],
  grid_scope: ["这个网格不在您的管辖范围内", "this grid is outside yours"],
  tag_unknown: ["本区没有这个标签", "the district has no such tag"],
  duplicate_file: ["身份证号在文件中重复", "the ID number is repeated in the file"],
  duplicate_register: ["身份证号已在登记库中", "the ID number is in the register already"],
  household_address: ["同一户的地址与该户第一行不一致", "the household's address differs from its first row"],
  household_head: ["一户只能有一个户主", "a household has one head only"],
  coordinate: ["经纬度不正确", "not a valid longitude and latitude"],
  date: ["日期应为 YYYY-MM-DD", "a date YYYY-MM-DD"],
  name: ["姓名不能超过 40 个字", "a name of at most 40 characters"],
} as const;
type Reason = keyof typeof Reasons;

export interface RejectedRow {
  row: number;
  column: string;
  reasonZh: string;
  reasonEn: string;
}

/** What the check keeps of a house (per grid and address) and a household: small, for 100,000 rows. */
interface HouseGroup {
  index: number;
  address: string;
  gridID: string;
  gridPath: string[];
  lon: number;
  lat: number;
  households: number;
}
interface HouseholdGroup {
  index: number;
  house: HouseGroup;
  address: string;
  members: number;
  headRow?: number;
  headName?: string;
}

interface GridRef {
  gridID: string;
  gridPath: string[];
  bbox: number[];
}

/** The fields of a row, by the mapping's columns. */
function fieldsOf(row: SheetRow, columns: Partial<Record<ImportField, number>>) {
  const get = (field: ImportField) => (columns[field] === undefined ? "" : (row.cells[columns[field]!] ?? "").trim());
  return {
    address: get("address"),
    householdNumber: get("householdNumber"),
    headIDNumber: get("headIDNumber").toUpperCase(),
    relation: get("relation"),
    name: get("name"),
    idNumber: get("idNumber").toUpperCase(),
    phone: get("phone").replace(/[\s-]/g, ""),
    gridCode: get("gridCode"),
    tags: get("tags"),
    lon: get("lon"),
    lat: get("lat"),
    movedInAt: get("movedInAt"),
  };
}
type RowFields = ReturnType<typeof fieldsOf>;

const splitTagText = (text: string) =>
  text
    .split(/[、,，;；|\s]+/)
    .map((tag) => tag.trim())
    .filter(Boolean);

/** The household a row belongs to: its 户号, else its head's ID number, else its own (a household of one). */
const householdKeyOf = (fields: RowFields) =>
  fields.householdNumber ? `no:${fields.householdNumber}` : `head:${fields.headIDNumber || fields.idNumber}`;

/** Everything the check learns: the groups to write, the counters, and the rejected rows. */
export interface ImportPlan {
  rows: number;
  houses: Map<string, HouseGroup>;
  households: Map<string, HouseholdGroup>;
  tally: Tally;
  rejected: RejectedRow[];
  rejectedCount: number;
  headers: string[];
  missing: ImportField[];
}

/** The most rejected rows kept for the report (beyond, only counted). */
export const MaxReportRows = 10_000;

/** Settings and hooks of the import (tests, the benchmark). */
export const registerImportWorker = {
  /** People per BatchWrite round (each writes the record and one or two keys). */
  batchRows: 200,
  /** Called after each batch of people written (tests stop a run here). */
  afterBatch: undefined as ((written: number) => void | Promise<void>) | undefined,
  /** Progress reports while checking, every so many rows. */
  progressEvery: 2000,
};

type Source = () => AsyncIterable<Uint8Array>;

/**
 * The check (step 2): streams the file once, validating every row; `againstRegister` also looks
 * each ID number up in the register (not on a resumed run: the rows written are the import's own).
 */
async function check(
  open: Source,
  options: { mapping?: ImportMapping; againstRegister: boolean; onProgress?: (checked: number) => Promise<void> },
): Promise<ImportPlan> {
  const settings = await registerSettings();
  const tenantID = useTenant();
  const tagKeys = new Map<string, string>();
  for (const tag of settings.tags) for (const name of [tag.key, tag.nameZh, tag.nameEn]) tagKeys.set(name.toLowerCase(), tag.key);
  const grids = new Map<string, GridRef>();
  for (const item of (await GridEntity.query.primary({ tenantID }).go({ pages: "all" })).data) {
    const grid = toGrid(item);
    if (grid.status === "active") grids.set(grid.code, { gridID: grid.gridID, gridPath: [...grid.path, grid.gridID], bbox: grid.bbox });
  }
  const plan: ImportPlan = {
    rows: 0,
    houses: new Map(),
    households: new Map(),
    tally: new Tally(),
    rejected: [],
    rejectedCount: 0,
    headers: [],
    missing: [],
  };
  const seen = new Map<string, number>();
  let columns: Partial<Record<ImportField, number>> = {};
  let lookups: { hash: string; row: number }[] = [];
  const reject = (row: number, column: string, reason: Reason, detail = "") => {
    plan.rejectedCount++;
    if (plan.rejected.length < MaxReportRows) {
      const [zh, en] = Reasons[reason];
      plan.rejected.push({ row, column, reasonZh: detail ? `${zh}：${detail}` : zh, reasonEn: detail ? `${en}: ${detail}` : en });
    }
  };
  const headerOf = (field: ImportField) => plan.headers[columns[field] ?? -1] ?? field;
  const lookUp = async () => {
    const batch = lookups;
    lookups = [];
    if (!batch.length) return;
    const keys = batch.map(({ hash }) => RegisterKeyEntity.get({ tenantID, hash, slot: "unique" }).params().Key as Record<string, string>);
    let pending: Record<string, unknown>[] = keys;
    const found = new Set<string>();
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt > 8) throw new Error("register keys stayed unprocessed");
      const result = await documentClient().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending } } }));
      for (const item of result.Responses?.[tableName()] ?? []) found.add(String(item.pk));
      pending = (result.UnprocessedKeys?.[tableName()]?.Keys ?? []) as Record<string, unknown>[];
      if (pending.length) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
    batch.forEach(({ row }, index) => {
      if (found.has(keys[index].pk)) reject(row, headerOf("idNumber"), "duplicate_register");
    });
  };

  for await (const row of readRows(open())) {
    if (!plan.headers.length) {
      plan.headers = row.cells.map((cell) => cell.trim());
      const made = columnsOf(plan.headers, options.mapping);
      columns = made.columns;
      plan.missing = made.missing;
      if (made.missing.length) return plan;
      continue;
    }
    plan.rows++;
    if (plan.rows > MAX_REGISTER_IMPORT_ROWS)
      throw new InputError("register.import_too_many_rows", `At most ${MAX_REGISTER_IMPORT_ROWS} rows are imported at once.`, [
        { path: "uploadKey", message: "too many rows" },
      ]);
    const before = plan.rejectedCount;
    for (const index of row.overlong) reject(row.row, plan.headers[index] ?? `#${index + 1}`, "overlong");
    const fields = fieldsOf(row, columns);
    for (const field of RequiredFields) if (!fields[field]) reject(row.row, headerOf(field), "required");
    if (fields.name.length > 40 && !row.overlong.includes(columns.name ?? -1)) reject(row.row, headerOf("name"), "name");
    let hash: string | undefined;
    if (fields.idNumber) {
      const problem = residentIDProblem(fields.idNumber);
      if (problem) reject(row.row, headerOf("idNumber"), `idcard.${problem}`);
      else {
        hash = await lookupHash("idNumber", fields.idNumber);
        const earlier = seen.get(hash);
        if (earlier !== undefined) reject(row.row, headerOf("idNumber"), "duplicate_file", `${earlier}`);
        else {
          seen.set(hash, row.row);
          if (options.againstRegister) {
            // BatchGet takes 100 keys a request.
            if (lookups.length >= 100) await lookUp();
            lookups.push({ hash, row: row.row });
          }
        }
      }
    }
    if (fields.headIDNumber && residentIDProblem(fields.headIDNumber))
      reject(row.row, headerOf("headIDNumber"), `idcard.${residentIDProblem(fields.headIDNumber)!}`);
    if (fields.phone && !/^1\d{10}$/.test(fields.phone)) reject(row.row, headerOf("phone"), "phone");
    if (fields.movedInAt && !/^\d{4}-\d{2}-\d{2}$/.test(fields.movedInAt)) reject(row.row, headerOf("movedInAt"), "date");
    const tags: string[] = [];
    for (const tag of splitTagText(fields.tags)) {
      const key = tagKeys.get(tag.toLowerCase());
      if (key) tags.push(key);
      else reject(row.row, headerOf("tags"), "tag_unknown", tag);
    }
    const grid = fields.gridCode ? grids.get(fields.gridCode) : undefined;
    if (fields.gridCode && !grid) reject(row.row, headerOf("gridCode"), "grid_unknown", fields.gridCode);
    else if (grid && !inGridScope(grid.gridPath)) reject(row.row, headerOf("gridCode"), "grid_scope", fields.gridCode);
    let lon = Number.NaN;
    let lat = Number.NaN;
    if (fields.lon || fields.lat) {
      lon = Number(fields.lon);
      lat = Number(fields.lat);
      if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90) || !fields.lon || !fields.lat) reject(row.row, headerOf("lon"), "coordinate");
    }
    // The household and its house: the first row of a household places it.
    const householdKey = householdKeyOf(fields);
    const household = plan.households.get(householdKey);
    if (household && household.address !== fields.address) reject(row.row, headerOf("address"), "household_address");
    if (household && fields.relation === HEAD && household.headRow !== undefined)
      reject(row.row, headerOf("relation"), "household_head", `${household.headRow}`);
    if (plan.rejectedCount > before || !grid) continue;

    let group = household;
    if (!group) {
      const houseKey = `${grid.gridID}|${fields.address}`;
      let house = plan.houses.get(houseKey);
      if (!house) {
        house = {
          index: plan.houses.size,
          address: fields.address,
          gridID: grid.gridID,
          gridPath: grid.gridPath,
          lon: Number.isFinite(lon) ? lon : (grid.bbox[0] + grid.bbox[2]) / 2,
          lat: Number.isFinite(lat) ? lat : (grid.bbox[1] + grid.bbox[3]) / 2,
          households: 0,
        };
        plan.houses.set(houseKey, house);
        plan.tally.addState(gridScopes(house.gridPath), RegisterMetric.houses, 1);
      }
      house.households++;
      group = { index: plan.households.size, house, address: fields.address, members: 0 };
      plan.households.set(householdKey, group);
      plan.tally.addState(gridScopes(house.gridPath), RegisterMetric.households, 1);
    }
    group.members++;
    if (fields.relation === HEAD) {
      group.headRow = row.row;
      group.headName = fields.name;
    }
    // A person counts where their household is (its house's grid), as a creation counts them.
    const personScopes = gridScopes(group.house.gridPath);
    plan.tally.addState(personScopes, RegisterMetric.people, 1);
    for (const tag of new Set(tags)) plan.tally.addState(personScopes, RegisterMetric.tag(tag), 1);
    if (plan.rows % registerImportWorker.progressEvery === 0) await options.onProgress?.(plan.rows);
  }
  await lookUp();
  if (!plan.headers.length) plan.missing = [...RequiredFields];
  return plan;
}

/** The IDs of an import's records: from its ID, the group's index or the row, and its start. */
const idsOf = (importID: string, at: Date) => ({
  house: (index: number) => scopedID(importID, "house", index, at),
  household: (index: number) => scopedID(importID, "household", index, at),
  person: (row: number) => scopedID(`${importID}|${row}`, "person", 0, at),
});

type HouseItem = EntityItem<typeof HouseEntity>;
type HouseholdItem = EntityItem<typeof HouseholdEntity>;

/** Step 3a: the houses and households, in batches. */
async function writeGroups(plan: ImportPlan, importID: string, at: Date) {
  const tenantID = useTenant();
  const ids = idsOf(importID, at);
  const by = actorID();
  const stamp = at.toISOString();
  const items: Record<string, unknown>[] = [];
  for (const house of plan.houses.values()) {
    const houseID = ids.house(house.index);
    const place = { gridID: house.gridID, gridPath: house.gridPath };
    const item: HouseItem = {
      tenantID,
      houseID,
      address: house.address,
      kind: "residential",
      lon: house.lon,
      lat: house.lat,
      ...place,
      gridPathKey: pathKeyOf(place, houseID),
      households: house.households,
      createdAt: stamp,
      createdBy: by,
      updatedAt: stamp,
    };
    items.push(HouseEntity.put(item).params().Item);
  }
  for (const household of plan.households.values()) {
    const householdID = ids.household(household.index);
    const place = { gridID: household.house.gridID, gridPath: household.house.gridPath };
    const item: HouseholdItem = {
      tenantID,
      householdID,
      houseID: ids.house(household.house.index),
      address: household.house.address,
      ...place,
      gridPathKey: pathKeyOf(place, householdID),
      headRecordID: household.headRow !== undefined ? ids.person(household.headRow) : undefined,
      headName: household.headName,
      members: household.members,
      moves: [],
      createdAt: stamp,
      createdBy: by,
      updatedAt: stamp,
    };
    items.push(HouseholdEntity.put(item).params().Item);
  }
  await batchPut(items, { concurrency: 4 });
}

/** The rows of the file with their fields, header skipped (step 3b and the undo stream it again). */
async function* peopleOf(open: Source, mapping: ImportMapping | undefined) {
  let columns: Partial<Record<ImportField, number>> | undefined;
  for await (const row of readRows(open())) {
    if (!columns) {
      columns = columnsOf(
        row.cells.map((cell) => cell.trim()),
        mapping,
      ).columns;
      continue;
    }
    yield { row: row.row, fields: fieldsOf(row, columns) };
  }
}

/** Step 3b: the people, from the checkpoint on, in batches; the checkpoint moved after each. */
async function writePeople(plan: ImportPlan, open: Source, importID: string, at: Date, mapping: ImportMapping | undefined, from: number) {
  const tenantID = useTenant();
  const settings = await registerSettings();
  const tagKeys = new Map<string, string>();
  for (const tag of settings.tags) for (const name of [tag.key, tag.nameZh, tag.nameEn]) tagKeys.set(name.toLowerCase(), tag.key);
  const ids = idsOf(importID, at);
  let done = 0;
  let pending: Promise<{ row: number; claim: Record<string, unknown>; items: Record<string, unknown>[] }>[] = [];
  const flush = async () => {
    if (!pending.length) return;
    // The batch's people are prepared (sealed, hashed) at once; their ID keys claimed on
    // condition, then the rest written together.
    const prepared = await Promise.all(pending);
    await claimIDKeys(prepared);
    await batchPut(
      prepared.flatMap((person) => person.items),
      { concurrency: 4 },
    );
    done += pending.length;
    pending = [];
    await RegisterImportEntity.patch({ tenantID, importID }).set({ written: done }).go();
    await registerImportWorker.afterBatch?.(done);
  };
  for await (const { row, fields } of peopleOf(open, mapping)) {
    if (done + pending.length < from) {
      done++;
      continue;
    }
    const group = plan.households.get(householdKeyOf(fields))!;
    const householdID = ids.household(group.index);
    const house = group.house;
    const input = CreateResidentRecordInput.parse({
      name: fields.name,
      idNumber: fields.idNumber,
      phone: fields.phone || undefined,
      householdID,
      relation: fields.relation || undefined,
      tags: splitTagText(fields.tags).map((tag) => tagKeys.get(tag.toLowerCase())!),
      movedInAt: fields.movedInAt || undefined,
    });
    const household = { householdID, houseID: ids.house(house.index) } as HouseholdItem;
    pending.push(
      withClock(at, () =>
        withIDs(`${importID}|${row}`, () => preparePerson(input, { gridID: house.gridID, gridPath: house.gridPath }, household, settings)),
      ).then(({ item, keys }) => {
        const [unique, ...others] = keys.map((key) => RegisterKeyEntity.put({ tenantID, ...key }).params().Item);
        return { row, claim: unique, items: [ResidentRecordEntity.put(item).params().Item, ...others] };
      }),
    );
    if (pending.length >= registerImportWorker.batchRows) await flush();
  }
  await flush();
}

/**
 * The ID keys of a batch of people, each written on the condition that it is free or already
 * names this import's record (a job delivered again): an ID number registered by hand since the
 * check stops the import (409 `register.duplicate_id`, naming the row), and the import's undo
 * leaves that person's key alone. BatchWrite takes no condition; a transaction of 100 does.
 */
async function claimIDKeys(people: { row: number; claim: Record<string, unknown> }[]) {
  for (let start = 0; start < people.length; start += 100) {
    const chunk = people.slice(start, start + 100);
    try {
      await documentClient().send(
        new TransactWriteCommand({
          TransactItems: chunk.map(({ claim }) => ({
            Put: {
              TableName: tableName(),
              Item: claim,
              ConditionExpression: "attribute_not_exists(pk) OR recordID = :mine",
              ExpressionAttributeValues: { ":mine": claim.recordID },
            },
          })),
        }),
      );
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      const taken = reasons.findIndex((reason) => reason.Code === "ConditionalCheckFailed");
      if (taken >= 0)
        throw new ConflictError(
          "register.duplicate_id",
          `Row ${chunk[taken].row}: this ID number was registered by someone else while the file was imported; nothing of the import was kept.`,
        );
      throw error;
    }
  }
}

/** Step 4: removes what an import wrote (the same IDs again); its ID keys only where they still name its records. */
async function undo(plan: ImportPlan, open: Source, importID: string, at: Date, mapping: ImportMapping | undefined) {
  const tenantID = useTenant();
  const ids = idsOf(importID, at);
  let keys: Record<string, unknown>[] = [];
  const flush = async () => {
    await batchDelete(keys);
    keys = [];
  };
  for await (const { row, fields } of peopleOf(open, mapping)) {
    if (!fields.idNumber || residentIDProblem(fields.idNumber)) continue;
    const recordID = ids.person(row);
    keys.push(ResidentRecordEntity.delete({ tenantID, recordID }).params().Key);
    if (fields.phone)
      keys.push(RegisterKeyEntity.delete({ tenantID, hash: await lookupHash("phone", fields.phone), slot: recordID }).params().Key);
    const hash = await lookupHash("idNumber", fields.idNumber);
    const key = await RegisterKeyEntity.get({ tenantID, hash, slot: "unique" }).go();
    if (key.data?.recordID === recordID) keys.push(RegisterKeyEntity.delete({ tenantID, hash, slot: "unique" }).params().Key);
    if (keys.length >= 200) await flush();
  }
  for (const house of plan.houses.values()) keys.push(HouseEntity.delete({ tenantID, houseID: ids.house(house.index) }).params().Key);
  for (const household of plan.households.values())
    keys.push(HouseholdEntity.delete({ tenantID, householdID: ids.household(household.index) }).params().Key);
  await flush();
}

// ─── through S3 and a job ───────────────────────────────────────────────────

const pendingPrefix = () => `${PendingUploadPrefix}${useTenant()}/`;
const reportKeyOf = (importID: string) => `${ExportPrefix}${useTenant()}/${importID}-rejected.csv`;
const nowISO = () => new Date().toISOString();

/** A presigned PUT for a register spreadsheet (.xlsx or CSV): the browser uploads straight to S3. */
export async function createRegisterUpload() {
  await asRegisterStaff();
  return presignedUpload(`${pendingPrefix()}${newID("upload")}.register`, MAX_REGISTER_IMPORT_BYTES);
}

type ImportItem = EntityItem<typeof RegisterImportEntity>;

/** An import as callers see it: progress, the rejected rows (first ones) and the report's link. */
async function viewOf(item: ImportItem) {
  const reportUrl = item.rejectedCount > 0 ? await downloadLink(reportKeyOf(item.importID), `${item.importID}-rejected.csv`) : null;
  return {
    importID: item.importID,
    status: item.status,
    total: item.total,
    checked: item.checked,
    written: item.written,
    rejectedCount: item.rejectedCount,
    rejected: ((item.rejected as RejectedRow[] | undefined) ?? []).slice(0, 100),
    reportUrl,
    headers: item.headers ?? [],
    mapping: (item.mapping as ImportMapping | undefined) ?? null,
    failure: Job.failureOf(item),
    startedAt: item.startedAt,
    finishedAt: item.finishedAt ?? null,
  };
}
export type RegisterImport = Awaited<ReturnType<typeof viewOf>>;

export const RejectedRowSchema = z.object({ row: z.number(), column: z.string(), reasonZh: z.string(), reasonEn: z.string() });
export const RegisterImportView = z.object({
  importID: z.string(),
  status: z.enum(["queued", "validating", "writing", "done", "failed"]),
  /** Rows of people in the file (known once checked), rows checked, people written. */
  total: z.number(),
  checked: z.number(),
  written: z.number(),
  rejectedCount: z.number(),
  /** The first 100 rejected rows; the report (`reportUrl`, an hour) lists them all. */
  rejected: z.array(RejectedRowSchema),
  reportUrl: z.string().nullable(),
  /** The file's headers, when the mapping step is needed (`failure.code` register.import_mapping). */
  headers: z.array(z.string()),
  mapping: ImportMapping.nullable(),
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** How many imports one person may start an hour. */
export const RegisterImportsPerPerson: RateLimit = {
  code: "rate.register_imports",
  counter: "register-imports",
  points: 20,
  duration: 3600,
  message: "Twenty register imports in an hour is the most; try again later.",
};

export const ImportRegisterInput = z.object({
  uploadKey: z.string().min(1).max(300),
  /** The columns to read (field → header); saved as the district's mapping. Without it: the saved one, else the headers recognised. */
  mapping: ImportMapping.optional(),
});

/**
 * Starts importing an uploaded spreadsheet of people: records the import (`queued`), queues the
 * job and answers at once; `getRegisterImport` follows it. A mapping given is saved for the district.
 */
export const importRegister = fn(ImportRegisterInput, async ({ uploadKey, mapping }) => {
  await asRegisterStaff();
  if (!uploadKey.startsWith(pendingPrefix()) || uploadKey.includes(".."))
    throw new NotFoundError("register.upload_not_found", "There is no such upload for this district.");
  const tenantID = useTenant();
  await consume(RegisterImportsPerPerson, tenantID, actorID());
  const head = await headObject(uploadKey);
  if (!head) throw new NotFoundError("register.upload_not_found", "The upload is not there (expired, or never finished).");
  if ((head.ContentLength ?? 0) > MAX_REGISTER_IMPORT_BYTES) {
    await dropUpload(uploadKey);
    throw new InputError("register.import_too_large", `At most ${MAX_REGISTER_IMPORT_BYTES / 1048576} MB is accepted.`, [
      { path: "uploadKey", message: "file too large" },
    ]);
  }
  if (mapping && Object.keys(mapping).length)
    await RegisterMappingEntity.put({ tenantID, mapping, updatedAt: nowISO(), updatedBy: actorID() }).go();
  const saved = mapping ?? ((await RegisterMappingEntity.get({ tenantID }).go()).data?.mapping as ImportMapping | undefined);
  const importID = newID("import");
  const created = await RegisterImportEntity.create({
    tenantID,
    importID,
    status: "queued",
    uploadKey,
    mapping: saved,
    by: actorID(),
    startedAt: nowISO(),
    expiresAt: Math.floor(Date.now() / 1000) + 30 * 86400,
  }).go();
  await registerImportJob.enqueue({ importID });
  return viewOf(created.data as ImportItem);
});

/** The district's saved column mapping (null before an import named one). */
export async function getImportMapping(): Promise<ImportMapping | null> {
  await asRegisterStaff();
  return ((await RegisterMappingEntity.get({ tenantID: useTenant() }).go()).data?.mapping as ImportMapping | undefined) ?? null;
}

/** An import's progress (the caller's district; the imports of others in it only for admins is not needed: IDs are unguessable). */
export const getRegisterImport = fn(z.string().max(80), async (importID) => {
  await asRegisterStaff();
  const result = await RegisterImportEntity.get({ tenantID: useTenant(), importID }).go();
  if (!result.data) throw new NotFoundError("register.import_not_found", `There is no import ${importID} in this district.`);
  return viewOf(result.data);
});

const dropUpload = (Key: string) =>
  s3()
    .send(new DeleteObjectCommand({ Bucket: bucketName(), Key }))
    .catch(() => undefined);

const registerImportJob = Job.define("register.import", z.object({ importID: z.string() }), (input, attempt) =>
  runImport(input.importID, attempt, () => fromS3(input.importID)),
);

async function* fromS3(importID: string): AsyncIterable<Uint8Array> {
  const record = (await RegisterImportEntity.get({ tenantID: useTenant(), importID }).go()).data!;
  const object = await s3()
    .send(new GetObjectCommand({ Bucket: bucketName(), Key: record.uploadKey }))
    .catch((error) => {
      if ((error as { name?: string }).name === "NoSuchKey")
        throw new NotFoundError("register.upload_not_found", "The upload is not there any more (expired).");
      throw error;
    });
  yield* object.Body as AsyncIterable<Uint8Array>;
}

/** The rejected rows as a CSV report (cells defused). */
export function reportOf(rejected: RejectedRow[], more = 0): string {
  const rows: unknown[][] = [["行号 Row", "列 Column", "原因", "Reason"]];
  for (const each of rejected) rows.push([each.row, each.column, each.reasonZh, each.reasonEn]);
  if (more > 0) rows.push(["", "", `另有 ${more} 行未列出`, `${more} more rows not listed`]);
  return toCsv(rows);
}

/**
 * The worker's side of an import, safe to run again (see the top of this module). `open` gives
 * the file's bytes, streamed; it is called once per pass.
 */
export async function runImport(importID: string, attempt: Job.Attempt, open: Source): Promise<void> {
  const tenantID = useTenant();
  const key = { tenantID, importID };
  const record = (await RegisterImportEntity.get(key).go()).data;
  if (!record || record.status === "done" || record.status === "failed") return;
  const at = new Date(record.startedAt);
  const mapping = record.mapping as ImportMapping | undefined;
  const finish = async (set: Partial<Pick<ImportItem, "status" | "failureCode" | "failureMessage" | "written" | "total" | "checked">>) => {
    await RegisterImportEntity.patch(key)
      .set({ ...set, finishedAt: nowISO() })
      .go();
    if (record.uploadKey) await dropUpload(record.uploadKey);
  };
  const resumed = record.status === "writing";
  let plan: ImportPlan | undefined;
  try {
    if (!resumed) await RegisterImportEntity.patch(key).set({ status: "validating", checked: 0 }).go();
    plan = await check(open, {
      mapping,
      againstRegister: !resumed,
      onProgress: (checked) =>
        RegisterImportEntity.patch(key)
          .set({ checked })
          .go()
          .then(() => undefined),
    });
    if (plan.missing.length) {
      // The mapping step: the portal shows the headers and asks which is which; the upload stays for the next try.
      await RegisterImportEntity.patch(key)
        .set({
          status: "failed",
          headers: plan.headers.slice(0, 100).map((header) => header.slice(0, 60)),
          failureCode: "register.import_mapping",
          failureMessage: `No column found for ${plan.missing.join(", ")}: map the file's columns.`,
          finishedAt: nowISO(),
        })
        .go();
      return;
    }
    if (plan.rejectedCount) {
      await s3().send(
        new PutObjectCommand({
          Bucket: bucketName(),
          Key: reportKeyOf(importID),
          Body: reportOf(plan.rejected, plan.rejectedCount - plan.rejected.length),
          ContentType: "text/csv; charset=utf-8",
        }),
      );
      await RegisterImportEntity.patch(key)
        .set({ rejectedCount: plan.rejectedCount, rejected: plan.rejected.slice(0, 100), total: plan.rows, checked: plan.rows })
        .go();
      await finish({
        status: "failed",
        failureCode: "register.import_rejected",
        failureMessage: `${plan.rejectedCount} row(s) rejected; nothing was written.`,
      });
      return;
    }
    if (!plan.rows) {
      await finish({ status: "failed", failureCode: "register.import_empty", failureMessage: "The file has no rows of people." });
      return;
    }
    if (!resumed) await RegisterImportEntity.patch(key).set({ status: "writing", total: plan.rows, checked: plan.rows }).go();
    const current = resumed ? (await RegisterImportEntity.get(key).go()).data! : record;
    if (!current.groupsWritten) {
      await writeGroups(plan, importID, at);
      await RegisterImportEntity.patch(key).set({ groupsWritten: true }).go();
    }
    await writePeople(plan, open, importID, at, mapping, current.written);
    await plan.tally.write();
    await finish({ status: "done", written: plan.rows });
  } catch (error) {
    const visible = error instanceof VisibleError;
    if (visible || attempt.last) {
      if (plan && !plan.missing.length && !plan.rejectedCount) await undo(plan, open, importID, at, mapping).catch(() => undefined);
      await finish({
        status: "failed",
        ...Job.failureFields(error, "The import stopped on an internal error; nothing of it was kept."),
        written: 0,
      });
      if (visible) return;
    }
    throw error;
  }
}

/**
 * Imports a file's bytes directly, without S3 nor a queue (the demo's seeding, scripts and the
 * benchmark): the same check and write as the job. `importID` makes it resumable: the same ID
 * again goes on where the last run stopped, or does nothing if it is done.
 */
export async function importFile(open: Source, options: { importID?: string; mapping?: ImportMapping } = {}) {
  await asRegisterStaff();
  const tenantID = useTenant();
  const importID = options.importID ?? newID("import");
  const existing = (await RegisterImportEntity.get({ tenantID, importID }).go()).data;
  if (!existing)
    await RegisterImportEntity.create({
      tenantID,
      importID,
      status: "queued",
      mapping: options.mapping,
      by: actorID(),
      startedAt: nowISO(),
    }).go();
  await runImport(importID, { number: 1, last: true }, open);
  const done = (await RegisterImportEntity.get({ tenantID, importID }).go()).data!;
  return viewOf(done);
}
