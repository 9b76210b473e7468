import { z } from "zod";
import { DefaultAccessSettings, DefaultGovernanceSettings, DefaultRegisterSettings, type DistrictSettings } from "./settings.ts";

/**
 * Built-in starting configurations. `jianyang` models Jianyang District (建阳区):
 * three tiers plus dedicated grids, its eight grid roles, every mechanism on.
 */
export const TemplateName = z.enum(["jianyang", "minimal"]);
export type TemplateName = z.infer<typeof TemplateName>;

const jianyang: DistrictSettings = {
  tiers: [
    { level: 1, nameZh: "一级网格", nameEn: "First-level grid" },
    { level: 2, nameZh: "二级网格", nameEn: "Second-level grid" },
    { level: 3, nameZh: "三级网格", nameEn: "Third-level grid" },
  ],
  dedicatedKinds: [
    { key: "school", nameZh: "学校", nameEn: "School" },
    { key: "hospital", nameZh: "医院", nameEn: "Hospital" },
    { key: "enterprise_park", nameZh: "企业园区", nameEn: "Enterprise park" },
    { key: "market", nameZh: "商贸市场", nameEn: "Market" },
    { key: "institution", nameZh: "机关事业单位", nameEn: "Public institution" },
  ],
  roles: [
    {
      key: "grid_leader_1",
      nameZh: "一级网格长",
      nameEn: "First-level grid leader",
      accessRole: "grid_leader",
      tier: 1,
      dedicated: false,
      seconded: false,
    },
    {
      key: "grid_leader_2",
      nameZh: "二级网格长",
      nameEn: "Second-level grid leader",
      accessRole: "grid_leader",
      tier: 2,
      dedicated: false,
      seconded: false,
    },
    {
      key: "grid_worker",
      nameZh: "三级网格员",
      nameEn: "Third-level grid worker",
      accessRole: "grid_worker",
      tier: 3,
      dedicated: false,
      seconded: false,
    },
    {
      key: "grid_instructor",
      nameZh: "网格指导员",
      nameEn: "Grid instructor",
      accessRole: "grid_leader",
      tier: null,
      dedicated: false,
      seconded: false,
    },
    {
      key: "grid_police_chief",
      nameZh: "网格警长",
      nameEn: "Grid police chief",
      accessRole: "grid_worker",
      tier: 1,
      dedicated: false,
      seconded: false,
    },
    {
      key: "grid_manager",
      nameZh: "专职网格管理员",
      nameEn: "Full-time grid manager",
      accessRole: "grid_worker",
      tier: null,
      dedicated: false,
      seconded: false,
    },
    {
      key: "dedicated_grid_worker",
      nameZh: "专属网格员",
      nameEn: "Dedicated-grid worker",
      accessRole: "grid_worker",
      tier: null,
      dedicated: true,
      seconded: false,
    },
    {
      key: "grid_assistant",
      nameZh: "网格助理",
      nameEn: "Grid assistant (seconded cadre)",
      accessRole: "cadre",
      tier: 3,
      dedicated: false,
      seconded: true,
    },
  ],
  mechanisms: {
    tickets: true,
    cadreSecondment: true,
    wishes: true,
    needsLists: true,
    meetings: true,
    volunteers: true,
    emergencyMode: true,
    register: true,
  },
  map: { tileUrl: null, tileAttribution: null, center: [118.12, 27.33], zoom: 10 },
  tickets: {
    departments: [
      { key: "urban_management", nameZh: "区城管局", nameEn: "Urban management bureau" },
      { key: "civil_affairs", nameZh: "区民政局", nameEn: "Civil affairs bureau" },
      { key: "housing", nameZh: "区住建局", nameEn: "Housing and construction bureau" },
      { key: "police", nameZh: "区公安分局", nameEn: "Public security bureau" },
      { key: "environment", nameZh: "生态环境分局", nameEn: "Ecology and environment bureau" },
      { key: "transport", nameZh: "区交通运输局", nameEn: "Transport bureau" },
      { key: "market", nameZh: "区市场监管局", nameEn: "Market regulation bureau" },
      { key: "utilities", nameZh: "供电供水公司", nameEn: "Power and water utilities" },
    ],
    categories: [
      { key: "street_vending", nameZh: "占道经营", nameEn: "Street vending", departmentKey: "urban_management", deadlineHours: 16 },
      { key: "garbage", nameZh: "垃圾堆放", nameEn: "Garbage dumping", departmentKey: "urban_management", deadlineHours: 8 },
      { key: "road_damage", nameZh: "道路破损", nameEn: "Damaged road", departmentKey: "transport", deadlineHours: 40 },
      { key: "street_light", nameZh: "路灯损坏", nameEn: "Broken street light", departmentKey: "utilities", deadlineHours: 24 },
      { key: "illegal_building", nameZh: "违章搭建", nameEn: "Illegal construction", departmentKey: "housing", deadlineHours: 80 },
      { key: "noise", nameZh: "噪音扰民", nameEn: "Noise", departmentKey: "environment", deadlineHours: 16 },
      { key: "pollution", nameZh: "环境污染", nameEn: "Pollution", departmentKey: "environment", deadlineHours: 24 },
      { key: "safety_hazard", nameZh: "安全隐患", nameEn: "Safety hazard", departmentKey: "police", deadlineHours: 8 },
      { key: "food_safety", nameZh: "食品安全", nameEn: "Food safety", departmentKey: "market", deadlineHours: 24 },
      { key: "hardship", nameZh: "困难帮扶", nameEn: "Hardship relief", departmentKey: "civil_affairs", deadlineHours: 40 },
      { key: "neighbour_dispute", nameZh: "邻里纠纷", nameEn: "Neighbour dispute", departmentKey: null, deadlineHours: 24 },
      { key: "other", nameZh: "其他", nameEn: "Other", departmentKey: null, deadlineHours: 40 },
    ],
    routingRules: [],
    reopenDays: 7,
    workingHours: { startHour: 8, endHour: 18, days: [1, 2, 3, 4, 5] },
  },
  governance: {
    meetingTypes: [
      { key: "grid_council", nameZh: "网格议事会", nameEn: "Grid council" },
      { key: "estate_express", nameZh: "小区直通车", nameEn: "Estate express" },
      { key: "neighbour_talk", nameZh: "邻里座谈会", nameEn: "Neighbour meeting" },
      { key: "listen_to_neighbours", nameZh: "我听邻说茶话会", nameEn: '"I listen to neighbours" tea party' },
      { key: "party_joint", nameZh: "党建联席会", nameEn: "Joint party-building meeting" },
    ],
    volunteerTeamKinds: [
      { key: "epidemic_publicity", nameZh: "防疫宣传", nameEn: "Epidemic publicity" },
      { key: "environment", nameZh: "环境整治", nameEn: "Environment" },
      { key: "security_patrol", nameZh: "治安巡逻", nameEn: "Security patrol" },
      { key: "mediation", nameZh: "矛盾调解", nameEn: "Mediation" },
    ],
    ledgerActivityKinds: [
      { key: "visit", nameZh: "入户走访", nameEn: "Home visit" },
      { key: "patrol", nameZh: "网格巡查", nameEn: "Patrol" },
      { key: "sentiment_map", nameZh: "绘制小区民情图", nameEn: "Community sentiment map" },
      { key: "wish_fulfilled", nameZh: "认领微心愿", nameEn: "Micro-wish fulfilled" },
      { key: "meeting", nameZh: "参加会议", nameEn: "Meeting attended" },
      { key: "emergency_task", nameZh: "应急任务", nameEn: "Emergency task" },
    ],
    activityKinds: [
      { key: "policy_talk", nameZh: "政策宣讲", nameEn: "Policy talk" },
      { key: "appliance_repair", nameZh: "家电维修", nameEn: "Appliance repair" },
      { key: "health_care", nameZh: "健康义诊", nameEn: "Health care" },
      { key: "legal_aid", nameZh: "法律咨询", nameEn: "Legal advice" },
      { key: "elderly_care", nameZh: "关爱老人", nameEn: "Elderly care" },
    ],
  },
  terms: { mechanisms: {} },
  access: DefaultAccessSettings,
  register: DefaultRegisterSettings,
};

