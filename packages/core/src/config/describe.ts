/**
 * What changed between two versions of a district's settings, said in the domain's words
 * (配置变更说明): "网格层级 · 第3级名称：三级网格 → 微网格", "工单 · 道路破损 的处理部门：城管局 → 住建局",
 * "治理机制 · 微心愿：关 → 开" — names, not keys; departments, not `departmentKey`; 开/关, not
 * true/false. Pure (types only): the portal's version history imports it, and its tests run
 * every section.
 */
import type { DistrictRole } from "../actor.ts";
import {
  AccessRoleNames as accessRoleNames,
  type Bilingual,
  type Language,
  MechanismNames as mechanismNames,
  SectionNames as sectionNames,
  say,
} from "../util/words.ts";
import type { DistrictSettings, MechanismKey } from "./settings.ts";

export type { Bilingual, Language };
export { say };

export type SectionKey = keyof DistrictSettings;

/** Each settings section's name (a new section without one fails to compile). */
export const SectionNames: Record<SectionKey, Bilingual> = sectionNames;
/** What the product lets each role do, by name (a new role without one fails to compile). */
export const AccessRoleNames: Record<DistrictRole, Bilingual> = accessRoleNames;
/** Each mechanism's name (a new mechanism without one fails to compile). */
export const MechanismNames: Record<MechanismKey, Bilingual> = mechanismNames;

const WEEKDAYS: Bilingual[] = [
  { zh: "周日", en: "Sun" },
  { zh: "周一", en: "Mon" },
  { zh: "周二", en: "Tue" },
  { zh: "周三", en: "Wed" },
  { zh: "周四", en: "Thu" },
  { zh: "周五", en: "Fri" },
  { zh: "周六", en: "Sat" },
];

/** One change: what it is (in the domain's words), what it was, what it is now ("—": none). */
export interface SettingChange {
  label: string;
  then: string;
  now: string;
}
export interface SectionChanges {
  section: SectionKey;
  name: string;
  changes: SettingChange[];
}

/** What the describing needs to name things the settings only point to. */
export interface DescribeContext {
  /** A grid's name (and code) by its ID; the ID is shown when unknown. */
  gridName?: (gridID: string) => string | undefined;
}

const NONE = "—";
const onOff = (value: boolean | undefined, language: Language) =>
  value === undefined ? NONE : say(value ? { zh: "开", en: "on" } : { zh: "关", en: "off" }, language);
const named = (item: { nameZh: string; nameEn: string } | undefined, language: Language) =>
  item ? (language === "en" ? item.nameEn : item.nameZh) : NONE;

type Describer<Section> = (
  then: Section | undefined,
  now: Section | undefined,
  language: Language,
  context: DescribeContext,
  both: Both,
) => SettingChange[];
/** Both versions, whole: a section's items may name things of another (a category's department). */
interface Both {
  then: Partial<DistrictSettings>;
  now: Partial<DistrictSettings>;
}

function change(changes: SettingChange[], label: string, then: string, now: string) {
  if (then !== now) changes.push({ label, then, now });
}

/**
 * A keyed list (departments, categories, roles, kinds…): each item added, removed, or changed
 * field by field, under its name. `fields` says each field's name and how its value reads.
 */
