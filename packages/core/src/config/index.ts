/**
 * The district's configuration (配置与版本), in one home: its schema (`settings.ts`), the
 * templates a district starts from, reading it (`get`, the tier view `tiers`), and changing it.
 * A district admin changes whole sections of the settings; every change is a version with who,
 * when and what; the history can be read and an earlier version restored. Every change (of any
 * section, the tiers included) goes through `change` after the same checks: valid as a whole,
 * holding together, and not breaking existing data (each domain checks its own records: see
 * `domains.ts`).
 */
import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useActor, useTenant } from "../actor.ts";
import { auditEntities, auditOperation } from "../audit/index.ts";
import { ConflictError, InputError, NotFoundError, type ErrorDetail } from "../error.ts";
import { writeTransaction, type WriteOps } from "../storage/transaction.ts";
import { now as clockNow } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { page, PageInput, type Page } from "../util/page.ts";
import type { Assert, Equal, Nullable } from "../util/record.ts";
import { breakingChanges, lookup } from "./domains.ts";
import { configEntities, ConfigVersionEntity, DistrictConfigEntity } from "./config.entity.ts";
import {
  AccessSettings,
  RegisterSettings,
  DistrictConfig,
  DistrictSettings,
  GovernanceSettings,
  MapSettingsChange,
  Terminology,
  TERRITORIAL,
  TicketSettings,
  type MechanismKey,
} from "./settings.ts";

export * from "./settings.ts";
export { template, templates, TemplateName } from "./template.ts";
export { breakingChanges, checkConfigChanges, provideConfigLookup, type BreakingCheck } from "./domains.ts";
export { configEntities, ConfigVersionEntity, DistrictConfigEntity };

// ─── reading ────────────────────────────────────────────────────────────────

/** A stored configuration item as callers see it. */
export function configOf(item: EntityItem<typeof DistrictConfigEntity>): DistrictConfig {
  return DistrictConfig.parse({
    version: item.version,
    tiers: item.tiers,
    dedicatedKinds: item.dedicatedKinds,
    roles: item.roles,
    mechanisms: item.mechanisms,
    map: item.map ?? undefined,
    tickets: item.tickets ?? undefined,
    governance: item.governance ?? undefined,
    terms: item.terms ?? undefined,
    access: item.access ?? undefined,
    register: item.register ?? undefined,
    updatedAt: item.updatedAt,
    updatedBy: item.updatedBy,
  });
}

/** The district's current configuration: the one reader (any user of the district may read it). */
export async function get(): Promise<DistrictConfig> {
  const tenantID = useTenant();
  const result = await DistrictConfigEntity.get({ tenantID }).go();
  if (!result.data) throw new NotFoundError("district.not_found", "This district has no configuration.");
  const config = configOf(result.data);
  remembered.set(tenantID, config);
  return config;
}

/** Per district, the configuration as this process last read it (see `rememberedOrRead`). */
const remembered = new Map<string, DistrictConfig>();

/**
 * The configuration as this process last read it, read only when it has none: for a write
 * that guards the version it used in its own transaction (`guardVersion`), so that a stale
 * copy cancels the write instead of deciding it (tickets' warm write path, ticket/guard.ts).
 */
export async function rememberedOrRead(): Promise<DistrictConfig> {
  return remembered.get(useTenant()) ?? get();
}

/** A ConditionCheck of the write's transaction: the configuration is still at `version`. */
export function guardVersion(ops: WriteOps<{ districtConfig: typeof DistrictConfigEntity }>, version: number) {
  return ops.districtConfig
    .check({ tenantID: useTenant() })
    .where((attr, op) => op.eq(attr.version, version))
    .commit();
}

const mechanismNames: Record<MechanismKey, string> = {
  tickets: "snap-and-report tickets (随手拍)",
  cadreSecondment: "cadre secondment (常态化下沉)",
  wishes: "micro-wishes (微心愿)",
  needsLists: "needs lists (问题清单·项目清单)",
  meetings: "meetings (议事会)",
  volunteers: "volunteers (志愿服务)",
  emergencyMode: "emergency mode (平急切换)",
  register: "the register (数据平台)",
};

/**
 * The configuration, if the district has switched `mechanism` on; otherwise a 404
 * `mechanism.off` (the portal hides what is off, the API answers as if it were not there).
 */
export async function requireMechanism(mechanism: MechanismKey): Promise<DistrictConfig> {
  const config = await get();
  if (!config.mechanisms[mechanism])
    throw new NotFoundError("mechanism.off", `This district has not switched on ${mechanismNames[mechanism]}.`);
  return config;
}

