/**
 * The grid register (数据平台): houses, households, people, special groups, enterprises and
 * managed objects on the grids, with personal data sealed (protect.ts), masked in lists, revealed
 * one field at a time with a purpose, and every reading logged.
 */
export * from "./access.ts";
export * from "./house.ts";
export * from "./household.ts";
export * from "./numbers.ts";
export * from "./organisation.ts";
export * from "./person.ts";
export { RegisterMetric, RegisterStaff } from "./shared.ts";
export { registerEntities, RegisterAccessEntity } from "./register.entity.ts";
export { recount } from "./recount.ts";
export * from "./overview.ts";
export {
  createRegisterUpload,
  getImportMapping,
  getRegisterImport,
  HeaderAliases,
  ImportField,
  ImportFields,
  ImportMapping,
  importFile,
  importRegister,
  ImportRegisterInput,
  MAX_REGISTER_IMPORT_BYTES,
  RegisterImportView,
  registerImportWorker,
  RejectedRowSchema,
  runImport,
  type RegisterImport,
  type RejectedRow,
} from "./import.ts";
export { RegisterExportEntity, RegisterImportEntity, RegisterMappingEntity } from "./import.entity.ts";
export { exportRegister, ExportRegisterInput, getRegisterExport, RegisterExportView, runExport, type RegisterExport } from "./export.ts";
