import { beforeAll, expect, it } from "vitest";
import { withActor, type Actor } from "../actor.ts";
import { mulberry32 } from "../demo/jianyang-grids.ts";
import * as Config from "../config/index.ts";
import * as Grid from "../grid/index.ts";
import { MetricCounterEntity } from "../counter/metric-counter.entity.ts";
import { UserEntity } from "../user/user.entity.ts";
import { withClock } from "../util/clock.ts";
import * as Cadre from "./index.ts";
import { onboardTestDistrict, race, rect, tolerate } from "../onboarding/test-district.test-support.ts";

/**
 * The recount rebuilds every `cadres.*` and `ledger.*` tally from the records: after a
 * randomised run of assignments, ledger entries, evaluations and ends (some at the same time,
 * where one loses with a 409), it finds no drift; a corrupted counter is named and repaired.
 */
const tenantID = "rc-cadre";
const admin: Actor = { type: "user", userID: "admin-rc-cadre", tenantID, roles: ["district_admin"] };
const cadreUser = (userID: string): Actor => ({ type: "user", userID, tenantID, roles: ["cadre"] });
const leaves: string[] = [];
const units: string[] = [];
const users = ["rc-cadre-1", "rc-cadre-2", "rc-cadre-3", "rc-cadre-4"];

beforeAll(async () => {
  await onboardTestDistrict(tenantID, "rc-cadre");
  await withActor(admin, async () => {
    for (let i = 0; i < 2; i++) {
      const top = await Grid.create({ code: `T${i}`, name: `一级${i}`, tier: 1, boundary: rect(i * 10, 0, i * 10 + 10, 10) });
      const mid = await Grid.create({
        code: `T${i}-1`,
        name: `二级${i}`,
        tier: 2,
        parentID: top.gridID,
        boundary: rect(i * 10, 0, i * 10 + 5, 10),
      });
      for (let j = 0; j < 2; j++)
        leaves.push(
          (
            await Grid.create({
              code: `T${i}-1-${j}`,
              name: `三级${i}${j}`,
              tier: 3,
              parentID: mid.gridID,
              boundary: rect(i * 10, j * 5, i * 10 + 5, j * 5 + 5),
            })
          ).gridID,
        );
    }
    for (const name of ["区财政局", "区国资公司"]) units.push((await Cadre.createHomeUnit({ name })).unitID);
    for (const [index, userID] of users.entries())
      await UserEntity.create({ tenantID, userID, name: `干部${index}`, phone: `1390000000${index}`, roles: ["cadre"] }).go();
  });
});

const dayOf = (time: number) => new Date(time + 8 * 3600_000).toISOString().slice(0, 10);

it("finds no drift after a randomised run with concurrent ends and evaluations, and repairs a corrupted counter", async () => {
  const random = mulberry32(6007);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const kinds = (await withActor(admin, () => Config.requireMechanism("cadreSecondment"))).governance.ledgerActivityKinds.map(
    (kind) => kind.key,
  );
  const active = new Map<string, Cadre.Cadre>();
  let conflicts = 0;
  let entries = 0;
  let clock = new Date("2022-01-03T02:00:00Z").getTime();
  const assign = (userID: string) =>
    withActor(admin, () =>
      Cadre.assignCadre({
        name: `干部${userID}`,
        phone: "13900000009",
        unitID: pick(units),
        gridID: pick(leaves),
        userID,
        from: dayOf(clock),
        to: "2022-12-31",
      }),
    );
  await withClock(new Date(clock), async () => {
    for (const userID of users) active.set(userID, await assign(userID));
  });
  for (let step = 0; step < 50; step++) {
    clock += Math.floor(random() * 6 * 24 * 3600_000);
    await withClock(new Date(clock), async () => {
      const roll = random();
      const userID = pick(users);
      const cadre = active.get(userID);
      if (!cadre) {
        active.set(userID, await assign(userID));
      } else if (roll < 0.55) {
        // Work on a day since the assignment began, not after today.
        const day = dayOf(Math.max(new Date(`${cadre.from}T12:00:00+08:00`).getTime(), clock - Math.floor(random() * 20) * 24 * 3600_000));
        const hours = Math.round((0.25 + random() * 6) * 4) / 4;
        await withActor(cadreUser(userID), () => Cadre.createLedgerEntry({ kind: pick(kinds), date: day, hours }));
        entries++;
      } else if (roll < 0.8) {
        // Two evaluations of the same cadre and month at once: one is a 409.
        const month = dayOf(clock).slice(0, 7);
        const grade = () => pick(["excellent", "good", "fair", "poor"] as const);
        const evaluated = await withActor(admin, async () => {
          // A month already evaluated earlier in the run: both lose, each with the same 409.
          const before = (await Cadre.listEvaluations({ cadreID: cadre.cadreID })).items.some((item) => item.month === month);
          const outcome = await race(
            [grade(), grade()].map(
              (g) => () => Cadre.evaluateCadre({ cadreID: cadre.cadreID, month, attitude: 4, workState: 4, performance: 5, grade: g }),
            ),
          );
          return { before, outcome };
        });
        expect(evaluated.outcome.won).toHaveLength(evaluated.before ? 0 : 1);
        expect(evaluated.outcome.lostWith).toEqual(evaluated.before ? ["evaluation.exists", "evaluation.exists"] : ["evaluation.exists"]);
        conflicts += evaluated.outcome.lostWith.length;
      } else {
        // Two ends of the same assignment at once: one is a 409.
        const results = await withActor(admin, () =>
          Promise.all([0, 1].map(() => tolerate(() => Cadre.endAssignment({ cadreID: cadre.cadreID })))),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        conflicts += 1;
        active.delete(userID);
      }
    });
  }
  expect(entries).toBeGreaterThan(5);
  expect(conflicts).toBeGreaterThan(0);

  await withActor(admin, async () => {
    expect(await Cadre.recount()).toEqual([]);

    // A corrupted counter is named, repaired, and then agrees.
    const scope = `unit:${units[0]}`;
    await MetricCounterEntity.update({ tenantID, scope, period: "2022", metric: "ledger.hours" }).add({ count: 1 }).go();
    const drift = await Cadre.recount();
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({ scope, period: "2022", field: "ledger.hours.count" });
    expect(drift[0].stored).toBe(drift[0].recounted + 1);
    expect(await Cadre.recount({ repair: true })).toEqual(drift);
    expect(await Cadre.recount()).toEqual([]);
  });
});