function keyedList<Item extends { key: string; nameZh: string; nameEn: string }>(
  what: Bilingual,
  fields: { [Field in keyof Item]?: { name: Bilingual; value?: (value: Item[Field], language: Language) => string } },
) {
  return (then: Item[] | undefined, now: Item[] | undefined, language: Language): SettingChange[] => {
    const changes: SettingChange[] = [];
    const before = new Map((then ?? []).map((item) => [item.key, item]));
    const after = new Map((now ?? []).map((item) => [item.key, item]));
    for (const [key, item] of after)
      if (!before.has(key))
        change(changes, `${say({ zh: "新增", en: "Added" }, language)} ${say(what, language)}`, NONE, named(item, language));
    for (const [key, item] of before)
      if (!after.has(key))
        change(changes, `${say({ zh: "删除", en: "Removed" }, language)} ${say(what, language)}`, named(item, language), NONE);
    for (const [key, old] of before) {
      const next = after.get(key);
      if (!next) continue;
      const who = named(next, language);
      change(changes, `${say(what, language)} ${who} · ${say({ zh: "中文名称", en: "Chinese name" }, language)}`, old.nameZh, next.nameZh);
      change(changes, `${say(what, language)} ${who} · ${say({ zh: "英文名称", en: "English name" }, language)}`, old.nameEn, next.nameEn);
      for (const field of Object.keys(fields) as (keyof Item)[]) {
        const spec = fields[field]!;
        const read = (value: Item[keyof Item]) =>
          value === undefined ? NONE : spec.value ? spec.value(value as never, language) : String(value);
        change(changes, `${say(what, language)} ${who} · ${say(spec.name, language)}`, read(old[field]), read(next[field]));
      }
    }
    return changes;
  };
}

const kindList = (what: Bilingual) => keyedList<{ key: string; nameZh: string; nameEn: string }>(what, {});

