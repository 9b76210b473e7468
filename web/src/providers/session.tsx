import { useNavigate } from "@solidjs/router";
import { createSignal, onCleanup, type Accessor, type ParentProps } from "solid-js";
import { createApi, type Api } from "../data/api.ts";
import { createQuery, type Query } from "../data/query.ts";
import { forgetSignIn, onRenewed, resumeSignIn, signOutEverywhere, startSignIn, type Signed } from "../data/sign-in.ts";
import type { Me } from "../data/types.ts";
import { createStrictContext } from "./context.ts";

export const TOKEN_KEY = "wangge.token";
export const TOKEN_EXPIRES_KEY = "wangge.tokenExpiresAt";

export interface Session {
  /** The bearer token, or null when signed out. */
  token: Accessor<string | null>;
  /** Who is signed in (`GET /me`), loaded whenever the token changes. */
  me: Query<Me>;
  api: Api;
  /** Off to the OpenID issuer's sign-in page (told the district chosen, if any); back (through `/auth/callback`) at `returnTo`. */
  signIn: (returnTo?: string, district?: string) => Promise<void>;
  /** Keeps the tokens the issuer sent back (`/auth/callback`), and their renewals. */
  accept: (signed: Signed) => void;
  /** Signs out here and at the issuer. */
  signOut: () => void;
  /** Why the last session ended, if not by the user's hand. */
  notice: Accessor<"expired" | null>;
  /** True while an expired session from an earlier visit is being renewed (then: signed in, or not). */
  resuming: Accessor<boolean>;
}

const [SessionContext, useSession] = createStrictContext<Session>("Session");
export { useSession };

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage off: the session lasts as long as the page.
  }
}

/** The stored token, unless it has expired already (then `expired`: there may be a refresh token to renew it with). */
function storedToken(): { token: string | null; expired: boolean } {
  const token = read(TOKEN_KEY);
  const expiresAt = read(TOKEN_EXPIRES_KEY);
  if (token && expiresAt && Date.parse(expiresAt) <= Date.now()) {
    write(TOKEN_KEY, null);
    write(TOKEN_EXPIRES_KEY, null);
    return { token: null, expired: true };
  }
  return { token, expired: false };
}

/**
 * Holds the ID token the OpenID issuer gave (in localStorage, renewed before it expires) and
 * the API client; must sit inside the router.
 */
export function SessionProvider(props: ParentProps) {
  const navigate = useNavigate();
  const kept = storedToken();
  const [token, setToken] = createSignal<string | null>(kept.token);
  const [resuming, setResuming] = createSignal(kept.expired);
  const [notice, setNotice] = createSignal<"expired" | null>(null);

  function end() {
    write(TOKEN_KEY, null);
    write(TOKEN_EXPIRES_KEY, null);
    api.clearCache();
    setToken(null);
  }

  function keep(signed: Signed) {
    write(TOKEN_KEY, signed.idToken);
    write(TOKEN_EXPIRES_KEY, signed.expiresAt);
    setToken(signed.idToken);
  }

  // Renewed ID tokens (the issuer's refresh token, before they expire) replace the kept one.
  let watching: Promise<() => void> | undefined;
  function watchRenewals() {
    watching ??= onRenewed(keep).catch(() => () => {});
  }
  if (token()) watchRenewals();
  // An expired token from an earlier visit: renewed with the refresh token before anyone is sent to sign in.
  if (kept.expired)
    void resumeSignIn()
      .then((signed) => {
        if (!signed) return;
        keep(signed);
        watchRenewals();
      })
      .catch(() => {})
      .finally(() => setResuming(false));
  onCleanup(() => void watching?.then((stop) => stop()));

  const api = createApi({
    token,
    // A dead token (the local API restarted, or it expired): back to the login page.
    onUnauthorized: () => {
      end();
      void forgetSignIn().catch(() => {});
      setNotice("expired");
      navigate("/login", { replace: true });
    },
  });

  const me = createQuery(token, () => api.me());

  const session: Session = {
    token,
    me,
    api,
    notice,
    resuming,
    signIn: (...args) => startSignIn(...args),
    accept(signed) {
      api.clearCache();
      setNotice(null);
      keep(signed);
      watchRenewals();
    },
    signOut() {
      end();
      setNotice(null);
      void signOutEverywhere().catch(() => {});
    },
  };

  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

/** Where a signed-in person starts: their district, their province's comparison, or the district list. */
export function homePath(me: Me): string {
  if (me.actor.type === "province") return "/compare";
  return me.actor.type === "user" ? `/d/${me.actor.tenantID}` : "/districts";
}

/** The district a signed-in person works in (district users only). */
export function districtOf(me: Me | undefined): string | undefined {
  return me?.actor.type === "user" ? me.actor.tenantID : undefined;
}

/**
 * Whether `me` is a provincial admin or an operator, who visit a district's overview but not its
 * own pages: only the district's people read its tickets, grids and figures.
 */
export function isVisitor(me: Me | undefined): me is Me {
  return me !== undefined && me.actor.type !== "user";
}

/** Whether `me` administers the district `slug`. */
export function isDistrictAdmin(me: Me | undefined, slug: string): boolean {
  return me?.actor.type === "user" && me.actor.tenantID === slug && me.actor.roles.includes("district_admin");
}
