import { z } from "zod";
import { assertRole, useTenant } from "../actor.ts";
import { requireMechanism } from "../config/index.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { Month } from "../util/schemas.ts";
import { CadreEntity, CadreEvaluationEntity, LedgerEntryEntity } from "./cadre.entity.ts";
import { type Cadre, toCadre } from "./cadre.ts";
import { type Evaluation, GradeNames, toEvaluation } from "./evaluation.ts";
import { loadUnit } from "./home-unit.ts";
import { MECHANISM, today } from "./shared.ts";
import { safeCell, toCsv } from "../util/spreadsheet.ts";

// ─── the unit feedback report ───────────────────────────────────────────────

export const ExportFeedbackInput = z.object({
  unitID: z.string().min(1).max(80),
  /** The current month if left out. */
  month: Month.optional(),
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
});

/** One row of the feedback report: a cadre of the unit with the month's work and evaluation. */
export interface FeedbackRow {
  cadre: Cadre;
  byKind: Record<string, number>;
  entries: number;
  hours: number;
  evaluation: Evaluation | null;
}

/** The feedback report's rows: every cadre of the unit serving in the month (three queries). */
export async function unitFeedback(unitID: string, month: string) {
  const config = await requireMechanism(MECHANISM);
  const tenantID = useTenant();
  const unit = await loadUnit(unitID);
  const [cadres, entries, evaluations] = await Promise.all([
    CadreEntity.query.byUnit({ tenantID, unitID }).go({ pages: "all" }),
    LedgerEntryEntity.query.byUnit({ tenantID, unitID, month }).go({ pages: "all", attributes: ["cadreID", "kind", "hours"] }),
    CadreEvaluationEntity.query.byUnit({ tenantID, unitID, month }).go({ pages: "all" }),
  ]);
  const [first, last] = [`${month}-01`, `${month}-31`];
  const evaluationOf = new Map(evaluations.data.map((item) => [item.cadreID, toEvaluation(item)]));
  const rows = new Map<string, FeedbackRow>();
  for (const item of cadres.data) {
    const served = item.from <= last && first <= item.to && (item.status === "active" || (item.endedAt ?? "") >= first);
    if (served)
      rows.set(item.cadreID, {
        cadre: toCadre(item),
        byKind: {},
        entries: 0,
        hours: 0,
        evaluation: evaluationOf.get(item.cadreID) ?? null,
      });
  }
  for (const entry of entries.data) {
    const row = rows.get(entry.cadreID!);
    if (!row) continue;
    row.byKind[entry.kind!] = (row.byKind[entry.kind!] ?? 0) + 1;
    row.entries++;
    row.hours += entry.hours!;
  }
  const sorted = [...rows.values()].sort(
    (a, b) => a.cadre.gridName.localeCompare(b.cadre.gridName, "zh-CN") || a.cadre.name.localeCompare(b.cadre.name, "zh-CN"),
  );
  return { unit, month, kinds: config.governance.ledgerActivityKinds, rows: sorted };
}

/**
 * The feedback report for a home unit and month (反馈表), in Chinese headings: as a real .xlsx
 * workbook (exceljs, loaded only when a report is asked for) or as UTF-8 CSV with a BOM.
 */
export const exportUnitFeedback = fn(ExportFeedbackInput, async (input) => {
  assertRole("district_admin", "grid_leader");
  const month = input.month ?? today().slice(0, 7);
  const report = await unitFeedback(input.unitID, month);
  const headings = [
    "序号",
    "姓名",
    "派出单位",
    "下沉网格",
    "下沉时段",
    ...report.kinds.map((kind) => `${kind.nameZh}（次）`),
    "台账合计（条）",
    "工作时长（小时）",
    "工作态度",
    "工作状态",
    "工作成效",
    "评价等级",
    "评价意见",
  ];
  const rows = report.rows.map((row, index) => [
    index + 1,
    row.cadre.name,
    report.unit.name,
    row.cadre.gridName,
    `${row.cadre.from} 至 ${row.cadre.to}`,
    ...report.kinds.map((kind) => row.byKind[kind.key] ?? 0),
    row.entries,
    Math.round(row.hours * 100) / 100,
    row.evaluation?.attitude ?? "",
    row.evaluation?.workState ?? "",
    row.evaluation?.performance ?? "",
    row.evaluation ? GradeNames[row.evaluation.grade] : "未评价",
    row.evaluation?.comment ?? "",
  ]);
  const [year, monthNumber] = month.split("-");
  const title = `${report.unit.name} 下沉干部双向管理反馈表（${year}年${Number(monthNumber)}月）`;
  const filename = `${report.unit.name}-${month}-反馈表.${input.format}`;
  if (input.format === "csv") {
    const body = toCsv([headings, ...rows]);
    return { filename, month, contentType: "text/csv; charset=utf-8", body: new TextEncoder().encode(body) };
  }
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "网格 Wangge";
  workbook.created = now();
  const sheet = workbook.addWorksheet(`${month} 反馈表`);
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, headings.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow(headings).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(safeCell));
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 6 : index <= 4 ? 18 : 12;
  });
  sheet.views = [{ state: "frozen", ySplit: 2 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    filename,
    month,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: new Uint8Array(buffer as ArrayBuffer),
  };
});