/** The tier view of the configuration: its version, tiers and dedicated kinds. */
export async function tiers() {
  const config = await get();
  return { version: config.version, tiers: config.tiers, dedicatedKinds: config.dedicatedKinds };
}

/**
 * The first version of a new district's configuration, as operations of the onboarding's own
 * transaction: the current configuration and its history's first entry (every section new).
 */
export function firstVersion(ops: WriteOps<typeof configEntities>, tenantID: string, settings: DistrictSettings, at: string, by: string) {
  return [
    ops.districtConfig.create({ tenantID, version: 1, ...settings, updatedAt: at, updatedBy: by }).commit(),
    ops.configVersion
      .create({
        tenantID,
        version: 1,
        settings: DistrictSettings.parse(settings),
        createdAt: at,
        createdBy: by,
        sections: [...SettingsSections],
      })
      .commit(),
  ];
}

// ─── versions ───────────────────────────────────────────────────────────────

/** One version of the configuration in the history. */
export const ConfigVersion = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** The district user's name; null when the operator or a script made it. */
  createdByName: z.string().nullable(),
  /** The sections that changed (every section for the first version). */
  sections: z.array(z.string()),
  note: z.string().nullable(),
  /** The version this one restores, if it is a rollback. */
  rollbackOf: z.number().int().nullable(),
});
export type ConfigVersion = z.infer<typeof ConfigVersion>;

/** A version with the whole settings it made. */
export const ConfigVersionDetail = ConfigVersion.extend({ settings: DistrictSettings });
export type ConfigVersionDetail = z.infer<typeof ConfigVersionDetail>;

/** A version as stored, without its key and its settings (a list reads only these). */
type ConfigVersionItem = Omit<EntityItem<typeof ConfigVersionEntity>, "tenantID" | "settings">;
type _ConfigVersion = Assert<Equal<ConfigVersion, Nullable<ConfigVersionItem>>>;

function toVersion(item: ConfigVersionItem): ConfigVersion {
  return {
    version: item.version,
    createdAt: item.createdAt,
    createdBy: item.createdBy,
    createdByName: item.createdByName ?? null,
    sections: item.sections ?? [],
    note: item.note ?? null,
    rollbackOf: item.rollbackOf ?? null,
  };
}

const shape = DistrictSettings.shape;

/** The sections a change replaces, each whole; sections left out stay as they are. */
export const ConfigChanges = z.strictObject({
  tiers: shape.tiers.optional(),
  dedicatedKinds: shape.dedicatedKinds.optional(),
  roles: shape.roles.optional(),
  mechanisms: shape.mechanisms.optional(),
  map: MapSettingsChange.optional(),
  tickets: TicketSettings.optional(),
  governance: GovernanceSettings.optional(),
  terms: Terminology.optional(),
  access: AccessSettings.optional(),
  register: RegisterSettings.optional(),
});
export type ConfigChanges = z.infer<typeof ConfigChanges>;

const Note = z.string().trim().max(500);

export const UpdateConfigInput = z.object({
  /** The version the change was made on; another admin's change meanwhile makes it a 409. */
  expectedVersion: z.number().int().min(1),
  note: Note.optional(),
  changes: ConfigChanges,
});
export type UpdateConfigInput = z.input<typeof UpdateConfigInput>;

export const RollbackInput = z.object({
  /** The version whose settings to restore. */
  toVersion: z.number().int().min(1),
  expectedVersion: z.number().int().min(1),
  note: Note.optional(),
});
export type RollbackInput = z.input<typeof RollbackInput>;

/** Reads the same everywhere: keys unique per list, references point at what exists. */
async function crossCheck(settings: DistrictSettings): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  const { departments, categories, routingRules, workingHours } = settings.tickets;
  const unique = (items: { key: string }[], path: string, label: string) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.key)) problems.push({ path: `${path}.${index}.key`, message: `duplicate ${label} key ${item.key}` });
      seen.add(item.key);
    });
  };
  unique(departments, "tickets.departments", "department");
  unique(categories, "tickets.categories", "category");
  const departmentKeys = new Set(departments.map((department) => department.key));
  const categoryKeys = new Set(categories.map((category) => category.key));
  categories.forEach((category, index) => {
    if (category.departmentKey !== null && !departmentKeys.has(category.departmentKey))
      problems.push({
        path: `tickets.categories.${index}.departmentKey`,
        message: `there is no department ${category.departmentKey} (null: the grid handles it, 属地)`,
      });
  });
  const gridIDs = [...new Set(routingRules.map((rule) => rule.gridID))];
  const grids = gridIDs.length ? await lookup("existingGrids")(gridIDs) : new Set<string>();
  const rules = new Set<string>();
  routingRules.forEach((rule, index) => {
    const path = `tickets.routingRules.${index}`;
    if (!categoryKeys.has(rule.categoryKey))
      problems.push({ path: `${path}.categoryKey`, message: `there is no category ${rule.categoryKey}` });
    if (rule.departmentKey !== TERRITORIAL && !departmentKeys.has(rule.departmentKey))
      problems.push({ path: `${path}.departmentKey`, message: `there is no department ${rule.departmentKey}` });
    if (!grids.has(rule.gridID)) problems.push({ path: `${path}.gridID`, message: `there is no grid ${rule.gridID} in this district` });
    const key = `${rule.categoryKey}|${rule.gridID}`;
    if (rules.has(key)) problems.push({ path, message: `a second rule for category ${rule.categoryKey} on grid ${rule.gridID}` });
    rules.add(key);
  });
  if (workingHours.startHour >= workingHours.endHour)
    problems.push({ path: "tickets.workingHours.endHour", message: "the working day must end after it starts" });
  return problems;
}

