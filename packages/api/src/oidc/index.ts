/**
 * The local OpenID provider (`npm start`, tests): panva's certified oidc-provider with its
 * storage in the project's table, mounted under `<api>/oidc` of the local server. It stands
 * where Cognito's managed login (or a province's own identity platform) stands on AWS: the
 * portal signs in to it with the Authorization Code flow + PKCE and the API verifies its ID
 * tokens with its JWKS. Local mode only: the Lambda handler never imports this folder.
 */
import type { HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import { Actor, District, TooManyRequestsError, User, VisibleError, withActor } from "@wangge/core";
import { checkCode, sendCode } from "@wangge/core/identity/one-time-codes";
import { CodeLimits, consume } from "@wangge/core/identity/rate-limit";
import { Hono } from "hono";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { randomBytes } from "node:crypto";
import type { DemoTools } from "../routes/dev.ts";
import { accountID, findAccount, signInAccount, tokenClaims, type AccountKey } from "./accounts.ts";
import { dynamoAdapter } from "./adapter.ts";
import { clientAddress } from "../middleware.ts";
import { languageOf, signInPage, signOutPage, type PageState } from "./page.ts";
import { LocalPortalClientID, TokenLifetimeSeconds } from "./settings.ts";

export interface LocalProviderOptions {
  /** The issuer: `<api URL>/oidc`; the provider answers under its path. */
  issuer: string;
  /** The portal's origins: its redirect (`/auth/callback`) and sign-out (`/login`) URIs are registered for each. */
  portalOrigins: string[];
  /** The demo accounts the sign-in page offers as buttons. */
  demo: DemoTools;
}

/** oidc-provider warns that Node 20 is not its supported runtime; it runs fine here (STACK.md), so that one line is dropped. */
async function loadProvider(): Promise<typeof import("oidc-provider")> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes("Unsupported runtime")) warn(...args);
  };
  try {
    return await import("oidc-provider");
  } finally {
    console.warn = warn;
  }
}

