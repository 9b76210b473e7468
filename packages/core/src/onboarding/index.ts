/**
 * Onboarding (入驻): a district signs up as a tenant. One transaction writes the district, the
 * first version of its configuration (from a template) and its first district admin, so a
 * district is either wholly there or not at all.
 */
import { z } from "zod";
import { actorID, assertOperator } from "../actor.ts";
import { Slug } from "../actor-schemas.ts";
import * as Config from "../config/index.ts";
import { District, DistrictEntity } from "../district/index.ts";
import { ConflictError, InputError } from "../error.ts";
import { ProvinceEntity } from "../province/province.entity.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { fn } from "../util/fn.ts";
import { accountOfUser, follow } from "../user/accounts.ts";
import { claimOf, UserClaimEntity, UserEntity } from "../user/user.entity.ts";
import { newID } from "../util/id.ts";
import { Phone } from "../util/schemas.ts";

export const OnboardInput = z.object({
  slug: Slug.refine((slug) => !ReservedSlugs.has(slug), "this slug is reserved"),
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(80),
  provinceID: Slug,
  cityZh: z.string().trim().min(1).max(40),
  cityEn: z.string().trim().min(1).max(80),
  template: Config.TemplateName.default("jianyang"),
  /** Overrides the template's settings where given. */
  settings: Config.DistrictSettings.optional(),
  admin: z.object({
    name: z.string().trim().min(1).max(40),
    phone: Phone,
  }),
});
export type OnboardInput = z.input<typeof OnboardInput>;

const ReservedSlugs = new Set(["platform", "admin", "api", "system", "public", "province", "operator"]);

/**
 * Onboards a district: the tenant, its configuration (from a template) and its first
 * district admin, in one DynamoDB transaction; then the admin's sign-in account (on AWS, in the
 * Cognito user pool). If the account cannot be made, the district is removed again (503). The
 * same slug twice is a conflict.
 */
export const onboard = fn(OnboardInput, async (input) => {
  assertOperator();
  const province = await ProvinceEntity.get({ provinceID: input.provinceID }).go();
  if (!province.data)
    throw new InputError("province.not_found", `There is no province "${input.provinceID}".`, [
      { path: "provinceID", message: "unknown province" },
    ]);
  const settings = input.settings ?? Config.template(input.template);
  const now = new Date().toISOString();
  const by = actorID();
  const adminID = newID("user");
  const result = await writeTransaction(
    { district: DistrictEntity, ...Config.configEntities, user: UserEntity, userClaim: UserClaimEntity },
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
      ...Config.firstVersion({ districtConfig, configVersion }, input.slug, settings, now, by),
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
    ],
  ).go();
  if (result.canceled) {
    if (result.data[0]?.code === "ConditionalCheckFailed")
      throw new ConflictError("district.exists", `A district with the slug "${input.slug}" already exists.`);
    throw new ConflictError("district.onboard_failed", "Onboarding was refused by the database; nothing was written.");
  }
  // The first admin's sign-in account; if the directory cannot make it, the district is not onboarded.
  const account = accountOfUser(input.slug, { userID: adminID, name: input.admin.name, phone: input.admin.phone, status: "active" });
  if (account)
    await follow(
      `creating the account of ${input.slug}'s first admin`,
      (directory) => directory.put(account),
      () =>
        writeTransaction(
          { district: DistrictEntity, ...Config.configEntities, user: UserEntity, userClaim: UserClaimEntity },
          ({ district, districtConfig, configVersion, user, userClaim }) => [
            district.delete({ tenantID: input.slug }).commit(),
            districtConfig.delete({ tenantID: input.slug }).commit(),
            configVersion.delete({ tenantID: input.slug, version: 1 }).commit(),
            user.delete({ tenantID: input.slug, userID: adminID }).commit(),
            userClaim.delete({ tenantID: input.slug, claim: claimOf.phone(input.admin.phone) }).commit(),
          ],
        ).go(),
    );
  return {
    district: District.parse({ ...input, tenantID: input.slug, status: "active", createdAt: now }),
    config: Config.DistrictConfig.parse({ version: 1, ...settings, updatedAt: now, updatedBy: by }),
    admin: { userID: adminID, name: input.admin.name, roles: ["district_admin" as const] },
  };
});
