import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useTenant } from "../actor.ts";
import { auditEntities, auditOperation } from "../audit/index.ts";
import { requireMechanism } from "../config/index.ts";
import { ConflictError, InputError } from "../error.ts";
import { gridScopes, Tally } from "../counter/tally.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal, Nullable } from "../util/record.ts";
import { Month } from "../util/schemas.ts";
import { CadreEvaluationEntity } from "./cadre.entity.ts";
import { loadCadreItem, readableCadre } from "./cadre.ts";
import { MECHANISM, noonOf, today } from "./shared.ts";

// ─── evaluations ────────────────────────────────────────────────────────────

/** 优秀 / 良好 / 一般 / 较差 */
export const Grade = z.enum(["excellent", "good", "fair", "poor"]);
export type Grade = z.infer<typeof Grade>;
export const GradeNames: Record<Grade, string> = { excellent: "优秀", good: "良好", fair: "一般", poor: "较差" };
const Score = z.number().int().min(1).max(5);

export const Evaluation = z.object({
  cadreID: z.string(),
  month: z.string(),
  attitude: z.number(),
  workState: z.number(),
  performance: z.number(),
  grade: Grade,
  comment: z.string().nullable(),
  evaluatedAt: z.string(),
  evaluatedBy: z.string(),
});
export type Evaluation = z.infer<typeof Evaluation>;

/** An evaluation as stored; callers see it without the tenant and the unit, an absent comment as null. */
type EvaluationItem = EntityItem<typeof CadreEvaluationEntity>;
type _Evaluation = Assert<Equal<Evaluation, Nullable<Omit<EvaluationItem, "tenantID" | "unitID">>>>;

export const toEvaluation = (item: EvaluationItem): Evaluation => ({
  cadreID: item.cadreID,
  month: item.month,
  attitude: item.attitude,
  workState: item.workState,
  performance: item.performance,
  grade: item.grade,
  comment: item.comment ?? null,
  evaluatedAt: item.evaluatedAt,
  evaluatedBy: item.evaluatedBy,
});

export const EvaluateCadreInput = z.object({
  cadreID: z.string().min(1).max(80),
  month: Month,
  /** 工作态度, 工作状态, 工作成效: 1 (poor) … 5 (excellent). */
  attitude: Score,
  workState: Score,
  performance: Score,
  grade: Grade,
  comment: z.string().trim().max(1000).optional(),
});

/**
 * The community's monthly evaluation of a cadre (district admin or grid leader): one per cadre
 * and month — a second for the same month is a 409 (there is no replace). Counted as
 * `cadres.evaluations` (and `cadres.grade.<grade>`) in the month evaluated; audited.
 */
export const evaluateCadre = fn(EvaluateCadreInput, async (input) => {
  assertRole("district_admin", "grid_leader");
  await requireMechanism(MECHANISM);
  const tenantID = useTenant();
  const cadre = await loadCadreItem(input.cadreID);
  if (input.month < cadre.from.slice(0, 7) || input.month > cadre.to.slice(0, 7))
    throw new InputError("evaluation.month", `The cadre served from ${cadre.from} to ${cadre.to}; ${input.month} is outside that.`, [
      { path: "month", message: "outside the assignment" },
    ]);
  if (input.month > today().slice(0, 7))
    throw new InputError("evaluation.month", "A month is evaluated once it has begun.", [{ path: "month", message: "in the future" }]);
  const item = {
    tenantID,
    cadreID: cadre.cadreID,
    month: input.month,
    unitID: cadre.unitID,
    attitude: input.attitude,
    workState: input.workState,
    performance: input.performance,
    grade: input.grade,
    comment: input.comment || undefined,
    evaluatedAt: now().toISOString(),
    evaluatedBy: actorID(),
  };
  const scopes = [...gridScopes(cadre.gridPath), `unit:${cadre.unitID}`];
  const at = noonOf(`${input.month}-15`);
  const tally = new Tally().add(scopes, at, "cadres.evaluations").add(scopes, at, `cadres.grade.${input.grade}`);
  const result = await writeTransaction({ cadreEvaluation: CadreEvaluationEntity, ...Tally.entities, ...auditEntities }, (ops) => [
    ops.cadreEvaluation.create(item).commit(),
    ...tally.operations(ops),
    auditOperation(ops, {
      action: "cadre.evaluate",
      subjectID: cadre.cadreID,
      summary: `${cadre.name} ${input.month} 月度评价：${GradeNames[input.grade]}`,
      details: {
        name: cadre.name,
        month: input.month,
        grade: input.grade,
        attitude: input.attitude,
        workState: input.workState,
        performance: input.performance,
      },
    }),
  ]).go();
  if (result.canceled) throw new ConflictError("evaluation.exists", `${cadre.name} already has an evaluation for ${input.month}.`);
  return toEvaluation(item);
});

/** A cadre's evaluations, newest month first (the cadre sees their own). */
export const listEvaluations = fn(z.object({ cadreID: z.string().min(1).max(80) }).extend(PageInput.shape), async (input) => {
  await requireMechanism(MECHANISM);
  const cadre = await readableCadre(input.cadreID);
  const result = await page(CadreEvaluationEntity.query.primary({ tenantID: useTenant(), cadreID: cadre.cadreID }), input, "desc");
  return { items: result.items.map(toEvaluation), cursor: result.cursor };
});
