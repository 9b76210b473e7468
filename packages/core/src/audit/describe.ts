/**
 * The audit trail in people's words (操作记录说明): each kind of entry gets a sentence per
 * language, built from the entry's details ("邀请了 网格员 黄晓梅", "修改了区县配置（第 5 版）：网格层级、工单").
 * Pure (types only): the portal's audit page imports it; its tests run every action.
 */
import { AccessRoleNames, type Language, SectionNames, say } from "../util/words.ts";

/** Every action the audit trail records (writing another fails to compile until it has a sentence here). */
export const auditActions = [
  "user.invited",
  "user.creation_undone",
  "user.roles_changed",
  "user.change_undone",
  "user.disabled",
  "user.enabled",
  "user.signed_out_everywhere",
  "resident.registered",
  "resident.approved",
  "cadre.assign",
  "cadre.end",
  "cadre.evaluate",
  "emergency.switch",
  "emergency.task",
  "emergency.report",
  "config.updated",
  "config.rolled_back",
  "ticket.reporter_revealed",
] as const;
export type AuditAction = (typeof auditActions)[number];

/** What a sentence is made from: the entry as listed. */
export interface DescribableAuditEvent {
  action: string;
  summary: string;
  details: Record<string, unknown> | null;
}

/** Names the entry only points to. */
export interface AuditContext {
  /** A grid's name by its ID (the ID when unknown). */
  gridName?: (gridID: string) => string | undefined;
}

const GRADES: Record<string, { zh: string; en: string }> = {
  excellent: { zh: "优秀", en: "excellent" },
  good: { zh: "良好", en: "good" },
  fair: { zh: "一般", en: "fair" },
  poor: { zh: "较差", en: "poor" },
};

const text = (value: unknown) => (typeof value === "string" && value ? value : "");
const list = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);
const roleNames = (roles: string[], language: Language) =>
  roles
    .map((role) => (role in AccessRoleNames ? say(AccessRoleNames[role as keyof typeof AccessRoleNames], language) : role))
    .join(language === "en" ? ", " : "、");
/** "网格员 黄晓梅" / "Grid worker 黄晓梅": the person's roles then name, or what the entry has of them. */
const person = (details: Record<string, unknown>, language: Language, roles = list(details.roles)) => {
  const name = text(details.name);
  const who = roleNames(roles, language);
  return [who, name].filter(Boolean).join(" ") || say({ zh: "一位用户", en: "a user" }, language);
};
const sectionsOf = (details: Record<string, unknown>, language: Language) =>
  list(details.sections)
    .map((section) => (section in SectionNames ? say(SectionNames[section as keyof typeof SectionNames], language) : section))
    .join(language === "en" ? ", " : "、");

type Sentence = (details: Record<string, unknown>, language: Language, context: AuditContext) => string;

