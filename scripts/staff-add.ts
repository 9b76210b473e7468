/**
 * `npm run staff:add -- --kind operator --name 林运营 --email ops@example.cn [--phone 13800000000]`
 * `npm run staff:add -- --kind province --province fujian --name 陈省 --email chen@fj.example.cn`
 *
 * Adds a member of platform staff: the record and, on AWS (`USER_POOL_ID` and `TABLE_NAME` set,
 * with AWS credentials), their Cognito account, which receives Cognito's invitation with a
 * temporary password. This is how the first operator comes to exist; district admins come from
 * onboarding (`npm run onboard`, or the operator's portal), everyone else from their district.
 */
import { parseArgs } from "node:util";
import { localSettings } from "./lib/env.ts";

const { values } = parseArgs({
  options: {
    kind: { type: "string", default: "operator" },
    name: { type: "string" },
    province: { type: "string" },
    email: { type: "string" },
    phone: { type: "string" },
  },
});

if (!process.env.USER_POOL_ID) localSettings();
const { User, VisibleError, withActor } = await import("@wangge/core");
const { ZodError } = await import("zod");

try {
  const added = await withActor({ type: "system" }, () =>
    User.addStaff({
      kind: values.kind as "operator" | "province",
      name: values.name ?? "",
      provinceID: values.province,
      email: values.email,
      phone: values.phone,
    }),
  );
  console.log(`Added ${added.name} (${added.kind}${added.provinceID ? `, ${added.provinceID}` : ""}): ${added.userID}`);
} catch (error) {
  if (error instanceof ZodError) {
    for (const issue of error.issues) console.error(`  --${issue.path.join(".") || "input"}: ${issue.message}`);
    process.exit(2);
  }
  if (error instanceof VisibleError) {
    console.error(`${error.code}: ${error.message}`);
    process.exit(3);
  }
  throw error;
}