const minimal: DistrictSettings = {
  tiers: [
    { level: 1, nameZh: "社区网格", nameEn: "Community grid" },
    { level: 2, nameZh: "基础网格", nameEn: "Basic grid" },
  ],
  dedicatedKinds: [],
  roles: [
    { key: "grid_leader", nameZh: "网格长", nameEn: "Grid leader", accessRole: "grid_leader", tier: 1, dedicated: false, seconded: false },
    { key: "grid_worker", nameZh: "网格员", nameEn: "Grid worker", accessRole: "grid_worker", tier: 2, dedicated: false, seconded: false },
  ],
  mechanisms: {
    tickets: true,
    cadreSecondment: false,
    wishes: false,
    needsLists: false,
    meetings: false,
    volunteers: false,
    emergencyMode: false,
    register: false,
  },
  map: { tileUrl: null, tileAttribution: null, center: null, zoom: 11 },
  tickets: {
    departments: [{ key: "urban_management", nameZh: "城管局", nameEn: "Urban management" }],
    categories: [
      {
        key: "environment",
        nameZh: "环境卫生",
        nameEn: "Environment and sanitation",
        departmentKey: "urban_management",
        deadlineHours: 24,
      },
      { key: "other", nameZh: "其他", nameEn: "Other", departmentKey: null, deadlineHours: 40 },
    ],
    routingRules: [],
    reopenDays: 7,
    workingHours: { startHour: 8, endHour: 18, days: [1, 2, 3, 4, 5] },
  },
  governance: DefaultGovernanceSettings,
  terms: { mechanisms: {} },
  access: DefaultAccessSettings,
  register: DefaultRegisterSettings,
};

export const templates: Record<TemplateName, DistrictSettings> = { jianyang, minimal };

/** A fresh copy, so callers may edit it without touching the template. */
export function template(name: TemplateName): DistrictSettings {
  return structuredClone(templates[name]);
}
