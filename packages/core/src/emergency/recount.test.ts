import { beforeAll, expect, it } from "vitest";
import { withActor, type Actor } from "../actor.ts";
import { mulberry32 } from "../demo/jianyang-grids.ts";
import { MetricCounterEntity } from "../counter/metric-counter.entity.ts";
import { withClock } from "../util/clock.ts";
import * as Emergency from "./index.ts";
import { createGridColumns, onboardTestDistrict, race, tolerate } from "../onboarding/test-district.test-support.ts";

/**
 * The recount rebuilds every `emergency.*` tally from the records: after a randomised run of
 * switches, rounds and reports (some at the same time, where one may lose with a 409), it
 * finds no drift; a corrupted counter is named and repaired.
 */
const tenantID = "rc-emergency";
const admin: Actor = { type: "user", userID: "admin-rc-em", tenantID, roles: ["district_admin"] };
const grids: string[] = [];

beforeAll(async () => {
  await onboardTestDistrict(tenantID, "rc-em");
  grids.push(...(await createGridColumns(admin, 3)));
});

it("finds no drift after a randomised run with concurrent switches and reports, and repairs a corrupted counter", async () => {
  const random = mulberry32(6006);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const tasks: Emergency.EmergencyTask[] = [];
  let conflicts = 0;
  // Steps spread over 2022, so that the tallies fall in many months.
  let clock = new Date("2022-01-05T01:00:00Z").getTime();
  await withActor(admin, async () => {
    for (let step = 0; step < 40; step++) {
      clock += Math.floor(random() * 12 * 24 * 3600_000);
      await withClock(new Date(clock), async () => {
        const mode = await Emergency.getMode({});
        const roll = random();
        if (roll < 0.2 || (tasks.length === 0 && mode.mode === "normal")) {
          // Two switches at once on the same version: at most one wins.
          const switchTo = (): Parameters<typeof Emergency.setMode>[0] =>
            mode.mode === "normal" || random() < 0.5
              ? random() < 0.5
                ? { mode: "emergency", scope: "district", reason: "疫情防控" }
                : { mode: "emergency", scope: "grids", gridIDs: [pick(grids)], reason: "风险区管控" }
              : { mode: "normal", reason: "解除" };
          const { won, lostWith } = await race(
            [switchTo(), switchTo()].map((input) => () => Emergency.setMode({ ...input, expectedVersion: mode.version })),
          );
          expect(won).toHaveLength(1);
          expect(lostWith).toEqual(["emergency.changed"]);
          conflicts += lostWith.length;
        } else if (roll < 0.45 || tasks.length === 0) {
          const task = await tolerate(() =>
            Emergency.createTask(
              random() < 0.5
                ? { title: `第${step}轮全员核酸检测`, scope: "district", checklist: ["通知", "采样", "上报"] }
                : { title: `风险区排查${step}`, scope: "risk_area", gridIDs: [pick(grids), pick(grids)], checklist: ["排查", "上报"] },
            ),
          );
          if (task) tasks.push(task);
          else expect(mode.mode).toBe("normal");
        } else {
          // Two reports of the same grid at once (all ticked or not): the loser is a 409.
          const task = pick(tasks);
          const board = await Emergency.getBoard({ taskID: task.taskID });
          const part = pick(board.grids);
          const ticks = () => task.checklist.map(() => random() < 0.8);
          const results = await Promise.all(
            [ticks(), ticks()].map((t) => tolerate(() => Emergency.reportTask({ taskID: task.taskID, gridID: part.gridID, ticks: t }))),
          );
          conflicts += results.filter((result) => !result).length;
        }
      });
    }
    expect(tasks.length).toBeGreaterThan(2);
    expect(conflicts).toBeGreaterThan(0);
    const done = await Promise.all(tasks.map((task) => Emergency.getBoard({ taskID: task.taskID })));
    expect(done.some((board) => board.done > 0)).toBe(true);

    expect(await Emergency.recount()).toEqual([]);

    // A corrupted counter is named, repaired, and then agrees.
    await MetricCounterEntity.update({ tenantID, scope: "district", period: "all", metric: "emergency.taskGridsDone" })
      .add({ count: 1 })
      .go();
    const drift = await Emergency.recount();
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({ scope: "district", period: "all", field: "emergency.taskGridsDone.count" });
    expect(drift[0].stored).toBe(drift[0].recounted + 1);
    expect(await Emergency.recount({ repair: true })).toEqual(drift);
    expect(await Emergency.recount()).toEqual([]);
  });
});
