import { z } from "zod";
import { useActor } from "../actor.ts";
import { Slug } from "../actor-schemas.ts";
import * as Config from "../config/index.ts";
import { NotFoundError } from "../error.ts";
import { fn } from "../util/fn.ts";
import { page, PageInput, type Page } from "../util/page.ts";
import { ProvinceEntity } from "../province/province.entity.ts";
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

/**
 * One live district as anyone may see it before signing in (区县名录): its names and where it is,
 * enough to pick one's own from a list. The slug is what links and the API use; the portal shows the names.
 */
export const DirectoryEntry = z.object({
  slug: Slug,
  nameZh: z.string(),
  nameEn: z.string(),
  cityZh: z.string(),
  provinceZh: z.string(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

/**
 * The public directory of districts: every active district's names, city and province, sorted by
 * province then city then Chinese name. Suspended districts are left out. Nothing else of a
 * district (no counts, no settings) is in it, so it needs no actor.
 */
export const directory = fn(z.object({}), async () => {
  // Districts are few (a province has about a hundred): the whole index, every page.
  const [districts, provinces] = await Promise.all([
    DistrictEntity.query
      .directory({})
      .go({ pages: "all" })
      .then((result) => result.data),
    ProvinceEntity.query
      .directory({})
      .go({ pages: "all" })
      .then((result) => result.data),
  ]);
  const provinceZh = new Map(provinces.map((province) => [province.provinceID, province.nameZh]));
  const items = districts
    .filter((district) => district.status === "active")
    .map((district) =>
      DirectoryEntry.parse({
        slug: district.tenantID,
        nameZh: district.nameZh,
        nameEn: district.nameEn,
        cityZh: district.cityZh,
        provinceZh: provinceZh.get(district.provinceID) ?? "",
      }),
    );
  const order = (entry: DirectoryEntry) => [entry.provinceZh, entry.cityZh, entry.nameZh];
  items.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let index = 0; index < x.length; index++) {
      const compared = x[index].localeCompare(y[index], "zh-CN");
      if (compared) return compared;
    }
    return 0;
  });
  return { items };
});

export { DistrictEntity };
