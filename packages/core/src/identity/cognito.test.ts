/**
 * The Cognito adapter against cognito-local (a real Cognito API on this machine).
 *
 * What cognito-local cannot show, and so these tests do not claim:
 * - AdminUserGlobalSignOut / GlobalSignOut: not implemented there (it answers "unsupported
 *   feature"); the test below shows that the adapter asks for it by name, and that it is the
 *   only call whose effect is taken on trust from AWS's documentation (refresh tokens revoked).
 * - A disabled user can still sign in on cognito-local: disabling is checked through
 *   AdminGetUser (`Enabled: false`), not by a refused sign-in.
 * - SRP, custom auth, the managed login's pages, password policies and token lifetimes (its ID
 *   tokens last a day; the pool's 1 hour is asserted by the synth tests of `infra/auth.ts`).
 */
import {
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identityFromClaims } from "./claims.ts";
import { type CognitoLocal, createPool, startCognitoLocal } from "./cognito-local.test-support.ts";
import { CognitoDirectory, e164, mainland } from "./cognito.ts";
import type { DirectoryAccount } from "./directory.ts";

let local: CognitoLocal;
let userPoolID: string;
let clientID: string;
let directory: CognitoDirectory;

beforeAll(async () => {
  local = await startCognitoLocal();
  ({ userPoolID, clientID } = await createPool(local.client));
  directory = new CognitoDirectory({
    userPoolID,
    endpoint: local.endpoint,
    invitations: false,
    client: { region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } },
  });
});
afterAll(() => local?.stop());

async function pooled(username: string) {
  const user = await local.client.send(new AdminGetUserCommand({ UserPoolId: userPoolID, Username: username }));
  return {
    enabled: user.Enabled,
    attributes: Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value])),
  };
}

const worker: DirectoryAccount = { tenantID: "alpha", userID: "user_w1", name: "王网格", phone: "13800000011", enabled: true };

describe("the Cognito directory", () => {
  it("creates an account named after the district and user, with who-claims, an E.164 phone and verified aliases", async () => {
    await directory.put({ ...worker, email: "wang@alpha.cn" });
    const { enabled, attributes } = await pooled("alpha.user_w1");
    expect(enabled).toBe(true);
    expect(attributes).toMatchObject({
      "custom:tenant": "alpha",
      "custom:user": "user_w1",
      name: "王网格",
      phone_number: "+8613800000011",
      phone_number_verified: "true",
      email: "wang@alpha.cn",
      email_verified: "true",
    });
  });

  it("updates the attributes that changed and removes an e-mail the record no longer has; a second put changes nothing", async () => {
    await directory.put({ ...worker, name: "王二", phone: "13800000012" });
    await directory.put({ ...worker, name: "王二", phone: "13800000012" });
    const { attributes } = await pooled("alpha.user_w1");
    expect(attributes).toMatchObject({ name: "王二", phone_number: "+8613800000012", "custom:user": "user_w1" });
    expect(attributes.email).toBeUndefined();
  });

  it("disables and enables an account (seen through AdminGetUser: cognito-local still lets a disabled user sign in)", async () => {
    await directory.setEnabled(worker, false);
    expect((await pooled("alpha.user_w1")).enabled).toBe(false);
    await directory.setEnabled(worker, true);
    expect((await pooled("alpha.user_w1")).enabled).toBe(true);
    await directory.put({ ...worker, enabled: false });
    expect((await pooled("alpha.user_w1")).enabled).toBe(false);
  });

  it("creates a disabled account disabled, and platform staff without a district", async () => {
    await directory.put({ tenantID: "bravo", userID: "user_b1", name: "停用者", phone: "13800000021", enabled: false });
    expect((await pooled("bravo.user_b1")).enabled).toBe(false);
    await directory.put({ tenantID: null, userID: "op_1", name: "运营", email: "ops@wangge.cn", enabled: true });
    const staff = await pooled("platform.op_1");
    expect(staff.attributes["custom:tenant"]).toBeUndefined();
    expect(staff.attributes["custom:user"]).toBe("op_1");
  });

  it("issues ID tokens that name the district and the user (USER_PASSWORD_AUTH)", async () => {
    await directory.put({ tenantID: "alpha", userID: "user_r1", name: "居民", phone: "13800000031", enabled: true });
    await local.client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: userPoolID, Username: "alpha.user_r1", Password: "a-long-passw0rd", Permanent: true }),
    );
    const signedIn = await local.client.send(
      new InitiateAuthCommand({
        ClientId: clientID,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "alpha.user_r1", PASSWORD: "a-long-passw0rd" },
      }),
    );
    const idToken = signedIn.AuthenticationResult?.IdToken ?? "";
    const claims = JSON.parse(Buffer.from(idToken.split(".")[1], "base64url").toString());
    expect(identityFromClaims(claims)).toMatchObject({ tenantID: "alpha", userID: "user_r1" });
  });

  it("lists the accounts it made, as the records would describe them", async () => {
    const accounts: DirectoryAccount[] = [];
    for await (const account of directory.list()) accounts.push(account);
    expect(accounts).toEqual(
      expect.arrayContaining([
        { ...worker, enabled: false, claims: { tenantID: "alpha", userID: "user_w1" } },
        {
          tenantID: null,
          userID: "op_1",
          name: "运营",
          email: "ops@wangge.cn",
          enabled: true,
          claims: { tenantID: null, userID: "op_1" },
        },
      ]),
    );
  });

  it("puts back the who-claims of an account changed behind its back (its tokens would name someone else)", async () => {
    await local.client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: userPoolID,
        Username: "alpha.user_r1",
        UserAttributes: [{ Name: "custom:user", Value: "user_w1" }],
      }),
    );
    expect((await directory.get({ tenantID: "alpha", userID: "user_r1" }))?.claims).toEqual({ tenantID: "alpha", userID: "user_w1" });
    await directory.put({ tenantID: "alpha", userID: "user_r1", name: "居民", phone: "13800000031", enabled: true });
    expect((await pooled("alpha.user_r1")).attributes["custom:user"]).toBe("user_r1");
  });

  it("removes an account, and removing it again is no error", async () => {
    await directory.remove({ tenantID: "bravo", userID: "user_b1" });
    await directory.remove({ tenantID: "bravo", userID: "user_b1" });
    expect(await directory.get({ tenantID: "bravo", userID: "user_b1" })).toBeNull();
  });

  it("asks for AdminUserGlobalSignOut by name (cognito-local does not implement it: its refusal is the evidence)", async () => {
    await expect(directory.signOutEverywhere(worker)).rejects.toThrow(/AdminUserGlobalSignOut/);
  });

  it("formats mainland numbers as E.164 and back", () => {
    expect(e164("13800000001")).toBe("+8613800000001");
    expect(e164("+8613800000001")).toBe("+8613800000001");
    expect(mainland("+8613800000001")).toBe("13800000001");
  });
});
