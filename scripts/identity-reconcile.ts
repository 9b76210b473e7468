/**
 * `npm run identity:reconcile [-- --repair]`
 *
 * Compares the sign-in directory with the district's records and prints the drift: accounts
 * missing from the directory, accounts no record calls for, enabled states and attributes
 * (name, phone, e-mail) that differ. With `--repair` it brings the directory in step with the
 * records (the records decide). Exit code 0 when nothing drifts (or all was repaired), 1 when
 * drift remains.
 *
 * The directory is the Cognito user pool when `USER_POOL_ID` is set (with AWS credentials, and
 * `TABLE_NAME` for the records; `COGNITO_ENDPOINT` for cognito-local); else the local stack,
 * where the records are the directory and nothing can drift.
 */
import { parseArgs } from "node:util";
import { localSettings } from "./lib/env.ts";

const { values } = parseArgs({ options: { repair: { type: "boolean", default: false } } });

if (!process.env.USER_POOL_ID) localSettings();
const { drift, repair } = await import("../packages/core/src/user/accounts.ts");
const { useDirectory, usernameOf } = await import("../packages/core/src/identity/directory.ts");

const directory = await useDirectory();
const found = await drift(directory);
if (found === null) {
  console.log(`The ${directory.kind} directory is the records themselves: nothing to reconcile.`);
  process.exit(0);
}
const describe: Record<(typeof found)[number]["kind"], string> = {
  missing: "in the records, not in the directory",
  extra: "in the directory, in no record",
  enabled: "enabled in one, disabled in the other",
  attributes: "attributes differ",
};
for (const item of found) {
  const detail =
    item.kind === "enabled"
      ? ` (records: ${item.account.enabled ? "enabled" : "disabled"}, directory: ${item.directory.enabled ? "enabled" : "disabled"})`
      : item.kind === "attributes"
        ? ` (${item.fields.join(", ")})`
        : "";
  console.log(`${item.kind.padEnd(10)} ${usernameOf(item.account)}  ${describe[item.kind]}${detail}`);
}
console.log(`${found.length} difference${found.length === 1 ? "" : "s"} between the records and the ${directory.kind} directory.`);
if (found.length && values.repair) {
  await repair(directory, found);
  const left = (await drift(directory)) ?? [];
  console.log(left.length ? `${left.length} left after the repair.` : "Repaired: the directory follows the records.");
  process.exit(left.length ? 1 : 0);
}
process.exit(found.length && !values.repair ? 1 : 0);
