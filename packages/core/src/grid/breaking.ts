import { useTenant } from "../actor.ts";
import { checkConfigChanges, codes, count, provideConfigLookup, SHOWN } from "../config/domains.ts";
import type { DistrictSettings } from "../config/settings.ts";
import type { ErrorDetail } from "../error.ts";
import { GridEntity, GridSetEntity } from "./grid.entity.ts";

/**
 * Tiers and dedicated kinds: a tier level that would disappear while it holds active grids, a
 * dedicated kind removed while it does. Names the grids in the way (and counts them).
 */
export async function gridBreaks(
  current: Pick<DistrictSettings, "tiers" | "dedicatedKinds">,
  next: Pick<DistrictSettings, "tiers" | "dedicatedKinds">,
): Promise<ErrorDetail[]> {
  const tenantID = useTenant();
  const found: ErrorDetail[] = [];
  const gone = current.tiers.filter((tier) => tier.level > next.tiers.length);
  const removedKinds = current.dedicatedKinds.filter((kind) => !next.dedicatedKinds.some((other) => other.key === kind.key));
  if (!gone.length && !removedKinds.length) return found;
  const set = (await GridSetEntity.get({ tenantID }).go()).data as Record<string, number> | null;
  for (const tier of gone) {
    const held = await GridEntity.query
      .byTier({ tenantID, tierKey: String(tier.level) })
      .where((attr, op) => op.eq(attr.status, "active"))
      .go({ limit: SHOWN, attributes: ["code"] });
    if (!held.data.length) continue;
    const total = held.cursor ? Math.max(set?.[`tier${tier.level}`] ?? 0, held.data.length) : held.data.length;
    found.push({
      path: "tiers",
      message: `tier ${tier.level} (${tier.nameZh}) still holds ${count(total, "grid")}: ${codes(held.data, Boolean(held.cursor))}`,
    });
  }
  if (removedKinds.length) {
    const dedicated = await GridEntity.query
      .byTier({ tenantID, tierKey: "dedicated" })
      .where((attr, op) => op.eq(attr.status, "active"))
      .go({ pages: "all", attributes: ["code", "dedicatedKind"] });
    for (const kind of removedKinds) {
      const held = dedicated.data.filter((grid) => grid.dedicatedKind === kind.key);
      if (held.length)
        found.push({
          path: "dedicatedKinds",
          message: `dedicated kind ${kind.key} (${kind.nameZh}) still holds ${count(held.length, "grid")}: ${codes(held, false)}`,
        });
    }
  }
  return found;
}

/** A configuration change may not take away a tier or dedicated kind that holds active grids. */
checkConfigChanges("grid", gridBreaks);

/** Routing rules name grids: the configuration asks which of them exist. */
provideConfigLookup("existingGrids", async (gridIDs) => {
  const tenantID = useTenant();
  const found = await GridEntity.get(gridIDs.map((gridID) => ({ tenantID, gridID }))).go({ attributes: ["gridID"] });
  return new Set(found.data.map((grid) => grid.gridID));
});
