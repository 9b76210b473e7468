/**
 * Pure rules about ticket categories, shared by the core and the portal (no imports that need
 * Node: the portal bundles this file).
 */
import type { Category } from "./settings.ts";

/** Categories private unless a district says otherwise: hardship, disputes, help for people in need, violence at home. */
const PrivateNature =
  /hardship|dispute|conflict|relief|assistance|welfare|domestic|mental|困难|纠纷|矛盾|调解|救助|低保|帮扶|家暴|心理|信访/i;

/** A category whose name or key says it is about people's private troubles. */
export function privateByNature(category: Pick<Category, "key" | "nameZh" | "nameEn">): boolean {
  return PrivateNature.test(`${category.key} ${category.nameZh} ${category.nameEn}`);
}

/** Whether a category's tickets are on the public Open311 list. */
export function isPublicCategory(category: Pick<Category, "key" | "nameZh" | "nameEn" | "public">): boolean {
  return category.public ?? !privateByNature(category);
}

/**
 * A key for a new entry (a category, a department) whose author left it blank: from its English
 * name where it has one (`Waste sorting` → `waste_sorting`), else `<kind>_<n>`; never one of
 * `taken`. Keys follow the settings' rule: a lowercase letter, then letters, digits, underscores.
 */
export function newKey(nameEn: string, taken: ReadonlySet<string>, kind = "category"): string {
  const slug = nameEn
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+|_+$/g, "")
    .slice(0, 36)
    .replace(/_+$/, "");
  const base = slug || kind;
  if (slug && !taken.has(slug)) return slug;
  for (let n = slug ? 2 : 1; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}
