import { describe, expect, it } from "vitest";
import { describeChanges, sectionKeys } from "./describe.ts";
import { DistrictSettings } from "./settings.ts";
import { template } from "./template.ts";

const base = () => template("jianyang");
const rows = (then: DistrictSettings, now: DistrictSettings, language: "zh-CN" | "en" = "zh-CN") =>
  describeChanges(then, now, language, { gridName: (gridID) => (gridID === "grid_ty" ? "桃园社区 · JY-28" : undefined) }).flatMap(
    (section) => section.changes.map((change) => `${section.name}｜${change.label}：${change.then} → ${change.now}`),
  );

/** One change per section, made to the Jianyang template. */
const changes: Record<keyof DistrictSettings, (settings: DistrictSettings) => void> = {
  tiers: (settings) => {
    settings.tiers[2] = { ...settings.tiers[2], nameZh: "微网格", nameEn: "Micro grid" };
  },
  dedicatedKinds: (settings) => {
    settings.dedicatedKinds = settings.dedicatedKinds.filter((kind) => kind.key !== "hospital");
  },
  roles: (settings) => {
    settings.roles[1] = { ...settings.roles[1], tier: 3 };
  },
  mechanisms: (settings) => {
    settings.mechanisms.wishes = !settings.mechanisms.wishes;
  },
  map: (settings) => {
    settings.map = { ...settings.map, zoom: 14 };
  },
  tickets: (settings) => {
    settings.tickets.categories[0] = { ...settings.tickets.categories[0], departmentKey: "housing" };
  },
  governance: (settings) => {
    settings.governance.meetingTypes = [
      ...settings.governance.meetingTypes,
      { key: "talk", nameZh: "我听邻说", nameEn: "Neighbours speak" },
    ];
  },
  terms: (settings) => {
    settings.terms = { mechanisms: { tickets: { nameZh: "随手报", nameEn: "Quick report" } } };
  },
  access: (settings) => {
    settings.access = { ...settings.access, residentApproval: !settings.access.residentApproval };
  },
  register: (settings) => {
    settings.register = { ...settings.register, revealRoles: ["district_admin"] };
  },
};

describe("the configuration's changes in the domain's words", () => {
  it("has a describing for every section of the settings, in both languages", () => {
    expect([...sectionKeys].sort()).toEqual(Object.keys(DistrictSettings.shape).sort());
    for (const section of Object.keys(DistrictSettings.shape) as (keyof DistrictSettings)[]) {
      const now = base();
      changes[section](now);
      for (const language of ["zh-CN", "en"] as const) {
        const described = describeChanges(base(), now, language);
        expect(
          described.map((entry) => entry.section),
          `${section} ${language}`,
        ).toEqual([section]);
        const [change] = described[0].changes;
        expect(change.label.trim(), section).not.toBe("");
        expect(change.then, section).not.toBe(change.now);
        // No keys, field paths or raw booleans: what people see.
        expect(`${change.label} ${change.then} ${change.now}`, section).not.toMatch(/departmentKey|\.\d+\.|true|false|_/);
      }
    }
  });

  it("names tiers, categories and departments by name, switches as 开/关, and says nothing of what did not change", () => {
    const now = base();
    changes.tiers(now);
    changes.tickets(now);
    changes.mechanisms(now);
    const wishes = base().mechanisms.wishes;
    expect(rows(base(), now)).toEqual([
      "网格层级｜第3级：三级网格 → 微网格",
      `治理机制｜微心愿：${wishes ? "开" : "关"} → ${wishes ? "关" : "开"}`,
      "工单｜问题类别 占道经营 · 处理部门：区城管局 → 区住建局",
    ]);
    expect(rows(base(), now, "en")[0]).toBe("Grid tiers｜Tier 3：Third-level grid → Micro grid");
    expect(describeChanges(base(), base(), "zh-CN")).toEqual([]);
  });

  it("says routing rules by category, grid name and department, and added or removed entries by name", () => {
    const then = base();
    const now = base();
    now.tickets.routingRules = [{ categoryKey: "garbage", gridID: "grid_ty", departmentKey: "civil_affairs" }];
    now.dedicatedKinds.push({ key: "park", nameZh: "产业园区", nameEn: "Industrial park" });
    now.tickets.workingHours = { startHour: 9, endHour: 17, days: [1, 2, 3] };
    expect(rows(then, now)).toEqual([
      "专属网格类型｜新增 专属网格类型：— → 产业园区",
      "工单｜分派规则：垃圾堆放 @ 桃园社区 · JY-28：— → 区民政局",
      "工单｜工作时间：8:00–18:00，周一、周二、周三、周四、周五 → 9:00–17:00，周一、周二、周三",
    ]);
  });
});
