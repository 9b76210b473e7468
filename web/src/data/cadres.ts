/**
 * The cadre secondment API (常态化下沉) and the two-way ledger (双向管理·工作台账) as the portal's
 * cadre pages use them, and who may do what. Types come from core as types only; requests go
 * through the session's API client.
 */
import type { Cadre, Coverage, Evaluation, Grade, HomeUnit, LedgerEntry } from "@wangge/core/cadre/index";
import type { NamedKind } from "@wangge/core/config/settings";
import { apiBase, ApiError, type Api } from "./api.ts";
import type { Page, SignedInActor } from "./types.ts";

export type { Cadre, Coverage, Evaluation, Grade, HomeUnit, LedgerEntry, NamedKind };

export const grades: Grade[] = ["excellent", "good", "fair", "poor"];

export interface MyAssignments {
  current: Cadre | null;
  assignments: Cadre[];
  kinds: NamedKind[];
}

export interface LedgerEntryInput {
  kind: string;
  date: string;
  hours: number;
  notes?: string;
  photoKeys?: string[];
}

export interface EvaluationInput {
  month: string;
  attitude: number;
  workState: number;
  performance: number;
  grade: Grade;
  comment?: string;
}

const roles = (actor: SignedInActor | undefined) => (actor && actor.type === "user" ? actor.roles : []);
/** A seconded cadre: logs work on their grid. */
export const isCadre = (actor: SignedInActor | undefined) => roles(actor).includes("cadre");
/** The community (district admin, grid leader): sees coverage, evaluates, downloads the reports. */
export const isCommunity = (actor: SignedInActor | undefined) => roles(actor).some((role) => role === "district_admin" || role === "grid_leader");

/** Today in China Standard Time (YYYY-MM-DD), the day a visit is logged for by default. */
export function todayInChina(at = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== false && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function cadresApi(api: Api, token: () => string | null = () => null) {
  return {
    mine: () => api.request<MyAssignments>("GET", "/cadre-assignments/mine"),
    units: () => api.request<Page<HomeUnit>>("GET", "/home-units?limit=200"),
    cadres: (input: { unitID?: string; gridID?: string; cursor?: string | null } = {}) =>
      api.request<Page<Cadre>>("GET", `/cadres${query({ limit: 100, ...input })}`),
    cadre: (cadreID: string) => api.request<Cadre>("GET", `/cadres/${encodeURIComponent(cadreID)}`),
    coverage: (gridID?: string) => api.request<Coverage>("GET", `/cadre-coverage${query({ gridID })}`),
    ledger: (input: { mine?: boolean; cadreID?: string; cursor?: string | null }) =>
      api.request<Page<LedgerEntry>>("GET", `/ledger${query({ limit: 50, ...input })}`),
    log: (input: LedgerEntryInput) => api.request<LedgerEntry>("POST", "/ledger", input),
    evaluations: (cadreID: string) => api.request<Page<Evaluation>>("GET", `/cadres/${encodeURIComponent(cadreID)}/evaluations?limit=24`),
    evaluate: (cadreID: string, input: EvaluationInput) => api.request<Evaluation>("POST", `/cadres/${encodeURIComponent(cadreID)}/evaluations`, input),
    /** The unit's feedback report as a file (the bearer token is sent, so it is fetched, not linked). */
    feedback: async (unitID: string, month: string, format: "xlsx" | "csv") => {
      const headers: Record<string, string> = {};
      const bearer = token();
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      const response = await fetch(`${await apiBase()}/home-units/${encodeURIComponent(unitID)}/feedback${query({ month, format })}`, { headers });
      if (!response.ok) {
        let problem = { status: response.status } as ConstructorParameters<typeof ApiError>[0];
        try {
          problem = { ...problem, ...(await response.json()) };
        } catch {
          // Not a problem document: the status says enough.
        }
        throw new ApiError(problem);
      }
      return response.blob();
    },
  };
}
export type CadresApi = ReturnType<typeof cadresApi>;

/** Saves a blob under a file name (a temporary link clicked once). */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
