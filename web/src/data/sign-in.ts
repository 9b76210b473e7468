/**
 * Signing in through OpenID Connect (Authorization Code flow + PKCE, `oidc-client-ts`): the
 * same code against the local provider (`npm start`), a Cognito user pool's managed login, or
 * any issuer the deployment names. Where to sign in comes from `VITE_OIDC_ISSUER` +
 * `VITE_OIDC_CLIENT_ID` baked in at build time, else from the API (`GET /sign-in/config`: the
 * issuer and client whose ID tokens it accepts), so one build serves every deployment.
 */
import { UserManager, WebStorageStateStore, type User } from "oidc-client-ts";
import { apiBase } from "./api.ts";

export interface SignInConfig {
  issuer: string;
  clientID: string;
  scope: string;
}

export const CallbackPath = "/auth/callback";

async function loadConfig(): Promise<SignInConfig> {
  const issuer = import.meta.env.VITE_OIDC_ISSUER;
  const clientID = import.meta.env.VITE_OIDC_CLIENT_ID;
  if (issuer && clientID) return { issuer, clientID, scope: import.meta.env.VITE_OIDC_SCOPE ?? "openid" };
  const response = await fetch(`${await apiBase()}/sign-in/config`);
  if (!response.ok) throw new Error(`The API did not say where to sign in (HTTP ${response.status}).`);
  return (await response.json()) as SignInConfig;
}

let manager: Promise<UserManager> | undefined;

/** The one UserManager of the page (made once the configuration is known). */
export function userManager(): Promise<UserManager> {
  manager ??= loadConfig().then(
    (config) =>
      new UserManager({
        authority: config.issuer,
        client_id: config.clientID,
        redirect_uri: `${location.origin}${CallbackPath}`,
        post_logout_redirect_uri: `${location.origin}/login`,
        response_type: "code",
        scope: config.scope,
        // Renewed before it expires, with the refresh token (no iframe).
        automaticSilentRenew: true,
        loadUserInfo: false,
        userStore: new WebStorageStateStore({ store: window.localStorage }),
      }),
  );
  manager.catch(() => {
    manager = undefined;
  });
  return manager;
}

/** What the API is sent: the ID token (its audience is the portal's client), and when it expires. */
export interface Signed {
  idToken: string;
  expiresAt: string;
}

export function signedOf(user: User): Signed | undefined {
  if (!user.id_token) return undefined;
  const exp = expiryOf(user.id_token) ?? user.expires_at;
  return { idToken: user.id_token, expiresAt: new Date((exp ?? 0) * 1000).toISOString() };
}

/** A JWT's `exp` (seconds), read without verifying (the API verifies). */
function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: number };
    return payload.exp;
  } catch {
    return undefined;
  }
}

/**
 * Off to the issuer's sign-in page; back at `/auth/callback`, then at `returnTo`. The district
 * chosen in the portal goes along as `district` (the local provider preselects it; other issuers
 * ignore a parameter they do not know).
 */
export async function startSignIn(returnTo = "/", district?: string): Promise<void> {
  await (await userManager()).signinRedirect({ state: { returnTo }, extraQueryParams: district ? { district } : undefined });
}

/** At `/auth/callback`: the code exchanged for tokens. */
export async function completeSignIn(): Promise<Signed & { returnTo: string }> {
  const user = await (await userManager()).signinRedirectCallback();
  const signed = signedOf(user);
  if (!signed) throw new Error("The issuer sent no ID token.");
  const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo;
  return { ...signed, returnTo: returnTo?.startsWith("/") ? returnTo : "/" };
}

/** Renewed tokens (silent renew with the refresh token), for as long as the page lives. */
export async function onRenewed(listener: (signed: Signed) => void): Promise<() => void> {
  const users = await userManager();
  const loaded = (user: User) => {
    const signed = signedOf(user);
    if (signed) listener(signed);
  };
  users.events.addUserLoaded(loaded);
  // Starts the renewal timer for a user kept from an earlier visit.
  await users.getUser();
  return () => users.events.removeUserLoaded(loaded);
}

/**
 * At load, a session kept from an earlier visit whose ID token has expired (an hour): renewed
 * with its refresh token (days) if the issuer still takes it, so that a returning resident
 * need not sign in again. Undefined when there is nothing to renew or the issuer refuses.
 */
export async function resumeSignIn(): Promise<Signed | undefined> {
  const users = await userManager();
  const user = await users.getUser();
  if (!user) return undefined;
  if (!user.expired) return signedOf(user);
  if (!user.refresh_token) return undefined;
  try {
    const renewed = await users.signinSilent();
    return renewed ? signedOf(renewed) : undefined;
  } catch {
    // Revoked (signed out everywhere, disabled) or expired: a fresh sign-in it is.
    await users.removeUser();
    return undefined;
  }
}

/**
 * Signs out here and at the issuer (its end-session endpoint, back to `/login`). An issuer
 * without one (Cognito's discovery names none) only forgets the tokens here.
 */
export async function signOutEverywhere(): Promise<void> {
  const users = await userManager();
  const user = await users.getUser();
  const metadata = await users.metadataService.getMetadata().catch(() => undefined);
  if (!user || !metadata?.end_session_endpoint) return users.removeUser();
  await users.signoutRedirect({ id_token_hint: user.id_token });
}

/** Forgets the tokens here only (a dead session). */
export async function forgetSignIn(): Promise<void> {
  await (await userManager()).removeUser();
}
