import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useTenant } from "../actor.ts";
import { requireMechanism } from "../config/index.ts";
import { ConflictError, NotFoundError } from "../error.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal } from "../util/record.ts";
import { HomeUnitEntity } from "./cadre.entity.ts";
import { MECHANISM } from "./shared.ts";

// ─── home units ─────────────────────────────────────────────────────────────

export const UnitKind = z.enum(["government", "state_enterprise", "other"]);

/** A home unit (派出单位): a government body or state enterprise that seconds cadres. */
export const HomeUnit = z.object({ unitID: z.string(), name: z.string(), kind: UnitKind, createdAt: z.string() });
export type HomeUnit = z.infer<typeof HomeUnit>;

/** A home unit as stored; callers see it without the tenant and its author. */
type HomeUnitItem = EntityItem<typeof HomeUnitEntity>;
type _HomeUnit = Assert<Equal<HomeUnit, Omit<HomeUnitItem, "tenantID" | "createdBy">>>;

const toUnit = (item: HomeUnitItem): HomeUnit => ({ unitID: item.unitID, name: item.name, kind: item.kind, createdAt: item.createdAt });

export async function loadUnit(unitID: string): Promise<HomeUnit> {
  const result = await HomeUnitEntity.get({ tenantID: useTenant(), unitID }).go();
  if (!result.data) throw new NotFoundError("cadre.unit_not_found", `There is no home unit ${unitID} in this district.`);
  return toUnit(result.data);
}

/** Every home unit of the district (a district has tens, not thousands). */
export async function allHomeUnits(): Promise<HomeUnit[]> {
  const result = await HomeUnitEntity.query.primary({ tenantID: useTenant() }).go({ pages: "all" });
  return result.data.map(toUnit).sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

export const CreateHomeUnitInput = z.object({
  name: z.string().trim().min(1).max(60),
  kind: UnitKind.default("government"),
});

/** Adds a home unit; the name is unique in the district. */
export const createHomeUnit = fn(CreateHomeUnitInput, async (input) => {
  assertRole("district_admin");
  await requireMechanism(MECHANISM);
  if ((await allHomeUnits()).some((unit) => unit.name === input.name))
    throw new ConflictError("cadre.unit_exists", `There is already a home unit named ${input.name}.`);
  const item = {
    tenantID: useTenant(),
    unitID: newID("unit"),
    name: input.name,
    kind: input.kind,
    createdAt: now().toISOString(),
    createdBy: actorID(),
  };
  await HomeUnitEntity.create(item).go();
  return toUnit(item);
});

export const listHomeUnits = fn(PageInput, async (input) => {
  assertRole("district_admin", "grid_leader", "grid_worker", "cadre");
  await requireMechanism(MECHANISM);
  const result = await page(HomeUnitEntity.query.primary({ tenantID: useTenant() }), input);
  return { items: result.items.map(toUnit), cursor: result.cursor };
});
