/**
 * `npm run identity:reconcile` against cognito-local (see packages/core/src/identity/cognito.test.ts
 * for what cognito-local cannot show): records made through the core with the Cognito directory,
 * drift made behind the product's back, then the script's report and repair.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { type Actor, Onboarding, Province, User, withActor } from "@wangge/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CognitoLocal, createPool, startCognitoLocal } from "../packages/core/src/identity/cognito-local.test-support.ts";
import { CognitoDirectory } from "../packages/core/src/identity/cognito.ts";
import { setDirectory } from "../packages/core/src/identity/directory.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..");
let local: CognitoLocal;
let userPoolID: string;
let adminID: string;
let workerID: string;
let residentID: string;

async function reconcile(...args: string[]) {
  const env = {
    ...process.env,
    USER_POOL_ID: userPoolID,
    COGNITO_ENDPOINT: local.endpoint,
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
  };
  try {
    const { stdout, stderr } = await run(join(root, "node_modules/.bin/tsx"), ["scripts/identity-reconcile.ts", ...args], {
      cwd: root,
      env,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, out: failure.stdout + failure.stderr };
  }
}

beforeAll(async () => {
  local = await startCognitoLocal();
  ({ userPoolID } = await createPool(local.client));
  setDirectory(
    new CognitoDirectory({
      userPoolID,
      endpoint: local.endpoint,
      invitations: false,
      client: { region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } },
    }),
  );
  await withActor({ type: "operator", userID: "op" }, async () => {
    await Province.create({ provinceID: "fujian", nameZh: "福建省", nameEn: "Fujian" });
    const onboarded = await Onboarding.onboard({
      slug: "shunchang",
      nameZh: "顺昌县",
      nameEn: "Shunchang",
      provinceID: "fujian",
      cityZh: "南平市",
      cityEn: "Nanping",
      template: "minimal",
      admin: { name: "郑管理员", phone: "13600000201" },
    });
    adminID = onboarded.admin.userID;
  });
  const admin: Actor.Actor = { type: "user", userID: adminID, tenantID: "shunchang", roles: ["district_admin"] };
  await withActor(admin, async () => {
    workerID = (await User.inviteUser({ name: "吴网格", phone: "13600000202", roles: ["cadre"] })).userID;
    residentID = (await User.inviteUser({ name: "冯居民", phone: "13600000203", roles: ["resident"] })).userID;
  });
});
afterAll(async () => {
  setDirectory(undefined);
  await local?.stop();
});

describe("identity:reconcile", () => {
  it("finds nothing when the accounts followed the records", async () => {
    const result = await reconcile();
    expect(result.out).toContain("0 differences");
    expect(result.code).toBe(0);
  });

  it("reports drift (missing, extra, disabled, renamed) and exits 1; --repair puts the directory back in step", async () => {
    const pool = { UserPoolId: userPoolID };
    await local.client.send(new AdminDeleteUserCommand({ ...pool, Username: `shunchang.${workerID}` }));
    await local.client.send(new AdminDisableUserCommand({ ...pool, Username: `shunchang.${residentID}` }));
    await local.client.send(
      new AdminUpdateUserAttributesCommand({
        ...pool,
        Username: `shunchang.${adminID}`,
        UserAttributes: [
          { Name: "name", Value: "改过的名字" },
          { Name: "custom:tenant", Value: "elsewhere" },
        ],
      }),
    );
    await local.client.send(
      new AdminCreateUserCommand({
        ...pool,
        Username: "shunchang.user_ghost",
        MessageAction: "SUPPRESS",
        UserAttributes: [{ Name: "custom:user", Value: "user_ghost" }],
      }),
    );

    const report = await reconcile();
    expect(report.code, report.out).toBe(1);
    expect(report.out).toMatch(new RegExp(`missing +shunchang\\.${workerID}`));
    expect(report.out).toMatch(new RegExp(`enabled +shunchang\\.${residentID}`));
    expect(report.out).toMatch(new RegExp(`attributes +shunchang\\.${adminID} .*\\(name, custom:tenant/custom:user\\)`));
    expect(report.out).toMatch(/extra +shunchang\.user_ghost/);
    expect(report.out).toContain("4 differences");

    const repaired = await reconcile("--repair");
    expect(repaired.code, repaired.out).toBe(0);
    expect(repaired.out).toContain("Repaired");
    expect((await reconcile()).out).toContain("0 differences");

    const worker = await local.client.send(new AdminGetUserCommand({ ...pool, Username: `shunchang.${workerID}` }));
    expect(worker.UserAttributes?.find((attribute) => attribute.Name === "custom:user")?.Value).toBe(workerID);
    const admin = await local.client.send(new AdminGetUserCommand({ ...pool, Username: `shunchang.${adminID}` }));
    expect(admin.UserAttributes?.find((attribute) => attribute.Name === "custom:tenant")?.Value).toBe("shunchang");
    const resident = await local.client.send(new AdminGetUserCommand({ ...pool, Username: `shunchang.${residentID}` }));
    expect(resident.Enabled).toBe(true);
  });
});
