import { tileUrlProblem } from "./base-map.ts";
import { z } from "zod";
import { DistrictRole } from "../actor-schemas.ts";

/** A name in both languages the portal speaks. */
export const Names = z.object({
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(80),
});

/** A regular tier of the grid tree (一级网格 / first-level grid …), numbered from 1 at the top. */
export const Tier = Names.extend({ level: z.number().int().min(1).max(5) });
export type Tier = z.infer<typeof Tier>;

/** 专属网格: a kind of grid outside the regular tree, e.g. a school or an enterprise park. */
export const DedicatedKind = Names.extend({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(40),
});
export type DedicatedKind = z.infer<typeof DedicatedKind>;

/**
 * An entry of the district's role catalogue (一级网格长, 网格员, 网格助理 …).
 * `accessRole` says what the product lets holders do; `tier` which tier it sits on
 * (null: not tied to one tier; `dedicated`: works on dedicated grids).
 */
export const RoleDefinition = Names.extend({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(40),
  accessRole: DistrictRole,
  tier: z.number().int().min(1).max(5).nullable(),
  dedicated: z.boolean().default(false),
  /** 网格助理: held by seconded cadres (下沉干部). */
  seconded: z.boolean().default(false),
});
export type RoleDefinition = z.infer<typeof RoleDefinition>;

/** Governance mechanisms a district switches on (治理机制). */
export const Mechanisms = z.object({
  tickets: z.boolean(), // 随手拍
  cadreSecondment: z.boolean(), // 常态化下沉
  wishes: z.boolean(), // 微心愿
  needsLists: z.boolean(), // 问题清单·项目清单
  meetings: z.boolean(), // 网格议事会…
  volunteers: z.boolean(), // 志愿服务 1+X
  emergencyMode: z.boolean(), // 平急切换
  register: z.boolean(), // 数据平台: houses, households, population
});
export type Mechanisms = z.infer<typeof Mechanisms>;
export const MechanismKey = Mechanisms.keyof();
export type MechanismKey = z.infer<typeof MechanismKey>;

/** A department (职能部门: 城管, 民政, 住建, 公安…) that receives dispatched tickets. */
export const Department = Names.extend({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(40),
});
export type Department = z.infer<typeof Department>;

export { TERRITORIAL } from "./territorial.ts";

/** A ticket category with its default department and deadline in working hours. */
export const Category = Names.extend({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(40),
  departmentKey: z.string().nullable(),
  deadlineHours: z.number().int().min(1).max(2000),
  /**
   * Whether its tickets are on the public Open311 list (GET requests): absent, public unless the
   * category is private by nature (`privateByNature`, category-rules.ts). Their reporter and staff see them either way.
   */
  public: z.boolean().optional(),
});
export type Category = z.infer<typeof Category>;

/** Routing: tickets of a category in a grid (and below it) go to a department. */
export const RoutingRule = z.object({ categoryKey: z.string(), gridID: z.string(), departmentKey: z.string() });
export type RoutingRule = z.infer<typeof RoutingRule>;

/** The ticket mechanism's settings (随手拍). */
export const TicketSettings = z.object({
  departments: z.array(Department).max(60),
  categories: z.array(Category).max(100),
  routingRules: z.array(RoutingRule).max(500),
  /** How many days a reporter may reopen a closed ticket. */
  reopenDays: z.number().int().min(0).max(365),
  /** Working hours (China Standard Time) that deadlines count in. */
  workingHours: z.object({
    startHour: z.number().int().min(0).max(23),
    endHour: z.number().int().min(1).max(24),
    days: z.array(z.number().int().min(0).max(6)).min(1),
  }),
});
export type TicketSettings = z.infer<typeof TicketSettings>;

export const DefaultTicketSettings: TicketSettings = {
  departments: [],
  categories: [],
  routingRules: [],
  reopenDays: 7,
  workingHours: { startHour: 8, endHour: 18, days: [1, 2, 3, 4, 5] },
};

/** How the portal's map opens; without a tile URL it draws grids on a plain background. */
export const MapSettings = z.object({
  /** An XYZ tile URL template (`https://…/{z}/{x}/{y}.png`), or null for no base map. */
  tileUrl: z.string().url().max(400).nullable().default(null),
  /** A second layer drawn over the first: labels (注记), e.g. 天地图's `cva` over `vec`. */
  tileAnnotationUrl: z.string().url().max(400).nullable().optional(),
  tileAttribution: z.string().max(200).nullable().default(null),
  center: z
    .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
    .nullable()
    .default(null),
  zoom: z.number().int().min(1).max(19).default(11),
});
export type MapSettings = z.infer<typeof MapSettings>;

