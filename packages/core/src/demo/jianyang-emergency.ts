import { withActor } from "../actor.ts";
import * as Emergency from "../emergency/index.ts";
import { VisibleError } from "../error.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { readTallies } from "../metrics/tally.ts";
import { withClock } from "../util/clock.ts";
import { mulberry32 } from "./jianyang-grids.ts";

/**
 * Jianyang's 2022 in emergency mode (平急切换), replayed through the emergency core functions:
 * the district switches to emergency mode in April for a spring wave (3 district-wide testing
 * rounds to every first-tier grid and 4 risk-area rounds) and back to normal in May; in
 * November chosen grids switch for a local outbreak (3 more risk-area rounds) and back. Every
 * grid reports its part done. The live demo therefore starts in normal mode.
 */
export const JianyangEmergencyCounts = { rounds: 10, districtWide: 3, riskArea: 7, switches: 4 } as const;

const districtChecklist = ["设置采样点", "组织居民采样", "样本转运", "未检人员排查"];
const riskChecklist = ["入户采样", "上门服务特殊群体", "未检人员清零", "结果上报"];

type Step =
  | { at: string; kind: "switch"; mode: "emergency" | "normal"; wave?: "spring" | "autumn"; reason: string }
  | { at: string; kind: "round"; scope: "district" | "risk_area"; wave: "spring" | "autumn"; title: string };

const plan: Step[] = [
  { at: "2022-04-08T09:00:00+08:00", kind: "switch", mode: "emergency", reason: "本土疫情防控：全区进入应急状态" },
  { at: "2022-04-09T07:00:00+08:00", kind: "round", scope: "district", wave: "spring", title: "第1轮全员核酸检测" },
  { at: "2022-04-12T07:00:00+08:00", kind: "round", scope: "risk_area", wave: "spring", title: "风险区第1轮核酸检测" },
  { at: "2022-04-15T07:00:00+08:00", kind: "round", scope: "risk_area", wave: "spring", title: "风险区第2轮核酸检测" },
  { at: "2022-04-18T07:00:00+08:00", kind: "round", scope: "district", wave: "spring", title: "第2轮全员核酸检测" },
  { at: "2022-04-21T07:00:00+08:00", kind: "round", scope: "risk_area", wave: "spring", title: "风险区第3轮核酸检测" },
  { at: "2022-04-27T07:00:00+08:00", kind: "round", scope: "district", wave: "spring", title: "第3轮全员核酸检测" },
  { at: "2022-05-03T07:00:00+08:00", kind: "round", scope: "risk_area", wave: "spring", title: "风险区第4轮核酸检测" },
  { at: "2022-05-20T18:00:00+08:00", kind: "switch", mode: "normal", reason: "疫情防控转入常态化" },
  { at: "2022-11-05T20:00:00+08:00", kind: "switch", mode: "emergency", wave: "autumn", reason: "局部疫情：风险区所在网格进入应急状态" },
  { at: "2022-11-06T07:00:00+08:00", kind: "round", scope: "risk_area", wave: "autumn", title: "风险区第5轮核酸检测" },
  { at: "2022-11-09T07:00:00+08:00", kind: "round", scope: "risk_area", wave: "autumn", title: "风险区第6轮核酸检测" },
  { at: "2022-11-12T07:00:00+08:00", kind: "round", scope: "risk_area", wave: "autumn", title: "风险区第7轮核酸检测" },
  { at: "2022-11-30T18:00:00+08:00", kind: "switch", mode: "normal", reason: "风险区解封，恢复常态" },
];

async function inBatches<T>(items: T[], concurrency: number, run: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await run(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Seeds Jianyang's emergency year once (the `emergency.rounds` counter tells that it ran).
 * Assumes Jianyang's grids are seeded. About 780 reports: a few seconds on DynamoDB Local.
 */
export async function seedJianyangEmergency(options: { onProgress?: (message: string) => void; concurrency?: number } = {}) {
  return withActor({ type: "system", tenantID: "jianyang" }, async () => {
    const before = await readTallies("district", "all");
    const seeded = before["emergency.rounds"]?.count ?? 0;
    if (seeded >= JianyangEmergencyCounts.rounds) return { rounds: 0, reports: 0, seeded: false };
    if (seeded > 0) throw new Error("Jianyang's emergency demo is incomplete (an earlier seed was interrupted): delete the data folder (.data/) and start again.");
    const grids = (
      await GridEntity.query.primary({ tenantID: "jianyang" }).go({ pages: "all", attributes: ["gridID", "tierKey", "path", "status"] })
    ).data.filter((grid) => grid.status === "active" && grid.tierKey !== "dedicated");
    if (grids.length === 0) throw new Error("Seed Jianyang's grids first.");
    const deepest = String(Math.max(...grids.map((grid) => Number(grid.tierKey))));
    const leaves = grids.filter((grid) => grid.tierKey === deepest).sort((a, b) => a.gridID.localeCompare(b.gridID));
    const tier1 = grids.filter((grid) => grid.tierKey === "1").sort((a, b) => a.gridID.localeCompare(b.gridID));
    const random = mulberry32(20220408);
    // The autumn wave: one first-tier grid in emergency mode, its risk areas below it.
    const hotspot = tier1[Math.floor(random() * tier1.length)];
    const below = leaves.filter((grid) => grid.gridID === hotspot.gridID || (grid.path ?? [])[0] === hotspot.gridID);
    const riskGrids = (wave: "spring" | "autumn") => {
      const pool = wave === "autumn" && below.length ? below : leaves;
      const count = Math.min(pool.length, 8 + Math.floor(random() * 8));
      const chosen = new Set<string>();
      while (chosen.size < count) chosen.add(pool[Math.floor(random() * pool.length)].gridID);
      return [...chosen].sort();
    };
    let rounds = 0;
    let reports = 0;
    for (const step of plan) {
      const at = new Date(step.at);
      if (step.kind === "switch") {
        await withClock(at, () =>
          Emergency.setMode(
            step.mode === "normal"
              ? { mode: "normal", reason: step.reason }
              : step.wave === "autumn"
                ? { mode: "emergency", scope: "grids", gridIDs: [hotspot.gridID], reason: step.reason }
                : { mode: "emergency", scope: "district", reason: step.reason },
          ),
        );
        options.onProgress?.(`emergency: ${step.mode} (${step.at.slice(0, 10)})`);
        continue;
      }
      const task = await withClock(at, () =>
        Emergency.createTask(
          step.scope === "district"
            ? { title: step.title, scope: "district", checklist: districtChecklist }
            : { title: step.title, scope: "risk_area", gridIDs: riskGrids(step.wave), checklist: riskChecklist },
        ),
      );
      rounds++;
      const board = await Emergency.getBoard({ taskID: task.taskID });
      const delays = board.grids.map(() => 2 + random() * 30);
      await inBatches(board.grids, options.concurrency ?? 8, async (part, index) => {
        const reportedAt = new Date(at.getTime() + delays[index] * 3600_000);
        for (let attempt = 0; ; attempt++) {
          try {
            await withClock(reportedAt, () =>
              Emergency.reportTask({ taskID: task.taskID, gridID: part.gridID, ticks: task.checklist.map(() => true), note: "已按清单完成" }),
            );
            break;
          } catch (error) {
            if (!(error instanceof VisibleError && error.code === "emergency.task_changed") || attempt >= 5) throw error;
          }
        }
        reports++;
      });
      options.onProgress?.(`emergency: ${step.title} — ${board.grids.length} grids done`);
    }
    return { rounds, reports, seeded: true };
  });
}
