import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useActor, useTenant } from "../actor.ts";
import { gridScopes, Tally } from "../counter/tally.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../error.ts";
import { pathPrefix, placeToList, type Place } from "../grid/place.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { UserEntity } from "../user/user.entity.ts";
import { maskPhone } from "../user/index.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import { Day, Phone } from "../util/schemas.ts";
import { loadHousehold, toHousehold } from "./household.ts";
import { birthDateOf, genderOf, maskResidentID, ResidentIDNumber, residentIDProblem } from "./numbers.ts";
import type { RegisterSettings } from "../config/settings.ts";
import { lookupHash, seal, unseal } from "./protect.ts";
import { HouseholdEntity, RegisterKeyEntity, ResidentRecordEntity, ResidentStatuses } from "./register.entity.ts";
import {
  asRegisterStaff,
  assertMayReveal,
  assertVisible,
  logAccess,
  mayReveal,
  pathKeyOf,
  placeOf,
  purposeMessage,
  RegisterMetric,
  registerSettings,
  splitTags,
} from "./shared.ts";

export const Gender = z.enum(["male", "female"]);
export const ResidentStatus = z.enum(ResidentStatuses);

/** A person of the register (人口) as lists show them: masked, never a full ID number or phone. */
export const ResidentRecord = z.object({
  recordID: z.string(),
  name: z.string(),
  gender: Gender,
  status: ResidentStatus,
  householdID: z.string().nullable(),
  houseID: z.string().nullable(),
  relation: z.string().nullable(),
  gridID: z.string(),
  gridPath: z.array(z.string()),
  /** The district's tags that are not sensitive. */
  tags: z.array(z.string()),
  /** How many sensitive tags the record holds (which ones, only those who may reveal see). */
  sensitiveTagCount: z.number(),
  idMasked: z.string(),
  phoneMasked: z.string().nullable(),
  movedInAt: z.string().nullable(),
  movedOutAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ResidentRecord = z.infer<typeof ResidentRecord>;

/** One person's record read in full (a full-record read, logged): the sensitive tags for those who may see them. */
export const ResidentRecordDetail = ResidentRecord.extend({
  sensitiveTags: z.array(z.string()).nullable(),
  /** Whether the caller may reveal a full field (revealField). */
  mayReveal: z.boolean(),
  address: z.string().nullable(),
});

type RecordItem = EntityItem<typeof ResidentRecordEntity>;

/** The fields sealed on a person's record. */
interface SealedPerson {
  idNumber: string;
  phone: string | null;
  dateOfBirth: string;
  sensitiveTags: string[];
}

export const RevealableField = z.enum(["idNumber", "phone", "dateOfBirth"]);

const none = (value: string | undefined) => (value && value !== "none" ? value : null);

export const toResidentRecord = (item: RecordItem): ResidentRecord => ({
  recordID: item.recordID,
  name: item.name,
  gender: item.gender,
  status: item.status,
  householdID: none(item.householdID),
  houseID: item.houseID ?? null,
  relation: item.relation ?? null,
  gridID: item.gridID,
  gridPath: item.gridPath,
  tags: item.tags ?? [],
  sensitiveTagCount: item.sensitiveTagCount ?? 0,
  idMasked: item.idMasked,
  phoneMasked: item.phoneMasked ?? null,
  movedInAt: item.movedInAt ?? null,
  movedOutAt: item.movedOutAt ?? null,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
});

export const CreateResidentRecordInput = z
  .object({
    name: z.string().trim().min(1).max(40),
    idNumber: ResidentIDNumber,
    phone: Phone.optional(),
    /** Must be the one inside the ID number; taken from it when left out. */
    dateOfBirth: Day.optional(),
    gender: Gender.optional(),
    /** The household they live in (its grid is theirs); or a grid for someone without one. */
    householdID: z.string().max(80).optional(),
    gridID: z.string().max(80).optional(),
    /** 户主, 配偶, 子女 …; `户主` makes them the household's head when it has none. */
    relation: z.string().trim().max(20).optional(),
    tags: z.array(z.string().max(40)).max(20).default([]),
    movedInAt: Day.optional(),
  })
  .superRefine((input, ctx) => {
    if (!input.householdID && !input.gridID)
      ctx.addIssue({ code: "custom", path: ["householdID"], message: "give a household, or a grid" });
    if (residentIDProblem(input.idNumber)) return;
    if (input.dateOfBirth && input.dateOfBirth !== birthDateOf(input.idNumber))
      ctx.addIssue({ code: "custom", path: ["dateOfBirth"], message: `the ID number says ${birthDateOf(input.idNumber)}` });
    if (input.gender && input.gender !== genderOf(input.idNumber))
      ctx.addIssue({ code: "custom", path: ["gender"], message: `the ID number says ${genderOf(input.idNumber)}` });
  });
export type CreateResidentRecordInput = z.input<typeof CreateResidentRecordInput>;

export const HEAD = "户主";

/** The stored item of a new person, their lookup keys and counters: what one creation writes (also the import's rows). */
export async function preparePerson(
  input: z.output<typeof CreateResidentRecordInput>,
  place: Place,
  household: EntityItem<typeof HouseholdEntity> | undefined,
  /** The register's settings, read once by the caller (an import reads them once for all its rows). */
  settings: RegisterSettings,
) {
  const tags = splitTags(settings, input.tags);
  const at = now().toISOString();
  const recordID = newID("person");
  const sealedFields: SealedPerson = {
    idNumber: input.idNumber,
    phone: input.phone ?? null,
    dateOfBirth: birthDateOf(input.idNumber),
    sensitiveTags: tags.sensitive,
  };
  const item: RecordItem = {
    tenantID: useTenant(),
    recordID,
    name: input.name,
    gender: genderOf(input.idNumber),
    status: "living",
    householdID: household?.householdID ?? "none",
    houseID: household?.houseID,
    relation: input.relation,
    gridID: place.gridID,
    gridPath: place.gridPath,
    gridPathKey: pathKeyOf(place, recordID),
    tags: tags.clear,
    sealed: await seal(sealedFields as unknown as Record<string, string | string[] | null>),
    idMasked: maskResidentID(input.idNumber),
    phoneMasked: input.phone ? maskPhone(input.phone) : undefined,
    sensitiveTagCount: tags.sensitive.length,
    movedInAt: input.movedInAt,
    createdAt: at,
    createdBy: actorID(),
    updatedAt: at,
  };
  const keys = [{ hash: await lookupHash("idNumber", input.idNumber), slot: "unique", recordID }];
  if (input.phone) keys.push({ hash: await lookupHash("phone", input.phone), slot: recordID, recordID });
  const tally = new Tally().addState(gridScopes(place.gridPath), RegisterMetric.people, 1);
  for (const tag of [...tags.clear, ...tags.sensitive]) tally.addState(gridScopes(place.gridPath), RegisterMetric.tag(tag), 1);
  return { item, keys, tally };
}

const duplicateID = () =>
  new ConflictError("register.duplicate_id", "This ID number is in the register already.", [
    { path: "idNumber", message: "already in the register" },
  ]);

/** Adds a person (人口) to the register: in a household of the caller's grid, or on a grid. ID numbers are unique in the district (409). */
export const createResidentRecord = fn(CreateResidentRecordInput, async (input) => {
  const settings = await asRegisterStaff();
  const tenantID = useTenant();
  const household = input.householdID ? await loadHousehold(input.householdID) : undefined;
  const place = household ? { gridID: household.gridID, gridPath: household.gridPath } : await placeOf({ gridID: input.gridID });
  const { item, keys, tally } = await preparePerson(input, place, household, settings);
  const head = household && input.relation === HEAD && !household.headRecordID;
  const result = await writeTransaction(
    { residentRecord: ResidentRecordEntity, registerKey: RegisterKeyEntity, household: HouseholdEntity, ...Tally.entities },
    (ops) => [
      ops.residentRecord.create(item).commit(),
      ...keys.map((key) => ops.registerKey.create({ tenantID, ...key }).commit()),
      ...(household
        ? [
            ops.household
              .patch({ tenantID, householdID: household.householdID })
              .add({ members: 1 })
              .set(head ? { headRecordID: item.recordID, headName: item.name, updatedAt: item.updatedAt } : { updatedAt: item.updatedAt })
              .where((attr, op) => op.eq(attr.houseID, household.houseID))
              .commit(),
          ]
        : []),
      ...tally.operations(ops),
    ],
  ).go();
  if (result.canceled) {
    const taken = await RegisterKeyEntity.get({ tenantID, hash: keys[0].hash, slot: "unique" }).go();
    if (taken.data) throw duplicateID();
    throw new ConflictError("register.changed", "The household changed meanwhile; reload it and try again.");
  }
  return toResidentRecord(item);
});

/** A person of this district in the caller's grid (404 otherwise: a worker does not learn who lives elsewhere). */
async function loadPerson(recordID: string): Promise<RecordItem> {
  const { data } = await ResidentRecordEntity.get({ tenantID: useTenant(), recordID }).go();
  if (!data) throw new NotFoundError("register.person_not_found", `There is no person ${recordID} in this district's register.`);
  assertVisible(data.gridPath, "register.person_not_found", `person ${recordID}`);
  return data;
}

/** One person's record in full (masked; sensitive tags for those who may reveal): each reading is written to the access log. */
export const getResidentRecord = fn(z.string().max(80), async (recordID) => {
  const settings = await asRegisterStaff();
  const item = await loadPerson(recordID);
  const allowed = mayReveal(settings, item.gridPath);
  const sealed = allowed ? ((await unseal(item.sealed)) as unknown as SealedPerson) : null;
  const address = none(item.householdID)
    ? (await HouseholdEntity.get({ tenantID: useTenant(), householdID: item.householdID }).go()).data?.address
    : undefined;
  await logAccess({ action: "read", recordID, recordName: item.name });
  return {
    ...toResidentRecord(item),
    sensitiveTags: sealed ? sealed.sensitiveTags : null,
    mayReveal: allowed,
    address: address ?? null,
  } satisfies z.infer<typeof ResidentRecordDetail>;
});

export const RevealFieldInput = z.object({
  recordID: z.string().max(80),
  field: RevealableField,
  /** Why (查看原因): written to the access log with the reading. */
  purpose: z.string().trim().min(2, purposeMessage).max(200),
});

/**
 * One full field of one person (an ID number, phone or date of birth), for a role the district
 * allows, with a stated purpose; written to the access log before it is returned.
 */
export const revealField = fn(RevealFieldInput, async (input) => {
  const settings = await asRegisterStaff();
  const item = await loadPerson(input.recordID);
  assertMayReveal(settings, item.gridPath);
  const sealed = (await unseal(item.sealed)) as unknown as SealedPerson;
  await logAccess({ action: "reveal", recordID: item.recordID, recordName: item.name, field: input.field, purpose: input.purpose });
  return { recordID: item.recordID, field: input.field, value: sealed[input.field] ?? null };
});

export const SearchRegisterInput = PageInput.extend({
  /** A name's start, a full ID number or a full phone number (matched by keyed hash); empty: everyone of the grid. */
  q: z.string().trim().max(40).optional(),
  gridID: z.string().max(80).optional(),
  /** Only people with this tag (not sensitive tags: those are sealed). */
  tag: z.string().max(40).optional(),
  status: ResidentStatus.default("living"),
});

/** People of the register, masked: by a name's start, an ID number or a phone (keyed hash), or a grid's with a tag. */
export const searchRegister = fn(SearchRegisterInput, async (input) => {
  await asRegisterStaff();
  const tenantID = useTenant();
  const place = await placeToList(input.gridID);
  const q = input.q ?? "";
  const kind = /^\d{17}[\dXx]$/.test(q) ? "idNumber" : /^(\+?86)?1\d{10}$/.test(q.replace(/[\s-]/g, "")) ? "phone" : null;
  if (kind) {
    const keys = await RegisterKeyEntity.query.primary({ tenantID, hash: await lookupHash(kind, q) }).go({ pages: "all" });
    const found = await Promise.all(keys.data.map((key) => ResidentRecordEntity.get({ tenantID, recordID: key.recordID }).go()));
    const items = found
      .map((result) => result.data)
      .filter((item): item is RecordItem => Boolean(item && (!place || item.gridPathKey.startsWith(pathPrefix(place)))));
    return { items: items.map(toResidentRecord), cursor: null };
  }
  const inPlace = (item: { gridPathKey: string; tags?: string[] }) =>
    (!place || item.gridPathKey.startsWith(pathPrefix(place))) && (!input.tag || (item.tags ?? []).includes(input.tag));
  if (q) {
    const result = await page(
      ResidentRecordEntity.query
        .byName({ tenantID })
        .begins({ name: q })
        .where((attr, op) =>
          [op.eq(attr.status, input.status), ...(place ? [op.begins(attr.gridPathKey, pathPrefix(place))] : [])].join(" AND "),
        ),
      input,
    );
    return { items: result.items.filter(inPlace).map(toResidentRecord), cursor: result.cursor };
  }
  const base = ResidentRecordEntity.query.byGrid({ tenantID, status: input.status });
  const query = place ? base.begins({ gridPathKey: pathPrefix(place) }) : base;
  const result = await page(input.tag ? query.where((attr, op) => op.contains(attr.tags, input.tag!)) : query, input);
  return { items: result.items.map(toResidentRecord), cursor: result.cursor };
});

/** A household with its members (masked, living and moved out), in the caller's grid. */
export const getHousehold = fn(z.string().max(80), async (householdID) => {
  await asRegisterStaff();
  const household = await loadHousehold(householdID);
  const members = await ResidentRecordEntity.query
    .byHousehold({ tenantID: useTenant(), householdID: household.householdID })
    .go({ pages: "all" });
  return { household: toHousehold(household), members: members.data.map(toResidentRecord) };
});

export const UpdateResidentRecordInput = z.object({
  recordID: z.string().max(80),
  name: z.string().trim().min(1).max(40).optional(),
  /** A new phone, or null to remove it. */
  phone: Phone.nullable().optional(),
  relation: z.string().trim().max(20).nullable().optional(),
  /** The whole tag list (the district's keys, sensitive ones included). */
  tags: z.array(z.string().max(40)).max(20).optional(),
});

/**
 * A worker keeps a person's record up to date: name, phone (its lookup key follows), relation,
 * tags (the counters follow: a tag added counts in the person's grids, one removed no longer).
 * Sensitive tags and the phone are sealed again; the ID number never changes (a new person).
 * Conditional on the record as read: of two edits at once, one wins and the other is a 409.
 */
export const updateResidentRecord = fn(UpdateResidentRecordInput, async (input) => {
  const settings = await asRegisterStaff();
  const tenantID = useTenant();
  const item = await loadPerson(input.recordID);
  if (item.status !== "living") throw new ConflictError("register.moved_out", "This person has moved out; their record is kept as it was.");
  const sealed = (await unseal(item.sealed)) as unknown as SealedPerson;
  const before = [...(item.tags ?? []), ...sealed.sensitiveTags];
  const tags = input.tags ? splitTags(settings, input.tags) : { clear: item.tags ?? [], sensitive: sealed.sensitiveTags };
  const after = [...tags.clear, ...tags.sensitive];
  const phone = input.phone === undefined ? sealed.phone : input.phone;
  const at = now().toISOString();
  const tally = new Tally();
  for (const tag of before.filter((tag) => !after.includes(tag))) tally.addState(gridScopes(item.gridPath), RegisterMetric.tag(tag), -1);
  for (const tag of after.filter((tag) => !before.includes(tag))) tally.addState(gridScopes(item.gridPath), RegisterMetric.tag(tag), 1);
  const next: SealedPerson = { ...sealed, phone, sensitiveTags: tags.sensitive };
  const changes = {
    ...(input.name ? { name: input.name } : {}),
    ...(input.relation !== undefined && input.relation !== null ? { relation: input.relation } : {}),
    tags: tags.clear,
    sensitiveTagCount: tags.sensitive.length,
    sealed: await seal(next as unknown as Record<string, string | string[] | null>),
    ...(phone ? { phoneMasked: maskPhone(phone) } : {}),
    updatedAt: at,
  };
  const phoneChanged = phone !== sealed.phone;
  const oldKey = phoneChanged && sealed.phone ? await lookupHash("phone", sealed.phone) : null;
  const newKey = phoneChanged && phone ? await lookupHash("phone", phone) : null;
  const removals = [...(input.relation === null ? ["relation" as const] : []), ...(phone ? [] : ["phoneMasked" as const])];
  const result = await writeTransaction(
    { residentRecord: ResidentRecordEntity, registerKey: RegisterKeyEntity, ...Tally.entities },
    (ops) => [
      (removals.length
        ? ops.residentRecord.patch({ tenantID, recordID: item.recordID }).set(changes).remove(removals)
        : ops.residentRecord.patch({ tenantID, recordID: item.recordID }).set(changes)
      )
        .composite({ name: item.name })
        .where((attr, op) => op.eq(attr.updatedAt, item.updatedAt))
        .commit(),
      ...(oldKey ? [ops.registerKey.delete({ tenantID, hash: oldKey, slot: item.recordID }).commit()] : []),
      ...(newKey ? [ops.registerKey.create({ tenantID, hash: newKey, slot: item.recordID, recordID: item.recordID }).commit()] : []),
      ...tally.operations(ops),
    ],
  ).go();
  if (result.canceled) throw new ConflictError("register.changed", "Someone else changed this record meanwhile; reload it and try again.");
  const updated: RecordItem = { ...item, ...changes };
  if (!phone) delete updated.phoneMasked;
  if (input.relation === null) delete updated.relation;
  return toResidentRecord(updated);
});

export const MoveOutInput = z.object({ recordID: z.string().max(80), movedOutAt: Day.optional() });

/** A person moves out (迁出): kept in the register as moved out, no longer counted. */
export const moveOutResident = fn(MoveOutInput, async (input) => {
  await asRegisterStaff();
  const tenantID = useTenant();
  const item = await loadPerson(input.recordID);
  if (item.status !== "living") throw new ConflictError("register.moved_out", "This person has moved out already.");
  const sealed = (await unseal(item.sealed)) as unknown as SealedPerson;
  const at = now().toISOString();
  const tally = new Tally().addState(gridScopes(item.gridPath), RegisterMetric.people, -1);
  for (const tag of [...(item.tags ?? []), ...sealed.sensitiveTags]) tally.addState(gridScopes(item.gridPath), RegisterMetric.tag(tag), -1);
  const household = none(item.householdID);
  const result = await writeTransaction({ residentRecord: ResidentRecordEntity, household: HouseholdEntity, ...Tally.entities }, (ops) => [
    ops.residentRecord
      .patch({ tenantID, recordID: item.recordID })
      .set({ status: "moved_out", movedOutAt: input.movedOutAt ?? at.slice(0, 10), updatedAt: at })
      .composite({ gridPathKey: item.gridPathKey })
      .where((attr, op) => op.eq(attr.status, "living"))
      .commit(),
    ...(household ? [ops.household.patch({ tenantID, householdID: household }).add({ members: -1 }).set({ updatedAt: at }).commit()] : []),
    ...tally.operations(ops),
  ]).go();
  if (result.canceled) throw new ConflictError("register.changed", "The record changed meanwhile; reload it and try again.");
  return toResidentRecord({ ...item, status: "moved_out", movedOutAt: input.movedOutAt ?? at.slice(0, 10), updatedAt: at });
});

/**
 * What the register holds about the caller (个人信息查阅, PIPL's right of access): the records
 * with the phone and name of their own account, in full. Each reading is logged.
 */
export const getMyRegisterRecord = async () => {
  const actor = useActor();
  if (actor.type !== "user") {
    assertRole("resident");
    throw new ForbiddenError("register.self_only", "Only a person signed in to the district has a record of their own.");
  }
  const settings = await registerSettings();
  const tenantID = useTenant();
  const user = (await UserEntity.get({ tenantID, userID: actor.userID }).go()).data;
  if (!user?.phone) return { records: [] };
  const keys = await RegisterKeyEntity.query.primary({ tenantID, hash: await lookupHash("phone", user.phone) }).go({ pages: "all" });
  const found = await Promise.all(keys.data.map((key) => ResidentRecordEntity.get({ tenantID, recordID: key.recordID }).go()));
  const mine = found.map((result) => result.data).filter((item): item is RecordItem => Boolean(item && item.name === user.name));
  const tagNames = new Map(settings.tags.map((tag) => [tag.key, tag]));
  const records = [];
  for (const item of mine) {
    const sealed = (await unseal(item.sealed)) as unknown as SealedPerson;
    await logAccess({ action: "self", recordID: item.recordID, recordName: item.name });
    records.push({
      ...toResidentRecord(item),
      idNumber: sealed.idNumber,
      phone: sealed.phone,
      dateOfBirth: sealed.dateOfBirth,
      sensitiveTags: sealed.sensitiveTags,
      tagNames: [...(item.tags ?? []), ...sealed.sensitiveTags].map((key) => tagNames.get(key) ?? { key, nameZh: key, nameEn: key }),
    });
  }
  return { records };
};

export const MyRegisterRecord = ResidentRecord.extend({
  idNumber: z.string(),
  phone: z.string().nullable(),
  dateOfBirth: z.string(),
  sensitiveTags: z.array(z.string()),
  tagNames: z.array(z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string() })),
});