export async function createLocalProvider(options: LocalProviderOptions) {
  const { default: Provider, interactionPolicy } = await loadProvider();
  // The page asks every time, even with a session here: it is where one picks which (demo) person to be.
  const policy = interactionPolicy.base();
  policy
    .get("login")
    .checks.add(
      new interactionPolicy.Check(
        "pick_account",
        "the local provider asks who is signing in each time",
        (ctx: { oidc: { result?: { login?: unknown } } }) => !ctx.oidc.result?.login,
      ),
    );
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  const signingKey: JWK = { ...(await exportJWK(privateKey)), kid, alg: "ES256", use: "sig" };

  const provider = new Provider(options.issuer, {
    adapter: dynamoAdapter,
    clients: [
      {
        client_id: LocalPortalClientID,
        application_type: "web",
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: options.portalOrigins.map((origin) => `${origin}/auth/callback`),
        post_logout_redirect_uris: options.portalOrigins.map((origin) => `${origin}/login`),
        id_token_signed_response_alg: "ES256",
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    findAccount,
    // The district the person chose in the portal (`district=<slug>`): the page preselects it.
    extraParams: ["district"],
    claims: { openid: ["sub", "tenant", "user"] },
    // The ID token is what the API verifies: it carries the account's claims (not only userinfo).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // A refresh token for the portal (a public client) without asking for offline_access, which Cognito does not know.
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) =>
      client.grantTypeAllowed("refresh_token"),
    clientBasedCORS: (_ctx: unknown, origin: string) => options.portalOrigins.includes(origin),
    ttl: {
      IdToken: TokenLifetimeSeconds,
      AccessToken: TokenLifetimeSeconds,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
      RefreshToken: 14 * 24 * 3600,
    },
    interactions: {
      policy,
      url: (_ctx: unknown, interaction: { uid: string }) => `${new URL(options.issuer).pathname}/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: { body: string }, form: string) => {
          ctx.body = signOutPage(form.replace("</form>", '<input type="hidden" name="logout" value="yes"></form>'));
        },
        postLogoutSuccessSource: async (ctx: { body: string }) => {
          ctx.body = "<!doctype html><title>Signed out</title><p>已退出 · Signed out</p>";
        },
      },
    },
    renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = "html";
      ctx.body = `<!doctype html><meta charset="utf-8"><title>Sign-in error</title><h1>登录出错 · Sign-in error</h1><pre>${Object.entries(
        out,
      )
        .map(([key, value]) => `${key}: ${String(value).replace(/[<>&]/g, "")}`)
        .join("\n")}</pre>`;
    },
  });
  provider.on("server_error", (_ctx, error) => console.error("[oidc] server error:", error));

  const mountPath = new URL(options.issuer).pathname;
  const callback = provider.callback();
  const routes = new Hono<{ Bindings: HttpBindings }>();

  async function page(
    c: { env: HttpBindings; req: { query(name: string): string | undefined; header(name: string): string | undefined } },
    state: Partial<PageState>,
  ) {
    const details = await provider.interactionDetails(c.env.incoming, c.env.outgoing);
    const chosen = typeof details.params.district === "string" ? details.params.district : undefined;
    return signInPage({
      action: `${mountPath}/interaction/${details.uid}`,
      language: languageOf(c.req.query("lang"), c.req.header("accept-language")),
      accounts: options.demo.accounts,
      districts: (await District.directory({})).items,
      step: "start",
      tenantID: chosen,
      ...state,
    });
  }

  /** Ends the interaction as `key`: signed in, and the portal's scopes granted (a first-party client asks no consent). */
  async function finish(c: { env: HttpBindings }, key: AccountKey) {
    const details = await provider.interactionDetails(c.env.incoming, c.env.outgoing);
    const grant = new provider.Grant({ accountId: accountID(key), clientId: details.params.client_id });
    grant.addOIDCScope(String(details.params.scope ?? "openid"));
    const grantId = await grant.save();
    return provider.interactionResult(c.env.incoming, c.env.outgoing, { login: { accountId: accountID(key) }, consent: { grantId } });
  }

  const refusal = (error: unknown) => {
    if (error instanceof VisibleError) return error.code;
    throw error;
  };

  routes.get("/interaction/:uid", async (c) => c.html(await page(c, {})));
  routes.post("/interaction/:uid/demo", async (c) => {
    const form = await c.req.parseBody();
    const chosen = options.demo.accounts.find((account) => `${account.tenantID ?? ""}:${account.userID}` === form.account);
    if (!chosen) return c.html(await page(c, { error: "user.not_found" }), 400);
    try {
      const key = await signInAccount({ tenantID: chosen.tenantID, userID: chosen.userID });
      return c.redirect(await finish(c, key), 303);
    } catch (error) {
      return c.html(await page(c, { error: refusal(error) }), 403);
    }
  });
  routes.post("/interaction/:uid/phone", async (c) => {
    const form = await c.req.parseBody();
    const tenantID = String(form.tenantID ?? "").trim();
    const phone = User.Phone.safeParse(form.phone);
    if (!Actor.isSlug(tenantID) || !phone.success)
      return c.html(await page(c, { tenantID, phone: String(form.phone ?? ""), error: "input.invalid" }), 400);
    try {
      // The same limits and codes as a resident's registration: per address, per phone, locked after ten wrong.
      await consume(CodeLimits.sendsPerAddress, "address", clientAddress(c));
      await withActor({ type: "system", tenantID }, async () => {
        await consume(CodeLimits.sendsPerPhone, tenantID, phone.data);
        await sendCode("sign_in", phone.data);
      });
    } catch (error) {
      return c.html(await page(c, { tenantID, phone: phone.data, error: refusal(error) }), 429);
    }
    return c.html(await page(c, { step: "code", tenantID, phone: phone.data }));
  });
  routes.post("/interaction/:uid/verify", async (c) => {
    const form = await c.req.parseBody();
    const tenantID = String(form.tenantID ?? "");
    const phone = String(form.phone ?? "");
    if (!Actor.isSlug(tenantID) || !User.Phone.safeParse(phone).success)
      return c.html(await page(c, { tenantID, phone, error: "input.invalid" }), 400);
    try {
      await consume(CodeLimits.checksPerAddress, "address", clientAddress(c));
      await withActor({ type: "system", tenantID }, () => checkCode("sign_in", phone, String(form.code ?? "")));
    } catch (error) {
      const code = refusal(error);
      const step = code === "code.wrong" ? "code" : "start";
      return c.html(await page(c, { step, tenantID, phone, error: code }), error instanceof TooManyRequestsError ? 429 : 400);
    }
    try {
      return c.redirect(await finish(c, await signInAccount({ tenantID, phone })), 303);
    } catch (error) {
      return c.html(await page(c, { tenantID, phone, error: refusal(error) }), 403);
    }
  });
  // Everything else is the provider's own: discovery, authorize, token, JWKS, end session…
  routes.all("*", (c) => {
    const request = c.env.incoming as HttpBindings["incoming"] & { originalUrl?: string };
    request.originalUrl = request.url;
    request.url = request.url!.slice(mountPath.length) || "/";
    callback(request, c.env.outgoing);
    return RESPONSE_ALREADY_SENT;
  });

  return {
    issuer: options.issuer,
    routes,
    /**
     * A token as the provider's ID tokens are (same key, issuer, audience, claims), without the
     * sign-in flow: for tests where the flow is not under test. In-process only; no route serves it.
     */
    async mint(key: AccountKey, lifetimeSeconds = TokenLifetimeSeconds): Promise<string> {
      return new SignJWT(tokenClaims(key))
        .setProtectedHeader({ alg: "ES256", kid })
        .setSubject(accountID(key))
        .setIssuer(options.issuer)
        .setAudience(LocalPortalClientID)
        .setIssuedAt()
        .setExpirationTime(`${lifetimeSeconds}s`)
        .sign(privateKey);
    },
  };
}
export type LocalProvider = Awaited<ReturnType<typeof createLocalProvider>>;
