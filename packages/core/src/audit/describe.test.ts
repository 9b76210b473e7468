import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { type AuditAction, auditActions, describeAudit } from "./describe.ts";

/** An entry of each kind, with the details its writer stores. */
const samples: Record<AuditAction, Record<string, unknown>> = {
  "user.invited": { name: "黄晓梅", roles: ["grid_worker"], gridID: "grid_1", departmentKey: null, by: "phone" },
  "user.creation_undone": { name: "黄晓梅", roles: ["grid_worker"] },
  "user.roles_changed": {
    name: "黄晓梅",
    from: { roles: ["grid_worker"], gridID: "grid_1", departmentKey: null },
    to: { roles: ["grid_leader"], gridID: "grid_1", departmentKey: null },
  },
  "user.change_undone": { name: "黄晓梅", roles: ["grid_worker"], status: "active" },
  "user.disabled": { name: "黄晓梅", roles: ["grid_worker"], from: "active", to: "disabled" },
  "user.enabled": { name: "黄晓梅", roles: ["grid_worker"], from: "disabled", to: "active" },
  "user.signed_out_everywhere": { name: "黄晓梅", roles: ["grid_worker"] },
  "resident.registered": { name: "王居民", status: "pending" },
  "resident.approved": { name: "王居民", roles: ["resident"], from: "pending", to: "active" },
  "cadre.assign": { name: "李干部", gridName: "桃园社区", gridID: "grid_1", unitID: "u1", from: "2026-01", to: "2026-12", userID: null },
  "cadre.end": { name: "李干部", gridName: "桃园社区", gridID: "grid_1" },
  "cadre.evaluate": { name: "李干部", month: "2026-11", grade: "excellent", attitude: 5, workState: 5, performance: 5 },
  "emergency.switch": { from: "normal", to: "emergency", scope: "district", gridIDs: [], reason: "台风", version: 2 },
  "emergency.task": { title: "排查危房", scope: "district", checklist: ["a"], gridIDs: ["g1", "g2"], gridCount: 2 },
  "emergency.report": { gridName: "桃园社区", gridID: "grid_1", ticks: [true, false], note: null, done: false },
  "config.updated": { version: 5, previousVersion: 4, sections: ["tiers", "tickets"], note: null, rollbackOf: null },
  "config.rolled_back": { version: 6, previousVersion: 5, sections: ["tiers"], note: "误改", rollbackOf: 3 },
  "ticket.reporter_revealed": { reporterID: "resident", ticketNumber: "7HHY3WFD", purpose: "电话核实现场情况" },
};

const event = (action: string, details: Record<string, unknown> | null = samples[action as AuditAction]) => ({
  action,
  summary: `stored summary of ${action}`,
  details,
});

describe("the audit trail in people's words", () => {
  it("has a sentence in Chinese and English for every action, with no action code or key in it", () => {
    for (const action of auditActions) {
      const zh = describeAudit(event(action), "zh-CN");
      const en = describeAudit(event(action), "en");
      expect(zh, action).toMatch(/[\u4e00-\u9fff]/);
      expect(en.trim(), action).not.toBe("");
      for (const sentence of [zh, en]) {
        expect(sentence, action).not.toContain(action);
        expect(sentence, action).not.toMatch(/undefined|null|\[object|grid_|_/);
      }
      // An old entry without the details' names still reads as a sentence, not a code.
      expect(describeAudit(event(action, null), "zh-CN"), action).not.toMatch(/undefined|null|\[object/);
    }
  });

  it("says who, what and to whom", () => {
    expect(describeAudit(event("user.invited"), "zh-CN")).toBe("邀请了 网格员 黄晓梅");
    expect(describeAudit(event("user.invited"), "en")).toBe("Invited Grid worker 黄晓梅");
    expect(describeAudit(event("user.roles_changed"), "zh-CN")).toBe("修改了 黄晓梅 的角色：网格员 → 网格长");
    expect(describeAudit(event("config.updated"), "zh-CN")).toBe("修改了区县配置（第 5 版）：网格层级、工单");
    expect(describeAudit(event("config.rolled_back"), "zh-CN")).toBe("将区县配置恢复到第 3 版（成为第 6 版）：网格层级。说明：误改");
    expect(describeAudit(event("emergency.report"), "zh-CN")).toBe("桃园社区 上报了应急任务进度：完成 1/2 项");
    expect(describeAudit(event("ticket.reporter_revealed"), "zh-CN")).toBe(
      "查看了工单 7HHY3WFD 上报人的完整手机号，原因：电话核实现场情况",
    );
    expect(describeAudit(event("cadre.end", { gridID: "grid_1" }), "zh-CN", { gridName: () => "桃园社区" })).toBe(
      "结束了 一名干部 在 桃园社区 的下沉",
    );
    // An action this build does not know keeps its stored summary.
    expect(describeAudit(event("future.thing", {}), "zh-CN")).toBe("stored summary of future.thing");
  });

  it("knows every action the core writes to the trail", () => {
    const root = resolve(import.meta.dirname, "..");
    const files = (folder: string): string[] =>
      readdirSync(folder).flatMap((name) => {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) return files(path);
        return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
      });
    const written = new Set<string>();
    for (const file of files(root)) {
      const source = readFileSync(file, "utf8");
      if (!source.includes("auditOperation(")) continue;
      for (const match of source.matchAll(
        /"((?:user|resident|cadre|emergency|config|grid|ticket|wish|need|meeting|volunteer|party)\.[a-z_]+)"/g,
      ))
        if (/action|\? "|: "/.test(source.slice(Math.max(0, (match.index ?? 0) - 40), match.index))) written.add(match[1]);
    }
    expect(written.size).toBeGreaterThanOrEqual(10);
    expect([...written].filter((action) => !(auditActions as readonly string[]).includes(action))).toEqual([]);
  });
});
