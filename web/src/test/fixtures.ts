import type { DemoAccount, District, DistrictConfig, Me, Province } from "../data/types.ts";

/** Test data shaped like the API's replies (copied from core's demo, never imported from it). */
export const fujian: Province = { provinceID: "fujian", nameZh: "福建省", nameEn: "Fujian" };

export const jianyang: District = {
  tenantID: "jianyang",
  nameZh: "建阳区",
  nameEn: "Jianyang District",
  provinceID: "fujian",
  cityZh: "南平市",
  cityEn: "Nanping",
  status: "active",
  createdAt: "2025-01-15T08:00:00.000Z",
};

export const yanping: District = { ...jianyang, tenantID: "yanping", nameZh: "延平区", nameEn: "Yanping District" };

/** The public directory of districts (`GET /districts/directory`). */
export const directory = [
  { slug: "jianyang", nameZh: "建阳区", nameEn: "Jianyang District", cityZh: "南平市", provinceZh: "福建省" },
  { slug: "yanping", nameZh: "延平区", nameEn: "Yanping District", cityZh: "南平市", provinceZh: "福建省" },
  { slug: "gulou", nameZh: "鼓楼区", nameEn: "Gulou District", cityZh: "福州市", provinceZh: "福建省" },
];

export const jianyangConfig: DistrictConfig = {
  version: 1,
  tiers: [
    { level: 1, nameZh: "一级网格", nameEn: "First-level grid" },
    { level: 2, nameZh: "二级网格", nameEn: "Second-level grid" },
    { level: 3, nameZh: "三级网格", nameEn: "Third-level grid" },
  ],
  dedicatedKinds: [
    { key: "school", nameZh: "学校", nameEn: "School" },
    { key: "hospital", nameZh: "医院", nameEn: "Hospital" },
    { key: "enterprise_park", nameZh: "企业园区", nameEn: "Enterprise park" },
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
    departments: [],
    categories: [],
    routingRules: [],
    reopenDays: 7,
    workingHours: { startHour: 8, endHour: 18, days: [1, 2, 3, 4, 5] },
  },
  governance: {
    meetingTypes: [
      { key: "grid_council", nameZh: "网格议事会", nameEn: "Grid council" },
      { key: "listen_to_neighbours", nameZh: "我听邻说茶话会", nameEn: '"I listen to neighbours" tea party' },
    ],
    volunteerTeamKinds: [
      { key: "environment", nameZh: "环境整治", nameEn: "Environment" },
      { key: "security_patrol", nameZh: "治安巡逻", nameEn: "Security patrol" },
    ],
    ledgerActivityKinds: [
      { key: "visit", nameZh: "入户走访", nameEn: "Home visit" },
      { key: "sentiment_map", nameZh: "绘制小区民情图", nameEn: "Community sentiment map" },
    ],
    activityKinds: [
      { key: "policy_talk", nameZh: "政策宣讲", nameEn: "Policy talk" },
      { key: "appliance_repair", nameZh: "家电维修", nameEn: "Appliance repair" },
    ],
  },
  terms: { mechanisms: {} },
  access: { residentSelfRegistration: true, residentApproval: false },
  register: {
    tags: [
      { key: "elderly_alone", nameZh: "独居老人", nameEn: "Elderly living alone", sensitive: false },
      { key: "disabled", nameZh: "残疾人", nameEn: "Person with a disability", sensitive: false },
      { key: "low_income", nameZh: "低保户", nameEn: "Minimum-income household", sensitive: true },
    ],
    revealRoles: ["grid_worker", "grid_leader", "district_admin"],
  },
  updatedAt: "2025-01-15T08:00:00.000Z",
  updatedBy: "operator",
};

export const minimalConfig: DistrictConfig = {
  ...jianyangConfig,
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
};

export const demoAccounts: DemoAccount[] = [
  {
    userID: "admin",
    tenantID: "jianyang",
    name: "林建华",
    role: "district_admin",
    descriptionZh: "建阳区管理员",
    descriptionEn: "Jianyang district admin",
  },
  {
    userID: "fujian-admin",
    tenantID: null,
    name: "福建省管理员",
    role: "provincial_admin",
    descriptionZh: "对比全省各区县",
    descriptionEn: "Compares the province's districts",
  },
  {
    userID: "operator",
    tenantID: null,
    name: "平台运营",
    role: "platform_operator",
    descriptionZh: "开通新的区县",
    descriptionEn: "Onboards new districts",
  },
  {
    userID: "worker",
    tenantID: "jianyang",
    name: "黄晓梅",
    role: "grid_worker",
    descriptionZh: "三级网格员",
    descriptionEn: "Third-level grid worker",
  },
  {
    userID: "admin",
    tenantID: "yanping",
    name: "郑海燕",
    role: "district_admin",
    descriptionZh: "延平区管理员",
    descriptionEn: "Yanping district admin",
  },
];

export const adminMe: Me = {
  actor: { type: "user", userID: "admin", tenantID: "jianyang", roles: ["district_admin"] },
  profile: {
    userID: "admin",
    name: "林建华",
    phoneMasked: "138****0001",
    roles: ["district_admin"],
    tenantID: "jianyang",
    provinceID: null,
  },
};

export const operatorMe: Me = {
  actor: { type: "operator", userID: "operator" },
  profile: { userID: "operator", name: "平台运营", phoneMasked: null, roles: ["platform_operator"], tenantID: null, provinceID: null },
};

export const provinceMe: Me = {
  actor: { type: "province", userID: "fujian-admin", provinceID: "fujian" },
  profile: {
    userID: "fujian-admin",
    name: "福建省管理员",
    phoneMasked: null,
    roles: ["provincial_admin"],
    tenantID: null,
    provinceID: "fujian",
  },
};
