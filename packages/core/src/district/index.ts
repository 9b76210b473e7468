import { z } from "zod";
import { actorID, assertOperator, assertRole, Slug, useActor, useTenant } from "../actor.ts";
import { auditEntities, auditOperation } from "../audit/index.ts";
import { ConfigVersionEntity } from "../config/config.entity.ts";
import { ProvinceEntity } from "../province/province.entity.ts";
import { UserClaimEntity, UserEntity } from "../user/user.entity.ts";
import { now as clockNow } from "../util/clock.ts";
import { ConflictError, InputError, NotFoundError } from "../error.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { fn } from "../util/fn.ts";
import { page, PageInput, type Page } from "../util/page.ts";
import { newID } from "../util/id.ts";
import { Phone } from "../util/schemas.ts";
import { claimOf } from "../user/user.entity.ts";
import { DistrictConfig, DistrictSettings, type MechanismKey } from "./config.ts";
import { DistrictCollection, DistrictConfigEntity, DistrictEntity } from "./district.entity.ts";
import { template, TemplateName } from "./template.ts";

export * from "./config.ts";
export { template, templates, TemplateName } from "./template.ts";

/** A district (区/县) as callers see it. */
export const District = z.object({
  tenantID: Slug,
  nameZh: z.string(),
  nameEn: z.string(),
  provinceID: Slug,
  cityZh: z.string(),
  cityEn: z.string(),
  status: z.enum(["active", "suspended"]),
  createdAt: z.string(),
});
export type District = z.infer<typeof District>;


export const OnboardInput = z.object({
  slug: Slug.refine((slug) => !ReservedSlugs.has(slug), "this slug is reserved"),
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(80),
  provinceID: Slug,
  cityZh: z.string().trim().min(1).max(40),
  cityEn: z.string().trim().min(1).max(80),
  template: TemplateName.default("jianyang"),
  /** Overrides the template's settings where given. */
  settings: DistrictSettings.optional(),
  admin: z.object({
    name: z.string().trim().min(1).max(40),
    phone: Phone,
  }),
});
export type OnboardInput = z.input<typeof OnboardInput>;

const ReservedSlugs = new Set(["platform", "admin", "api", "system", "public", "province", "operator"]);

function toDistrict(item: Record<string, unknown>): District {
  return District.parse({
    tenantID: item.tenantID,
    nameZh: item.nameZh,
    nameEn: item.nameEn,
    provinceID: item.provinceID,
    cityZh: item.cityZh,
    cityEn: item.cityEn,
    status: item.status,
    createdAt: item.createdAt,
  });
}

function toConfig(item: Record<string, unknown>): DistrictConfig {
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
    updatedAt: item.updatedAt,
    updatedBy: item.updatedBy,
  });
}

/**
 * Onboards a district: the tenant, its configuration (from a template) and its first
 * district admin, in one DynamoDB transaction. The same slug twice is a conflict.
 */
export const onboard = fn(OnboardInput, async (input) => {
  assertOperator();
  const province = await ProvinceEntity.get({ provinceID: input.provinceID }).go();
  if (!province.data)
    throw new InputError("province.not_found", `There is no province "${input.provinceID}".`, [
      { path: "provinceID", message: "unknown province" },
    ]);
  const settings = input.settings ?? template(input.template);
  const now = new Date().toISOString();
  const by = actorID();
  const adminID = newID("user");
  const result = await writeTransaction(
    { district: DistrictEntity, districtConfig: DistrictConfigEntity, configVersion: ConfigVersionEntity, user: UserEntity, userClaim: UserClaimEntity },
    ({ district, districtConfig, configVersion, user, userClaim }) => [
      district
        .create({
          tenantID: input.slug,
          nameZh: input.nameZh,
          nameEn: input.nameEn,
          provinceID: input.provinceID,
          cityZh: input.cityZh,
          cityEn: input.cityEn,
          status: "active",
          createdAt: now,
          createdBy: by,
        })
        .commit(),
      districtConfig
        .create({ tenantID: input.slug, version: 1, ...settings, updatedAt: now, updatedBy: by })
        .commit(),
      // The first version of the configuration's history (every section is new).
      configVersion
        .create({ tenantID: input.slug, version: 1, settings: DistrictSettings.parse(settings), createdAt: now, createdBy: by, sections: [...SettingsSections] })
        .commit(),
      user
        .create({
          tenantID: input.slug,
          userID: adminID,
          name: input.admin.name,
          phone: input.admin.phone,
          roles: ["district_admin"],
          status: "active",
          createdAt: now,
        })
        .commit(),
      // The admin's phone is taken in the new district.
      userClaim.create({ tenantID: input.slug, claim: claimOf.phone(input.admin.phone), userID: adminID, createdAt: now }).commit(),
    ])
    .go();
  if (result.canceled) {
    if (result.data[0]?.code === "ConditionalCheckFailed")
      throw new ConflictError("district.exists", `A district with the slug "${input.slug}" already exists.`);
    throw new ConflictError("district.onboard_failed", "Onboarding was refused by the database; nothing was written.");
  }
  return {
    district: District.parse({ ...input, tenantID: input.slug, status: "active", createdAt: now }),
    config: toConfig({ version: 1, ...settings, updatedAt: now, updatedBy: by }),
    admin: { userID: adminID, name: input.admin.name, roles: ["district_admin" as const] },
  };
});

