import { PassThrough } from "node:stream";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, useTenant } from "../actor.ts";
import { NotFoundError, VisibleError } from "../error.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { pathPrefix, placeToList } from "../grid/place.ts";
import { consume, type RateLimit } from "../identity/rate-limit.ts";
import * as Job from "../job/index.ts";
import { bucketName, downloadLink, s3 } from "../storage/bucket.ts";
import { ExportPrefix } from "../storage/keys.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { safeCell, toCsv } from "../util/spreadsheet.ts";
import { RegisterExportEntity, RegisterExportStatuses } from "./import.entity.ts";
import { HouseholdEntity, ResidentRecordEntity } from "./register.entity.ts";
import { asRegisterStaff, logAccess } from "./shared.ts";

/** How many register exports one person may make an hour (like the grid exports'). */
export const RegisterExportsPerPerson: RateLimit = {
  code: "rate.exports",
  counter: "register-exports",
  points: 10,
  duration: 3600,
  message: "Ten register exports in an hour is the most; use the last file, or try again later.",
};

export const ExportRegisterInput = z.object({
  /** The grid (and below) to export: the caller's grid by default, a district admin's whole district. */
  gridID: z.string().max(80).optional(),
  format: z.enum(["csv", "xlsx"]).default("csv"),
});

const Headers = [
  "姓名 Name",
  "性别 Gender",
  "身份证号 ID number",
  "手机号 Phone",
  "地址 Address",
  "与户主关系 Relation",
  "网格编码 Grid code",
  "标签 Tags",
];

type ExportItem = EntityItem<typeof RegisterExportEntity>;

/** Where an export's file is: one key per export, so that writing it again replaces it. */
const fileKeyOf = (item: Pick<ExportItem, "tenantID" | "exportID" | "format">) =>
  `${ExportPrefix}${item.tenantID}/${item.exportID}.${item.format}`;