/** Every section's describing (a new section without one fails to compile). */
const describers: { [Section in SectionKey]: Describer<DistrictSettings[Section]> } = {
  tiers: (then, now, language) => {
    const changes: SettingChange[] = [];
    const levels = Math.max(then?.length ?? 0, now?.length ?? 0);
    for (let index = 0; index < levels; index++) {
      const label = say({ zh: `第${index + 1}级`, en: `Tier ${index + 1}` }, language);
      change(changes, label, named(then?.[index], language), named(now?.[index], language));
    }
    return changes;
  },
  dedicatedKinds: (then, now, language) => kindList({ zh: "专属网格类型", en: "dedicated grid kind" })(then, now, language),
  roles: (then, now, language) =>
    keyedList<NonNullable<typeof then>[number]>(
      { zh: "角色", en: "role" },
      {
        accessRole: { name: { zh: "权限", en: "access" }, value: (role, lang) => say(AccessRoleNames[role], lang) },
        tier: {
          name: { zh: "所在层级", en: "tier" },
          value: (tier, lang) =>
            tier === null ? say({ zh: "不限层级", en: "any tier" }, lang) : say({ zh: `第${tier}级`, en: `tier ${tier}` }, lang),
        },
        dedicated: { name: { zh: "负责专属网格", en: "on dedicated grids" }, value: (on, lang) => onOff(on, lang) },
        seconded: { name: { zh: "由下沉干部担任", en: "held by seconded cadres" }, value: (on, lang) => onOff(on, lang) },
      },
    )(then, now, language),
  mechanisms: (then, now, language) => {
    const changes: SettingChange[] = [];
    for (const key of Object.keys(MechanismNames) as MechanismKey[])
      change(changes, say(MechanismNames[key], language), onOff(then?.[key], language), onOff(now?.[key], language));
    return changes;
  },
  map: (then, now, language) => {
    const changes: SettingChange[] = [];
    const text = (value: string | null | undefined) => value ?? say({ zh: "未设置", en: "not set" }, language);
    change(changes, say({ zh: "底图地址", en: "Tile URL" }, language), text(then?.tileUrl), text(now?.tileUrl));
    change(changes, say({ zh: "底图署名", en: "Tile attribution" }, language), text(then?.tileAttribution), text(now?.tileAttribution));
    const centre = (value: [number, number] | null | undefined) => (value ? `${value[0]}, ${value[1]}` : text(null));
    change(
      changes,
      say({ zh: "地图中心（经度, 纬度）", en: "Map centre (lon, lat)" }, language),
      centre(then?.center),
      centre(now?.center),
    );
    change(changes, say({ zh: "缩放级别", en: "Zoom" }, language), String(then?.zoom ?? NONE), String(now?.zoom ?? NONE));
    return changes;
  },
  tickets: (then, now, language, context, both) => {
    const departmentName = (settings: Partial<DistrictSettings>) => (key: string | null) =>
      key === null || key === "territorial"
        ? say({ zh: "属地网格处理", en: "the grid (territorial)" }, language)
        : named(
            settings.tickets?.departments.find((department) => department.key === key),
            language,
          ).replace(NONE, key);
    const changes: SettingChange[] = [
      ...keyedList<NonNullable<typeof then>["departments"][number]>({ zh: "部门", en: "department" }, {})(
        then?.departments,
        now?.departments,
        language,
      ),
    ];
    // A category's department, by the department's name in each version.
    const before = new Map((then?.categories ?? []).map((category) => [category.key, category]));
    const after = new Map((now?.categories ?? []).map((category) => [category.key, category]));
    const what = { zh: "问题类别", en: "category" };
    for (const [key, category] of after)
      if (!before.has(key))
        change(changes, `${say({ zh: "新增", en: "Added" }, language)} ${say(what, language)}`, NONE, named(category, language));
    for (const [key, category] of before)
      if (!after.has(key))
        change(changes, `${say({ zh: "删除", en: "Removed" }, language)} ${say(what, language)}`, named(category, language), NONE);
    for (const [key, old] of before) {
      const next = after.get(key);
      if (!next) continue;
      const who = `${say(what, language)} ${named(next, language)}`;
      change(changes, `${who} · ${say({ zh: "中文名称", en: "Chinese name" }, language)}`, old.nameZh, next.nameZh);
      change(changes, `${who} · ${say({ zh: "英文名称", en: "English name" }, language)}`, old.nameEn, next.nameEn);
      change(
        changes,
        `${who} · ${say({ zh: "处理部门", en: "department" }, language)}`,
        departmentName(both.then)(old.departmentKey),
        departmentName(both.now)(next.departmentKey),
      );
      const hours = (value: number) => say({ zh: `${value} 个工作小时`, en: `${value} working hours` }, language);
      change(changes, `${who} · ${say({ zh: "办理时限", en: "deadline" }, language)}`, hours(old.deadlineHours), hours(next.deadlineHours));
      const open = (value: boolean | undefined) =>
        value === undefined
          ? say({ zh: "按类别默认", en: "by the category's nature" }, language)
          : say(value ? { zh: "公开", en: "public" } : { zh: "不公开", en: "private" }, language);
      change(changes, `${who} · ${say({ zh: "是否公开", en: "public list" }, language)}`, open(old.public), open(next.public));
    }
    // Routing rules, by category and grid.
    const ruleKey = (rule: { categoryKey: string; gridID: string }) => `${rule.categoryKey}|${rule.gridID}`;
    const rulesThen = new Map((then?.routingRules ?? []).map((rule) => [ruleKey(rule), rule]));
    const rulesNow = new Map((now?.routingRules ?? []).map((rule) => [ruleKey(rule), rule]));
    const categoryName = (key: string) =>
      named(
        now?.categories.find((category) => category.key === key) ?? then?.categories.find((category) => category.key === key),
        language,
      ).replace(NONE, key);
    const gridName = (gridID: string) => context.gridName?.(gridID) ?? gridID;
    for (const key of new Set([...rulesThen.keys(), ...rulesNow.keys()])) {
      const rule = (rulesNow.get(key) ?? rulesThen.get(key))!;
      const label = say(
        {
          zh: `分派规则：${categoryName(rule.categoryKey)} @ ${gridName(rule.gridID)}`,
          en: `Routing: ${categoryName(rule.categoryKey)} in ${gridName(rule.gridID)}`,
        },
        language,
      );
      const old = rulesThen.get(key);
      const next = rulesNow.get(key);
      change(
        changes,
        label,
        old ? departmentName(both.then)(old.departmentKey) : NONE,
        next ? departmentName(both.now)(next.departmentKey) : NONE,
      );
    }
    const days = (value: number | undefined) => (value === undefined ? NONE : say({ zh: `${value} 天`, en: `${value} days` }, language));
    change(
      changes,
      say({ zh: "办结后可重新打开的天数", en: "Days to reopen after closing" }, language),
      days(then?.reopenDays),
      days(now?.reopenDays),
    );
    const hoursOf = (value: NonNullable<typeof then>["workingHours"] | undefined) =>
      value
        ? `${value.startHour}:00–${value.endHour}:00${language === "en" ? ", " : "，"}${[...value.days]
            .sort()
            .map((day) => say(WEEKDAYS[day], language))
            .join(language === "en" ? " " : "、")}`
        : NONE;
    change(changes, say({ zh: "工作时间", en: "Working hours" }, language), hoursOf(then?.workingHours), hoursOf(now?.workingHours));
    return changes;
  },
  governance: (then, now, language) => [
    ...kindList({ zh: "议事类型", en: "meeting type" })(then?.meetingTypes, now?.meetingTypes, language),
    ...kindList({ zh: "志愿队伍类型", en: "volunteer team kind" })(then?.volunteerTeamKinds, now?.volunteerTeamKinds, language),
    ...kindList({ zh: "下沉台账事项", en: "ledger activity" })(then?.ledgerActivityKinds, now?.ledgerActivityKinds, language),
    ...kindList({ zh: "志愿服务项目", en: "volunteer activity" })(then?.activityKinds, now?.activityKinds, language),
  ],
  terms: (then, now, language) => {
    const changes: SettingChange[] = [];
    for (const key of Object.keys(MechanismNames) as MechanismKey[]) {
      const label = say({ zh: `“${MechanismNames[key].zh}”的叫法`, en: `Name for “${MechanismNames[key].en}”` }, language);
      const word = (names: { nameZh: string; nameEn: string } | undefined) =>
        names ? named(names, language) : say({ zh: "默认", en: "default" }, language);
      change(changes, label, word(then?.mechanisms[key]), word(now?.mechanisms[key]));
    }
    return changes;
  },
  register: (then, now, language) => {
    const changes = keyedList<NonNullable<typeof then>["tags"][number]>(
      { zh: "特殊群体标签", en: "special group tag" },
      { sensitive: { name: { zh: "敏感", en: "sensitive" }, value: (sensitive, lang) => onOff(sensitive, lang) } },
    )(then?.tags, now?.tags, language);
    const roles = (list: readonly DistrictRole[] | undefined) =>
      list ? (list.length ? list.map((role) => say(AccessRoleNames[role], language)).join(language === "en" ? ", " : "、") : NONE) : NONE;
    change(
      changes,
      say({ zh: "可查看完整信息的角色", en: "Roles that may reveal full data" }, language),
      roles(then?.revealRoles),
      roles(now?.revealRoles),
    );
    return changes;
  },
  access: (then, now, language) => {
    const changes: SettingChange[] = [];
    change(
      changes,
      say({ zh: "居民自行注册", en: "Residents register themselves" }, language),
      onOff(then?.residentSelfRegistration, language),
      onOff(now?.residentSelfRegistration, language),
    );
    change(
      changes,
      say({ zh: "居民注册需审核", en: "Registrations need approval" }, language),
      onOff(then?.residentApproval, language),
      onOff(now?.residentApproval, language),
    );
    return changes;
  },
};

/** The sections in the order people read them. */
export const sectionKeys = Object.keys(SectionNames) as SectionKey[];

/**
 * What differs from `then` to `now`, section by section, in `language`; sections without a
 * change are left out. Either side may lack a section (an old version): its items read "—".
 */
export function describeChanges(
  then: Partial<DistrictSettings>,
  now: Partial<DistrictSettings>,
  language: Language,
  context: DescribeContext = {},
): SectionChanges[] {
  const result: SectionChanges[] = [];
  for (const section of sectionKeys) {
    const describe = describers[section] as Describer<unknown>;
    const changes = describe(then[section], now[section], language, context, { then, now });
    if (changes.length) result.push({ section, name: say(SectionNames[section], language), changes });
  }
  return result;
}
