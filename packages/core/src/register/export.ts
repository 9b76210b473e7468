import { PassThrough } from "node:stream";
import { z } from "zod";
import { actorID, useTenant } from "../actor.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { pathPrefix, placeToList } from "../grid/place.ts";
import { consume, type RateLimit } from "../identity/rate-limit.ts";
import { fn } from "../util/fn.ts";
import { safeCell, toCsv } from "../util/spreadsheet.ts";
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

/**
 * The living people of a grid and below as a spreadsheet (.xlsx or CSV): masked values only
 * (350***********1234, 138****0000), tags by name (not the sensitive ones: those are sealed),
 * every cell defused against formulas. The export is written to the access log.
 */
export const exportRegister = fn(ExportRegisterInput, async (input) => {
  const settings = await asRegisterStaff();
  const tenantID = useTenant();
  const place = await placeToList(input.gridID);
  await consume(RegisterExportsPerPerson, tenantID, actorID());
  const codes = new Map(
    (await GridEntity.query.primary({ tenantID }).go({ pages: "all", attributes: ["gridID", "code"] })).data.map((grid) => [
      grid.gridID,
      grid.code,
    ]),
  );
  const addresses = new Map<string, string>();
  const households = HouseholdEntity.query.byGrid({ tenantID });
  for (const household of (await (place ? households.begins({ gridPathKey: pathPrefix(place) }) : households).go({ pages: "all" })).data)
    addresses.set(household.householdID, household.address);
  const tagNames = new Map(settings.tags.map((tag) => [tag.key, tag.nameZh]));
  const people = ResidentRecordEntity.query.byGrid({ tenantID, status: "living" });
  const { data } = await (place ? people.begins({ gridPathKey: pathPrefix(place) }) : people).go({ pages: "all" });
  const rows = data.map((person) =>
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
  const grid = place ? (codes.get(place.gridID) ?? place.gridID) : "district";
  await logAccess({ action: "export", detail: `register ${input.format}, grid ${grid}, ${rows.length} people` });
  const filename = `register-${grid}.${input.format}`;
  if (input.format === "csv") return { filename, contentType: "text/csv; charset=utf-8", body: Buffer.from(toCsv([Headers, ...rows])) };
  return {
    filename,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await xlsxOf([Headers, ...rows]),
  };
});

/** Rows as an .xlsx, written by exceljs's streaming writer; every cell is text (a formula's text stays text). */
async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet("人口 People");
  for (const row of rows) sheet.addRow(row.map((cell) => (cell === null || cell === undefined ? "" : String(cell)))).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
