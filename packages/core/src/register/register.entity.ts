import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

const table = { table: tableName(), client: documentClient() };

export const HouseKinds = ["residential", "shop", "mixed", "office", "other"] as const;
export const ResidentStatuses = ["living", "moved_out"] as const;
export const OrganisationKinds = ["enterprise", "institution", "managed"] as const;

/** Where a register record sits on the grid tree: `a/b/c/<id>`, a grid's records with its descendants' by prefix. */
const gridAttributes = {
  gridID: { type: "string", required: true },
  /** The grid's ancestors then the grid, top down. */
  gridPath: { type: "list", items: { type: "string" }, required: true },
  gridPathKey: { type: "string", required: true },
} as const;

/** A house or building (房屋): an address and a point on a grid. */
export const HouseEntity = new Entity(
  {
    model: { entity: "house", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      houseID: { type: "string", required: true, readOnly: true },
      address: { type: "string", required: true },
      kind: { type: HouseKinds, required: true },
      lon: { type: "number", required: true },
      lat: { type: "number", required: true },
      ...gridAttributes,
      /** Households living in it now. */
      households: { type: "number", required: true, default: 0 },
      createdAt: { type: "string", required: true, readOnly: true },
      createdBy: { type: "string", required: true, readOnly: true },
      updatedAt: { type: "string", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID", "houseID"] }, sk: { field: "sk", composite: [] } },
      /** A grid's houses with its descendants', by path prefix. */
      byGrid: { index: "gsi1", pk: { field: "gsi1pk", composite: ["tenantID"] }, sk: { field: "gsi1sk", composite: ["gridPathKey"] } },
    },
  },
  table,
);

/**
 * A household (住户): people living together in one house, with a head (户主). Moving to another
 * house (and so maybe another grid) appends to `moves`: its history is kept.
 */
export const HouseholdEntity = new Entity(
  {
    model: { entity: "household", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      householdID: { type: "string", required: true, readOnly: true },
      houseID: { type: "string", required: true },
      address: { type: "string", required: true },
      ...gridAttributes,
      headRecordID: { type: "string" },
      headName: { type: "string" },
      /** People living in it now. */
      members: { type: "number", required: true, default: 0 },
      moves: {
        type: "list",
        items: {
          type: "map",
          properties: {
            fromHouseID: { type: "string", required: true },
            fromGridID: { type: "string", required: true },
            toHouseID: { type: "string", required: true },
            toGridID: { type: "string", required: true },
            at: { type: "string", required: true },
            by: { type: "string", required: true },
          },
        },
        required: true,
        default: () => [],
      },
      createdAt: { type: "string", required: true, readOnly: true },
      createdBy: { type: "string", required: true, readOnly: true },
      updatedAt: { type: "string", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID", "householdID"] }, sk: { field: "sk", composite: [] } },
      byGrid: { index: "gsi1", pk: { field: "gsi1pk", composite: ["tenantID"] }, sk: { field: "gsi1sk", composite: ["gridPathKey"] } },
      /** The households of a house. */
      byHouse: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["tenantID", "houseID"] },
        sk: { field: "gsi2sk", composite: ["householdID"] },
      },
    },
  },
  table,
);

/**
 * A person of the register (人口). Their ID number, phone, date of birth and sensitive tags are
 * one sealed message (`sealed`, envelope-encrypted: protect.ts); what lists show is the masked
 * forms. Lookups by ID number or phone go through `RegisterKeyEntity` (keyed hashes).
 */
