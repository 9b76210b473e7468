/**
 * The grid register (数据平台) as the portal uses it: houses, households, people, organisations,
 * the reveal of one field, the access log and the caller's own record. Types come from the API's
 * document; requests go through the session's API client.
 */
import { apiBase, compact, ok, type Api, type Body, type Reply, type Schema } from "./api.ts";
import type { DistrictConfig, SignedInActor } from "./types.ts";

export type House = Schema<"House">;
export type Household = Schema<"Household">;
export type ResidentRecord = Schema<"ResidentRecord">;
export type ResidentRecordDetail = Schema<"ResidentRecordDetail">;
export type Organisation = Schema<"Organisation">;
export type AccessEntry = Schema<"RegisterAccessEntry">;
export type MyRegisterRecord = Schema<"MyRegisterRecord">;
export type RegisterCounts = Reply<"/register/counts", "get">;
export type RegisterPoints = Reply<"/register/points", "get">;
export type CreateHouseInput = Body<"/register/houses", "post">;
export type CreateResidentInput = Body<"/register/people", "post">;
export type CreateEnterpriseInput = Body<"/register/enterprises", "post">;
export type RevealableField = "idNumber" | "phone" | "dateOfBirth";
export type HouseKind = House["kind"];
export type OrganisationKind = Organisation["kind"];

export const houseKinds: HouseKind[] = ["residential", "shop", "mixed", "office", "other"];
export const organisationKinds: OrganisationKind[] = ["enterprise", "institution", "managed"];

/** A special group (特殊群体) of the district's catalogue. */
export interface RegisterTag {
  key: string;
  nameZh: string;
  nameEn: string;
  sensitive: boolean;
}
type RevealRole = "grid_worker" | "grid_leader" | "district_admin";
export interface RegisterSettings {
  tags: RegisterTag[];
  revealRoles: RevealRole[];
}

/** The district's register settings (the default catalogue's roles when the section is missing). */
export function registerSettingsOf(config: DistrictConfig | undefined): RegisterSettings {
  const settings = (config as { register?: RegisterSettings } | undefined)?.register;
  return settings ?? { tags: [], revealRoles: ["grid_worker", "grid_leader", "district_admin"] };
}

const roles = (actor: SignedInActor | undefined) => (actor?.type === "user" ? actor.roles : []);
/** Grid workers, grid leaders and district admins keep the register. */
export const mayKeepRegister = (actor: SignedInActor | undefined) =>
  roles(actor).some((role) => role === "grid_worker" || role === "grid_leader" || role === "district_admin");
/** Only district admins read the access log. */
export const mayReadAccessLog = (actor: SignedInActor | undefined) => roles(actor).includes("district_admin");

export function registerApi(api: Api) {
  const { client } = api;
  const person = (recordID: string) => ({ path: { recordID } });
  return {
    houses: (query: { gridID?: string; cursor?: string | null; limit?: number }) =>
      ok(client.GET("/register/houses", { params: { query: compact({ ...query }) } })),
    createHouse: (input: CreateHouseInput) => ok(client.POST("/register/houses", { body: input })),
    households: (query: { houseID?: string; gridID?: string; q?: string; cursor?: string | null; limit?: number }) =>
      ok(client.GET("/register/households", { params: { query: compact({ ...query }) } })),
    household: (householdID: string) => ok(client.GET("/register/households/{householdID}", { params: { path: { householdID } } })),
    createHousehold: (houseID: string) => ok(client.POST("/register/households", { body: { houseID } })),
    moveHousehold: (householdID: string, houseID: string) =>
      ok(client.POST("/register/households/{householdID}/move", { params: { path: { householdID } }, body: { houseID } })),
    search: (query: {
      q?: string;
      gridID?: string;
      tag?: string;
      status?: "living" | "moved_out";
      cursor?: string | null;
      limit?: number;
    }) => ok(client.GET("/register/people", { params: { query: compact({ ...query }) } })),
    createPerson: (input: CreateResidentInput) => ok(client.POST("/register/people", { body: input })),
    person: (recordID: string) => ok(client.GET("/register/people/{recordID}", { params: person(recordID) })),
    reveal: (recordID: string, field: RevealableField, purpose: string) =>
      ok(client.POST("/register/people/{recordID}/reveal", { params: person(recordID), body: { field, purpose } })),
    moveOut: (recordID: string) => ok(client.POST("/register/people/{recordID}/move-out", { params: person(recordID), body: {} })),
    me: () => ok(client.GET("/register/me")),
    enterprises: (query: { gridID?: string; cursor?: string | null; limit?: number }) =>
      ok(client.GET("/register/enterprises", { params: { query: compact({ ...query }) } })),
    createEnterprise: (input: CreateEnterpriseInput) => ok(client.POST("/register/enterprises", { body: input })),
    counts: (gridID?: string) => ok(client.GET("/register/counts", { params: { query: compact({ gridID }) } })),
    points: (gridID?: string) => ok(client.GET("/register/points", { params: { query: compact({ gridID }) } })),
    accessLog: (query: { cursor?: string | null; limit?: number }) =>
      ok(client.GET("/register/access-log", { params: { query: compact({ ...query }) } })),
    /** The access log as CSV: a blob to save (the API sends it as a download). */
    async exportAccessLog(token: string | null): Promise<Blob> {
      const response = await fetch(`${await apiBase()}/register/access-log/export`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.blob();
    },
  };
}
export type RegisterApi = ReturnType<typeof registerApi>;