/** An export as callers see it: progress, and a short-lived download link once written. */
async function viewOf(item: ExportItem) {
  const url = item.status === "done" ? await downloadLink(fileKeyOf(item), `register-${item.label}.${item.format}`) : null;
  return {
    exportID: item.exportID,
    status: item.status,
    format: item.format,
    gridID: item.gridID ?? null,
    written: item.written,
    bytes: item.bytes ?? null,
    url,
    failure: Job.failureOf(item),
    startedAt: item.startedAt,
    finishedAt: item.finishedAt ?? null,
  };
}
export type RegisterExport = Awaited<ReturnType<typeof viewOf>>;
export const RegisterExportView = z.object({
  exportID: z.string(),
  status: z.enum(RegisterExportStatuses),
  format: z.enum(["csv", "xlsx"]),
  gridID: z.string().nullable(),
  written: z.number(),
  bytes: z.number().nullable(),
  url: z.string().nullable(),
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

/**
 * Starts exporting the living people of a grid and below to a spreadsheet (.xlsx or CSV), in
 * the background (a district's people outlast a request): masked values only (350***********1234,
 * 138****0000), tags by name (not the sensitive ones: those are sealed), every cell defused
 * against formulas; written to the access log. `getRegisterExport` follows it and gives the
 * download link when it is done.
 */
export const exportRegister = fn(ExportRegisterInput, async (input) => {
  await asRegisterStaff();
  const tenantID = useTenant();
  const place = await placeToList(input.gridID);
  await consume(RegisterExportsPerPerson, tenantID, actorID());
  const label = place ? ((await GridEntity.get({ tenantID, gridID: place.gridID }).go()).data?.code ?? place.gridID) : "district";
  const created = await RegisterExportEntity.create({
    tenantID,
    exportID: newID("export"),
    status: "queued",
    format: input.format,
    ...(place ? { gridID: place.gridID } : {}),
    label,
    by: actorID(),
    startedAt: new Date().toISOString(),
    // A day: the file itself lasts two (the bucket's rule on exports/), so a listed export can always be fetched.
    expiresAt: Math.floor(Date.now() / 1000) + 86400,
  }).go();
  await exportJob.enqueue({ exportID: created.data.exportID });
  return viewOf(created.data as ExportItem);
});

/** An export's progress and, once written, its download link (valid one hour): for the one who asked for it only. */
export const getRegisterExport = fn(z.string().max(80), async (exportID) => {
  await asRegisterStaff();
  const found = (await RegisterExportEntity.get({ tenantID: useTenant(), exportID }).go()).data;
  if (!found || found.by !== actorID()) throw new NotFoundError("export.not_found", `There is no export ${exportID} of yours.`);
  return viewOf(found);
});

const exportJob = Job.define("register.export", z.object({ exportID: z.string() }), (input, attempt) => runExport(input.exportID, attempt));

/** People read a page at a time: memory holds a page and the rows written so far, never every record. */
const PageSize = 500;

/** The worker's side of an export (as the one who asked for it); run again, it writes the same file to the same key. */
export async function runExport(exportID: string, attempt: Job.Attempt): Promise<void> {
  const settings = await asRegisterStaff();
  const tenantID = useTenant();
  const key = { tenantID, exportID };
  const record = (await RegisterExportEntity.get(key).go()).data;
  if (!record || record.status === "done" || record.status === "failed") return;
  try {
    await RegisterExportEntity.patch(key).set({ status: "writing", written: 0 }).go();
    const place = await placeToList(record.gridID);
    const codes = new Map(
      (await GridEntity.query.primary({ tenantID }).go({ pages: "all", attributes: ["gridID", "code"] })).data.map((grid) => [
        grid.gridID,
        grid.code,
      ]),
    );
    const addresses = new Map<string, string>();
    const households = HouseholdEntity.query.byGrid({ tenantID });
    const homes = place ? households.begins({ gridPathKey: pathPrefix(place) }) : households;
    for (const household of (await homes.go({ pages: "all", attributes: ["householdID", "address"] })).data)
      addresses.set(household.householdID, household.address);
    const tagNames = new Map(settings.tags.map((tag) => [tag.key, tag.nameZh]));
    const sheet = record.format === "csv" ? csvWriter() : await xlsxWriter();
    sheet.add(Headers);
    const byGrid = ResidentRecordEntity.query.byGrid({ tenantID, status: "living" });
    const people = place ? byGrid.begins({ gridPathKey: pathPrefix(place) }) : byGrid;
    let cursor: string | null = null;
    let written = 0;
    do {
      const page: { data: EntityItem<typeof ResidentRecordEntity>[]; cursor: string | null } = await people.go({ cursor, limit: PageSize });
      for (const person of page.data)
        sheet.add(
          [
            person.name,
            person.gender === "male" ? "男" : "女",
            person.idMasked,
            person.phoneMasked ?? "",
            addresses.get(person.householdID) ?? "",
            person.relation ?? "",
            codes.get(person.gridID) ?? "",
            (person.tags ?? []).map((tag) => tagNames.get(tag) ?? tag).join("、"),
          ].map(safeCell),
        );
      written += page.data.length;
      cursor = page.cursor;
      await RegisterExportEntity.patch(key).set({ written }).go();
    } while (cursor);
    const body = await sheet.finish();
    await s3().send(
      new PutObjectCommand({
        Bucket: bucketName(),
        Key: fileKeyOf(record),
        Body: body,
        ContentType: record.format === "csv" ? "text/csv; charset=utf-8" : XlsxType,
      }),
    );
    await logAccess({ action: "export", detail: `register ${record.format}, grid ${record.label}, ${written} people` });
    await RegisterExportEntity.patch(key).set({ status: "done", written, bytes: body.length, finishedAt: new Date().toISOString() }).go();
  } catch (error) {
    const visible = error instanceof VisibleError;
    if (visible || attempt.last)
      await RegisterExportEntity.patch(key)
        .set({
          status: "failed",
          ...Job.failureFields(error, "The export stopped on an internal error."),
          finishedAt: new Date().toISOString(),
        })
        .go();
    if (!visible) throw error;
  }
}

const XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface SheetWriter {
  add(row: unknown[]): void;
  finish(): Promise<Buffer>;
}

/** Rows as CSV (UTF-8 with a BOM, as `toCsv` writes it), kept as text chunks of a page's rows. */
function csvWriter(): SheetWriter {
  const chunks: string[] = [];
  let rows: unknown[][] = [];
  const flush = () => {
    // toCsv puts the BOM at the start of the file only.
    const text = toCsv(rows);
    chunks.push(chunks.length ? text.replace(/^\uFEFF/, "") : text);
    rows = [];
  };
  return {
    add(row) {
      rows.push(row);
      if (rows.length >= PageSize) flush();
    },
    async finish() {
      if (rows.length || !chunks.length) flush();
      return Buffer.from(chunks.join(""));
    },
  };
}

/** Rows as an .xlsx, written by exceljs's streaming writer; every cell is text (a formula's text stays text). */
async function xlsxWriter(): Promise<SheetWriter> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet("人口 People");
  return {
    add(row) {
      sheet.addRow(row.map((cell) => (cell === null || cell === undefined ? "" : String(cell)))).commit();
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
      return Buffer.concat(chunks);
    },
  };
}