export const ResidentRecordEntity = new Entity(
  {
    model: { entity: "residentRecord", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      recordID: { type: "string", required: true, readOnly: true },
      name: { type: "string", required: true },
      gender: { type: ["male", "female"] as const, required: true },
      status: { type: ResidentStatuses, required: true },
      householdID: { type: "string", required: true, default: "none" },
      houseID: { type: "string" },
      /** 户主, 配偶, 子女 … as the district writes it. */
      relation: { type: "string" },
      ...gridAttributes,
      /** The district's tags that are not sensitive, in clear (filters and counts). */
      tags: { type: "list", items: { type: "string" }, required: true, default: () => [] },
      /** The encrypted fields: idNumber, phone, dateOfBirth, sensitiveTags. */
      sealed: { type: "string", required: true },
      idMasked: { type: "string", required: true },
      phoneMasked: { type: "string" },
      /** How many sensitive tags the record holds (their names are sealed): counts stay exact on a move. */
      sensitiveTagCount: { type: "number", required: true, default: 0 },
      movedInAt: { type: "string" },
      movedOutAt: { type: "string" },
      createdAt: { type: "string", required: true, readOnly: true },
      createdBy: { type: "string", required: true, readOnly: true },
      updatedAt: { type: "string", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID", "recordID"] }, sk: { field: "sk", composite: [] } },
      /** A grid's people with its descendants', living or moved out. */
      byGrid: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "status"] },
        sk: { field: "gsi1sk", composite: ["gridPathKey"] },
      },
      /** A household's members. */
      byHousehold: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["tenantID", "householdID"] },
        sk: { field: "gsi2sk", composite: ["recordID"] },
      },
      /** Search by name (a name's start), within the caller's grid by filter. */
      byName: { index: "gsi3", pk: { field: "gsi3pk", composite: ["tenantID"] }, sk: { field: "gsi3sk", composite: ["name", "recordID"] } },
    },
  },
  table,
);

/**
 * An enterprise, institution or managed object (企事业单位 / 管理对象) on a grid. Its contact's
 * phone is sealed; a unified social credit code is public and unique in the district.
 */
export const OrganisationEntity = new Entity(
  {
    model: { entity: "organisation", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      organisationID: { type: "string", required: true, readOnly: true },
      kind: { type: OrganisationKinds, required: true },
      name: { type: "string", required: true },
      creditCode: { type: "string" },
      address: { type: "string", required: true },
      lon: { type: "number", required: true },
      lat: { type: "number", required: true },
      ...gridAttributes,
      contactName: { type: "string" },
      contactPhoneMasked: { type: "string" },
      /** The contact's phone, encrypted. */
      sealed: { type: "string" },
      createdAt: { type: "string", required: true, readOnly: true },
      createdBy: { type: "string", required: true, readOnly: true },
      updatedAt: { type: "string", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID", "organisationID"] }, sk: { field: "sk", composite: [] } },
      byGrid: { index: "gsi1", pk: { field: "gsi1pk", composite: ["tenantID"] }, sk: { field: "gsi1sk", composite: ["gridPathKey"] } },
    },
  },
  table,
);

/**
 * A lookup key of the register: the keyed hash of an ID number, phone or credit code, never the
 * value. An ID number's or a credit code's item is unique (`slot` = `unique`, created on
 * condition: a second record with the same number is a 409); phones are shared by families
 * (`slot` = the record's ID).
 */
export const RegisterKeyEntity = new Entity(
  {
    model: { entity: "registerKey", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      hash: { type: "string", required: true, readOnly: true },
      slot: { type: "string", required: true, readOnly: true },
      /** The record's ID (a person's or an organisation's). */
      recordID: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID", "hash"] }, sk: { field: "sk", composite: ["slot"] } },
    },
  },
  table,
);

export const AccessActions = ["reveal", "read", "export", "self"] as const;

/**
 * The register's access log (访问日志): each reveal of a field, each full-record read, each
 * export and each person reading their own record, with who, when and why.
 */
export const RegisterAccessEntity = new Entity(
  {
    model: { entity: "registerAccess", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      accessID: { type: "string", required: true, readOnly: true },
      at: { type: "string", required: true, readOnly: true },
      action: { type: AccessActions, required: true, readOnly: true },
      actorID: { type: "string", required: true, readOnly: true },
      actorName: { type: "string", readOnly: true },
      /** The record read (none for an export). */
      recordID: { type: "string", required: true, readOnly: true, default: "none" },
      recordName: { type: "string", readOnly: true },
      field: { type: "string", readOnly: true },
      purpose: { type: "string", readOnly: true },
      /** What an export held (rows, grid). */
      detail: { type: "string", readOnly: true },
    },
    indexes: {
      /** Newest first by `at`. */
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["at", "accessID"] } },
      /** One record's readings. */
      byRecord: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "recordID"] },
        sk: { field: "gsi1sk", composite: ["at", "accessID"] },
      },
    },
  },
  table,
);

export const registerEntities = {
  house: HouseEntity,
  household: HouseholdEntity,
  residentRecord: ResidentRecordEntity,
  organisation: OrganisationEntity,
  registerKey: RegisterKeyEntity,
};
