import type { Actor } from "../actor.ts";
import { CadreEntity, CadreEvaluationEntity, LedgerEntryEntity } from "../cadre/cadre.entity.ts";
import * as Cadre from "../cadre/index.ts";
import { locate } from "../grid/locate-cache.ts";
import { AssignmentEntity } from "../person/person.entity.ts";
import { batchPut } from "../storage/batch.ts";
import { UserEntity } from "../user/user.entity.ts";
import { mulberry32 } from "./jianyang-grids.ts";
import { JianyangHomeUnits } from "./jianyang-people.ts";
import { getMany, idOf, pool, type StepRun } from "./replay.ts";

/**
 * Jianyang's 2022 cadre secondment (常态化下沉) in the article's figures: 760 cadres from 20 home
 * units assigned as grid assistants, 140 community sentiment maps drawn (小区民情图), with
 * visits and patrols and the community's evaluations for November and December.
 */
export const JianyangCadreCounts = {
  cadres: 760,
  sentimentMaps: 140,
  /** Home visits (入户走访): one per cadre; patrols: one per two cadres. */
  visits: 760,
  patrols: 380,
  /** Every cadre is evaluated for December, every fourth also for November. */
  evaluations: 760 + 190,
} as const;

/** What the step replays: the article's figures, or with `limit` cadres a smaller year of the same shape. */
export function cadrePlanSize(limit?: number) {
  const cadres = limit ?? JianyangCadreCounts.cadres;
  const sentimentMaps =
    limit === undefined
      ? JianyangCadreCounts.sentimentMaps
      : Math.round((limit * JianyangCadreCounts.sentimentMaps) / JianyangCadreCounts.cadres);
  const entries = cadres + Math.ceil(cadres / 2) + sentimentMaps;
  const evaluations = cadres + Math.ceil(cadres / 4);
  return { cadres, sentimentMaps, items: cadres + entries + evaluations };
}

const FROM = "2022-03-01";
const TO = "2023-02-28";
/** The demo account's secondment stays current, so that it can log today's work. */
const DEMO_TO = "2030-12-31";

const cadreActor = (userID: string): Actor => ({ type: "user", userID, tenantID: "jianyang", roles: ["cadre"] });
const cst = (day: string, time = "10:00") => new Date(`${day}T${time}:00+08:00`);

/**
 * Seeds the secondment through the core functions (`assignCadre`, `createLedgerEntry` as each
 * cadre, `evaluateCadre`), at the 2022 times they happened. Assumes Jianyang's grids and people
 * (`seedJianyangGrids`): the 760 grid assistants there become the cadres, each with a sign-in
 * account of role `cadre`. The demo account `cadre` is the assistant on the demo worker's grid.
 * A step of the demo year (resumable: see replay.ts).
 */
