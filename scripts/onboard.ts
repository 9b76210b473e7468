/**
 * `npm run onboard -- --slug guangze --name-zh 光泽县 --name-en "Guangze County" --province fujian
 *   --city-zh 南平市 --city-en Nanping --admin-name 李敏 --admin-phone 13700000001 [--template minimal]`
 *
 * Onboards a district (tenant, configuration, first admin: one transaction) into the stack
 * the environment points at (default: the local one; set TABLE_NAME and AWS credentials for AWS).
 */
import { parseArgs } from "node:util";
import { localSettings } from "./lib/env.ts";

const { values } = parseArgs({
  options: {
    slug: { type: "string" },
    "name-zh": { type: "string" },
    "name-en": { type: "string" },
    province: { type: "string" },
    "city-zh": { type: "string" },
    "city-en": { type: "string" },
    template: { type: "string", default: "jianyang" },
    "admin-name": { type: "string" },
    "admin-phone": { type: "string" },
    aws: { type: "boolean", default: false },
  },
});

if (!values.aws) localSettings();
const { Onboarding, VisibleError, withActor } = await import("@wangge/core");
const { ZodError } = await import("zod");

try {
  const result = await withActor({ type: "system" }, () =>
    Onboarding.onboard({
      slug: values.slug!,
      nameZh: values["name-zh"]!,
      nameEn: values["name-en"]!,
      provinceID: values.province!,
      cityZh: values["city-zh"]!,
      cityEn: values["city-en"]!,
      template: values.template as "jianyang" | "minimal",
      admin: { name: values["admin-name"]!, phone: values["admin-phone"]! },
    }),
  );
  console.log(
    `Onboarded ${result.district.nameZh} (${result.district.tenantID}); first admin ${result.admin.name}: ${result.admin.userID}`,
  );
} catch (error) {
  if (error instanceof ZodError) {
    const flags: Record<string, string> = {
      slug: "--slug",
      nameZh: "--name-zh",
      nameEn: "--name-en",
      provinceID: "--province",
      cityZh: "--city-zh",
      cityEn: "--city-en",
      template: "--template",
      "admin.name": "--admin-name",
      "admin.phone": "--admin-phone",
    };
    for (const issue of error.issues) {
      const path = issue.path.join(".");
      console.error(`  ${flags[path] ?? path}: ${issue.message}`);
    }
    process.exit(2);
  }
  if (error instanceof VisibleError) {
    console.error(`${error.code}: ${error.message}`);
    process.exit(error.kind === "conflict" ? 3 : 2);
  }
  throw error;
}
