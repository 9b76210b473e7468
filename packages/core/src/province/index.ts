import { z } from "zod";
import { assertOperator } from "../actor.ts";
import { Slug } from "../actor-schemas.ts";
import { ConflictError } from "../error.ts";
import { fn } from "../util/fn.ts";
import { page, PageInput } from "../util/page.ts";
import { ProvinceEntity } from "./province.entity.ts";
import { isConditionalFailure } from "../storage/errors.ts";

/** A province (省) grouping districts. */
export const Province = z.object({
  provinceID: Slug,
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(80),
});
export type Province = z.infer<typeof Province>;

export const create = fn(Province, async (input) => {
  assertOperator();
  try {
    await ProvinceEntity.create(input).go();
  } catch (error) {
    if (isConditionalFailure(error))
      throw new ConflictError("province.exists", `A province with the ID "${input.provinceID}" already exists.`);
    throw error;
  }
  return input;
});

/** Provinces are public reference data (names only). */
export const list = fn(PageInput, async (input) => {
  const result = await page(ProvinceEntity.query.directory({}), input);
  return { items: result.items.map((item) => Province.parse(item)), cursor: result.cursor };
});

export { ProvinceEntity };
