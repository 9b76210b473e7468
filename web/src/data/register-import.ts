/** The register's spreadsheet import and export (issue 18): upload slot, import, progress, saved mapping, export file (written in the background, then a link). */
import { ok, type Api, type Reply } from "./api.ts";

export type RegisterImport = Reply<"/register/imports/{importID}", "get">;
export type RegisterImportMapping = NonNullable<Reply<"/register/imports/mapping", "get">["mapping"]>;
export type RegisterExport = Reply<"/register/exports/{exportID}", "get">;

/** The fields a register spreadsheet maps (the order the mapping step shows them); the first four are required. */
export const RegisterImportFields = [
  "address",
  "name",
  "idNumber",
  "gridCode",
  "householdNumber",
  "headIDNumber",
  "relation",
  "phone",
  "tags",
  "lon",
  "lat",
  "movedInAt",
] as const;
export type RegisterImportField = (typeof RegisterImportFields)[number];
export const RequiredRegisterFields: RegisterImportField[] = ["address", "name", "idNumber", "gridCode"];

export function registerImportApi(api: Api) {
  const { client } = api;
  return {
    createUpload: () => ok(client.POST("/register/imports/uploads")),
    start: (uploadKey: string, mapping?: RegisterImportMapping): Promise<RegisterImport> =>
      ok(client.POST("/register/imports", { body: { uploadKey, mapping } })),
    status: (importID: string): Promise<RegisterImport> =>
      ok(client.GET("/register/imports/{importID}", { params: { path: { importID } } })),
    mapping: () => ok(client.GET("/register/imports/mapping")).then((reply) => reply.mapping),
    /** Starts writing the people of the caller's grid to a file, in the background. */
    startExport: (format: "csv" | "xlsx"): Promise<RegisterExport> => ok(client.POST("/register/exports", { body: { format } })),
    /** An export's progress, and its download link once written. */
    exportStatus: (exportID: string): Promise<RegisterExport> =>
      ok(client.GET("/register/exports/{exportID}", { params: { path: { exportID } } })),
  };
}
export type RegisterImportApi = ReturnType<typeof registerImportApi>;
