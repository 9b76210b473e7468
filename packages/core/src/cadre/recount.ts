import { useTenant } from "../actor.ts";
import { compareTallies, ExpectedTallies } from "../counter/recount.ts";
import { gridScopes } from "../counter/tally.ts";
import { CadreEntity, CadreEvaluationEntity, LedgerEntryEntity } from "./cadre.entity.ts";
import { noonOf } from "./shared.ts";

// ─── recount ─────────────────────────────────────────────────────────────────

/**
 * Rebuilds the `cadres.*` and `ledger.*` tallies from the records and returns the drift (with
 * `repair`, writes the recounted values): each assignment counts as assigned at `createdAt` and,
 * once ended, as ended at `endedAt`; each ledger entry at noon of its day; each evaluation at
 * noon of the 15th of its month, on its cadre's grid path and home unit.
 */
export async function recount(options: { repair?: boolean } = {}) {
  const tenantID = useTenant();
  const expected = new ExpectedTallies();
  const [cadres, entries] = await Promise.all([
    CadreEntity.query.primary({ tenantID }).go({ pages: "all" }),
    LedgerEntryEntity.query.primary({ tenantID }).go({ pages: "all" }),
  ]);
  for (const cadre of cadres.data) {
    const scopes = [...gridScopes(cadre.gridPath), `unit:${cadre.unitID}`];
    expected.add(scopes, cadre.createdAt, "cadres.assigned");
    if (cadre.status === "ended") expected.add(scopes, cadre.endedAt!, "cadres.ended");
  }
  for (const entry of entries.data) {
    const scopes = [...gridScopes(entry.gridPath), `unit:${entry.unitID}`];
    const at = noonOf(entry.date);
    expected
      .add(scopes, at, "ledger.entries")
      .add(scopes, at, "ledger.hours", 1, entry.hours)
      .add(scopes, at, `ledger.${entry.kind}`, 1, entry.hours);
  }
  let next = 0;
  const worker = async () => {
    while (next < cadres.data.length) {
      const cadre = cadres.data[next++];
      const scopes = [...gridScopes(cadre.gridPath), `unit:${cadre.unitID}`];
      const evaluations = await CadreEvaluationEntity.query.primary({ tenantID, cadreID: cadre.cadreID }).go({ pages: "all" });
      for (const evaluation of evaluations.data) {
        const at = noonOf(`${evaluation.month}-15`);
        expected.add(scopes, at, "cadres.evaluations").add(scopes, at, `cadres.grade.${evaluation.grade}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return compareTallies(expected, ["cadres.", "ledger."], options);
}
