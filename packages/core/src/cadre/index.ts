/**
 * Seconded cadres (下沉干部): one file per record and its functions (home units, cadres and their
 * assignments, the ledger, evaluations), the unit feedback report and the recount; `Cadre.x`
 * names them all. Helpers the files share live in `shared.ts`, out of the namespace.
 */
import { CadreEntity, CadreEvaluationEntity, HomeUnitEntity, LedgerEntryEntity } from "./cadre.entity.ts";

export { CadreEntity, CadreEvaluationEntity, HomeUnitEntity, LedgerEntryEntity };

export { UnitKind, HomeUnit, allHomeUnits, CreateHomeUnitInput, createHomeUnit, listHomeUnits } from "./home-unit.ts";
export {
  Cadre,
  AssignCadreInput,
  assignCadre,
  endAssignment,
  ListCadresInput,
  listCadres,
  getCadre,
  myAssignments,
  CoverageInput,
  Coverage,
  coverage,
} from "./cadre.ts";
export { LedgerEntry, CreateLedgerEntryInput, createLedgerEntry, ListLedgerInput, listLedgerEntries } from "./ledger.ts";
export { Grade, GradeNames, Evaluation, EvaluateCadreInput, evaluateCadre, listEvaluations } from "./evaluation.ts";
export { ExportFeedbackInput, type FeedbackRow, unitFeedback, exportUnitFeedback } from "./feedback.ts";
export { recount } from "./recount.ts";
