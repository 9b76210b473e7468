/**
 * The cadre secondment API (常态化下沉) and the two-way ledger (双向管理·工作台账) as the portal's
 * cadre pages use them, and who may do what. Types come from core as types only; requests go
 * through the session's API client.
 */
import type { Cadre, Coverage, Evaluation, Grade, HomeUnit, LedgerEntry } from "@wangge/core/cadre/index";
import type { NamedKind } from "@wangge/core/config/settings";
import { compact, ok, type Api, type Body, type Reply } from "./api.ts";
import type { SignedInActor } from "./types.ts";

export type { Cadre, Coverage, Evaluation, Grade, HomeUnit, LedgerEntry, NamedKind };

export const grades: Grade[] = ["excellent", "good", "fair", "poor"];

export type MyAssignments = Reply<"/cadre-assignments/mine", "get">;
export type LedgerEntryInput = Body<"/ledger", "post">;
export type EvaluationInput = Body<"/cadres/{cadreID}/evaluations", "post">;

const roles = (actor: SignedInActor | undefined) => (actor && actor.type === "user" ? actor.roles : []);
/** A seconded cadre: logs work on their grid. */
export const isCadre = (actor: SignedInActor | undefined) => roles(actor).includes("cadre");
/** The community (district admin, grid leader): sees coverage, evaluates, downloads the reports. */
export const isCommunity = (actor: SignedInActor | undefined) =>
  roles(actor).some((role) => role === "district_admin" || role === "grid_leader");

/** Today in China Standard Time (YYYY-MM-DD), the day a visit is logged for by default. */
export function todayInChina(at = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function cadresApi(api: Api) {
  const { client } = api;
  const cadre = (cadreID: string) => ({ params: { path: { cadreID } } });
  return {
    mine: () => ok(client.GET("/cadre-assignments/mine")),
    units: () => ok(client.GET("/home-units", { params: { query: { limit: 200 } } })),
    cadres: (input: { unitID?: string; gridID?: string; cursor?: string | null } = {}) =>
      ok(client.GET("/cadres", { params: { query: compact({ limit: 100, ...input }) } })),
    cadre: (cadreID: string) => ok(client.GET("/cadres/{cadreID}", cadre(cadreID))),
    coverage: (gridID?: string) => ok(client.GET("/cadre-coverage", { params: { query: compact({ gridID }) } })),
    ledger: (input: { mine?: boolean; cadreID?: string; cursor?: string | null }) =>
      ok(client.GET("/ledger", { params: { query: compact({ limit: 50, ...input }) } })),
    log: (input: LedgerEntryInput) => ok(client.POST("/ledger", { body: input })),
    evaluations: (cadreID: string) =>
      ok(client.GET("/cadres/{cadreID}/evaluations", { params: { path: { cadreID }, query: { limit: 24 } } })),
    evaluate: (cadreID: string, input: EvaluationInput) =>
      ok(client.POST("/cadres/{cadreID}/evaluations", { ...cadre(cadreID), body: input })),
    /** The unit's feedback report as a file (the bearer token is sent, so it is fetched, not linked). */
    feedback: (unitID: string, month: string, format: "xlsx" | "csv") =>
      ok(client.GET("/home-units/{unitID}/feedback", { params: { path: { unitID }, query: { month, format } }, parseAs: "blob" })),
  };
}
export type CadresApi = ReturnType<typeof cadresApi>;
