import type { EntityItem } from "electrodb";
import { z } from "zod";
import { assertRole, useTenant } from "../actor.ts";
import { fn } from "../util/fn.ts";
import { page, PageInput } from "../util/page.ts";
import { toCsv } from "../util/spreadsheet.ts";
import { AccessActions, RegisterAccessEntity } from "./register.entity.ts";
import { logAccess, registerSettings } from "./shared.ts";

/** One entry of the register's access log (访问日志) as the district admin reads it. */
export const AccessEntry = z.object({
  accessID: z.string(),
  at: z.string(),
  action: z.enum(AccessActions),
  actorID: z.string(),
  actorName: z.string().nullable(),
  recordID: z.string().nullable(),
  recordName: z.string().nullable(),
  field: z.string().nullable(),
  purpose: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AccessEntry = z.infer<typeof AccessEntry>;

const toEntry = (item: EntityItem<typeof RegisterAccessEntity>): AccessEntry => ({
  accessID: item.accessID,
  at: item.at,
  action: item.action,
  actorID: item.actorID,
  actorName: item.actorName ?? null,
  recordID: item.recordID && item.recordID !== "none" ? item.recordID : null,
  recordName: item.recordName ?? null,
  field: item.field ?? null,
  purpose: item.purpose ?? null,
  detail: item.detail ?? null,
});

export const ListAccessLogInput = PageInput.extend({ recordID: z.string().max(80).optional() });

/** The register's access log, newest first (one person's readings with `recordID`): district admins only. */
export const listAccessLog = fn(ListAccessLogInput, async (input) => {
  assertRole("district_admin");
  await registerSettings();
  const tenantID = useTenant();
  const query = input.recordID
    ? RegisterAccessEntity.query.byRecord({ tenantID, recordID: input.recordID })
    : RegisterAccessEntity.query.primary({ tenantID });
  const result = await page(query, input, "desc");
  return { items: result.items.map(toEntry), cursor: result.cursor };
});

const ActionNames: Record<(typeof AccessActions)[number], string> = {
  reveal: "查看完整信息",
  read: "查看档案",
  export: "导出",
  self: "本人查阅",
};

/** The whole access log as CSV (UTF-8 with BOM, cells defused): the export is itself logged. */
export const exportAccessLog = async () => {
  assertRole("district_admin");
  await registerSettings();
  const { data } = await RegisterAccessEntity.query.primary({ tenantID: useTenant() }).go({ pages: "all", order: "desc" });
  const rows = data.map(toEntry);
  await logAccess({ action: "export", detail: `access log, ${rows.length} rows` });
  return toCsv([
    ["时间 Time", "操作 Action", "操作人 Actor", "档案 Record", "字段 Field", "原因 Purpose", "说明 Detail"],
    ...rows.map((row) => [
      row.at,
      ActionNames[row.action],
      row.actorName ?? row.actorID,
      row.recordName ?? row.recordID ?? "",
      row.field ?? "",
      row.purpose ?? "",
      row.detail ?? "",
    ]),
  ]);
};