/**
 * The map settings as a change sets them: each tile URL template checked (https, {z}{x}{y} or
 * WMTS's names, no service in shifted GCJ-02 / BD-09 coordinates; see base-map.ts).
 */
export const MapSettingsChange = MapSettings.superRefine((map, ctx) => {
  for (const field of ["tileUrl", "tileAnnotationUrl"] as const) {
    const url = map[field];
    const problem = url ? tileUrlProblem(url) : null;
    if (problem) ctx.addIssue({ code: "custom", path: [field], message: problem });
  }
  if (!map.tileUrl && map.tileAnnotationUrl)
    ctx.addIssue({ code: "custom", path: ["tileAnnotationUrl"], message: "a label layer needs a base layer (tileUrl)" });
});

/** An entry of a kind list a district names itself (a meeting type, a volunteer team kind …). */
export const NamedKind = Names.extend({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(40),
});
export type NamedKind = z.infer<typeof NamedKind>;

const kindList = (label: string) =>
  z
    .array(NamedKind)
    .max(40)
    .superRefine((kinds, ctx) => {
      const seen = new Set<string>();
      kinds.forEach((kind, index) => {
        if (seen.has(kind.key)) ctx.addIssue({ code: "custom", path: [index, "key"], message: `duplicate ${label} ${kind.key}` });
        seen.add(kind.key);
      });
    });

/** The governance mechanisms' own lists (治理机制): what a district calls its meetings, teams and ledger work. */
export const GovernanceSettings = z.object({
  /** 网格议事会, 小区直通车, 邻里座谈会, 我听邻说, 党建联席会 … */
  meetingTypes: kindList("meeting type"),
  /** 宣传, 环境, 治安巡逻, 调解 … */
  volunteerTeamKinds: kindList("team kind"),
  /** What a seconded cadre logs (走访, 巡查, 小区民情图, 微心愿, 参加会议, 应急任务 …). */
  ledgerActivityKinds: kindList("activity kind"),
  /** Volunteer activities (1+X): 政策宣讲, 家电维修, 健康义诊 … */
  activityKinds: kindList("activity kind"),
});
export type GovernanceSettings = z.infer<typeof GovernanceSettings>;

export const DefaultGovernanceSettings: GovernanceSettings = {
  meetingTypes: [
    { key: "grid_council", nameZh: "网格议事会", nameEn: "Grid council" },
    { key: "neighbour_talk", nameZh: "邻里座谈会", nameEn: "Neighbour meeting" },
  ],
  volunteerTeamKinds: [
    { key: "publicity", nameZh: "宣传", nameEn: "Publicity" },
    { key: "environment", nameZh: "环境整治", nameEn: "Environment" },
  ],
  ledgerActivityKinds: [
    { key: "visit", nameZh: "入户走访", nameEn: "Home visit" },
    { key: "patrol", nameZh: "网格巡查", nameEn: "Patrol" },
    { key: "meeting", nameZh: "参加会议", nameEn: "Meeting attended" },
    { key: "emergency_task", nameZh: "应急任务", nameEn: "Emergency task" },
  ],
  activityKinds: [
    { key: "policy_talk", nameZh: "政策宣讲", nameEn: "Policy talk" },
    { key: "other", nameZh: "其他服务", nameEn: "Other service" },
  ],
};

/**
 * What a district calls its mechanisms in its own words (术语): e.g. 随手拍 may be 随手报 or
 * 民呼我应 elsewhere. Tiers, dedicated kinds and roles carry their own names; these are the rest.
 * A missing entry means the product's default wording.
 */
export const Terminology = z.object({
  mechanisms: z.partialRecord(MechanismKey, Names).default({}),
});
export type Terminology = z.infer<typeof Terminology>;

/** Who may get in (用户与权限): residents' self-registration and whether staff approve it. */
export const AccessSettings = z.object({
  /** Residents may register themselves into the district from the portal. */
  residentSelfRegistration: z.boolean().default(true),
  /** A self-registered resident waits (status `pending`) until staff approve. */
  residentApproval: z.boolean().default(false),
});
export type AccessSettings = z.infer<typeof AccessSettings>;

export const DefaultAccessSettings: AccessSettings = { residentSelfRegistration: true, residentApproval: false };

