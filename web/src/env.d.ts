/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The API's base URL, baked in at build time. Without it: `/config.json`'s `apiUrl`, else `/api`. */
  readonly VITE_API_URL?: string;
  /** The OpenID issuer to sign in at, baked in at build time. Without it (and the client ID): the API's `/sign-in/config`. */
  readonly VITE_OIDC_ISSUER?: string;
  /** The portal's client ID at that issuer (the ID tokens' audience). */
  readonly VITE_OIDC_CLIENT_ID?: string;
  /** The scopes to ask for (default `openid`). */
  readonly VITE_OIDC_SCOPE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
