/**
 * The district's versioned configuration (配置与版本): a district admin changes whole sections
 * of the settings, every change is a version with who, when and what; the history can be read
 * and an earlier version restored. Changes that would break existing data are refused with
 * each reason (see `breaking.ts`).
 */
import { z } from "zod";
import { assertRole, useTenant } from "../actor.ts";
import {
  AccessSettings,
  changeConfig,
  currentConfig,
  DistrictSettings,
  GovernanceSettings,
  MapSettings,
  settingsOf,
  Terminology,
  TERRITORIAL,
  TicketSettings,
  type DistrictConfig,
} from "../district/index.ts";
import { ConflictError, InputError, NotFoundError, type ErrorDetail } from "../error.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { fn } from "../util/fn.ts";
import { page, PageInput, type Page } from "../util/page.ts";
import { breakingChanges, gridBreaks } from "./breaking.ts";
import { ConfigVersionEntity } from "./config.entity.ts";

export { breakingChanges, gridBreaks, ConfigVersionEntity };

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

function toVersion(item: Record<string, any>): ConfigVersion {
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
  map: MapSettings.optional(),
  tickets: TicketSettings.optional(),
  governance: GovernanceSettings.optional(),
  terms: Terminology.optional(),
  access: AccessSettings.optional(),
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
      problems.push({ path: `tickets.categories.${index}.departmentKey`, message: `there is no department ${category.departmentKey} (null: the grid handles it, 属地)` });
  });
  const gridIDs = [...new Set(routingRules.map((rule) => rule.gridID))];
  const tenantID = useTenant();
  const found = gridIDs.length ? (await GridEntity.get(gridIDs.map((gridID) => ({ tenantID, gridID }))).go({ attributes: ["gridID"] })).data : [];
  const grids = new Set(found.map((grid) => grid.gridID));
  const rules = new Set<string>();
  routingRules.forEach((rule, index) => {
    const path = `tickets.routingRules.${index}`;
    if (!categoryKeys.has(rule.categoryKey)) problems.push({ path: `${path}.categoryKey`, message: `there is no category ${rule.categoryKey}` });
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
  const at = (path: string | (string | number | symbol)[]) => [prefix, ...(Array.isArray(path) ? path.map(String) : [path])].filter(Boolean).join(".");
  const parsed = DistrictSettings.safeParse(merged);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ path: at(issue.path), message: issue.message }));
    throw new InputError("input.invalid", `The configuration is not valid: ${details.map((detail) => `${detail.path}: ${detail.message}`).join("; ")}.`, details);
  }
  const problems = await crossCheck(parsed.data);
  if (problems.length) {
    const details = problems.map((problem) => ({ path: at(problem.path), message: problem.message }));
    throw new InputError("input.invalid", `The configuration does not hold together: ${details.map((detail) => `${detail.path}: ${detail.message}`).join("; ")}.`, details);
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

/** The district's current configuration: any user of the district may read it. */
export async function get(): Promise<DistrictConfig> {
  return currentConfig();
}

/**
 * Replaces whole sections of the configuration (district admin), as a new version: refused
 * with 400 if the result is not valid, 409 `config.version` if it changed meanwhile, 409
 * `config.breaking` (one reason each) if it would break existing data.
 */
export const update = fn(UpdateConfigInput, async (input) => {
  assertRole("district_admin");
  return changeConfig((current) => vet(current, { ...settingsOf(current), ...input.changes }, "changes"), input.expectedVersion, { note: input.note });
});

/** The configuration's versions, newest first (district admin). */
export const listVersions = fn(PageInput, async (input): Promise<Page<ConfigVersion>> => {
  assertRole("district_admin");
  const query = ConfigVersionEntity.query.primary({ tenantID: useTenant() });
  const attributes = ["version", "createdAt", "createdBy", "createdByName", "sections", "note", "rollbackOf"] as const;
  const result = await page<Record<string, unknown>>(
    { go: (options) => query.go({ ...options, attributes: [...attributes] }) as never },
    input,
    "desc",
  );
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
  return changeConfig((current) => vet(current, target.settings, "settings"), input.expectedVersion, { note: input.note, rollbackOf: input.toVersion });
});
