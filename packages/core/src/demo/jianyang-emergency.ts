import { EmergencyModeEntity, EmergencyTaskEntity } from "../emergency/emergency.entity.ts";
import * as Emergency from "../emergency/index.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { mulberry32 } from "./jianyang-grids.ts";
import { idOf, pool, type StepRun } from "./replay.ts";

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

/** Items of the step: the plan's switches and rounds (their reports are counted with their round). */
export const jianyangEmergencyTotal = plan.length;

/**
 * Seeds Jianyang's emergency year: the switches, the rounds and every grid's report, through
 * the emergency core functions. Assumes Jianyang's grids are seeded. About 780 reports. A step
 * of the demo year (resumable: see replay.ts; a switch is there when the mode changed since).
 */
export async function seedJianyangEmergency(step: StepRun, options: { concurrency?: number } = {}) {
  const tenantID = "jianyang";
  const grids = (
    await GridEntity.query.primary({ tenantID }).go({ pages: "all", attributes: ["gridID", "tierKey", "path", "status"] })
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
  // Resumed: the mode's last switch, and the rounds already created.
  const switchedSince = step.resuming ? ((await EmergencyModeEntity.get({ tenantID }).go()).data?.since ?? "") : "";
  let rounds = 0;
  let reports = 0;
  for (const [index, planned] of plan.entries()) {
    const at = new Date(planned.at);
    if (planned.kind === "switch") {
      if (!(switchedSince >= at.toISOString()))
        await step.act(`plan/${index}`, at, null, () =>
          Emergency.setMode(
            planned.mode === "normal"
              ? { mode: "normal", reason: planned.reason }
              : planned.wave === "autumn"
                ? { mode: "emergency", scope: "grids", gridIDs: [hotspot.gridID], reason: planned.reason }
                : { mode: "emergency", scope: "district", reason: planned.reason },
          ),
        );
      step.item();
      continue;
    }
    const input =
      planned.scope === "district"
        ? { title: planned.title, scope: "district" as const, checklist: districtChecklist }
        : { title: planned.title, scope: "risk_area" as const, gridIDs: riskGrids(planned.wave), checklist: riskChecklist };
    const taskID = idOf(step.name, `plan/${index}`, "etask", at);
    const exists = step.resuming && (await EmergencyTaskEntity.get({ tenantID, taskID }).go()).data;
    if (!exists) await step.act(`plan/${index}`, at, null, () => Emergency.createTask(input));
    rounds++;
    const board = await Emergency.getBoard({ taskID });
    const delays = board.grids.map(() => 2 + random() * 30);
    await pool(board.grids, options.concurrency ?? 8, async (part, gridIndex) => {
      if (part.status !== "done")
        // A lost race on the round's tallies is retried by `act`.
        await step.act(`plan/${index}/${part.gridID}`, at.getTime() + delays[gridIndex] * 3600_000, null, () =>
          Emergency.reportTask({ taskID, gridID: part.gridID, ticks: input.checklist.map(() => true), note: "已按清单完成" }),
        );
      reports++;
    });
    step.item();
  }
  return { rounds, reports };
}
