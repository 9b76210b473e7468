/**
 * The portal's sign-in, done by a test over HTTP against the local OpenID provider: the
 * Authorization Code flow with PKCE, through the provider's own sign-in page (a demo account's
 * button, or phone + the one-time code, read in-process from the provider). What the browser
 * does, without a browser.
 */
import { createHash, randomBytes } from "node:crypto";
import type { LocalProvider } from "@wangge/api/oidc/index";
import { onCodeSent } from "@wangge/core/identity/one-time-codes";
import { LocalPortalClientID } from "@wangge/api/oidc/settings";

export type SignInResult =
  | { status: 200; idToken: string; refreshToken?: string; code?: undefined; detail?: undefined }
  | { status: number; code: string; detail: string; idToken?: undefined; refreshToken?: undefined };

const statusOf: Record<string, number> = { "user.not_found": 404, "district.not_found": 404 };

/** Signs in at the provider `api` serves, by demo account (`tenant:user`), or by phone with the code it prints (or `code`). */
export async function signInThroughProvider(
  api: { origin: string; provider: LocalProvider },
  by: { account: string } | { tenantID: string; phone: string; code?: string },
  /** The browser's cookies at the provider (a fresh browser unless given). */
  jar = new Map<string, string>(),
): Promise<SignInResult> {
  const issuer = api.provider.issuer;
  async function go(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const response = await fetch(new URL(url, issuer), {
      method: init.method ?? (init.form ? "POST" : "GET"),
      redirect: "manual",
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair.indexOf("=");
      if (/expires=Thu, 01 Jan 1970/i.test(cookie) || /max-age=0\b/i.test(cookie)) jar.delete(pair.slice(0, at));
      else jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }
  /**
   * Follows redirects — and the self-submitting form by which the provider ends the session of
   * the account signed in before — until the portal's callback (whose URL it returns) or a page.
   */
  async function follow(response: Response): Promise<string | Response> {
    for (;;) {
      if (response.status >= 300 && response.status < 400) {
        const location = new URL(response.headers.get("location")!, issuer).href;
        if (location.includes("/auth/callback")) return location;
        response = await go(location);
        continue;
      }
      const html = await response.clone().text();
      if (!html.includes("<title>Submitting Callback</title>")) return response;
      const action = /<form method="post" action="([^"]+)"/.exec(html)![1];
      const fields = Object.fromEntries(
        [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((field) => [field[1], field[2]]),
      );
      response = await go(action.replace(/&amp;/g, "&"), { form: fields });
    }
  }

  const verifier = randomBytes(32).toString("base64url");
  const redirectUri = `${api.origin}/auth/callback`;
  const authorize = new URL(`${issuer}/auth`);
  authorize.search = new URLSearchParams({
    client_id: LocalPortalClientID,
    response_type: "code",
    scope: "openid",
    redirect_uri: redirectUri,
    state: randomBytes(8).toString("hex"),
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).toString();
  const page = await follow(await go(authorize.href));
  if (typeof page === "string") throw new Error("the provider signed in without asking");
  const action = /action="([^"]+)\/phone\?lang=/.exec(await page.text())?.[1];
  if (!action) throw new Error("no sign-in page");

  let result: string | Response;
  if ("account" in by) {
    result = await follow(await go(`${action}/demo?lang=en`, { form: { account: by.account } }));
  } else {
    let printed: string | undefined;
    const stop = onCodeSent((issued) => {
      if (issued.phone === by.phone) printed = issued.code;
    });
    const sent = await go(`${action}/phone?lang=en`, { form: { tenantID: by.tenantID, phone: by.phone } });
    stop();
    if (sent.status !== 200) result = sent;
    else
      result = await follow(
        await go(`${action}/verify?lang=en`, { form: { tenantID: by.tenantID, phone: by.phone, code: by.code ?? printed! } }),
      );
  }
  if (typeof result !== "string") {
    const html = await result.text();
    const refusal = /data-code="([^"]+)">([^<]*)</.exec(html);
    if (!refusal) throw new Error(`sign-in stopped at ${result.status}: ${html.slice(0, 300)}`);
    return { status: statusOf[refusal[1]] ?? result.status, code: refusal[1], detail: refusal[2] };
  }
  const code = new URL(result).searchParams.get("code");
  const token = await fetch(`${issuer}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: code!,
      redirect_uri: redirectUri,
      client_id: LocalPortalClientID,
      code_verifier: verifier,
    }).toString(),
  });
  const body = (await token.json()) as { id_token?: string; refresh_token?: string; error?: string };
  if (!body.id_token) throw new Error(`token endpoint: ${token.status} ${JSON.stringify(body)}`);
  return { status: 200, idToken: body.id_token, refreshToken: body.refresh_token };
}