/**
 * The settings a change would make, validated as a whole (field paths under `prefix`), then
 * cross-checked; then refused with `config.breaking` if it would break existing data.
 */
async function vet(current: DistrictConfig, merged: unknown, prefix: string): Promise<DistrictSettings> {
  const at = (path: string | (string | number | symbol)[]) =>
    [prefix, ...(Array.isArray(path) ? path.map(String) : [path])].filter(Boolean).join(".");
  const parsed = DistrictSettings.safeParse(merged);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ path: at(issue.path), message: issue.message }));
    throw new InputError(
      "input.invalid",
      `The configuration is not valid: ${details.map((detail) => `${detail.path}: ${detail.message}`).join("; ")}.`,
      details,
    );
  }
  const problems = await crossCheck(parsed.data);
  if (problems.length) {
    const details = problems.map((problem) => ({ path: at(problem.path), message: problem.message }));
    throw new InputError(
      "input.invalid",
      `The configuration does not hold together: ${details.map((detail) => `${detail.path}: ${detail.message}`).join("; ")}.`,
      details,
    );
  }
  const reasons = await breakingChanges(settingsOf(current), parsed.data);
  if (reasons.length)
    throw new ConflictError(
      "config.breaking",
      `This change would break existing data: ${reasons.map((reason) => reason.message).join("; ")}.`,
      reasons.map((reason) => ({ path: at(reason.path), message: reason.message })),
    );
  return parsed.data;
}

/**
 * Replaces whole sections of the configuration (district admin), as a new version: refused
 * with 400 if the result is not valid, 409 `config.version` if it changed meanwhile, 409
 * `config.breaking` (one reason each) if it would break existing data.
 */
export const update = fn(UpdateConfigInput, async (input) => {
  assertRole("district_admin");
  return change((current) => vet(current, { ...settingsOf(current), ...input.changes }, "changes"), input.expectedVersion, {
    note: input.note,
  });
});

/** The configuration's versions, newest first (district admin). */
export const listVersions = fn(PageInput, async (input): Promise<Page<ConfigVersion>> => {
  assertRole("district_admin");
  const query = ConfigVersionEntity.query.primary({ tenantID: useTenant() });
  const attributes = ["version", "createdAt", "createdBy", "createdByName", "sections", "note", "rollbackOf"] as const;
  const result = await page({ go: (options) => query.go({ ...options, attributes: [...attributes] }) }, input, "desc");
  return { items: result.items.map(toVersion), cursor: result.cursor };
});

async function load(version: number): Promise<ConfigVersionDetail> {
  const result = await ConfigVersionEntity.get({ tenantID: useTenant(), version }).go();
  if (!result.data) throw new NotFoundError("config.version_not_found", `There is no version ${version} of this district's configuration.`);
  return { ...toVersion(result.data), settings: DistrictSettings.parse(result.data.settings) };
}

/** One version with the whole settings it made (district admin). */
export const getVersion = fn(z.coerce.number().int().min(1), async (version) => {
  assertRole("district_admin");
  return load(version);
});

/**
 * Restores an earlier version's settings as a new version (district admin), after the same
 * checks as a change: e.g. going back to a version without a tier that holds grids now is refused.
 */
export const rollback = fn(RollbackInput, async (input) => {
  assertRole("district_admin");
  const target = await load(input.toVersion);
  return change((current) => vet(current, target.settings, "settings"), input.expectedVersion, {
    note: input.note,
    rollbackOf: input.toVersion,
  });
});

// ─── changing ───────────────────────────────────────────────────────────────