/** A special group (特殊群体) the district tags people with: 独居老人, 残疾人, 低保户 … `sensitive` ones are encrypted on the record. */
export const RegisterTag = NamedKind.extend({
  /** Held encrypted with the ID number and phone, shown only to those who may reveal (社区矫正对象, 低保户 …). */
  sensitive: z.boolean().default(false),
});
export type RegisterTag = z.infer<typeof RegisterTag>;

/** The grid register (数据平台): the district's special groups and who may see a person's full data. */
export const RegisterSettings = z.object({
  tags: z
    .array(RegisterTag)
    .max(40)
    .superRefine((tags, ctx) => {
      const seen = new Set<string>();
      tags.forEach((tag, index) => {
        if (seen.has(tag.key)) ctx.addIssue({ code: "custom", path: [index, "key"], message: `duplicate tag ${tag.key}` });
        seen.add(tag.key);
      });
    }),
  /** Roles that may reveal a full ID number or phone (one field of one record, with a purpose); grid roles within their grid. */
  revealRoles: z.array(DistrictRole.extract(["grid_worker", "grid_leader", "district_admin"])).max(3),
});
export type RegisterSettings = z.infer<typeof RegisterSettings>;

export const DefaultRegisterSettings: RegisterSettings = {
  tags: [
    { key: "elderly_alone", nameZh: "独居老人", nameEn: "Elderly living alone", sensitive: false },
    { key: "disabled", nameZh: "残疾人", nameEn: "Person with a disability", sensitive: false },
    { key: "veteran", nameZh: "退役军人", nameEn: "Veteran", sensitive: false },
    { key: "low_income", nameZh: "低保户", nameEn: "Minimum-income household", sensitive: true },
    { key: "community_correction", nameZh: "社区矫正对象", nameEn: "Under community correction", sensitive: true },
    { key: "attention", nameZh: "重点关注", nameEn: "Needs attention", sensitive: true },
  ],
  revealRoles: ["grid_worker", "grid_leader", "district_admin"],
};

export const DistrictSettings = z
  .object({
    tiers: z.array(Tier).min(1).max(5),
    dedicatedKinds: z.array(DedicatedKind).max(30),
    roles: z.array(RoleDefinition).min(1).max(40),
    mechanisms: Mechanisms,
    map: MapSettings.default({ tileUrl: null, tileAttribution: null, center: null, zoom: 11 }),
    tickets: TicketSettings.default(DefaultTicketSettings),
    governance: GovernanceSettings.default(DefaultGovernanceSettings),
    terms: Terminology.default({ mechanisms: {} }),
    access: AccessSettings.default(DefaultAccessSettings),
    register: RegisterSettings.default(DefaultRegisterSettings),
  })
  .superRefine((settings, ctx) => {
    settings.tiers.forEach((tier, index) => {
      if (tier.level !== index + 1)
        ctx.addIssue({ code: "custom", path: ["tiers", index, "level"], message: `tier ${index + 1} must have level ${index + 1}` });
    });
    const seen = new Set<string>();
    settings.roles.forEach((role, index) => {
      if (seen.has(role.key)) ctx.addIssue({ code: "custom", path: ["roles", index, "key"], message: `duplicate role key ${role.key}` });
      seen.add(role.key);
      if (role.tier !== null && role.tier > settings.tiers.length)
        ctx.addIssue({ code: "custom", path: ["roles", index, "tier"], message: `there is no tier ${role.tier}` });
    });
    const kinds = new Set<string>();
    settings.dedicatedKinds.forEach((kind, index) => {
      if (kinds.has(kind.key))
        ctx.addIssue({ code: "custom", path: ["dedicatedKinds", index, "key"], message: `duplicate kind ${kind.key}` });
      kinds.add(kind.key);
    });
  });
export type DistrictSettings = z.infer<typeof DistrictSettings>;

/** A district's configuration as stored: the settings plus who changed them last. */
export const DistrictConfig = z.object({
  version: z.number().int().min(1),
  tiers: z.array(Tier),
  dedicatedKinds: z.array(DedicatedKind),
  roles: z.array(RoleDefinition),
  mechanisms: Mechanisms,
  map: MapSettings.default({ tileUrl: null, tileAttribution: null, center: null, zoom: 11 }),
  tickets: TicketSettings.default(DefaultTicketSettings),
  governance: GovernanceSettings.default(DefaultGovernanceSettings),
  terms: Terminology.default({ mechanisms: {} }),
  access: AccessSettings.default(DefaultAccessSettings),
  register: RegisterSettings.default(DefaultRegisterSettings),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type DistrictConfig = z.infer<typeof DistrictConfig>;