/** Whether the current actor may see this district at all (else: not found, never a hint). */
function canSee(district: District): boolean {
  const actor = useActor();
  switch (actor.type) {
    case "operator":
      return true;
    case "system":
      return !actor.tenantID || actor.tenantID === district.tenantID;
    case "province":
      return actor.provinceID === district.provinceID;
    case "user":
      return actor.tenantID === district.tenantID;
    case "public":
      return false;
  }
}

/** A district with its configuration, read in one query (the `district` collection). */
export const get = fn(Slug, async (slug) => {
  const result = await DistrictCollection.collections.district({ tenantID: slug }).go();
  const [item] = result.data.district;
  const [config] = result.data.districtConfig;
  const notFound = new NotFoundError("district.not_found", `There is no district "${slug}" that you can see.`);
  if (!item || !config) throw notFound;
  const district = toDistrict(item);
  if (!canSee(district)) throw notFound;
  return { district, config: toConfig(config) };
});

/** The districts the actor may see: all (operator), a province's (provincial admin), its own (district user). */
export const list = fn(PageInput, async (input): Promise<Page<District>> => {
  const actor = useActor();
  let result: Page<Record<string, unknown>>;
  if (actor.type === "operator" || (actor.type === "system" && !actor.tenantID)) {
    result = await page(DistrictEntity.query.directory({}), input);
  } else if (actor.type === "province") {
    result = await page(DistrictEntity.query.byProvince({ provinceID: actor.provinceID }), input);
  } else if (actor.type === "user" || actor.type === "system") {
    const own = await DistrictEntity.get({ tenantID: actor.tenantID! }).go();
    result = { items: own.data ? [own.data] : [], cursor: null };
  } else {
    result = { items: [], cursor: null };
  }
  return { items: result.items.map(toDistrict), cursor: result.cursor };
});

export { DistrictEntity, DistrictConfigEntity };

/** The current district's configuration (any user of the district may read it). */
export async function currentConfig(): Promise<DistrictConfig> {
  const result = await DistrictConfigEntity.get({ tenantID: useTenant() }).go();
  if (!result.data) throw new NotFoundError("district.not_found", "This district has no configuration.");
  return toConfig(result.data);
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
  const config = await currentConfig();
  if (!config.mechanisms[mechanism])
    throw new NotFoundError("mechanism.off", `This district has not switched on ${mechanismNames[mechanism]}.`);
  return config;
}

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
  const result = await UserEntity.get({ tenantID: actor.tenantID, userID: actor.userID }).go();
  return result.data?.name ?? null;
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
export async function changeConfig(
  change: (config: DistrictConfig) => Partial<DistrictSettings> | Promise<Partial<DistrictSettings>>,
  expectedVersion?: number,
  options: ChangeOptions = {},
): Promise<DistrictConfig> {
  assertRole("district_admin");
  const tenantID = useTenant();
  const current = await currentConfig();
  if (expectedVersion !== undefined && expectedVersion !== current.version)
    throw new ConflictError("config.version", `The configuration is at version ${current.version}, not ${expectedVersion}; reload and try again.`);
  const next = DistrictSettings.parse({ ...settingsOf(current), ...(await change(current)) });
  const sections = changedSections(settingsOf(current), next);
  if (sections.length === 0) return current;
  const version = current.version + 1;
  const updatedAt = clockNow().toISOString();
  const updatedBy = actorID();
  const createdByName = await actorName();
  const rollback = options.rollbackOf !== undefined;
  const note = options.note?.trim() || undefined;
  const result = await writeTransaction({ configVersion: ConfigVersionEntity, districtConfig: DistrictConfigEntity, ...auditEntities }, (ops) => [
      ops.districtConfig
        .patch({ tenantID })
        .set({ ...next, version, updatedAt, updatedBy })
        .where((attr, op) => op.eq(attr.version, current.version))
        .commit(),
      ops.configVersion
        .create({
          tenantID, version, settings: next, createdAt: updatedAt, createdBy: updatedBy, sections,
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
    ])
    .go();
  if (result.canceled)
    throw new ConflictError("config.version", "The configuration changed meanwhile; reload and try again.");
  return { ...next, version, updatedAt, updatedBy };
}

export { ConfigVersionEntity };
