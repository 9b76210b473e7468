import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, startTestApi } from "../../../../scripts/test/api.ts";
import { signInThroughProvider } from "../../../../scripts/test/sign-in.ts";
import { LocalPortalClientID } from "./settings.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };
const withToken = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe("the local OpenID provider", () => {
  it("signs a district user in through a demo account's button: an ID token naming the district and the user, which the API accepts", async () => {
    const signedIn = await signInThroughProvider(api, { account: "jianyang:admin" });
    expect(signedIn.status).toBe(200);
    const claims = decodeJwt(signedIn.idToken!);
    expect(claims).toMatchObject({ iss: api.provider.issuer, aud: LocalPortalClientID, tenant: "jianyang", user: "admin" });
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(3600);
    const me = await api.call("GET", "/me", withToken(signedIn.idToken!));
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body.profile.userID).toBe("admin");
  });

  it("asks who is signing in every time, even with a session at the provider (to switch demo accounts)", async () => {
    const browser = new Map<string, string>();
    const first = await signInThroughProvider(api, { account: "jianyang:admin" }, browser);
    expect(decodeJwt(first.idToken!).user).toBe("admin");
    const second = await signInThroughProvider(api, { account: "jianyang:worker" }, browser);
    expect(decodeJwt(second.idToken!).user).toBe("worker");
  });

  it("signs platform staff in: no district in the token", async () => {
    const signedIn = await signInThroughProvider(api, { account: ":operator" });
    const claims = decodeJwt(signedIn.idToken!);
    expect(claims.user).toBe("operator");
    expect(claims.tenant).toBeUndefined();
    expect((await api.call("GET", "/districts", withToken(signedIn.idToken!))).status).toBe(200);
  });

  it("renews the ID token with the refresh token, which turns over on use", async () => {
    const signedIn = await signInThroughProvider(api, { account: "jianyang:resident" });
    expect(signedIn.refreshToken).toBeTruthy();
    const refresh = (token: string) =>
      fetch(`${api.provider.issuer}/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: token, client_id: LocalPortalClientID }).toString(),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, string> }));
    const renewed = await refresh(signedIn.refreshToken!);
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
    expect(decodeJwt(renewed.body.id_token)).toMatchObject({ tenant: "jianyang", user: "resident" });
    expect(renewed.body.refresh_token).not.toBe(signedIn.refreshToken);
    expect((await api.call("GET", "/me", withToken(renewed.body.id_token))).status).toBe(200);
  });

  it("signs in by phone with the one-time code it printed; a wrong code is refused; the sixth code in an hour is not sent", async () => {
    const invited = await api.call("POST", "/users", { ...admin, body: { name: "周", phone: "13766667777", roles: ["cadre"] } });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const signedIn = await signInThroughProvider(api, { tenantID: "jianyang", phone: "13766667777" });
    expect(signedIn.status).toBe(200);
    expect(decodeJwt(signedIn.idToken!)).toMatchObject({ tenant: "jianyang", user: invited.body.userID });

    const wrong = await signInThroughProvider(api, { tenantID: "jianyang", phone: "13766667777", code: "000000" });
    expect([wrong.status, wrong.code]).toEqual([400, "code.wrong"]);
    for (let sent = 3; sent <= 5; sent++)
      expect((await signInThroughProvider(api, { tenantID: "jianyang", phone: "13766667777" })).status).toBe(200);
    // Five codes to one phone within the hour: the sixth is not sent (the same limit as registration's).
    const limited = await signInThroughProvider(api, { tenantID: "jianyang", phone: "13766667777" });
    expect([limited.status, limited.code]).toEqual([429, "rate.phone"]);
  });

  it("refuses to renew the tokens of a user disabled since signing in", async () => {
    const user = await api.call("POST", "/users", { ...admin, body: { name: "何", phone: "13766669999", roles: ["cadre"] } });
    const signedIn = await signInThroughProvider(api, { tenantID: "jianyang", phone: "13766669999" });
    expect(signedIn.refreshToken).toBeTruthy();
    await api.call("PATCH", `/users/${user.body.userID}`, { ...admin, body: { status: "disabled" } });
    const renewed = await fetch(`${api.provider.issuer}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: signedIn.refreshToken!,
        client_id: LocalPortalClientID,
      }).toString(),
    });
    expect(renewed.status).toBe(400);
    expect(((await renewed.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("tells a pending or disabled user why, and gives them no token", async () => {
    const user = await api.call("POST", "/users", { ...admin, body: { name: "吴", phone: "13766668888", roles: ["cadre"] } });
    await api.call("PATCH", `/users/${user.body.userID}`, { ...admin, body: { status: "disabled" } });
    const refused = await signInThroughProvider(api, { tenantID: "jianyang", phone: "13766668888" });
    expect([refused.status, refused.code]).toEqual([403, "user.disabled"]);
  });

  it("serves the portal its sign-in settings, and no longer mints tokens over HTTP", async () => {
    const config = await api.call("GET", "/sign-in/config");
    expect(config.body).toEqual({ issuer: api.provider.issuer, clientID: LocalPortalClientID, scope: "openid" });
    const paths = Object.keys((await api.call("GET", "/openapi.json")).body.paths);
    expect(paths).toEqual(expect.arrayContaining(["/dev/accounts", "/dev/demo", "/sign-in/config"]));
    expect(paths).not.toEqual(expect.arrayContaining(["/dev/token"]));
    expect(paths).not.toEqual(expect.arrayContaining(["/dev/jwks.json"]));
    expect((await api.call("POST", "/dev/token", { body: { userID: "admin", tenantID: "jianyang" } })).status).not.toBe(200);
    const discovery = await fetch(`${api.provider.issuer}/.well-known/openid-configuration`).then((response) => response.json());
    expect(discovery).toMatchObject({ issuer: api.provider.issuer, code_challenge_methods_supported: ["S256"] });
  });
});