export async function seedJianyangCadres(step: StepRun, options: { concurrency?: number; limit?: number } = {}) {
  const tenantID = "jianyang";
  const concurrency = options.concurrency ?? 8;
  const started = cst(FROM);

  // Home units (looked up by name: an interrupted run may have made some).
  const existing = new Map((await Cadre.allHomeUnits()).map((unit) => [unit.name, unit.unitID]));
  for (const [index, name] of JianyangHomeUnits.entries())
    if (!existing.has(name))
      existing.set(
        name,
        (
          await step.act(`unit/${index}`, started, null, () =>
            Cadre.createHomeUnit({ name, kind: /公司|银行/.test(name) ? "state_enterprise" : "government" }),
          )
        ).unitID,
      );

  // The grid assistants of the seeded workforce, in a stable order.
  const people = (await AssignmentEntity.query.byRole({ tenantID, roleKey: "grid_assistant" }).go({ pages: "all" })).data.sort(
    (a, b) =>
      a.gridCode.localeCompare(b.gridCode) ||
      a.personName.localeCompare(b.personName, "zh-CN") ||
      a.personPhone.localeCompare(b.personPhone),
  );
  if (people.length !== JianyangCadreCounts.cadres)
    throw new Error(`Expected ${JianyangCadreCounts.cadres} grid assistants from seedJianyangGrids, found ${people.length}.`);
  const workerGrid = (await locate({ lon: 118.12, lat: 27.33 })).grid;
  const account = (await UserEntity.get({ tenantID, userID: "cadre" }).go()).data;
  const linked = Math.max(
    0,
    people.findIndex((person) => person.gridID === workerGrid.gridID),
  );
  // `limit`: a smaller year of the same shape (the first cadres in that order, and the demo's own).
  const chosen =
    options.limit === undefined ? people : [...people.filter((_, index) => index !== linked).slice(0, options.limit - 1), people[linked]];
  const cadres = chosen.map((person) => {
    const index = people.indexOf(person);
    if (index === linked && account)
      return { userID: "cadre", name: account.name, phone: account.phone, unit: "区财政局", gridID: workerGrid.gridID, to: DEMO_TO };
    return {
      userID: `cadre-${String(index + 1).padStart(3, "0")}`,
      name: person.personName,
      phone: person.personPhone,
      unit: person.homeUnit ?? JianyangHomeUnits[0],
      gridID: person.gridID,
      to: TO,
    };
  });
  // Their sign-in accounts (a put is the same record again when resumed).
  await batchPut(
    cadres
      .filter((cadre) => cadre.userID !== "cadre")
      .map(
        (cadre) =>
          UserEntity.put({
            tenantID,
            userID: cadre.userID,
            name: cadre.name,
            phone: cadre.phone,
            roles: ["cadre"],
            status: "active",
          }).params().Item,
      ),
  );

  // Assignments, in the first days of March; then the ledger; then the evaluations.
  const assignedAt = (index: number) => cst(`2022-03-0${1 + (index % 5)}`);
  const cadreIDs = cadres.map((_, index) => idOf(step.name, `assign/${index}`, "cadre", assignedAt(index)));
  const random = mulberry32(760140);
  const dayOf = () => new Date(Date.UTC(2022, 2, 1) + Math.floor(random() * 306) * 86_400_000).toISOString().slice(0, 10);
  const entries: { index: number; kind: string; date: string; hours: number; notes: string }[] = [];
  cadres.forEach((_, index) => {
    entries.push({
      index,
      kind: "visit",
      date: dayOf(),
      hours: 1 + Math.floor(random() * 6) / 2,
      notes: random() < 0.5 ? "入户走访，了解住户诉求" : "走访独居老人，登记困难",
    });
    if (index % 2 === 0)
      entries.push({ index, kind: "patrol", date: dayOf(), hours: 1 + Math.floor(random() * 4) / 2, notes: "网格巡查，排查安全隐患" });
  });
  const maps = cadrePlanSize(options.limit).sentimentMaps;
  for (let n = 0; n < maps; n++)
    entries.push({
      index: Math.floor((n * cadres.length) / maps),
      kind: "sentiment_map",
      date: dayOf(),
      hours: 3 + Math.floor(random() * 4),
      notes: "绘制小区民情图，标注重点人群与隐患点位",
    });
  const entryAt = (entry: (typeof entries)[number]) => cst(entry.date, "18:00");
  const entryIDs = entries.map((entry, index) => idOf(step.name, `ledger/${index}`, "ledger", entryAt(entry)));
  // The community's evaluations at the end of each evaluated month.
  const grades = ["excellent", "good", "good", "excellent", "fair", "good", "excellent", "good", "fair", "poor"] as const;
  const evaluations = (["2022-11", "2022-12"] as const).flatMap((month) =>
    cadreIDs
      .filter((_, index) => month === "2022-12" || index % 4 === 0)
      .map((cadreID) => {
        const grade = grades[Math.floor(random() * grades.length)];
        const score = { excellent: 5, good: 4, fair: 3, poor: 2 }[grade];
        return { cadreID, month, grade, score, workState: Math.max(1, score - (random() < 0.3 ? 1 : 0)) };
      }),
  );

  // Resumed: which of them are there already.
  const there = new Set<string>();
  if (step.resuming) {
    const found = await Promise.all([
      getMany(
        cadreIDs.map((cadreID) => ({ tenantID, cadreID })),
        (keys) =>
          CadreEntity.get(keys)
            .go()
            .then((result) => result.data.map((item) => item.cadreID)),
      ),
      getMany(
        entryIDs.map((entryID) => ({ tenantID, entryID })),
        (keys) =>
          LedgerEntryEntity.get(keys)
            .go()
            .then((result) => result.data.map((item) => item.entryID)),
      ),
      getMany(
        evaluations.map(({ cadreID, month }) => ({ tenantID, cadreID, month })),
        (keys) =>
          CadreEvaluationEntity.get(keys)
            .go()
            .then((result) => result.data.map((item) => `${item.cadreID}/${item.month}`)),
      ),
    ]);
    for (const key of found.flat()) there.add(key);
  }

  await pool(cadres, concurrency, async (cadre, index) => {
    if (!there.has(cadreIDs[index]))
      await step.act(`assign/${index}`, assignedAt(index), null, () =>
        Cadre.assignCadre({
          name: cadre.name,
          phone: cadre.phone,
          unitID: existing.get(cadre.unit)!,
          gridID: cadre.gridID,
          userID: cadre.userID,
          from: FROM,
          to: cadre.to,
        }),
      );
    step.item();
  });
  await pool(entries, concurrency, async (entry, index) => {
    const cadre = cadres[entry.index];
    if (!there.has(entryIDs[index]))
      await step.act(`ledger/${index}`, entryAt(entry), cadreActor(cadre.userID), () =>
        Cadre.createLedgerEntry({ kind: entry.kind, date: entry.date, hours: entry.hours, notes: entry.notes, gridID: cadre.gridID }),
      );
    step.item();
  });
  await pool(evaluations, concurrency, async ({ cadreID, month, grade, score, workState }, index) => {
    if (!there.has(`${cadreID}/${month}`))
      await step.act(`evaluation/${index}`, cst(month === "2022-11" ? "2022-11-30" : "2022-12-30", "16:00"), null, () =>
        Cadre.evaluateCadre({
          cadreID,
          month,
          grade,
          attitude: score,
          workState,
          performance: score,
          comment: grade === "excellent" ? "下沉到位，群众认可" : grade === "poor" ? "到岗次数偏少，需加强" : undefined,
        }),
      );
    step.item();
  });
  return { cadres: cadres.length, entries: entries.length, evaluations: evaluations.length };
}
