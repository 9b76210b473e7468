/**
 * The domain's words in both languages the portal speaks, for the pure describing rules
 * (config/describe.ts, audit/describe.ts): roles, mechanisms and settings sections by name.
 * Below every domain folder, so that each may use them; config/describe.ts checks the lists
 * are whole against the settings' own types.
 */
export type Language = "zh-CN" | "en";
/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}
export const say = (text: Bilingual, language: Language) => (language === "en" ? text.en : text.zh);

/** Each settings section's name. */
export const SectionNames = {
  tiers: { zh: "网格层级", en: "Grid tiers" },
  dedicatedKinds: { zh: "专属网格类型", en: "Dedicated grid kinds" },
  roles: { zh: "角色目录", en: "Roles" },
  mechanisms: { zh: "治理机制", en: "Mechanisms" },
  map: { zh: "地图", en: "Map" },
  tickets: { zh: "工单", en: "Tickets" },
  governance: { zh: "治理清单", en: "Governance lists" },
  terms: { zh: "术语", en: "Terminology" },
  access: { zh: "注册与审核", en: "Registration" },
  register: { zh: "数据平台", en: "Register" },
} satisfies Record<string, Bilingual>;

/** What the product lets each role do, by name. */
export const AccessRoleNames = {
  resident: { zh: "居民", en: "Resident" },
  grid_worker: { zh: "网格员", en: "Grid worker" },
  grid_leader: { zh: "网格长", en: "Grid leader" },
  department_staff: { zh: "职能部门工作人员", en: "Department staff" },
  cadre: { zh: "网格助理", en: "Grid assistant" },
  district_admin: { zh: "区级管理员", en: "District admin" },
} satisfies Record<string, Bilingual>;

export const MechanismNames = {
  tickets: { zh: "随手拍", en: "Snap-and-report" },
  cadreSecondment: { zh: "常态化下沉", en: "Cadre secondment" },
  wishes: { zh: "微心愿", en: "Micro-wishes" },
  needsLists: { zh: "问题清单·项目清单", en: "Needs and project lists" },
  meetings: { zh: "网格议事会", en: "Grid meetings" },
  volunteers: { zh: "志愿服务", en: "Volunteer services" },
  emergencyMode: { zh: "平急切换", en: "Emergency mode" },
  register: { zh: "数据平台", en: "Data platform" },
} satisfies Record<string, Bilingual>;