/** The sections of the settings, each replaced whole by a change (`tiers`, `tickets` …). */
export const SettingsSection = DistrictSettings.keyof();
export type SettingsSection = z.infer<typeof SettingsSection>;
export const SettingsSections = SettingsSection.options;

/** The settings of a configuration (without its version stamp). */
export function settingsOf(config: DistrictConfig): DistrictSettings {
  return Object.fromEntries(SettingsSections.map((section) => [section, config[section]])) as DistrictSettings;
}

/** JSON with object keys sorted, so that equal settings compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** The sections in which two settings differ. */
export function changedSections(before: DistrictSettings, after: DistrictSettings): SettingsSection[] {
  return SettingsSections.filter((section) => canonical(before[section]) !== canonical(after[section]));
}

/** The name of the district user acting, for the history (null for the operator, scripts …). */
async function actorName(): Promise<string | null> {
  const actor = useActor();
  if (actor.type !== "user") return null;
  return lookup("userName")(actor.userID);
}

export interface ChangeOptions {
  /** Why, in the admin's words: shown in the history. */
  note?: string;
  /** The version whose settings this change restores (a rollback). */
  rollbackOf?: number;
}

/**
 * Replaces parts of the configuration, conditional on the version read, so two admins
 * cannot overwrite each other's change unknowingly. One transaction writes the new current
 * configuration, its version in the history (who, when, which sections) and the audit entry.
 * A change that changes nothing writes nothing and returns the configuration as it is.
 */
export async function change(
  changeOf: (config: DistrictConfig) => Partial<DistrictSettings> | Promise<Partial<DistrictSettings>>,
  expectedVersion?: number,
  options: ChangeOptions = {},
): Promise<DistrictConfig> {
  assertRole("district_admin");
  const tenantID = useTenant();
  const current = await get();
  if (expectedVersion !== undefined && expectedVersion !== current.version)
    throw new ConflictError(
      "config.version",
      `The configuration is at version ${current.version}, not ${expectedVersion}; reload and try again.`,
    );
  const next = DistrictSettings.parse({ ...settingsOf(current), ...(await changeOf(current)) });
  const sections = changedSections(settingsOf(current), next);
  if (sections.length === 0) return current;
  const version = current.version + 1;
  const updatedAt = clockNow().toISOString();
  const updatedBy = actorID();
  const createdByName = await actorName();
  const rollback = options.rollbackOf !== undefined;
  const note = options.note?.trim() || undefined;
  const result = await writeTransaction({ ...configEntities, ...auditEntities }, (ops) => [
    ops.districtConfig
      .patch({ tenantID })
      .set({ ...next, version, updatedAt, updatedBy })
      .where((attr, op) => op.eq(attr.version, current.version))
      .commit(),
    ops.configVersion
      .create({
        tenantID,
        version,
        settings: next,
        createdAt: updatedAt,
        createdBy: updatedBy,
        sections,
        ...(createdByName ? { createdByName } : {}),
        ...(note ? { note } : {}),
        ...(rollback ? { rollbackOf: options.rollbackOf } : {}),
      })
      .commit(),
    auditOperation(ops, {
      action: rollback ? "config.rolled_back" : "config.updated",
      subjectID: "config",
      summary: rollback
        ? `Configuration version ${version} restores version ${options.rollbackOf} (${sections.join(", ")})${note ? `: ${note}` : ""}`
        : `Configuration version ${version}: ${sections.join(", ")} changed${note ? `: ${note}` : ""}`,
      details: { version, previousVersion: current.version, sections, note: note ?? null, rollbackOf: options.rollbackOf ?? null },
    }),
  ]).go();
  if (result.canceled) throw new ConflictError("config.version", "The configuration changed meanwhile; reload and try again.");
  remembered.delete(tenantID);
  return { ...next, version, updatedAt, updatedBy };
}

export const TierConfigInput = z.object({
  tiers: DistrictSettings.shape.tiers,
  dedicatedKinds: DistrictSettings.shape.dedicatedKinds,
  expectedVersion: z.number().int().optional(),
});

/**
 * Changes the tiers and dedicated kinds (district admin): a change of those two sections, with
 * the same checks and errors as any other (400 with field paths if the settings would not hold
 * together, 409 `config.breaking` naming the grids in the way).
 */
export const updateTiers = fn(TierConfigInput, async (input) => {
  assertRole("district_admin");
  const next = await change(
    (current) => vet(current, { ...settingsOf(current), tiers: input.tiers, dedicatedKinds: input.dedicatedKinds }, ""),
    input.expectedVersion,
  );
  return { version: next.version, tiers: next.tiers, dedicatedKinds: next.dedicatedKinds };
});
