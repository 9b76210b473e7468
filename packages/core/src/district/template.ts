import { z } from "zod";
import type { DistrictSettings } from "./config.ts";

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
    { key: "grid_leader_1", nameZh: "一级网格长", nameEn: "First-level grid leader", accessRole: "grid_leader", tier: 1, dedicated: false, seconded: false },
    { key: "grid_leader_2", nameZh: "二级网格长", nameEn: "Second-level grid leader", accessRole: "grid_leader", tier: 2, dedicated: false, seconded: false },
    { key: "grid_worker", nameZh: "三级网格员", nameEn: "Third-level grid worker", accessRole: "grid_worker", tier: 3, dedicated: false, seconded: false },
    { key: "grid_instructor", nameZh: "网格指导员", nameEn: "Grid instructor", accessRole: "grid_leader", tier: null, dedicated: false, seconded: false },
    { key: "grid_police_chief", nameZh: "网格警长", nameEn: "Grid police chief", accessRole: "grid_worker", tier: 1, dedicated: false, seconded: false },
    { key: "grid_manager", nameZh: "专职网格管理员", nameEn: "Full-time grid manager", accessRole: "grid_worker", tier: null, dedicated: false, seconded: false },
    { key: "dedicated_grid_worker", nameZh: "专属网格员", nameEn: "Dedicated-grid worker", accessRole: "grid_worker", tier: null, dedicated: true, seconded: false },
    { key: "grid_assistant", nameZh: "网格助理", nameEn: "Grid assistant (seconded cadre)", accessRole: "grid_worker", tier: 3, dedicated: false, seconded: true },
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
};

export const templates: Record<TemplateName, DistrictSettings> = { jianyang, minimal };

/** A fresh copy, so callers may edit it without touching the template. */
export function template(name: TemplateName): DistrictSettings {
  return structuredClone(templates[name]);
}
