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
