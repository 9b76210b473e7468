import { useNavigate } from "@solidjs/router";
import { createSignal, type Accessor, type ParentProps } from "solid-js";
import { createApi, type Api } from "../data/api.ts";
import { createQuery, type Query } from "../data/query.ts";
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
  /** Signs in as a demo account, or as a district user by phone (local mode only). */
  signIn: (account: { userID: string; tenantID: string | null } | { tenantID: string; phone: string }) => Promise<void>;
  signOut: () => void;
  /** Why the last session ended, if not by the user's hand. */
  notice: Accessor<"expired" | null>;
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

/** The stored token, unless it has expired already. */
function storedToken(): string | null {
  const token = read(TOKEN_KEY);
  const expiresAt = read(TOKEN_EXPIRES_KEY);
  if (token && expiresAt && Date.parse(expiresAt) <= Date.now()) {
    write(TOKEN_KEY, null);
    write(TOKEN_EXPIRES_KEY, null);
    return null;
  }
  return token;
}

/** Holds the token (in localStorage) and the API client; must sit inside the router. */
export function SessionProvider(props: ParentProps) {
  const navigate = useNavigate();
  const [token, setToken] = createSignal<string | null>(storedToken());
  const [notice, setNotice] = createSignal<"expired" | null>(null);

  function end() {
    write(TOKEN_KEY, null);
    write(TOKEN_EXPIRES_KEY, null);
    api.clearCache();
    setToken(null);
  }

  const api = createApi({
    token,
    // A dead token (the local API restarted, or it expired): back to the login page.
    onUnauthorized: () => {
      end();
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
    async signIn(account) {
      const issued = await api.devToken(
        "phone" in account ? { tenantID: account.tenantID, phone: account.phone } : { userID: account.userID, tenantID: account.tenantID },
      );
      api.clearCache();
      write(TOKEN_KEY, issued.token);
      write(TOKEN_EXPIRES_KEY, issued.expiresAt);
      setNotice(null);
      setToken(issued.token);
    },
    signOut() {
      end();
      setNotice(null);
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

/** Whether `me` administers the district `slug`. */
export function isDistrictAdmin(me: Me | undefined, slug: string): boolean {
  return me?.actor.type === "user" && me.actor.tenantID === slug && me.actor.roles.includes("district_admin");
}