const sentences: Record<AuditAction, Sentence> = {
  "user.invited": (details, language) =>
    say({ zh: `邀请了 ${person(details, language)}`, en: `Invited ${person(details, language)}` }, language),
  "user.creation_undone": (details, language) =>
    say(
      {
        zh: `未能添加 ${person(details, language)}：登录账号未能创建`,
        en: `Could not add ${person(details, language)}: the sign-in account was not created`,
      },
      language,
    ),
  "user.roles_changed": (details, language) => {
    const from = (details.from ?? {}) as Record<string, unknown>;
    const to = (details.to ?? {}) as Record<string, unknown>;
    const name = text(details.name) || say({ zh: "一位用户", en: "a user" }, language);
    return say(
      {
        zh: `修改了 ${name} 的角色：${roleNames(list(from.roles), "zh-CN") || "—"} → ${roleNames(list(to.roles), "zh-CN") || "—"}`,
        en: `Changed the roles of ${name}: ${roleNames(list(from.roles), "en") || "—"} → ${roleNames(list(to.roles), "en") || "—"}`,
      },
      language,
    );
  },
  "user.change_undone": (details, language) =>
    say(
      {
        zh: `撤回了对 ${person(details, language)} 的修改：登录账号未能同步`,
        en: `Undid a change to ${person(details, language)}: the sign-in account could not follow`,
      },
      language,
    ),
  "user.disabled": (details, language) =>
    say({ zh: `停用了 ${person(details, language)}`, en: `Disabled ${person(details, language)}` }, language),
  "user.enabled": (details, language) =>
    say({ zh: `重新启用了 ${person(details, language)}`, en: `Enabled ${person(details, language)} again` }, language),
  "user.signed_out_everywhere": (details, language) =>
    say({ zh: `让 ${person(details, language)} 在所有设备上退出登录`, en: `Signed ${person(details, language)} out everywhere` }, language),
  "resident.registered": (details, language) => {
    const name = text(details.name) || say({ zh: "一位居民", en: "a resident" }, language);
    const pending = details.status === "pending";
    return say(
      {
        zh: `居民 ${name} 以验证过的手机号注册${pending ? "，等待审核" : ""}`,
        en: `Resident ${name} registered with a verified phone${pending ? ", waiting for approval" : ""}`,
      },
      language,
    );
  },
  "resident.approved": (details, language) =>
    say({ zh: `审核通过了居民 ${text(details.name) || ""}`.trim(), en: `Approved resident ${text(details.name)}`.trim() }, language),
  "cadre.assign": (details, language, context) => {
    const grid = text(details.gridName) || context.gridName?.(text(details.gridID)) || text(details.gridID);
    const name = text(details.name) || say({ zh: "一名干部", en: "a cadre" }, language);
    return say(
      {
        zh: `安排 ${name} 下沉到 ${grid} 任网格助理（${text(details.from)}–${text(details.to)}）`,
        en: `Seconded ${name} to ${grid} as grid assistant (${text(details.from)}–${text(details.to)})`,
      },
      language,
    );
  },
  "cadre.end": (details, language, context) => {
    const grid = text(details.gridName) || context.gridName?.(text(details.gridID)) || text(details.gridID);
    const name = text(details.name) || say({ zh: "一名干部", en: "a cadre" }, language);
    return say({ zh: `结束了 ${name} 在 ${grid} 的下沉`, en: `Ended the secondment of ${name} to ${grid}` }, language);
  },
  "cadre.evaluate": (details, language) => {
    const grade = GRADES[text(details.grade)];
    const name = text(details.name) || say({ zh: "一名干部", en: "a cadre" }, language);
    return say(
      {
        zh: `评价了 ${name} ${text(details.month)} 的工作：${grade ? grade.zh : text(details.grade)}`,
        en: `Evaluated ${name} for ${text(details.month)}: ${grade ? grade.en : text(details.grade)}`,
      },
      language,
    );
  },
  "emergency.switch": (details, language) => {
    const emergency = details.to === "emergency";
    const grids = list(details.gridIDs).length;
    const scope =
      details.scope === "grids"
        ? say({ zh: `${grids} 个网格`, en: `${grids} grid(s)` }, language)
        : say({ zh: "全区", en: "the district" }, language);
    const reason = text(details.reason);
    return say(
      {
        zh: `${emergency ? "将" : "让"}${scope}${emergency ? "切换到应急状态" : "恢复平时状态"}${reason ? `：${reason}` : ""}`,
        en: `${emergency ? "Switched" : "Returned"} ${scope} ${emergency ? "to emergency mode" : "to normal times"}${reason ? `: ${reason}` : ""}`,
      },
      language,
    );
  },
  "emergency.task": (details, language) => {
    const count = typeof details.gridCount === "number" ? details.gridCount : list(details.gridIDs).length;
    const title = text(details.title);
    return say(
      {
        zh: `向 ${count} 个网格发布了应急任务${title ? `“${title}”` : ""}`,
        en: `Issued an emergency task${title ? ` “${title}”` : ""} to ${count} grid(s)`,
      },
      language,
    );
  },
  "emergency.report": (details, language, context) => {
    const grid = text(details.gridName) || context.gridName?.(text(details.gridID)) || text(details.gridID);
    const ticks = Array.isArray(details.ticks) ? details.ticks : [];
    const done = ticks.filter(Boolean).length;
    return say(
      {
        zh: `${grid} 上报了应急任务进度：${details.done ? "全部完成" : `完成 ${done}/${ticks.length} 项`}`,
        en: `${grid} reported on an emergency task: ${details.done ? "all done" : `${done} of ${ticks.length} done`}`,
      },
      language,
    );
  },
  "config.updated": (details, language) => {
    const note = text(details.note);
    if (typeof details.version !== "number") return say({ zh: "修改了区县配置", en: "Changed the district's settings" }, language);
    return say(
      {
        zh: `修改了区县配置（第 ${details.version} 版）：${sectionsOf(details, language) || "—"}${note ? `。说明：${note}` : ""}`,
        en: `Changed the district's settings (version ${details.version}): ${sectionsOf(details, language) || "—"}${note ? `. Note: ${note}` : ""}`,
      },
      language,
    );
  },
  "config.rolled_back": (details, language) => {
    const note = text(details.note);
    if (typeof details.version !== "number" || typeof details.rollbackOf !== "number")
      return say({ zh: "恢复了区县配置的一个旧版本", en: "Restored an earlier version of the district's settings" }, language);
    return say(
      {
        zh: `将区县配置恢复到第 ${details.rollbackOf} 版（成为第 ${details.version} 版）：${sectionsOf(details, language) || "—"}${note ? `。说明：${note}` : ""}`,
        en: `Restored the district's settings to version ${details.rollbackOf} (now version ${details.version}): ${sectionsOf(details, language) || "—"}${note ? `. Note: ${note}` : ""}`,
      },
      language,
    );
  },
  "ticket.reporter_revealed": (details, language) => {
    const number = text(details.ticketNumber);
    const purpose = text(details.purpose);
    return say(
      {
        zh: `查看了${number ? `工单 ${number} ` : "一件工单"}上报人的完整手机号${purpose ? `，原因：${purpose}` : ""}`,
        en: `Read the whole phone number of the reporter of ${number ? `ticket ${number}` : "a ticket"}${purpose ? `, because: ${purpose}` : ""}`,
      },
      language,
    );
  },
};

export const isAuditAction = (action: string): action is AuditAction => (auditActions as readonly string[]).includes(action);

/** The entry's sentence in `language`; an action this build does not know keeps its stored summary. */
export function describeAudit(event: DescribableAuditEvent, language: Language, context: AuditContext = {}): string {
  if (!isAuditAction(event.action)) return event.summary;
  return sentences[event.action](event.details ?? {}, language, context);
}
