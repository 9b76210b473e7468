import { z } from "zod";
import { Slug, useActor } from "../actor.ts";
import * as Config from "../config/index.ts";
import { NotFoundError } from "../error.ts";
import { fn } from "../util/fn.ts";
import { page, PageInput, type Page } from "../util/page.ts";
import { DistrictCollection, DistrictEntity } from "./district.entity.ts";

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
  return { district, config: Config.configOf(config) };
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

export { DistrictEntity };
