import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

const table = { table: tableName(), client: documentClient() };

export const RegisterImportStatuses = ["queued", "validating", "writing", "done", "failed"] as const;

/**
 * An import of people into the register from a spreadsheet (`register/import.ts`): its progress
 * (rows checked, then written: the write phase's checkpoint), the rejected rows' count and a few
 * of them (the full report is a CSV file), and why it failed.
 */
export const RegisterImportEntity = new Entity(
  {
    model: { entity: "registerImport", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      importID: { type: "string", required: true, readOnly: true },
      status: { type: RegisterImportStatuses, required: true },
      uploadKey: { type: "string" },
      /** The column mapping asked for (field → header); else the district's saved one, or the headers recognised. */
      mapping: { type: "any" },
      /** Rows in the file (known once checked), rows checked, people written (the checkpoint). */
      total: { type: "number", required: true, default: 0 },
      checked: { type: "number", required: true, default: 0 },
      written: { type: "number", required: true, default: 0 },
      /** Houses and households written before the people (step 1 of the write). */
      groupsWritten: { type: "boolean", required: true, default: false },
      rejectedCount: { type: "number", required: true, default: 0 },
      /** The first rejected rows (row, column, reasons); the whole list is the report file. */
      rejected: { type: "any" },
      /** The headers of the file, when no mapping could be made from them. */
      headers: { type: "list", items: { type: "string" } },
      failureCode: { type: "string" },
      failureMessage: { type: "string" },
      by: { type: "string", required: true },
      startedAt: { type: "string", required: true },
      finishedAt: { type: "string" },
      expiresAt: { type: "number" },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["importID"] } },
    },
  },
  table,
);

/** The district's column mapping of register spreadsheets (field → header), saved when an import names one. */
export const RegisterMappingEntity = new Entity(
  {
    model: { entity: "registerMapping", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      mapping: { type: "any", required: true },
      updatedAt: { type: "string", required: true },
      updatedBy: { type: "string", required: true },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: [] } },
    },
  },
  table,
);

export const RegisterExportStatuses = ["queued", "writing", "done", "failed"] as const;

/**
 * An export of a grid's people to a spreadsheet (`register/export.ts`), written in the
 * background: its progress (people written) and, once done, the file's size; the file itself is
 * in S3 under the export's ID, fetched through a short-lived link by the one who asked for it.
 */
export const RegisterExportEntity = new Entity(
  {
    model: { entity: "registerExport", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      exportID: { type: "string", required: true, readOnly: true },
      status: { type: RegisterExportStatuses, required: true },
      format: { type: ["csv", "xlsx"] as const, required: true, readOnly: true },
      /** The grid exported (and below); none for a district admin's whole district. */
      gridID: { type: "string", readOnly: true },
      /** The grid's code (or `district`), for the file's name. */
      label: { type: "string", required: true, readOnly: true },
      written: { type: "number", required: true, default: 0 },
      bytes: { type: "number" },
      failureCode: { type: "string" },
      failureMessage: { type: "string" },
      by: { type: "string", required: true, readOnly: true },
      startedAt: { type: "string", required: true },
      finishedAt: { type: "string" },
      expiresAt: { type: "number" },
    },
    indexes: {
      primary: { pk: { field: "pk", composite: ["tenantID"] }, sk: { field: "sk", composite: ["exportID"] } },
    },
  },
  table,
);
